import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { type BuiltCohort, buildApplication, buildCohort } from '../../../test/support/build';
import { makePerson, signIn } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { item } from '../../../test/support/present';
import { DAY } from '../../platform/db/clock';
import { GIAS_SAMPLE_CSV } from '../establishments/demo/gias-sample';
import { loadEstablishments } from '../establishments/establishments.service';

const START = '2026-11-24T10:00:00.000Z';
const HEAD = 'head@moorside.example.sch.uk';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_/-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return item(match, 1, 'the link');
}

describeEachEngine('the headteacher of a school not on Waymark supports by email link', (ctx) => {
  let cohort: BuiltCohort;
  let lead: TestClient;

  beforeAll(async () => {
    const { db, clock } = ctx();
    clock.set(START);
    await loadEstablishments(db, clock, new TextEncoder().encode(GIAS_SAMPLE_CSV));
    cohort = await buildCohort(db, { needsLineManager: false });
    lead = ctx().client({ address: '10.8.0.1' });
    await signIn(lead, cohort.lead.email);
    expect((await lead.post(`/programmes/${cohort.programme.id}/opening`, { openTo: 'any_school' })).status).toBe(303);
  });

  /** An outside teacher of Moorside Community Primary School joins, applies, and submits; returns their client, application and the head's link. */
  async function applyFromOutside(email: string, address: string, to: { id: string } = cohort) {
    const visitor = ctx().client({ address });
    await visitor.post(`/open-programmes/${to.id}`, { email });
    await ctx().deliverMail();
    const join = linkIn(
      ctx()
        .mailer.sent.filter((m) => m.to === email)
        .at(-1)?.text ?? '',
      '/join',
    );
    const joined = await visitor.post(join, {
      givenName: 'Rukhsana',
      familyName: 'Ahmed',
      jobTitle: 'Head of Year 4',
      staffType: 'teaching',
      leadershipLevel: 'middle',
      'startedInSchoolsOn-day': '1',
      'startedInSchoolsOn-month': '9',
      'startedInSchoolsOn-year': '2017',
      schoolQuery: '108012',
      schoolUrn: '108012',
      headteacherName: 'Gareth Pugh',
      headteacherEmail: HEAD,
    });
    expect(joined.status).toBe(303);
    await visitor.post(joined.location ?? '');
    const started = await visitor.post(`/cohorts/${to.id}/apply`);
    expect(started.status).toBe(303);
    const id = (started.location ?? '').split('/').pop() as string;
    expect((await visitor.post(`/applications/${id}/role`, { currentRole: 'Head of Year 4', experience: 'I lead the Year 4 team.' })).status).toBe(303);
    expect((await visitor.post(`/applications/${id}/motivation`, { motivation: 'I want to lead across the school.' })).status).toBe(303);
    expect((await visitor.post(`/applications/${id}/declarations`, { declarations: 'I have discussed this application with my line manager.' })).status).toBe(
      303,
    );
    return { visitor, id };
  }

  async function submit(visitor: TestClient, id: string): Promise<string> {
    const before = ctx().mailer.sent.length;
    expect((await visitor.post(`/applications/${id}/submit`)).status).toBe(303);
    await ctx().deliverMail();
    const toHead = ctx()
      .mailer.sent.slice(before)
      .filter((m) => m.to === HEAD);
    expect(toHead).toHaveLength(1);
    return linkIn(toHead[0]?.text ?? '', '/headteacher-support');
  }

  async function endorsementOf(applicationId: string) {
    return ctx().db.selectFrom('endorsements').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
  }

  it('the applicant names their headteacher in the application; the head supports through a link that opens this one request, once', async () => {
    const { visitor, id } = await applyFromOutside('r.ahmed@moorside.example.sch.uk', '10.8.1.1');

    // The headteacher is a section of the application, filled in from joining; bad input is refused, nothing changed.
    const section = await visitor.get(`/applications/${id}/headteacher`);
    expect(visibleText(section.text)).toContain('Moorside Community Primary School (URN 108012)');
    expect(section.text).toContain('value="Gareth Pugh"');
    const own = await visitor.post(`/applications/${id}/headteacher`, { headteacherName: 'Gareth Pugh', headteacherEmail: 'r.ahmed@moorside.example.sch.uk' });
    expect(own.status).toBe(400);
    expect(visibleText(own.text)).toContain('There is a problem Enter your headteacher’s email address, not your own');
    const bad = await visitor.post(`/applications/${id}/headteacher`, { headteacherName: '', headteacherEmail: 'not an email' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Enter your headteacher’s full name');
    expect(visibleText(bad.text)).toContain('Enter an email address in the correct format');
    expect((await ctx().db.selectFrom('applications').select('headteacher_email').where('id', '=', id).executeTakeFirstOrThrow()).headteacher_email).toBe(HEAD);

    const link = await submit(visitor, id);
    expect(link).toMatch(new RegExp(`^/headteacher-support/${id}/[A-Za-z0-9_-]{43}$`));
    const token = link.split('/').pop() as string;
    const stored = await endorsementOf(id);
    expect(stored).toMatchObject({ status: 'requested', endorser_name: 'Gareth Pugh', endorser_email: HEAD });
    // Only the token's hash is kept.
    expect(JSON.stringify(stored)).not.toContain(token);
    // Nobody in the provider's organisation is asked to answer it in the app.
    const admin = await makePerson(ctx().db, { organisationId: cohort.organisation.id, givenName: 'Olu', roles: [{ role: 'org_admin' }] });
    const adminClient = ctx().client({ address: '10.8.0.2' });
    await signIn(adminClient, admin.email);
    expect(visibleText((await adminClient.get('/endorsements')).text)).not.toContain('Rukhsana Ahmed');
    expect((await adminClient.post(`/endorsements/${stored.id}`, { answer: 'support' })).status).toBe(403);

    // The head, with no account, sees the applicant, the programme and the school on record.
    const head = ctx().client({ address: '10.8.2.1' });
    const page = await head.get(link);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`Does your school support Rukhsana Ahmed’s application to ${cohort.programme.title}?`);
    expect(text).toContain('Applicant Rukhsana Ahmed, Head of Year 4');
    expect(text).toContain('School Moorside Community Primary School (URN 108012)');
    expect(text).toContain('Moorside Road Eccleshill Bradford West Yorkshire BD2 3HE');
    expect(page.text).toContain('value="Gareth Pugh"');

    // The same token with another application's id opens nothing.
    const other = await buildApplication(ctx().db, 'awaiting_endorsement', { cohort });
    expect((await head.get(`/headteacher-support/${other.id}/${token}`)).status).toBe(404);
    expect((await head.post(`/headteacher-support/${other.id}/${token}`, { name: 'x', role: 'y', answer: 'support', statement: 'z' })).status).toBe(404);

    // Bad input: the GOV.UK error summary, nothing changed.
    const empty = await head.post(link, { name: '', role: '', statement: '' });
    expect(empty.status).toBe(400);
    const problems = visibleText(empty.text);
    expect(problems).toContain('There is a problem');
    expect(problems).toContain('Enter your full name');
    expect(problems).toContain('Enter your role at the school');
    expect(problems).toContain('Select whether you support this application');
    const noStatement = await head.post(link, { name: 'Gareth Pugh', role: 'Headteacher', answer: 'support', statement: ' ' });
    expect(visibleText(noStatement.text)).toContain('Enter a short statement of your support');
    expect((await endorsementOf(id)).status).toBe('requested');

    const answered = await head.post(link, {
      name: 'Gareth Pugh',
      role: 'Headteacher',
      answer: 'support',
      statement: 'Rukhsana leads our Year 4 team well and is ready for this.',
    });
    expect(answered.status).toBe(303);
    expect(visibleText((await head.get(answered.location ?? '')).text)).toContain('Thank you: your answer is sent');
    expect(await endorsementOf(id)).toMatchObject({
      status: 'supported',
      answered_by: null,
      answered_name: 'Gareth Pugh',
      answered_role: 'Headteacher',
      comment: 'Rukhsana leads our Year 4 team well and is ready for this.',
    });

    // The link can't be used again, and now says nothing about the application.
    const again = await ctx().client({ address: '10.8.2.2' }).get(link);
    expect(again.status).toBe(200);
    expect(visibleText(again.text)).toContain('This request has already been answered');
    expect(again.text).not.toContain('Rukhsana');
    const twice = await head.post(link, { name: 'Someone Else', role: 'Headteacher', answer: 'not_support', statement: 'No.' });
    expect(twice.status).toBe(409);
    expect((await endorsementOf(id)).answered_name).toBe('Gareth Pugh');

    // The provider's lead sees who answered, in what role, and when; the application is endorsed.
    const review = visibleText((await lead.get(`/applications/${id}`)).text);
    expect(review).toContain('Endorsed');
    expect(review).toContain('Answered by Gareth Pugh, Headteacher, on 24 November 2026 at 10:00am, by email link');
    expect(review).toContain('Rukhsana leads our Year 4 team well and is ready for this.');
    expect(review).toContain('Moorside Community Primary School, Bradford (URN 108012; not on Waymark)');
    const queue = visibleText((await lead.get(`/cohorts/${cohort.id}/applications`)).text);
    expect(queue).toContain('Moorside Community Primary School (not on Waymark)');

    // The applicant is told; the answer is audited, with the head's name and role but no account.
    await ctx().deliverMail();
    expect(ctx().mailer.sent.some((m) => m.to === 'r.ahmed@moorside.example.sch.uk' && m.subject.includes('has been endorsed'))).toBe(true);
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'endorsement_answered')
      .where('subject_id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBeNull();
    expect(audit.ip_address).toBe('10.8.2.1');
    expect(JSON.parse(audit.detail)).toMatchObject({
      applicationId: id,
      supported: true,
      byLink: true,
      name: 'Gareth Pugh',
      role: 'Headteacher',
      urn: '108012',
    });

    // The lead can accept.
    const accepted = await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: '' });
    expect(accepted.status).toBe(303);

    // The cohort's roster, with participants from many schools, shows the school on the school list.
    const roster = visibleText((await lead.get(`/cohorts/${cohort.id}/roster`)).text);
    expect(roster).toContain('Rukhsana Ahmed Moorside Community Primary School (not on Waymark)');
    const members = visibleText((await visitor.get(`/cohorts/${cohort.id}/members`)).text);
    expect(members).toContain('Moorside Community Primary School (not on Waymark)');
  });

  it('a head who does not support it gives a reason, and the application goes back to the lead', async () => {
    const { visitor, id } = await applyFromOutside('n.shah@moorside.example.sch.uk', '10.8.1.2');
    const link = await submit(visitor, id);
    const head = ctx().client({ address: '10.8.3.1' });
    const noReason = await head.post(link, { name: 'Gareth Pugh', role: 'Headteacher', answer: 'not_support', statement: '' });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain('Enter why you do not support this application');
    const declined = await head.post(link, {
      name: 'Gareth Pugh',
      role: 'Headteacher',
      answer: 'not_support',
      statement: 'Not this year: we need her in Year 6.',
    });
    expect(declined.status).toBe(303);
    expect((await ctx().db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('submitted');
    expect(visibleText((await lead.get(`/applications/${id}`)).text)).toContain('Not this year: we need her in Year 6.');
  });

  it('a cohort that asks for the line manager’s endorsement takes the headteacher’s support instead from an applicant whose school is not on Waymark', async () => {
    const { db } = ctx();
    const lineManagerOnly = await buildCohort(db, { programme: cohort.programme, lead: cohort.lead, needsLineManager: true, needsHeadteacher: false });
    const both = await buildCohort(db, { programme: cohort.programme, lead: cohort.lead, needsLineManager: true, needsHeadteacher: true });

    const { visitor, id } = await applyFromOutside('s.begum@moorside.example.sch.uk', '10.8.1.4', lineManagerOnly);
    // Their headteacher is a section of the application, and the check page says what happens.
    expect(visibleText((await visitor.get(`/applications/${id}`)).text)).toContain('Your headteacher');
    const check = visibleText((await visitor.get(`/applications/${id}/check`)).text);
    expect(check).toContain('Your school is not on Waymark, so their support stands for your school and no line manager is asked.');
    expect(check).not.toContain('does not name an active line manager');

    // Submitting is not refused for want of a line manager: the head is asked by link, nobody else.
    const link = await submit(visitor, id);
    const asked = await db.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', id).execute();
    expect(asked).toEqual([{ kind: 'headteacher', status: 'requested' }]);
    expect((await db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('awaiting_endorsement');

    // The lead sees it, and is told plainly why there is no line manager.
    expect(visibleText((await lead.get(`/cohorts/${lineManagerOnly.id}/applications`)).text)).toContain('Rukhsana Ahmed');
    const review = visibleText((await lead.get(`/applications/${id}`)).text);
    expect(review).toContain('Line manager Not on Waymark — the headteacher’s support stands for the school');
    expect(review).toContain('Gareth Pugh (head@moorside.example.sch.uk), asked by email link');
    expect(visibleText((await visitor.get(`/applications/${id}`)).text)).toContain(
      'Line manager Your school is not on Waymark, so your headteacher’s support stands for your school',
    );

    // The head's support is the school's endorsement: the application is endorsed and the lead can accept.
    expect(
      (await ctx().client({ address: '10.8.5.1' }).post(link, { name: 'Gareth Pugh', role: 'Headteacher', answer: 'support', statement: 'She is ready.' }))
        .status,
    ).toBe(303);
    expect((await db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('endorsed');
    expect((await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: '' })).status).toBe(303);
    expect((await db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('accepted');

    // Where the cohort asks for both, the headteacher is asked once, straight away.
    const second = await applyFromOutside('t.khan@moorside.example.sch.uk', '10.8.1.5', both);
    await submit(second.visitor, second.id);
    expect(await db.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', second.id).execute()).toEqual([
      { kind: 'headteacher', status: 'requested' },
    ]);
  });

  it('the applications list counts an outside applicant under their own school, not under “No school”', async () => {
    const { db } = ctx();
    const round = await buildCohort(db, { programme: cohort.programme, lead: cohort.lead, needsLineManager: false });
    const { visitor, id } = await applyFromOutside('j.cole@moorside.example.sch.uk', '10.8.1.6', round);
    await submit(visitor, id);
    const own = await buildApplication(db, 'submitted', { cohort: round });
    const ownName = `${own.applicant.givenName} ${own.applicant.familyName}`;

    const all = await lead.get(`/cohorts/${round.id}/applications`);
    expect(all.text).toMatch(/<option value="urn:108012"[^>]*>Moorside Community Primary School \(not on Waymark\)<\/option>/);
    const text = visibleText(all.text);
    expect(text).toContain('Rukhsana Ahmed');
    expect(text).toContain(ownName);

    const moorside = visibleText((await lead.get(`/cohorts/${round.id}/applications?school=urn:108012`)).text);
    expect(moorside).toContain('Rukhsana Ahmed Moorside Community Primary School (not on Waymark)');
    expect(moorside).not.toContain(ownName);
    expect(visibleText((await lead.get(`/cohorts/${round.id}/applications?school=none`)).text)).not.toContain('Rukhsana Ahmed');
    // A URN nobody applied from matches nothing.
    expect(visibleText((await lead.get(`/cohorts/${round.id}/applications?school=urn:999999`)).text)).toContain('No submitted applications match.');
  });

  it('the applicant or the lead sends the head a new link (the old one stops working, rate limited, audited); a head who has not answered after 7 days is reminded once', async () => {
    const { db } = ctx();
    const { visitor, id } = await applyFromOutside('m.ali@moorside.example.sch.uk', '10.8.1.7');
    const first = await submit(visitor, id);

    // The applicant sends it again: a new link, the old one opens nothing.
    const mine = visibleText((await visitor.get(`/applications/${id}`)).text);
    expect(mine).toContain('Send the headteacher a new link');
    expect(mine).toContain('asked by email link sent on 24 November 2026 at 10:00am');
    ctx().clock.advance(60 * 60 * 1000);
    const before = ctx().mailer.sent.length;
    const again = await visitor.post(`/applications/${id}/headteacher-link`);
    expect(again.status).toBe(303);
    expect(visibleText((await visitor.get(again.location ?? '')).text)).toContain(
      'A new link has been sent to Gareth Pugh. The link sent before no longer works.',
    );
    await ctx().deliverMail();
    const resent = ctx()
      .mailer.sent.slice(before)
      .filter((m) => m.to === HEAD);
    expect(resent).toHaveLength(1);
    expect(resent[0]?.subject).toContain('(new link)');
    expect(resent[0]?.text).toContain('any link we sent you before about this application no longer works');
    const second = linkIn(resent[0]?.text ?? '', '/headteacher-support');
    expect(second).not.toBe(first);
    const head = ctx().client({ address: '10.8.6.1' });
    expect((await head.get(first)).status).toBe(404);
    expect((await head.get(second)).status).toBe(200);

    // The lead can too; the page says when it was sent.
    const leadPage = visibleText((await lead.get(`/applications/${id}`)).text);
    expect(leadPage).toContain('asked by email link sent on 24 November 2026 at 11:00am');
    expect((await lead.post(`/applications/${id}/headteacher-link`)).status).toBe(303);
    await ctx().deliverMail();
    const third = linkIn(
      ctx()
        .mailer.sent.filter((m) => m.to === HEAD)
        .at(-1)?.text ?? '',
      '/headteacher-support',
    );
    expect((await head.get(second)).status).toBe(404);
    expect((await head.get(third)).status).toBe(200);
    // Three times a day is the limit, whoever asks.
    expect((await visitor.post(`/applications/${id}/headteacher-link`)).status).toBe(303);
    const tooMany = await visitor.post(`/applications/${id}/headteacher-link`);
    expect(tooMany.status).toBe(429);
    expect(visibleText(tooMany.text)).toContain('The headteacher’s link has already been sent again 3 times today.');
    const audits = await db
      .selectFrom('audit_events')
      .select(['actor_id'])
      .where('action', '=', 'headteacher_link_sent_again')
      .where('subject_type', '=', 'endorsement')
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(3);

    // Seven days after the last sending, the daily job reminds the head once, with a new link.
    const { sendHeadteacherLinkReminders } = await import('../cohorts/headteacher-support.service');
    ctx().clock.advance(6 * DAY);
    expect(await sendHeadteacherLinkReminders(db, ctx().clock, ctx().config)).toBe(0);
    ctx().clock.advance(DAY);
    try {
      await ctx().deliverMail();
      const beforeReminder = ctx().mailer.sent.length;
      expect(await sendHeadteacherLinkReminders(db, ctx().clock, ctx().config)).toBeGreaterThanOrEqual(1);
      expect(await sendHeadteacherLinkReminders(db, ctx().clock, ctx().config)).toBe(0);
      await ctx().deliverMail();
      const reminders = ctx()
        .mailer.sent.slice(beforeReminder)
        .filter((m) => m.to === HEAD && m.text.includes(id));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]?.subject).toMatch(/^Reminder: /);
      expect(reminders[0]?.text).toContain('We emailed you about this on 24 November 2026 and have not had your answer yet.');
      const reminderLink = linkIn(reminders[0]?.text ?? '', '/headteacher-support');
      expect((await ctx().client({ address: '10.8.6.2' }).get(reminderLink)).status).toBe(200);
      const page = visibleText((await lead.get(`/applications/${id}`)).text);
      expect(page).toContain('sent on 24 November 2026 at 11:00am, reminded on 1 December 2026 at 11:00am');
      expect(
        (
          await db
            .selectFrom('audit_events')
            .select('actor_id')
            .where('action', '=', 'headteacher_link_reminded')
            .where('subject_id', '=', (await endorsementOf(id)).id)
            .execute()
        ).length,
      ).toBe(1);
    } finally {
      ctx().clock.advance(-7 * DAY - 60 * 60 * 1000);
    }
  });

  it('a link stops working after two weeks, and then says only that it is no longer available', async () => {
    const { visitor, id } = await applyFromOutside('l.oneill@moorside.example.sch.uk', '10.8.1.3');
    const link = await submit(visitor, id);
    ctx().clock.advance(15 * DAY);
    try {
      const page = await ctx().client({ address: '10.8.4.1' }).get(link);
      expect(visibleText(page.text)).toContain('This link is no longer available');
      expect(page.text).not.toContain('Ahmed');
      const late = await ctx().client({ address: '10.8.4.1' }).post(link, { name: 'Gareth Pugh', role: 'Headteacher', answer: 'support', statement: 'Yes.' });
      expect(late.status).toBe(409);
      expect((await endorsementOf(id)).status).toBe('requested');
    } finally {
      ctx().clock.advance(-15 * DAY);
    }
  });

  it('links nobody was sent, opened again and again from one address, are refused for a while', async () => {
    const guesser = ctx().client({ address: '10.8.9.9' });
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await guesser.get(`/headteacher-support/some-id/${String(i).padStart(43, 'z')}`)).status;
    expect(last).toBe(429);
  });
});
