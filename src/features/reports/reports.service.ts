import { pipelineFlow } from './reports.flow';
import type { CompletionReport, EnrolmentFacts } from '../../platform/completion';
import type { Executor } from '../../platform/db/database';
import { formatDate, londonDate } from '../../platform/dates';
import { adminSchoolIds, isOrgAdmin, isProgrammeLead } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, NotFound } from '../../platform/http/errors';
import { APPLICATION_STATUSES } from '../cohorts';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../enrolments';
import { cohortInScope, type ReportChoices, type ReportQuery, reportChoices, requireValid } from './reports.filters';
import { canSeeProgress, schoolAccess } from './reports.policy';
import * as q from './reports.queries';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// ----- Work queues -----

/** One thing waiting for someone, as the home page lists it: a link to the page that does it. */
export interface WorkItem {
  href: string;
  text: string;
  hint: string;
}

/**
 * What waits for the viewer because of their roles: for programme leads (and organisation admins),
 * applications to decide, support overdue, registers to take, completions to confirm and projects
 * to assess; for anyone, outside 360 addresses to approve and projects they were named to assess.
 * Personal to-dos (their own applications, support asked of them) are the home page's own.
 */
export async function workQueue(db: Executor, viewer: Viewer, now: Date): Promise<WorkItem[]> {
  const lead = isProgrammeLead(viewer);
  const today = londonDate(now);
  const org = viewer.organisationId;
  const [toDecide, overdue, registers, completions, projects, approvals, toConfirm] = await Promise.all([
    lead ? q.applicationsToDecide(db, org) : [],
    lead ? q.endorsementsOverdue(db, org, today) : [],
    lead ? q.registersNotTaken(db, org, now.toISOString(), new Date(now.getTime() - q.REGISTER_WINDOW_DAYS * 86_400_000).toISOString()) : [],
    lead ? q.completionsToConfirm(db, org, today) : [],
    q.projectsToAssess(db, org, viewer.id, lead),
    lead || viewer.isLineManager ? q.feedbackApprovalsWaiting(db, org, viewer.id, lead, today) : 0,
    viewer.isLineManager ? q.projectsToConfirm(db, org, viewer.id) : [],
  ]);
  const items: WorkItem[] = [];
  for (const c of toDecide)
    items.push({
      href: `/cohorts/${c.cohort_id}/applications`,
      text: `${plural(Number(c.n), 'application is', 'applications are')} ready for your decision: ${c.programme_title}, ${c.cohort_name}`,
      hint: 'Their support is in (or was not needed). Accept, waitlist or decline each one.',
    });
  for (const c of overdue)
    items.push({
      href: `/cohorts/${c.cohort_id}/applications`,
      text: `${plural(Number(c.n), 'endorsement is', 'endorsements are')} overdue: ${c.programme_title}, ${c.cohort_name}`,
      hint: 'A line manager or headteacher has not answered by the date asked. Remind them, or decide without it.',
    });
  for (const s of registers)
    items.push({
      href: `/sessions/${s.id}/register`,
      text: `Take the register for ${s.title} (${s.cohort_name}, ${formatDate(londonDate(new Date(s.starts_at)))})`,
      hint: 'Nobody’s attendance has been recorded for this session yet.',
    });
  for (const c of completions)
    items.push({
      href: `/cohorts/${c.cohort_id}/completion`,
      text: `Confirm completion for ${c.programme_title}, ${c.cohort_name}`,
      hint: `The cohort has ended and ${plural(Number(c.n), 'participant is', 'participants are')} still active.`,
    });
  for (const p of projects)
    items.push({
      href: `/projects/${p.id}/assess`,
      text: `Assess ${p.given_name} ${p.family_name}’s project: ${p.title}`,
      hint: 'The project has been submitted for assessment.',
    });
  for (const p of toConfirm)
    items.push({
      href: `/projects/${p.id}`,
      text: `Confirm ${p.given_name} ${p.family_name}’s project is part of their role: ${p.title}`,
      hint: 'They are planning a project; it starts once you confirm it fits their job.',
    });
  if (approvals > 0)
    items.push({
      href: '/feedback/approvals',
      text: `${plural(approvals, 'outside address is', 'outside addresses are')} waiting for your approval`,
      hint: 'Someone asked for 360 feedback from outside the trust. No invitation is sent until it is approved.',
    });
  return items;
}

