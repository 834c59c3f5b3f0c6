import { StatusTag, type TagColour } from '../../../platform/ui/components';
import { APPLICATION_STATUSES, ENDORSEMENT_STATUSES } from '../cohorts.schemas';
import type { ApplicationStatus, EndorsementStatus } from '../cohorts.tables';

/** The tag colour of each application status. */
const APPLICATION_STATUS_COLOURS: Record<ApplicationStatus, TagColour> = {
  draft: 'grey',
  submitted: 'blue',
  awaiting_endorsement: 'yellow',
  endorsed: 'teal',
  accepted: 'green',
  waitlisted: 'purple',
  declined: 'red',
  withdrawn: 'grey',
};

/** The tag colour of each endorsement status. */
const ENDORSEMENT_STATUS_COLOURS: Record<EndorsementStatus, TagColour> = {
  waiting: 'grey',
  requested: 'yellow',
  supported: 'green',
  not_supported: 'red',
  cancelled: 'grey',
};

export function ApplicationStatusTag(props: { status: ApplicationStatus }) {
  return <StatusTag text={APPLICATION_STATUSES[props.status]} colour={APPLICATION_STATUS_COLOURS[props.status]} />;
}

export function EndorsementStatusTag(props: { status: EndorsementStatus }) {
  return <StatusTag text={ENDORSEMENT_STATUSES[props.status]} colour={ENDORSEMENT_STATUS_COLOURS[props.status]} />;
}
