import { pseudonymiseAudit, recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { readFile, reassignUploader } from '../../platform/files/files';
import type { AppDeps } from '../../platform/http/env';
import { Invalid, NotFound } from '../../platform/http/errors';
import type { Viewer } from '../../platform/http/viewer';
import { enqueue, forgetInOutbox } from '../../platform/jobs/outbox';
import type { DataSubject, ErasureContext, PersonalDataRegistry, WorkerContext } from '../../platform/module';
import { findOrganisationName } from '../organisations';
import { addFormerPerson, findPersonByEmail, findPersonSummary, listPeopleNames, removeErasedPerson } from '../staff';
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
    isViewer: person.id === viewer.id,
    holds: registryOf(deps)
      .holds.filter((h) => h.holds.length > 0)
      .map((h) => ({ title: featureTitle(h.feature), holds: h.holds })),
  };
}

/** Asks the worker for a subject access export of one person (audited). */
export async function requestExport(deps: AppDeps, viewer: Viewer, personId: string): Promise<string> {
  const person = await findSubject(deps.db, viewer, personId);
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

/**
 * Erases a person from every feature in one transaction: each feature's hook deletes or
 * anonymises what it holds (others' records point at a new "former member of staff"), files they
 * uploaded to what stays are reassigned, outbox messages naming them go, the audit log keeps its
 * entries under the former person's id; last, an erasure record naming no one. Gives its id.
 */
export async function erasePerson(deps: AppDeps, viewer: Viewer, personId: string, form: { credentials: string; confirmed: boolean }): Promise<string> {
  const person = await findSubject(deps.db, viewer, personId);
  const errors: Record<string, string> = {};
  if (form.credentials !== 'keep' && form.credentials !== 'revoke') errors.credentials = 'Choose whether their certificates stay verifiable or are revoked';
  if (!form.confirmed) errors.confirmed = 'Confirm that you understand erasure cannot be undone';
  if (person.id === viewer.id) errors.confirmed = 'You cannot erase yourself: ask another organisation admin';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return eraseNow(deps.db, deps.clock, deps, registryOf(deps), dataSubjectOf(person), {
    requestedBy: viewer.id,
    credentials: form.credentials as CredentialsChoice,
  });
}

/** The erasure itself (also used by the demo and the benchmark). */
export async function eraseNow(
  db: AppDeps['db'],
  clock: Clock,
  deps: Pick<AppDeps, 'config'>,
  registry: PersonalDataRegistry,
  subject: DataSubject,
  args: { requestedBy: string; credentials: CredentialsChoice },
): Promise<string> {
  return db.transaction().execute((trx) => eraseInside(trx, clock, deps, registry, subject, args));
}

/** The erasure inside the caller's transaction (the demo seeds one in its own). */
export async function eraseInside(
  trx: Executor,
  clock: Clock,
  deps: Pick<AppDeps, 'config'>,
  registry: PersonalDataRegistry,
  subject: DataSubject,
  args: { requestedBy: string; credentials: CredentialsChoice },
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  {
    const formerPersonId = await addFormerPerson(trx, subject.organisationId, now);
    const done = await registry.eraseAll(trx, subject, { formerPersonId, credentials: args.credentials, now, clock, config: deps.config });
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
      ...done.filter((d) => d.done.length > 0).map((d) => ({ feature: featureTitle(d.feature), done: d.done })),
      ...(platform.length > 0 ? [{ feature: 'Waymark itself', done: platform }] : []),
    ];
    await q.insertErasure(trx, {
      id,
      organisation_id: subject.organisationId,
      former_person_id: formerPersonId,
      requested_by: args.requestedBy,
      credentials: args.credentials,
      summary: JSON.stringify(summary),
      erased_at: now,
    });
    await recordAudit(trx, clock, {
      action: 'person_erased',
      organisationId: subject.organisationId,
      actorId: args.requestedBy,
      subjectType: 'person',
      subjectId: formerPersonId,
      detail: { erasureId: id, credentials: args.credentials },
    });
  }
  return id;
}

/**
 * A resumable erasure: the job is recorded first (with a former member of staff to stand in for the
 * person), then each feature's hook runs in its own transaction and its step is marked done in the
 * same transaction, and last the platform's own step (files, outbox, audit log, the person's row and
 * the erasure record) finishes the job. If a step fails, what was done stays done and the job is left
 * for the worker to resume (`resumeErasures`); running a finished step again is never needed, and a
 * finished job is never run again. Gives the job's id.
 */
export async function startErasure(
  db: AppDeps['db'],
  clock: Clock,
  subject: DataSubject,
  args: { requestedBy: string; credentials: CredentialsChoice },
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
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
  });
  return id;
}

/** Runs (or resumes) one erasure job to the end; gives the erasure's id, or throws leaving the job to resume. */
export async function runErasureJob(
  db: AppDeps['db'],
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
  const done = new Set(JSON.parse(job.steps_done) as string[]);
  try {
    for (const feature of registry.erasureSteps) {
      if (done.has(feature)) continue;
      await db.transaction().execute(async (trx) => {
        const said = await registry.eraseFeature(trx, feature, subject, context);
        const fresh = await q.findErasureJob(trx, jobId);
        const summary = JSON.parse(fresh?.summary ?? '[]') as { feature: string; done: string[] }[];
        if (said.length > 0) summary.unshift({ feature: featureTitle(feature), done: said });
        done.add(feature);
        await q.updateErasureJob(trx, jobId, { steps_done: JSON.stringify([...done]), summary: JSON.stringify(summary), last_error: null });
      });
    }
    const erasureId = newId();
    await db.transaction().execute(async (trx) => {
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
      const fresh = await q.findErasureJob(trx, jobId);
      const summary = [
        ...(JSON.parse(fresh?.summary ?? '[]') as { feature: string; done: string[] }[]),
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
        detail: { erasureId, credentials: job.credentials },
      });
    });
    return erasureId;
  } catch (error) {
    await q.updateErasureJob(db, jobId, { last_error: error instanceof Error ? error.message.slice(0, 500) : 'Unknown error' });
    throw error;
  }
}

export const ERASURE_OUTBOX_KIND = 'subject-rights.erasure-resume';

/** The worker's job: resumes every erasure left unfinished; gives how many it finished. */
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
