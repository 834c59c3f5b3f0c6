import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { ProjectStatus } from './projects.tables';

/** What the rules need to know about a project and the people around it. */
export interface ProjectFacts {
  organisation_id: string;
  person_id: string;
  status: ProjectStatus;
  assessor_id: string | null;
  /** The participant's line manager, as on their staff record now. */
  line_manager_id: string | null;
  /** The participant's coach on the programme, if any. */
  coach_id: string | null;
}

/** How the viewer stands to the project; `null` when they may not see it at all. */
export type ProjectRelation = 'participant' | 'line_manager' | 'coach' | 'assessor' | 'lead';

/**
 * The participant, their line manager, their coach, the named assessor, and programme leads and
 * organisation admins of the organisation. Never other participants or school admins: a project is
 * the participant's own working, shared with those who support and assess it.
 */
export function relationTo(viewer: Viewer, facts: ProjectFacts): ProjectRelation | null {
  if (facts.organisation_id !== viewer.organisationId) return null;
  if (facts.person_id === viewer.id) return 'participant';
  if (facts.line_manager_id === viewer.id) return 'line_manager';
  if (facts.coach_id === viewer.id) return 'coach';
  if (facts.assessor_id === viewer.id) return 'assessor';
  if (isProgrammeLead(viewer)) return 'lead';
  return null;
}

/** The participant changes their project's plan while it is being planned or worked on, or after a "not yet". */
export function canEditProject(viewer: Viewer, facts: ProjectFacts): boolean {
  return relationTo(viewer, facts) === 'participant' && ['draft', 'in_progress', 'not_yet'].includes(facts.status);
}

/** The participant discards a project only while it is being planned: once confirmed, it is part of their record. */
export function canDiscard(viewer: Viewer, facts: ProjectFacts): boolean {
  return relationTo(viewer, facts) === 'participant' && facts.status === 'draft';
}

/** Outcomes and updates are recorded once the project has started. */
export function canRecordProgress(viewer: Viewer, facts: ProjectFacts): boolean {
  return relationTo(viewer, facts) === 'participant' && ['in_progress', 'not_yet'].includes(facts.status);
}

/**
 * The line manager confirms the project is part of the participant's job; when the participant has
 * no line manager, a programme lead does.
 */
export function canConfirmRole(viewer: Viewer, facts: ProjectFacts): boolean {
  if (facts.status !== 'draft') return false;
  const relation = relationTo(viewer, facts);
  return relation === 'line_manager' || (facts.line_manager_id === null && relation !== 'participant' && relation !== null && isProgrammeLead(viewer));
}

/** The coach and the line manager comment on the project. */
export function canComment(viewer: Viewer, facts: ProjectFacts): boolean {
  const relation = relationTo(viewer, facts);
  return relation === 'coach' || relation === 'line_manager';
}

/** The named assessor, or a programme lead, assesses a submitted project — never their own. */
export function canAssess(viewer: Viewer, facts: ProjectFacts): boolean {
  if (facts.status !== 'submitted' || facts.person_id === viewer.id || facts.organisation_id !== viewer.organisationId) return false;
  return facts.assessor_id === viewer.id || isProgrammeLead(viewer);
}

/** Programme leads name an assessor for a project that is not yet assessed as met. */
export function canNameAssessor(viewer: Viewer, facts: ProjectFacts): boolean {
  return facts.organisation_id === viewer.organisationId && facts.person_id !== viewer.id && isProgrammeLead(viewer) && facts.status !== 'met';
}
