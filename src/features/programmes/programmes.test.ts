import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { textContent, visibleText, type TestClient } from '../../../test/support/http';
import { makeCohort, makeFramework, makeProgramme } from '../../../test/support/programme-world';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Invalid } from '../../platform/http/errors';
import { silentLogger } from '../../platform/log';
import { createCompletionEngine, type Evaluator } from '../../platform/completion';
import { features } from '../index';
import { describeRequirements, saveRequirements } from './programmes.service';
import { item } from '../../../test/support/present';

/** A form body with repeated names (checkboxes), which TestClient.post passes to URLSearchParams as is. */
function form(fields: Record<string, string>, lists: Record<string, string[]> = {}): Record<string, string> {
  const pairs: [string, string][] = Object.entries(fields);
  for (const [name, values] of Object.entries(lists)) for (const value of values) pairs.push([name, value]);
  return new URLSearchParams(pairs) as unknown as Record<string, string>;
}

const programmeFields = (title: string, overrides: Record<string, string> = {}) => ({
  title,
  summary: 'A first step into leadership.',
  audience: 'Colleagues in their first 2 to 4 years of teaching who have taken on a first leadership role.',
  duration: '6 months',
  delivery: 'cohort',
  modulesRequired: '',
  status: 'open',
  frameworkVersionId: '',
  frameworkLevel: '',
  minYears: '',
  maxYears: '',
  declarations: '',
  experiences: '',
  motivationWordLimit: '500',
  ...overrides,
});

