import { outsideSchoolNamesByUrn } from '../establishments';
import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { KeysetCursor } from '../../platform/db/keyset';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Invalid, NotFound } from '../../platform/http/errors';
import { lockCohortPlaces, placesTaken } from '../enrolments';
import { canManageCohorts } from './cohorts.policy';
import { releasePlace } from './decisions.service';
import * as q from './cohorts.queries';
import type { CohortForm, QueueQuery } from './cohorts.schemas';

const nameTaken = (name: string) => new Invalid({ name: `This programme already has a cohort called ${name}` });

/** The programme a new cohort will run, if the viewer runs cohorts in its organisation. */
export async function getProgrammeForNewCohort(deps: AppDeps, viewer: Viewer, programmeId: string) {
  const programme = await q.findProgramme(deps.db, viewer.organisationId, programmeId);
  if (!programme || !canManageCohorts(viewer, programme.organisation_id)) throw new NotFound();
  return programme;
}

/** People who may be named as a cohort's leads: those with the programme lead role. */
export function leadChoices(deps: AppDeps, viewer: Viewer) {
  return q.listLeadCandidates(deps.db, viewer.organisationId);
}

async function checkLeads(db: Executor, organisationId: string, leadIds: string[]) {
  if (leadIds.length === 0) return;
  const allowed = new Set((await q.listLeadCandidates(db, organisationId)).map((p) => p.id));
  if (leadIds.some((id) => !allowed.has(id))) throw new Invalid({ leadIds: 'Select programme leads from the list' });
}

function cohortColumns(form: CohortForm) {
  return {
    name: form.name,
    name_normalised: form.name.toLowerCase(),
    applications_open_on: form.opensOn,
    applications_close_on: form.closesOn,
    endorsement_deadline: form.endorsementDeadline,
    starts_on: form.startsOn,
    ends_on: form.endsOn,
    capacity: form.capacity,
    needs_line_manager: form.needsLineManager ? 1 : 0,
    needs_headteacher: form.needsHeadteacher ? 1 : 0,
  };
}

/** Creates a cohort of a programme (`programme` from getProgrammeForNewCohort); the name is unique within the programme. */
export async function createCohort(deps: AppDeps, viewer: Viewer, programme: { id: string }, form: CohortForm, requestId: string | null): Promise<string> {
  const id = newId();
  const now = deps.clock.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await checkLeads(trx, viewer.organisationId, form.leadIds);
      if (await q.findCohortByName(trx, programme.id, form.name.toLowerCase())) throw nameTaken(form.name);
      await q.insertCohort(
        trx,
        { id, organisation_id: viewer.organisationId, programme_id: programme.id, ...cohortColumns(form), created_at: now, updated_at: now },
        form.leadIds,
      );
      await recordAudit(trx, deps.clock, {
        action: 'cohort_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'cohort',
        subjectId: id,
        detail: { programmeId: programme.id, name: form.name },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(form.name);
    throw error;
  }
  return id;
}

/** The cohort, if the viewer runs cohorts in its organisation. */
export async function getManagedCohort(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await q.findCohort(deps.db, viewer.organisationId, cohortId);
  if (!cohort || !canManageCohorts(viewer, cohort.organisation_id)) throw new NotFound();
  return cohort;
}
export type ManagedCohort = Awaited<ReturnType<typeof getManagedCohort>>;

/** Everything the cohort page shows. */
export async function getCohortOverview(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await getManagedCohort(deps, viewer, cohortId);
  const [leads, taken, counts, waitlist] = await Promise.all([
    q.listCohortLeads(deps.db, cohort.id),
    placesTaken(deps.db, cohort.id),
    q.countApplicationsByStatus(deps.db, cohort.id),
    q.listWaitlist(deps.db, cohort.id),
  ]);
  return { cohort, leads, placesTaken: taken, counts, waitlist };
}

/** Changes a cohort (`cohort` from getManagedCohort); capacity can't go below the places already taken. */
export async function editCohort(deps: AppDeps, viewer: Viewer, cohort: ManagedCohort, form: CohortForm, requestId: string | null): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      await checkLeads(trx, viewer.organisationId, form.leadIds);
      const sameName = await q.findCohortByName(trx, cohort.programme_id, form.name.toLowerCase());
      if (sameName && sameName.id !== cohort.id) throw nameTaken(form.name);
      await lockCohortPlaces(trx, cohort.id);
      const taken = await placesTaken(trx, cohort.id);
      if (form.capacity < taken) throw new Invalid({ capacity: `Number of places cannot be less than the ${taken} already taken` });
      const columns = cohortColumns(form);
      const changed = Object.entries(columns)
        .filter(([k, v]) => k !== 'name_normalised' && (cohort as Record<string, unknown>)[k] !== v)
        .map(([k]) => k);
      await q.updateCohort(trx, cohort.id, { ...columns, updated_at: deps.clock.now().toISOString() }, form.leadIds);
      await recordAudit(trx, deps.clock, {
        action: 'cohort_updated',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'cohort',
        subjectId: cohort.id,
        detail: { changed },
        requestId,
      });
      // New places go to the waiting list first, in order, as a freed place would.
      if (form.capacity > cohort.capacity) await releasePlace(trx, deps, cohort.id, viewer.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(form.name);
    throw error;
  }
}

/** Applications on one page of a cohort's review queue. */
export const QUEUE_PAGE_SIZE = 50;

/**
 * The review queue: submitted applications and later, filtered, with their endorsements; one page
 * by keyset, or `all` of them (the CSV download), with how many match. The
 * school filter lists the cohort's schools on Waymark and, under their own names from the school
 * list ("… (not on Waymark)"), outside applicants' schools.
 */
export async function getReviewQueue(deps: AppDeps, viewer: Viewer, cohortId: string, filters: QueueQuery, paging: { cursor: KeysetCursor } | 'all') {
  const cohort = await getManagedCohort(deps, viewer, cohortId);
  const [page, onWaymark, outsideUrns, taken] = await Promise.all([
    paging === 'all'
      ? q.listQueue(deps.db, cohort.id, filters).then((rows) => ({ rows, total: rows.length, position: 0 }))
      : q.queuePage(deps.db, cohort.id, filters, QUEUE_PAGE_SIZE, paging.cursor),
    q.listQueueSchools(deps.db, cohort.id),
    q.listQueueOutsideUrns(deps.db, cohort.id),
    placesTaken(deps.db, cohort.id),
  ]);
  const rows = page.rows;
  const endorsements = await q.listEndorsementsFor(
    deps.db,
    rows.map((r) => r.id),
  );
  // Applicants from schools not on Waymark: their school's name from the school list.
  const outside = await outsideSchoolNamesByUrn(deps.db, [...outsideUrns, ...rows.flatMap((r) => (r.school_urn ? [r.school_urn] : []))]);
  const schools = [...onWaymark, ...outsideUrns.map((urn) => ({ id: `${q.OUTSIDE_SCHOOL_PREFIX}${urn}`, name: outside.get(urn) ?? urn }))].sort((a, b) =>
    a.name.localeCompare(b.name, 'en-GB'),
  );
  return {
    cohort,
    placesTaken: taken,
    schools,
    total: page.total,
    position: page.position,
    pageSize: QUEUE_PAGE_SIZE,
    rows: rows.map((row) => ({
      ...row,
      school_name: row.school_name ?? (row.school_urn ? (outside.get(row.school_urn) ?? null) : null),
      endorsements: endorsements.filter((e) => e.application_id === row.id),
    })),
  };
}
