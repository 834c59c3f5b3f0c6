import { createHash } from 'node:crypto';
import type { Executor } from '../db/database';
import type { Clock } from '../db/clock';
import { newId } from '../db/ids';
import type { StoredFile } from './files.tables';

/** A file to keep: its bytes, the name it was uploaded with and its (checked) content type. */
export interface NewFile {
  organisationId: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  createdBy: string | null;
}

/** Keeps an uploaded file in the database (inside the caller's transaction); returns its id. */
export async function saveFile(trx: Executor, clock: Clock, file: NewFile): Promise<string> {
  const id = newId();
  const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  await trx
    .insertInto('stored_files')
    .values({
      id,
      organisation_id: file.organisationId,
      file_name: file.fileName,
      content_type: file.contentType,
      size_bytes: buffer.byteLength,
      sha256: createHash('sha256').update(buffer).digest('hex'),
      content: buffer.toString('base64'),
      created_by: file.createdBy,
      created_at: clock.now().toISOString(),
    })
    .execute();
  return id;
}

/** A stored file's details and bytes, or undefined. Callers check who may read it first. */
export async function readFile(db: Executor, id: string): Promise<{ file: Omit<StoredFile, 'content'>; bytes: Buffer } | undefined> {
  const row = await db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { content, ...file } = row;
  return { file, bytes: Buffer.from(content, 'base64') };
}

/** Removes a stored file (inside the caller's transaction), once nothing points at it. */
export async function deleteFile(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('stored_files').where('id', '=', id).execute();
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Kinds of file staff may upload as materials: by extension, with the type served and the bytes each must start with. */
export const UPLOADABLE: Record<string, { contentType: string; magic: number[] }> = {
  pdf: { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  doc: { contentType: 'application/msword', magic: OLE },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xls: { contentType: 'application/vnd.ms-excel', magic: OLE },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  ppt: { contentType: 'application/vnd.ms-powerpoint', magic: OLE },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: ZIP },
  png: { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  gif: { contentType: 'image/gif', magic: [0x47, 0x49, 0x46, 0x38] },
};

/**
 * The content type to store and serve for an upload, judged by its extension and its first bytes
 * (never by the type the browser sent); null when it isn't a kind we accept.
 */
export function uploadContentType(fileName: string, bytes: Uint8Array): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const kind = ext ? UPLOADABLE[ext] : undefined;
  if (!kind) return null;
  if (bytes.length < kind.magic.length || kind.magic.some((b, i) => bytes[i] !== b)) return null;
  return kind.contentType;
}

/** Files a person uploaded to what stays (a session's materials, say) keep no link to them once erased: they point at the former person. */
export async function reassignUploader(trx: Executor, personId: string, formerPersonId: string): Promise<number> {
  const result = await trx.updateTable('stored_files').set({ created_by: formerPersonId }).where('created_by', '=', personId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