async function count(
  ctx: () => TestContext,
  table: 'programmes' | 'pathways' | 'programme_requirements' | 'programme_focus_skills' | 'recommendations' | 'outbox',
) {
  const row = await ctx()
    .db.selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachEngine('designing pathways and programmes', (ctx) => {
  let world: World;
  let lead: TestClient;
  let staff: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    staff = ctx().client();
    await signIn(staff, world.staff.email);
  });

  it('a programme lead builds a pathway of three programmes and reorders its stages', async () => {
    const created = await lead.post('/pathways', { title: 'Leadership ladder', summary: 'From a first leadership role to headship.' });
    expect(created.status).toBe(303);
    const pathwayId = /\/pathways\/([^?]+)/.exec(created.location ?? '')?.[1] ?? '';
    const ids: string[] = [];
    for (const title of ['Towards Middle Leadership', 'Towards Senior Leadership', 'Towards Headship']) {
      const page = await lead.post('/programmes', form(programmeFields(title)));
      expect(page.status).toBe(303);
      const id = /\/programmes\/([^?]+)/.exec(page.location ?? '')?.[1] ?? '';
      ids.push(id);
      expect((await lead.post(`/pathways/${pathwayId}/stages`, { programmeId: id })).status).toBe(303);
    }
    const stages = async () =>
      (await ctx().db.selectFrom('programmes').select(['id', 'stage_position']).where('pathway_id', '=', pathwayId).orderBy('stage_position').execute()).map(
        (r) => [r.id, r.stage_position],
      );
    expect(await stages()).toEqual([
      [ids[0], 1],
      [ids[1], 2],
      [ids[2], 3],
    ]);

    // Headship moves up a place, then the first stage leaves the pathway and stands alone.
    expect((await lead.post(`/pathways/${pathwayId}/stages/${ids[2]}/move`, { direction: 'up' })).status).toBe(303);
    expect(await stages()).toEqual([
      [ids[0], 1],
      [ids[2], 2],
      [ids[1], 3],
    ]);
    expect((await lead.post(`/pathways/${pathwayId}/stages/${ids[0]}/move`, { direction: 'up' })).status).toBe(303);
    expect((await lead.post(`/pathways/${pathwayId}/stages/${ids[0]}/move`, { direction: 'sideways' })).status).toBe(400);
    const page = visibleText((await lead.get(`/pathways/${pathwayId}`)).text);
    expect(page.indexOf('Towards Headship')).toBeLessThan(page.indexOf('Towards Senior Leadership'));

    expect((await lead.post(`/pathways/${pathwayId}/stages/${ids[0]}/remove`)).status).toBe(303);
    expect(await stages()).toEqual([
      [ids[2], 1],
      [ids[1], 2],
    ]);
    const removed = await ctx().db.selectFrom('programmes').select(['pathway_id', 'stage_position']).where('id', '=', item(ids, 0)).executeTakeFirstOrThrow();
    expect(removed).toEqual({ pathway_id: null, stage_position: null });

    // A programme already on a pathway can't be added to another.
    const other = await lead.post('/pathways', { title: 'Another ladder', summary: '' });
    const otherId = /\/pathways\/([^?]+)/.exec(other.location ?? '')?.[1] ?? '';
    const refused = await lead.post(`/pathways/${otherId}/stages`, { programmeId: item(ids, 1) });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('already a stage of a pathway');

    // Staff see the pathway in stage order in the catalogue.
    const catalogue = visibleText((await staff.get('/programmes')).text);
    expect(catalogue).toContain('Leadership ladder');
    expect(catalogue.indexOf('Stage 1 Towards Headship')).toBeLessThan(catalogue.indexOf('Stage 2 Towards Senior Leadership'));
    expect(catalogue).toContain('Is this for me?');

    const audits = await ctx().db.selectFrom('audit_events').select('action').where('actor_id', '=', world.programmeLead.id).execute();
    const actions = audits.map((a) => a.action);
    expect(actions).toContain('pathway_created');
    expect(actions).toContain('pathway_updated');
    expect(actions.filter((a) => a === 'programme_created')).toHaveLength(3);
  });

  it('a programme keeps its eligibility rules, declarations and application questions', async () => {
    const framework = await makeFramework(ctx().db, world.organisation.id, { title: 'Leadership framework' });
    const page = await lead.post(
      '/programmes',
      form(
        programmeFields('Leadership Pathways', {
          delivery: 'modular',
          modulesRequired: '3',
          frameworkVersionId: framework.versionId,
          frameworkLevel: 'middle',
          minYears: '2',
          maxYears: '10',
          declarations: 'I have the support of my headteacher\n\n  I can lead a whole-school project  ',
          experiences: 'Lead a whole-school INSET session',
          asksForCoach: 'yes',
          asksForProject: 'yes',
          motivationWordLimit: '400',
        }),
        { staffTypes: ['teaching'], leadershipLevels: ['middle', 'senior'] },
      ),
    );
    expect(page.status).toBe(303);
    const id = /\/programmes\/([^?]+)/.exec(page.location ?? '')?.[1] ?? '';
    const row = await ctx().db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.eligibility)).toEqual({ staffTypes: ['teaching'], leadershipLevels: ['middle', 'senior'], minYears: 2, maxYears: 10 });
    expect(JSON.parse(row.declarations)).toEqual(['I have the support of my headteacher', 'I can lead a whole-school project']);
    expect(row).toMatchObject({
      delivery: 'modular',
      modules_required: 3,
      framework_version_id: framework.versionId,
      framework_level: 'middle',
      asks_for_coach: 1,
      asks_for_project: 1,
      motivation_word_limit: 400,
      status: 'open',
    });

    const edit = await lead.get(`/programmes/${id}/edit`);
    expect(edit.text).toMatch(/value="senior"[^>]*checked/);
    expect(edit.text).toContain('I can lead a whole-school project');

    // Changing the rules is audited.
    const saved = await lead.post(
      `/programmes/${id}`,
      form(programmeFields('Leadership Pathways', { delivery: 'modular', modulesRequired: '3', frameworkVersionId: framework.versionId, minYears: '3' }), {
        staffTypes: ['teaching', 'associate'],
      }),
    );
    expect(saved.status).toBe(303);
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'programme_updated')
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail).changed).toContain('eligibility');
  });

  it('bad input re-renders the form with the error summary, keeps what was typed, and writes nothing', async () => {
    const before = await count(ctx, 'programmes');
    const page = await lead.post(
      '/programmes',
      form(
        programmeFields('', {
          summary: 'Keep this summary',
          delivery: 'modular',
          minYears: '5',
          maxYears: '2',
          motivationWordLimit: 'lots',
          frameworkVersionId: newId(),
        }),
        { staffTypes: ['wizard'], leadershipLevels: ['senior'] },
      ),
    );
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter a title for the programme');
    expect(text).toContain('Enter how many modules each participant must complete');
    expect(text).toContain('The maximum number of years must be the same as or more than the minimum');
    expect(text).toContain('The word limit must be a whole number from 50 to 2000');
    expect(text).toContain('Select staff types from the list');
    expect(page.text).toContain('Keep this summary');
    expect(page.text).toMatch(/value="senior"[^>]*checked/);
    expect(page.text).toContain('href="#title"');

    const unknownVersion = await lead.post('/programmes', form(programmeFields('Has a made-up framework', { frameworkVersionId: newId() })));
    expect(unknownVersion.status).toBe(400);
    expect(visibleText(unknownVersion.text)).toContain('Select a published framework version from the list');

    await lead.post('/programmes', form(programmeFields('Only once')));
    const duplicate = await lead.post('/programmes', form(programmeFields('ONLY ONCE')));
    expect(duplicate.status).toBe(400);
    expect(visibleText(duplicate.text)).toContain('Another programme in your organisation already has this title');
    expect(await count(ctx, 'programmes')).toBe(before + 1);

    const pathways = await count(ctx, 'pathways');
    const noTitle = await lead.post('/pathways', { title: '  ', summary: 'Kept' });
    expect(noTitle.status).toBe(400);
    expect(visibleText(noTitle.text)).toContain('Enter a title for the pathway');
    expect(await count(ctx, 'pathways')).toBe(pathways);
  });

  it('requirements offer only the kinds Waymark can check, and refuse the rest', async () => {
    const modular = await makeProgramme(ctx().db, {
      organisationId: world.organisation.id,
      delivery: 'modular',
      modulesRequired: 2,
      modules: ['Leading a team'],
    });
    const cohort = await makeProgramme(ctx().db, { organisationId: world.organisation.id, delivery: 'cohort' });
    const page = await lead.get(`/programmes/${modular.id}/requirements`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="sign_off"');
    expect(page.text).toContain('value="modules"');
    expect(page.text).not.toContain('value="mentor"');

    const before = await count(ctx, 'programme_requirements');
    const unknown = await lead.post(`/programmes/${modular.id}/requirements`, form({}, { kinds: ['sign_off', 'mentor'] }));
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain('Select requirements from the list');
    const invented = await lead.post(`/programmes/${modular.id}/requirements`, form({}, { kinds: ['wizardry'] }));
    expect(invented.status).toBe(400);

    const tooFew = await lead.post(`/programmes/${modular.id}/requirements`, form({}, { kinds: ['modules', 'sign_off'] }));
    expect(tooFew.status).toBe(400);
    expect(visibleText(tooFew.text)).toContain('Participants choose 2 modules, but the programme has 1');
    const onCohort = await lead.post(`/programmes/${cohort.id}/requirements`, form({}, { kinds: ['modules'] }));
    expect(onCohort.status).toBe(400);
    expect(visibleText(onCohort.text)).toContain('only for self-directed, modular programmes');
    expect(await count(ctx, 'programme_requirements')).toBe(before);

    expect((await lead.post(`/programmes/${modular.id}/modules`, { title: 'Managing change', description: '' })).status).toBe(303);
    expect((await lead.post(`/programmes/${modular.id}/requirements`, form({}, { kinds: ['sign_off', 'modules'] }))).status).toBe(303);
    const stored = await ctx()
      .db.selectFrom('programme_requirements')
      .select(['kind', 'position'])
      .where('programme_id', '=', modular.id)
      .orderBy('position')
      .execute();
    expect(stored).toEqual([
      { kind: 'modules', position: 1 },
      { kind: 'sign_off', position: 2 },
    ]);
    // The programme page describes them to participants.
    const programmePage = visibleText((await staff.get(`/programmes/${modular.id}`)).text);
    expect(programmePage).toContain('Choose and complete 2 modules');
    expect(programmePage).toContain('A programme lead confirms you have completed the programme');

    // Saving again replaces the set.
    expect((await lead.post(`/programmes/${modular.id}/requirements`, form({}, { kinds: ['sign_off'] }))).status).toBe(303);
    expect((await ctx().db.selectFrom('programme_requirements').select('kind').where('programme_id', '=', modular.id).execute()).map((r) => r.kind)).toEqual([
      'sign_off',
    ]);
  });

  it('focus skills come from the programme’s framework version only', async () => {
    const framework = await makeFramework(ctx().db, world.organisation.id, { skills: ['A1', 'A2', 'A3'] });
    const elsewhere = await makeFramework(ctx().db, world.organisation.id, { skills: ['B1'] });
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id, frameworkVersionId: framework.versionId });
    const page = await lead.get(`/programmes/${programme.id}/skills`);
    expect(visibleText(page.text)).toContain('Leading people');
    expect(page.text).toContain(framework.skillIds[0]);

    const before = await count(ctx, 'programme_focus_skills');
    const refused = await lead.post(`/programmes/${programme.id}/skills`, form({}, { skills: [item(framework.skillIds, 0), item(elsewhere.skillIds, 0)] }));
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Select skills from the programme’s framework version');
    expect(await count(ctx, 'programme_focus_skills')).toBe(before);

    expect(
      (await lead.post(`/programmes/${programme.id}/skills`, form({}, { skills: [item(framework.skillIds, 0), item(framework.skillIds, 2)] }))).status,
    ).toBe(303);
    const shown = visibleText((await staff.get(`/programmes/${programme.id}`)).text);
    expect(shown).toContain('A1 Skill A1');
    expect(shown).toContain('A3 Skill A3');
    expect(shown).not.toContain('A2 Skill A2');

    const without = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const none = await lead.get(`/programmes/${without.id}/skills`);
    expect(visibleText(none.text)).toContain('no skills framework chosen');
    expect(none.text).toContain(`href="/programmes/${without.id}/edit"`);
  });

  it('a module someone has chosen cannot be removed', async () => {
    const programme = await makeProgramme(ctx().db, {
      organisationId: world.organisation.id,
      delivery: 'modular',
      modulesRequired: 1,
      modules: ['Leading a team', 'Coaching colleagues', 'Spare'],
    });
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: programme.id });
    const enrolmentId = newId();
    const at = '2026-11-01T09:00:00.000Z';
    await ctx()
      .db.insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: world.organisation.id,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: world.staff.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await ctx()
      .db.insertInto('enrolment_modules')
      .values({ enrolment_id: enrolmentId, module_id: item(programme.moduleIds, 0), chosen_at: at, completed_at: null, completed_by: null, reflection: null })
      .execute();

    const refused = await lead.post(`/programmes/${programme.id}/modules/${programme.moduleIds[0]}/remove`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('“Leading a team” cannot be removed: 1 participant has chosen it.');
    expect((await lead.post(`/programmes/${programme.id}/modules/${programme.moduleIds[2]}/remove`)).status).toBe(303);
    const left = await ctx().db.selectFrom('programme_modules').select('title').where('programme_id', '=', programme.id).orderBy('position').execute();
    expect(left.map((m) => m.title)).toEqual(['Leading a team', 'Coaching colleagues']);

    const blank = await lead.post(`/programmes/${programme.id}/modules`, { title: '', description: 'Kept description' });
    expect(blank.status).toBe(400);
    expect(visibleText(blank.text)).toContain('Enter a title for the module');
    expect(blank.text).toContain('Kept description');
  });
});

