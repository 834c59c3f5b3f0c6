import { MINUTE } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { addDays, londonDate, parseDateParts } from '../../platform/dates';
import type { AppDeps } from '../../platform/http/env';
import { Invalid, NotFound, TooManyRequests, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { looksLikeToken, newToken } from '../../platform/http/tokens';
import { type CountedAttempt, describeWait, linkedPersonIds, type RecordHolder, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { type Certificate, certificatesOf } from '../certificates';
import { completedProgrammesOf } from '../enrolments';
import { type RecordEntry, recordEntriesOf } from '../portfolio';
import { listAllOrganisations } from '../organisations';
import { publicProjectsOf } from '../projects';
import { findPersonSummary, LEADERSHIP_LEVELS, listRolesHeld } from '../staff';
import {
  type BundleCertificate,
  type BundleContent,
  type BundleEntry,
  type BundleProgramme,
  type BundleProject,
  type BundleRole,
  buildBundle,
} from './record.bundle';
import * as q from './record.queries';
import type { ImportedItemKind, RecordImportedItem, RecordItemKind, RecordShare } from './record.tables';

export const STATEMENT_MAX = 2000;
export const LABEL_MAX = 100;
/** The furthest ahead a link's expiry may be set, in days. */
export const LONGEST_LINK_DAYS = 366;

export interface ItemRef {
  kind: RecordItemKind;
  id: string;
}

/** The value of an item's checkbox: `entry:<id>`, `certificate:<id>`, `programme:<enrolment id>`, `project:<id>`, `role:<person id>_<from>` or `imported:<id>`. */
export function itemKey(item: ItemRef): string {
  return `${item.kind}:${item.id}`;
}

function parseItemKey(key: string): ItemRef | undefined {
  const [kind, id] = key.split(':');
  return (kind === 'entry' || kind === 'certificate' || kind === 'programme' || kind === 'project' || kind === 'role' || kind === 'imported') && id
    ? { kind, id }
    : undefined;
}

/** An item brought in from a record file, with where it came from and what the check on import found. */
export interface ImportedItem {
  id: string;
  kind: ImportedItemKind;
  title: string;
  broughtFrom: string;
  importedAt: string;
  verified: boolean;
  /** Why it could not be verified on import; null when it was. */
  reason: string | null;
  certificate: BundleCertificate | null;
  entry: BundleEntry | null;
  programme: BundleProgramme | null;
  project: BundleProject | null;
  role: BundleRole | null;
  /** The certificate's credential as issued (JSON), if any. */
  credential: string | null;
}

function importedItem(row: RecordImportedItem): ImportedItem {
  const detail = JSON.parse(row.detail) as BundleCertificate | BundleEntry | BundleProgramme | BundleProject | BundleRole;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    broughtFrom: row.brought_from,
    importedAt: row.imported_at,
    verified: row.outcome === 'verified',
    reason: row.reason,
    certificate: row.kind === 'certificate' ? (detail as BundleCertificate) : null,
    entry: row.kind === 'entry' ? (detail as BundleEntry) : null,
    programme: row.kind === 'programme' ? (detail as BundleProgramme) : null,
    project: row.kind === 'project' ? (detail as BundleProject) : null,
    role: row.kind === 'role' ? (detail as BundleRole) : null,
    credential: row.credential,
  };
}

/** A completed programme in the record: the organisation's record of the enrolment (`id`). */
export type RecordProgramme = BundleProgramme & { id: string };
/** A project in the record: its public summary only, never its private working. */
export type RecordProject = BundleProject & { id: string };
/** A role held, from the staff record's role history (`id`: `<person id>_<from>`, with `_2`… for a second role from the same day). */
export type RecordRole = BundleRole & { id: string };

/** A record as it is shown: the person, their statement, and the items in it. */
export interface ComposedRecord {
  personName: string;
  givenName: string;
  organisationName: string;
  statement: string;
  certificates: Certificate[];
  entries: RecordEntry[];
  /** Programmes and stages completed, from the organisation's records. */
  programmes: RecordProgramme[];
  /** Projects, each as its public summary. */
  projects: RecordProject[];
  /** Roles held, newest first. */
  roles: RecordRole[];
  /** Items brought in from record files from other organisations or installations. */
  imported: ImportedItem[];
}

/** The organisation's name, for where a record was kept. */
export async function organisationNameOf(db: Executor, organisationId: string): Promise<string> {
  return (await listAllOrganisations(db)).find((o) => o.id === organisationId)?.name ?? '';
}

/** The person's completed programmes and their projects' public summaries, with the organisation that holds each. */
async function programmesAndProjects(db: Executor, personIds: readonly string[]) {
  const [programmes, projects, roles, people, organisations] = await Promise.all([
    Promise.all(personIds.map((id) => completedProgrammesOf(db, id))).then((lists) => lists.flat()),
    Promise.all(personIds.map((id) => publicProjectsOf(db, id))).then((lists) => lists.flat()),
    Promise.all(personIds.map((id) => rolesOf(db, id))).then((lists) => lists.flat()),
    Promise.all(personIds.map((id) => findPersonSummary(db, id))),
    listAllOrganisations(db),
  ]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return {
    roles: roles.map(({ organisationId, ...r }): RecordRole => ({ ...r, organisation: names.get(organisationId) ?? '' })),
    /** The day the person left each staff record of theirs, by its id (absent while they work there). */
    leftOn: new Map(people.flatMap((p) => (p?.status === 'deactivated' && p.deactivated_at ? [[p.id, londonDate(new Date(p.deactivated_at))] as const] : []))),
    programmes: programmes.map(
      (p): RecordProgramme => ({
        id: p.enrolmentId,
        programme: p.programme,
        stage: p.stage,
        cohort: p.cohort,
        organisation: names.get(p.organisationId) ?? '',
        startedOn: p.startedOn,
        endedOn: p.endedOn,
        completedOn: p.completedOn,
        broughtFrom: null,
      }),
    ),
    projects: projects.map(
      (p): RecordProject => ({
        id: p.projectId,
        title: p.title,
        aim: p.aim,
        peopleAffected: p.peopleAffected,
        status: p.status,
        skills: p.skills,
        criteria: p.criteria,
        measures: p.measures,
        assessment: p.assessment ? { outcome: p.assessment.outcome, assessedOn: p.assessment.assessedAt.slice(0, 10), criteria: p.assessment.criteria } : null,
        organisation: names.get(p.organisationId) ?? '',
        broughtFrom: null,
      }),
    ),
  };
}

/** The roles held on one staff record, each with an id made from the person and the day it began. */
async function rolesOf(db: Executor, personId: string) {
  const [roles, person] = await Promise.all([listRolesHeld(db, personId), findPersonSummary(db, personId)]);
  const seen = new Map<string, number>();
  return roles.map((r) => {
    const n = (seen.get(r.from) ?? 0) + 1;
    seen.set(r.from, n);
    return {
      id: `${personId}_${r.from}${n > 1 ? `_${n}` : ''}`,
      jobTitle: r.jobTitle,
      leadershipLevel: LEADERSHIP_LEVELS[r.leadershipLevel],
      school: r.schoolName,
      organisationId: person?.organisation_id ?? '',
      from: r.from,
      to: r.to,
      broughtFrom: null,
    };
  });
}

/**
 * Everything the person could include, and what they have: certificates, portfolio entries,
 * completed programmes and projects from every staff record of theirs on this Waymark (`personIds`,
 * when they have linked a new school's account to their personal account), and the record's own
 * rows, on `personId`.
 */
async function everything(db: Executor, personId: string, personIds: readonly string[] = [personId]) {
  const [certificates, entries, held, imported, chosen] = await Promise.all([
    Promise.all(personIds.map((id) => certificatesOf(db, id))).then((lists) => lists.flat()),
    Promise.all(personIds.map((id) => recordEntriesOf(db, id))).then((lists) => lists.flat()),
    programmesAndProjects(db, personIds),
    q.listImportedItemsOf(db, personId),
    q.listItemsOf(db, personId),
  ]);
  return {
    certificates,
    entries,
    programmes: held.programmes,
    projects: held.projects,
    // Newest first, across every staff record of theirs and the copies their record keeps.
    roles: [...held.roles, ...keptRoles(chosen, held.roles, held.leftOn)].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0)),
    imported: imported.map(importedItem),
    chosen: new Set(chosen.map((c) => itemKey({ kind: c.kind, id: c.item_id }))),
  };
}

