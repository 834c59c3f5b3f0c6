import { randomUUID } from 'node:crypto';
import { newId } from '../../../../src/platform/db/ids';
import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the leadership record's routes' `:params`
 * stand for. `:shareId` is Hannah Jones's link that still works (opened as her); `:shareToken` is
 * its token, which anyone may open; `:recordImportId` a record file she has uploaded to bring in.
 */
export async function recordPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const share = await h.db
    .selectFrom('record_shares')
    .innerJoin('people', 'people.id', 'record_shares.person_id')
    .select(['record_shares.id', 'record_shares.token', 'people.email'])
    .where('record_shares.label', '=', 'Head of mathematics application, Northgate School')
    .executeTakeFirstOrThrow();
  // A record file Hannah has uploaded and not yet brought in, from another installation (so it reads without signing here).
  const person = await h.db.selectFrom('people').select('id').where('email', '=', share.email).executeTakeFirstOrThrow();
  const recordImportId = newId();
  const bundle = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: 'did:web:waymark.other.example:issuers:hillside', type: ['Profile'], name: 'Hillside Schools Trust' },
    validFrom: '2026-09-01T09:00:00Z',
    credentialSubject: {
      type: ['ClrSubject'],
      verifiableCredential: [],
      leadershipRecord: {
        format: 'https://waymark.education/formats/leadership-record/v2',
        person: { name: 'Hannah Jones' },
        exportedFrom: 'Hillside Schools Trust',
        exportedAt: '2026-09-01T09:00:00.000Z',
        statement: null,
        certificates: [],
        entries: [{ kind: 'Course', title: 'Mastery maths course', whatChanged: 'Year 7 lessons start from a shared problem.', addedBy: 'Hannah Jones' }],
      },
    },
  };
  await h.db
    .insertInto('record_imports')
    .values({
      id: recordImportId,
      person_id: person.id,
      bundle_id: bundle.id,
      brought_from: 'Hillside Schools Trust',
      bundle: JSON.stringify(bundle),
      status: 'previewed',
      created_at: new Date().toISOString(),
    })
    .execute();
  return {
    ids: { ':shareId': share.id, ':shareToken': share.token, ':recordImportId': recordImportId },
    owners: { '/record/shares/:shareId': share.email, '/record/import/:recordImportId': share.email },
  };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = recordPageIds;
