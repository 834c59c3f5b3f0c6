import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { type BuiltCohort, buildCohort, buildPerson } from '../../../test/support/build';
import { signIn } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { item } from '../../../test/support/present';
import { DAY } from '../../platform/db/clock';
import { GIAS_SAMPLE_CSV } from '../establishments/demo/gias-sample';
import { loadEstablishments } from '../establishments/establishments.service';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return item(match, 1, 'the link');
}

describeEachEngine('providers and outside applicants', (ctx) => {
  let cohort: BuiltCohort;

  beforeAll(async () => {
    const { db, clock } = ctx();
    await loadEstablishments(db, clock, new TextEncoder().encode(GIAS_SAMPLE_CSV));
    cohort = await buildCohort(db, { needsLineManager: false });
    const lead = ctx().client({ address: '10.9.0.1' });
    await signIn(lead, cohort.lead.email);
    const wrong = await lead.post(`/programmes/${cohort.programme.id}/opening`, { openTo: 'partners' });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain('Select at least one partner organisation');
    const saved = await lead.post(`/programmes/${cohort.programme.id}/opening`, { openTo: 'any_school' });
    expect(saved.status).toBe(303);
    expect(visibleText((await lead.get(saved.location ?? '')).text)).toContain('Who may apply is saved');
  });

  async function askToJoin(email: string) {
    const visitor = ctx().client({ address: `10.9.1.${Math.floor(Math.random() * 200)}` });
    const list = await visitor.get('/open-programmes');
    expect(visibleText(list.text)).toContain(`${cohort.programme.title}: ${cohort.name}`);
    const page = await visitor.post(`/open-programmes/${cohort.id}`, { email });
    await ctx().deliverMail();
    return { visitor, page, email: ctx().mailer.sent.at(-1) };
  }

  it('an outside teacher confirms their email, chooses their school from the list and can then sign in to apply', async () => {
    const { visitor, page, email } = await askToJoin('r.ahmed@moorside.example.sch.uk');
    expect(visibleText(page.text)).toContain('Check your email We have sent an email to r.ahmed@moorside.example.sch.uk');
    expect(email?.to).toBe('r.ahmed@moorside.example.sch.uk');
    const join = linkIn(email?.text ?? '', '/join');
    expect(visibleText((await visitor.get(join)).text)).toContain('Your email address r.ahmed@moorside.example.sch.uk is confirmed');

    const details = {
      givenName: 'Rukhsana',
      familyName: 'Ahmed',
      jobTitle: 'Head of Year 4',
      staffType: 'teaching',
      leadershipLevel: 'middle',
      'startedInSchoolsOn-day': '1',
      'startedInSchoolsOn-month': '9',
      'startedInSchoolsOn-year': '2017',
      headteacherName: 'Gareth Pugh',
      headteacherEmail: 'head@moorside.example.sch.uk',
    };
    const found = await visitor.post(join, { ...details, schoolQuery: 'moorside bradford', action: 'find-school' });
    expect(found.status).toBe(200);
    expect(visibleText(found.text)).toContain('Is this your school? Moorside Community Primary School URN 108012 · Primary, Bradford, BD2 3HE');

    const unknown = await visitor.post(join, { ...details, schoolQuery: '999999' });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain('No school on the list has the URN 999999');

    // What a programme's eligibility rules need from a staff record is asked too: nobody else can record it for them.
    const undated = await visitor.post(join, { ...details, leadershipLevel: '', 'startedInSchoolsOn-month': '13', schoolUrn: '108012' });
    expect(undated.status).toBe(400);
    expect(visibleText(undated.text)).toContain('Select your leadership role now');
    expect(visibleText(undated.text)).toContain('The date you started teaching or working in schools must be a real date');

    const joined = await visitor.post(join, { ...details, schoolQuery: 'moorside bradford', schoolUrn: '108012' });
    expect(joined.status).toBe(303);
    expect(joined.location).toMatch(/^\/sign-in\/link\//);
    const person = await ctx()
      .db.selectFrom('people')
      .select(['organisation_id', 'school_id', 'job_title', 'leadership_level', 'started_in_schools_on'])
      .where('email_normalised', '=', 'r.ahmed@moorside.example.sch.uk')
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      organisation_id: cohort.organisation.id,
      school_id: null,
      job_title: 'Head of Year 4',
      leadership_level: 'middle',
      started_in_schools_on: '2017-09-01',
    });
    const signedIn = await visitor.post(joined.location ?? '');
    expect(signedIn.status).toBe(303);
    expect(visitor.hasSession()).toBe(true);

    const again = await ctx().client().get(join);
    expect(again.status).toBe(404);
    expect(visibleText(again.text)).toContain('This link has already been used');
  });

  it('an address already on Waymark sees the same page, and is sent a sign-in link instead', async () => {
    const member = await buildPerson(ctx().db);
    const { page, email } = await askToJoin(member.email);
    expect(visibleText(page.text)).toContain(`Check your email We have sent an email to ${member.email}`);
    expect(email?.to).toBe(member.email);
    expect(email?.text).toContain('You already have a Waymark account');
    linkIn(email?.text ?? '', '/sign-in/link');
  });

  it('a sign-up link stops working after two days', async () => {
    const { email } = await askToJoin('late@example.sch.uk');
    const join = linkIn(email?.text ?? '', '/join');
    ctx().clock.advance(3 * DAY);
    try {
      const page = await ctx().client().get(join);
      expect(page.status).toBe(404);
      expect(visibleText(page.text)).toContain('This link has expired');
    } finally {
      ctx().clock.advance(-3 * DAY);
    }
  });

  it('a cohort not opened to other schools has no sign-up page', async () => {
    const closed = await buildCohort(ctx().db);
    expect((await ctx().client().get(`/open-programmes/${closed.id}`)).status).toBe(404);
    expect((await ctx().client().post(`/open-programmes/${closed.id}`, { email: 'a@b.example' })).status).toBe(404);
  });
});
