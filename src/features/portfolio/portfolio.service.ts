import { recordAudit } from '../../platform/audit/audit';
import { DAY, MINUTE } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { formatDate, londonDate } from '../../platform/dates';
import { deleteFile, readFile, saveFile, uploadContentType } from '../../platform/files/files';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Invalid, NotFound, TooManyRequests, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { hashToken, looksLikeToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { type CountedAttempt, describeWait, normaliseEmail, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { listPublishedVersions, skillsOfVersion } from '../frameworks';
import { notify } from '../notifications';
import { listProjectsOf } from '../projects';
import { findPersonByEmail, findPersonSummary, listPeopleNames } from '../staff';
import { isNamedVerifier, needsVerification, ownsEntry } from './portfolio.policy';
import * as q from './portfolio.queries';
import {
  type EntryInput,
  KIND_LABELS,
  LINK_DAYS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  parseSkillIds,
  readEntryForm,
  readWebAddress,
  substanceChanged,
  TEXT_MAX,
  TITLE_MAX,
} from './portfolio.schemas';
import type { PortfolioEntry, PortfolioVerification, VerifierRelationship } from './portfolio.tables';

const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

// ----- Skills -----

/** The skills an entry can evidence: the newest published version of each of the organisation's frameworks. */
export async function skillChoices(db: Executor, organisationId: string) {
  const versions = await listPublishedVersions(db, organisationId);
  const newest = versions.filter((v, i) => versions.findIndex((w) => w.frameworkId === v.frameworkId) === i);
  const domains = await Promise.all(newest.map((v) => skillsOfVersion(db, v.versionId)));
  return newest.map((v, i) => ({
    title: v.title,
    skills: (domains[i] ?? []).flatMap((d) => d.skills.map((s) => ({ id: s.id, code: s.code, title: s.title }))),
  }));
}
export type SkillChoices = Awaited<ReturnType<typeof skillChoices>>;

function skillTitles(choices: SkillChoices): Map<string, string> {
  return new Map(choices.flatMap((f) => f.skills.map((s) => [s.id, `${s.code} ${s.title}`] as const)));
}

// ----- Reading entries -----

/** How an entry stands: recorded by Waymark, verified (by whom, their role, when), asked, or neither. */
export function verificationState(entry: PortfolioEntry, requests: PortfolioVerification[]) {
  const mine = requests.filter((r) => r.entry_id === entry.id);
  const verified = entry.verification_id ? mine.find((r) => r.id === entry.verification_id && r.status === 'confirmed') : undefined;
  const pending = mine.find((r) => r.status === 'pending');
  const declined = mine.find((r) => r.status === 'declined');
  const latestAnswered = mine.find((r) => r.status === 'confirmed' || r.status === 'declined');
  return { verified: verified ?? null, pending: pending ?? null, lastDeclined: latestAnswered?.status === 'declined' ? (declined ?? null) : null };
}

function entryFacts(entry: PortfolioEntry): EntryInput {
  return {
    kind: entry.kind,
    title: entry.title,
    reflection: entry.reflection,
    startedOn: entry.started_on,
    endedOn: entry.ended_on,
    hours: entry.hours === null ? null : Number(entry.hours),
    skills: parseSkillIds(entry.skills),
    projectId: linkedProjectId(entry),
  };
}

/** The project an entry of the person's own links to (kept as the path to its page). */
function linkedProjectId(entry: Pick<PortfolioEntry, 'source' | 'source_path'>): string | null {
  if (entry.source !== 'own' || !entry.source_path) return null;
  return /^\/projects\/([^/]+)$/.exec(entry.source_path)?.[1] ?? null;
}

/** The viewer's own portfolio: every entry with its verification, and requests waiting for the viewer's answer. */
export async function getPortfolio(deps: AppDeps, viewer: Viewer) {
  const { db } = deps;
  const [entries, choices, pendingForMe] = await Promise.all([
    q.listEntriesOf(db, viewer.id),
    skillChoices(db, viewer.organisationId),
    q.listPendingFor(db, viewer.id, deps.clock.now().toISOString()),
  ]);
  const names = new Map(
    (
      await listPeopleNames(
        db,
        viewer.organisationId,
        pendingForMe.map((r) => r.person_id),
      )
    ).map((p) => [p.id, fullName(p)] as const),
  );
  const toAnswer = pendingForMe.map((r) => ({ ...r, owner: names.get(r.person_id) ?? 'A colleague' }));
  const ids = entries.map((e) => e.id);
  const [requests, attachments] = await Promise.all([q.listVerifications(db, ids), q.listAttachments(db, ids)]);
  const titles = skillTitles(choices);
  return {
    entries: entries.map((entry) => ({
      entry: { ...entry, hours: entry.hours === null ? null : Number(entry.hours) },
      skills: parseSkillIds(entry.skills).map((id) => titles.get(id) ?? 'A skill no longer in a published framework'),
      attachments: attachments.filter((a) => a.entry_id === entry.id).length,
      ...verificationState(entry, requests),
    })),
    toAnswer,
  };
}
export type Portfolio = Awaited<ReturnType<typeof getPortfolio>>;

/** An active colleague in the viewer's organisation with this email address, with their name. */
async function findColleague(db: Executor, organisationId: string, email: string) {
  const found = await findPersonByEmail(db, normaliseEmail(email));
  if (!found || found.organisation_id !== organisationId || found.status !== 'active') return undefined;
  const person = await findPersonSummary(db, found.id, organisationId);
  return person ? { id: person.id, name: fullName(person), email: person.email } : undefined;
}

async function loadOwnEntry(db: Executor, viewer: Viewer, entryId: string): Promise<PortfolioEntry> {
  const entry = await q.findEntry(db, entryId);
  if (!entry || !ownsEntry(viewer, entry)) throw new NotFound();
  return entry;
}

/** What anyone shown an entry reads: its facts, skills by name, attachments, and how it stands. */
async function describeEntry(db: Executor, entry: PortfolioEntry) {
  const [choices, attachments, requests] = await Promise.all([
    skillChoices(db, entry.organisation_id),
    q.listAttachments(db, [entry.id]),
    q.listVerifications(db, [entry.id]),
  ]);
  const titles = skillTitles(choices);
  return {
    entry: { ...entry, hours: entry.hours === null ? null : Number(entry.hours) },
    kindLabel: KIND_LABELS[entry.kind],
    skills: parseSkillIds(entry.skills).map((id) => titles.get(id) ?? 'A skill no longer in a published framework'),
    attachments,
    requests,
    ...verificationState(entry, requests),
  };
}
export type EntryView = Awaited<ReturnType<typeof describeEntry>>;

/** One of the viewer's own entries; anyone else's is not found. */
export async function getEntryPage(deps: AppDeps, viewer: Viewer, entryId: string) {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  return describeEntry(deps.db, entry);
}

/** The form for a new entry or a change: the skills to choose from, and the entry's current facts when changing one. */
export async function getEntryForm(deps: AppDeps, viewer: Viewer, entryId?: string) {
  const [choices, entry, projects] = await Promise.all([
    skillChoices(deps.db, viewer.organisationId),
    entryId ? loadOwnEntry(deps.db, viewer, entryId) : undefined,
    listProjectsOf(deps.db, viewer.organisationId, [viewer.id]),
  ]);
  const requests = entry ? await q.listVerifications(deps.db, [entry.id]) : [];
  return {
    choices,
    entry: entry ?? null,
    projectId: entry ? linkedProjectId(entry) : null,
    projects: projects.map((p) => ({ id: p.id, title: p.title })),
    verified: entry ? verificationState(entry, requests).verified : null,
  };
}
export type EntryForm = Awaited<ReturnType<typeof getEntryForm>>;

// ----- Writing entries -----

/** A file or a link to attach, as the route read it from the form. */
export interface AttachmentUpload {
  title: string;
  file?: { fileName: string; bytes: Uint8Array };
  url?: string;
}

/** Checks an attachment before anything is stored; the errors name the form's fields. */
export function checkAttachment(
  upload: AttachmentUpload,
): { ok: true; contentType: string | null; fileName: string | null } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (upload.title.length > TITLE_MAX) errors.attachmentTitle = `Title must be ${TITLE_MAX} characters or fewer`;
  if (upload.file) {
    const { bytes } = upload.file;
    if (bytes.byteLength === 0) errors.file = 'The selected file is empty';
    else if (bytes.byteLength > MAX_ATTACHMENT_BYTES) errors.file = 'The selected file must be smaller than 10 MB';
    else if (!uploadContentType(upload.file.fileName, bytes))
      errors.file = 'The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return {
      ok: true,
      contentType: uploadContentType(upload.file.fileName, bytes),
      fileName: upload.file.fileName.replace(/[\\/\r\n"]/g, '_').slice(-200),
    };
  }
  if (upload.url !== undefined && !readWebAddress(upload.url)) errors.url = 'Enter a full web address, starting with https://';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, contentType: null, fileName: null };
}

async function storeAttachment(trx: Executor, deps: AppDeps, viewer: Viewer, entryId: string, upload: AttachmentUpload) {
  const checked = checkAttachment(upload);
  if (!checked.ok) throw new Invalid(checked.errors);
  const now = deps.clock.now().toISOString();
  if (upload.file && checked.contentType && checked.fileName) {
    const fileId = await saveFile(trx, deps.clock, {
      organisationId: viewer.organisationId,
      fileName: checked.fileName,
      contentType: checked.contentType,
      bytes: upload.file.bytes,
      createdBy: viewer.id,
    });
    await q.insertAttachment(trx, { id: newId(), entry_id: entryId, title: upload.title || checked.fileName, url: null, file_id: fileId, added_at: now });
  } else if (upload.url) {
    const url = readWebAddress(upload.url) ?? '';
    await q.insertAttachment(trx, { id: newId(), entry_id: entryId, title: upload.title || url, url, file_id: null, added_at: now });
  }
}

/**
 * Adds an entry to the viewer's portfolio, with at most one file and one link attached; a bad
 * attachment stores nothing at all. Returns the entry's id.
 */
export async function createEntry(
  deps: AppDeps,
  viewer: Viewer,
  values: FormValues,
  skills: string[],
  attachments: { file?: AttachmentUpload; link?: AttachmentUpload },
): Promise<string> {
  const form = await getEntryForm(deps, viewer);
  const read = readEntryForm(values, skills, {
    today: londonDate(deps.clock.now()),
    knownSkills: new Set(skillTitles(form.choices).keys()),
    projects: new Set(form.projects.map((p) => p.id)),
  });
  const errors: FieldErrors = read.ok ? {} : { ...read.errors };
  for (const upload of [attachments.file, attachments.link]) {
    if (!upload) continue;
    const checked = checkAttachment(upload);
    if (!checked.ok) Object.assign(errors, checked.errors);
  }
  if (!read.ok || Object.keys(errors).length > 0) throw new Invalid(errors);
  const input = read.input;
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertEntry(trx, {
      id,
      organisation_id: viewer.organisationId,
      person_id: viewer.id,
      kind: input.kind,
      title: input.title,
      reflection: input.reflection,
      started_on: input.startedOn,
      ended_on: input.endedOn,
      hours: input.hours,
      skills: JSON.stringify(input.skills),
      source: 'own',
      source_key: null,
      source_path: input.projectId ? `/projects/${input.projectId}` : null,
      verification_id: null,
      verification_cleared_at: null,
      verification_cleared_name: null,
      created_at: now,
      updated_at: now,
    });
    if (attachments.file) await storeAttachment(trx, deps, viewer, id, attachments.file);
    if (attachments.link) await storeAttachment(trx, deps, viewer, id, attachments.link);
  });
  return id;
}

