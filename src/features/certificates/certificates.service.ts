import type { Config } from '../../config';
import { recordAudit } from '../../platform/audit/audit';
import type { CompletionReport } from '../../platform/completion';
import { MINUTE, type Clock } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests } from '../../platform/http/errors';
import { isOrgAdmin } from '../../platform/http/access';
import { looksLikeToken, newToken } from '../../platform/http/tokens';
import { describeWait, lookUpCountingMisses, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { cohortCompletion, completeEnrolmentInCohort, type EnrolmentCompleted, findEnrolmentRecord } from '../enrolments';
import { listAllOrganisations } from '../organisations';
import { findProgramme, pathwayTitle, programmeFocusSkills } from '../programmes';
import { findProjectOfEnrolment, projectPublicSummary } from '../projects';
import { findPersonIdentifiers } from '../staff';
import { type CredentialCheck, type CredentialFacts, checkCredential, publishStatusList, signCertificateCredential } from './certificates.credential';
import * as q from './certificates.queries';
import { canConfirmCompletion, canRevoke } from './certificates.policy';
import type { Certificate } from './certificates.tables';

/** A requirement as the completion engine reported it when completion was confirmed. */
export interface ConfirmedCriterion {
  title: string;
  /** What it asks, in words for anyone reading the certificate. */
  description: string;
  /** What the engine said about this person: "Signed off by …", "4 of 5 sessions (80%)". */
  result: string;
  met: boolean;
}

function criteriaOf(report: CompletionReport): ConfirmedCriterion[] {
  return report.requirements.map((r) => ({ title: r.title, description: r.description.others, result: r.reason, met: r.status === 'met' }));
}

export function parseCriteria(json: string): ConfirmedCriterion[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ConfirmedCriterion[]) : [];
  } catch {
    return [];
  }
}

export function parseSkills(json: string): { code: string; title: string }[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as { code: string; title: string }[]) : [];
  } catch {
    return [];
  }
}

// ----- Confirming completion for a cohort -----

/** The cohort's participants in four groups: ready to complete, not met yet (and why), completed (with the certificate), and the rest. */
export async function getCompletionPage(deps: AppDeps, viewer: Viewer, cohortId: string) {
  if (!canConfirmCompletion(viewer)) throw new Forbidden();
  const data = await cohortCompletion(deps, viewer.organisationId, cohortId);
  if (!data) throw new NotFound();
  const certificates = await q.codesOfEnrolments(
    deps.db,
    data.rows.map((r) => r.id),
  );
  const named = data.rows.map((r) => ({
    enrolmentId: r.id,
    name: `${r.given_name} ${r.family_name}`,
    school: r.school_name,
    status: r.status,
    report: r.report,
    certificate: certificates.get(r.id) ?? null,
  }));
  return {
    cohort: data.cohort,
    ready: named.filter((r) => r.status === 'active' && r.report.mayGraduate),
    notYet: named.filter((r) => r.status === 'active' && !r.report.mayGraduate),
    completed: named.filter((r) => r.status === 'completed'),
    elsewhere: named.filter((r) => r.status === 'deferred' || r.status === 'withdrawn'),
  };
}
export type CompletionPage = Awaited<ReturnType<typeof getCompletionPage>>;

/**
 * Confirms completion for the chosen participants (enrolment ids), all in one transaction: each
 * must have met every requirement, or nothing is completed (Invalid saying who and why).
 * Each completion goes through the enrolment lifecycle; its certificate is issued when the worker
 * delivers `enrolment.completed`. Returns how many were completed.
 */
export async function confirmCompletion(deps: AppDeps, viewer: Viewer, cohortId: string, enrolmentIds: string[], requestId: string | null): Promise<number> {
  if (!canConfirmCompletion(viewer)) throw new Forbidden();
  const chosen = [...new Set(enrolmentIds.filter((id) => id.length > 0))];
  if (chosen.length === 0) throw new Invalid({ enrolmentIds: 'Select at least one participant whose completion you are confirming' });
  await complete(
    deps,
    viewer,
    cohortId,
    chosen.map((enrolmentId) => ({ enrolmentId, exceptionReason: null })),
    requestId,
    'enrolmentIds',
  );
  return chosen.length;
}

