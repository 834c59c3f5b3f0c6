import type { Db } from '../../platform/db/database';
import { londonDate } from '../../platform/dates';
import { adminSchoolIds, isOrgAdmin } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { NotFound } from '../../platform/http/errors';
import { cohortsOfProgramme, listStaffApplicationsElsewhere, startApplication, windowState } from '../cohorts';
import { listStaffEnrolmentsElsewhere } from '../enrolments';
import { listAllOrganisations } from '../organisations';
import { programmesOpenedTo } from '../partners';
import { findProgramme } from '../programmes';

/** A cohort of another organisation's programme that the viewer's organisation's staff may apply to now. */
export interface PartnerCohort {
  cohortId: string;
  providerId: string;
  providerName: string;
  cohortName: string;
  programmeId: string;
  programmeTitle: string;
  programmeSummary: string;
  closesOn: string;
  startsOn: string;
}

/**
 * Cohorts taking applications today on programmes other organisations have opened to the viewer's
 * organisation (as a named partner, or to any school): its staff apply with their own account.
 */
export async function listPartnerCohorts(deps: Pick<AppDeps, 'db' | 'clock'>, organisationId: string): Promise<PartnerCohort[]> {
  const today = londonDate(deps.clock.now());
  const names = new Map((await listAllOrganisations(deps.db as Db)).map((o) => [o.id, o.name]));
  const out: PartnerCohort[] = [];
  for (const opening of await programmesOpenedTo(deps.db, organisationId)) {
    const programme = await findProgramme(deps.db, opening.organisation_id, opening.programme_id);
    if (programme?.status !== 'open') continue;
    for (const cohort of await cohortsOfProgramme(deps.db, opening.organisation_id, programme.id)) {
      if (windowState(cohort, today) !== 'open') continue;
      out.push({
        cohortId: cohort.id,
        providerId: opening.organisation_id,
        providerName: names.get(opening.organisation_id) ?? '',
        cohortName: cohort.name,
        programmeId: programme.id,
        programmeTitle: programme.title,
        programmeSummary: programme.summary,
        closesOn: cohort.applications_close_on,
        startsOn: cohort.starts_on,
      });
    }
  }
  return out.sort((a, b) => a.programmeTitle.localeCompare(b.programmeTitle) || a.cohortName.localeCompare(b.cohortName));
}

/**
 * Starts (or finds) the viewer's application to a partner's cohort, with their own account: the
 * application belongs to the provider, and their line manager and headteacher at their own
 * organisation are asked for support as usual. NotFound unless the cohort is open to them now.
 */
export async function applyToPartnerCohort(deps: AppDeps, viewer: Viewer, cohortId: string): Promise<string> {
  const cohort = (await listPartnerCohorts(deps, viewer.organisationId)).find((c) => c.cohortId === cohortId);
  if (!cohort) throw new NotFound();
  return startApplication(deps, viewer, cohort.cohortId, cohort.providerId);
}

/**
 * The home organisation's view of its own staff on other organisations' programmes: their
 * applications (once submitted), places and completions. Organisation admins see all their staff;
 * a school admin sees their schools' staff; nobody sees another organisation's staff.
 */
export async function getStaffElsewhere(deps: Pick<AppDeps, 'db'>, viewer: Viewer) {
  const scope = isOrgAdmin(viewer) ? null : adminSchoolIds(viewer);
  const [applications, enrolments, organisations] = await Promise.all([
    listStaffApplicationsElsewhere(deps.db, viewer.organisationId, scope),
    listStaffEnrolmentsElsewhere(deps.db, viewer.organisationId, scope),
    listAllOrganisations(deps.db as Db),
  ]);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const provider = (id: string) => names.get(id) ?? 'Another organisation';
  return {
    wholeOrganisation: scope === null,
    applications: applications.filter((a) => a.status !== 'accepted').map((a) => ({ ...a, providerName: provider(a.provider_id) })),
    taking: enrolments.filter((e) => e.status !== 'completed').map((e) => ({ ...e, providerName: provider(e.provider_id) })),
    completed: enrolments.filter((e) => e.status === 'completed').map((e) => ({ ...e, providerName: provider(e.provider_id) })),
  };
}
export type StaffElsewhere = Awaited<ReturnType<typeof getStaffElsewhere>>;
