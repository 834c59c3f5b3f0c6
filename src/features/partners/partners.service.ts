import { recordAudit } from '../../platform/audit/audit';
import { DAY } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { londonDate, parseDateParts } from '../../platform/dates';
import type { OutsideSchoolsOf } from '../../platform/contributions';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { type FieldErrors, Invalid, NotFound } from '../../platform/http/errors';
import { hashToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { issueToken, normaliseEmail } from '../auth';
import { cohortsOfProgramme, moveDraftApplicationsToSchool, windowState } from '../cohorts';
import { findSchoolOnList, type SchoolListEntry, searchSchoolList } from '../establishments';
import { listAllOrganisations } from '../organisations';
import { findProgramme } from '../programmes';
import { buildSearchText, findPersonByEmail, findPersonColumns, insertPeople, LEADERSHIP_LEVELS, type LeadershipLevel, updatePeopleColumns } from '../staff';
import * as q from './partners.queries';
import type { OpenTo } from './partners.tables';

/** How long a sign-up link works. */
export const SIGN_UP_LINK_DAYS = 2;

export const OPEN_TO_LABELS: Record<OpenTo, string> = {
  own_staff: 'Our own staff only',
  partners: 'Our staff and the staff of partner organisations on Waymark',
  any_school: 'Staff of any school in England',
};

/** A programme's opening, for its settings page. */
export async function getOpening(deps: Pick<AppDeps, 'db'>, viewer: Viewer, programmeId: string) {
  const programme = await findProgramme(deps.db, viewer.organisationId, programmeId);
  if (!programme) throw new NotFound();
  const opening = await q.findOpening(deps.db, programmeId);
  const partnerIds = await q.listOpeningPartners(deps.db, programmeId);
  const organisations = (await listAllOrganisations(deps.db as Db)).filter((o) => o.id !== viewer.organisationId);
  return { programme, openTo: (opening?.open_to ?? 'own_staff') as OpenTo, partnerIds, organisations };
}

/**
 * Opens a programme's cohorts to its own staff only, to named partner organisations on this
 * installation, or to staff of any school in England (who sign up with their work email).
 */
export async function saveOpening(
  deps: AppDeps,
  viewer: Viewer,
  programmeId: string,
  values: { openTo?: string; partners: string[] },
  requestId: string | null,
) {
  const current = await getOpening(deps, viewer, programmeId);
  const openTo = values.openTo as OpenTo;
  const errors: FieldErrors = {};
  if (!(openTo in OPEN_TO_LABELS)) errors.openTo = 'Select who may apply';
  const known = new Set(current.organisations.map((o) => o.id));
  const partnerIds = [...new Set(values.partners)].filter((id) => known.has(id));
  if (openTo === 'partners' && partnerIds.length === 0) errors.partners = 'Select at least one partner organisation';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await q.saveOpening(trx, { programmeId, organisationId: viewer.organisationId, openTo, partnerIds, by: viewer.id, at: deps.clock.now().toISOString() });
    await recordAudit(trx, deps.clock, {
      action: 'programme_opening_changed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: programmeId,
      detail: { openTo, partnerIds },
      requestId,
    });
  });
}

/** One cohort taking applications from any school. */
export interface OpenCohort {
  cohortId: string;
  organisationId: string;
  cohortName: string;
  programmeTitle: string;
  programmeSummary: string;
  providerName: string;
  closesOn: string;
  startsOn: string;
}

