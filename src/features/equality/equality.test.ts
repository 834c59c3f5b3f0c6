import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';

describeEachEngine('equality information', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let manager: TestClient;
  let orgAdmin: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    teacher = ctx().client({ address: '10.3.0.1' });
    manager = ctx().client({ address: '10.3.0.2' });
    orgAdmin = ctx().client({ address: '10.3.0.3' });
    await signIn(teacher, world.report.email);
    await signIn(manager, world.lineManager.email);
    await signIn(orgAdmin, world.orgAdmin.email);
  });

  it('asks with a privacy explanation, every question optional with “Prefer not to say”', async () => {
    const page = visibleText((await teacher.get('/equality')).text);
    expect(page).toContain('Only you. Nobody else can see your answers');
    expect(page).toContain('What is your ethnic group?');
    expect(page).toContain('Asian or Asian British: Pakistani');
    expect(page.match(/Prefer not to say/g)?.length).toBeGreaterThanOrEqual(5);
    expect(page).not.toContain('Remove all your answers');
  });

  it('saves what the person chooses to give, shows it back to them, and lets them change it', async () => {
    const saved = await teacher.post('/equality', { sex: 'female', ethnicity: 'black_caribbean', disability: 'prefer_not', age_band: '' });
    expect(saved.status).toBe(303);
    const row = await ctx().db.selectFrom('equality_answers').selectAll().where('person_id', '=', world.report.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ sex: 'female', ethnicity: 'black_caribbean', disability: 'prefer_not', age_band: null, working_pattern: null });
    const page = (await teacher.get('/equality?done=saved')).text;
    expect(visibleText(page)).toContain('Your equality information is saved');
    expect(page).toMatch(/value="black_caribbean"[^>]*checked/);
    expect((await teacher.post('/equality', { sex: 'male' })).status).toBe(303);
    expect(
      (await ctx().db.selectFrom('equality_answers').select('ethnicity').where('person_id', '=', world.report.id).executeTakeFirstOrThrow()).ethnicity,
    ).toBe(null);
  });

  it('refuses an answer that is not one of the question’s, and keeps the answers given before', async () => {
    const page = await teacher.post('/equality', { sex: 'female', ethnicity: 'martian' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('There is a problem');
    expect((await ctx().db.selectFrom('equality_answers').select('sex').where('person_id', '=', world.report.id).executeTakeFirstOrThrow()).sex).toBe('male');
  });

  it('never shows one person’s answers to anyone else: not their line manager, not an admin, not on their staff record', async () => {
    await teacher.post('/equality', { sex: 'female', ethnicity: 'asian_bangladeshi' });
    for (const client of [manager, orgAdmin]) {
      const record = visibleText((await client.get(`/staff/${world.report.id}`)).text);
      expect(record).not.toContain('Bangladeshi');
      expect(record).not.toContain('equality information');
      // Their own page is theirs: it shows nothing of the teacher's.
      expect(visibleText((await client.get('/equality')).text)).not.toContain('You last saved your answers');
    }
    expect(visibleText((await teacher.get(`/staff/${world.report.id}`)).text)).toContain('Change or remove your equality information');
  });

  it('removes everything when the person asks', async () => {
    expect((await teacher.post('/equality/remove', {})).status).toBe(303);
    expect(await ctx().db.selectFrom('equality_answers').selectAll().where('person_id', '=', world.report.id).execute()).toHaveLength(0);
    expect(visibleText((await teacher.get('/equality?done=removed')).text)).toContain('Your equality information is removed');
  });
});
