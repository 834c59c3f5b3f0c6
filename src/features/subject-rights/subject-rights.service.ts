import { pseudonymiseAudit, recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Transaction } from 'kysely';
import type { Database, Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { readFile, reassignUploader } from '../../platform/files/files';
import type { AppDeps } from '../../platform/http/env';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors';
import type { Viewer } from '../../platform/http/viewer';
import { enqueue, forgetInOutbox } from '../../platform/jobs/outbox';
import type { DataSubject, ErasureContext, PersonalDataRegistry, WorkerContext } from '../../platform/module';
import { findOrganisationName } from '../organisations';
import { addFormerPerson, findPersonByEmail, findPersonSummary, listPeopleNames, markBeingErased, removeErasedPerson } from '../staff';
import * as q from './subject-rights.queries';
import { summaryPdf } from './subject-rights.pdf';
import { summaryHtml } from './subject-rights.summary';
import { writeZip, type ZipEntry } from './zip';

/** How long a finished export stays downloadable. */
export const EXPORT_KEEP_DAYS = 7;
export const EXPORT_OUTBOX_KIND = 'subject-access-export';

/** A feature's name as a heading: `self-assessment` → "Self-assessment". */
export const featureTitle = (feature: string) => feature.charAt(0).toUpperCase() + feature.slice(1).replaceAll('-', ' ');

function registryOf(deps: Pick<AppDeps, 'personalData'>): PersonalDataRegistry {
  if (!deps.personalData) throw new Error('The personal-data hooks were not given to the app');
  return deps.personalData;
}

/** The person as every hook is given them. */
export function dataSubjectOf(person: { id: string; organisation_id: string; given_name: string; family_name: string; email: string }): DataSubject {
  const fullName = `${person.given_name} ${person.family_name}`;
  return {
    id: person.id,
    organisationId: person.organisation_id,
    givenName: person.given_name,
    familyName: person.family_name,
    email: person.email,
    strings: [fullName, person.email],
  };
}

/** A person of the admin's organisation (a former member of staff standing in for someone erased is not one). */
async function findSubject(db: Executor, viewer: Viewer, personId: string) {
  const person = await findPersonSummary(db, personId, viewer.organisationId);
  if (!person || person.email.endsWith('@erased.invalid')) throw new NotFound();
  return person;
}

/** The data protection page: the organisation's exports and erasures. */
export async function getOverview(deps: AppDeps, viewer: Viewer) {
  const exports = await q.listExports(deps.db, viewer.organisationId);
  const erasures = await q.listErasures(deps.db, viewer.organisationId);
  const names = await listPeopleNames(deps.db, viewer.organisationId, [
    ...new Set([...exports.map((e) => e.person_id), ...exports.map((e) => e.requested_by), ...erasures.map((e) => e.requested_by)]),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, `${n.given_name} ${n.family_name}`]));
  const now = deps.clock.now().toISOString();
  return {
    exports: exports.map((e) => ({
      ...e,
      personName: nameOf.get(e.person_id) ?? 'Unknown',
      requestedByName: nameOf.get(e.requested_by) ?? 'Unknown',
      downloadable: isDownloadable(e, now),
    })),
    erasures: erasures.map((e) => ({ ...e, requestedByName: nameOf.get(e.requested_by) ?? 'Unknown' })),
    inProgress: (await listErasureProgress(deps, viewer.organisationId)).filter((job) => !job.finishedAt),
  };
}

function isDownloadable(e: { status: string; expires_at: string | null }, now: string): boolean {
  return e.status === 'ready' && !!e.expires_at && e.expires_at > now;
}

/** Finds a person of the organisation by email, for the admin's search. */
export async function findPersonIdByEmail(deps: AppDeps, viewer: Viewer, email: string): Promise<string> {
  const wanted = email.trim().toLowerCase();
  if (!wanted) throw new Invalid({ email: 'Enter the person’s email address' });
  const person = await findPersonByEmail(deps.db, wanted);
  if (!person || person.organisation_id !== viewer.organisationId || wanted.endsWith('@erased.invalid'))
    throw new Invalid({ email: 'Nobody in your organisation has that email address' });
  return person.id;
}