/**
 * Changes one of the viewer's entries. Changing what a verifier confirmed (anything but the
 * attachments) clears the verification, and the entry says so. Returns whether it was cleared.
 */
export async function changeEntry(deps: AppDeps, viewer: Viewer, entryId: string, values: FormValues, skills: string[], requestId: string | null) {
  const form = await getEntryForm(deps, viewer, entryId);
  const entry = form.entry as PortfolioEntry;
  const before = entryFacts(entry);
  const read = readEntryForm(values, skills, {
    today: londonDate(deps.clock.now()),
    knownSkills: new Set([...skillTitles(form.choices).keys(), ...before.skills]),
    projects: new Set(form.projects.map((p) => p.id)),
    recorded: entry.source === 'waymark' ? before : undefined,
  });
  if (!read.ok) throw new Invalid(read.errors);
  const after = read.input;
  if (!substanceChanged(before, after)) return false;
  const now = deps.clock.now().toISOString();
  const clearing = form.verified !== null;
  await deps.db.transaction().execute(async (trx) => {
    await q.updateEntry(trx, entry.id, {
      kind: after.kind,
      title: after.title,
      reflection: after.reflection,
      started_on: after.startedOn,
      ended_on: after.endedOn,
      hours: after.hours,
      skills: JSON.stringify(after.skills),
      ...(entry.source === 'own' ? { source_path: after.projectId ? `/projects/${after.projectId}` : null } : {}),
      updated_at: now,
      ...(clearing ? { verification_id: null, verification_cleared_at: now, verification_cleared_name: form.verified?.verifier_name ?? null } : {}),
    });
    if (clearing)
      await recordAudit(trx, deps.clock, {
        action: 'portfolio_verification_cleared',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'portfolio_entry',
        subjectId: entry.id,
        detail: { verificationId: form.verified?.id },
        requestId,
      });
  });
  return clearing;
}

