import { formatDate } from '../../../platform/dates';
import { Tag } from '../../../platform/ui/components';
import type { RequirementStatus } from '../../../platform/completion';
import { REQUIREMENT_STATUS_TEXT } from '../../../platform/completion';
import { ENROLMENT_STATUS_TAG, ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { EnrolmentStatus } from '../enrolments.tables';

export function EnrolmentStatusTag(props: { status: EnrolmentStatus }) {
  return <Tag text={ENROLMENT_STATUSES[props.status]} classes={ENROLMENT_STATUS_TAG[props.status]} />;
}

/** GOV.UK task list colours: not started blue, in progress light blue, met as plain text. */
export const REQUIREMENT_TAG: Record<RequirementStatus, string | null> = {
  not_started: 'govuk-tag--blue',
  in_progress: 'govuk-tag--light-blue',
  met: null,
};

export function RequirementStatusTag(props: { status: RequirementStatus }) {
  const classes = REQUIREMENT_TAG[props.status];
  return classes ? <Tag text={REQUIREMENT_STATUS_TEXT[props.status]} classes={classes} /> : <>{REQUIREMENT_STATUS_TEXT[props.status]}</>;
}

/** "11 January 2027 to 16 July 2027" */
export function cohortDates(cohort: { starts_on: string; ends_on: string }): string {
  return `${formatDate(cohort.starts_on)} to ${formatDate(cohort.ends_on)}`;
}
