import type { Executor } from '../../platform/db/database';
import type { RequirementSpec } from '../../platform/completion';
import * as q from './programmes.queries';
import { parseStringList } from './programmes.service';
import type { Programme } from './programmes.tables';

export { canSeeProgramme } from './programmes.policy';
export { cohortsByWindow, describeRequirements, parseStringList, personEligibility } from './programmes.service';
export {
  checkEligibility,
  describeRules,
  factsFromPerson,
  parseEligibilityRules,
  type EligibilityFacts,
  type EligibilityResult,
  type EligibilityRules,
} from './eligibility';
export type { Delivery, Pathway, Programme, ProgrammeModule, ProgrammeRequirement, ProgrammeStatus, Recommendation } from './programmes.tables';

/** A programme of the organisation (any status), or undefined. Check canSeeProgramme before showing it to staff. */
/** The organisation's programmes open to applications, by title (for linking to them elsewhere). */
export function listOpenProgrammeTitles(db: Executor, organisationId: string): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom('programmes')
    .select(['id', 'title'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .orderBy('title_normalised')
    .execute();
}

export function findProgramme(db: Executor, organisationId: string, programmeId: string): Promise<Programme | undefined> {
  return q.findProgrammeRow(db, organisationId, programmeId);
}

/** The title of a pathway of the organisation, or undefined. */
export async function pathwayTitle(db: Executor, organisationId: string, pathwayId: string): Promise<string | undefined> {
  return (await q.findPathway(db, organisationId, pathwayId))?.title;
}

/** The programme's requirements in order, as deps.completion.report takes them. */
export function programmeRequirements(db: Executor, programmeId: string): Promise<RequirementSpec[]> {
  return q.listRequirements(db, programmeId);
}

/** The programme's modules in order, with how many enrolments chose each (`chosen_by`). */
export async function programmeModules(db: Executor, programmeId: string) {
  return (await q.listModules(db, programmeId)).map((m) => ({ ...m, chosen_by: Number(m.chosen_by ?? 0) }));
}

/** What the completion engine needs about a programme. */
export function evaluationProgramme(programme: Pick<Programme, 'id' | 'modules_required'>) {
  return { id: programme.id, modulesRequired: programme.modules_required };
}

/** The declarations an applicant must confirm, in order. */
export function programmeDeclarations(programme: Pick<Programme, 'declarations'>): string[] {
  return parseStringList(programme.declarations);
}

/** The programme's focus skills (id, code, title, domain_title), in framework order. */
export function programmeFocusSkills(db: Executor, programmeId: string) {
  return q.listFocusSkills(db, programmeId);
}

/** The most recent recommendation of the person for the programme (its id), if any: an application records it. */
export function latestRecommendation(db: Executor, personId: string, programmeId: string): Promise<{ id: string } | undefined> {
  return q.findLatestRecommendation(db, personId, programmeId);
}

/** Recommendations the person has received, newest first: the programme (title, status) and the recommender's name. */
export function recommendationsReceived(db: Executor, personId: string) {
  return q.listRecommendationsReceived(db, personId);
}