/** One of the viewer's entries, to confirm removing it. */
export async function getEntryToRemove(deps: AppDeps, viewer: Viewer, entryId: string) {
  return loadOwnEntry(deps.db, viewer, entryId);
}

/**
 * Removes one of the viewer's entries with everything attached to it: its files and links, and its
 * verification requests and answers (an emailed link stops working). Audited.
 */
export async function removeEntry(deps: AppDeps, viewer: Viewer, entryId: string, requestId: string | null): Promise<void> {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  await deps.db.transaction().execute(async (trx) => {
    for (const fileId of await q.deleteEntry(trx, entry.id)) await deleteFile(trx, fileId);
    await recordAudit(trx, deps.clock, {
      action: 'portfolio_entry_removed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'portfolio_entry',
      subjectId: entry.id,
      detail: { kind: entry.kind, verified: entry.verification_id !== null },
      requestId,
    });
  });
}

/** Attaches a file or a link to one of the viewer's entries. */
export async function addAttachment(deps: AppDeps, viewer: Viewer, entryId: string, upload: AttachmentUpload): Promise<void> {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  const checked = checkAttachment(upload);
  if (!checked.ok) throw new Invalid(checked.errors);
  if (!upload.file && !upload.url) throw new Invalid({ url: 'Enter a link, or choose a file to upload' });
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.countAttachments(trx, entry.id)) >= MAX_ATTACHMENTS)
      throw new Invalid({ [upload.file ? 'file' : 'url']: `An entry can have up to ${MAX_ATTACHMENTS} attachments: remove one first` });
    await storeAttachment(trx, deps, viewer, entry.id, upload);
  });
}