// ----- Progress -----

/** One programme a person is (or was) on, with where they are. */
export interface ProgrammeProgress {
  enrolmentId: string;
  personId: string;
  programmeTitle: string;
  cohortName: string;
  cohortDates: { startsOn: string; endsOn: string };
  status: EnrolmentStatus;
  statusText: string;
  /** "2 of 3 requirements met" while on the programme; null when it sets none, or once they have left or completed it. */
  requirements: string | null;
  /** The day they completed it (Europe/London), or null. */
  completedOn: string | null;
  /** Each requirement not yet met, with its reason: the next steps. */
  nextSteps: string[];
  mayGraduate: boolean;
  /** "Sessions attended: 4 of 5 sessions (80%)" and the like, from every feature's progress column. */
  facts: { label: string; value: string }[];
  mentor: string | null;
}

/** Progress on each enrolment: the completion engine's report, its progress columns, and the mentor. */
export async function progressOf(deps: Pick<AppDeps, 'db' | 'completion'>, enrolments: q.EnrolmentRow[]): Promise<ProgrammeProgress[]> {
  if (enrolments.length === 0) return [];
  const facts = (e: q.EnrolmentRow): EnrolmentFacts => ({
    id: e.id,
    organisationId: e.organisation_id,
    personId: e.person_id,
    cohortId: e.cohort_id,
    programmeId: e.programme_id,
  });
  const programmeIds = [...new Set(enrolments.map((e) => e.programme_id))];
  const [requirements, columns, mentors] = await Promise.all([
    q.requirementsOfProgrammes(deps.db, programmeIds),
    deps.completion.progress(deps.db, enrolments.map(facts)),
    q.mentorsOfEnrolments(
      deps.db,
      enrolments.map((e) => e.id),
    ),
  ]);
  const reports = new Map<string, CompletionReport>();
  for (const programmeId of programmeIds) {
    const ofProgramme = enrolments.filter((e) => e.programme_id === programmeId);
    const first = ofProgramme[0];
    if (!first) continue;
    const report = await deps.completion.report(
      deps.db,
      { id: programmeId, modulesRequired: first.modules_required },
      requirements.filter((r) => r.programme_id === programmeId),
      ofProgramme.map(facts),
    );
    for (const [id, r] of report) reports.set(id, r);
  }
  return enrolments.map((e) => {
    const report = reports.get(e.id);
    const met = report?.requirements.filter((r) => r.status === 'met').length ?? 0;
    const total = report?.requirements.length ?? 0;
    const open = e.status === 'active' || e.status === 'deferred';
    return {
      enrolmentId: e.id,
      personId: e.person_id,
      programmeTitle: e.programme_title,
      cohortName: e.cohort_name,
      cohortDates: { startsOn: e.starts_on, endsOn: e.ends_on },
      status: e.status,
      statusText: ENROLMENT_STATUSES[e.status],
      requirements: total === 0 || !open ? null : `${met} of ${plural(total, 'requirement', 'requirements')} met`,
      completedOn: e.status === 'completed' && e.completed_at ? londonDate(new Date(e.completed_at)) : null,
      nextSteps: open ? (report?.requirements.filter((r) => r.status !== 'met').map((r) => `${r.title}: ${r.reason}`) ?? []) : [],
      mayGraduate: report?.mayGraduate ?? false,
      facts: columns.map((c) => ({ label: c.label, value: c.values.get(e.id) ?? '' })).filter((f) => f.value !== ''),
      mentor: mentors.get(e.id) ?? null,
    };
  });
}

// ----- My team, a person, my school -----

export interface PersonWithProgrammes {
  id: string;
  name: string;
  jobTitle: string | null;
  schoolName: string | null;
  programmes: ProgrammeProgress[];
  /** Applications sent and not yet decided: "Applied: Towards Middle Leadership, Cohort 8 (Endorsed)". */
  applications: string[];
}