/**
 * Roles the person included whose school's history is gone (removed by the retention rule for
 * leavers' role history): their record keeps the copy made when they were included. A copy made
 * while the role was held ends on the day they left.
 */
function keptRoles(chosen: { kind: RecordItemKind; item_id: string; kept: string | null }[], live: RecordRole[], leftOn: Map<string, string>): RecordRole[] {
  const liveIds = new Set(live.map((r) => r.id));
  return chosen.flatMap((c) => {
    if (c.kind !== 'role' || !c.kept || liveIds.has(c.item_id)) return [];
    const role = JSON.parse(c.kept) as BundleRole;
    return [{ ...role, to: role.to ?? leftOn.get(c.item_id.split('_')[0] ?? '') ?? null, id: c.item_id }];
  });
}

/** Every item the record could show, by kind and id. */
function allItems(all: Pick<ComposedRecord, 'certificates' | 'entries' | 'programmes' | 'projects' | 'roles' | 'imported'>): ItemRef[] {
  return [
    ...all.certificates.map((c) => ({ kind: 'certificate' as const, id: c.id })),
    ...all.entries.map((e) => ({ kind: 'entry' as const, id: e.id })),
    ...all.programmes.map((p) => ({ kind: 'programme' as const, id: p.id })),
    ...all.projects.map((p) => ({ kind: 'project' as const, id: p.id })),
    ...all.roles.map((r) => ({ kind: 'role' as const, id: r.id })),
    ...all.imported.map((i) => ({ kind: 'imported' as const, id: i.id })),
  ];
}