/** Cohorts open to any school whose application window is open today, across the installation. */
export async function listOpenCohorts(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<OpenCohort[]> {
  const today = londonDate(deps.clock.now());
  const names = new Map((await listAllOrganisations(deps.db as Db)).map((o) => [o.id, o.name]));
  const out: OpenCohort[] = [];
  for (const opening of await q.listOpenToAnySchool(deps.db)) {
    const programme = await findProgramme(deps.db, opening.organisation_id, opening.programme_id);
    if (programme?.status !== 'open') continue;
    for (const cohort of await cohortsOfProgramme(deps.db, opening.organisation_id, programme.id)) {
      if (windowState(cohort, today) !== 'open') continue;
      out.push({
        cohortId: cohort.id,
        organisationId: opening.organisation_id,
        cohortName: cohort.name,
        programmeTitle: programme.title,
        programmeSummary: programme.summary,
        providerName: names.get(opening.organisation_id) ?? '',
        closesOn: cohort.applications_close_on,
        startsOn: cohort.starts_on,
      });
    }
  }
  return out.sort((a, b) => a.programmeTitle.localeCompare(b.programmeTitle) || a.cohortName.localeCompare(b.cohortName));
}

/** An open cohort by id, or NotFound: sign-ups are only for cohorts open to any school, while they take applications. */
export async function findOpenCohort(deps: Pick<AppDeps, 'db' | 'clock'>, cohortId: string): Promise<OpenCohort> {
  const found = (await listOpenCohorts(deps)).find((c) => c.cohortId === cohortId);
  if (!found) throw new NotFound();
  return found;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Someone from another school asks to apply. The same page follows whatever the address: a new
 * address gets a link to confirm it and join; an address already on Waymark gets a sign-in link
 * instead (so the page never says whether an address has an account).
 */
export async function requestSignUp(deps: AppDeps, cohortId: string, values: { email?: string }): Promise<string> {
  const cohort = await findOpenCohort(deps, cohortId);
  const email = (values.email ?? '').trim();
  if (email === '') throw new Invalid({ email: 'Enter your work email address' });
  if (email.length > 254 || !EMAIL.test(email)) throw new Invalid({ email: 'Enter an email address in the correct format, like name@school.org.uk' });
  const key = normaliseEmail(email);
  const where = `${cohort.programmeTitle} (${cohort.cohortName}), run by ${cohort.providerName}`;
  await deps.db.transaction().execute(async (trx) => {
    const existing = await findPersonByEmail(trx, key);
    if (existing) {
      if (existing.status !== 'active') return;
      const token = await issueToken(trx, deps, existing.id, 'sign_in_link');
      await enqueueEmail(trx, deps.clock, {
        to: email,
        subject: 'Your Waymark sign-in link',
        text: `Hello,\n\nSomeone asked to apply for ${where} with this email address. You already have a Waymark account, so there is nothing to confirm: use this link to sign in. It works once, for 15 minutes:\n\n${deps.config.BASE_URL}/sign-in/link/${token}\n\nIf it wasn't you, you can ignore this email.\n`,
      });
      return;
    }
    const token = newToken();
    const now = deps.clock.now();
    await q.insertSignUp(trx, {
      id: newId(),
      token_hash: hashToken(token),
      email,
      email_normalised: key,
      organisation_id: cohort.organisationId,
      cohort_id: cohort.cohortId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SIGN_UP_LINK_DAYS * DAY).toISOString(),
      used_at: null,
    });
    await enqueueEmail(trx, deps.clock, {
      to: email,
      subject: `Confirm your email to apply for ${cohort.programmeTitle}`,
      text: `Hello,\n\nTo apply for ${where}, confirm this is your email address and tell us about your school with this link. It works for ${SIGN_UP_LINK_DAYS} days:\n\n${deps.config.BASE_URL}/join/${token}\n\nIf you didn't ask to apply, you can ignore this email.\n`,
    });
  });
  return email;
}

/** A sign-up link that still works, with its cohort; or why not. */
export async function checkSignUp(deps: Pick<AppDeps, 'db' | 'clock'>, token: string) {
  const signUp = await q.findSignUp(deps.db, hashToken(token));
  if (!signUp) return { ok: false as const, reason: 'unknown' as const };
  if (signUp.used_at) return { ok: false as const, reason: 'used' as const };
  if (signUp.expires_at <= deps.clock.now().toISOString()) return { ok: false as const, reason: 'expired' as const };
  const cohort = await findOpenCohort(deps, signUp.cohort_id).catch(() => null);
  if (!cohort) return { ok: false as const, reason: 'closed' as const };
  return { ok: true as const, signUp, cohort };
}

export interface JoinValues extends SchoolAndRoleValues {
  givenName?: string;
  familyName?: string;
  staffType?: string;
}

/** The matches for the school picker on the join page. */
export function findSchools(deps: Pick<AppDeps, 'db'>, query: string): Promise<SchoolListEntry[]> {
  return searchSchoolList(deps.db, query);
}

/** An outside applicant's answers about their school and role, as joining and changing them later both ask. */
export interface SchoolAndRoleValues {
  jobTitle?: string;
  leadershipLevel?: string;
  'startedInSchoolsOn-day'?: string;
  'startedInSchoolsOn-month'?: string;
  'startedInSchoolsOn-year'?: string;
  schoolQuery?: string;
  schoolUrn?: string;
  headteacherName?: string;
  headteacherEmail?: string;
}

type CheckedSchoolAndRole =
  | { ok: false; errors: FieldErrors }
  | {
      ok: true;
      errors: FieldErrors;
      jobTitle: string;
      leadershipLevel: LeadershipLevel;
      startedInSchoolsOn: string;
      school: SchoolListEntry;
      headteacherName: string;
      headteacherEmail: string;
    };

/**
 * Checks the school (from the school list; an unknown or closed URN is refused), job title,
 * leadership level, start date and headteacher. A programme's eligibility rules read the level and
 * date from the staff record, and nobody else can record them for someone whose school is not on
 * Waymark: so the applicant gives them, as a school's admin would record them.
 */
async function checkSchoolAndRole(deps: Pick<AppDeps, 'db' | 'clock'>, values: SchoolAndRoleValues, ownEmail: string): Promise<CheckedSchoolAndRole> {
  const errors: FieldErrors = {};
  const text = (v: string | undefined) => (v ?? '').trim();
  const jobTitle = text(values.jobTitle);
  if (jobTitle === '') errors.jobTitle = 'Enter your job title';
  else if (jobTitle.length > 150) errors.jobTitle = 'Enter 150 characters or fewer';
  const level = values.leadershipLevel ?? '';
  const leadershipLevel = Object.hasOwn(LEADERSHIP_LEVELS, level) ? (level as LeadershipLevel) : null;
  if (leadershipLevel === null) errors.leadershipLevel = 'Select your leadership role now';
  const started = parseDateParts(values['startedInSchoolsOn-day'] ?? '', values['startedInSchoolsOn-month'] ?? '', values['startedInSchoolsOn-year'] ?? '');
  if ('error' in started)
    errors.startedInSchoolsOn =
      started.error === 'empty'
        ? 'Enter the date you started teaching or working in schools'
        : 'The date you started teaching or working in schools must be a real date, for example 1 9 2015';
  else if (started.date > londonDate(deps.clock.now()))
    errors.startedInSchoolsOn = 'The date you started teaching or working in schools must be today or in the past';
  const urn = text(values.schoolUrn) || (/^\d{6}$/.test(text(values.schoolQuery)) ? text(values.schoolQuery) : '');
  const school = urn ? await findSchoolOnList(deps.db, urn) : undefined;
  if (!urn) errors.schoolQuery = 'Search for your school and choose it';
  else if (!school) errors.schoolQuery = `No school on the list has the URN ${urn}. Check the URN, or search by the school’s name or postcode`;
  else if (!school.isOpen) errors.schoolQuery = `${school.name} is ${school.status.toLowerCase()} on the school list. Choose the school you work at now`;
  const headteacherName = text(values.headteacherName);
  if (headteacherName === '') errors.headteacherName = 'Enter your headteacher’s name';
  else if (headteacherName.length > 150) errors.headteacherName = 'Enter 150 characters or fewer';
  const headteacherEmail = text(values.headteacherEmail);
  if (headteacherEmail === '') errors.headteacherEmail = 'Enter your headteacher’s email address';
  else if (!EMAIL.test(headteacherEmail)) errors.headteacherEmail = 'Enter an email address in the correct format, like head@school.org.uk';
  else if (normaliseEmail(headteacherEmail) === ownEmail) errors.headteacherEmail = 'Enter your headteacher’s email address, not your own';
  if (Object.keys(errors).length > 0 || leadershipLevel === null || 'error' in started || !school) return { ok: false, errors };
  return { ok: true, errors, jobTitle, leadershipLevel, startedInSchoolsOn: started.date, school, headteacherName, headteacherEmail };
}

/**
 * Joins the provider's organisation as an outside applicant: their name, role, school (from the
 * school list; an unknown URN is refused) and headteacher. Spends the link, and returns a sign-in
 * link's path so they can go on to apply.
 */
export async function completeJoin(deps: AppDeps, token: string, values: JoinValues): Promise<string> {
  const check = await checkSignUp(deps, token);
  if (!check.ok) throw new NotFound();
  const errors: FieldErrors = {};
  const text = (v: string | undefined) => (v ?? '').trim();
  if (text(values.givenName) === '') errors.givenName = 'Enter your first name';
  if (text(values.familyName) === '') errors.familyName = 'Enter your last name';
  if (values.staffType !== 'teaching' && values.staffType !== 'associate') errors.staffType = 'Select whether you are teaching or support staff';
  for (const [field, limit] of [
    ['givenName', 100],
    ['familyName', 100],
  ] as const)
    if (text(values[field]).length > limit) errors[field] = `Enter ${limit} characters or fewer`;
  const checked = await checkSchoolAndRole(deps, values, check.signUp.email_normalised);
  Object.assign(errors, checked.errors);
  if (Object.keys(errors).length > 0 || !checked.ok) throw new Invalid(errors);
  const { school, leadershipLevel, startedInSchoolsOn, headteacherEmail: headEmail } = checked;

  const { signUp } = check;
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    if (!(await q.spendSignUp(trx, signUp.id, now))) throw new NotFound();
    // Someone may have joined with this address since the link was sent: then a sign-in link is the answer.
    const existing = await findPersonByEmail(trx, signUp.email_normalised);
    if (existing) return `/sign-in/link/${await issueToken(trx, deps, existing.id, 'sign_in_link')}`;
    const personId = newId();
    const columns = {
      title: null,
      given_name: text(values.givenName),
      family_name: text(values.familyName),
      email: signUp.email,
      email_normalised: signUp.email_normalised,
      job_title: checked.jobTitle,
      staff_type: values.staffType as 'teaching' | 'associate',
      started_in_schools_on: startedInSchoolsOn,
      leadership_level: leadershipLevel,
      trn: null,
      mis_staff_id: null,
      school_id: null,
    };
    await insertPeople(
      trx,
      signUp.organisation_id,
      [{ id: personId, columns: { ...columns, search_text: buildSearchText(columns) }, lineManagerId: null }],
      now,
    );
    await q.insertOutsideApplicant(trx, {
      person_id: personId,
      organisation_id: signUp.organisation_id,
      urn: school.urn,
      headteacher_name: checked.headteacherName,
      headteacher_email: headEmail,
      joined_at: now,
    });
    await recordAudit(trx, deps.clock, {
      action: 'outside_applicant_joined',
      organisationId: signUp.organisation_id,
      actorId: personId,
      subjectType: 'person',
      subjectId: personId,
      detail: { urn: school.urn, cohortId: signUp.cohort_id },
      requestId: null,
    });
    return `/sign-in/link/${await issueToken(trx, deps, personId, 'sign_in_link')}`;
  });
}

