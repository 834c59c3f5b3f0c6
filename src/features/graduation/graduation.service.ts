import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { formatTimeRange } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { type FieldErrors, Invalid, NotFound } from '../../platform/http/errors';
import type { CalendarEntry, WorkerContext } from '../../platform/module';
import { type CohortWithProgramme, cohortsOfOrganisation } from '../cohorts';
import { type EnrolmentCompleted, type EnrolmentRecord, listCompletedInCohorts } from '../enrolments';
import { notify } from '../notifications';
import { pathwayTitle } from '../programmes';
import { listGraduationEvents, sessionsForPerson } from '../sessions';
import { canManageGraduation, canSeeGraduation } from './graduation.policy';
import * as q from './graduation.queries';
import type { Graduation, InvitationRole } from './graduation.tables';

export const PROCEEDINGS_MAX = 5000;

export type GraduationEvent = Awaited<ReturnType<typeof listGraduationEvents>>[number];

/** One graduate as the programme lists them. */
export interface Graduate {
  person_id: string;
  line_manager_id: string | null;
  name: string;
  school: string | null;
  cohortName: string;
}

/** Graduates of one programme (and stage of a pathway), as the programme groups them. */
export interface GraduateGroup {
  programme: string;
  stage: string | null;
  graduates: Graduate[];
}

/** A cohort with the title of the pathway its programme is a stage of (if any). */
export type StagedCohort = CohortWithProgramme & { pathway_title: string | null };

/** The organisation's cohorts, each with its pathway's title. */
async function stagedCohorts(db: Executor, organisationId: string): Promise<StagedCohort[]> {
  const cohorts = await cohortsOfOrganisation(db, organisationId);
  const titles = new Map<string, string | undefined>();
  for (const id of new Set(cohorts.flatMap((c) => (c.pathway_id ? [c.pathway_id] : [])))) titles.set(id, await pathwayTitle(db, organisationId, id));
  return cohorts.map((c) => ({ ...c, pathway_title: (c.pathway_id && titles.get(c.pathway_id)) || null }));
}

/** Where the ceremony is, in words. */
export function placeOf(event: Pick<GraduationEvent, 'venue' | 'mode'>): string {
  if (event.venue) return event.venue;
  return event.mode === 'online' ? 'Online' : 'To be confirmed';
}

/** "Stage 2 of Leadership Pathways", or null for a programme that stands alone. */
export function stageOf(cohort: Pick<StagedCohort, 'pathway_title' | 'stage_position'> | undefined): string | null {
  if (!cohort?.pathway_title || !cohort.stage_position) return null;
  return `Stage ${cohort.stage_position} of ${cohort.pathway_title}`;
}

/** The order of proceedings, one item a line, blank lines left out. */
export function proceedingsLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

function toGraduate(record: EnrolmentRecord): Graduate {
  return {
    person_id: record.person_id,
    line_manager_id: record.line_manager_id,
    name: `${record.given_name} ${record.family_name}`,
    school: record.school_name,
    cohortName: record.cohort_name,
  };
}

/** Graduates grouped by programme and stage, programmes in title order; each person once a group. */
export function groupGraduates(records: readonly EnrolmentRecord[], cohorts: readonly StagedCohort[]): GraduateGroup[] {
  const byCohort = new Map(cohorts.map((c) => [c.id, c]));
  const groups = new Map<string, GraduateGroup>();
  for (const record of records) {
    const cohort = byCohort.get(record.cohort_id);
    const stage = stageOf(cohort);
    const key = `${record.programme_id}`;
    const group = groups.get(key) ?? { programme: record.programme_title, stage, graduates: [] };
    if (!group.graduates.some((g) => g.person_id === record.person_id)) group.graduates.push(toGraduate(record));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.stage ?? a.programme).localeCompare(b.stage ?? b.programme) || a.programme.localeCompare(b.programme));
}

/** Everything about one ceremony of the organisation; NotFound when there is no such graduation event. */
async function loadCeremony(db: Executor, organisationId: string, eventId: string) {
  const [event] = await listGraduationEvents(db, organisationId, [eventId]);
  if (!event) throw new NotFound();
  const [graduation, cohortIds] = await Promise.all([q.findGraduation(db, eventId), q.listLinkedCohortIds(db, eventId)]);
  const records = await listCompletedInCohorts(db, organisationId, cohortIds);
  return { event, graduation, cohortIds, records };
}

