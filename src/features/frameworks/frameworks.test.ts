import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { createOrganisation } from '../organisations';
import { listPublishedVersions, skillsOfVersion } from './index';
import { item } from '../../../test/support/present';

const PUBLISHED = 'This version is published and cannot change. Create a new draft to change it.';

function idsFrom(location: string | null) {
  const match = /^\/frameworks\/([^/?#]+)\/versions\/([^/?#]+)/.exec(location ?? '');
  if (!match) throw new Error(`not a version page: ${location}`);
  const [, frameworkId = '', versionId = ''] = match;
  return { frameworkId, versionId, base: `/frameworks/${frameworkId}/versions/${versionId}` };
}

/** Everything stored for a version, to show that nothing changed. */
async function snapshot(ctx: TestContext, versionId: string) {
  const db = ctx.db;
  return {
    version: await db.selectFrom('framework_versions').selectAll().where('id', '=', versionId).executeTakeFirst(),
    domains: await db.selectFrom('framework_domains').selectAll().where('version_id', '=', versionId).orderBy('id').execute(),
    skills: await db.selectFrom('framework_skills').selectAll().where('version_id', '=', versionId).orderBy('id').execute(),
  };
}

async function counts(ctx: TestContext) {
  const n = async (table: 'frameworks' | 'framework_versions' | 'framework_domains' | 'framework_skills' | 'audit_events') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    frameworks: await n('frameworks'),
    versions: await n('framework_versions'),
    domains: await n('framework_domains'),
    skills: await n('framework_skills'),
    audit: await n('audit_events'),
  };
}

async function auditActions(ctx: TestContext, subjectIds: string[]) {
  const rows = await ctx.db.selectFrom('audit_events').select('action').where('subject_id', 'in', subjectIds).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => r.action);
}

/** Creates a framework through the forms: one domain, two skills; returns its draft's ids. */
async function buildFramework(lead: TestClient, title: string) {
  const created = await lead.post('/frameworks', { title, description: 'What good middle leadership looks like.', track: 'teaching' });
  expect(created.status).toBe(303);
  const ids = idsFrom(created.location);
  const domain = await lead.post(`${ids.base}/domains`, { title: 'Leading people', description: 'Working with and through a team.' });
  expect(domain.status).toBe(303);
  const domainId = /#domain-(.+)$/.exec(domain.location ?? '')?.[1] as string;
  expect(
    (
      await lead.post(`${ids.base}/skills`, {
        domainId,
        code: 'LP1',
        title: 'Giving feedback',
        description: 'Says what went well and what next.',
        'descriptor-middle': 'Gives feedback to their team each week.',
        'descriptor-headship': 'Builds a culture of feedback.',
      })
    ).status,
  ).toBe(303);
  expect(
    (await lead.post(`${ids.base}/skills`, { domainId, code: 'LP2', title: 'Delegating', description: 'Hands work on with clear outcomes.' })).status,
  ).toBe(303);
  return { ...ids, domainId };
}