/** Removes an attachment (and its stored file) from one of the viewer's entries; a second click changes nothing. */
export async function removeAttachment(deps: AppDeps, viewer: Viewer, entryId: string, attachmentId: string): Promise<void> {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  await deps.db.transaction().execute(async (trx) => {
    const attachment = await q.findAttachment(trx, entry.id, attachmentId);
    if (!attachment) return;
    await q.deleteAttachment(trx, attachment.id);
    if (attachment.file_id) await deleteFile(trx, attachment.file_id);
  });
}

/** An attached file, for the entry's owner. */
export async function readAttachmentFile(deps: AppDeps, viewer: Viewer, entryId: string, attachmentId: string) {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  const attachment = await q.findAttachment(deps.db, entry.id, attachmentId);
  if (!attachment?.file_id) throw new NotFound();
  const stored = await readFile(deps.db, attachment.file_id);
  if (!stored) throw new NotFound();
  return stored;
}

// ----- Asking for verification -----

/** The page to ask someone to verify an entry: who the viewer's line manager is, if anyone. */
export async function getAskPage(deps: AppDeps, viewer: Viewer, entryId: string) {
  const entry = await loadOwnEntry(deps.db, viewer, entryId);
  if (!needsVerification(entry)) throw new Conflict('Waymark recorded this entry from its own records, so it needs nobody to verify it.');
  const me = await findPersonSummary(deps.db, viewer.id, viewer.organisationId);
  const manager = me?.line_manager_id ? await findPersonSummary(deps.db, me.line_manager_id, viewer.organisationId) : undefined;
  const requests = await q.listVerifications(deps.db, [entry.id]);
  return {
    entry,
    lineManager: manager && manager.status === 'active' ? { id: manager.id, name: fullName(manager), email: manager.email } : null,
    pending: verificationState(entry, requests).pending,
  };
}
export type AskPage = Awaited<ReturnType<typeof getAskPage>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Asks someone to verify an entry: the line manager, or a mentor or colleague on Waymark (told by
 * notification, answering when signed in), or someone outside Waymark (emailed a private link that
 * opens this entry and nothing else, and stops working after it is answered, replaced or 30 days).
 * A new request replaces one still waiting.
 */