async function compose(db: Executor, person: RecordHolder, shows: (key: string) => boolean, statement: string) {
  const all = await everything(db, person.personId, person.personIds);
  return {
    personName: `${person.givenName} ${person.familyName}`,
    givenName: person.givenName,
    organisationName: await organisationNameOf(db, person.organisationId),
    statement,
    certificates: all.certificates.filter((c) => shows(itemKey({ kind: 'certificate', id: c.id }))),
    entries: all.entries.filter((e) => shows(itemKey({ kind: 'entry', id: e.id }))),
    programmes: all.programmes.filter((p) => shows(itemKey({ kind: 'programme', id: p.id }))),
    projects: all.projects.filter((p) => shows(itemKey({ kind: 'project', id: p.id }))),
    roles: all.roles.filter((r) => shows(itemKey({ kind: 'role', id: r.id }))),
    imported: all.imported.filter((i) => shows(itemKey({ kind: 'imported', id: i.id }))),
  } satisfies ComposedRecord;
}

function isLive(share: RecordShare, now: Date): boolean {
  return share.revoked_at === null && londonDate(now) <= share.expires_on;
}

// ----- The person's own record -----

/** The signed-in person's record: what it shows, what else they could include, and their links. */
export async function getMyRecord(deps: AppDeps, viewer: RecordHolder) {
  const all = await everything(deps.db, viewer.personId, viewer.personIds);
  const statement = await q.findStatement(deps.db, viewer.personId);
  const shares = await q.listSharesOf(deps.db, viewer.personId);
  const views = await q.countViews(
    deps.db,
    shares.map((s) => s.id),
  );
  const now = deps.clock.now();
  return {
    ...all,
    statement,
    /** Whether they have a Teacher Reference Number on their account (they may put it in their record file). */
    trn: viewer.trn !== null,
    record: await compose(deps.db, viewer, (key) => all.chosen.has(key), statement),
    shares: shares.map((s) => ({ share: s, live: isLive(s, now), views: views.get(s.id) ?? 0 })),
  };
}
export type MyRecord = Awaited<ReturnType<typeof getMyRecord>>;

/** Saves what the person includes and their statement. Items that are not theirs are refused. */
export async function saveMyRecord(deps: AppDeps, viewer: RecordHolder, values: FormValues, ticked: string[]): Promise<void> {
  const statement = (values.statement ?? '').trim();
  const errors: FieldErrors = {};
  if (statement.length > STATEMENT_MAX) errors.statement = `Your statement must be ${STATEMENT_MAX} characters or fewer`;
  const all = await everything(deps.db, viewer.personId, viewer.personIds);
  const owned = new Set(allItems(all).map(itemKey));
  const items = [...new Set(ticked)].map(parseItemKey);
  if (items.some((i) => !i || !owned.has(itemKey(i)))) errors.items = 'Select only items from your own record';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const roles = new Map(all.roles.map(({ id, ...role }) => [id, JSON.stringify(role)]));
  const kept = (items as ItemRef[]).map((i) => ({ ...i, kept: i.kind === 'role' ? (roles.get(i.id) ?? null) : null }));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.replaceItems(trx, viewer.personId, kept, at);
    await q.saveStatement(trx, viewer.personId, statement, at);
  });
}