/** The ceremonies the viewer may see: every one for a lead, otherwise those they graduate at or line manage a graduate of. */
export async function listCeremonies(deps: AppDeps, viewer: Viewer) {
  const events = await listGraduationEvents(deps.db, viewer.organisationId);
  const linked = await q.listLinkedCohortsOfOrganisation(deps.db, viewer.organisationId);
  const manage = canManageGraduation(viewer, viewer.organisationId);
  const rows = await Promise.all(
    events.map(async (event) => {
      const records = await listCompletedInCohorts(deps.db, viewer.organisationId, linked.get(event.id) ?? []);
      const graduates = records.map(toGraduate);
      const visible = canSeeGraduation(viewer, { organisation_id: event.organisation_id }, graduates);
      return visible
        ? { event, graduates: graduates.length, cohorts: (linked.get(event.id) ?? []).length, graduating: graduates.some((g) => g.person_id === viewer.id) }
        : null;
    }),
  );
  return { manage, ceremonies: rows.flatMap((r) => (r ? [r] : [])) };
}

/** The programme of a ceremony, for those who may see it (NotFound otherwise). */
export async function getProgramme(deps: AppDeps, viewer: Viewer, eventId: string) {
  const { event, graduation, records } = await loadCeremony(deps.db, viewer.organisationId, eventId);
  const graduates = records.map(toGraduate);
  if (!canSeeGraduation(viewer, { organisation_id: event.organisation_id }, graduates)) throw new NotFound();
  const cohorts = await stagedCohorts(deps.db, viewer.organisationId);
  const invitations = canManageGraduation(viewer, event.organisation_id) ? await q.listInvitations(deps.db, eventId) : [];
  return {
    event,
    when: formatTimeRange(event.starts_at, event.ends_at),
    place: placeOf(event),
    proceedings: proceedingsLines(graduation?.proceedings ?? ''),
    groups: groupGraduates(records, cohorts),
    mayManage: canManageGraduation(viewer, event.organisation_id),
    you: graduates.some((g) => g.person_id === viewer.id),
    invited: { graduates: invitations.filter((i) => i.role === 'graduate').length, guests: invitations.filter((i) => i.role === 'guest').length },
  };
}
export type ProgrammePage = Awaited<ReturnType<typeof getProgramme>>;

export interface CeremonyForm {
  cohortIds: string[];
  proceedings: string;
  inviteLineManagers: boolean;
}

/** The lead's form for a ceremony: the cohorts it may celebrate and what is saved. NotFound for others' events. */
export async function getCeremonyForm(deps: AppDeps, viewer: Viewer, eventId: string) {
  const { event, graduation, cohortIds } = await loadCeremony(deps.db, viewer.organisationId, eventId);
  if (!canManageGraduation(viewer, event.organisation_id)) throw new NotFound();
  const cohorts = await stagedCohorts(deps.db, viewer.organisationId);
  const saved: CeremonyForm = {
    cohortIds,
    proceedings: graduation?.proceedings ?? '',
    inviteLineManagers: (graduation?.invite_line_managers ?? 0) === 1,
  };
  return { event, cohorts, saved, when: formatTimeRange(event.starts_at, event.ends_at), place: placeOf(event) };
}
export type CeremonyFormData = Awaited<ReturnType<typeof getCeremonyForm>>;

/**
 * Saves the cohorts a ceremony celebrates and its order of proceedings, then invites every graduate
 * not yet invited (and their line managers, if chosen). Invalid (nothing saved) for bad input.
 */
export async function saveCeremony(deps: AppDeps, viewer: Viewer, eventId: string, form: CeremonyForm): Promise<{ invited: number }> {
  const data = await getCeremonyForm(deps, viewer, eventId);
  const errors: FieldErrors = {};
  const known = new Set(data.cohorts.map((c) => c.id));
  if (form.cohortIds.length === 0) errors.cohortIds = 'Select the cohorts whose graduates this ceremony celebrates';
  else if (form.cohortIds.some((id) => !known.has(id))) errors.cohortIds = 'Select cohorts from the list';
  const proceedings = form.proceedings.trim();
  if (proceedings.length === 0) errors.proceedings = 'Enter the order of proceedings';
  else if (proceedings.length > PROCEEDINGS_MAX) errors.proceedings = `Order of proceedings must be ${PROCEEDINGS_MAX} characters or fewer`;
  if (data.event.status === 'cancelled') errors.cohortIds = 'This ceremony has been cancelled, so nobody can be invited to it';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const at = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await q.saveGraduation(trx, {
      eventId,
      organisationId: data.event.organisation_id,
      proceedings,
      inviteLineManagers: form.inviteLineManagers,
      cohortIds: form.cohortIds,
      actorId: viewer.id,
      at,
    });
    return { invited: await inviteGraduates(trx, deps.clock, eventId, viewer.organisationId) };
  });
}