/** The outside schools of some people (the platform's `outsideSchoolsOf`): applications and rosters read them through it. */
export const outsideSchoolsOf: OutsideSchoolsOf = async (db, personIds) => {
  const rows = await q.listOutsideApplicants(db, personIds);
  return new Map(rows.map((r) => [r.person_id, { urn: r.urn, headteacherName: r.headteacher_name, headteacherEmail: r.headteacher_email }]));
};

/** The school an outside applicant named, for their record and rosters. */
export async function outsideApplicantSchool(deps: Pick<AppDeps, 'db'>, personId: string) {
  const applicant = await q.findOutsideApplicant(deps.db, personId);
  if (!applicant) return undefined;
  return { applicant, school: await findSchoolOnList(deps.db, applicant.urn) };
}

/**
 * The viewer's own school, job title, leadership level, start date and headteacher, when they joined
 * as an outside applicant (nobody else records these for them). NotFound for everyone else: staff
 * of the organisation's own schools have their record kept by their school's admin.
 */
export async function getOwnSchoolAndRole(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  const applicant = await q.findOutsideApplicant(deps.db, viewer.id);
  if (!applicant || applicant.organisation_id !== viewer.organisationId) throw new NotFound();
  const person = await findPersonColumns(deps.db, viewer.organisationId, viewer.id);
  if (!person || person.school_id !== null) throw new NotFound();
  return { applicant, person, school: await findSchoolOnList(deps.db, applicant.urn) };
}
export type OwnSchoolAndRole = Awaited<ReturnType<typeof getOwnSchoolAndRole>>;