export async function askForVerification(deps: AppDeps, viewer: Viewer, page: AskPage, values: FormValues, requestId: string | null): Promise<void> {
  const relationship = values.relationship ?? '';
  const errors: FieldErrors = {};
  let verifier: { personId: string | null; name: string; email: string } | null = null;
  if (relationship === 'line_manager') {
    if (!page.lineManager) errors.relationship = 'You have no line manager on Waymark: choose someone else';
    else verifier = { personId: page.lineManager.id, name: page.lineManager.name, email: page.lineManager.email };
  } else if (relationship === 'mentor' || relationship === 'colleague') {
    const email = (values.email ?? '').trim();
    if (!email) errors.email = relationship === 'mentor' ? 'Enter your mentor’s or coach’s email address' : 'Enter your colleague’s email address';
    else if (!EMAIL.test(email)) errors.email = 'Enter an email address in the correct format, like name@example.org';
    else {
      const colleague = await findColleague(deps.db, viewer.organisationId, email);
      if (!colleague) errors.email = 'There is nobody on Waymark in your organisation with this email address: ask them as someone outside Waymark instead';
      else if (colleague.id === viewer.id) errors.email = 'Ask someone else: you cannot verify your own entry';
      else verifier = { personId: colleague.id, name: colleague.name, email: colleague.email };
    }
  } else if (relationship === 'outside') {
    const name = (values.name ?? '').trim();
    const email = (values.email ?? '').trim();
    if (!name) errors.name = 'Enter the name of the person outside Waymark';
    else if (name.length > TITLE_MAX) errors.name = `Name must be ${TITLE_MAX} characters or fewer`;
    if (!email) errors.email = 'Enter their email address';
    else if (!EMAIL.test(email) || email.length > 320) errors.email = 'Enter an email address in the correct format, like name@example.org';
    else if (normaliseEmail(email) === normaliseEmail(viewer.email)) errors.email = 'Ask someone else: you cannot verify your own entry';
    if (!errors.name && !errors.email) {
      const colleague = await findColleague(deps.db, viewer.organisationId, email);
      if (colleague?.id === viewer.id) errors.email = 'Ask someone else: you cannot verify your own entry';
      else verifier = colleague ? { personId: colleague.id, name: colleague.name, email: colleague.email } : { personId: null, name, email };
    }
  } else errors.relationship = 'Select who you would like to ask';
  if (!verifier || Object.keys(errors).length > 0) throw new Invalid(errors);
  const chosen = verifier;
  const now = deps.clock.now();
  const id = newId();
  const token = chosen.personId ? null : newToken();
  const owner = `${viewer.givenName} ${viewer.familyName}`;
  await deps.db.transaction().execute(async (trx) => {
    await q.withdrawPending(trx, page.entry.id, now.toISOString());
    await q.insertVerification(trx, {
      id,
      entry_id: page.entry.id,
      relationship: (chosen.personId && relationship === 'outside' ? 'colleague' : relationship) as VerifierRelationship,
      verifier_person_id: chosen.personId,
      verifier_name: chosen.name,
      verifier_email: chosen.email,
      token_hash: token ? hashToken(token) : null,
      status: 'pending',
      verifier_role: null,
      statement: null,
      decline_reason: null,
      requested_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LINK_DAYS * DAY).toISOString(),
      answered_at: null,
    });
    if (chosen.personId)
      await notify(trx, deps.clock, {
        personId: chosen.personId,
        kind: 'portfolio_verification',
        subject: `${owner} would like you to verify an entry in their portfolio`,
        paragraphs: [
          `${owner} has asked you to confirm “${page.entry.title}” in their professional development portfolio. You can confirm it with a short statement, or decline and say why.`,
        ],
        link: `/portfolio/verifications/${id}`,
        linkText: 'Read the entry and answer:',
      });
    else if (token)
      await enqueueEmail(trx, deps.clock, {
        to: chosen.email,
        subject: `${owner} would like you to verify an entry in their portfolio`,
        text: `Hello ${chosen.name},\n\n${owner} (${viewer.organisationName}) has asked you to confirm an entry in their professional development portfolio: “${page.entry.title}”.\n\nYou can read the entry and confirm it with a short statement, or decline and say why, here:\n\n${deps.config.BASE_URL}/portfolio/verify/${token}\n\nYou don’t need an account. The link opens this one entry and nothing else, works until you answer, and stops working on ${formatDate(new Date(now.getTime() + LINK_DAYS * DAY).toISOString())}.\n`,
      });
    await recordAudit(trx, deps.clock, {
      action: 'portfolio_verification_requested',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'portfolio_entry',
      subjectId: page.entry.id,
      detail: { verificationId: id, relationship, outside: !chosen.personId },
      requestId,
    });
  });
}

