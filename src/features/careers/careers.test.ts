import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { makeProgramme } from '../../../test/support/programme-world';
import { auditLogRows } from '../../../test/support/audit-log';
import { type TestClient, visibleText } from '../../../test/support/http';
import { installBuiltInFrameworks } from '../frameworks';
import { sweepCareersReminders } from './careers.service';

describeEachEngine('careers', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let manager: TestClient;
  let colleague: TestClient;
  let orgAdmin: TestClient;
  let lead: TestClient;
  let ta: { id: string; email: string; givenName: string; familyName: string };
  let taClient: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    await installBuiltInFrameworks(db, ctx().clock, world.organisation.id);
    ta = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Tia', staffType: 'associate' });
    teacher = ctx().client({ address: '10.2.0.1' });
    manager = ctx().client({ address: '10.2.0.2' });
    colleague = ctx().client({ address: '10.2.0.3' });
    orgAdmin = ctx().client({ address: '10.2.0.4' });
    lead = ctx().client({ address: '10.2.0.5' });
    taClient = ctx().client({ address: '10.2.0.6' });
    await signIn(teacher, world.report.email);
    await signIn(manager, world.lineManager.email);
    await signIn(colleague, world.staff.email);
    await signIn(orgAdmin, world.orgAdmin.email);
    await signIn(lead, world.programmeLead.email);
    await signIn(taClient, ta.email);
  });

  const roleId = async (title: string) =>
    (
      await ctx()
        .db.selectFrom('careers_roles')
        .select('id')
        .where('organisation_id', '=', world.organisation.id)
        .where('title', '=', title)
        .executeTakeFirstOrThrow()
    ).id;

  describe('aspirations', () => {
    it('starts everyone with a role map of leadership roles for teaching and associate staff, linked to framework skills', async () => {
      const map = visibleText((await teacher.get('/careers/roles')).text);
      for (const role of ['Subject or phase leader', 'SENCo', 'Headteacher', 'Trust chief executive', 'School business manager', 'Office manager'])
        expect(map).toContain(role);
      const head = visibleText((await teacher.get(`/careers/roles/${await roleId('Headteacher')}`)).text);
      expect(head).toContain('GA1 Working with governors and trustees');
    });

    it('refuses an aspiration with no role, and stores nothing', async () => {
      const page = await teacher.post('/careers/aspiration', { timeframe: 'within_1', sharing: 'only_me' });
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('There is a problem');
      expect(visibleText(page.text)).toContain('Select the role you would like to work towards');
      expect(await ctx().db.selectFrom('careers_aspirations').selectAll().execute()).toHaveLength(0);
    });

    it('keeps an aspiration private until the person shares it, and never shows their line manager the barriers', async () => {
      const form = new URLSearchParams({
        roleId: await roleId('Head of year or pastoral leader'),
        timeframe: '1_to_3',
        support: 'Shadowing a head of year',
        sharing: 'only_me',
      });
      form.append('barriers', 'confidence');
      form.append('barriers', 'caring');
      expect((await teacher.post('/careers/aspiration', form)).status).toBe(303);
      const own = visibleText((await teacher.get('/careers')).text);
      expect(own).toContain('Head of year or pastoral leader');
      expect(own).toContain('Confidence, Caring responsibilities');
      expect(visibleText((await manager.get(`/people/${world.report.id}/careers`)).text)).toContain('has not shared an aspiration with you');

      form.set('sharing', 'line_manager');
      expect((await teacher.post('/careers/aspiration', form)).status).toBe(303);
      const theirs = visibleText((await manager.get(`/people/${world.report.id}/careers`)).text);
      expect(theirs).toContain('Head of year or pastoral leader');
      expect(theirs).toContain('Shadowing a head of year');
      expect(theirs).not.toContain('Confidence');
      expect(theirs).not.toContain('Caring');
      expect(visibleText((await manager.get('/careers')).text)).toContain('Head of year or pastoral leader');
      // Nobody else reaches a person's career page: not colleagues, not admins, not programme leads.
      for (const client of [colleague, orgAdmin, lead]) expect((await client.get(`/people/${world.report.id}/careers`)).status).toBe(404);
    });

    it('counts barriers for the organisation without naming anyone', async () => {
      const { countBarriers } = await import('./index');
      const counts = await countBarriers(ctx().db, world.organisation.id);
      expect(counts.confidence).toBe(1);
      expect(counts.workload).toBe(0);
    });
  });

  describe('career conversations', () => {
    let conversationId: string;

    it('refuses a conversation dated in the future or a next step with no date, and stores nothing', async () => {
      const page = await manager.post(`/people/${world.report.id}/careers/conversations`, {
        'held-day': '1',
        'held-month': '1',
        'held-year': '2027',
        discussed: 'Next steps',
        'action1-description': 'Read about the NPQ',
        'action1-owner': world.report.id,
      });
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain('The date of the conversation must be today or in the past');
      expect(text).toContain('Enter the date the next step is due');
      expect(await ctx().db.selectFrom('careers_conversations').selectAll().execute()).toHaveLength(0);
      expect(await ctx().db.selectFrom('careers_actions').selectAll().execute()).toHaveLength(0);
    });

    it('lets the line manager record one with next steps, which both of them see and nobody else does', async () => {
      const made = await manager.post(`/people/${world.report.id}/careers/conversations`, {
        'held-day': '20',
        'held-month': '11',
        'held-year': '2026',
        discussed: 'Pastoral leadership, and building confidence to apply.',
        aspirationAgreed: 'Head of year within two years',
        'action1-description': 'Shadow the head of Year 9 for a morning',
        'action1-owner': world.report.id,
        'action1-due-day': '25',
        'action1-due-month': '11',
        'action1-due-year': '2026',
      });
      expect(made.status).toBe(303);
      conversationId = (await ctx().db.selectFrom('careers_conversations').select('id').executeTakeFirstOrThrow()).id;
      const own = visibleText((await teacher.get(`/careers/conversations/${conversationId}`)).text);
      expect(own).toContain('Pastoral leadership, and building confidence to apply.');
      expect(own).toContain('Shadow the head of Year 9 for a morning — You, due 25 November 2026');
      expect(own).toContain('has not confirmed this record yet');
      for (const client of [colleague, orgAdmin, lead]) expect((await client.get(`/careers/conversations/${conversationId}`)).status).toBe(404);
      // Another member of staff cannot hold one with someone they do not line manage.
      expect((await colleague.post(`/people/${world.report.id}/careers/conversations`, { discussed: 'x' })).status).toBe(404);
    });

    it('is confirmed by the member of staff, not by the line manager', async () => {
      expect((await manager.post(`/careers/conversations/${conversationId}/confirm`)).status).toBe(403);
      expect((await teacher.post(`/careers/conversations/${conversationId}/confirm`)).status).toBe(303);
      expect(visibleText((await manager.get(`/careers/conversations/${conversationId}`)).text)).toContain('confirmed this record on 24 November 2026');
    });

    it('puts the line manager’s reading of the record in the audit log, with the member of staff as the person affected; their own reading is not', async () => {
      const before = (await auditLogRows(orgAdmin, world.report.email, 'career_conversation_viewed')).length;
      await teacher.get(`/careers/conversations/${conversationId}`);
      expect(await auditLogRows(orgAdmin, world.report.email, 'career_conversation_viewed')).toHaveLength(before);
      await manager.get(`/careers/conversations/${conversationId}`);
      const rows = await auditLogRows(orgAdmin, world.report.email, 'career_conversation_viewed');
      expect(rows).toHaveLength(before + 1);
      expect(rows[0]).toContain(`${world.lineManager.givenName} ${world.lineManager.familyName}`);
      expect(rows[0]).toContain(`${world.report.givenName} ${world.report.familyName}`);
    });

    it('reminds the owner of a next step that is due soon, once', async () => {
      expect(await sweepCareersReminders(ctx().db, ctx().clock)).toBe(1);
      expect(await sweepCareersReminders(ctx().db, ctx().clock)).toBe(0);
    });

    it('keeps the next step until it is done, then keeps it in the history', async () => {
      const action = await ctx().db.selectFrom('careers_actions').select('id').executeTakeFirstOrThrow();
      expect((await colleague.post(`/careers/next-steps/${action.id}/done`)).status).toBe(404);
      expect((await teacher.post(`/careers/next-steps/${action.id}/done`)).status).toBe(303);
      const page = visibleText((await teacher.get(`/careers/conversations/${conversationId}`)).text);
      expect(page).toContain('No open next steps.');
      expect(page).toContain('Shadow the head of Year 9 for a morning — done on 24 November 2026');
    });

    it('links a next step to a directory entry or an open programme, and refuses a link it did not offer', async () => {
      const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id, title: 'Towards Middle Leadership', status: 'open' });
      const draft = await makeProgramme(ctx().db, { organisationId: world.organisation.id, title: 'Not yet open', status: 'draft' });
      expect(visibleText((await manager.get(`/careers/conversations/${conversationId}`)).text)).toContain('Programme: Towards Middle Leadership');
      await teacher.get('/careers/directory'); // the starter directory is installed on first look
      const npq = await ctx()
        .db.selectFrom('careers_directory_items')
        .select(['id', 'title'])
        .where('organisation_id', '=', world.organisation.id)
        .where('starter_key', '=', 'npqsl')
        .executeTakeFirstOrThrow();
      const step = (link: string, description: string) => ({
        'action-description': description,
        'action-owner': world.report.id,
        'action-due-day': '1',
        'action-due-month': '3',
        'action-due-year': '2027',
        'action-link': link,
      });
      const refused = await manager.post(`/careers/conversations/${conversationId}/actions`, step(`programme:${draft.id}`, 'Apply'));
      expect(refused.status).toBe(400);
      expect(visibleText(refused.text)).toContain('Select what the next step links to from the list');
      expect(
        (await manager.post(`/careers/conversations/${conversationId}/actions`, step(`programme:${programme.id}`, 'Apply for the programme'))).status,
      ).toBe(303);
      expect((await teacher.post(`/careers/conversations/${conversationId}/actions`, step(`directory:${npq.id}`, 'Find out about the NPQ'))).status).toBe(303);
      const page = await teacher.get(`/careers/conversations/${conversationId}`);
      expect(visibleText(page.text)).toContain('Apply for the programme — You, due 1 March 2027 (see Towards Middle Leadership');
      expect(page.text).toContain(`href="/programmes/${programme.id}"`);
      expect(page.text).toContain(`href="/careers/directory/${npq.id}"`);
      expect(await ctx().db.selectFrom('careers_actions').select('description').where('description', '=', 'Apply').execute()).toHaveLength(0);
    });
  });

  describe('"have a go" opportunities', () => {
    let opportunityId: string;
    const post = {
      title: 'Lead the reading working party',
      kind: 'working_party',
      description: 'Bring colleagues together to plan reading across the school.',
      timeNeeded: 'An hour a week for six weeks',
      'starts-day': '5',
      'starts-month': '1',
      'starts-year': '2027',
      'ends-day': '14',
      'ends-month': '2',
      'ends-year': '2027',
      'closes-day': '15',
      'closes-month': '12',
      'closes-year': '2026',
      openTo: 'all',
      places: '1',
    };

    it('is posted by leaders only, and bad input stores nothing', async () => {
      expect((await colleague.get('/careers/opportunities/new')).status).toBe(403);
      const bad = await manager.post('/careers/opportunities', { ...post, places: '0', 'ends-day': '1', 'ends-month': '1' });
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('The number of places must be a whole number from 1 to 50');
      expect(visibleText(bad.text)).toContain('The end date must be the same as or after the start date');
      expect(await ctx().db.selectFrom('careers_opportunities').selectAll().execute()).toHaveLength(0);
      const form = new URLSearchParams(post);
      form.append('skills', 'CA3');
      expect((await manager.post('/careers/opportunities', form)).status).toBe(303);
      opportunityId = (await ctx().db.selectFrom('careers_opportunities').select('id').executeTakeFirstOrThrow()).id;
      expect(visibleText((await colleague.get('/careers/opportunities')).text)).toContain('Lead the reading working party');
    });

    it('takes interest from staff, including associate staff, once each', async () => {
      expect((await colleague.post(`/careers/opportunities/${opportunityId}/interest`, { line: '' })).status).toBe(400);
      expect((await colleague.post(`/careers/opportunities/${opportunityId}/interest`, { line: 'I lead our book club.' })).status).toBe(303);
      expect((await taClient.post(`/careers/opportunities/${opportunityId}/interest`, { line: 'I run phonics catch-up.' })).status).toBe(303);
      const again = await taClient.post(`/careers/opportunities/${opportunityId}/interest`, { line: 'Again' });
      expect(again.status).toBe(400);
      expect(visibleText(again.text)).toContain('You have already expressed interest in this opportunity');
      const page = visibleText((await manager.get(`/careers/opportunities/${opportunityId}`)).text);
      expect(page).toContain('“I lead our book club.”');
      expect(page).toContain('“I run phonics catch-up.”');
      // Applicants see only their own interest.
      expect(visibleText((await taClient.get(`/careers/opportunities/${opportunityId}`)).text)).not.toContain('book club');
    });

    it('lets the poster choose, and tell the others why not with a reason', async () => {
      const interests = await ctx().db.selectFrom('careers_interests').select(['id', 'person_id']).execute();
      const mine = interests.find((i) => i.person_id === world.staff.id)?.id as string;
      const theirs = interests.find((i) => i.person_id === ta.id)?.id as string;
      expect((await colleague.post(`/careers/interests/${mine}/choose`)).status).toBe(403);
      expect((await manager.post(`/careers/interests/${mine}/choose`)).status).toBe(303);
      const full = await manager.post(`/careers/interests/${theirs}/choose`);
      expect(full.status).toBe(400);
      expect(visibleText(full.text)).toContain('All 1 place is filled');
      const noReason = await manager.post(`/careers/interests/${theirs}/decline`, { reason: '' });
      expect(noReason.status).toBe(400);
      expect(visibleText(noReason.text)).toContain('Enter a reason to tell them why they were not chosen this time');
      expect((await ctx().db.selectFrom('careers_interests').select('status').where('id', '=', theirs).executeTakeFirstOrThrow()).status).toBe('interested');
      expect((await manager.post(`/careers/interests/${theirs}/decline`, { reason: 'The next one is yours: the phonics review in spring.' })).status).toBe(303);
      const told = visibleText((await taClient.get(`/careers/opportunities/${opportunityId}`)).text);
      expect(told).toContain('Not chosen this time');
      expect(told).toContain('The next one is yours: the phonics review in spring.');
    });

    it('puts the experience on the person’s record once the poster verifies it was done', async () => {
      const chosen = await ctx().db.selectFrom('careers_interests').select('id').where('person_id', '=', world.staff.id).executeTakeFirstOrThrow();
      expect((await manager.post(`/careers/interests/${chosen.id}/complete`, { note: 'Ran it brilliantly.' })).status).toBe(303);
      expect((await manager.post(`/careers/interests/${chosen.id}/complete`)).status).toBe(409);
      const own = visibleText((await colleague.get('/careers')).text);
      expect(own).toContain('Lead the reading working party (Leading a working party), verified on 24 November 2026: “Ran it brilliantly.”');
      const record = visibleText((await colleague.get(`/staff/${world.staff.id}`)).text);
      expect(record).toContain('Your leadership experience');
      expect(record).toContain('Lead the reading working party (Leading a working party)');
      // It is recorded in their portfolio too, once, for them to add what changed.
      await ctx().deliverMail();
      await ctx().deliverMail();
      const portfolio = visibleText((await colleague.get('/portfolio')).text);
      expect(portfolio).toContain('Lead the reading working party');
      expect(portfolio).toContain('Recorded by Waymark');
      const entries = await ctx().db.selectFrom('portfolio_entries').select(['kind', 'title']).where('person_id', '=', world.staff.id).execute();
      expect(entries).toEqual([{ kind: 'opportunity', title: 'Lead the reading working party' }]);
    });
  });

  describe('the role map', () => {
    it('is changed by programme leads and organisation admins, not by other staff', async () => {
      expect((await colleague.get('/careers/roles/new')).status).toBe(403);
      const bad = await lead.post('/careers/roles', { title: '', track: 'teaching', tier: 'middle', summary: '' });
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('Enter the name of the role');
      const before = await ctx().db.selectFrom('careers_roles').selectAll().execute();
      const form = new URLSearchParams({ title: 'Director of sixth form', track: 'teaching', tier: 'senior', summary: 'Leads the sixth form.' });
      form.append('skills', 'SC1');
      expect((await lead.post('/careers/roles', form)).status).toBe(303);
      expect(await ctx().db.selectFrom('careers_roles').selectAll().execute()).toHaveLength(before.length + 1);
      const page = visibleText((await colleague.get(`/careers/roles/${await roleId('Director of sixth form')}`)).text);
      expect(page).toContain('SC1 Setting high expectations');
    });

    it('shows, for a role, the person’s verified experience against its skills and the opportunities open to build them', async () => {
      const form = new URLSearchParams({ title: 'Reading lead', track: 'teaching', tier: 'middle', summary: 'Leads reading across the school.' });
      form.append('skills', 'CA3');
      expect((await orgAdmin.post('/careers/roles', form)).status).toBe(303);
      const page = visibleText((await colleague.get(`/careers/roles/${await roleId('Reading lead')}`)).text);
      expect(page).toContain('CA3 Promoting reading');
      expect(page).toContain('Lead the reading working party');
    });
  });

  describe('the development directory', () => {
    const itemId = async (title: string) =>
      (
        await ctx()
          .db.selectFrom('careers_directory_items')
          .select('id')
          .where('organisation_id', '=', world.organisation.id)
          .where('title', '=', title)
          .executeTakeFirstOrThrow()
      ).id;

    it('starts with the NPQs, the Chartered College and networks, each with who it is for, length, cost and a link', async () => {
      const page = visibleText((await teacher.get('/careers/directory')).text);
      for (const npq of ['NPQLT', 'NPQLTD', 'NPQLBC', 'NPQLL', 'NPQEYL', 'NPQSENCO', 'NPQSL', 'NPQH', 'NPQEL']) expect(page).toContain(`(${npq})`);
      expect(page).toContain('Chartered Teacher status');
      expect(page).toContain('WomenEd');
      const npqh = visibleText((await teacher.get(`/careers/directory/${await itemId('NPQ for Headship (NPQH)')}`)).text);
      expect(npqh).toContain('About 18 months');
      expect(npqh).toContain('Headteacher');
      expect(npqh).toContain('https://www.gov.uk/guidance/national-professional-qualification-npq-courses');
    });

    it('lets a person say they are interested, doing it or have done it, and puts what is done on their record', async () => {
      const id = await itemId('NPQ in Leading Behaviour and Culture (NPQLBC)');
      const bad = await teacher.post(`/careers/directory/${id}/mark`, { status: 'finished' });
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('Select whether you are interested, doing it or have done it');
      expect(await ctx().db.selectFrom('careers_directory_marks').selectAll().execute()).toHaveLength(0);
      expect((await teacher.post(`/careers/directory/${id}/mark`, { status: 'doing' })).status).toBe(303);
      expect(visibleText((await teacher.get('/careers')).text)).toMatch(/NPQ in Leading Behaviour and Culture \(NPQLBC\)\s+\(doing it\)/);
      expect((await teacher.post(`/careers/directory/${id}/mark`, { status: 'done' })).status).toBe(303);
      const record = visibleText((await manager.get(`/staff/${world.report.id}`)).text);
      expect(record).toContain('Leadership experience');
      expect(record).toContain('NPQ in Leading Behaviour and Culture (NPQLBC)');
      // Done development is recorded in the person's portfolio as a course.
      await ctx().deliverMail();
      const entry = await ctx().db.selectFrom('portfolio_entries').select(['kind', 'title']).where('person_id', '=', world.report.id).executeTakeFirstOrThrow();
      expect(entry.kind).toBe('course');
      expect(entry.title).toContain('NPQ in Leading Behaviour and Culture (NPQLBC)');
      // The role map points to it from the roles and skills it serves.
      expect(visibleText((await teacher.get(`/careers/roles/${await roleId('Head of year or pastoral leader')}`)).text)).toContain(
        'NPQ in Leading Behaviour and Culture (NPQLBC) (for this role)',
      );
    });

    it('is added to by programme leads, with a link that must be a web address', async () => {
      expect((await teacher.get('/careers/directory/new')).status).toBe(403);
      const form = {
        title: 'Trust aspiring middle leaders course',
        provider: 'Northern Lights Trust',
        kind: 'local',
        description: 'Six twilight sessions on leading a team.',
        whoFor: 'Teachers and associate staff thinking about middle leadership',
        length: 'One term',
        cost: 'Free to trust staff',
        url: 'not a link',
      };
      const bad = await lead.post('/careers/directory', form);
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('Enter the link in the right format, like https://www.example.org');
      expect(await ctx().db.selectFrom('careers_directory_items').selectAll().where('title', '=', form.title).execute()).toHaveLength(0);
      expect((await lead.post('/careers/directory', { ...form, url: 'https://northern-lights.example.org/courses' })).status).toBe(303);
      expect(visibleText((await teacher.get('/careers/directory')).text)).toContain('Trust aspiring middle leaders course');
    });
  });
});
