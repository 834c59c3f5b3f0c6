import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeProgramme } from '../../../test/support/programme-world';

// A teacher takes their record file (a certificate and two entries, one verified) to another
// organisation on the same Waymark and brings it into their record there; a changed file brings in
// nothing; a file from another installation comes in marked as could not be verified.

type Bundle = {
  issuer: { id: string; name: string };
  credentialSubject: {
    verifiableCredential: { name: string; issuer: { id: string } }[];
    leadershipRecord: { entries: { title: string }[] };
  };
};

describeEachEngine('bringing a record file into another organisation’s Waymark', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let newcomer: TestClient;
  let arrival: TestPerson;
  let exported: string;

  const upload = (client: TestClient, text: string) =>
    client.upload(
      '/record/import',
      {},
      { field: 'file', name: 'leadership-record.json', content: new Uint8Array(Buffer.from(text)), type: 'application/json' },
    );
  const importedCount = async () => (await ctx().db.selectFrom('record_imported_items').select('id').where('person_id', '=', arrival.id).execute()).length;

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Middle Leadership',
      requirements: [{ kind: 'sign_off' }],
    });
    const cohort = await makeCohort(db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      name: 'Cohort 4',
      leadIds: [world.programmeLead.id],
    });
    const enrolmentId = await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: cohort.id,
      programmeId: programme.id,
      personId: world.report.id,
    });
    await db
      .insertInto('enrolment_signoffs')
      .values({ enrolment_id: enrolmentId, signed_off_by: world.programmeLead.id, note: 'Well done', created_at: '2026-11-01T09:00:00.000Z' })
      .execute();
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    expect((await lead.post(`/cohorts/${cohort.id}/completion`, { enrolmentIds: enrolmentId })).status).toBe(303);
    await ctx().deliverMail();
    const certificate = await db.selectFrom('certificates').select('id').where('enrolment_id', '=', enrolmentId).executeTakeFirstOrThrow();

    teacher = ctx().client({ address: '10.4.0.1' });
    await signIn(teacher, world.report.email);
    const added = await teacher.post('/portfolio/new', {
      kind: 'training_delivered',
      title: 'INSET on adaptive teaching',
      reflection: 'Colleagues plan for the whole range of pupils.',
      'startedOn-day': '2',
      'startedOn-month': '11',
      'startedOn-year': '2026',
    });
    const entryId = (added.location ?? '').split('/')[3]?.split('?')[0] ?? '';
    const form = new URLSearchParams({ statement: 'I lead adaptive teaching.' });
    form.append('items', `certificate:${certificate.id}`);
    form.append('items', `entry:${entryId}`);
    expect((await teacher.post('/record', form)).status).toBe(303);
    exported = (await teacher.get('/record/export.json')).text;

    arrival = await makePerson(db, {
      organisationId: world.otherOrganisation.id,
      schoolId: world.otherSchool.id,
      givenName: 'Ravi',
      familyName: world.report.familyName,
    });
    newcomer = ctx().client({ address: '10.4.0.2' });
    await signIn(newcomer, arrival.email);
  });

  it('carries the certificate’s credential exactly as issued inside the organisation’s signed file', async () => {
    const bundle = JSON.parse(exported) as Bundle;
    const [credential] = bundle.credentialSubject.verifiableCredential;
    const issued = await ctx().db.selectFrom('certificates').select('credential').where('person_id', '=', world.report.id).executeTakeFirstOrThrow();
    expect(credential).toEqual(JSON.parse(issued.credential ?? ''));
    expect(bundle.issuer.name).toBe(world.organisation.name);
  });

  it('refuses a changed file item by item, with reasons, and brings in nothing', async () => {
    const bundle = JSON.parse(exported) as Bundle;
    const [entry] = bundle.credentialSubject.leadershipRecord.entries;
    if (entry) entry.title = 'Led the whole trust’s INSET';
    const [credential] = bundle.credentialSubject.verifiableCredential;
    if (credential) credential.name = 'National Professional Qualification for Headship';
    const started = await upload(newcomer, JSON.stringify(bundle));
    expect(started.status).toBe(303);
    const preview = await newcomer.get(started.location ?? '');
    const text = visibleText(preview.text);
    expect(text).toContain('This file can’t be brought in');
    expect(text).toContain(`Refused: The file has been changed since ${world.organisation.name} signed it`);
    expect(text).toContain('Certificate: Towards Middle Leadership');
    expect(text).toContain('Refused: The credential does not verify');
    expect(text).toContain('Entry: Led the whole trust’s INSET');
    expect(text).not.toContain('Bring these into your record');

    const confirmed = await newcomer.post(started.location ?? '');
    expect(confirmed.status).toBe(400);
    expect(visibleText(confirmed.text)).toContain('Nothing has been added to your record');
    expect(await importedCount()).toBe(0);
  });

  it('keeps a person’s upload to themselves', async () => {
    const started = await upload(newcomer, exported);
    const other = ctx().client({ address: '10.4.0.3' });
    await signIn(other, world.otherAdmin.email);
    expect((await other.get(started.location ?? '')).status).toBe(404);
    expect((await other.post(started.location ?? '')).status).toBe(404);
    expect(await importedCount()).toBe(0);
  });

  it('brings in a genuine file after a preview: each item verified on import, shown with where it came from', async () => {
    const started = await upload(newcomer, exported);
    expect(started.status).toBe(303);
    const preview = visibleText((await newcomer.get(started.location ?? '')).text);
    expect(preview).toContain(`Signed by ${world.organisation.name}, and not changed since`);
    expect(preview).toContain(`Brought from ${world.organisation.name}, verified on import`);
    expect(preview).toContain('Nothing has been added to your record yet');
    expect(await importedCount()).toBe(0);

    const confirmed = await newcomer.post(started.location ?? '');
    expect(confirmed.status).toBe(303);
    expect(confirmed.location).toBe('/record?done=imported');
    expect(await importedCount()).toBe(2);
    const record = visibleText((await newcomer.get('/record?done=imported')).text);
    expect(record).toContain('Brought from other organisations');
    expect(record).toContain('Certificate: Towards Middle Leadership');
    expect(record).toContain(`Brought from ${world.organisation.name}, verified on import on 24 November 2026`);
    expect(record).toContain('INSET on adaptive teaching');

    // Brought in once: confirming again or uploading the same file again adds nothing.
    expect((await newcomer.post(started.location ?? '')).status).toBe(303);
    const again = await upload(newcomer, exported);
    expect(again.status).toBe(400);
    expect(visibleText(again.text)).toContain('You have already brought this record file into your record');
    expect(await importedCount()).toBe(2);

    // Taken on again: the imported certificate's credential travels as issued, and the entries say where they came from.
    const onward = JSON.parse((await newcomer.get('/record/export.json')).text) as Bundle & {
      credentialSubject: { leadershipRecord: { entries: { title: string; broughtFrom: string }[] } };
    };
    expect(onward.issuer.name).toBe(world.otherOrganisation.name);
    expect(onward.credentialSubject.verifiableCredential).toHaveLength(1);
    expect(onward.credentialSubject.leadershipRecord.entries).toEqual([
      expect.objectContaining({ title: 'INSET on adaptive teaching', broughtFrom: world.organisation.name }),
    ]);
  });

  it('brings in a file from another installation marked as could not be verified, with the reason', async () => {
    const elsewhere = makePerson(ctx().db, { organisationId: world.otherOrganisation.id, givenName: 'Ravi', familyName: world.report.familyName });
    const person = await elsewhere;
    const client = ctx().client({ address: '10.4.0.4' });
    await signIn(client, person.email);
    // The same file as another Waymark at waymark.other.example would have signed it: its issuers are not on this installation.
    const text = exported.replaceAll('did:web:localhost:issuers:', 'did:web:waymark.other.example:issuers:');
    const started = await upload(client, text);
    expect(started.status).toBe(303);
    const preview = visibleText((await client.get(started.location ?? '')).text);
    expect(preview).toContain('Could not be verified: The file was signed by');
    expect(preview).toContain('which is not on this Waymark; this Waymark does not look issuers up on the internet');
    expect((await client.post(started.location ?? '')).status).toBe(303);
    const record = visibleText((await client.get('/record')).text);
    expect(record).toContain(`Brought from ${world.organisation.name} on 24 November 2026. Could not be verified on import: It was issued by`);
  });

  it('refuses a file that is not a record, on the same page', async () => {
    const page = await upload(newcomer, '{"hello":1}');
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('The file is not a leadership record downloaded from Waymark');
  });
});
