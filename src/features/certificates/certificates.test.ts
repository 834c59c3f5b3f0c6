import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeProgramme } from '../../../test/support/programme-world';
import { present } from '../../../test/support/present';
import { renderCertificatePdf } from './certificates.pdf';

const at = '2026-11-01T09:00:00.000Z';

async function enrol(db: Db, world: World, cohortId: string, programmeId: string, personId: string) {
  const id = await makeEnrolment(db, { organisationId: world.organisation.id, cohortId, programmeId, personId });
  return id;
}

async function signOff(db: Db, enrolmentId: string, leadId: string) {
  await db.insertInto('enrolment_signoffs').values({ enrolment_id: enrolmentId, signed_off_by: leadId, note: 'Well done', created_at: at }).execute();
}

async function client(ctx: () => { client(): TestClient }, email: string) {
  const c = ctx().client();
  await signIn(c, email);
  return c;
}

describeEachEngine('confirming completion for a cohort, and the certificates it issues', (ctx) => {
  let world: World;
  let lead: TestClient;
  let cohortId: string;
  let programmeTitle: string;
  let ada: TestPerson;
  let bo: TestPerson;
  let cy: TestPerson;
  const enrolments: Record<string, string> = {};

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Middle Leadership',
      requirements: [{ kind: 'sign_off' }],
    });
    programmeTitle = programme.title;
    const cohort = await makeCohort(db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      name: 'Cohort 4',
      leadIds: [world.programmeLead.id],
    });
    cohortId = cohort.id;
    ada = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Ada', familyName: 'Ng' });
    bo = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Bo', familyName: 'Ødegård' });
    cy = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Cy', familyName: 'Ward' });
    for (const p of [ada, bo, cy]) enrolments[p.givenName] = await enrol(db, world, cohortId, programme.id, p.id);
    await signOff(db, present(enrolments.Ada, 'the enrolment'), world.programmeLead.id);
    await signOff(db, present(enrolments.Bo, 'the enrolment'), world.programmeLead.id);
    lead = await client(ctx, world.programmeLead.email);
  });

  it('lists who has met every requirement, and who has not and why', async () => {
    const page = await lead.get(`/cohorts/${cohortId}/completion`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Met every requirement (2)');
    expect(text).toContain('Not met yet (1)');
    expect(text).toMatch(/Cy Ward.*Programme lead sign-off/);
    expect(page.text).toContain(`value="${enrolments.Ada}" checked`);
  });

  it('only programme leads may confirm completion', async () => {
    const staff = await client(ctx, world.staff.email);
    expect((await staff.get(`/cohorts/${cohortId}/completion`)).status).toBe(403);
    expect((await staff.post(`/cohorts/${cohortId}/completion`, { enrolmentIds: present(enrolments.Ada, 'the enrolment') })).status).toBe(403);
  });

  it('refuses someone who has not met every requirement, completing nobody', async () => {
    const refused = await lead.post(
      `/cohorts/${cohortId}/completion`,
      new URLSearchParams([
        ['enrolmentIds', present(enrolments.Ada, 'the enrolment')],
        ['enrolmentIds', present(enrolments.Cy, 'the enrolment')],
      ]),
    );
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Cy Ward has not met every requirement');
    const statuses = await ctx().db.selectFrom('enrolments').select('status').where('cohort_id', '=', cohortId).execute();
    expect(statuses.every((s) => s.status === 'active')).toBe(true);
    const none = await lead.post(`/cohorts/${cohortId}/completion`, {});
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Select at least one participant');
  });

  it('confirms everyone who has met them at once, and issues each a certificate with a public verification page', async () => {
    const done = await lead.post(
      `/cohorts/${cohortId}/completion`,
      new URLSearchParams([
        ['enrolmentIds', present(enrolments.Ada, 'the enrolment')],
        ['enrolmentIds', present(enrolments.Bo, 'the enrolment')],
      ]),
    );
    expect(done.status).toBe(303);
    await ctx().deliverMail();
    const certificates = await ctx().db.selectFrom('certificates').selectAll().where('person_id', 'in', [ada.id, bo.id]).execute();
    expect(certificates).toHaveLength(2);
    const bos = present(
      certificates.find((c) => c.person_id === bo.id),
      'Bo’s certificate',
    );
    expect(bos.code).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const anonymous = ctx().client({ address: '10.9.9.1' });
    const page = await anonymous.get(`/certificates/${bos.code}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('This is a genuine certificate');
    expect(text).toContain('Bo Ødegård');
    expect(text).toContain(programmeTitle);
    expect(text).toContain('Cohort 4');
    expect(text).toContain('Northern Lights Trust');
    expect(text).toContain('Programme lead sign-off (met)');

    const listed = visibleText((await lead.get(`/cohorts/${cohortId}/completion`)).text);
    expect(listed).toContain('Completed (2)');
    expect(listed).toContain('Met every requirement (0)');
  });

  it('records completion for someone as an exception, with a reason the certificate shows', async () => {
    const form = `/cohorts/${cohortId}/completion/${enrolments.Cy}/exception`;
    expect((await lead.get(form)).status).toBe(200);
    const empty = await lead.post(form, { reason: '  ' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Enter why completion is being recorded');
    expect(
      await ctx().db.selectFrom('enrolments').select('status').where('id', '=', present(enrolments.Cy, 'the enrolment')).executeTakeFirstOrThrow(),
    ).toEqual({ status: 'active' });
    expect((await lead.post(form, { reason: 'Long-term illness; the panel agreed the evidence is sufficient' })).status).toBe(303);
    await ctx().deliverMail();
    const certificate = await ctx().db.selectFrom('certificates').selectAll().where('person_id', '=', cy.id).executeTakeFirstOrThrow();
    const text = visibleText((await ctx().client({ address: '10.9.9.2' }).get(`/certificates/${certificate.code}`)).text);
    expect(text).toContain('Programme lead sign-off (not met)');
    expect(text).toContain('as an exception');
    expect(text).toContain('Long-term illness');
  });

  it('says clearly when no certificate was ever issued with a code', async () => {
    const page = await ctx()
      .client({ address: '10.9.9.3' })
      .get(`/certificates/${'y'.repeat(43)}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain('There is no certificate with this code');
  });

  it('refuses an address that tries many codes that match nothing', async () => {
    const guesser = ctx().client({ address: '10.9.9.4' });
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await guesser.get(`/certificates/${String(i).padStart(43, 'z')}`)).status;
    expect(last).toBe(429);
  });

  it('opening a genuine certificate counts nothing against the address, but a locked-out address is refused even for it', async () => {
    const certificate = await ctx().db.selectFrom('certificates').selectAll().where('person_id', '=', ada.id).executeTakeFirstOrThrow();
    const reader = ctx().client({ address: '10.9.8.6' });
    for (let i = 0; i < 3; i++) expect((await reader.get(`/certificates/${certificate.code}`)).status).toBe(200);
    const counted = await ctx().db.selectFrom('sign_in_throttles').select('failures').where('key', '=', 'certificate-code:address:10.9.8.6').executeTakeFirst();
    expect(counted?.failures ?? 0).toBe(0);
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await reader.get(`/certificates/${String(i).padStart(43, 'x')}`)).status;
    expect(last).toBe(429);
    const refused = await reader.get(`/certificates/${certificate.code}`);
    expect(refused.status).toBe(429);
    expect(visibleText(refused.text)).not.toContain(ada.familyName);
  });

  it('codes that match nothing sent all at once are each counted: no more are answered than the limits allow', async () => {
    const guesser = ctx().client({ address: '10.9.8.7' });
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => guesser.get(`/certificates/${String(i).padStart(43, 'w')}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(40);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    const counted = await ctx()
      .db.selectFrom('sign_in_throttles')
      .select('failures')
      .where('key', '=', 'certificate-code:address:10.9.8.7')
      .executeTakeFirstOrThrow();
    expect(counted.failures).toBeLessThanOrEqual(40);
  });

  it('a programme lead revokes a certificate with a reason, audited, and the page says so with the date', async () => {
    const certificate = await ctx().db.selectFrom('certificates').selectAll().where('person_id', '=', ada.id).executeTakeFirstOrThrow();
    const staff = await client(ctx, world.staff.email);
    expect((await staff.post(`/certificates/${certificate.code}/revoke`, { reason: 'x' })).status).toBe(403);
    const empty = await lead.post(`/certificates/${certificate.code}/revoke`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Enter why the certificate is being revoked');
    expect((await lead.post(`/certificates/${certificate.code}/revoke`, { reason: 'Awarded in error' })).status).toBe(303);
    const page = visibleText((await ctx().client({ address: '10.9.9.5' }).get(`/certificates/${certificate.code}`)).text);
    expect(page).toMatch(/This certificate was revoked on \d+ [A-Z][a-z]+ \d{4}/);
    expect(page).not.toContain('This is a genuine certificate');
    const audit = await ctx().db.selectFrom('audit_events').select(['actor_id', 'detail']).where('action', '=', 'certificate_revoked').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(world.programmeLead.id);
    expect(audit[0]?.detail).toContain('Awarded in error');
  });

  it('the graduate sees their own certificates', async () => {
    const graduate = await client(ctx, bo.email);
    const text = visibleText((await graduate.get('/certificates')).text);
    expect(text).toContain(programmeTitle);
    expect(text).toContain('Download the certificate (PDF)');
  });

  it('the certificate downloads as a PDF with the name in an embedded Noto Sans, the verification link and its QR code', async () => {
    const certificate = await ctx().db.selectFrom('certificates').selectAll().where('person_id', '=', bo.id).executeTakeFirstOrThrow();
    const download = await ctx().client({ address: '10.9.9.6' }).get(`/certificates/${certificate.code}/certificate.pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');

    const pdf = (
      await renderCertificatePdf({ ...certificate, recipient_name: 'Жанна Ødegård' }, `https://waymark.example/certificates/${certificate.code}`, {
        compress: false,
      })
    ).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(pdf).not.toContain('Helvetica');
    // The name's letters are mapped back to Unicode (Ж is U+0416, Ø U+00D8): text extraction reads it as written.
    expect(pdf).toContain('<0416>');
    expect(pdf).toContain('<00d8>');
    expect(pdf).toContain(`/URI (https://waymark.example/certificates/${certificate.code})`);
  });
});
