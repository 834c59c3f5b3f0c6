import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { makeProjectsWorld } from '../../../test/support/worlds/projects';
import { pdfText } from '../../../test/support/pdf';

// A teacher's record includes a programme stage they completed and a project with its impact, each
// recorded by Waymark from their organisation's records: on their page, on a link (unless left out),
// in the PDF and in the record file, which another organisation brings in. A project's private
// working (updates, comments, the final report's text) appears in none of them.

const PRIVATE = [
  'Private update: the head of year was unhappy',
  'What I learned privately',
  'More pupils read.',
  'Launch the reading club',
  'Assessor’s private note on the criterion',
];

function shareForm(leaveOut: string[] = []) {
  const form = new URLSearchParams({ label: 'Deputy head application', 'expiresOn-day': '31', 'expiresOn-month': '1', 'expiresOn-year': '2027' });
  for (const item of leaveOut) form.append('leaveOut', item);
  return form;
}

describeEachEngine('programmes and projects in the leadership record', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let teacher: TestClient;
  let projectId: string;
  let programmeTitle: string;
  let pathwayTitle: string;
  let exported: string;
  let roleKey: string;

  const linkOf = async (location: string | null) => {
    const id = (location ?? '').split('/')[3]?.split('?')[0] ?? '';
    const row = await ctx().db.selectFrom('record_shares').select('token').where('id', '=', id).executeTakeFirstOrThrow();
    return `/shared/${row.token}`;
  };
  const expectNoPrivateWorking = (text: string) => {
    for (const words of PRIVATE) expect(text).not.toContain(words);
  };

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    await db
      .updateTable('enrolments')
      .set({ status: 'completed', completed_at: '2026-11-20T15:00:00.000Z' })
      .where('id', '=', programmes.enrolmentId)
      .execute();
    const programme = await db.selectFrom('programmes').select('title').where('id', '=', programmes.programmeId).executeTakeFirstOrThrow();
    programmeTitle = programme.title;
    pathwayTitle = (await db.selectFrom('pathways').select('title').where('id', '=', programmes.pathwayId).executeTakeFirstOrThrow()).title;

    projectId = (await makeProjectsWorld(db, world, programmes)).projectId ?? '';
    // Assessed as met, linked to a focus skill, with a private update and comment on it.
    const skill = await db
      .selectFrom('programme_focus_skills')
      .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
      .select(['framework_skills.id', 'framework_skills.code', 'framework_skills.title'])
      .where('programme_focus_skills.programme_id', '=', programmes.programmeId)
      .orderBy('framework_skills.code')
      .executeTakeFirstOrThrow();
    await db.insertInto('project_skills').values({ project_id: projectId, skill_id: skill.id }).execute();
    await db.updateTable('projects').set({ status: 'met' }).where('id', '=', projectId).execute();
    await db
      .updateTable('project_submissions')
      .set({ outcome: 'met', assessed_by: world.programmeLead.id, assessed_at: '2026-11-18T10:00:00.000Z', feedback: 'What I learned privately' })
      .where('project_id', '=', projectId)
      .execute();
    const criterion = await db.selectFrom('project_criteria').select('id').where('project_id', '=', projectId).executeTakeFirstOrThrow();
    const submission = await db.selectFrom('project_submissions').select('id').where('project_id', '=', projectId).executeTakeFirstOrThrow();
    await db
      .insertInto('project_judgements')
      .values({ submission_id: submission.id, criterion_id: criterion.id, judgement: 'met', feedback: 'Assessor’s private note on the criterion' })
      .execute();
    await db
      .insertInto('project_notes')
      .values({
        id: newId(),
        project_id: projectId,
        author_id: world.report.id,
        kind: 'update',
        author_role: 'participant',
        body: 'Private update: the head of year was unhappy',
        reflection: 'What I learned privately',
        created_at: '2026-11-05T09:00:00.000Z',
      })
      .execute();

    teacher = ctx().client({ address: '10.7.0.1' });
    await signIn(teacher, world.report.email);
  });

  it('offers the completed programme and the project to include, with where each came from', async () => {
    const text = visibleText((await teacher.get('/record')).text);
    expect(text).toContain(`Programme completed: ${programmeTitle} (Stage 1 of ${pathwayTitle})`);
    expect(text).toContain(`You completed it on 20 November 2026. Recorded by Waymark from ${world.organisation.name}’s records`);
    expect(text).toContain('Project: Reading for pleasure in Year 7');
    expect(text).toContain(`Recorded by Waymark from ${world.organisation.name}’s staff records`);
    roleKey = /value="(role:[^"]+)"/.exec((await teacher.get('/record')).text)?.[1] ?? '';
    expect(roleKey).toMatch(/^role:/);
    // Nothing is included until ticked.
    expect(text).not.toContain('Programmes completed');
    expect(text).not.toContain('Projects and their impact');
  });

  it('refuses someone else’s programme or project, and saves nothing', async () => {
    const colleague = ctx().client({ address: '10.7.0.2' });
    await signIn(colleague, world.staff.email);
    for (const item of [`programme:${programmes.enrolmentId}`, `project:${projectId}`]) {
      const page = await colleague.post('/record', { statement: '', items: item });
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('Select only items from your own record');
    }
    expect(await ctx().db.selectFrom('record_items').selectAll().where('person_id', '=', world.staff.id).execute()).toHaveLength(0);
  });

  it('shows the included programme and project on the person’s page, a project as its public summary only', async () => {
    const form = new URLSearchParams({ statement: 'I lead reading.' });
    form.append('items', `programme:${programmes.enrolmentId}`);
    form.append('items', `project:${projectId}`);
    form.append('items', roleKey);
    expect((await teacher.post('/record', form)).status).toBe(303);
    const page = await teacher.get('/record');
    const text = visibleText(page.text);
    expect(text).toContain('Programmes completed');
    expect(text).toContain(`${programmeTitle} (Stage 1 of ${pathwayTitle})`);
    expect(text).toContain('Cohort 1, 13 April 2026 to 18 December 2026. Completed 20 November 2026, run by Northern Lights Trust.');
    expect(text).toContain('Projects and their impact');
    expect(text).toContain('Roles held');
    expect(text).toContain(`Recorded by Waymark from ${world.organisation.name}’s staff records.`);
    expect(text).toContain('Reading is a school priority.');
    expect(text).toContain('Assessed on 18 November 2026: every success criterion met.');
    expect(text).toContain('Pupils reading at home weekly (%)');
    expect(text).toContain('10 September 2026 (baseline) 41%');
    expect(text).toContain('1 November 2026 48.5%');
    expect(text).toContain('Target 60%');
    expectNoPrivateWorking(page.text);
  });

  it('shows them on a link, and leaves out of a link what the person left out', async () => {
    const full = await teacher.post('/record/shares/new', shareForm());
    expect(full.status).toBe(303);
    const panel = ctx().client({ address: '10.7.0.3' });
    const shared = await panel.get(await linkOf(full.location));
    expect(shared.status).toBe(200);
    const text = visibleText(shared.text);
    expect(text).toContain(`${programmeTitle} (Stage 1 of ${pathwayTitle})`);
    expect(text).toContain(`Recorded by Waymark from ${world.organisation.name}’s records.`);
    expect(text).toContain('Reading for pleasure in Year 7');
    expect(text).toContain('Target 60%');
    expect(text).toContain('Roles held');
    expectNoPrivateWorking(shared.text);

    const less = await teacher.post('/record/shares/new', shareForm([`project:${projectId}`, roleKey]));
    expect(less.status).toBe(303);
    const partial = visibleText((await panel.get(await linkOf(less.location))).text);
    expect(partial).toContain(programmeTitle);
    expect(partial).not.toContain('Reading for pleasure in Year 7');
    expect(partial).not.toContain('Pupils reading at home weekly');
    expect(partial).not.toContain('Roles held');
  });

  it('prints them in the PDF, without the project’s private working', async () => {
    const pdf = await teacher.getBytes('/record/record.pdf');
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('Programmes completed');
    expect(text).toContain(programmeTitle);
    expect(text).toContain('Projects and their impact');
    expect(text).toContain('Reading for pleasure in Year 7');
    expect(text).toContain('48.5%');
    expect(text).toContain('Roles held');
    expectNoPrivateWorking(text);
  });

  it('puts them in the signed record file, without the project’s private working', async () => {
    exported = (await teacher.get('/record/export.json')).text;
    const file = JSON.parse(exported) as {
      credentialSubject: { achievement: { achievementType: string }[]; leadershipRecord: { programmes: unknown[]; projects: unknown[]; roles: unknown[] } };
    };
    expect(file.credentialSubject.leadershipRecord.programmes).toEqual([
      {
        programme: programmeTitle,
        stage: `Stage 1 of ${pathwayTitle}`,
        cohort: 'Cohort 1',
        organisation: world.organisation.name,
        startedOn: '2026-04-13',
        endedOn: '2026-12-18',
        completedOn: '2026-11-20',
        broughtFrom: null,
      },
    ]);
    expect(file.credentialSubject.leadershipRecord.projects).toEqual([
      expect.objectContaining({
        title: 'Reading for pleasure in Year 7',
        aim: 'Reading is a school priority.',
        status: 'met',
        skills: [expect.objectContaining({ code: 'LP1' })],
        criteria: ['More pupils read at home'],
        measures: [
          {
            name: 'Pupils reading at home weekly',
            unit: '%',
            baselineValue: 41,
            baselineOn: '2026-09-10',
            targetValue: 60,
            outcomes: [{ measuredOn: '2026-11-01', value: 48.5 }],
          },
        ],
        assessment: { outcome: 'met', assessedOn: '2026-11-18', criteria: [{ text: 'More pupils read at home', judgement: 'met' }] },
        organisation: world.organisation.name,
        broughtFrom: null,
      }),
    ]);
    expect(file.credentialSubject.leadershipRecord.roles).toEqual([
      expect.objectContaining({ leadershipLevel: expect.any(String), organisation: world.organisation.name, to: null, broughtFrom: null }),
    ]);
    expect(file.credentialSubject.achievement.map((a) => a.achievementType).sort()).toEqual(['ext:ProgrammeCompleted', 'ext:Project']);
    expectNoPrivateWorking(exported);
  });

  it('brings them into another organisation’s record, and refuses a file whose project was changed', async () => {
    const arrival = await makePerson(ctx().db, {
      organisationId: world.otherOrganisation.id,
      schoolId: world.otherSchool.id,
      givenName: 'Ravi',
      familyName: world.report.familyName,
    });
    const newcomer = ctx().client({ address: '10.7.0.4' });
    await signIn(newcomer, arrival.email);
    const upload = (text: string) =>
      newcomer.upload(
        '/record/import',
        {},
        { field: 'file', name: 'leadership-record.json', content: new Uint8Array(Buffer.from(text)), type: 'application/json' },
      );
    const imported = async () => (await ctx().db.selectFrom('record_imported_items').select('kind').where('person_id', '=', arrival.id).execute()).length;

    // A changed target: the organisation's signature no longer holds, so every item is refused and nothing comes in.
    const changed = JSON.parse(exported) as { credentialSubject: { leadershipRecord: { projects: { measures: { targetValue: number }[] }[] } } };
    const measure = changed.credentialSubject.leadershipRecord.projects[0]?.measures[0];
    if (measure) measure.targetValue = 45;
    const refused = await upload(JSON.stringify(changed));
    expect(refused.status).toBe(303);
    const preview = visibleText((await newcomer.get(refused.location ?? '')).text);
    expect(preview).toContain('This file can’t be brought in');
    expect(preview).toContain(`Project: Reading for pleasure in Year 7 Refused: The file has been changed since ${world.organisation.name} signed it`);
    expect((await newcomer.post(refused.location ?? '')).status).toBe(400);
    expect(await imported()).toBe(0);

    const started = await upload(exported);
    expect(started.status).toBe(303);
    const genuine = visibleText((await newcomer.get(started.location ?? '')).text);
    expect(genuine).toContain(
      `Programme completed: ${programmeTitle} (Stage 1 of ${pathwayTitle}) Brought from ${world.organisation.name}, verified on import`,
    );
    expect(genuine).toContain(`Project: Reading for pleasure in Year 7 Brought from ${world.organisation.name}, verified on import`);
    expect((await newcomer.post(started.location ?? '')).status).toBe(303);
    expect(await imported()).toBe(3);

    const record = visibleText((await newcomer.get('/record')).text);
    expect(record).toContain('Programmes completed');
    expect(record).toContain(`Brought from ${world.organisation.name}, verified on import on 24 November 2026.`);
    expect(record).toContain('Projects and their impact');
    expect(record).toContain('Target 60%');
    expect(record).toContain('Roles held');

    // Taken on again, they say where they were brought from.
    const onward = JSON.parse((await newcomer.get('/record/export.json')).text) as {
      credentialSubject: { leadershipRecord: { programmes: { broughtFrom: string }[]; projects: { broughtFrom: string; organisation: string }[] } };
    };
    expect(onward.credentialSubject.leadershipRecord.programmes).toEqual([expect.objectContaining({ broughtFrom: world.organisation.name })]);
    expect(onward.credentialSubject.leadershipRecord.projects).toEqual([
      expect.objectContaining({ broughtFrom: world.organisation.name, organisation: world.organisation.name }),
    ]);
  });
});
