// The record file (bundle): the person's Open Badges 3.0 credentials exactly as issued, and the rest
// of their record, in a credential modelled on 1EdTech's Comprehensive Learner Record 2.0 — a
// `ClrCredential` whose subject (`ClrSubject`) embeds the credentials (`verifiableCredential`) and
// lists the portfolio entries as achievements — signed by the person's organisation, which vouches
// for the record as its Waymark held it. docs/leadership-record.md describes the format.
//
// Reading a file checks every credential in it (signature and status) and the organisation's
// signature over the whole. Issuers are resolved without the network: this installation's
// did:web issuers from its own database, and did:key from the identifier itself; any other issuer
// can't be reached, so what it signed "could not be verified" (with the reason), not refused.

import { randomUUID } from 'node:crypto';
import { formatDate } from '../../platform/dates';
import { didKeyDocument, webDid } from '../../platform/credentials/did';
import { CREDENTIALS_V2_CONTEXT, checkProof, type DidResolver, OPEN_BADGES_CONTEXT } from '../../platform/credentials/signing';
import type { AppDeps } from '../../platform/http/env';
import { Invalid } from '../../platform/http/errors';
import { checkCredential, didResolver, issuerDid, signAsOrganisation } from '../certificates';

export const BUNDLE_FORMAT = 'https://waymark.education/formats/leadership-record/v2';
export const BUNDLE_MAX_BYTES = 512 * 1024;
export const BUNDLE_MAX_CREDENTIALS = 50;
export const BUNDLE_MAX_ENTRIES = 500;

const CLR_VOCAB = 'https://purl.imsglobal.org/spec/clr/v2p0/vocab.html#';
const OB_VOCAB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';

/**
 * The terms the bundle adds to the VC 2.0 and Open Badges 3.0 contexts, inline (no context is ever
 * fetched): CLR's types, the subject's embedded credentials and achievements, and Waymark's own
 * part of the record as a JSON literal (`@json`), so the signature covers it exactly as written.
 */
export const BUNDLE_CONTEXT = {
  ClrCredential: { '@id': `${CLR_VOCAB}ClrCredential` },
  ClrSubject: { '@id': `${CLR_VOCAB}ClrSubject` },
  achievement: { '@id': `${OB_VOCAB}achievement` },
  verifiableCredential: { '@id': 'https://www.w3.org/2018/credentials#verifiableCredential', '@type': '@id', '@container': '@graph' },
  leadershipRecord: { '@id': `${BUNDLE_FORMAT}#leadershipRecord`, '@type': '@json' },
} as const;

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** A portfolio entry as the file holds it (and as an imported entry is kept). */
export interface BundleEntry {
  kind: string;
  title: string;
  whatChanged: string;
  startedOn: string | null;
  endedOn: string | null;
  hours: number | null;
  addedBy: string;
  verification: { by: string; relationship: string; role: string | null; statement: string | null; on: string } | null;
  /** Set when the entry was itself brought from another organisation's record file. */
  broughtFrom: string | null;
}

/**
 * A programme (or stage of a pathway) the person completed, as the file holds it: the
 * organisation's own record of a completed enrolment.
 */
export interface BundleProgramme {
  programme: string;
  /** "Stage 2 of Middle leadership pathway", or null. */
  stage: string | null;
  cohort: string | null;
  /** The organisation that ran it, whose records say it was completed. */
  organisation: string;
  startedOn: string | null;
  endedOn: string | null;
  completedOn: string;
  /** Set when it was itself brought from another organisation's record file. */
  broughtFrom: string | null;
}

/** A role the person held, from their staff record's role history: the organisation's own record. */
export interface BundleRole {
  jobTitle: string | null;
  /** In words: "Middle leader". */
  leadershipLevel: string;
  school: string | null;
  /** The organisation whose staff record it is. */
  organisation: string;
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, or null while it is held. */
  to: string | null;
  broughtFrom: string | null;
}

/** One impact measure of a project: baseline, target and each outcome measured. */
export interface BundleMeasure {
  name: string;
  unit: string;
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
  outcomes: { measuredOn: string; value: number }[];
}