/**
 * The record file the person takes with them: their credentials exactly as issued and the rest of
 * their record, signed by their organisation (record.bundle.ts; docs/leadership-record.md).
 */
export async function exportBundle(deps: AppDeps, viewer: RecordHolder, options: { includeTrn?: boolean } = {}) {
  const mine = await getMyRecord(deps, viewer);
  const r = mine.record;
  const base = deps.config.BASE_URL;
  return buildBundle(
    deps,
    viewer.organisationId,
    { ...r, trn: options.includeTrn ? viewer.trn : null },
    {
      statement: r.statement,
      certificates: r.certificates
        .map((c): BundleContent['certificates'][number] => ({
          programme: c.programme_title,
          stage: c.stage,
          cohort: c.cohort_name,
          issuedBy: c.issuer_name,
          completedOn: c.completed_at.slice(0, 10),
          credentialId: c.credential_id,
          checkAt: `${base}/certificates/${c.code}`,
          revokedOn: c.revoked_at ? c.revoked_at.slice(0, 10) : null,
          credential: c.credential ? (JSON.parse(c.credential) as object) : null,
        }))
        .concat(
          r.imported.flatMap((i) => (i.certificate ? [{ ...i.certificate, credential: i.credential ? (JSON.parse(i.credential) as object) : null }] : [])),
        ),
      entries: r.entries
        .map(
          (e): BundleEntry => ({
            kind: e.kind,
            title: e.title,
            whatChanged: e.reflection,
            startedOn: e.startedOn,
            endedOn: e.endedOn,
            hours: e.hours,
            addedBy: e.source === 'waymark' ? `Waymark, from ${r.organisationName}’s records` : r.personName,
            verification: e.verification
              ? {
                  by: e.verification.name,
                  relationship: e.verification.relationship,
                  role: e.verification.role,
                  statement: e.verification.statement,
                  on: e.verification.on.slice(0, 10),
                }
              : null,
            broughtFrom: null,
          }),
        )
        .concat(r.imported.flatMap((i) => (i.entry ? [{ ...i.entry, broughtFrom: i.entry.broughtFrom ?? i.broughtFrom }] : []))),
      programmes: r.programmes
        .map(({ id: _, ...p }): BundleProgramme => p)
        .concat(r.imported.flatMap((i) => (i.programme ? [{ ...i.programme, broughtFrom: i.programme.broughtFrom ?? i.broughtFrom }] : []))),
      projects: r.projects
        .map(({ id: _, ...p }): BundleProject => p)
        .concat(r.imported.flatMap((i) => (i.project ? [{ ...i.project, broughtFrom: i.project.broughtFrom ?? i.broughtFrom }] : []))),
      roles: r.roles
        .map(({ id: _, ...role }): BundleRole => role)
        .concat(r.imported.flatMap((i) => (i.role ? [{ ...i.role, broughtFrom: i.role.broughtFrom ?? i.broughtFrom }] : []))),
    },
  );
}

// ----- Sharing -----

/** The form for a new link: the items in the record, any of which can be left out. */
export async function getShareForm(deps: AppDeps, viewer: RecordHolder) {
  const mine = await getMyRecord(deps, viewer);
  return { record: mine.record, today: londonDate(deps.clock.now()) };
}
export type ShareForm = Awaited<ReturnType<typeof getShareForm>>;

/** Makes a link to the record as it is now, less what is left out. Returns the new link's id. */
export async function createShare(deps: AppDeps, viewer: RecordHolder, values: FormValues, leaveOut: string[]): Promise<string> {
  const form = await getShareForm(deps, viewer);
  const errors: FieldErrors = {};
  const label = (values.label ?? '').trim();
  if (!label) errors.label = 'Enter what the link is for';
  else if (label.length > LABEL_MAX) errors.label = `What the link is for must be ${LABEL_MAX} characters or fewer`;
  const parsed = parseDateParts(values['expiresOn-day'] ?? '', values['expiresOn-month'] ?? '', values['expiresOn-year'] ?? '');
  if ('error' in parsed) errors.expiresOn = parsed.error === 'empty' ? 'Enter the last day the link works' : `The last day the link works ${parsed.error}`;
  else if (parsed.date < form.today) errors.expiresOn = 'The last day the link works must be today or in the future';
  else if (parsed.date > addDays(form.today, LONGEST_LINK_DAYS)) errors.expiresOn = 'The last day the link works must be within a year';
  const left = new Set(leaveOut);
  const items = allItems(form.record).filter((i) => !left.has(itemKey(i)));
  const includeStatement = form.record.statement !== '' && !left.has('statement');
  if (!errors.label && !errors.expiresOn && items.length === 0 && !includeStatement)
    errors.leaveOut = 'Leave at least one thing in the link for the reader to see';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const id = newId();
  await q.insertShare(deps.db, {
    id,
    person_id: viewer.personId,
    label,
    token: newToken(),
    items: JSON.stringify(items),
    include_statement: includeStatement ? 1 : 0,
    expires_on: 'date' in parsed ? parsed.date : form.today,
    revoked_at: null,
    created_at: deps.clock.now().toISOString(),
  });
  return id;
}