// ----- Answering a request -----

/** A request and its entry, for the verifier to read and answer. */
export interface VerificationToAnswer {
  request: PortfolioVerification;
  owner: string;
  view: EntryView;
  /** The verifier's job title on Waymark, to suggest as their role. */
  suggestedRole: string;
}

async function loadToAnswer(db: Executor, request: PortfolioVerification): Promise<VerificationToAnswer> {
  const entry = await q.findEntry(db, request.entry_id);
  if (!entry) throw new NotFound();
  const [owner, verifier] = await Promise.all([
    findPersonSummary(db, entry.person_id),
    request.verifier_person_id ? findPersonSummary(db, request.verifier_person_id) : undefined,
  ]);
  return {
    request,
    owner: owner ? fullName(owner) : 'A colleague',
    view: await describeEntry(db, entry),
    suggestedRole: request.verifier_role ?? verifier?.job_title ?? (request.relationship === 'line_manager' ? 'Line manager' : ''),
  };
}

/** A request named for the signed-in viewer; anyone else gets not found. */
export async function getVerificationForColleague(deps: AppDeps, viewer: Viewer, requestId: string): Promise<VerificationToAnswer> {
  const request = await q.findVerification(deps.db, requestId);
  if (!request || !isNamedVerifier(viewer, request)) throw new NotFound();
  return loadToAnswer(deps.db, request);
}

// Links that match nothing, from one address: tokens can't be guessed, but a flood of tries is refused.
const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

async function takeAttempt(deps: AppDeps, key: string): Promise<CountedAttempt[]> {
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[key, UNKNOWN_LINK_LIMITS]]);
  if (reservation.admitted) return reservation.attempts;
  const until = reservation.lockedUntil;
  throw new TooManyRequests(
    `Too many links that do not work have been opened from your network. Wait ${describeWait(until, now)} and try again.`,
    Math.ceil((until.getTime() - now.getTime()) / 1000),
  );
}

/** An emailed link: the one request it is for. Unknown tokens are not found (and counted, per address). */
export async function openVerificationLink(deps: AppDeps, token: string, address: string | null): Promise<VerificationToAnswer> {
  const attempts = await takeAttempt(deps, `portfolio-link:address:${address ?? 'unknown'}`);
  const request = looksLikeToken(token) ? await q.findVerificationByTokenHash(deps.db, hashToken(token)) : undefined;
  if (!request) throw new NotFound();
  await refundAttempts(deps.db, attempts);
  return loadToAnswer(deps.db, request);
}

/**
 * A file attached to the entry a verifier is asked about, while the request is waiting for their
 * answer. Each download is in the audit log, with the entry's owner as the person affected: by the
 * colleague on Waymark, or (no one signed in) by the verifier the emailed link was sent to.
 */