describeEachEngine('skills frameworks', (ctx) => {
  let world: World;
  let lead: TestClient;
  let orgAdmin: TestClient;
  let otherAdmin: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    orgAdmin = ctx().client();
    await signIn(orgAdmin, world.orgAdmin.email);
    otherAdmin = ctx().client();
    await signIn(otherAdmin, world.otherAdmin.email);
  });

  it('a programme lead creates a framework, adds a domain and skills, and publishes version 1', async () => {
    const { base, frameworkId, versionId } = await buildFramework(lead, 'Middle leadership skills');
    const draft = visibleText((await lead.get(base)).text);
    expect(draft).toContain('Version 1 Draft');
    expect(draft).toContain('LP1: Giving feedback');
    expect(draft).toContain('Towards middle leadership Gives feedback to their team each week.');
    expect(draft).toContain('Towards senior leadership No descriptor');

    const published = await lead.post(`${base}/publish`);
    expect(published.status).toBe(303);
    const page = visibleText((await lead.get(base)).text);
    expect(page).toContain('Version 1 Published');
    expect(page).toContain(`Published on 24 November 2026 by ${world.programmeLead.givenName}`);
    expect(page).toContain('Create a new draft');
    expect(page).not.toContain('Add a skill');

    const list = visibleText((await lead.get('/frameworks')).text);
    expect(list).toContain('Middle leadership skills Teaching staff Version 1 of Middle leadership skills , published 24 November 2026 None');
    expect(await auditActions(ctx(), [frameworkId, versionId])).toEqual(['framework_created', 'framework_version_published']);

    const versions = await listPublishedVersions(ctx().db, world.organisation.id);
    expect(versions).toContainEqual({
      versionId,
      frameworkId,
      title: 'Middle leadership skills',
      number: 1,
      levels: expect.arrayContaining([{ key: 'middle', title: 'Towards middle leadership' }]),
    });
    const domains = await skillsOfVersion(ctx().db, versionId);
    expect(domains.map((d) => [d.title, d.skills.map((s) => s.code)])).toEqual([['Leading people', ['LP1', 'LP2']]]);
  });

  it('a published version cannot change: every edit route answers 409 and nothing is changed', async () => {
    const { base, domainId } = await buildFramework(lead, 'Unchangeable skills');
    expect((await lead.post(`${base}/publish`)).status).toBe(303);
    const versionId = idsFrom(base).versionId;
    const skillId = (
      await ctx().db.selectFrom('framework_skills').select('id').where('version_id', '=', versionId).where('code', '=', 'LP1').executeTakeFirstOrThrow()
    ).id;
    const before = await snapshot(ctx(), versionId);

    const gets = [`${base}/edit`, `${base}/domains/new`, `${base}/domains/${domainId}/edit`, `${base}/skills/new`, `${base}/skills/${skillId}/edit`];
    const posts: [string, Record<string, string>][] = [
      [base, { 'level-1-key': 'new', 'level-1-title': 'New level' }],
      [`${base}/publish`, {}],
      [`${base}/discard`, {}],
      [`${base}/domains`, { title: 'Another domain' }],
      [`${base}/domains/${domainId}`, { title: 'Renamed' }],
      [`${base}/domains/${domainId}/remove`, {}],
      [`${base}/skills`, { domainId, code: 'LP9', title: 'Sneaked in' }],
      [`${base}/skills/${skillId}`, { domainId, code: 'LP1', title: 'Renamed skill' }],
      [`${base}/skills/${skillId}/remove`, {}],
    ];
    for (const path of gets) {
      const page = await lead.get(path);
      expect(page.status, `GET ${path}`).toBe(409);
      expect(visibleText(page.text)).toContain(PUBLISHED);
    }
    for (const [path, form] of posts) {
      const page = await lead.post(path, form);
      expect(page.status, `POST ${path}`).toBe(409);
      expect(visibleText(page.text)).toContain(PUBLISHED);
    }
    expect(await snapshot(ctx(), versionId)).toEqual(before);
  });

  it('a new draft copies the published version; publishing it makes version 2 and leaves version 1 as it was', async () => {
    const { base, frameworkId, versionId: v1 } = await buildFramework(lead, 'Senior leadership skills');
    await lead.post(`${base}/publish`);
    const v1Before = await snapshot(ctx(), v1);

    const opened = await lead.post(`/frameworks/${frameworkId}/drafts`);
    expect(opened.status).toBe(303);
    const draft = idsFrom(opened.location);
    expect(draft.versionId).not.toBe(v1);
    // At most one draft: asking again goes to the same one.
    expect(idsFrom((await lead.post(`/frameworks/${frameworkId}/drafts`)).location).versionId).toBe(draft.versionId);

    const copy = visibleText((await lead.get(draft.base)).text);
    expect(copy).toContain('Version 2 Draft');
    expect(copy).toContain('LP1: Giving feedback');
    expect(copy).toContain('Gives feedback to their team each week.');

    const copiedSkill = await ctx()
      .db.selectFrom('framework_skills')
      .selectAll()
      .where('version_id', '=', draft.versionId)
      .where('code', '=', 'LP1')
      .executeTakeFirstOrThrow();
    const changed = await lead.post(`${draft.base}/skills/${copiedSkill.id}`, {
      domainId: copiedSkill.domain_id,
      code: 'LP1',
      title: 'Giving and receiving feedback',
      'descriptor-senior': 'Runs feedback across departments.',
    });
    expect(changed.status).toBe(303);
    expect((await lead.post(`${draft.base}/skills`, { domainId: copiedSkill.domain_id, code: 'LP3', title: 'Running meetings' })).status).toBe(303);
    // A code must be unique in the version.
    const duplicate = await lead.post(`${draft.base}/skills`, { domainId: copiedSkill.domain_id, code: 'lp3', title: 'Again' });
    expect(duplicate.status).toBe(400);
    expect(visibleText(duplicate.text)).toContain('Another skill in this version already has the code lp3');
    expect(duplicate.text).toContain('value="Again"');

    expect((await lead.post(`${draft.base}/publish`)).status).toBe(303);
    const v2 = visibleText((await lead.get(draft.base)).text);
    expect(v2).toContain('Version 2 Published');
    expect(v2).toContain('LP1: Giving and receiving feedback');
    expect(v2).toContain('LP3: Running meetings');

    expect(await snapshot(ctx(), v1)).toEqual(v1Before);
    const old = visibleText((await lead.get(base)).text);
    expect(old).toContain('LP1: Giving feedback');
    expect(old).not.toContain('LP3');

    const frameworkPage = visibleText((await lead.get(`/frameworks/${frameworkId}`)).text);
    const publisher = `${world.programmeLead.givenName} ${world.programmeLead.familyName}`;
    expect(frameworkPage).toContain(`Version 2 Published 24 November 2026 ${publisher} Version 1 Published 24 November 2026 ${publisher}`);
    expect(await auditActions(ctx(), [draft.versionId])).toEqual(['framework_version_created', 'framework_version_published']);
  });

  it('a draft needs a skill to be published, a domain with skills is not removed, and discarding deletes the draft', async () => {
    const created = await lead.post('/frameworks', { title: 'Empty for now', track: 'both' });
    const { base, frameworkId, versionId } = idsFrom(created.location);
    const refused = await lead.post(`${base}/publish`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('There is a problem Add at least one skill before publishing this version');

    const domain = await lead.post(`${base}/domains`, { title: 'Culture' });
    const domainId = /#domain-(.+)$/.exec(domain.location ?? '')?.[1] as string;
    await lead.post(`${base}/skills`, { domainId, code: 'C1', title: 'Setting expectations' });
    const notRemoved = await lead.post(`${base}/domains/${domainId}/remove`);
    expect(notRemoved.status).toBe(409);
    expect(visibleText(notRemoved.text)).toContain('“Culture” still has a skill. Remove it, or move it to another domain, before removing the domain.');
    expect(await ctx().db.selectFrom('framework_domains').select('id').where('id', '=', domainId).executeTakeFirst()).toBeDefined();

    const skillId = (await ctx().db.selectFrom('framework_skills').select('id').where('domain_id', '=', domainId).executeTakeFirstOrThrow()).id;
    expect((await lead.post(`${base}/skills/${skillId}/remove`)).status).toBe(303);
    expect((await lead.post(`${base}/domains/${domainId}/remove`)).status).toBe(303);

    const discarded = await lead.post(`${base}/discard`);
    expect(discarded.location).toBe(`/frameworks/${frameworkId}?done=discarded`);
    expect(await ctx().db.selectFrom('framework_versions').select('id').where('id', '=', versionId).executeTakeFirst()).toBeUndefined();
    expect(visibleText((await lead.get(discarded.location as string)).text)).toContain('The draft was discarded');
    expect(await auditActions(ctx(), [frameworkId, versionId])).toEqual(['framework_created', 'framework_version_discarded']);
  });

  it('the levels of a draft can be changed, and descriptors for a removed level go with it', async () => {
    const { base, versionId } = await buildFramework(lead, 'Levels test');
    const form = visibleText((await lead.get(`${base}/edit`)).text);
    expect(form).toContain('Change the levels');
    const bad = await lead.post(base, { 'level-1-key': 'Middle Leaders', 'level-1-title': 'Middle' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Key for level 1 must use only lower-case letters');
    const saved = await lead.post(base, {
      'level-1-key': 'middle',
      'level-1-title': 'Middle leaders',
      'level-2-key': 'senior',
      'level-2-title': 'Senior leaders',
    });
    expect(saved.status).toBe(303);
    const skill = await ctx()
      .db.selectFrom('framework_skills')
      .select('descriptors')
      .where('version_id', '=', versionId)
      .where('code', '=', 'LP1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(skill.descriptors)).toEqual({ middle: 'Gives feedback to their team each week.' });
    expect(visibleText((await lead.get(base)).text)).toContain('Middle leaders Gives feedback to their team each week.');
  });

  it('a bad framework file, JSON or CSV, changes nothing and lists every problem with its place', async () => {
    const before = await counts(ctx());
    const json = JSON.stringify({
      title: 'Broken',
      track: 'both',
      domains: [
        { title: 'One', skills: [{ code: 'A1', title: 'Fine' }] },
        { title: 'Two', skills: [{ code: 'A2', title: 'Fine' }, { code: 'A3', title: 'Fine' }, { title: 'No code' }] },
      ],
    });
    const badJson = await lead.upload('/frameworks/import', { target: 'new' }, { field: 'file', name: 'broken.json', content: json, type: 'application/json' });
    expect(badJson.status).toBe(400);
    // An escaped NUL is refused with a reason (PostgreSQL cannot store one in text).
    const nul = JSON.stringify({ title: 'Nul\u0000', track: 'both', domains: [{ title: 'One', skills: [{ code: 'A1', title: 'Fine' }] }] });
    const nulJson = await lead.upload('/frameworks/import', { target: 'new' }, { field: 'file', name: 'nul.json', content: nul, type: 'application/json' });
    expect(nulJson.status).toBe(400);
    expect(visibleText(nulJson.text)).toContain('it contains a NUL character');
    const jsonText = visibleText(badJson.text);
    expect(jsonText).toContain('The file was not imported Nothing was saved.');
    expect(jsonText).toContain('Domain 2, skill 3: code is missing');

    const csv = [
      'domain,code,title,description,descriptor:middle,descriptor:wizard',
      'Culture,C1,Expectations,,Sets them,',
      'Culture,,Missing code,,,',
      'Culture,C1,Again,,,',
      `Culture,C4,${'x'.repeat(151)},,,`,
    ].join('\n');
    const badCsv = await lead.upload(
      '/frameworks/import',
      { target: 'new', title: 'Broken CSV', track: 'both' },
      { field: 'file', name: 'broken.csv', content: csv },
    );
    expect(badCsv.status).toBe(400);
    expect(visibleText(badCsv.text)).toContain('Row 1: column “descriptor:wizard” names a level this framework does not have');
    const rows = await lead.upload(
      '/frameworks/import',
      { target: 'new', title: 'Broken CSV', track: 'both' },
      { field: 'file', name: 'broken.csv', content: csv.replace(',descriptor:wizard', '').replace(/,$/gm, '') },
    );
    const rowsText = visibleText(rows.text);
    expect(rowsText).toContain('Row 3: code is missing');
    expect(rowsText).toContain('Row 5: title must be 150 characters or fewer');
    expect(rowsText).toContain('Row 4: code C1 is also used by row 2');
    expect(rowsText).toContain('The file has 3 problems, listed above. Nothing was imported.');
    // What was typed is kept.
    expect(rows.text).toContain('value="Broken CSV"');

    const empty = await lead.upload('/frameworks/import', { target: 'new', title: 'Empty', track: 'both' }, { field: 'file', name: 'empty.csv', content: '' });
    expect(visibleText(empty.text)).toContain('The selected file is empty.');
    const sheet = await lead.upload(
      '/frameworks/import',
      { target: 'new', title: 'Sheet', track: 'both' },
      { field: 'file', name: 'skills.xlsx', content: 'PK\u0003\u0004' },
    );
    expect(visibleText(sheet.text)).toContain('The selected file must be a JSON or CSV file.');
    const noFile = await lead.post('/frameworks/import', { target: 'new' });
    expect(visibleText(noFile.text)).toContain('Select a JSON or CSV file');
    const noTitle = await lead.upload(
      '/frameworks/import',
      { target: 'new' },
      { field: 'file', name: 'ok.csv', content: 'domain,code,title\nCulture,C1,Expectations\n' },
    );
    expect(visibleText(noTitle.text)).toContain('Enter a title for the new framework');
    expect(visibleText(noTitle.text)).toContain('Select who the new framework is for');

    expect(await counts(ctx())).toEqual(before);
  });

  it('an import that clashes with an existing title or draft is refused whole', async () => {
    const { frameworkId, base } = await buildFramework(lead, 'Clash test');
    const before = await counts(ctx());
    const file = { field: 'file', name: 'ok.csv', content: 'domain,code,title\nCulture,C1,Expectations\n' };
    const sameTitle = await lead.upload('/frameworks/import', { target: 'new', title: 'clash TEST', track: 'both' }, file);
    expect(sameTitle.status).toBe(400);
    expect(visibleText(sameTitle.text)).toContain('Your organisation already has a framework called “clash TEST”');
    const hasDraft = await lead.upload('/frameworks/import', { target: 'draft', frameworkId }, file);
    expect(hasDraft.status).toBe(400);
    expect(visibleText(hasDraft.text)).toContain('“Clash test” already has a draft (version 1). Publish or discard it before importing a new one.');
    const noFramework = await lead.upload('/frameworks/import', { target: 'draft', frameworkId: 'nope' }, file);
    expect(visibleText(noFramework.text)).toContain('Select the framework to make a new draft of');
    expect(await counts(ctx())).toEqual(before);

    // Once published, the file becomes version 2.
    await lead.post(`${base}/publish`);
    const imported = await lead.upload('/frameworks/import', { target: 'draft', frameworkId }, file);
    expect(imported.status).toBe(303);
    const page = visibleText((await lead.get(imported.location as string)).text);
    expect(page).toContain('File imported as this draft.');
    expect(page).toContain('Version 2 Draft');
    expect(page).toContain('C1: Expectations');
    expect(await auditActions(ctx(), [frameworkId])).toEqual(['framework_created', 'framework_imported']);
  });

  it('export then import gives back exactly the same framework, as JSON and as CSV', async () => {
    const { base } = await buildFramework(lead, 'Round trip');
    await lead.post(`${base}/domains`, { title: 'Empty, "for now"', description: 'Line one;\nline two' });
    await lead.post(`${base}/publish`);

    const json = await lead.get(`${base}/export.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="round-trip-v1.json"');
    const csv = await lead.get(`${base}/export.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="round-trip-v1.csv"');

    const fromJson = await lead.upload(
      '/frameworks/import',
      { target: 'new', title: 'Round trip (from JSON)' },
      { field: 'file', name: 'round-trip-v1.json', content: json.text, type: 'application/json' },
    );
    expect(fromJson.status).toBe(303);
    const jsonAgain = await lead.get(`${idsFrom(fromJson.location).base}/export.json`);
    expect(JSON.parse(jsonAgain.text)).toEqual({ ...JSON.parse(json.text), title: 'Round trip (from JSON)' });

    const fromCsv = await lead.upload(
      '/frameworks/import',
      { target: 'new', title: 'Round trip (from CSV)', track: 'teaching' },
      { field: 'file', name: 'round-trip-v1.csv', content: csv.text },
    );
    expect(fromCsv.status).toBe(303);
    const csvAgain = await lead.get(`${idsFrom(fromCsv.location).base}/export.csv`);
    expect(csvAgain.text).toBe(csv.text);
    expect(csvAgain.headers.get('content-disposition')).toBe('attachment; filename="round-trip-from-csv-v1-draft.csv"');
  });

  it('a new organisation has both built-in frameworks, with every Headteachers’ standards heading and CMI theme', async () => {
    const organisationId = await createOrganisation(ctx().db, ctx().clock, 'Riverside Learning Partnership');
    const versions = await listPublishedVersions(ctx().db, organisationId);
    expect(versions.map((v) => [v.title, v.number])).toEqual([
      ['Associate staff leadership framework', 1],
      ['School leadership framework', 1],
    ]);
    const leadership = (await skillsOfVersion(ctx().db, item(versions, 1).versionId)).map((d) => d.title);
    for (const heading of [
      'Ethics and professional conduct',
      'School culture',
      'Teaching',
      'Curriculum and assessment',
      'Behaviour',
      'Additional and special educational needs',
      'Professional development',
      'Organisational management',
      'School improvement',
      'Working in partnership',
      'Governance and accountability',
      'Personal effectiveness',
    ]) {
      expect(leadership).toContain(heading);
    }
    const associate = (await skillsOfVersion(ctx().db, item(versions, 0).versionId)).map((d) => d.title);
    expect(associate).toEqual([
      'Managing yourself',
      'Making decisions',
      'Communicating and influencing',
      'Providing purpose and direction',
      'Developing people',
      'Building relationships',
      'Leading change',
      'Managing resources and risk',
      'Achieving results',
    ]);
    const tracks = await ctx()
      .db.selectFrom('frameworks')
      .select(['builtin_key', 'track'])
      .where('organisation_id', '=', organisationId)
      .orderBy('builtin_key')
      .execute();
    expect(tracks).toEqual([
      { builtin_key: 'associate', track: 'associate' },
      { builtin_key: 'leadership', track: 'both' },
    ]);
  });

  it('an organisation made before built-ins existed can add them once', async () => {
    const list = visibleText((await orgAdmin.get('/frameworks')).text);
    expect(list).toContain('Add Waymark’s built-in frameworks');
    const added = await orgAdmin.post('/frameworks/built-in');
    expect(added.location).toBe('/frameworks?done=built-in');
    const after = visibleText((await orgAdmin.get('/frameworks?done=built-in')).text);
    expect(after).toContain('Waymark’s built-in frameworks were added');
    expect(after).toContain('School leadership framework Built in Teaching and associate staff Version 1');
    expect(after).not.toContain('Add Waymark’s built-in frameworks');
    const before = await counts(ctx());
    expect((await orgAdmin.post('/frameworks/built-in')).location).toBe('/frameworks');
    expect(await counts(ctx())).toEqual(before);

    // A built-in's version page shows its domains and descriptors, and offers a new draft and exports.
    const builtIn = await ctx()
      .db.selectFrom('frameworks')
      .innerJoin('framework_versions', 'framework_versions.framework_id', 'frameworks.id')
      .select(['frameworks.id', 'framework_versions.id as versionId'])
      .where('organisation_id', '=', world.organisation.id)
      .where('builtin_key', '=', 'leadership')
      .executeTakeFirstOrThrow();
    const page = visibleText((await lead.get(`/frameworks/${builtIn.id}/versions/${builtIn.versionId}`)).text);
    expect(page).toContain('Published on 24 November 2026 by Waymark');
    expect(page).toContain('PE5: Resilience');
    expect(page).toContain('Download version 1 as CSV');
  });

  it('another organisation’s framework is not found', async () => {
    const { base, frameworkId, domainId } = await buildFramework(lead, 'Ours alone');
    const before = await snapshot(ctx(), idsFrom(base).versionId);
    for (const path of [`/frameworks/${frameworkId}`, base, `${base}/export.json`, `${base}/export.csv`, `${base}/edit`, `${base}/domains/${domainId}/edit`]) {
      expect((await otherAdmin.get(path)).status, path).toBe(404);
    }
    for (const path of [`/frameworks/${frameworkId}/drafts`, `${base}/publish`, `${base}/discard`, `${base}/domains`, `${base}/domains/${domainId}/remove`]) {
      expect((await otherAdmin.post(path, { title: 'Theirs' })).status, path).toBe(404);
    }
    const theirs = await otherAdmin.upload(
      '/frameworks/import',
      { target: 'draft', frameworkId },
      { field: 'file', name: 'x.csv', content: 'domain,code,title\nA,A1,B\n' },
    );
    expect(visibleText(theirs.text)).toContain('Select the framework to make a new draft of');
    expect(visibleText((await otherAdmin.get('/frameworks')).text)).not.toContain('Ours alone');
    expect(await snapshot(ctx(), idsFrom(base).versionId)).toEqual(before);
  });

  it('staff without the programme lead role cannot reach frameworks', async () => {
    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    expect((await staff.get('/frameworks')).status).toBe(403);
    expect((await staff.post('/frameworks', { title: 'Mine', track: 'both' })).status).toBe(403);
  });
});