/**
 * Invites to a ceremony everyone who should be and has not been: its graduates, and (if the lead
 * chose) their line managers as guests. Nobody is invited to a cancelled or finished ceremony.
 * Each person is invited once, however often this runs. Returns how many were invited now.
 */
export async function inviteGraduates(trx: Executor, clock: Clock, eventId: string, organisationId: string): Promise<number> {
  const { event, graduation, records } = await loadCeremony(trx, organisationId, eventId);
  if (!graduation || event.status === 'cancelled' || event.ends_at <= clock.now().toISOString()) return 0;
  const at = clock.now().toISOString();
  const when = formatTimeRange(event.starts_at, event.ends_at);
  const place = placeOf(event);
  const link = `/graduations/${event.id}`;
  const graduates = records.map(toGraduate);
  const graduateIds = new Set(graduates.map((g) => g.person_id));
  let invited = 0;
  const invite = async (personId: string, role: InvitationRole, paragraphs: string[]) => {
    if (!(await q.insertInvitation(trx, { eventId, personId, role, at }))) return;
    await notify(trx, clock, {
      personId,
      kind: 'graduation_invitation',
      subject: `Invitation: ${event.title}`,
      paragraphs: [...paragraphs, `${when}, at ${place}.`, 'It is in your calendar feed. You do not need to reply.'],
      link,
      linkText: 'See the programme of the ceremony:',
      dedupeKey: `graduation:${eventId}:${personId}`,
    });
    invited++;
  };
  for (const graduate of graduates) {
    await invite(graduate.person_id, 'graduate', [
      `Congratulations on completing your programme. You are invited to ${event.title}, where your graduation will be celebrated.`,
    ]);
  }
  if (graduation.invite_line_managers === 1) {
    for (const graduate of graduates) {
      if (!graduate.line_manager_id || graduateIds.has(graduate.line_manager_id)) continue;
      await invite(graduate.line_manager_id, 'guest', [`${graduate.name} is graduating. You are invited to ${event.title} as their guest.`]);
    }
  }
  return invited;
}

/** After an enrolment completes: invites the new graduate to every ceremony that celebrates their cohort. */
export async function inviteNewGraduate(context: WorkerContext, payload: EnrolmentCompleted): Promise<void> {
  const ceremonies = await q.listGraduationsOfCohort(context.db, payload.organisationId, payload.cohortId);
  for (const ceremony of ceremonies) {
    await context.db.transaction().execute((trx) => inviteGraduates(trx, context.clock, ceremony.event_id, payload.organisationId));
  }
}

/** The ceremonies a person is invited to, in their calendar feed (unless they booked a place, which the feed already has). */
export async function graduationCalendarEntries(db: Executor, personId: string, now: Date): Promise<CalendarEntry[]> {
  const invitations = await q.listInvitationsOfPerson(db, personId);
  if (invitations.length === 0) return [];
  const booked = new Set((await sessionsForPerson(db, personId)).map((s) => s.id));
  const byOrganisation = new Map<string, string[]>();
  for (const i of invitations) {
    if (!booked.has(i.event_id)) byOrganisation.set(i.organisation_id, [...(byOrganisation.get(i.organisation_id) ?? []), i.event_id]);
  }
  const events = (await Promise.all([...byOrganisation].map(([organisationId, ids]) => listGraduationEvents(db, organisationId, ids)))).flat();
  const cutoff = new Date(now.getTime() - 366 * 24 * 3600 * 1000).toISOString();
  // A cancelled ceremony stays in the feed, marked cancelled, so calendars that had it take it down.
  return events
    .filter((e) => e.ends_at >= cutoff)
    .map((e) => ({
      uid: `graduation-${e.id}`,
      title: e.title,
      cancelled: e.status === 'cancelled',
      description:
        e.status === 'cancelled'
          ? `This ceremony has been cancelled${e.cancel_reason ? `: ${e.cancel_reason}` : '.'}`
          : `${e.description}\n\nYou are invited. The programme of the ceremony is on Waymark.`.trim(),
      when: { startsAt: e.starts_at, endsAt: e.ends_at },
      location: placeOf(e),
      path: `/graduations/${e.id}`,
      sequence: e.sequence,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
    }));
}

export type { Graduation };