describeEachEngine('what staff see of programmes', (ctx) => {
  let world: World;
  let staff: TestClient;
  let lead: TestClient;
  let ids: {
    first: string;
    second: string;
    third: string;
    draft: string;
    archived: string;
    standalone: string;
    openCohort: string;
    upcomingCohort: string;
    pathwayTitle: string;
  };

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    const db = ctx().db;
    const organisationId = world.organisation.id;
    const pathwayId = newId();
    const pathwayTitle = 'Leadership ladder';
    const at = '2026-11-01T09:00:00.000Z';
    await db
      .insertInto('pathways')
      .values({
        id: pathwayId,
        organisation_id: organisationId,
        title: pathwayTitle,
        title_normalised: pathwayTitle.toLowerCase(),
        summary: 'From a first leadership role to headship.',
        created_at: at,
        updated_at: at,
      })
      .execute();
    // The staff member is a teacher, not in a leadership role, who started in schools in September 2019 (7 years ago).
    const first = await makeProgramme(db, {
      organisationId,
      title: 'Towards Middle Leadership',
      pathwayId,
      stagePosition: 1,
      eligibility: { staffTypes: ['teaching', 'associate'], maxYears: 10 },
    });
    const second = await makeProgramme(db, {
      organisationId,
      title: 'Towards Senior Leadership',
      pathwayId,
      stagePosition: 2,
      eligibility: { leadershipLevels: ['middle', 'senior'], maxYears: 4 },
      declarations: ['I have discussed this with my line manager'],
    });
    const third = await makeProgramme(db, {
      organisationId,
      title: 'Towards Headship',
      pathwayId,
      stagePosition: 3,
      eligibility: { leadershipLevels: ['senior'], minYears: 8 },
    });
    const draft = await makeProgramme(db, { organisationId, title: 'Secret draft programme', status: 'draft' });
    const archived = await makeProgramme(db, { organisationId, title: 'Old archived programme', status: 'archived' });
    const standalone = await makeProgramme(db, {
      organisationId,
      title: 'Coaching for all',
      delivery: 'modular',
      modulesRequired: 2,
      modules: ['Listening', 'Questioning', 'Feedback'],
    });
    const openCohort = await makeCohort(db, { organisationId, programmeId: second.id, name: 'Cohort 8', opensOn: '2026-11-01', closesOn: '2026-12-12' });
    const upcomingCohort = await makeCohort(db, { organisationId, programmeId: second.id, name: 'Cohort 9', opensOn: '2027-04-27', closesOn: '2027-06-12' });
    await makeCohort(db, { organisationId, programmeId: second.id, name: 'Cohort 7', opensOn: '2026-01-05', closesOn: '2026-02-27' });
    ids = {
      first: first.id,
      second: second.id,
      third: third.id,
      draft: draft.id,
      archived: archived.id,
      standalone: standalone.id,
      openCohort: openCohort.id,
      upcomingCohort: upcomingCohort.id,
      pathwayTitle,
    };
    staff = ctx().client();
    await signIn(staff, world.staff.email);
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
  });

  it('staff see only open programmes; leads also see drafts and archived ones, tagged', async () => {
    const catalogue = visibleText((await staff.get('/programmes')).text);
    expect(catalogue).toContain('Towards Middle Leadership');
    expect(catalogue).toContain('Coaching for all');
    expect(catalogue).not.toContain('Secret draft programme');
    expect(catalogue).not.toContain('Old archived programme');
    expect(catalogue).not.toContain('Add a programme');
    expect(catalogue.indexOf('Leadership ladder')).toBeLessThan(catalogue.indexOf('Other programmes'));
    expect(catalogue).toContain('Cohort 8: applications open until 12 December 2026');
    expect((await staff.get(`/programmes/${ids.draft}`)).status).toBe(404);
    expect((await staff.get(`/programmes/${ids.archived}`)).status).toBe(404);

    const leadCatalogue = visibleText((await lead.get('/programmes')).text);
    expect(leadCatalogue).toContain('Secret draft programme Draft');
    expect(leadCatalogue).toContain('Old archived programme Archived');
    expect(leadCatalogue).toContain('Add a programme');
    const draftPage = await lead.get(`/programmes/${ids.draft}`);
    expect(draftPage.status).toBe(200);
    expect(visibleText(draftPage.text)).toContain('only programme leads can see it');
  });

  it('the catalogue keeps a space between a stage’s number and its programme’s title', async () => {
    const catalogue = textContent((await staff.get('/programmes')).text);
    expect(catalogue).toContain('Stage 1 Towards Middle Leadership');
    expect(catalogue).toContain('Stage 2 Towards Senior Leadership');
  });

  it('the programme page says who it is for, where it sits on the pathway, and why the viewer is not eligible', async () => {
    const page = await staff.get(`/programmes/${ids.second}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Stage 2 of 3: Leadership ladder');
    expect(text).toContain('Who is this for?');
    expect(text).toContain('Teachers and associate staff who lead, or want to lead, a team.');
    expect(text).toContain('Leadership role: middle leader or senior leader');
    expect(text).toContain('No more than 4 years working in schools');
    expect(text).toContain('I have discussed this with my line manager');
    expect(text).toContain('Based on your staff record');
    expect(text).toContain('It is for middle leaders or senior leaders, and you are not in a leadership role.');
    expect(text).toContain('It is for people with no more than 4 years in schools, and you have 7 years.');
    expect(text).toContain('ask your school admin');
    expect(page.text).toContain(`href="/programmes/${ids.first}"`);
    expect(page.text).toContain(`href="/programmes/${ids.third}"`);
    // Applications: the next round says when it opens; the closed one isn’t offered.
    // The viewer fails the rules: they are told why, not offered an application they could never submit.
    expect(page.text).not.toContain(`action="/cohorts/${ids.openCohort}/apply"`);
    expect(text).not.toContain('Start your application');
    expect(text).toContain('You cannot apply: your staff record does not meet this programme’s rules.');
    expect(text).toContain('Cohort 9: applications open on 27 April 2027');
    expect(page.text).not.toContain(`/cohorts/${ids.upcomingCohort}/apply`);
    expect(text).not.toContain('Cohort 7');
    expect(text).not.toContain('Recommend a colleague');
    expect(text).not.toContain('Manage this programme');

    const eligible = visibleText((await staff.get(`/programmes/${ids.first}`)).text);
    expect(eligible).toContain('You meet the rules for this programme.');
    expect(eligible).toContain('Stage 1 of 3');

    const modular = visibleText((await staff.get(`/programmes/${ids.standalone}`)).text);
    expect(modular).toContain('you choose 2 modules from 3');
    expect(modular).toContain('Questioning');

    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    expect(visibleText((await manager.get(`/programmes/${ids.second}`)).text)).toContain('Recommend a colleague');

    const leadPage = await lead.get(`/programmes/${ids.second}`);
    expect(leadPage.text).toContain(`href="/programmes/${ids.second}/cohorts/new"`);
    expect(leadPage.text).toContain(`href="/cohorts/${ids.upcomingCohort}"`);
    expect(leadPage.text).toContain(`href="/programmes/${ids.second}/requirements"`);

    const outsider = ctx().client();
    await signIn(outsider, world.otherAdmin.email);
    expect((await outsider.get(`/programmes/${ids.second}`)).status).toBe(404);
  });

  it('“Is this for me?” asks one question a page, prefilled from the staff record, then says which programmes fit and why not', async () => {
    const first = await staff.get('/programmes/is-this-for-me');
    expect(first.status).toBe(200);
    expect(visibleText(first.text)).toContain('What kind of role do you have?');
    expect(first.text).toMatch(/value="teaching"[^>]*checked/);
    expect(first.text).toContain('method="get"');

    const second = await staff.get('/programmes/is-this-for-me?role=teaching&question=level');
    expect(visibleText(second.text)).toContain('What is your current leadership level?');
    expect(second.text).toMatch(/value="none"[^>]*checked/);
    expect(second.text).toContain('name="role" value="teaching"');

    const third = await staff.get('/programmes/is-this-for-me?role=teaching&level=none&question=years');
    expect(third.text).toMatch(/name="years"[^>]*value="7"/);

    const result = visibleText((await staff.get('/programmes/is-this-for-me?role=teaching&level=none&years=7&question=result')).text);
    expect(result).toContain('Programmes you can apply for');
    expect(result.indexOf('Towards Middle Leadership')).toBeLessThan(result.indexOf('Programmes that are not for you yet'));
    expect(result.indexOf('Towards Senior Leadership')).toBeGreaterThan(result.indexOf('Programmes that are not for you yet'));
    expect(result).toContain('It is for people with no more than 4 years in schools, and you have 7 years.');
    expect(result).not.toContain('Secret draft programme');
    expect(result).toContain('ask your school admin to change it');

    // Other answers give other results: a senior leader with 9 years fits Towards Headship.
    const senior = visibleText((await staff.get('/programmes/is-this-for-me?role=teaching&level=senior&years=9&question=result')).text);
    expect(senior.indexOf('Towards Headship')).toBeLessThan(senior.indexOf('Programmes that are not for you yet'));
  });

  it('“Is this for me?” sends a bad or missing answer back to its question with an error', async () => {
    const wizard = await staff.get('/programmes/is-this-for-me?role=wizard&level=none&years=3&question=result');
    expect(wizard.status).toBe(400);
    expect(visibleText(wizard.text)).toContain('Select the kind of role you have');
    expect(wizard.text).toContain('govuk-error-summary');
    const years = await staff.get('/programmes/is-this-for-me?role=teaching&level=none&years=lots&question=result');
    expect(years.status).toBe(400);
    expect(visibleText(years.text)).toContain('Years in schools must be a whole number');
    const missing = await staff.get('/programmes/is-this-for-me?role=teaching&question=years');
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Select your current leadership level');
    const nonsense = await staff.get('/programmes/is-this-for-me?question=%00&role[]=x');
    expect(nonsense.status).toBe(200);
  });

  it('a line manager recommends their report, who is emailed; nobody outside their reach can be recommended', async () => {
    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    const form = await manager.get(`/programmes/${ids.first}/recommend`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${world.report.id}"`);
    expect(form.text).not.toContain(`value="${world.staff.id}"`);

    const recommendations = await count(ctx, 'recommendations');
    const outbox = await count(ctx, 'outbox');
    const outside = await manager.post(`/programmes/${ids.first}/recommend`, { personId: world.staff.id, note: 'Keep this note' });
    expect(outside.status).toBe(400);
    expect(visibleText(outside.text)).toContain('Select a colleague from the list');
    expect(outside.text).toContain('Keep this note');
    const otherOrg = await manager.post(`/programmes/${ids.first}/recommend`, { personId: world.otherAdmin.id });
    expect(otherOrg.status).toBe(400);
    expect(await count(ctx, 'recommendations')).toBe(recommendations);
    expect(await count(ctx, 'outbox')).toBe(outbox);
    expect((await manager.get(`/programmes/${ids.draft}/recommend`)).status).toBe(404);

    const sent = await manager.post(`/programmes/${ids.first}/recommend`, { personId: world.report.id, note: 'You ran the reading group brilliantly.' });
    expect(sent.status).toBe(303);
    expect(visibleText((await manager.get(sent.location ?? '')).text)).toContain(`Recommendation sent to Ravi ${world.report.familyName}`);
    const row = await ctx().db.selectFrom('recommendations').selectAll().where('person_id', '=', world.report.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ programme_id: ids.first, recommended_by: world.lineManager.id, note: 'You ran the reading group brilliantly.' });
    await ctx().deliverMail();
    const email = ctx().mailer.sent.find((e) => e.to === world.report.email);
    expect(email?.subject).toBe(`Lena ${world.lineManager.familyName} has recommended you for Towards Middle Leadership`);
    expect(email?.text).toContain(`http://localhost/programmes/${ids.first}`);
    expect(email?.text).toContain('You ran the reading group brilliantly.');
    expect(email?.text).toContain('Start your application');
    const audit = await ctx().db.selectFrom('audit_events').select('subject_id').where('action', '=', 'recommendation_made').executeTakeFirstOrThrow();
    expect(audit.subject_id).toBe(row.id);
  });

  it('a school admin recommends only staff of their school, and not themselves', async () => {
    const adminB = ctx().client();
    await signIn(adminB, world.schoolAdminB.email);
    const colleague = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Bea' });
    const page = await adminB.get(`/programmes/${ids.first}/recommend`);
    expect(page.text).toContain(`value="${colleague.id}"`);
    expect(page.text).not.toContain(`value="${world.report.id}"`);
    expect(page.text).not.toContain(`value="${world.schoolAdminB.id}"`);
    expect((await adminB.post(`/programmes/${ids.first}/recommend`, { personId: world.report.id })).status).toBe(400);
    expect((await adminB.post(`/programmes/${ids.first}/recommend`, { personId: world.schoolAdminB.id })).status).toBe(400);
    expect((await adminB.post(`/programmes/${ids.first}/recommend`, { personId: colleague.id })).status).toBe(303);
  });
});