/**
 * An outside applicant changes their school (from the school list), job title, leadership level,
 * start date or headteacher. Their staff record changes at once, so the eligibility of applications
 * not yet submitted is judged on it; drafts also take the new school and headteacher. Audited with
 * what was and what is. Nothing changes on bad input.
 */
export async function changeOwnSchoolAndRole(deps: AppDeps, viewer: Viewer, values: SchoolAndRoleValues, requestId: string | null): Promise<void> {
  const { applicant, person } = await getOwnSchoolAndRole(deps, viewer);
  const checked = await checkSchoolAndRole(deps, values, person.email_normalised);
  if (!checked.ok) throw new Invalid(checked.errors);
  const before = {
    urn: applicant.urn,
    jobTitle: person.job_title,
    leadershipLevel: person.leadership_level,
    startedInSchoolsOn: person.started_in_schools_on,
    headteacherName: applicant.headteacher_name,
    headteacherEmail: applicant.headteacher_email,
  };
  const after = {
    urn: checked.school.urn,
    jobTitle: checked.jobTitle,
    leadershipLevel: checked.leadershipLevel,
    startedInSchoolsOn: checked.startedInSchoolsOn,
    headteacherName: checked.headteacherName,
    headteacherEmail: checked.headteacherEmail,
  };
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const { id, line_manager_id: _manager, status: _status, ...kept } = person;
    const columns = {
      ...kept,
      job_title: checked.jobTitle,
      leadership_level: checked.leadershipLevel,
      started_in_schools_on: checked.startedInSchoolsOn,
    };
    await updatePeopleColumns(trx, [{ id, columns: { ...columns, search_text: buildSearchText(columns) } }], now);
    await q.updateOutsideApplicant(trx, id, {
      urn: checked.school.urn,
      headteacher_name: checked.headteacherName,
      headteacher_email: checked.headteacherEmail,
    });
    const schoolChanged = changed.some((k) => k === 'urn' || k === 'headteacherName' || k === 'headteacherEmail');
    const draftsChanged = schoolChanged
      ? await moveDraftApplicationsToSchool(
          trx,
          id,
          { urn: checked.school.urn, headteacherName: checked.headteacherName, headteacherEmail: checked.headteacherEmail },
          now,
        )
      : 0;
    await recordAudit(trx, deps.clock, {
      action: 'outside_applicant_details_changed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: id,
      detail: {
        changed,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        draftsChanged,
      },
      requestId,
    });
  });
}
