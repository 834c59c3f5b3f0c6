import { z } from 'zod';
import { addDays, parseDateParts } from '../../platform/dates';
import type { FieldErrors } from '../../platform/http/errors';
import { inFieldOrder, type FormValues } from '../../platform/http/forms';
import type { ApplicationStatus, EndorsementKind, EndorsementStatus } from './cohorts.tables';

/** Every status an application can be in, with its label (the lifecycle is in applications.lifecycle.ts). */
export const APPLICATION_STATUSES: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  awaiting_endorsement: 'Awaiting endorsement',
  endorsed: 'Endorsed',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const ENDORSEMENT_KINDS: Record<EndorsementKind, string> = {
  line_manager: 'Line manager’s endorsement',
  headteacher: 'Headteacher’s support',
};

export const ENDORSEMENT_STATUSES: Record<EndorsementStatus, string> = {
  waiting: 'Not asked yet',
  requested: 'Waiting for an answer',
  supported: 'Supports',
  not_supported: 'Does not support',
  cancelled: 'No longer needed',
};

/**
 * The application's sections, in task-list order. Coach and project appear only when the programme
 * asks; the headteacher only for an applicant from a school not on Waymark, when the cohort asks for
 * the headteacher's support.
 */
export const SECTIONS = ['role', 'motivation', 'declarations', 'coach', 'project', 'headteacher'] as const;
export type Section = (typeof SECTIONS)[number];

export const SECTION_TITLES: Record<Section, string> = {
  role: 'Your current role and experience',
  motivation: 'Why you want to take part',
  declarations: 'Eligibility declarations',
  coach: 'Your in-school coach',
  project: 'Your whole-school project idea',
  headteacher: 'Your headteacher',
};

/** The same sections' headings for anyone reading someone else's application (a line manager, a programme lead). */
export const SECTION_TITLES_FOR_READERS: Record<Section, string> = {
  role: 'Current role and experience',
  motivation: 'Why they want to take part',
  declarations: 'Eligibility declarations',
  coach: 'In-school coach',
  project: 'Whole-school project idea',
  headteacher: 'Headteacher',
};

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/** Words as a reader counts them: runs of non-space characters. */
export function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

const PROJECT_WORD_LIMIT = 500;
export { PROJECT_WORD_LIMIT };

// ----- Cohort form -----

export interface CohortForm {
  name: string;
  opensOn: string;
  closesOn: string;
  endorsementDeadline: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  leadIds: string[];
  needsLineManager: boolean;
  needsHeadteacher: boolean;
}

export const COHORT_DATE_FIELDS = {
  opensOn: 'Date applications open',
  closesOn: 'Date applications close',
  endorsementDeadline: 'Endorsement deadline',
  startsOn: 'Start date',
  endsOn: 'End date',
} as const;
type DateField = keyof typeof COHORT_DATE_FIELDS;

const cohortBasics = z.object({
  // The cohort's name, unique within its programme: "Cohort 8".
  name: z.string().trim().min(1, 'Enter a name for the cohort, for example Cohort 8').max(100, 'Name must be 100 characters or fewer'),
  // How many places: a whole number from 1.
  capacity: z
    .string()
    .trim()
    .min(1, 'Enter how many places the cohort has')
    .regex(/^\d+$/, 'Number of places must be a whole number, like 12')
    .transform(Number)
    .refine((n) => n >= 1, 'Number of places must be 1 or more')
    .refine((n) => n <= 10000, 'Number of places must be 10,000 or fewer'),
});

/**
 * Reads the cohort form: GOV.UK date inputs (day, month, year) become YYYY-MM-DD; the dates are
 * checked against each other. Errors come back in the order the fields appear.
 */