/** A participant who has not met every requirement, with their report, for recording completion as an exception. */
export async function getExceptionForm(deps: AppDeps, viewer: Viewer, cohortId: string, enrolmentId: string) {
  const page = await getCompletionPage(deps, viewer, cohortId);
  const participant = page.notYet.find((r) => r.enrolmentId === enrolmentId);
  if (!participant) {
    if (
      page.ready.some((r) => r.enrolmentId === enrolmentId) ||
      page.completed.some((r) => r.enrolmentId === enrolmentId) ||
      page.elsewhere.some((r) => r.enrolmentId === enrolmentId)
    )
      throw new Conflict('This participant does not need an exception: go back to the cohort’s completion page.');
    throw new NotFound();
  }
  return { cohort: page.cohort, participant };
}
export type ExceptionForm = Awaited<ReturnType<typeof getExceptionForm>>;

export const EXCEPTION_REASON_MAX = 1000;

/** Records completion although not every requirement is met; the reason is required and kept with the award. */
export async function recordException(deps: AppDeps, viewer: Viewer, form: ExceptionForm, reason: string, requestId: string | null): Promise<void> {
  const text = reason.trim();
  if (!text) throw new Invalid({ reason: 'Enter why completion is being recorded although not every requirement is met' });
  if (text.length > EXCEPTION_REASON_MAX) throw new Invalid({ reason: `The reason must be ${EXCEPTION_REASON_MAX} characters or fewer` });
  await complete(deps, viewer, form.cohort.id, [{ enrolmentId: form.participant.enrolmentId, exceptionReason: text }], requestId, 'reason');
}

async function complete(
  deps: AppDeps,
  viewer: Viewer,
  cohortId: string,
  list: { enrolmentId: string; exceptionReason: string | null }[],
  requestId: string | null,
  field: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const item of list) {
      let report: CompletionReport;
      try {
        report = await completeEnrolmentInCohort(trx, deps, {
          organisationId: viewer.organisationId,
          cohortId,
          enrolmentId: item.enrolmentId,
          actorId: viewer.id,
          exceptionReason: item.exceptionReason,
          requestId,
        });
      } catch (error) {
        // Nothing is completed: the transaction rolls back, and the page says who could not be.
        if (error instanceof Conflict) throw new Invalid({ [field]: `${error.message} Nobody was marked as completed.` });
        if (error instanceof NotFound) throw new Invalid({ [field]: 'One of the participants chosen is not in this cohort. Nobody was marked as completed.' });
        throw error;
      }
      const now = deps.clock.now().toISOString();
      await q.insertConfirmation(trx, {
        enrolment_id: item.enrolmentId,
        organisation_id: viewer.organisationId,
        criteria: JSON.stringify(criteriaOf(report)),
        exception_reason: report.mayGraduate ? null : item.exceptionReason,
        confirmed_by: viewer.id,
        confirmed_at: now,
      });
      await recordAudit(trx, deps.clock, {
        action: 'completion_confirmed',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'enrolment',
        subjectId: item.enrolmentId,
        detail: { cohortId, exception: !report.mayGraduate },
        requestId,
      });
    }
  });
}

// ----- Issuing (the worker, on `enrolment.completed`) -----

/**
 * Issues the certificate for a completed enrolment, once: the award as it stands now (name,
 * programme and stage, cohort dates, issuer, the criteria the lead confirmed, focus skills, the
 * project's title) with a random verification code, and its Open Badges credential signed by the
 * organisation. Doing it again changes nothing.
 */
