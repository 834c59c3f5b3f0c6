import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { auditLogRows } from '../../../test/support/audit-log';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\ncertificate of completion\n'));

function entryForm(overrides: Record<string, string> = {}) {
  return {
    kind: 'training_delivered',
    title: 'INSET on adaptive teaching',
    reflection: 'Science colleagues now plan for the whole range of pupils; Year 8 pupils with SEND take part in practicals.',
    'startedOn-day': '2',
    'startedOn-month': '11',
    'startedOn-year': '2026',
    hours: '3',
    ...overrides,
  };
}

describeEachEngine('the portfolio', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let manager: TestClient;
  let other: TestClient;

  const entries = () => ctx().db.selectFrom('portfolio_entries').selectAll().execute();
  const files = () => ctx().db.selectFrom('stored_files').select('id').execute();

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    teacher = ctx().client({ address: '10.2.0.1' });
    manager = ctx().client({ address: '10.2.0.2' });
    other = ctx().client({ address: '10.2.0.3' });
    await signIn(teacher, world.report.email);
    await signIn(manager, world.lineManager.email);
    await signIn(other, world.staff.email);
  });

  it('refuses an entry without a reflection on what changed and for whom, and stores nothing', async () => {
    const page = await teacher.post('/portfolio/new', entryForm({ reflection: '   ' }));
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter what changed in your practice, and for whom');
    expect(await entries()).toHaveLength(0);
  });

  it('refuses an attachment over 10 MB, and stores neither the entry nor the file', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const page = await teacher.upload('/portfolio/new', entryForm(), { field: 'file', name: 'evidence.pdf', content: big, type: 'application/pdf' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('The selected file must be smaller than 10 MB');
    expect(await entries()).toHaveLength(0);
    expect(await files()).toHaveLength(0);
  });

  it('refuses a file of an unknown type (judged by its contents, not its name), and stores nothing', async () => {
    for (const [name, content] of [
      ['notes.exe', PDF],
      ['notes.pdf', new Uint8Array(Buffer.from('<html>not a pdf</html>'))],
    ] as const) {
      const page = await teacher.upload('/portfolio/new', entryForm(), { field: 'file', name, content, type: 'application/pdf' });
      expect(page.status, name).toBe(400);
      expect(visibleText(page.text)).toContain('The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image');
    }
    expect(await entries()).toHaveLength(0);
    expect(await files()).toHaveLength(0);
  });

  let entryId: string;
  it('adds an entry with a file and a link; the reflection is shown first, and only the owner can open it', async () => {
    const added = await teacher.upload(
      '/portfolio/new',
      { ...entryForm(), url: 'https://example.org/slides' },
      { field: 'file', name: 'register.pdf', content: PDF },
    );
    expect(added.status).toBe(303);
    entryId = (await entries())[0]?.id ?? '';
    const page = visibleText((await teacher.get(`/portfolio/entries/${entryId}`)).text);
    expect(page).toContain('Not verified');
    expect(page.indexOf('What changed in practice, and for whom')).toBeLessThan(page.indexOf('Details'));
    expect(page).toContain('register.pdf');
    expect(page).toContain('https://example.org/slides');
    const attachment = await ctx().db.selectFrom('portfolio_attachments').selectAll().where('file_id', 'is not', null).executeTakeFirstOrThrow();
    const download = await teacher.get(`/portfolio/entries/${entryId}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    for (const client of [manager, other]) {
      expect((await client.get(`/portfolio/entries/${entryId}`)).status).toBe(404);
      expect((await client.get(`/portfolio/entries/${entryId}/attachments/${attachment.id}`)).status).toBe(404);
    }
  });

  it('asks the line manager, who confirms with their role and a statement; the entry shows who, their role and when', async () => {
    expect((await teacher.post(`/portfolio/entries/${entryId}/verification`, { relationship: 'line_manager' })).status).toBe(303);
    const request = await ctx().db.selectFrom('portfolio_verifications').selectAll().executeTakeFirstOrThrow();
    expect(visibleText((await manager.get('/portfolio')).text)).toContain('INSET on adaptive teaching');
    expect((await other.get(`/portfolio/verifications/${request.id}`)).status).toBe(404);
    const missing = await manager.post(`/portfolio/verifications/${request.id}`, { decision: 'confirm', role: 'Head of Science', statement: '' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Enter a short statement of what you can confirm');
    const answered = await manager.post(`/portfolio/verifications/${request.id}`, {
      decision: 'confirm',
      role: 'Head of Science',
      statement: 'I attended the INSET and have seen the change in planning.',
    });
    expect(answered.status).toBe(303);
    const page = visibleText((await teacher.get(`/portfolio/entries/${entryId}`)).text);
    expect(page).toContain(`Verified by ${world.lineManager.givenName} ${world.lineManager.familyName}, Head of Science`);
    expect(page).toContain('24 November 2026');
    expect(page).toContain('I attended the INSET');
    const again = await manager.post(`/portfolio/verifications/${request.id}`, { decision: 'decline', reason: 'Changed my mind' });
    expect(again.status).toBe(409);
  });

  it('changing a verified entry’s substance clears the verification and says so; attachments alone do not', async () => {
    expect(
      (await teacher.post(`/portfolio/entries/${entryId}/attachments`, { kind: 'link', linkTitle: 'Feedback', url: 'https://example.org/feedback' })).status,
    ).toBe(303);
    expect(visibleText((await teacher.get(`/portfolio/entries/${entryId}`)).text)).toContain('Verified by');
    const changed = await teacher.post(`/portfolio/entries/${entryId}/edit`, entryForm({ hours: '4' }));
    expect(changed.status).toBe(303);
    expect(changed.headers.get('location')).toContain('done=cleared');
    const page = visibleText((await teacher.get(`/portfolio/entries/${entryId}`)).text);
    expect(page).not.toContain('Verified by');
    expect(page).toContain(`so ${world.lineManager.givenName} ${world.lineManager.familyName}’s verification no longer applies`);
  });

  it('asks someone outside Waymark by email; the link opens that one entry without an account, takes an answer once, and nothing else', async () => {
    expect(
      (
        await teacher.post(`/portfolio/entries/${entryId}/verification`, {
          relationship: 'outside',
          name: 'Gwen Hughes',
          email: 'gwen@riverside.example.org',
        })
      ).status,
    ).toBe(303);
    await ctx().deliverMail();
    const email = ctx().mailer.sent.find((m) => m.to === 'gwen@riverside.example.org');
    const link = /\/portfolio\/verify\/([A-Za-z0-9_-]{43})/.exec(email?.text ?? '')?.[0] ?? '';
    expect(link).not.toBe('');
    const outsider = ctx().client({ address: '10.2.0.9' });
    const page = await outsider.get(link);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('INSET on adaptive teaching');
    expect(visibleText(page.text)).toContain('Science colleagues now plan');
    expect((await outsider.get('/portfolio')).status).toBe(303);
    expect((await outsider.get(`/portfolio/entries/${entryId}`)).status).toBe(303);
    // The entry's files open from the link while it waits for an answer; nothing else does.
    const pdf = await ctx()
      .db.selectFrom('portfolio_attachments')
      .select('id')
      .where('entry_id', '=', entryId)
      .where('file_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const file = await outsider.get(`${link}/attachments/${pdf.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect((await outsider.get(`${link}/attachments/${'0'.repeat(36)}`)).status).toBe(404);
    // The download is in the audit log, with the entry's owner as the person affected and the verifier it was sent to.
    const admin = ctx().client({ address: '10.2.0.10' });
    await signIn(admin, world.orgAdmin.email);
    const downloads = await auditLogRows(admin, world.report.email, 'file_downloaded');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toContain(`${world.report.givenName} ${world.report.familyName}`);
    const entry = await ctx()
      .db.selectFrom('audit_events')
      .select(['detail', 'actor_id'])
      .where('action', '=', 'file_downloaded')
      .where('subject_id', '=', pdf.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBeNull();
    expect(JSON.parse(entry.detail).by).toContain('gwen@riverside.example.org');
    const confirmed = await outsider.post(link, { decision: 'confirm', role: 'Maths lead, Riverside Primary', statement: 'Hannah led our INSET.' });
    expect(confirmed.status).toBe(303);
    expect(visibleText((await outsider.get(`${link}?done=1`)).text)).toContain('Thank you: your answer is sent');
    expect(visibleText((await outsider.get(link)).text)).toContain('This request has been answered');
    expect((await outsider.post(link, { decision: 'confirm', role: 'x', statement: 'y' })).status).toBe(409);
    expect((await outsider.get(`${link}/attachments/${pdf.id}`)).status).toBe(404);
    expect(visibleText((await teacher.get(`/portfolio/entries/${entryId}`)).text)).toContain('Verified by Gwen Hughes, Maths lead, Riverside Primary');
    expect((await outsider.get(`/portfolio/verify/${'y'.repeat(43)}`)).status).toBe(404);
  });

  it('an outside link stops working after 30 days, and a declined request shows the reason to the owner', async () => {
    const second = await teacher.post('/portfolio/new', entryForm({ kind: 'reading', title: 'Reading on feedback' }));
    const id = new URL(second.headers.get('location') ?? '', 'http://x').pathname.split('/')[3] ?? '';
    await teacher.post(`/portfolio/entries/${id}/verification`, { relationship: 'outside', name: 'Tom Walsh', email: 'tom@example.net' });
    await ctx().deliverMail();
    const link = /\/portfolio\/verify\/[A-Za-z0-9_-]{43}/.exec(ctx().mailer.sent.find((m) => m.to === 'tom@example.net')?.text ?? '')?.[0] ?? '';
    const outsider = ctx().client({ address: '10.2.0.10' });
    ctx().clock.advance(31 * 24 * 60 * 60 * 1000);
    try {
      expect(visibleText((await outsider.get(link)).text)).toContain('This link has expired');
    } finally {
      ctx().clock.advance(-31 * 24 * 60 * 60 * 1000);
    }
    const colleague = await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolA.id,
      givenName: 'Ade',
      email: 'ade@example.org',
    });
    expect((await teacher.post(`/portfolio/entries/${id}/verification`, { relationship: 'colleague', email: 'ADE@example.org' })).status).toBe(303);
    expect(visibleText((await outsider.get(link)).text)).toContain('This request is no longer needed');
    const ade = ctx().client({ address: '10.2.0.11' });
    await signIn(ade, colleague.email);
    const request = await ctx().db.selectFrom('portfolio_verifications').select('id').where('verifier_person_id', '=', colleague.id).executeTakeFirstOrThrow();
    expect((await ade.post(`/portfolio/verifications/${request.id}`, { decision: 'decline', reason: 'I did not see this work.' })).status).toBe(303);
    const page = visibleText((await teacher.get(`/portfolio/entries/${id}`)).text);
    expect(page).toContain(`${colleague.givenName} ${colleague.familyName} declined to verify this entry`);
    expect(page).toContain('I did not see this work.');
  });

  it('refuses to ask the owner themselves, or an address nobody on Waymark has as a colleague', async () => {
    const self = await teacher.post(`/portfolio/entries/${entryId}/verification`, {
      relationship: 'outside',
      name: 'Me',
      email: world.report.email,
    });
    expect(self.status).toBe(400);
    expect(visibleText(self.text)).toContain('you cannot verify your own entry');
    const nobody = await teacher.post(`/portfolio/entries/${entryId}/verification`, { relationship: 'colleague', email: 'nobody@example.org' });
    expect(nobody.status).toBe(400);
    expect(visibleText(nobody.text)).toContain('There is nobody on Waymark in your organisation with this email address');
  });

  it('links a “leading a project” entry to one of the person’s own projects, and refuses anyone else’s or another kind', async () => {
    const project = async (personId: string, title: string) => {
      const id = crypto.randomUUID();
      await ctx()
        .db.insertInto('projects')
        .values({
          id,
          organisation_id: world.organisation.id,
          person_id: personId,
          enrolment_id: null,
          title,
          rationale: 'A priority.',
          people_affected: 'Year 7',
          status: 'in_progress',
          assessor_id: null,
          role_confirmed_by: null,
          role_confirmed_at: null,
          created_at: '2026-10-01T09:00:00.000Z',
          updated_at: '2026-10-01T09:00:00.000Z',
        })
        .execute();
      return id;
    };
    const mine = await project(world.report.id, 'Reading for pleasure in Year 7');
    const theirs = await project(world.staff.id, 'Someone else’s project');
    const form = visibleText((await teacher.get('/portfolio/new')).text);
    expect(form).toContain('Reading for pleasure in Year 7');
    expect(form).not.toContain('Someone else’s project');
    const wrongKind = await teacher.post('/portfolio/new', entryForm({ projectId: mine }));
    expect(visibleText(wrongKind.text)).toContain('Choose “Leading a project” to link one of your projects');
    const notMine = await teacher.post('/portfolio/new', entryForm({ kind: 'project', projectId: theirs }));
    expect(visibleText(notMine.text)).toContain('Select one of your projects, or no project');
    const before = (await entries()).length;
    const linked = await teacher.post('/portfolio/new', entryForm({ kind: 'project', title: 'Leading reading for pleasure', projectId: mine }));
    expect(linked.status).toBe(303);
    expect(await entries()).toHaveLength(before + 1);
    const page = await teacher.get(linked.headers.get('location') ?? '');
    expect(page.text).toContain(`href="/projects/${mine}"`);
    expect(visibleText(page.text)).toContain('See the project');
  });

  it('the owner removes an entry with its files, links and verification requests; its emailed link stops working', async () => {
    const added = await teacher.upload('/portfolio/new', entryForm({ title: 'To be removed' }), { field: 'file', name: 'notes.pdf', content: PDF });
    const id = new URL(added.headers.get('location') ?? '', 'http://x').pathname.split('/')[3] ?? '';
    await teacher.post(`/portfolio/entries/${id}/verification`, { relationship: 'outside', name: 'Pat Lee', email: 'pat.lee@example.net' });
    await ctx().deliverMail();
    const link = /\/portfolio\/verify\/[A-Za-z0-9_-]{43}/.exec(ctx().mailer.sent.find((m) => m.to === 'pat.lee@example.net')?.text ?? '')?.[0] ?? '';
    const filesBefore = (await files()).length;
    expect((await other.post(`/portfolio/entries/${id}/remove`)).status).toBe(404);
    expect(visibleText((await teacher.get(`/portfolio/entries/${id}/remove`)).text)).toContain('Are you sure you want to remove this entry?');
    const removed = await teacher.post(`/portfolio/entries/${id}/remove`);
    expect(removed.status).toBe(303);
    expect(visibleText((await teacher.get('/portfolio?done=entry-removed')).text)).not.toContain('To be removed');
    expect(await ctx().db.selectFrom('portfolio_entries').select('id').where('id', '=', id).execute()).toHaveLength(0);
    expect(await ctx().db.selectFrom('portfolio_verifications').select('id').where('entry_id', '=', id).execute()).toHaveLength(0);
    expect((await files()).length).toBe(filesBefore - 1);
    expect((await ctx().client({ address: '10.2.0.12' }).get(link)).status).toBe(404);
  });
});
