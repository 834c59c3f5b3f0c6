// Bringing a record file into a person's own record: upload, a preview of what every item's check
// found, then confirm. The file is checked again on confirming, and brought in whole, in one
// transaction, or not at all: a file with anything refused in it (a changed file, a credential
// whose signature is not its issuer's) brings in nothing.

import { newId } from '../../platform/db/ids';
import type { AppDeps } from '../../platform/http/env';
import type { RecordHolder } from '../auth';
import { Invalid, NotFound } from '../../platform/http/errors';
import { type ReadBundle, readBundle } from './record.bundle';
import { bundleText, takeCheckAttempt } from './record.check';
import * as q from './record.queries';

const ALREADY = 'You have already brought this record file into your record';

/** A name as compared: accents, case, punctuation and spacing aside ("Siân O’Neill" is "sian oneill"). */
function comparable(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}

/**
 * Why a record file is not the importer's own, or null when it is: it names the person, so the name
 * must be theirs — or, when the file and their account both carry a Teacher Reference Number, the
 * numbers must match (a name may have changed; a TRN does not).
 */
export function whyNotOwnFile(read: Pick<ReadBundle, 'personName' | 'personTrn'>, holder: RecordHolder): string | null {
  const name = `${holder.givenName} ${holder.familyName}`;
  if (read.personTrn && holder.trn) {
    if (read.personTrn === holder.trn) return null;
    return 'This record file names a different Teacher Reference Number from the one on your account: you can bring in only your own record. Nothing has been brought in';
  }
  if (comparable(read.personName) !== '' && comparable(read.personName) === comparable(name)) return null;
  return `This record file is ${read.personName || 'someone else'}’s, not yours (${name}): you can bring in only your own record. Nothing has been brought in. If your name has changed, add your Teacher Reference Number to your account and download the file again with it included`;
}

/** Reads an uploaded file and keeps it for the person to look over; returns the preview's id. Invalid when it is not a record file. */
export async function startImport(deps: AppDeps, viewer: RecordHolder, file: File | undefined, address: string | null): Promise<string> {
  const text = await bundleText(file);
  await takeCheckAttempt(deps, 'record-import', address);
  const read = await readBundle(deps, text);
  if (!read.bundleId) throw new Invalid({ file: 'The file is not a leadership record downloaded from Waymark: it has no id' });
  const notOwn = whyNotOwnFile(read, viewer);
  if (notOwn) throw new Invalid({ file: notOwn });
  if (await q.hasImported(deps.db, viewer.personId, read.bundleId)) throw new Invalid({ file: ALREADY });
  const id = newId();
  await q.insertImport(deps.db, {
    id,
    person_id: viewer.personId,
    bundle_id: read.bundleId,
    brought_from: read.from,
    bundle: text,
    status: 'previewed',
    created_at: deps.clock.now().toISOString(),
    imported_at: null,
  });
  return id;
}

export type ImportPreview = { state: 'imported' } | { state: 'previewed'; id: string; read: ReadBundle };

/** The person's own upload with what its check finds now; anyone else's is not found. */
export async function getImport(deps: AppDeps, viewer: RecordHolder, importId: string): Promise<ImportPreview> {
  const row = await q.findImport(deps.db, importId);
  if (!row || row.person_id !== viewer.personId) throw new NotFound();
  if (row.status === 'imported') return { state: 'imported' };
  return { state: 'previewed', id: row.id, read: await readBundle(deps, row.bundle) };
}

/**
 * Brings the file's items into the person's record, checked again now: every item verified, or
 * (from an issuer this Waymark can't reach) marked as could not be verified with the reason.
 * Revoked certificates are left out. Anything refused brings in nothing. Returns how many items.
 */
export async function confirmImport(deps: AppDeps, viewer: RecordHolder, importId: string): Promise<number> {
  const preview = await getImport(deps, viewer, importId);
  if (preview.state === 'imported') return 0;
  const { read } = preview;
  const notOwn = whyNotOwnFile(read, viewer);
  if (notOwn) throw new Invalid({ confirm: notOwn });
  if (!read.importable) throw new Invalid({ confirm: 'This file can’t be brought in: something in it was refused. Nothing has been added to your record' });
  const at = deps.clock.now().toISOString();
  const rows = read.items.flatMap((item) => {
    const o = item.outcome;
    if (o.state !== 'verified' && o.state !== 'unverifiable') return [];
    return [
      {
        id: newId(),
        import_id: importId,
        person_id: viewer.personId,
        kind: item.kind,
        title: item.title,
        detail: JSON.stringify(item.detail),
        credential: item.kind === 'certificate' ? JSON.stringify(item.credential) : null,
        outcome: o.state,
        reason: o.state === 'unverifiable' ? o.reason : null,
        brought_from: read.from,
        imported_at: at,
      },
    ];
  });
  return deps.db.transaction().execute(async (trx) => {
    if (await q.hasImported(trx, viewer.personId, read.bundleId)) throw new Invalid({ confirm: ALREADY });
    if (!(await q.markImported(trx, importId, at))) return 0;
    await q.insertImportedItems(trx, rows);
    await q.addItems(
      trx,
      viewer.personId,
      rows.map((r) => ({ kind: 'imported' as const, id: r.id })),
      at,
    );
    return rows.length;
  });
}