export async function issueCertificate(
  db: Db,
  clock: Clock,
  config: Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'>,
  completed: EnrolmentCompleted,
): Promise<string | null> {
  const existing = await q.findCertificateOfEnrolment(db, completed.enrolmentId);
  if (existing) return existing.id;
  const [enrolment, programme] = await Promise.all([
    findEnrolmentRecord(db, completed.organisationId, completed.enrolmentId),
    findProgramme(db, completed.organisationId, completed.programmeId),
  ]);
  if (!enrolment || !programme) return null;
  const [confirmation, skills, project, organisations, pathway, person] = await Promise.all([
    q.findConfirmation(db, enrolment.id),
    programmeFocusSkills(db, programme.id),
    findProjectOfEnrolment(db, enrolment.id),
    listAllOrganisations(db),
    programme.pathway_id ? pathwayTitle(db, completed.organisationId, programme.pathway_id) : Promise.resolve(undefined),
    findPersonIdentifiers(db, enrolment.person_id),
  ]);
  const summary = project ? await projectPublicSummary(db, completed.organisationId, project.id) : undefined;
  const row = {
    organisation_id: completed.organisationId,
    enrolment_id: enrolment.id,
    person_id: enrolment.person_id,
    code: newToken(),
    recipient_name: `${enrolment.given_name} ${enrolment.family_name}`,
    programme_title: programme.title,
    stage: pathway && programme.stage_position ? `Stage ${programme.stage_position} of ${pathway}` : null,
    cohort_name: enrolment.cohort_name,
    started_on: enrolment.starts_on,
    completed_at: completed.completedAt,
    issuer_name: organisations.find((o) => o.id === completed.organisationId)?.name ?? '',
    criteria: confirmation?.criteria ?? '[]',
    exception_reason: confirmation?.exception_reason ?? null,
    skills: JSON.stringify(skills.map((s) => ({ code: s.code, title: s.title }))),
    project_title: summary?.title ?? null,
  };
  const facts: Omit<CredentialFacts, 'credentialId' | 'statusIndex' | 'issuedAt'> = {
    certificate: { ...row, criteria: parseCriteria(row.criteria) },
    programmeSummary: programme.summary,
    skills: skills.map((s) => ({ code: s.code, title: s.title, domain_title: s.domain_title })),
    email: person?.email_normalised ?? '',
    trn: person?.trn ?? null,
  };
  // A status list entry taken at the same moment by another certificate: sign again with another.
  for (let attempt = 0; ; attempt++) {
    const signed = await signCertificateCredential(db, clock, config, facts);
    const id = newId();
    try {
      await db.transaction().execute(async (trx) => {
        await q.insertCertificate(trx, {
          ...row,
          id,
          issued_at: clock.now().toISOString(),
          revoked_at: null,
          revoked_by: null,
          revoked_reason: null,
          credential_id: signed.credentialId,
          credential: signed.credential,
          status_index: signed.statusIndex,
        });
        await recordAudit(trx, clock, {
          action: 'certificate_issued',
          organisationId: completed.organisationId,
          subjectType: 'certificate',
          subjectId: id,
          detail: { enrolmentId: enrolment.id, credentialId: signed.credentialId },
        });
      });
      return id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Delivered twice at once: the other delivery issued it.
      const issued = await q.findCertificateOfEnrolment(db, completed.enrolmentId);
      if (issued) return issued.id;
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * The certificate's signed credential. Certificates issued before credentials were signed get one
 * now, once (signed as of now, with the organisation's current key).
 */
export async function credentialOf(
  deps: { db: Db; clock: Clock; config: Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'> },
  certificate: Certificate,
): Promise<string> {
  if (certificate.credential) return certificate.credential;
  const enrolment = await findEnrolmentRecord(deps.db, certificate.organisation_id, certificate.enrolment_id);
  const [programme, skills, person] = await Promise.all([
    enrolment ? findProgramme(deps.db, certificate.organisation_id, enrolment.programme_id) : Promise.resolve(undefined),
    enrolment ? programmeFocusSkills(deps.db, enrolment.programme_id) : Promise.resolve([]),
    findPersonIdentifiers(deps.db, certificate.person_id),
  ]);
  const stored = parseSkills(certificate.skills);
  const signed = await signCertificateCredential(deps.db, deps.clock, deps.config, {
    certificate: { ...certificate, criteria: parseCriteria(certificate.criteria) },
    programmeSummary: programme?.summary ?? '',
    skills: stored.map((s) => ({ ...s, domain_title: skills.find((k) => k.code === s.code)?.domain_title ?? 'Skill' })),
    email: person?.email_normalised ?? '',
    trn: person?.trn ?? null,
  });
  await deps.db.transaction().execute(async (trx) => {
    await q.lockStatusList(trx, certificate.organisation_id);
    await q.attachCredential(trx, certificate.id, { credential_id: signed.credentialId, credential: signed.credential, status_index: signed.statusIndex });
    if (certificate.revoked_at) await publishStatusList(trx, deps.clock, deps.config, certificate.organisation_id);
  });
  return (await q.findCertificateByCode(deps.db, certificate.code))?.credential ?? signed.credential;
}

/**
 * The worker's sweep: signs the credentials of certificates that have none (issued before
 * credentials were signed, or made by the demo), a batch at a time. Safe on several workers: a
 * credential is only ever attached once. Returns how many it signed.
 */
export async function signMissingCredentials(db: Db, clock: Clock, config: Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'>): Promise<number> {
  const certificates = await q.certificatesWithoutCredential(db, 50);
  for (const certificate of certificates) await credentialOf({ db, clock, config }, certificate);
  return certificates.length;
}

// ----- Verifying (anyone, no sign-in) -----

// Codes that match nothing, from one address: codes can't be guessed, but a flood of tries is refused.
const UNKNOWN_CODE_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

/**
 * The certificate with this code, for anyone; undefined when no certificate was ever issued with
 * it. Codes that match nothing count against the address, as other public links do; a code that
 * matches writes nothing.
 */
export async function verifyCertificate(deps: AppDeps, code: string, address: string | null): Promise<Certificate | undefined> {
  const now = deps.clock.now();
  const looked = await lookUpCountingMisses(deps.db, now, `certificate-code:address:${address ?? 'unknown'}`, UNKNOWN_CODE_LIMITS, async () =>
    looksLikeToken(code) ? await q.findCertificateByCode(deps.db, code) : undefined,
  );
  if (!looked.admitted) {
    const until = looked.lockedUntil;
    throw new TooManyRequests(
      `Too many certificate codes that do not match have been checked from your network. Wait ${describeWait(until, now)} and try again.`,
      Math.ceil((until.getTime() - now.getTime()) / 1000),
    );
  }
  return looked.found;
}

/** The signed-in person's own certificates. */
export function myCertificates(deps: AppDeps, viewer: Viewer) {
  return q.listCertificatesOf(deps.db, viewer.id);
}

// ----- Revoking (programme leads) -----

export const REVOKE_REASON_MAX = 1000;

/** A certificate a programme lead may revoke; NotFound for anyone else (and codes of other organisations). */
export async function getCertificateToRevoke(deps: AppDeps, viewer: Viewer, code: string): Promise<Certificate> {
  const certificate = looksLikeToken(code) ? await q.findCertificateByCode(deps.db, code) : undefined;
  if (!certificate || certificate.organisation_id !== viewer.organisationId) throw new NotFound();
  if (!canRevoke(viewer, certificate)) throw new Forbidden('Only a programme lead can revoke a certificate.');
  return certificate;
}

/** Revokes the certificate with a reason, audited; the verification page then says it is revoked and when. */
export async function revoke(deps: AppDeps, viewer: Viewer, certificate: Certificate, reason: string, requestId: string | null): Promise<void> {
  const text = reason.trim();
  if (certificate.revoked_at) throw new Invalid({ reason: 'This certificate has already been revoked' });
  if (!text) throw new Invalid({ reason: 'Enter why the certificate is being revoked' });
  if (text.length > REVOKE_REASON_MAX) throw new Invalid({ reason: `The reason must be ${REVOKE_REASON_MAX} characters or fewer` });
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    await q.lockStatusList(trx, certificate.organisation_id);
    if (!(await q.revokeCertificate(trx, certificate.id, { revoked_at: now, revoked_by: viewer.id, revoked_reason: text })))
      throw new Invalid({ reason: 'This certificate has already been revoked' });
    // The organisation's status list is re-signed with this certificate's entry set.
    if (certificate.status_index !== null) await publishStatusList(trx, deps.clock, deps.config, certificate.organisation_id);
    await recordAudit(trx, deps.clock, {
      action: 'certificate_revoked',
      organisationId: certificate.organisation_id,
      actorId: viewer.id,
      subjectType: 'certificate',
      subjectId: certificate.id,
      detail: { reason: text, enrolmentId: certificate.enrolment_id },
      requestId,
    });
  });
}

// ----- Signing keys (organisation admins) -----

/** The organisation's signing keys, current first. */
export function signingKeys(deps: AppDeps, viewer: Viewer) {
  if (!isOrgAdmin(viewer)) throw new Forbidden('Only an organisation admin can see the certificate signing key.');
  return q.listIssuerKeys(deps.db, viewer.organisationId);
}

// ----- Checking a credential file (anyone, no sign-in) -----

/** Largest credential accepted for checking: a certificate's credential is a few kilobytes. */
export const CREDENTIAL_MAX_BYTES = 256 * 1024;

// Checks that find nothing genuine, from one address: each costs some work, so a flood is refused.
const CREDENTIAL_CHECK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 30, firstWaitMs: 5_000, refuseFrom: 60, refusalMs: 15 * MINUTE };

/**
 * Checks a credential someone pasted or uploaded. Bad input (nothing given, both given, not JSON,
 * too large) is Invalid, field by field; otherwise the check's outcome. Checks that are not
 * genuine count against the address, as unknown certificate codes do.
 */
export async function checkPostedCredential(deps: AppDeps, input: { text: string; file: File | undefined }, address: string | null): Promise<CredentialCheck> {
  const file = input.file && input.file.size > 0 ? input.file : undefined;
  const pasted = input.text.trim();
  if (!pasted && !file) throw new Invalid({ credential: 'Paste the credential, or choose its file' });
  if (pasted && file) throw new Invalid({ credential: 'Paste the credential or choose its file, not both' });
  if (file && file.size > CREDENTIAL_MAX_BYTES) throw new Invalid({ file: 'The file must be 256 KB or smaller: a credential is a few kilobytes' });
  if (!file && Buffer.byteLength(pasted) > CREDENTIAL_MAX_BYTES)
    throw new Invalid({ credential: 'The credential must be 256 KB or smaller: a credential is a few kilobytes' });
  const text = file ? (await file.text()).trim() : pasted;
  const field = file ? 'file' : 'credential';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Invalid({
      [field]: file
        ? 'The file is not a credential: it is not JSON'
        : 'The text is not a credential: it is not JSON. Paste all of it, from the first { to the last }',
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Invalid({
      [field]: file
        ? 'The file is not a credential: a credential is a JSON object'
        : 'The text is not a credential: a credential is a JSON object, from { to }',
    });

  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`credential-check:address:${address ?? 'unknown'}`, CREDENTIAL_CHECK_LIMITS]]);
  if (!reservation.admitted) {
    const until = reservation.lockedUntil;
    throw new TooManyRequests(
      `Too many credentials that are not genuine have been checked from your network. Wait ${describeWait(until, now)} and try again.`,
      Math.ceil((until.getTime() - now.getTime()) / 1000),
    );
  }
  const check = await checkCredential(deps.db, deps.clock, deps.config.BASE_URL, parsed);
  if (check.outcome !== 'not-genuine') await refundAttempts(deps.db, reservation.attempts);
  else deps.logger.info({ reason: check.reason }, 'credential check: not genuine');
  return check;
}
