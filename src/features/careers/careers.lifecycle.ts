import type { TagColour } from '../../platform/ui/components';
import type { InterestStatus } from './careers.tables';

/** Something that moves an interest in an opportunity on. */
export type InterestEvent = 'choose' | 'decline' | 'complete';

/**
 * Every change of an interest's status, in one place: the states an event applies from, where it
 * leads, and who may. `moveInterest` (guarded by `from`) is the only writer of the status.
 */
export const INTEREST_TRANSITIONS: Record<InterestEvent, { from: readonly InterestStatus[]; to: InterestStatus; who: string }> = {
  choose: { from: ['interested', 'not_chosen'], to: 'chosen', who: 'the person who posted the opportunity' },
  decline: { from: ['interested', 'chosen'], to: 'not_chosen', who: 'the person who posted the opportunity, with a reason' },
  complete: { from: ['chosen'], to: 'completed', who: 'the person who posted the opportunity, verifying it was done' },
};

export const INTEREST_COLOUR: Record<InterestStatus, TagColour> = {
  interested: 'blue',
  chosen: 'teal',
  not_chosen: 'grey',
  completed: 'green',
};