/** One person's page: their exports, and what erasing them would do. */
export async function getPersonPage(deps: AppDeps, viewer: Viewer, personId: string) {
  const person = await findSubject(deps.db, viewer, personId);
  const now = deps.clock.now().toISOString();
  const exports = (await q.listExports(deps.db, viewer.organisationId, personId)).map((e) => ({ ...e, downloadable: isDownloadable(e, now) }));
  return {
    person: { id: person.id, name: `${person.given_name} ${person.family_name}`, email: person.email, status: person.status },
    exports,
    /** The erasure under way, while they are being erased. */
    erasureJobId: person.status === 'being_erased' ? await findJobErasing(deps.db, viewer.organisationId, person.id) : null,
    isViewer: person.id === viewer.id,
    holds: registryOf(deps)
      .holds.filter((h) => h.holds.length > 0)
      .map((h) => ({ title: featureTitle(h.feature), holds: h.holds })),
  };
}

/** Asks the worker for a subject access export of one person (audited). */
export async function requestExport(deps: AppDeps, viewer: Viewer, personId: string): Promise<string> {
  const person = await findSubject(deps.db, viewer, personId);
  if (person.status === 'being_erased') throw new Conflict('This person is being erased, so there is nothing left to export.');
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertExport(trx, {
      id,
      organisation_id: viewer.organisationId,
      person_id: person.id,
      requested_by: viewer.id,
      status: 'queued',
      zip: null,
      size_bytes: null,
      requested_at: now,
      ready_at: null,
      expires_at: null,
      downloaded_at: null,
    });
    await enqueue(trx, deps.clock, { kind: EXPORT_OUTBOX_KIND, payload: { exportId: id }, dedupeKey: `${EXPORT_OUTBOX_KIND}:${id}` });
    await recordAudit(trx, deps.clock, {
      action: 'subject_access_requested',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: person.id,
      detail: { exportId: id },
    });
  });
  return id;
}

/** Everything held about one person as a ZIP: a readable summary, JSON per feature, their files, and what is withheld and why. */
export async function buildExportZip(
  db: Executor,
  registry: PersonalDataRegistry,
  subject: DataSubject,
  organisationName: string,
  madeAt: string,
): Promise<Buffer> {
  const parts = await registry.exportAll(db, subject);
  const holds = new Map(registry.holds.map((h) => [h.feature, h.holds]));
  const entries: ZipEntry[] = [];
  const withheld: { feature: string; why: string }[] = [];
  for (const { feature, part } of parts) {
    withheld.push(...part.withheld.map((why) => ({ feature, why })));
    if (Object.keys(part.data).length > 0) entries.push({ path: `data/${feature}.json`, bytes: Buffer.from(`${JSON.stringify(part.data, null, 2)}\n`) });
    for (const file of part.files) {
      const stored = await readFile(db, file.fileId);
      if (stored) entries.push({ path: `files/${feature}/${file.fileId}-${file.name.replace(/[/\\]/g, '_')}`, bytes: stored.bytes });
    }
  }
  entries.push({ path: 'withheld.json', bytes: Buffer.from(`${JSON.stringify(withheld, null, 2)}\n`) });
  const summary = {
    personName: `${subject.givenName} ${subject.familyName}`,
    organisationName,
    madeAt,
    parts: parts.map(({ feature, part }) => ({ feature, title: featureTitle(feature), holds: holds.get(feature) ?? [], part })),
  };
  entries.unshift({ path: 'summary.html', bytes: Buffer.from(summaryHtml(summary)) }, { path: 'summary.pdf', bytes: await summaryPdf(summary) });
  return writeZip(entries);
}

/** The worker's part: makes the ZIP of a queued export. */
export async function produceExport(context: Pick<WorkerContext, 'db' | 'clock' | 'personalData'>, exportId: string): Promise<void> {
  const row = await q.findExport(context.db, exportId);
  if (row?.status !== 'queued') return;
  const person = await findPersonSummary(context.db, row.person_id, row.organisation_id);
  if (!person) return void (await q.markExportFailed(context.db, exportId));
  const organisationName = (await findOrganisationName(context.db, row.organisation_id)) ?? '';
  const now = context.clock.now();
  const zip = await buildExportZip(context.db, context.personalData, dataSubjectOf(person), organisationName, now.toISOString());
  const expiresAt = new Date(now.getTime() + EXPORT_KEEP_DAYS * 24 * 3600 * 1000).toISOString();
  await q.markExportReady(context.db, exportId, zip, now.toISOString(), expiresAt);
}