export function readCohortForm(values: FormValues, leadIds: string[]): { ok: true; data: CohortForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const dates: Partial<Record<DateField, string>> = {};
  for (const [field, label] of Object.entries(COHORT_DATE_FIELDS) as [DateField, string][]) {
    const parsed = parseDateParts(values[`${field}-day`] ?? '', values[`${field}-month`] ?? '', values[`${field}-year`] ?? '');
    if ('date' in parsed) dates[field] = parsed.date;
    else if (parsed.error === 'empty') {
      if (field !== 'endorsementDeadline') errors[field] = `Enter the ${label.toLowerCase()}`;
    } else errors[field] = `${label} ${parsed.error}`;
  }
  if (dates.opensOn && dates.closesOn && dates.closesOn < dates.opensOn)
    errors.closesOn = 'Date applications close must be the same as or after the date they open';
  if (dates.closesOn && dates.endorsementDeadline && dates.endorsementDeadline < dates.closesOn)
    errors.endorsementDeadline = 'Endorsement deadline must be the same as or after the date applications close';
  if (dates.closesOn && dates.startsOn && dates.startsOn < dates.closesOn)
    errors.startsOn = 'Start date must be the same as or after the date applications close';
  if (dates.startsOn && dates.endsOn && dates.endsOn < dates.startsOn) errors.endsOn = 'End date must be the same as or after the start date';
  const basics = cohortBasics.safeParse({ name: values.name ?? '', capacity: values.capacity ?? '' });
  if (!basics.success) {
    for (const issue of basics.error.issues) {
      const key = String(issue.path[0]);
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !basics.success) {
    const order = ['name', 'opensOn', 'closesOn', 'endorsementDeadline', 'startsOn', 'endsOn', 'capacity', 'leadIds'];
    return { ok: false, errors: inFieldOrder(errors, order) };
  }
  const closesOn = dates.closesOn as string;
  return {
    ok: true,
    data: {
      name: basics.data.name,
      opensOn: dates.opensOn as string,
      closesOn,
      // Endorsers get two weeks after the window closes unless the lead says otherwise.
      endorsementDeadline: dates.endorsementDeadline ?? addDays(closesOn, 14),
      startsOn: dates.startsOn as string,
      endsOn: dates.endsOn as string,
      capacity: basics.data.capacity,
      leadIds: [...new Set(leadIds.filter(Boolean))],
      needsLineManager: values.needsLineManager === 'yes',
      needsHeadteacher: values.needsHeadteacher === 'yes',
    },
  };
}

/** Form values for a YYYY-MM-DD date shown in a GOV.UK date input. */
export function dateParts(field: string, date: string | null): FormValues {
  const [year, month, day] = (date ?? '').split('-');
  return { [`${field}-day`]: day ? String(Number(day)) : '', [`${field}-month`]: month ? String(Number(month)) : '', [`${field}-year`]: year ?? '' };
}

// ----- Application sections -----

const longText = (missing: string, label: string, max = 5000) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const roleSection = z.object({
  // The applicant's job as they describe it; prefilled from the staff record's job title.
  currentRole: z.string().trim().min(1, 'Enter your current role').max(200, 'Current role must be 200 characters or fewer'),
  // Leadership experience so far, in their own words.
  experience: longText('Describe your leadership experience so far', 'Your experience'),
});

/** Motivation, limited to the programme's word count. */
export function motivationSection(wordLimit: number) {
  return z.object({
    motivation: longText('Tell us why you want to take part', 'Why you want to take part', 20000).refine(
      (text) => countWords(text) <= wordLimit,
      `Why you want to take part must be ${wordLimit} words or fewer`,
    ),
  });
}

export const coachSection = z.discriminatedUnion('coachType', [
  // A colleague who is on Waymark, chosen from the list.
  z.object({ coachType: z.literal('colleague'), coachPersonId: z.string().trim().min(1, 'Select your coach from the list') }),
  // Someone not on Waymark: a name and an email address.
  z.object({
    coachType: z.literal('external'),
    coachName: z.string().trim().min(1, 'Enter your coach’s full name').max(200, 'Coach’s name must be 200 characters or fewer'),
    coachEmail: z
      .string()
      .trim()
      .min(1, 'Enter your coach’s email address')
      .max(254, 'Coach’s email address must be 254 characters or fewer')
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.org'),
  }),
]);
export const coachTypeMissing = 'Select whether your coach is on Waymark';

export const projectSection = z.object({
  // The whole-school change they would lead.
  projectIdea: longText('Describe your whole-school project idea', 'Your project idea', 20000).refine(
    (text) => countWords(text) <= PROJECT_WORD_LIMIT,
    `Your project idea must be ${PROJECT_WORD_LIMIT} words or fewer`,
  ),
});

const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const headteacherSection = z.object({
  // The headteacher of the applicant's school, who is emailed a link to give their support.
  headteacherName: z.string().trim().min(1, 'Enter your headteacher’s full name').max(150, 'Your headteacher’s name must be 150 characters or fewer'),
  headteacherEmail: z
    .string()
    .trim()
    .min(1, 'Enter your headteacher’s work email address')
    .max(254, 'Your headteacher’s email address must be 254 characters or fewer')
    .regex(EMAIL_FORMAT, 'Enter an email address in the correct format, like head@school.org.uk'),
});

// ----- Decisions, endorsements, withdrawal -----

export const DECISIONS = { accept: 'Accept', waitlist: 'Add to the waiting list', decline: 'Decline' } as const;
export type Decision = keyof typeof DECISIONS;

export const decisionForm = z
  .object({
    // What the lead decided.
    decision: z.enum(['accept', 'waitlist', 'decline'], { error: 'Select a decision' }),
    // Why: the applicant sees it. Needed when declining or waitlisting; optional when accepting.
    reason: z.string().trim().max(2000, 'Reason must be 2,000 characters or fewer'),
  })
  .refine((form) => form.decision === 'accept' || form.reason.length > 0, {
    path: ['reason'],
    message: 'Enter the reason for your decision: the applicant will see it',
  });
export type DecisionForm = z.infer<typeof decisionForm>;

/** Accepting several endorsed applications at once, from a cohort's list. */
export const bulkAcceptForm = z.object({
  applicationIds: z.array(z.string().trim().min(1).max(100)).min(1, 'Select the applications to accept').max(500),
});

export const endorsementForm = z
  .object({
    // Whether the endorser supports the application.
    answer: z.enum(['support', 'not_support'], { error: 'Select whether you support this application' }),
    // Required when not supporting: the applicant sees it.
    comment: z.string().trim().max(2000, 'Comment must be 2,000 characters or fewer'),
  })
  .refine((form) => form.answer === 'support' || form.comment.length > 0, { path: ['comment'], message: 'Enter why you do not support this application' });
export type EndorsementForm = z.infer<typeof endorsementForm>;

/** The headteacher's answer by email link: who they are, and their support with a statement, or not with a reason. */
export const headteacherAnswerForm = z
  .object({
    // The headteacher confirms their name (prefilled with the one the applicant gave)…
    name: z.string().trim().min(1, 'Enter your full name').max(150, 'Your name must be 150 characters or fewer'),
    // …and their role at the school.
    role: z.string().trim().min(1, 'Enter your role at the school, for example Headteacher').max(150, 'Your role must be 150 characters or fewer'),
    answer: z.enum(['support', 'not_support'], { error: 'Select whether you support this application' }),
    // A statement of support, or the reason for not supporting: the applicant and the provider see it.
    statement: z.string().trim().max(2000, 'Your statement must be 2,000 characters or fewer'),
  })
  .superRefine((form, context) => {
    if (form.statement.length > 0) return;
    context.addIssue({
      code: 'custom',
      path: ['statement'],
      message: form.answer === 'not_support' ? 'Enter why you do not support this application' : 'Enter a short statement of your support',
    });
  });
export type HeadteacherAnswerForm = z.infer<typeof headteacherAnswerForm>;

export const withdrawForm = z.object({
  // Optional: why they are withdrawing.
  reason: z.string().trim().max(2000, 'Reason must be 2,000 characters or fewer'),
});

/** The review queue's filters, from the query string; anything unrecognised is ignored. */
export const queueQuery = z.object({
  school: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['submitted', 'awaiting_endorsement', 'endorsed', 'accepted', 'waitlisted', 'declined', 'withdrawn']).optional().catch(undefined),
  eligibility: z.enum(['eligible', 'not_eligible']).optional().catch(undefined),
  /** The page after this application (by id), in the queue's order; one not in the filtered queue, or malformed, shows the first page. */
  after: z.string().max(64).optional().catch(undefined),
  /** The page before this application (by id). */
  before: z.string().max(64).optional().catch(undefined),
});
export type QueueQuery = z.infer<typeof queueQuery>;