async function withProgrammes(
  deps: Pick<AppDeps, 'db' | 'completion'>,
  organisationId: string,
  people: { id: string; given_name: string; family_name: string; job_title: string | null; school_name: string | null }[],
): Promise<PersonWithProgrammes[]> {
  const ids = people.map((p) => p.id);
  const [enrolments, applications] = await Promise.all([
    q.enrolmentsOfPeople(deps.db, organisationId, ids),
    q.openApplicationsOfPeople(deps.db, organisationId, ids),
  ]);
  const progress = await progressOf(deps, enrolments);
  return people.map((p) => ({
    id: p.id,
    name: `${p.given_name} ${p.family_name}`,
    jobTitle: p.job_title,
    schoolName: p.school_name,
    programmes: progress.filter((x) => x.personId === p.id),
    applications: applications
      .filter((a) => a.person_id === p.id)
      .map((a) => `${a.programme_title}, ${a.cohort_name} (${APPLICATION_STATUSES[a.status].toLowerCase()})`),
  }));
}

/** The schools the viewer administers, by name: each has a page of its people on programmes. */
export async function schoolsAdministered(db: Executor, viewer: Viewer): Promise<{ id: string; name: string }[]> {
  const schools = await Promise.all(adminSchoolIds(viewer).map((id) => q.findSchool(db, viewer.organisationId, id)));
  return schools.filter((s) => s !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** The viewer's direct reports, each with their programmes, progress and applications. */
export async function myTeam(deps: AppDeps, viewer: Viewer): Promise<PersonWithProgrammes[]> {
  const reports = await q.directReports(deps.db, viewer.organisationId, viewer.id);
  return withProgrammes(deps, viewer.organisationId, reports);
}

/** One person's programmes with progress, for those who may see them; NotFound for anyone else. */
export async function personProgrammes(deps: AppDeps, viewer: Viewer, personId: string) {
  const person = await q.findPerson(deps.db, viewer.organisationId, personId);
  if (!person || !canSeeProgress(viewer, person)) throw new NotFound();
  const [found] = await withProgrammes(deps, viewer.organisationId, [person]);
  return { person: found as PersonWithProgrammes, isOwn: person.id === viewer.id, isReport: person.line_manager_id === viewer.id };
}

/**
 * A school's staff who are on a programme, have completed one, or have applied, for its school
 * admins (the headteacher), organisation admins and programme leads.
 */
export async function schoolProgrammes(deps: AppDeps, viewer: Viewer, schoolId: string) {
  const access = schoolAccess(viewer, schoolId);
  if (access === 'forbidden') throw new Forbidden();
  const school = await q.findSchool(deps.db, viewer.organisationId, schoolId);
  if (!school || access === 'not-found') throw new NotFound();
  const staff = await q.staffOfSchool(deps.db, viewer.organisationId, schoolId);
  const people = (await withProgrammes(deps, viewer.organisationId, staff)).filter((p) => p.programmes.length > 0 || p.applications.length > 0);
  const counts = { active: 0, completed: 0, applied: 0 };
  for (const p of people) {
    if (p.programmes.some((x) => x.status === 'active' || x.status === 'deferred')) counts.active++;
    if (p.programmes.some((x) => x.status === 'completed')) counts.completed++;
    if (p.applications.length > 0) counts.applied++;
  }
  return { school, staffCount: staff.length, people, counts };
}

// ----- Programme leads' downloads and the trust report -----

/** The trust report with every cohort's download links, for the reports page. */
export async function reportsIndex(deps: AppDeps, viewer: Viewer, query: ReportQuery) {
  const choices = await reportChoices(deps, viewer, query);
  const [cohorts, trust, flow] = await Promise.all([
    q.cohortsOfOrganisation(deps.db, viewer.organisationId),
    trustReport(deps, viewer, choices.scope),
    pipelineFlow(deps.db, choices.scope),
  ]);
  return { cohorts: cohorts.filter((c) => cohortInScope(choices.scope, c)), trust, flow, choices };
}

async function cohortFor(deps: AppDeps, viewer: Viewer, cohortId: string) {
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  const cohort = await q.findCohort(deps.db, viewer.organisationId, cohortId);
  if (!cohort) throw new NotFound();
  return cohort;
}

/** A download: its file name and its table. */
export interface Download {
  fileName: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const fileStem = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'report';

/** The cohort's roster: each participant, their school, role, line manager and enrolment status. */
export async function rosterDownload(deps: AppDeps, viewer: Viewer, cohortId: string): Promise<Download> {
  const cohort = await cohortFor(deps, viewer, cohortId);
  const participants = await q.participantsOfCohort(deps.db, cohortId);
  return {
    fileName: `${fileStem(`${cohort.programme_title} ${cohort.name}`)}-roster.csv`,
    headers: ['Given name', 'Family name', 'Email', 'Job title', 'School', 'Line manager', 'Enrolment status', 'Completed on'],
    rows: participants.map((p) => [
      p.given_name,
      p.family_name,
      p.email,
      p.job_title,
      p.school_name ?? 'Central team',
      p.manager_given_name ? `${p.manager_given_name} ${p.manager_family_name}` : '',
      ENROLMENT_STATUSES[p.status],
      p.completed_at ? londonDate(new Date(p.completed_at)) : '',
    ]),
  };
}

const ATTENDANCE_TEXT: Record<string, string> = { present: 'Present', late: 'Late', absent_with_reason: 'Absent with reason', absent: 'Absent' };

/** The cohort's attendance: one row a participant, one column a session held so far, and their totals. */
export async function attendanceDownload(deps: AppDeps, viewer: Viewer, cohortId: string): Promise<Download> {
  const cohort = await cohortFor(deps, viewer, cohortId);
  const now = deps.clock.now().toISOString();
  const [participants, sessions, marks] = await Promise.all([
    q.participantsOfCohort(deps.db, cohortId),
    q.sessionsOfCohort(deps.db, cohortId),
    q.attendanceOfCohort(deps.db, cohortId),
  ]);
  const held = sessions.filter((s) => s.starts_at <= now);
  const mark = new Map(marks.map((m) => [`${m.session_id} ${m.person_id}`, m.status]));
  return {
    fileName: `${fileStem(`${cohort.programme_title} ${cohort.name}`)}-attendance.csv`,
    headers: [
      'Given name',
      'Family name',
      'School',
      'Enrolment status',
      ...held.map((s) => `${s.title} (${londonDate(new Date(s.starts_at))})`),
      'Sessions attended',
      'Sessions held',
      'Attendance (%)',
    ],
    rows: participants.map((p) => {
      const statuses = held.map((s) => mark.get(`${s.id} ${p.person_id}`));
      const attended = statuses.filter((s) => s === 'present' || s === 'late').length;
      return [
        p.given_name,
        p.family_name,
        p.school_name ?? 'Central team',
        ENROLMENT_STATUSES[p.status],
        ...statuses.map((s) => (s ? (ATTENDANCE_TEXT[s] ?? s) : 'Not recorded')),
        attended,
        held.length,
        held.length === 0 ? '' : Math.round((attended / held.length) * 100),
      ];
    }),
  };
}

const ENDORSEMENT_TEXT: Record<string, string> = {
  waiting: 'Not asked yet',
  requested: 'Asked',
  supported: 'Supported',
  not_supported: 'Not supported',
  cancelled: 'Cancelled',
};

/** The cohort's applications (not drafts): applicant, school, role, status, support and dates. */
export async function applicationsDownload(deps: AppDeps, viewer: Viewer, cohortId: string): Promise<Download> {
  const cohort = await cohortFor(deps, viewer, cohortId);
  const [applications, endorsements] = await Promise.all([q.applicationsOfCohort(deps.db, cohortId), q.endorsementsOfCohort(deps.db, cohortId)]);
  const support = (id: string, kind: 'line_manager' | 'headteacher') => {
    const found = endorsements.find((e) => e.application_id === id && e.kind === kind);
    return found ? (ENDORSEMENT_TEXT[found.status] ?? found.status) : 'Not needed';
  };
  const day = (value: string | null) => (value ? londonDate(new Date(value)) : '');
  return {
    fileName: `${fileStem(`${cohort.programme_title} ${cohort.name}`)}-applications.csv`,
    headers: [
      'Given name',
      'Family name',
      'Email',
      'School',
      'Role when applying',
      'Status',
      'Sent on',
      'Line manager’s support',
      'Headteacher’s support',
      'Decided on',
    ],
    rows: applications.map((a) => [
      a.given_name,
      a.family_name,
      a.email,
      a.school_name ?? 'Central team',
      a.current_role,
      APPLICATION_STATUSES[a.status],
      day(a.submitted_at),
      support(a.id, 'line_manager'),
      support(a.id, 'headteacher'),
      day(a.decided_at),
    ]),
  };
}

/** The cohort's progress: each participant's requirements met, next steps, attendance and mentor. */
export async function progressDownload(deps: AppDeps, viewer: Viewer, cohortId: string): Promise<Download> {
  const cohort = await cohortFor(deps, viewer, cohortId);
  const participants = await q.participantsOfCohort(deps.db, cohortId);
  const progress = await progressOf(
    deps,
    participants.map((p) => ({
      ...p,
      programme_title: cohort.programme_title,
      modules_required: cohort.modules_required,
      cohort_name: cohort.name,
      starts_on: cohort.starts_on,
      ends_on: cohort.ends_on,
    })),
  );
  const labels = [...new Set(progress.flatMap((p) => p.facts.map((f) => f.label)))];
  return {
    fileName: `${fileStem(`${cohort.programme_title} ${cohort.name}`)}-progress.csv`,
    headers: ['Given name', 'Family name', 'School', 'Enrolment status', 'Requirements', 'May graduate', ...labels, 'Mentor or coach', 'Still to do'],
    rows: participants.map((p, i) => {
      const row = progress[i] as ProgrammeProgress;
      return [
        p.given_name,
        p.family_name,
        p.school_name ?? 'Central team',
        row.statusText,
        row.requirements ?? (row.status === 'active' || row.status === 'deferred' ? 'None set' : ''),
        row.mayGraduate ? 'Yes' : 'No',
        ...labels.map((label) => row.facts.find((f) => f.label === label)?.value ?? ''),
        row.mentor ?? '',
        row.nextSteps.join('; '),
      ];
    }),
  };
}

/** A table of the trust report: shown on the page and downloaded as CSV with the same columns. */
export interface ReportTable {
  /** Its name in the download's address: `/reports/<key>/export.csv`. */
  key: string;
  caption: string;
  headers: string[];
  /** Which columns hold numbers (right-aligned on the page). */
  numeric: boolean[];
  rows: (string | number | null)[][];
  /** Said instead of an empty table. */
  empty: string;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 100));
const SENT: readonly string[] = ['submitted', 'awaiting_endorsement', 'endorsed', 'accepted', 'waitlisted', 'declined', 'withdrawn'];
const ENROLLED: readonly string[] = ['active', 'deferred', 'withdrawn', 'completed'];

function sumWhere<T extends { status: string; n: number }>(rows: T[], match: (row: T) => boolean, statuses: readonly string[]): number {
  return rows.filter((r) => match(r) && statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.n), 0);
}

/** Each session held, with its marks counted: cohort, session, date, recorded, present, late, absent with reason, absent, attendance (%). */
export function sessionAttendanceRows(sessions: Awaited<ReturnType<typeof q.attendanceBySession>>): (string | number | null)[][] {
  const sessionRows = new Map<string, (string | number | null)[]>();
  const marks = new Map<string, Record<string, number>>();
  for (const row of sessions) {
    if (!sessionRows.has(row.id)) sessionRows.set(row.id, [`${row.programme_title}, ${row.cohort_name}`, row.title, londonDate(new Date(row.starts_at))]);
    const m = marks.get(row.id) ?? {};
    if (row.status) m[row.status] = Number(row.n);
    marks.set(row.id, m);
  }
  return [...sessionRows].map(([id, cells]) => {
    const m = marks.get(id) ?? {};
    const recorded = (m.present ?? 0) + (m.late ?? 0) + (m.absent_with_reason ?? 0) + (m.absent ?? 0);
    return [
      ...cells,
      recorded === 0 ? 'Not taken' : recorded,
      m.present ?? 0,
      m.late ?? 0,
      m.absent_with_reason ?? 0,
      m.absent ?? 0,
      percent((m.present ?? 0) + (m.late ?? 0), recorded),
    ];
  });
}

/**
 * The trust report: the pipeline (people on each programme in pathway order, and by school);
 * applications, acceptance and completion by cohort and by school; withdrawal reasons; and
 * attendance at each session held. For programme leads and organisation admins.
 */
export async function trustReport(deps: AppDeps, viewer: Viewer, scope: q.ReportScope) {
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  const org = viewer.organisationId;
  const now = deps.clock.now().toISOString();
  // Everything counts towards a cohort: the scope keeps the cohorts, and their people, chosen.
  const [pipeline, applications, enrolments, allCohorts, schoolApplications, schoolEnrolments, allWithdrawals, sessions] = await Promise.all([
    q.pipelineCounts(deps.db, scope),
    q.applicationCounts(deps.db, scope),
    q.enrolmentCounts(deps.db, scope),
    q.cohortsOfOrganisation(deps.db, org),
    q.applicationCountsBySchool(deps.db, scope),
    q.enrolmentCountsBySchool(deps.db, scope),
    q.withdrawalReasons(deps.db, scope),
    q.attendanceBySession(deps.db, scope, now),
  ]);
  const cohorts = allCohorts.filter((c) => cohortInScope(scope, c));
  const withdrawals = new Map<string, { programme: string; reason: string; n: number }>();
  for (const w of allWithdrawals) {
    const reason = w.status_reason?.trim() || 'No reason given';
    const key = `${w.programme_title}\u0000${reason}`;
    const found = withdrawals.get(key) ?? { programme: w.programme_title, reason, n: 0 };
    found.n += Number(w.n);
    withdrawals.set(key, found);
  }

  const programmes = new Map<string, { title: string; stage: number | null; active: number; completed: number; withdrawn: number; deferred: number }>();
  const bySchool = new Map<string, { school: string; programme: string; active: number; completed: number }>();
  for (const row of pipeline) {
    const n = Number(row.n);
    const p = programmes.get(row.programme_id) ?? { title: row.programme_title, stage: row.stage_position, active: 0, completed: 0, withdrawn: 0, deferred: 0 };
    p[row.status] += n;
    programmes.set(row.programme_id, p);
    if (row.status === 'active' || row.status === 'completed') {
      const key = `${row.school_id ?? ''} ${row.programme_id}`;
      const s = bySchool.get(key) ?? { school: row.school_name ?? 'Central team', programme: row.programme_title, active: 0, completed: 0 };
      s[row.status] += n;
      bySchool.set(key, s);
    }
  }
  const stages = [...programmes.values()].sort((a, b) => (a.stage ?? 99) - (b.stage ?? 99) || a.title.localeCompare(b.title));

  // Enrolled counts who took a place (active, deferred, withdrawn or completed); the completion rate is completed of enrolled.
  const cohortRows = cohorts.map((c) => {
    const of = (r: { cohort_id: string }) => r.cohort_id === c.id;
    const sent = sumWhere(applications, of, SENT);
    const accepted = sumWhere(applications, of, ['accepted']);
    const enrolled = sumWhere(enrolments, of, ENROLLED);
    const completed = sumWhere(enrolments, of, ['completed']);
    return [`${c.programme_title}, ${c.name}`, c.starts_on, sent, accepted, percent(accepted, sent), enrolled, completed, percent(completed, enrolled)];
  });
  const schoolNames = [...new Set([...schoolApplications, ...schoolEnrolments].map((r) => r.school_name ?? 'Central team'))].sort((a, b) => a.localeCompare(b));
  const schoolRows = schoolNames.map((name) => {
    const of = (r: { school_name: string | null }) => (r.school_name ?? 'Central team') === name;
    const sent = sumWhere(schoolApplications, of, SENT);
    const accepted = sumWhere(schoolApplications, of, ['accepted']);
    const enrolled = sumWhere(schoolEnrolments, of, ENROLLED);
    const completed = sumWhere(schoolEnrolments, of, ['completed']);
    return [name, sent, accepted, percent(accepted, sent), enrolled, completed, percent(completed, enrolled)];
  });

  const attendanceRows = sessionAttendanceRows(sessions);

  const tables: ReportTable[] = [
    {
      key: 'pipeline',
      caption: 'People on each programme, in pathway order',
      headers: ['Programme', 'On it now', 'Deferred', 'Completed', 'Withdrew'],
      numeric: [false, true, true, true, true],
      rows: stages.map((s) => [s.title, s.active, s.deferred, s.completed, s.withdrawn]),
      empty: 'Nobody has been enrolled on a programme yet.',
    },
    {
      key: 'pipeline-by-school',
      caption: 'People on each programme, by school',
      headers: ['School', 'Programme', 'On it now', 'Completed'],
      numeric: [false, false, true, true],
      rows: [...bySchool.values()]
        .sort((a, b) => a.school.localeCompare(b.school) || a.programme.localeCompare(b.programme))
        .map((r) => [r.school, r.programme, r.active, r.completed]),
      empty: 'Nobody is on a programme or has completed one yet.',
    },
    {
      key: 'cohorts',
      caption: 'Applications, acceptance and completion by cohort, newest first',
      headers: ['Cohort', 'Starts on', 'Applications', 'Accepted', 'Acceptance rate (%)', 'Enrolled', 'Completed', 'Completion rate (%)'],
      numeric: [false, false, true, true, true, true, true, true],
      rows: cohortRows,
      empty: 'There are no cohorts yet.',
    },
    {
      key: 'schools',
      caption: 'Applications, acceptance and completion by school',
      headers: ['School', 'Applications', 'Accepted', 'Acceptance rate (%)', 'Enrolled', 'Completed', 'Completion rate (%)'],
      numeric: [false, true, true, true, true, true, true],
      rows: schoolRows,
      empty: 'Nobody has applied or been enrolled yet.',
    },
    {
      key: 'withdrawals',
      caption: 'Reasons for withdrawing from a programme',
      headers: ['Programme', 'Reason', 'Withdrawals'],
      numeric: [false, false, true],
      rows: [...withdrawals.values()].sort((a, b) => a.programme.localeCompare(b.programme) || b.n - a.n).map((w) => [w.programme, w.reason, w.n]),
      empty: 'Nobody has withdrawn from a programme.',
    },
    {
      key: 'attendance',
      caption: 'Attendance at each session held, newest first',
      headers: ['Cohort', 'Session', 'Date', 'Recorded', 'Present', 'Late', 'Absent with reason', 'Absent', 'Attendance (%)'],
      numeric: [false, false, false, true, true, true, true, true, true],
      rows: attendanceRows,
      empty: 'No cohort sessions have been held yet.',
    },
  ];
  return { stages, tables };
}

export type TrustReport = Awaited<ReturnType<typeof trustReport>>;

/** One table of the trust report as a download, with the same columns as the page; NotFound for an unknown table. */
export async function trustTableDownload(deps: AppDeps, viewer: Viewer, key: string, query: ReportQuery): Promise<Download> {
  const choices = await reportChoices(deps, viewer, query);
  requireValid(choices);
  const table =
    key === 'pipeline-flow' && isProgrammeLead(viewer)
      ? (await pipelineFlow(deps.db, choices.scope)).table
      : (await trustReport(deps, viewer, choices.scope)).tables.find((t) => t.key === key);
  if (!table) throw new NotFound();
  return { fileName: `${table.key}${fileSuffix(choices)}.csv`, headers: table.headers, rows: table.rows };
}

/** The filters chosen, for a download's file name: "-towards-middle-leadership-2025-2026", or "". */
export function fileSuffix(choices: ReportChoices): string {
  const { scope, options } = choices;
  const text = (name: 'organisation' | 'school' | 'programme' | 'cohort', value: string | null) =>
    value === null ? '' : fileStem(options[name]?.find((o) => o.value === value)?.text ?? '');
  const suffix = [
    text('organisation', scope.participantOrganisationId),
    text('school', scope.schoolId),
    scope.cohortId ? text('cohort', scope.cohortId) : text('programme', scope.programmeId),
    scope.year ? `${scope.year}-${scope.year + 1}` : '',
    scope.staffType ? fileStem(scope.staffType) : '',
  ]
    .filter(Boolean)
    .join('-');
  return suffix ? `-${suffix}` : '';
}

/**
 * The staff list as a download: the directory's columns (name, job title, school) with email and
 * line manager. An organisation admin gets everyone active; a school admin, their schools' staff.
 */
export async function staffDownload(deps: AppDeps, viewer: Viewer): Promise<Download> {
  const schools = adminSchoolIds(viewer);
  if (!isOrgAdmin(viewer) && schools.length === 0) throw new Forbidden();
  const people = await q.staffList(deps.db, viewer.organisationId, isOrgAdmin(viewer) ? null : schools);
  return {
    fileName: 'staff.csv',
    headers: ['Given name', 'Family name', 'Email', 'Job title', 'School', 'Line manager'],
    rows: people.map((p) => [
      p.given_name,
      p.family_name,
      p.email,
      p.job_title,
      p.school_name ?? 'Central team',
      p.manager_given_name ? `${p.manager_given_name} ${p.manager_family_name}` : '',
    ]),
  };
}
