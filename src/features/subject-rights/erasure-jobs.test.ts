import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { everyRow, rowsNaming } from '../../../test/support/erasure';
import { makePerson, makeWorld, signIn, TEST_PASSWORD, type TestPerson, type World } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { featureModules } from '../../features';
import { composeFeatures } from '../../platform/compose';
import type { FeatureModule } from '../../platform/module';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

const asErased = (p: TestPerson) => ({ id: p.id, email: p.email, name: `${p.givenName} ${p.familyName}` });

/** The erasure job's page the Erase button led to, read as text. */
async function jobPage(admin: ReturnType<TestContext['client']>, location: string) {
  return visibleText((await admin.get(location)).text);
}

describeEachEngine('pressing Erase', (ctx) => {
  let world: World;
  let admin: ReturnType<TestContext['client']>;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
  });

  it('starts an erasure the worker finishes; meanwhile the person cannot sign in by password or link, their session ends, and staff pages say they are being erased', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Hester', familyName: 'Quill' });
    const theirs = ctx().client({ address: '10.9.0.1' });
    await signIn(theirs, person.email);
    expect((await theirs.get('/')).status).toBe(200);
    // A sign-in link they asked for before the erasure began.
    await ctx().client({ address: '10.9.0.2' }).post('/sign-in/link', { email: person.email });
    await ctx().deliverMail();
    const link = linkIn(ctx().mailer.sent.at(-1)?.text ?? '', '/sign-in/link');

    const pressed = await admin.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'keep', confirmed: 'yes' });
    expect(pressed.status).toBe(303);
    expect(pressed.location).toMatch(/^\/subject-rights\/erasure-jobs\/[^/?]+\?started=1$/);
    const started = await jobPage(admin, pressed.location ?? '');
    expect(started).toContain('Erasure started');
    expect(started).toMatch(/Steps done\s*0 of \d+/);
    expect(started).toContain('In progress');

    // Being erased: no sign-in of any kind, and the session they had is over.
    const viaPassword = await ctx().client({ address: '10.9.0.3' }).post('/sign-in', { email: person.email, password: TEST_PASSWORD });
    expect(viaPassword.status).not.toBe(303);
    const viaLink = await ctx().client({ address: '10.9.0.4' }).post(link);
    expect(viaLink.status).toBeGreaterThanOrEqual(400);
    const stale = await theirs.get('/');
    expect(stale.status).toBe(303);
    expect(stale.location).toMatch(/^\/sign-in/);
    expect(await ctx().db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', person.id).execute()).toEqual([]);

    // Staff pages say so and offer nothing to do to them.
    const record = await admin.get(`/staff/${person.id}`);
    expect(visibleText(record.text)).toContain('Being erased');
    expect(record.text).not.toContain(`/staff/${person.id}/edit`);
    expect(record.text).not.toContain(`/staff/${person.id}/deactivate`);
    const directory = await admin.get(`/staff?q=Quill&status=all`);
    expect(visibleText(directory.text)).toContain('Being erased');
    const reactivate = await admin.post(`/staff/${person.id}/reactivate`);
    expect(reactivate.status).toBe(409);
    const again = await admin.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'keep', confirmed: 'yes' });
    expect(again.status).toBe(409);
    expect((await admin.post(`/subject-rights/people/${person.id}/exports`)).status).toBe(409);

    // The data protection page lists it while in progress.
    const dataProtection = visibleText((await admin.get('/data-protection')).text);
    const reference = /Erasure (\w{8})/.exec(started)?.[1] ?? '';
    expect(dataProtection).toContain(`Erasure ${reference}`);
    expect(dataProtection).toContain('Not yet: in progress');

    // The worker finishes it: nothing anywhere names them, and the pages say it is finished, naming no one.
    await ctx().deliverMail();
    const finished = await jobPage(admin, pressed.location ?? '');
    expect(finished).toMatch(/Steps done\s*(\d+) of \1/);
    expect(finished).toContain('Finished');
    expect(finished).not.toContain('Hester');
    expect(rowsNaming(await everyRow(ctx().db), asErased(person))).toEqual([]);
    const listed = visibleText((await admin.get('/data-protection')).text);
    expect(listed).toContain(`Erasure ${reference}`);
    expect(listed).not.toContain('Hester');
    expect((await admin.get(`/staff/${person.id}`)).status).toBe(404);
  });

  it('refuses bad input and everyone but an organisation admin, changing nothing', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Ottilie' });
    const others = [];
    for (const who of [world.schoolAdminA, world.lineManager, world.staff, world.programmeLead, world.otherAdmin]) {
      const client = ctx().client();
      await signIn(client, who.email);
      others.push({ client, forbidden: who !== world.otherAdmin });
    }
    // Sessions note when they were last used; nothing else may change.
    const tables = async () => (await everyRow(ctx().db)).filter((r) => r.table !== 'sign_in_sessions');
    const before = await tables();
    const incomplete = await admin.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'forget', confirmed: 'yes' });
    expect(incomplete.status).toBe(400);
    expect(visibleText(incomplete.text)).toContain('Choose whether their certificates stay verifiable or are revoked');
    expect((await admin.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'keep' })).status).toBe(400);
    expect((await admin.post('/subject-rights/people/no-such-person/erase', { credentials: 'keep', confirmed: 'yes' })).status).toBe(404);
    expect((await admin.get('/subject-rights/erasure-jobs/no-such-job')).status).toBe(404);
    for (const { client, forbidden } of others) {
      const refused = await client.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'keep', confirmed: 'yes' });
      // Another organisation's admin finds no such person; everyone else may not erase at all.
      expect(refused.status).toBe(forbidden ? 403 : 404);
    }
    expect(await tables()).toEqual(before);
    const row = await ctx().db.selectFrom('people').select('status').where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
  });
});