/** The ZIP of a ready export, for an admin of its organisation (each download is audited). */
export async function downloadExport(deps: AppDeps, viewer: Viewer, exportId: string, requestId: string | null) {
  const row = await q.findExport(deps.db, exportId);
  if (!row || row.organisation_id !== viewer.organisationId) throw new NotFound();
  const now = deps.clock.now().toISOString();
  if (!isDownloadable(row, now))
    throw new NotFound(row.status === 'queued' ? 'This export is not ready yet' : 'This export has expired or failed: request a new one');
  const zip = (await q.findExportZip(deps.db, exportId))?.zip;
  if (!zip) throw new NotFound();
  await deps.db.transaction().execute(async (trx) => {
    await q.markExportDownloaded(trx, exportId, now);
    await recordAudit(trx, deps.clock, {
      action: 'subject_access_downloaded',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: row.person_id,
      detail: { exportId },
      requestId,
    });
  });
  return { bytes: Buffer.from(zip, 'base64'), fileName: `subject-access-${row.requested_at.slice(0, 10)}-${exportId.slice(-8)}.zip` };
}

export type CredentialsChoice = 'keep' | 'revoke';

export const ERASURE_OUTBOX_KIND = 'subject-rights.erasure';

/**
 * The admin's Erase button: checks the form, then starts the erasure (`startErasure`); the worker
 * carries it out. Gives the erasure job's id.
 */
export async function erasePerson(
  deps: AppDeps,
  viewer: Viewer,
  personId: string,
  form: { credentials: string; confirmed: boolean },
  requestId: string | null = null,
): Promise<string> {
  const person = await findSubject(deps.db, viewer, personId);
  if (person.status === 'being_erased') throw new Conflict(ALREADY_BEING_ERASED);
  const errors: Record<string, string> = {};
  if (form.credentials !== 'keep' && form.credentials !== 'revoke') errors.credentials = 'Choose whether their certificates stay verifiable or are revoked';
  if (!form.confirmed) errors.confirmed = 'Confirm that you understand erasure cannot be undone';
  if (person.id === viewer.id) errors.confirmed = 'You cannot erase yourself: ask another organisation admin';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return startErasure(deps.db, deps.clock, dataSubjectOf(person), {
    requestedBy: viewer.id,
    credentials: form.credentials as CredentialsChoice,
    requestId,
  });
}

const ALREADY_BEING_ERASED = 'This person is already being erased.';

/** Runs `work` in a transaction of its own, or in the caller's when given one (the demo seeds inside its own). */
function inTransaction<T>(db: Executor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/**
 * Starts an erasure, in one transaction: the person is marked as being erased (they cannot sign in,
 * their sessions end, their record can no longer be changed), a former member of staff is made to
 * stand in for them, the job is recorded, and the worker is asked to carry it out (an outbox message).
 * Gives the job's id.
 */
export async function startErasure(
  db: Executor,
  clock: Clock,
  subject: DataSubject,
  args: { requestedBy: string; credentials: CredentialsChoice; requestId?: string | null },
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    if (!(await markBeingErased(trx, subject.id, now))) throw new Conflict(ALREADY_BEING_ERASED);
    const formerPersonId = await addFormerPerson(trx, subject.organisationId, now);
    await q.insertErasureJob(trx, {
      id,
      organisation_id: subject.organisationId,
      requested_by: args.requestedBy,
      credentials: args.credentials,
      former_person_id: formerPersonId,
      subject: JSON.stringify(subject),
      steps_done: '[]',
      summary: '[]',
      started_at: now,
      finished_at: null,
      erasure_id: null,
      last_error: null,
    });
    await enqueue(trx, clock, { kind: ERASURE_OUTBOX_KIND, payload: { jobId: id }, dedupeKey: `${ERASURE_OUTBOX_KIND}:${id}` });
    // Names the person until the erasure's last step, which points it at the former member of staff.
    await recordAudit(trx, clock, {
      action: 'erasure_started',
      organisationId: subject.organisationId,
      actorId: args.requestedBy,
      subjectType: 'person',
      subjectId: subject.id,
      detail: { erasureJobId: id, credentials: args.credentials },
      requestId: args.requestId ?? null,
    });
  });
  return id;
}

