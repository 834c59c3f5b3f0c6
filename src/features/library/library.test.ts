import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeFramework, makeProgramme } from '../../../test/support/programme-world';

describeEachEngine('the shared library', (ctx) => {
  let world: World;
  let lead: TestClient;
  let other: TestClient;
  let staff: TestClient;
  let framework: Awaited<ReturnType<typeof makeFramework>>;
  let draft: Awaited<ReturnType<typeof makeFramework>>;
  let programme: Awaited<ReturnType<typeof makeProgramme>>;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    framework = await makeFramework(db, world.organisation.id, { title: 'Middle Leadership framework', skills: ['LP1', 'LP2', 'LP3'] });
    draft = await makeFramework(db, world.organisation.id, { title: 'Unfinished framework', status: 'draft' });
    programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Leadership Pathways',
      frameworkVersionId: framework.versionId,
      delivery: 'modular',
      modulesRequired: 2,
      modules: ['Leading change', 'Leading people', 'Curriculum'],
      requirements: [{ kind: 'modules' }, { kind: 'sign_off' }],
    });
    lead = ctx().client({ address: '10.3.0.1' });
    other = ctx().client({ address: '10.3.0.2' });
    staff = ctx().client({ address: '10.3.0.3' });
    await signIn(lead, world.programmeLead.email);
    await signIn(other, world.otherAdmin.email);
    await signIn(staff, world.staff.email);
  });

  async function share(source: string, name: string, licence = 'cc-by-4.0'): Promise<string> {
    const page = await lead.post('/library', { source, name, description: 'How our middle leaders grow.', licence });
    expect(page.status).toBe(303);
    return (page.location ?? '').replace(/\?.*$/, '').split('/').pop() as string;
  }

  describe('sharing', () => {
    it('refuses a share with nothing chosen, no name and no licence, naming each problem, and shares nothing', async () => {
      const page = await lead.post('/library', { source: '', name: ' ', description: '' });
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain('There is a problem');
      for (const message of ['Select what to share', 'Enter a name', 'Enter a description', 'Select a licence']) expect(text).toContain(message);
      expect(await ctx().db.selectFrom('library_items').select('id').execute()).toHaveLength(0);
    });

    it('refuses a draft framework version or another organisation’s programme', async () => {
      for (const source of [`framework:${draft.versionId}`, 'programme:not-a-programme']) {
        const page = await lead.post('/library', { source, name: 'X', description: 'Y', licence: 'cc-by-4.0' });
        expect(page.status).toBe(400);
        expect(visibleText(page.text)).toContain('Select a published framework version or a programme from the list');
      }
      const otherPage = await other.post('/library', { source: `framework:${framework.versionId}`, name: 'Mine now', description: 'Y', licence: 'cc-by-4.0' });
      expect(otherPage.status).toBe(400);
    });

    it('offers only published versions and the organisation’s programmes to share', async () => {
      const text = visibleText((await lead.get('/library/share')).text);
      expect(text).toContain('Framework: Middle Leadership framework, version 1');
      expect(text).toContain('Programme design: Leadership Pathways');
      expect(text).not.toContain('Unfinished framework');
    });

    it('is for organisation admins and programme leads only', async () => {
      expect((await staff.get('/library')).status).toBe(403);
    });
  });

  describe('copying a framework', () => {
    let itemId: string;
    beforeAll(async () => {
      itemId = await share(`framework:${framework.versionId}`, 'Middle Leadership framework');
    });

    it('lists it under the organisation that shares it, with its licence, for another organisation to preview', async () => {
      const list = visibleText((await other.get('/library')).text);
      expect(list).toContain(`Shared by ${world.organisation.name}`);
      expect(list).toContain('Middle Leadership framework (version 1)');
      expect(list).toContain('CC BY 4.0');
      const preview = visibleText((await other.get(`/library/${itemId}`)).text);
      expect(preview).toContain('LP3 Skill LP3');
      expect(preview).toContain('Copied 0 times');
      expect(preview).not.toContain('Withdraw from the library');
    });

    it('copies it deeply into the other organisation, saying where it came from, never linking back', async () => {
      const { db } = ctx();
      const page = await other.post(`/library/${itemId}/copy`, { title: 'Middle Leadership framework' });
      expect(page.status).toBe(303);
      const copyId = (page.location ?? '').split('/').pop() as string;
      const copy = await db.selectFrom('frameworks').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow();
      expect(copy.organisation_id).toBe(world.otherOrganisation.id);
      expect(copy.copied_from).toMatch(
        new RegExp(`^Copied from ${world.organisation.name}’s Middle Leadership framework \\(version 1\\), CC BY 4\\.0, on \\d+ \\w+ \\d{4}$`),
      );
      const version = await db.selectFrom('framework_versions').selectAll().where('framework_id', '=', copyId).executeTakeFirstOrThrow();
      expect(version.status).toBe('published');
      const skills = await db
        .selectFrom('framework_skills')
        .select(['id', 'code', 'descriptors'])
        .where('version_id', '=', version.id)
        .orderBy('position')
        .execute();
      expect(skills.map((s) => s.code)).toEqual(['LP1', 'LP2', 'LP3']);
      // New rows, not the publisher's.
      expect(skills.map((s) => s.id)).not.toContain(framework.skillIds[0]);
      expect(JSON.parse(skills[0]?.descriptors ?? '{}')).toEqual({ middle: 'At middle leadership, LP1.' });
      expect(visibleText((await other.get(`/frameworks/${copyId}`)).text)).toContain('Copied from');
      // The publisher's framework is untouched.
      expect(await db.selectFrom('framework_skills').select('id').where('version_id', '=', framework.versionId).execute()).toHaveLength(3);
    });

    it('refuses a title the organisation already uses, writing nothing', async () => {
      const { db } = ctx();
      const before = await db.selectFrom('frameworks').select('id').where('organisation_id', '=', world.otherOrganisation.id).execute();
      const page = await other.post(`/library/${itemId}/copy`, { title: 'middle leadership framework' });
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('Your organisation already has a framework called middle leadership framework');
      const after = await db.selectFrom('frameworks').select('id').where('organisation_id', '=', world.otherOrganisation.id).execute();
      expect(after).toHaveLength(before.length);
      expect(visibleText((await other.post(`/library/${itemId}/copy`, { title: '' })).text)).toContain('Enter a title for the copy');
    });

    it('tells the publisher who copied it and how often; others see only the count', async () => {
      const own = visibleText((await lead.get(`/library/${itemId}`)).text);
      expect(own).toContain('Copied Once');
      expect(own).toContain('Who copied it');
      expect(own).toContain(world.otherOrganisation.name);
      expect(visibleText((await other.get(`/library/${itemId}`)).text)).not.toContain('Who copied it');
      expect(visibleText((await lead.get('/library')).text)).toMatch(/Middle Leadership framework \(version 1\).*1/);
    });

    it('lets only the publisher withdraw it; the copies stay, and others can no longer see or copy it', async () => {
      const { db } = ctx();
      expect((await other.post(`/library/${itemId}/withdraw`, {})).status).toBe(404);
      expect((await lead.post(`/library/${itemId}/withdraw`, {})).status).toBe(303);
      expect((await lead.post(`/library/${itemId}/withdraw`, {})).status).toBe(303);
      expect((await other.get(`/library/${itemId}`)).status).toBe(404);
      expect((await other.post(`/library/${itemId}/copy`, { title: 'Another copy' })).status).toBe(404);
      expect(visibleText((await other.get('/library')).text)).not.toContain('Middle Leadership framework (version 1)');
      expect(visibleText((await lead.get('/library')).text)).toContain('Withdrawn');
      expect(
        await db.selectFrom('frameworks').select('id').where('organisation_id', '=', world.otherOrganisation.id).where('copied_from', 'is not', null).execute(),
      ).toHaveLength(1);
    });
  });

  describe('copying a programme design', () => {
    it('copies the design as a draft with its modules and requirements, without the publisher’s framework', async () => {
      const { db } = ctx();
      const itemId = await share(`programme:${programme.id}`, 'Leadership Pathways', 'installation-only');
      const preview = visibleText((await other.get(`/library/${itemId}`)).text);
      expect(preview).toContain('Leading change; Leading people; Curriculum');
      expect(preview).toContain('not copied');
      const page = await other.post(`/library/${itemId}/copy`, { title: 'Pathways to leadership' });
      expect(page.status).toBe(303);
      const copyId = (page.location ?? '').split('/').pop() as string;
      const copy = await db.selectFrom('programmes').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow();
      expect(copy).toMatchObject({
        organisation_id: world.otherOrganisation.id,
        status: 'draft',
        delivery: 'modular',
        modules_required: 2,
        framework_version_id: null,
      });
      expect(copy.copied_from).toContain('All rights reserved, copying allowed within this installation');
      const modules = await db.selectFrom('programme_modules').select('title').where('programme_id', '=', copyId).orderBy('position').execute();
      expect(modules.map((m) => m.title)).toEqual(['Leading change', 'Leading people', 'Curriculum']);
      const requirements = await db.selectFrom('programme_requirements').select('kind').where('programme_id', '=', copyId).orderBy('position').execute();
      expect(requirements.map((r) => r.kind)).toEqual(['modules', 'sign_off']);
      expect(visibleText((await other.get(`/programmes/${copyId}`)).text)).toContain('Copied from');
    });
  });
});