export async function readAttachmentForVerifier(
  deps: AppDeps,
  toAnswer: VerificationToAnswer,
  attachmentId: string,
  read: { viewerId: string | null; requestId: string | null; ipAddress: string | null },
) {
  if (answerState(toAnswer.request, deps.clock.now()) !== 'open') throw new NotFound();
  const { entry } = toAnswer.view;
  const attachment = await q.findAttachment(deps.db, entry.id, attachmentId);
  if (!attachment?.file_id) throw new NotFound();
  const stored = await readFile(deps.db, attachment.file_id);
  if (!stored) throw new NotFound();
  await recordAudit(deps.db, deps.clock, {
    action: 'file_downloaded',
    organisationId: entry.organisation_id,
    actorId: read.viewerId,
    subjectType: 'portfolio_attachment',
    subjectId: attachment.id,
    personId: entry.person_id,
    detail: {
      file: 'portfolio attachment',
      fileName: stored.file.file_name,
      entryId: entry.id,
      verificationId: toAnswer.request.id,
      ...(read.viewerId ? {} : { by: `verifier by emailed link (${toAnswer.request.verifier_email})` }),
    },
    ipAddress: read.ipAddress,
    requestId: read.requestId,
  });
  return stored;
}

/** Whether a request can still be answered: waiting, and not expired. */
export function answerState(request: PortfolioVerification, now: Date): 'open' | 'answered' | 'withdrawn' | 'expired' {
  if (request.status === 'confirmed' || request.status === 'declined') return 'answered';
  if (request.status === 'withdrawn') return 'withdrawn';
  return request.expires_at <= now.toISOString() ? 'expired' : 'open';
}

/**
 * The verifier confirms (with their role and a statement) or declines (with a reason). Confirming
 * makes the request the entry's verification. The owner is told either way. Refused once answered,
 * replaced or expired (409).
 */
export async function answerRequest(deps: AppDeps, toAnswer: VerificationToAnswer, values: FormValues, actorId: string | null, requestId: string | null) {
  const { request } = toAnswer;
  if (answerState(request, deps.clock.now()) !== 'open') throw new Conflict('This request has already been answered, replaced or has expired.');
  const decision = values.decision ?? '';
  const errors: FieldErrors = {};
  const role = (values.role ?? '').trim();
  const statement = (values.statement ?? '').trim();
  const reason = (values.reason ?? '').trim();
  if (decision === 'confirm') {
    if (!role) errors.role = 'Enter your role';
    else if (role.length > TITLE_MAX) errors.role = `Your role must be ${TITLE_MAX} characters or fewer`;
    if (!statement) errors.statement = 'Enter a short statement of what you can confirm';
    else if (statement.length > TEXT_MAX) errors.statement = `Your statement must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
  } else if (decision === 'decline') {
    if (!reason) errors.reason = 'Enter why you are declining';
    else if (reason.length > TEXT_MAX) errors.reason = `Your reason must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
  } else errors.decision = 'Select whether you can confirm the entry';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const entry = toAnswer.view.entry;
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const done = await q.answerVerification(trx, request.id, {
      status: decision === 'confirm' ? 'confirmed' : 'declined',
      verifier_role: decision === 'confirm' ? role : null,
      statement: decision === 'confirm' ? statement : null,
      decline_reason: decision === 'decline' ? reason : null,
      answered_at: now,
    });
    if (!done) throw new Conflict('This request has already been answered.');
    if (decision === 'confirm')
      await q.updateEntry(trx, entry.id, { verification_id: request.id, verification_cleared_at: null, verification_cleared_name: null });
    await notify(trx, deps.clock, {
      personId: entry.person_id,
      kind: 'portfolio_update',
      subject:
        decision === 'confirm'
          ? `${request.verifier_name} verified “${entry.title}” in your portfolio`
          : `${request.verifier_name} declined to verify “${entry.title}”`,
      paragraphs: [
        decision === 'confirm'
          ? `${request.verifier_name} (${role}) confirmed your entry: “${statement}”`
          : `${request.verifier_name} did not confirm your entry. Their reason: “${reason}”. You can change the entry, or ask someone else.`,
      ],
      link: `/portfolio/entries/${entry.id}`,
      linkText: 'See the entry:',
    });
    await recordAudit(trx, deps.clock, {
      action: 'portfolio_verification_answered',
      organisationId: entry.organisation_id,
      actorId,
      subjectType: 'portfolio_entry',
      subjectId: entry.id,
      detail: { verificationId: request.id, decision, outside: request.verifier_person_id === null },
      requestId,
    });
  });
}