// One feature's erasure step fails once after doing its work (its transaction rolls back), as a
// worker stopping mid-way would leave it.
const state = { failing: '', failures: 0 };
const modules: FeatureModule[] = featureModules.map((module) => ({
  ...module,
  personalData: {
    ...module.personalData,
    async erase(trx, subject, context) {
      const said = await module.personalData.erase(trx, subject, context);
      if (module.name === state.failing && state.failures > 0) {
        state.failures--;
        throw new Error('The worker stopped');
      }
      return said;
    },
  },
}));
const interrupted = composeFeatures(modules);

describeEachEngine(
  'an erasure interrupted midway',
  (ctx) => {
    it('is shown as interrupted, is resumed by the worker where it stopped, and completes leaving no row that names the person', async () => {
      const world = await makeWorld(ctx().db);
      const admin = ctx().client();
      await signIn(admin, world.orgAdmin.email);
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Cosmo', familyName: 'Varga' });
      const steps = interrupted.personalData.erasureSteps;
      state.failing = steps[Math.floor(steps.length / 2)] ?? '';
      state.failures = 1;

      const pressed = await admin.post(`/subject-rights/people/${person.id}/erase`, { credentials: 'revoke', confirmed: 'yes' });
      expect(pressed.status).toBe(303);
      await ctx().deliverMail();
      const stopped = await admin.get(pressed.location ?? '');
      expect(visibleText(stopped.text)).toContain('Interrupted: Waymark will try again');
      expect(visibleText(stopped.text)).toContain(`Steps done ${steps.indexOf(state.failing)} of ${steps.length + 1}`);
      // Still unable to sign in while it waits.
      expect((await ctx().client({ address: '10.8.0.1' }).post('/sign-in', { email: person.email, password: TEST_PASSWORD })).status).not.toBe(303);

      // The worker's resume sweep picks it up (the outbox would too, after its back-off).
      const resume = interrupted.sweeps(ctx().config).find((s) => s.name === 'subject-rights-erasure-resume');
      expect(await resume?.run(ctx().db, ctx().clock)).toBe(1);
      const done = visibleText((await admin.get(pressed.location ?? '')).text);
      expect(done).toContain(`Steps done ${steps.length + 1} of ${steps.length + 1}`);
      expect(done).not.toContain('Cosmo');
      expect(rowsNaming(await everyRow(ctx().db), asErased(person))).toEqual([]);

      // The outbox's retry later finds it finished, and changes nothing.
      const after = await everyRow(ctx().db);
      ctx().clock.advance(24 * 3600 * 1000);
      await ctx().deliverMail();
      expect((await everyRow(ctx().db)).filter((r) => r.table !== 'outbox')).toEqual(after.filter((r) => r.table !== 'outbox'));
      expect(await resume?.run(ctx().db, ctx().clock)).toBe(0);
    });
  },
  {},
  interrupted,
);
