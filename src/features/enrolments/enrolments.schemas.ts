import { z } from 'zod';
import type { EnrolmentStatus } from './enrolments.tables';

export const ENROLMENT_STATUSES: Record<EnrolmentStatus, string> = {
  active: 'Active',
  deferred: 'Deferred',
  withdrawn: 'Withdrawn',
  completed: 'Completed',
};

const reasonText = (missing: string) => z.string({ message: missing }).trim().min(1, missing).max(1000, 'Reason must be 1,000 characters or fewer');

/** The participant withdrawing themselves. */
export const withdrawForm = z.object({
  /** Why they are leaving; the programme lead sees it. */
  reason: reasonText('Enter why you are withdrawing'),
});

/** What a programme lead may do to an enrolment from its status page. */
export const STATUS_ACTIONS = {
  defer: 'Defer to a later cohort',
  withdraw: 'Withdraw from the programme',
  reinstate: 'Reinstate (make active again)',
  complete: 'Mark as completed',
} as const;
export type StatusAction = keyof typeof STATUS_ACTIONS;

/** A programme lead changing an enrolment's status. Which fields each action needs is checked by the service. */
export const statusForm = z.object({
  /** defer, withdraw, reinstate or complete */
  action: z.enum(Object.keys(STATUS_ACTIONS) as [StatusAction, ...StatusAction[]], { message: 'Select what you want to do' }),
  /** When deferring: the later cohort they will rejoin. */
  returnCohortId: z.string().trim().optional().default(''),
  /** Required when deferring or withdrawing; the participant sees it. */
  reason: z.string().trim().max(1000, 'Reason must be 1,000 characters or fewer').optional().default(''),
});
export type StatusForm = z.infer<typeof statusForm>;

/** A programme lead's sign-off. */
export const signOffForm = z.object({
  /** Kept with the sign-off; optional. */
  note: z.string().trim().max(1000, 'Note must be 1,000 characters or fewer').optional().default(''),
});

/** The participant's reflection when completing a module. */
export const completeModuleForm = z.object({
  /** What they did for the module. */
  did: z.string({ message: 'Enter what you did' }).trim().min(1, 'Enter what you did').max(2000, 'What you did must be 2,000 characters or fewer'),
  /** What changed for them, their team or their pupils. */
  changed: z
    .string({ message: 'Enter what changed as a result' })
    .trim()
    .min(1, 'Enter what changed as a result')
    .max(2000, 'What changed must be 2,000 characters or fewer'),
});
export type ModuleReflection = z.infer<typeof completeModuleForm>;

/** The reflection as stored (JSON text); anything unreadable shows as nothing. */
export function parseReflection(json: string | null): ModuleReflection | null {
  if (!json) return null;
  try {
    const parsed = completeModuleForm.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The roster's filter; anything unknown means every status. */
export const rosterQuery = z.object({
  status: z.enum(['active', 'deferred', 'withdrawn', 'completed']).optional().catch(undefined),
  /** The page after this enrolment (by id), in the roster's order; one not on the roster, or malformed, shows the first page. */
  after: z.string().max(64).optional().catch(undefined),
  /** The page before this enrolment (by id). */
  before: z.string().max(64).optional().catch(undefined),
});
