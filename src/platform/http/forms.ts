import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './env';
import { BadRequest, type FieldErrors } from './errors';

/** A form's submitted text values (files are left out; read them with readUpload). */
export type FormValues = Record<string, string>;

/**
 * Reads a urlencoded or multipart body, files included; a malformed body is a 400, not a server error.
 * NUL characters are dropped from text values: they never mean anything in a form, and PostgreSQL
 * refuses to store them in text, which would turn odd input into a server error.
 */
export async function readBody(c: Context<AppEnv>) {
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch {
    // A truncated or malformed upload is the sender's problem.
    throw new BadRequest('The form could not be read. Go back and try sending it again.');
  }
  for (const [key, value] of Object.entries(body)) body[key] = Array.isArray(value) ? value.map(withoutNul) : withoutNul(value);
  return body;
}

/** Text without NUL characters; files as they are. */
function withoutNul<T extends string | File>(value: T): T {
  return (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '') : value) as T;
}

/** Reads a urlencoded or multipart form body as plain strings. Repeated names keep the last value. */
export async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await readBody(c);
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') values[key] = last;
  }
  return values;
}

/** A form with repeated fields (checkboxes) or files: the last value of each name as `values`, plus every value and the file. */
export interface FormWithLists {
  values: FormValues;
  /** Every value given for `name` (or `name[]`), in order; empty when none. */
  list(name: string): string[];
  /** The file uploaded as `name`, if any. */
  file(name: string): File | undefined;
}

export async function readFormWithLists(c: Context<AppEnv>): Promise<FormWithLists> {
  const body = await readBody(c);
  const values: FormValues = {};
  const lists: Record<string, string[]> = {};
  const files: Record<string, File> = {};
  for (const [key, value] of Object.entries(body)) {
    const all = Array.isArray(value) ? value : [value];
    const strings = all.filter((v): v is string => typeof v === 'string');
    lists[key] = strings;
    const last = strings.at(-1);
    if (last !== undefined) values[key] = last;
    const file = all.find((v): v is File => typeof v !== 'string');
    if (file) files[key] = file;
  }
  return { values, list: (name) => lists[name] ?? lists[`${name}[]`] ?? [], file: (name) => files[name] };
}

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Parses values with a Zod schema; on failure, the first message for each field. */
export function validate<S extends z.ZodType>(schema: S, values: unknown): Validated<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/** The message to show for a value one field's schema refused: its first issue's. */
export function firstMessage(error: z.ZodError): string {
  const [issue] = error.issues;
  // Zod never fails a parse without saying why; if it did, this is a bug to hear about, not a form error.
  if (!issue) throw new Error('A failed parse reported no issue.');
  return issue.message;
}

/** The errors in the order their fields appear on the page; a field left out of `order` is left out. */
export function inFieldOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  const ordered: FieldErrors = {};
  for (const field of order) {
    const message = errors[field];
    if (message) ordered[field] = message;
  }
  return ordered;
}

/** Error summary items in field order, linking to each field's id. */
export function errorList(errors: FieldErrors, ids: Record<string, string> = {}): { text: string; href: string }[] {
  return Object.entries(errors).map(([field, text]) => ({ text, href: `#${ids[field] ?? field}` }));
}

/** A field's error in the shape the form components take (`errorMessage`), or nothing. */
export function errorFor(errors: FieldErrors | undefined, field: string): { text: string } | undefined {
  const text = errors?.[field];
  return text ? { text } : undefined;
}