/**
 * A project's public summary as the file holds it: aim, linked skills, success criteria, impact
 * measures and the assessment. Never the project's private working (updates, comments, notes).
 */
export interface BundleProject {
  title: string;
  /** The school priority it serves. */
  aim: string;
  peopleAffected: string;
  /** `in_progress`, `submitted`, `met` or `not_yet`. */
  status: string;
  skills: { code: string; title: string }[];
  criteria: string[];
  measures: BundleMeasure[];
  assessment: { outcome: 'met' | 'not_yet'; assessedOn: string; criteria: { text: string; judgement: 'met' | 'not_yet' }[] } | null;
  /** The organisation whose records hold the project. */
  organisation: string;
  broughtFrom: string | null;
}

/** A certificate as the file describes it, beside its credential. */
export interface BundleCertificate {
  programme: string;
  stage: string | null;
  cohort: string | null;
  issuedBy: string;
  completedOn: string;
  credentialId: string | null;
  checkAt: string | null;
  revokedOn: string | null;
}

/** Waymark's part of the record (`credentialSubject.leadershipRecord`). */
export interface LeadershipRecordPart {
  format: typeof BUNDLE_FORMAT;
  /** The person's name, and their Teacher Reference Number only when they chose to include it. */
  person: { name: string; trn?: string };
  exportedFrom: string;
  exportedAt: string;
  statement: string | null;
  certificates: BundleCertificate[];
  entries: BundleEntry[];
  /** Programmes and stages completed (absent from files made before they could be included). */
  programmes: BundleProgramme[];
  /** Projects' public summaries with their impact. */
  projects: BundleProject[];
  /** Roles held, from the staff record's history. */
  roles: BundleRole[];
}

/** The record's items as the file carries them: the certificates with their credentials, and the entries. */
export interface BundleContent {
  statement: string;
  certificates: (BundleCertificate & { credential: object | null })[];
  entries: BundleEntry[];
  programmes: BundleProgramme[];
  projects: BundleProject[];
  roles: BundleRole[];
}

/** The signed record file (a ClrCredential) for a person's record, signed by their organisation. */
export async function buildBundle(
  deps: AppDeps,
  organisationId: string,
  record: { personName: string; organisationName: string; trn?: string | null },
  content: BundleContent,
) {
  const base = deps.config.BASE_URL;
  const now = deps.clock.now();
  const part: LeadershipRecordPart = {
    format: BUNDLE_FORMAT,
    person: record.trn ? { name: record.personName, trn: record.trn } : { name: record.personName },
    exportedFrom: record.organisationName,
    exportedAt: now.toISOString(),
    statement: content.statement || null,
    certificates: content.certificates.map(({ credential: _, ...c }) => c),
    entries: content.entries,
    programmes: content.programmes,
    projects: content.projects,
    roles: content.roles,
  };
  const unsigned = {
    '@context': [CREDENTIALS_V2_CONTEXT, OPEN_BADGES_CONTEXT, BUNDLE_CONTEXT],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `Leadership record: ${record.personName}`,
    description: `${record.personName}’s leadership record as ${record.organisationName}’s Waymark held it.`,
    issuer: { id: issuerDid(base, organisationId), type: ['Profile'], name: record.organisationName, url: base },
    validFrom: isoSeconds(now),
    credentialSubject: {
      type: ['ClrSubject'],
      verifiableCredential: content.certificates.flatMap((c) => (c.credential ? [c.credential] : [])),
      achievement: [
        ...content.entries.map((e) => ({
          id: `urn:uuid:${randomUUID()}`,
          type: ['Achievement'],
          achievementType: 'ext:PortfolioEntry',
          name: e.title,
          description: e.whatChanged || e.title,
          criteria: { narrative: `${e.kind}, added by ${e.addedBy}${e.verification ? `; verified by ${e.verification.by}, ${e.verification.on}` : ''}.` },
        })),
        ...content.programmes.map((p) => ({
          id: `urn:uuid:${randomUUID()}`,
          type: ['Achievement'],
          achievementType: 'ext:ProgrammeCompleted',
          name: p.stage ? `${p.programme} (${p.stage})` : p.programme,
          description: `Completed ${p.completedOn}, run by ${p.organisation}.`,
          criteria: { narrative: `Recorded by ${p.organisation}: the programme was completed.` },
        })),
        ...content.projects.map((p) => ({
          id: `urn:uuid:${randomUUID()}`,
          type: ['Achievement'],
          achievementType: 'ext:Project',
          name: p.title,
          description: p.aim || p.title,
          criteria: { narrative: p.criteria.join(' ') || `A project recorded by ${p.organisation}.` },
        })),
      ],
      leadershipRecord: part,
    },
  };
  return signAsOrganisation(deps.db, deps.clock, deps.config, organisationId, unsigned);
}