/** One of the person's own links with its views; anyone else's is not found. */
export async function getMyShare(deps: AppDeps, viewer: RecordHolder, shareId: string) {
  const share = await q.findShare(deps.db, shareId);
  if (!share || share.person_id !== viewer.personId) throw new NotFound();
  return { share, live: isLive(share, deps.clock.now()), views: await q.listViews(deps.db, share.id), url: `${deps.config.BASE_URL}/shared/${share.token}` };
}
export type MyShare = Awaited<ReturnType<typeof getMyShare>>;

export async function revokeMyShare(deps: AppDeps, viewer: RecordHolder, shareId: string): Promise<void> {
  const { share } = await getMyShare(deps, viewer, shareId);
  await q.revokeShare(deps.db, share.id, deps.clock.now().toISOString());
}

// Links that match nothing, from one address: tokens can't be guessed, but a flood of tries is refused.
const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };
// Openings of any link from one address: a reader opens a record a few times, not hundreds.
const OPENING_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 120, firstWaitMs: 5_000, refuseFrom: 240, refusalMs: 15 * MINUTE };

async function takeAttempt(deps: AppDeps, address: string | null): Promise<CountedAttempt[]> {
  const now = deps.clock.now();
  const who = address ?? 'unknown';
  const reservation = await reserveAttempt(deps.db, now, [
    [`record-link:address:${who}`, UNKNOWN_LINK_LIMITS],
    [`record-opening:address:${who}`, OPENING_LIMITS],
  ]);
  if (reservation.admitted) return reservation.attempts;
  const until = reservation.lockedUntil;
  throw new TooManyRequests(
    `Too many shared records have been opened from your network. Wait ${describeWait(until, now)} and try again.`,
    Math.ceil((until.getTime() - now.getTime()) / 1000),
  );
}

/** A coarse description of the reader's browser for the person's log of views: no address, no version. */
export function describeClient(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  const system = /iPhone|iPad/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return system ? `${browser} on ${system}` : browser;
}

export type SharedView = { state: 'gone' } | { state: 'live'; share: RecordShare; record: ComposedRecord };

/**
 * A shared link, for anyone who holds it: the record's chosen items and nothing else, and the view
 * logged. A revoked or expired link shows nothing; a token that matches nothing is not found (and
 * counted against the address).
 */
export async function openSharedLink(deps: AppDeps, token: string, address: string | null, userAgent: string | null): Promise<SharedView> {
  const attempts = await takeAttempt(deps, address);
  const share = looksLikeToken(token) ? await q.findShareByToken(deps.db, token) : undefined;
  if (!share) throw new NotFound();
  await refundAttempts(
    deps.db,
    attempts.filter((a) => a.key.startsWith('record-link:')),
  );
  const now = deps.clock.now();
  if (!isLive(share, now)) return { state: 'gone' };
  const person = await findPersonSummary(deps.db, share.person_id);
  if (!person) return { state: 'gone' };
  const shown = new Set((JSON.parse(share.items) as ItemRef[]).map(itemKey));
  const statement = share.include_statement ? await q.findStatement(deps.db, share.person_id) : '';
  const holder: RecordHolder = {
    personId: share.person_id,
    personIds: await linkedPersonIds(deps.db, share.person_id),
    organisationId: person.organisation_id,
    givenName: person.given_name,
    familyName: person.family_name,
    trn: null,
  };
  const record = await compose(deps.db, holder, (key) => shown.has(key), statement);
  await q.insertView(deps.db, { id: newId(), share_id: share.id, viewed_at: now.toISOString(), client: describeClient(userAgent) });
  return { state: 'live', share, record };
}
