import { REQUIREMENT_STATUS_TEXT, type RequirementStatus } from '../../../platform/completion';
import { StatusTag, type TagColour } from '../../../platform/ui/components';
import { ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { EnrolmentStatus } from '../enrolments.tables';

/** The tag colour of each enrolment status. */
const ENROLMENT_STATUS_COLOURS: Record<EnrolmentStatus, TagColour> = {
  active: 'blue',
  deferred: 'yellow',
  withdrawn: 'grey',
  completed: 'green',
};

/** As the GOV.UK task list shows them: not started and in progress as blue tags, met as plain text. */
const REQUIREMENT_STATUS_COLOURS: Record<RequirementStatus, TagColour | null> = {
  not_started: 'blue',
  in_progress: 'blue',
  met: null,
};

export function EnrolmentStatusTag(props: { status: EnrolmentStatus }) {
  return <StatusTag text={ENROLMENT_STATUSES[props.status]} colour={ENROLMENT_STATUS_COLOURS[props.status]} />;
}

export function RequirementStatusTag(props: { status: RequirementStatus }) {
  const colour = REQUIREMENT_STATUS_COLOURS[props.status];
  return colour ? <StatusTag text={REQUIREMENT_STATUS_TEXT[props.status]} colour={colour} /> : REQUIREMENT_STATUS_TEXT[props.status];
}
