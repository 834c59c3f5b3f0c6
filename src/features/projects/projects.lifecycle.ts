import type { TagColour } from '../../platform/ui/components';
import type { ProjectStatus } from './projects.tables';

/** Something that moves a project on. */
export type ProjectEvent = 'confirm_role' | 'submit' | 'assess_met' | 'assess_not_yet';

/**
 * Every change of a project's status, in one place: the states an event applies from, where it
 * leads, and who may. `updateProjectStatus` (guarded by `from`) is the only writer of the status.
 */
export const PROJECT_TRANSITIONS: Record<ProjectEvent, { from: readonly ProjectStatus[]; to: ProjectStatus; who: string }> = {
  // Stage 7: the line manager confirms the project is part of the participant's job before it starts.
  confirm_role: { from: ['draft'], to: 'in_progress', who: 'the line manager (a programme lead when there is none)' },
  submit: { from: ['in_progress', 'not_yet'], to: 'submitted', who: 'the participant' },
  assess_met: { from: ['submitted'], to: 'met', who: 'the named assessor or a programme lead' },
  assess_not_yet: { from: ['submitted'], to: 'not_yet', who: 'the named assessor or a programme lead' },
};

export const STATUS_TEXT: Record<ProjectStatus, string> = {
  draft: 'Planning',
  in_progress: 'In progress',
  submitted: 'Submitted for assessment',
  met: 'Assessed as met',
  not_yet: 'Not yet met',
};

export const STATUS_COLOUR: Record<ProjectStatus, TagColour> = {
  draft: 'grey',
  in_progress: 'blue',
  submitted: 'purple',
  met: 'green',
  not_yet: 'orange',
};
