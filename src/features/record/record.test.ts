import { beforeAll, expect, it } from 'vitest';
import { isTagged, pdfText } from '../../../test/support/pdf';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';

// The fixed clock says 24 November 2026.
function entryForm(title: string) {
  return {
    kind: 'training_delivered',
    title,
    reflection: `What changed after ${title}: colleagues plan for the whole range of pupils.`,
    'startedOn-day': '2',
    'startedOn-month': '11',
    'startedOn-year': '2026',
  };
}

function shareForm(overrides: Record<string, string> = {}, leaveOut: string[] = []) {
  const form = new URLSearchParams({
    label: 'Deputy head application, Oakfield',
    'expiresOn-day': '31',
    'expiresOn-month': '1',
    'expiresOn-year': '2027',
    ...overrides,
  });
  for (const item of leaveOut) form.append('leaveOut', item);
  return form;
}

describeEachEngine('the leadership record', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let colleague: TestClient;
  let panel: TestClient;
  const ids: Record<string, string> = {};

  const linkOf = async (shareId: string) => {
    const row = await ctx().db.selectFrom('record_shares').select('token').where('id', '=', shareId).executeTakeFirstOrThrow();
    return `/shared/${row.token}`;
  };
  const shareIdFrom = (location: string | null) => (location ?? '').split('/')[3]?.split('?')[0] ?? '';

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    teacher = ctx().client({ address: '10.3.0.1' });
    colleague = ctx().client({ address: '10.3.0.2' });
    panel = ctx().client({ address: '10.3.0.3', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Gecko/20100101 Firefox/131.0' });
    await signIn(teacher, world.report.email);
    await signIn(colleague, world.staff.email);
    for (const title of ['INSET on adaptive teaching', 'Reading working party', 'Private coaching notes']) {
      const added = await teacher.post('/portfolio/new', entryForm(title));
      expect(added.status).toBe(303);
      ids[title] = (added.location ?? '').split('/')[3]?.split('?')[0] ?? '';
    }
    await colleague.post('/portfolio/new', entryForm('Colleague’s own entry'));
    const theirs = await ctx().db.selectFrom('portfolio_entries').select('id').where('person_id', '=', world.staff.id).executeTakeFirstOrThrow();
    ids.colleagues = theirs.id;
  });

  it('starts empty: nothing is in the record until the person chooses it', async () => {
    const page = await teacher.get('/record');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Your leadership record');
    expect(text).toContain('You have not shared your record');
    expect(text).toContain('No portfolio entries included');
  });

  it('refuses a statement that is too long, or an entry from someone else’s portfolio, and saves nothing', async () => {
    const long = await teacher.post('/record', new URLSearchParams({ statement: 'x'.repeat(2001), items: `entry:${ids['INSET on adaptive teaching']}` }));
    expect(long.status).toBe(400);
    expect(visibleText(long.text)).toContain('Your statement must be 2000 characters or fewer');
    const theirs = await teacher.post('/record', new URLSearchParams({ statement: 'Mine', items: `entry:${ids.colleagues}` }));
    expect(theirs.status).toBe(400);
    expect(visibleText(theirs.text)).toContain('Select only items from your own record');
    expect(await ctx().db.selectFrom('record_items').selectAll().execute()).toHaveLength(0);
    expect(await ctx().db.selectFrom('record_statements').selectAll().execute()).toHaveLength(0);
  });

  it('shows what the person chose, with where each item came from', async () => {
    const form = new URLSearchParams({ statement: 'I lead adaptive teaching across science.' });
    form.append('items', `entry:${ids['INSET on adaptive teaching']}`);
    form.append('items', `entry:${ids['Reading working party']}`);
    const saved = await teacher.post('/record', form);
    expect(saved.status).toBe(303);
    const text = visibleText((await teacher.get('/record?done=saved')).text);
    expect(text).toContain('Your record is saved');
    expect(text).toContain('I lead adaptive teaching across science.');
    expect(text).toContain(`Added by ${world.report.givenName}`);
    expect(text).toContain('Not verified by anyone else');
  });

  it('refuses a link without a purpose or with an expiry in the past, and makes none', async () => {
    const page = await teacher.post('/record/shares/new', shareForm({ label: '', 'expiresOn-day': '1', 'expiresOn-month': '1', 'expiresOn-year': '2026' }));
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter what the link is for');
    expect(text).toContain('The last day the link works must be today or in the future');
    expect(await ctx().db.selectFrom('record_shares').selectAll().execute()).toHaveLength(0);
  });

  it('shares a link that shows a panel only what was chosen, without signing in, and logs each view', async () => {
    const made = await teacher.post('/record/shares/new', shareForm({}, [`entry:${ids['Reading working party']}`]));
    expect(made.status).toBe(303);
    const shareId = shareIdFrom(made.location);
    ids.share = shareId;
    const mine = visibleText((await teacher.get(`/record/shares/${shareId}?done=shared`)).text);
    expect(mine).toContain('Deputy head application, Oakfield');
    expect(mine).toContain('works until the end of 31 January 2027');
    expect(mine).toContain('Nobody has opened it yet');

    const seen = await panel.get(await linkOf(shareId));
    expect(seen.status).toBe(200);
    const text = visibleText(seen.text);
    expect(text).toContain(`${world.report.givenName} ${world.report.familyName}`);
    expect(text).toContain('I lead adaptive teaching across science.');
    expect(text).toContain('INSET on adaptive teaching');
    expect(text).not.toContain('Reading working party');
    expect(text).not.toContain('Private coaching notes');
    expect(text).not.toContain('Sign out');

    const log = visibleText((await teacher.get(`/record/shares/${shareId}`)).text);
    expect(log).toContain('Firefox on macOS');
    expect(log).not.toContain('10.3.0.3');
  });

  it('keeps a person’s links to themselves: another person’s link page and revoking it are not found', async () => {
    expect((await colleague.get(`/record/shares/${ids.share}`)).status).toBe(404);
    expect((await colleague.post(`/record/shares/${ids.share}/revoke`)).status).toBe(404);
    const stillThere = await ctx()
      .db.selectFrom('record_shares')
      .select('revoked_at')
      .where('id', '=', ids.share ?? '')
      .executeTakeFirstOrThrow();
    expect(stillThere.revoked_at).toBeNull();
    const theirs = visibleText((await colleague.get('/record')).text);
    expect(theirs).not.toContain('Deputy head application');
    expect(theirs).not.toContain('INSET on adaptive teaching');
  });

  it('gives the person a file to take with them: a CLR-style credential signed by their organisation, with what their record shows', async () => {
    const file = await teacher.get('/record/export.json');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('leadership-record.json');
    const bundle = JSON.parse(file.text) as {
      type: string[];
      issuer: { id: string; name: string };
      proof: { cryptosuite: string }[];
      credentialSubject: {
        type: string[];
        verifiableCredential: unknown[];
        achievement: { name: string }[];
        leadershipRecord: { format: string; statement: string; entries: { title: string; addedBy: string }[] };
      };
    };
    expect(bundle.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(bundle.issuer.id).toBe(`did:web:localhost:issuers:${world.organisation.id}`);
    expect(bundle.proof[0]?.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(bundle.credentialSubject.type).toEqual(['ClrSubject']);
    const part = bundle.credentialSubject.leadershipRecord;
    expect(part.format).toBe('https://waymark.education/formats/leadership-record/v2');
    expect(part.statement).toBe('I lead adaptive teaching across science.');
    expect(bundle.credentialSubject.verifiableCredential).toEqual([]);
    expect(part.entries.map((e) => e.title).sort()).toEqual(['INSET on adaptive teaching', 'Reading working party']);
    expect(bundle.credentialSubject.achievement.map((a) => a.name).sort()).toEqual(['INSET on adaptive teaching', 'Reading working party']);
  });

  it('checks a record file item by item: the organisation’s signature, and a credential from elsewhere could not be verified; a file that is not a record is refused', async () => {
    const exported = (await teacher.get('/record/export.json')).text;
    const upload = (text: string) =>
      panel.upload(
        '/record/check',
        {},
        { field: 'file', name: 'leadership-record.json', content: new Uint8Array(Buffer.from(text)), type: 'application/json' },
      );
    const genuine = visibleText((await upload(exported)).text);
    expect(genuine).toContain(`${world.report.givenName} ${world.report.familyName}’s leadership record`);
    expect(genuine).toContain(`Signed by ${world.organisation.name}, and not changed since`);
    expect(genuine).toContain('INSET on adaptive teaching (not verified by anyone else');

    const bundle = JSON.parse(exported) as { credentialSubject: { verifiableCredential: unknown[] } };
    bundle.credentialSubject.verifiableCredential.push({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:web:elsewhere.example.org', name: 'Elsewhere Trust' },
      name: 'Made up',
    });
    const checked = await upload(JSON.stringify(bundle));
    expect(checked.status).toBe(200);
    const text = visibleText(checked.text);
    expect(text).toContain('Refused: The file has been changed since');
    expect(text).toContain('Could not be verified: It was issued by Elsewhere Trust (did:web:elsewhere.example.org), which is not on this Waymark');

    const notJson = await panel.upload(
      '/record/check',
      {},
      { field: 'file', name: 'notes.json', content: new Uint8Array(Buffer.from('hello')), type: 'application/json' },
    );
    expect(notJson.status).toBe(400);
    expect(visibleText(notJson.text)).toContain('The file is not a leadership record: it is not JSON');
    const other = await panel.upload(
      '/record/check',
      {},
      { field: 'file', name: 'x.json', content: new Uint8Array(Buffer.from('{"a":1}')), type: 'application/json' },
    );
    expect(other.status).toBe(400);
    expect(visibleText(other.text)).toContain('The file is not a leadership record downloaded from Waymark');
  });

  it('gives the person a PDF of their record', async () => {
    const pdf = await teacher.get('/record/record.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('leadership-record.pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
  });

  it('shows nothing on a link that has expired', async () => {
    const made = await teacher.post(
      '/record/shares/new',
      shareForm({ label: 'Short one', 'expiresOn-day': '24', 'expiresOn-month': '11', 'expiresOn-year': '2026' }),
    );
    const link = await linkOf(shareIdFrom(made.location));
    expect((await panel.get(link)).status).toBe(200);
    ctx().clock.advance(24 * 60 * 60 * 1000);
    try {
      const gone = await panel.get(link);
      expect(gone.status).toBe(404);
      const text = visibleText(gone.text);
      expect(text).toContain('This link is no longer available');
      expect(text).not.toContain('INSET on adaptive teaching');
      expect(text).not.toContain(world.report.familyName);
    } finally {
      ctx().clock.advance(-24 * 60 * 60 * 1000);
    }
  });

  it('shows nothing on a link once the person revokes it, and logs no view', async () => {
    const link = await linkOf(ids.share ?? '');
    const revoked = await teacher.post(`/record/shares/${ids.share}/revoke`);
    expect(revoked.status).toBe(303);
    expect(visibleText((await teacher.get(`/record/shares/${ids.share}?done=revoked`)).text)).toContain('You revoked this link on 24 November 2026');
    const views = async () =>
      (
        await ctx()
          .db.selectFrom('record_share_views')
          .selectAll()
          .where('share_id', '=', ids.share ?? '')
          .execute()
      ).length;
    const before = await views();
    const gone = await panel.get(link);
    expect(gone.status).toBe(404);
    expect(visibleText(gone.text)).toContain('This link is no longer available');
    expect(visibleText(gone.text)).not.toContain('INSET on adaptive teaching');
    expect(await views()).toBe(before);
  });

  it('refuses a flood of links that match nothing from one address', async () => {
    const guesser = ctx().client({ address: '10.3.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await guesser.get(`/shared/${'a'.repeat(42)}${i % 10}`)).status);
    expect(statuses[0]).toBe(404);
    expect(statuses).toContain(429);
  });
});

it('prints what the record shows, with where each item came from, in its PDF', async () => {
  const { renderRecordPdf } = await import('./record.pdf');
  const pdf = await renderRecordPdf(
    {
      personName: 'Grace Obi',
      givenName: 'Grace',
      organisationName: 'Riverside Learning Trust',
      statement: 'I lead reading across Key Stage 3.',
      certificates: [],
      imported: [],
      programmes: [],
      projects: [],
      roles: [],
      entries: [
        {
          id: 'e1',
          kind: 'Training delivered',
          title: 'INSET on adaptive teaching',
          reflection: 'Colleagues plan for the range of pupils.',
          startedOn: '2026-11-02',
          endedOn: null,
          hours: 3,
          source: 'own',
          verification: { name: 'Tom Walsh', relationship: 'Line manager', role: 'Head of English', statement: 'I saw it.', on: '2026-11-20T09:00:00.000Z' },
        },
      ],
    },
    'https://waymark.example.org',
    { compress: false, madeOn: '2026-11-24T10:00:00.000Z' },
  );
  expect(isTagged(pdf)).toBe(true);
  const text = pdfText(pdf);
  expect(text).toContain('INSET on adaptive teaching');
  expect(text).toContain('Verified by Tom Walsh, Head of English, 20 November 2026');
  expect(text).toContain('Added by Grace.');
});
