import { StatusTag, type StatusDisplay } from '../../../platform/ui/components';
import type { BookingStatus, SessionStatus } from '../sessions.tables';

/** A session shows a tag only when it is cancelled. */
const SESSION_STATUS_TAGS: Record<SessionStatus, StatusDisplay | null> = {
  scheduled: null,
  cancelled: { text: 'Cancelled', colour: 'red' },
};

/** A booking that holds or waits for a place shows a tag; a cancelled one shows nothing. */
const BOOKING_STATUS_TAGS: Record<BookingStatus, StatusDisplay | null> = {
  booked: { text: 'Booked', colour: 'green' },
  waiting: { text: 'Waiting list', colour: 'yellow' },
  cancelled: null,
};

const FACILITATING: StatusDisplay = { text: 'Facilitating', colour: 'blue' };

/** Tags for a session in a list: cancelled, your booking, and whether you facilitate it. */
export function SessionStatusTags(props: { status: SessionStatus; booking?: BookingStatus | null; facilitating?: boolean }) {
  const tags = [SESSION_STATUS_TAGS[props.status], props.booking ? BOOKING_STATUS_TAGS[props.booking] : null, props.facilitating ? FACILITATING : null];
  // A space between tags, so they read as separate words ("Cancelled Facilitating"), not one.
  return (
    <>
      {tags.map((tag) =>
        tag ? (
          <>
            {' '}
            <StatusTag {...tag} />
          </>
        ) : null,
      )}
    </>
  );
}

/** Your place on an event: booked or on the waiting list. */
export function BookingStatusTag(props: { status: BookingStatus }) {
  const tag = BOOKING_STATUS_TAGS[props.status];
  return tag ? <StatusTag {...tag} /> : null;
}