/**
 * Runs (or resumes) one erasure job to the end; gives the erasure's id, or throws leaving the job to
 * resume. Each feature's hook runs in its own transaction and its step is marked done in the same
 * transaction; last, the platform's own step (files, outbox, audit log, the person's row and the
 * erasure record) finishes the job. Each step first locks the job's row and reads what is done, so
 * two workers resuming the same job never run a step twice; a finished job is never run again. Given
 * a transaction (the demo's), every step runs inside it.
 */
export async function runErasureJob(
  db: Executor,
  clock: Clock,
  deps: { config: ErasureContext['config'] },
  registry: PersonalDataRegistry,
  jobId: string,
): Promise<string> {
  const job = await q.findErasureJob(db, jobId);
  if (!job) throw new NotFound();
  if (job.finished_at && job.erasure_id) return job.erasure_id;
  const subject = JSON.parse(job.subject ?? 'null') as DataSubject;
  const context = { formerPersonId: job.former_person_id, credentials: job.credentials as CredentialsChoice, now: job.started_at, clock, config: deps.config };
  try {
    for (const feature of registry.erasureSteps) {
      await inTransaction(db, async (trx) => {
        const fresh = await q.lockErasureJob(trx, jobId);
        const done = JSON.parse(fresh?.steps_done ?? '[]') as string[];
        if (!fresh || fresh.finished_at || done.includes(feature)) return;
        const said = await registry.eraseFeature(trx, feature, subject, context);
        const summary = JSON.parse(fresh.summary) as { feature: string; done: string[] }[];
        if (said.length > 0) summary.unshift({ feature: featureTitle(feature), done: said });
        await q.updateErasureJob(trx, jobId, { steps_done: JSON.stringify([...done, feature]), summary: JSON.stringify(summary), last_error: null });
      });
    }
    return await inTransaction(db, async (trx) => {
      const fresh = await q.lockErasureJob(trx, jobId);
      if (!fresh) throw new NotFound();
      if (fresh.finished_at && fresh.erasure_id) return fresh.erasure_id;
      const erasureId = newId();
      const formerPersonId = job.former_person_id;
      const files = await reassignUploader(trx, subject.id, formerPersonId);
      const messages = await forgetInOutbox(trx, [subject.id, ...subject.strings]);
      const audit = await pseudonymiseAudit(trx, subject.id, formerPersonId, subject.strings);
      await removeErasedPerson(trx, subject.id);
      const platform = [
        files > 0 ? `${files} files they uploaded to others’ records now say a former member of staff added them` : null,
        messages > 0 ? `Deleted ${messages} queued or sent messages naming them` : null,
        audit > 0 ? `${audit} audit log entries now refer to the former member of staff (a pseudonymous id)` : null,
      ].filter((line): line is string => line !== null);
      const summary = [
        ...(JSON.parse(fresh.summary) as { feature: string; done: string[] }[]),
        ...(platform.length > 0 ? [{ feature: 'Waymark itself', done: platform }] : []),
      ];
      const finishedAt = clock.now().toISOString();
      await q.insertErasure(trx, {
        id: erasureId,
        organisation_id: subject.organisationId,
        former_person_id: formerPersonId,
        requested_by: job.requested_by,
        credentials: job.credentials as CredentialsChoice,
        summary: JSON.stringify(summary),
        erased_at: finishedAt,
      });
      // The job names no one once finished: what found the person goes.
      await q.updateErasureJob(trx, jobId, { subject: null, summary: '[]', finished_at: finishedAt, erasure_id: erasureId, last_error: null });
      await recordAudit(trx, clock, {
        action: 'person_erased',
        organisationId: subject.organisationId,
        actorId: job.requested_by,
        subjectType: 'person',
        subjectId: formerPersonId,
        detail: { erasureId, erasureJobId: jobId, credentials: job.credentials },
      });
      return erasureId;
    });
  } catch (error) {
    if (!db.isTransaction) await q.updateErasureJob(db, jobId, { last_error: error instanceof Error ? error.message.slice(0, 500) : 'Unknown error' });
    throw error;
  }
}

/**
 * The worker's sweep: resumes every erasure left unfinished (the worker stopped part-way, a step
 * failed, or its outbox message was given up on); gives how many it finished.
 */
export async function resumeErasures(
  db: AppDeps['db'],
  clock: Clock,
  deps: { config: ErasureContext['config'] },
  registry: PersonalDataRegistry,
): Promise<number> {
  let finished = 0;
  for (const job of await q.listUnfinishedErasureJobs(db)) {
    try {
      await runErasureJob(db, clock, deps, registry, job.id);
      finished++;
    } catch {
      // Left for the next run: its last error is on the job.
    }
  }
  return finished;
}