describeEachEngine('requirement settings', (ctx) => {
  // Today's evaluators (modules, sign-off) have no settings; later ones (attendance, 360) do.
  const attendance: Evaluator = {
    kind: 'attendance',
    order: 60,
    title: 'Minimum attendance',
    description: 'Participants attend enough of the sessions.',
    settings: [{ name: 'minimum', label: 'Minimum attendance', min: 50, max: 100, default: 80, suffix: '%' }],
    describe: (settings) => `Attend at least ${settings.minimum}% of sessions`,
    evaluate: async () => new Map(),
  };

  it('settings are checked against each evaluator’s range and stored with the requirement', async () => {
    const world = await makeWorld(ctx().db);
    const deps: AppDeps = {
      db: ctx().db,
      config: ctx().config,
      clock: ctx().clock,
      mailer: ctx().mailer,
      logger: silentLogger,
      completion: createCompletionEngine([attendance]),
      events: features.events(ctx().clock),
      navigation: features.navigation,
      notificationKinds: features.notificationKinds,
      personRecordSections: features.personRecordSections,
    };
    const viewer: Viewer = {
      id: world.programmeLead.id,
      sessionId: 'test',
      organisationId: world.organisation.id,
      organisationName: world.organisation.name,
      schoolId: world.schoolB.id,
      givenName: 'Priya',
      familyName: 'Lead',
      email: world.programmeLead.email,
      roles: [{ role: 'programme_lead', schoolId: null }],
      isLineManager: false,
    };
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });

    await expect(saveRequirements(deps, viewer, programme.id, ['attendance'], { 'attendance-minimum': '120' }, null)).rejects.toMatchObject({
      fieldErrors: { 'attendance-minimum': 'Minimum attendance must be a whole number from 50 to 100' },
    });
    await expect(saveRequirements(deps, viewer, programme.id, ['attendance', 'sign_off'], {}, null)).rejects.toBeInstanceOf(Invalid);
    expect(await ctx().db.selectFrom('programme_requirements').select('id').where('programme_id', '=', programme.id).execute()).toEqual([]);

    await saveRequirements(deps, viewer, programme.id, ['attendance'], { 'attendance-minimum': '90' }, null);
    const stored = await ctx().db.selectFrom('programme_requirements').select(['kind', 'settings']).where('programme_id', '=', programme.id).execute();
    expect(stored).toEqual([{ kind: 'attendance', settings: '{"minimum":90}' }]);
    const described = describeRequirements(
      deps,
      { id: programme.id, modules_required: null },
      await ctx().db.selectFrom('programme_requirements').select(['id', 'kind', 'position', 'settings']).where('programme_id', '=', programme.id).execute(),
    );
    expect(described.map((r) => r.text)).toEqual(['Attend at least 90% of sessions']);
  });
});
