import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';

describeEachEngine('schools', (ctx) => {
  let world: World;
  let admin: TestClient;
  const school = {
    name: 'Willow Bank Primary',
    urn: '123456',
    phase: 'primary',
    localAuthority: 'Bradford',
    addressLine1: '1 Willow Lane',
    addressLine2: '',
    town: 'Bradford',
    postcode: 'bd1 1aa',
  };

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
  });

  it('an organisation admin adds a school and sees it listed', async () => {
    const added = await admin.post('/schools', school);
    expect(added.location).toBe('/schools?added=1');
    const list = visibleText((await admin.get(added.location ?? '')).text);
    expect(list).toContain('School added');
    expect(list).toContain('Willow Bank Primary 123456 Primary Bradford');
    const row = await ctx().db.selectFrom('schools').select(['postcode']).where('urn', '=', '123456').executeTakeFirstOrThrow();
    expect(row.postcode).toBe('BD1 1AA');
  });

  it('a URN or a name used by another school of the organisation is refused with a message', async () => {
    const sameUrn = await admin.post('/schools', { ...school, name: 'Another name' });
    expect(sameUrn.status).toBe(400);
    expect(visibleText(sameUrn.text)).toContain('Another school in your organisation already has this URN');
    const sameName = await admin.post('/schools', { ...school, urn: '' });
    expect(visibleText(sameName.text)).toContain('Another school in your organisation already has this name');
  });

  it('bad details are explained and kept on the page', async () => {
    const page = await admin.post('/schools', { ...school, name: '', urn: '12', phase: 'castle', postcode: 'nowhere' });
    const text = visibleText(page.text);
    expect(text).toContain('Enter the school’s name');
    expect(text).toContain('URN must be 6 digits');
    expect(text).toContain('Select the school’s phase');
    expect(text).toContain('Enter a real postcode');
    expect(page.text).toContain('value="nowhere"');
  });

  it('a school admin can change their own school but not add one', async () => {
    const schoolAdmin = ctx().client();
    await signIn(schoolAdmin, world.schoolAdminA.email);
    const saved = await schoolAdmin.post(`/schools/${world.schoolA.id}`, { ...school, name: 'Aspen Academy (renamed)', urn: '654321' });
    expect(saved.location).toBe(`/schools/${world.schoolA.id}?saved=1`);
    expect(visibleText((await schoolAdmin.get(saved.location ?? '')).text)).toContain('Aspen Academy (renamed)');
    expect((await schoolAdmin.get('/schools/new')).status).toBe(403);
  });
});
