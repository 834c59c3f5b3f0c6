import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';

describeEachEngine('messages to a round’s applicants', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let lead: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    programmes = await makeProgrammeWorld(ctx().db, world);
    lead = ctx().client({ address: '10.4.0.1' });
    other = ctx().client({ address: '10.4.0.2' });
    await signIn(lead, world.programmeLead.email);
    await signIn(other, world.otherAdmin.email);
  });

  const emailsTo = async (subject: string) =>
    (await ctx().db.selectFrom('outbox').select('payload').where('kind', '=', 'email').execute())
      .map((r) => JSON.parse(r.payload) as { to: string; subject: string; text: string })
      .filter((e) => e.subject === subject);

  it('refuses a message with no subject or text, naming each, and sends nothing', async () => {
    const page = await lead.post(`/cohorts/${programmes.cohortId}/messages/preview`, { subject: '', body: ' ' });
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter a subject');
    expect(text).toContain('Enter the message');
  });

  it('says so when nobody who applied is in the statuses chosen', async () => {
    const page = await lead.post(`/cohorts/${programmes.cohortId}/messages/preview`, { subject: 'Hello', body: 'Hi', statuses: 'accepted' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Nobody who applied is in the statuses chosen');
  });

  it('previews the message, then sends one email to each applicant and records it on the round', async () => {
    const form = { subject: 'Your application', body: 'Thank you for applying. You will receive further communication in six to eight weeks.' };
    const preview = visibleText((await lead.post(`/cohorts/${programmes.cohortId}/messages/preview`, form)).text);
    expect(preview).toContain('Every applicant: 1 person');
    expect(preview).toContain(`Hello ${world.report.givenName}`);
    expect(await emailsTo(form.subject)).toHaveLength(0);
    const sent = await lead.post(`/cohorts/${programmes.cohortId}/messages`, form);
    expect(sent.status).toBe(303);
    const emails = await emailsTo(form.subject);
    expect(emails.map((e) => e.to)).toEqual([world.report.email]);
    expect(emails[0]?.text).toContain('six to eight weeks');
    const page = visibleText((await lead.get(`/cohorts/${programmes.cohortId}/messages?sent=1`)).text);
    expect(page).toContain('Message sent to 1 person');
    expect(page).toMatch(/Your application.*Every applicant.*1/);
  });

  it('is another organisation’s business only to the cohort’s organisation', async () => {
    expect((await other.get(`/cohorts/${programmes.cohortId}/messages`)).status).toBe(404);
    expect((await other.post(`/cohorts/${programmes.cohortId}/messages`, { subject: 'x', body: 'y' })).status).toBe(404);
  });
});