/** How many steps an erasure has: one per feature, and Waymark's own last step. */
export const erasureStepCount = (registry: Pick<PersonalDataRegistry, 'erasureSteps'>) => registry.erasureSteps.length + 1;

/** Erasures finished within this many days are still listed as recent. */
export const RECENT_ERASURE_DAYS = 30;

export interface ErasureProgress {
  jobId: string;
  /** The job's reference: the last 8 characters of its id (never the person's name). */
  reference: string;
  requestedByName: string;
  startedAt: string;
  stepsDone: number;
  stepsTotal: number;
  finishedAt: string | null;
  erasureId: string | null;
  /** Why the last attempt stopped, while unfinished (the worker tries again). */
  lastError: string | null;
}

/** The organisation's erasures in progress and finished in the last 30 days, naming no one erased (for the data protection page). */
export async function listErasureProgress(deps: Pick<AppDeps, 'db' | 'clock' | 'personalData'>, organisationId: string): Promise<ErasureProgress[]> {
  const since = new Date(deps.clock.now().getTime() - RECENT_ERASURE_DAYS * 24 * 3600 * 1000).toISOString();
  const jobs = await q.listErasureJobs(deps.db, organisationId, since);
  const names = await listPeopleNames(deps.db, organisationId, [...new Set(jobs.map((j) => j.requested_by))]);
  const nameOf = new Map(names.map((n) => [n.id, `${n.given_name} ${n.family_name}`]));
  const total = erasureStepCount(registryOf(deps));
  return jobs.map((job) => ({
    jobId: job.id,
    reference: job.id.slice(-8),
    requestedByName: nameOf.get(job.requested_by) ?? 'Unknown',
    startedAt: job.started_at,
    stepsDone: job.finished_at ? total : Math.min((JSON.parse(job.steps_done) as string[]).length, total - 1),
    stepsTotal: total,
    finishedAt: job.finished_at,
    erasureId: job.erasure_id,
    lastError: job.finished_at ? null : job.last_error,
  }));
}

/** One erasure job's progress, for an organisation admin of its organisation. */
export async function getErasureJob(deps: AppDeps, viewer: Viewer, jobId: string): Promise<ErasureProgress> {
  const job = await q.findErasureJob(deps.db, jobId);
  if (!job || job.organisation_id !== viewer.organisationId) throw new NotFound();
  const progress = (await listErasureProgress(deps, viewer.organisationId)).find((p) => p.jobId === jobId);
  if (progress) return progress;
  // Finished long ago: only its reference and end are worth saying.
  const total = erasureStepCount(registryOf(deps));
  return {
    jobId,
    reference: jobId.slice(-8),
    requestedByName: 'Unknown',
    startedAt: job.started_at,
    stepsDone: total,
    stepsTotal: total,
    finishedAt: job.finished_at,
    erasureId: job.erasure_id,
    lastError: null,
  };
}

/** The unfinished erasure job of one person, if any (the person page links to it). */
async function findJobErasing(db: Executor, organisationId: string, personId: string): Promise<string | null> {
  for (const job of await q.listUnfinishedErasureJobsWithSubject(db, organisationId)) {
    const subject = JSON.parse(job.subject ?? 'null') as DataSubject | null;
    if (subject?.id === personId) return job.id;
  }
  return null;
}

/** What an erasure did, for the admin who carried it out and others of the organisation. */
export async function getErasure(deps: AppDeps, viewer: Viewer, erasureId: string) {
  const erasure = await q.findErasure(deps.db, erasureId);
  if (!erasure || erasure.organisation_id !== viewer.organisationId) throw new NotFound();
  const [by] = await listPeopleNames(deps.db, viewer.organisationId, [erasure.requested_by]);
  return {
    erasure,
    summary: JSON.parse(erasure.summary) as { feature: string; done: string[] }[],
    requestedByName: by ? `${by.given_name} ${by.family_name}` : 'Unknown',
  };
}

/** The worker's sweep: deletes ZIPs past their time. */
export function expireOldExports(db: Executor, clock: Clock): Promise<number> {
  return q.expireExports(db, clock.now().toISOString());
}