// ----- Reading a file -----

/** What a check found for one item (or for the file's own signature). */
export type ItemOutcome =
  | { state: 'verified'; by: string }
  | { state: 'revoked'; by: string; reason: string }
  | { state: 'unverifiable'; reason: string }
  | { state: 'refused'; reason: string };

/** One item of a record file, with what its check found. `credential` is the certificate's credential as issued. */
export type BundleItem =
  | { kind: 'certificate'; title: string; detail: BundleCertificate; credential: object; outcome: ItemOutcome }
  | { kind: 'entry'; title: string; detail: BundleEntry; outcome: ItemOutcome }
  | { kind: 'programme'; title: string; detail: BundleProgramme; outcome: ItemOutcome }
  | { kind: 'project'; title: string; detail: BundleProject; outcome: ItemOutcome }
  | { kind: 'role'; title: string; detail: BundleRole; outcome: ItemOutcome };

export interface ReadBundle {
  /** The file's own id (its ClrCredential id): a file is brought in once. */
  bundleId: string;
  personName: string;
  /** The Teacher Reference Number the file names, when its owner included it. */
  personTrn: string | null;
  /** The organisation that signed the file, by name. */
  from: string;
  exportedAt: string;
  statement: string;
  /** The check of the organisation's signature over the whole file. */
  signature: ItemOutcome;
  items: BundleItem[];
  /** Whether the file may be brought in: nothing in it was refused. */
  importable: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const clip = (v: unknown, max: number) => str(v).slice(0, max);

function issuerOf(credential: Json): { id: string; name: string } {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return { id: issuer, name: '' };
  if (isObject(issuer)) return { id: str(issuer.id), name: str(issuer.name) };
  return { id: '', name: '' };
}

/** Finds an issuer's DID document without the network: this installation's issuers, and did:key. */
function localResolver(deps: AppDeps): DidResolver {
  const ours = didResolver(deps.db, deps.config.BASE_URL);
  return async (did) => (did.startsWith('did:key:') ? didKeyDocument(did) : ours(did));
}

/** Whether a DID names one of this installation's issuers (whether or not it resolves). */
function isOurs(deps: AppDeps, did: string): boolean {
  return did.startsWith(`${webDid(deps.config.BASE_URL, 'issuers')}:`);
}

const unreachable = (issuer: { id: string; name: string }, what: string) =>
  ({
    state: 'unverifiable',
    reason: `${what} ${issuer.name ? `${issuer.name} (${issuer.id})` : issuer.id || 'an unnamed issuer'}, which is not on this Waymark; this Waymark does not look issuers up on the internet, so it can’t check the signature.`,
  }) as const;

/** The organisation's signature over the whole file. */
async function checkSignature(deps: AppDeps, bundle: Json): Promise<ItemOutcome> {
  const issuer = issuerOf(bundle);
  if (!issuer.id) return { state: 'refused', reason: 'The file names no issuer, so nobody vouches for it.' };
  const resolve = localResolver(deps);
  if (!isOurs(deps, issuer.id) && !issuer.id.startsWith('did:key:')) return unreachable(issuer, 'The file was signed by');
  if (!(await resolve(issuer.id))) return { state: 'refused', reason: `The file names ${issuer.id} as its issuer, which has never signed anything.` };
  let proof: Awaited<ReturnType<typeof checkProof>>;
  try {
    proof = await checkProof(bundle, resolve, deps.clock.now());
  } catch (error) {
    proof = { genuine: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!proof.genuine)
    return { state: 'refused', reason: `The file has been changed since ${issuer.name || issuer.id} signed it, or the signature is not theirs.` };
  return { state: 'verified', by: issuer.name || issuer.id };
}

/** One credential: its issuer's signature over exactly this content, then its revocation status. */
async function checkOne(deps: AppDeps, credential: Json): Promise<ItemOutcome> {
  const issuer = issuerOf(credential);
  if (!issuer.id) return { state: 'refused', reason: 'The credential names no issuer.' };
  if (isOurs(deps, issuer.id)) {
    const check = await checkCredential(deps.db, deps.clock, deps.config.BASE_URL, credential);
    if (check.outcome === 'genuine') return { state: 'verified', by: check.certificate.issuer_name };
    if (check.outcome === 'revoked') return { state: 'revoked', by: check.certificate.issuer_name, reason: `${check.certificate.issuer_name} has revoked it.` };
    return { state: 'refused', reason: `The credential does not verify: ${check.reason}` };
  }
  if (issuer.id.startsWith('did:key:')) {
    const proof = await checkProof(credential, localResolver(deps), deps.clock.now()).catch((error: unknown) => ({
      genuine: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    if (!proof.genuine) return { state: 'refused', reason: `The credential does not verify: ${proof.reason}` };
    if (credential.credentialStatus === undefined) return { state: 'verified', by: issuer.name || issuer.id };
    return {
      state: 'unverifiable',
      reason: 'Its signature is genuine, but its revocation list is not on this Waymark, which does not look lists up on the internet.',
    };
  }
  return unreachable(issuer, 'It was issued by');
}

function readEntry(value: unknown): BundleEntry {
  const e = isObject(value) ? value : {};
  const v = isObject(e.verification) ? e.verification : null;
  const hours = typeof e.hours === 'number' && Number.isFinite(e.hours) && e.hours >= 0 ? e.hours : null;
  return {
    kind: clip(e.kind, 100),
    title: clip(e.title, 200),
    whatChanged: clip(e.whatChanged, 5000),
    startedOn: strOrNull(e.startedOn)?.slice(0, 10) ?? null,
    endedOn: strOrNull(e.endedOn)?.slice(0, 10) ?? null,
    hours,
    addedBy: clip(e.addedBy, 200),
    verification: v
      ? {
          by: clip(v.by, 200),
          relationship: clip(v.relationship, 100),
          role: strOrNull(v.role)?.slice(0, 200) ?? null,
          statement: strOrNull(v.statement)?.slice(0, 2000) ?? null,
          on: clip(v.on, 10),
        }
      : null,
    broughtFrom: strOrNull(e.broughtFrom)?.slice(0, 200) ?? null,
  };
}

const dateOrNull = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);
const figure = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const judgement = (v: unknown): 'met' | 'not_yet' => (v === 'met' ? 'met' : 'not_yet');
const array = (v: unknown, max: number) => (Array.isArray(v) ? v.slice(0, max) : []);

function readProgramme(value: unknown): BundleProgramme {
  const p = isObject(value) ? value : {};
  return {
    programme: clip(p.programme, 200),
    stage: strOrNull(p.stage)?.slice(0, 200) ?? null,
    cohort: strOrNull(p.cohort)?.slice(0, 200) ?? null,
    organisation: clip(p.organisation, 200),
    startedOn: dateOrNull(p.startedOn),
    endedOn: dateOrNull(p.endedOn),
    completedOn: dateOrNull(p.completedOn) ?? '',
    broughtFrom: strOrNull(p.broughtFrom)?.slice(0, 200) ?? null,
  };
}

function readRole(value: unknown): BundleRole {
  const r = isObject(value) ? value : {};
  return {
    jobTitle: strOrNull(r.jobTitle)?.slice(0, 200) ?? null,
    leadershipLevel: clip(r.leadershipLevel, 100),
    school: strOrNull(r.school)?.slice(0, 200) ?? null,
    organisation: clip(r.organisation, 200),
    from: dateOrNull(r.from) ?? '',
    to: dateOrNull(r.to),
    broughtFrom: strOrNull(r.broughtFrom)?.slice(0, 200) ?? null,
  };
}

/** A role and where it was held, as a reader reads it: "Head of Year 9 at Aspen Academy". */
export function roleAt(r: Pick<BundleRole, 'jobTitle' | 'leadershipLevel' | 'school' | 'organisation'>): string {
  const where = r.school || r.organisation;
  return `${r.jobTitle || r.leadershipLevel || 'A role'}${where ? ` at ${where}` : ''}`;
}

/** When a role was held: "from 1 September 2019 to 31 August 2024", or "since 1 September 2024" while it is. */
export function roleSpan(r: Pick<BundleRole, 'from' | 'to'>): string {
  if (!r.from) return r.to ? `until ${formatDate(r.to)}` : 'now';
  return r.to ? `from ${formatDate(r.from)} to ${formatDate(r.to)}` : `since ${formatDate(r.from)}`;
}

/** A role as its holder reads it on their own record: "You were Head of Year 9 at Aspen Academy from … to …". */
export function yourRole(r: BundleRole): string {
  return `${r.to ? 'You were' : 'You have been'} ${roleAt(r)} ${roleSpan(r)}`;
}

/** A role as a line: "Head of English, Aspen Academy". */
export function roleTitle(r: Pick<BundleRole, 'jobTitle' | 'leadershipLevel' | 'school'>): string {
  return [r.jobTitle || r.leadershipLevel || 'A role', r.school].filter(Boolean).join(', ');
}

function readMeasure(value: unknown): BundleMeasure | null {
  const m = isObject(value) ? value : {};
  const baselineValue = figure(m.baselineValue);
  const targetValue = figure(m.targetValue);
  const baselineOn = dateOrNull(m.baselineOn);
  if (baselineValue === null || targetValue === null || !baselineOn) return null;
  return {
    name: clip(m.name, 200),
    unit: clip(m.unit, 50),
    baselineValue,
    baselineOn,
    targetValue,
    outcomes: array(m.outcomes, 100).flatMap((o) => {
      const on = isObject(o) ? dateOrNull(o.measuredOn) : null;
      const v = isObject(o) ? figure(o.value) : null;
      return on && v !== null ? [{ measuredOn: on, value: v }] : [];
    }),
  };
}

function readProject(value: unknown): BundleProject {
  const p = isObject(value) ? value : {};
  const a = isObject(p.assessment) ? p.assessment : null;
  return {
    title: clip(p.title, 200),
    aim: clip(p.aim, 5000),
    peopleAffected: clip(p.peopleAffected, 2000),
    status: clip(p.status, 20),
    skills: array(p.skills, 50).flatMap((k) => (isObject(k) ? [{ code: clip(k.code, 50), title: clip(k.title, 200) }] : [])),
    criteria: array(p.criteria, 50).map((c) => clip(c, 1000)),
    measures: array(p.measures, 20).flatMap((m) => readMeasure(m) ?? []),
    assessment:
      a && dateOrNull(a.assessedOn)
        ? {
            outcome: judgement(a.outcome),
            assessedOn: dateOrNull(a.assessedOn) ?? '',
            criteria: array(a.criteria, 50).flatMap((c) => (isObject(c) ? [{ text: clip(c.text, 1000), judgement: judgement(c.judgement) }] : [])),
          }
        : null,
    organisation: clip(p.organisation, 200),
    broughtFrom: strOrNull(p.broughtFrom)?.slice(0, 200) ?? null,
  };
}

function readCertificate(described: Json | undefined, credential: Json, issuerName: string): BundleCertificate {
  const d = described ?? {};
  return {
    programme: clip(d.programme, 200) || clip(credential.name, 200) || 'A credential',
    stage: strOrNull(d.stage)?.slice(0, 200) ?? null,
    cohort: strOrNull(d.cohort)?.slice(0, 200) ?? null,
    issuedBy: clip(d.issuedBy, 200) || issuerName,
    completedOn: (clip(d.completedOn, 10) || clip(credential.awardedDate, 10) || clip(credential.validFrom, 10)).slice(0, 10),
    credentialId: strOrNull(credential.id),
    checkAt: strOrNull(d.checkAt)?.slice(0, 500) ?? null,
    revokedOn: strOrNull(d.revokedOn)?.slice(0, 10) ?? null,
  };
}

/**
 * Reads a record file: that it is one (else Invalid, for the form), then the organisation's
 * signature over the whole and every credential in it. Stores nothing.
 */
export async function readBundle(deps: AppDeps, text: string): Promise<ReadBundle> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Invalid({ file: 'The file is not a leadership record: it is not JSON' });
  }
  const subject = isObject(parsed) && isObject(parsed.credentialSubject) ? parsed.credentialSubject : undefined;
  const part = subject && isObject(subject.leadershipRecord) ? subject.leadershipRecord : undefined;
  const types = isObject(parsed) && Array.isArray(parsed.type) ? parsed.type : [];
  if (!isObject(parsed) || !subject || !part || !types.includes('ClrCredential') || part.format !== BUNDLE_FORMAT)
    throw new Invalid({ file: 'The file is not a leadership record downloaded from Waymark' });
  const credentials = Array.isArray(subject.verifiableCredential) ? subject.verifiableCredential : [];
  const entries = Array.isArray(part.entries) ? part.entries : [];
  const programmes = Array.isArray(part.programmes) ? part.programmes : [];
  const projects = Array.isArray(part.projects) ? part.projects : [];
  const roles = Array.isArray(part.roles) ? part.roles : [];
  if (credentials.length > BUNDLE_MAX_CREDENTIALS)
    throw new Invalid({ file: `The file has more than ${BUNDLE_MAX_CREDENTIALS} credentials, which is more than a record holds` });
  if (entries.length + programmes.length + projects.length + roles.length > BUNDLE_MAX_ENTRIES)
    throw new Invalid({ file: `The file has more than ${BUNDLE_MAX_ENTRIES} entries, which is more than a record holds` });

  const signature = await checkSignature(deps, parsed);
  const from = issuerOf(parsed).name || str(part.exportedFrom) || 'another Waymark';
  const described = new Map<string, Json>();
  for (const c of Array.isArray(part.certificates) ? part.certificates : [])
    if (isObject(c) && typeof c.credentialId === 'string') described.set(c.credentialId, c);

  const items: BundleItem[] = [];
  for (const value of credentials) {
    if (!isObject(value)) {
      items.push({
        kind: 'certificate',
        title: 'A credential',
        detail: readCertificate(undefined, {}, ''),
        credential: {},
        outcome: { state: 'refused', reason: 'It is not a credential: a credential is a JSON object.' },
      });
      continue;
    }
    const detail = readCertificate(described.get(str(value.id)), value, issuerOf(value).name);
    const title = detail.stage ? `${detail.programme} (${detail.stage})` : detail.programme;
    items.push({ kind: 'certificate', title, detail, credential: value, outcome: await checkOne(deps, value) });
  }
  // Entries, programmes and projects are as good as the organisation's signature over the file.
  const outcome: ItemOutcome =
    signature.state === 'verified'
      ? { state: 'verified', by: signature.by }
      : signature.state === 'revoked'
        ? { state: 'refused', reason: signature.reason }
        : signature;
  for (const value of entries) {
    const detail = readEntry(value);
    items.push({ kind: 'entry', title: detail.title || 'An untitled entry', detail, outcome });
  }
  for (const value of programmes) {
    const detail = readProgramme(value);
    const title = detail.programme || 'An unnamed programme';
    items.push({ kind: 'programme', title: detail.stage ? `${title} (${detail.stage})` : title, detail, outcome });
  }
  for (const value of projects) {
    const detail = readProject(value);
    items.push({ kind: 'project', title: detail.title || 'An untitled project', detail, outcome });
  }
  for (const value of roles) {
    const detail = readRole(value);
    items.push({ kind: 'role', title: roleTitle(detail), detail, outcome });
  }
  return {
    bundleId: str(parsed.id),
    personName: str(isObject(part.person) ? part.person.name : ''),
    personTrn: strOrNull(isObject(part.person) ? part.person.trn : null),
    from,
    exportedAt: str(part.exportedAt),
    statement: str(part.statement),
    signature,
    items,
    importable: signature.state !== 'refused' && items.every((i) => i.outcome.state !== 'refused'),
  };
}
