import type { Child } from 'hono/jsx';
import { formatTimeRange } from '../../../platform/dates';
import { Tag } from '../../../platform/ui/components';
import { EVENT_KINDS } from '../sessions.schemas';
import type { BookingStatus, SessionKind, SessionMode, SessionStatus } from '../sessions.tables';

/** A summary list whose values may hold markup (no actions). */
export function Rows(props: { rows: { key: string; value: Child }[] }) {
  return (
    <dl class="govuk-summary-list">
      {props.rows.map((row) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function When(props: { startsAt: string; endsAt: string }) {
  return <>{formatTimeRange(props.startsAt, props.endsAt)}</>;
}

/** "In person: Aspen Academy, Room 12" or "Online" (the link is shown where it can be followed). */
export function placeSummary(s: { mode: SessionMode; venue: string | null }): string {
  return s.mode === 'online' ? 'Online' : (s.venue ?? 'In person');
}

export function kindName(kind: SessionKind): string {
  return kind === 'session' ? 'Session' : EVENT_KINDS[kind];
}

export function StatusTags(props: { status: SessionStatus; booking?: BookingStatus | null; facilitating?: boolean }) {
  return (
    <>
      {props.status === 'cancelled' ? <Tag text="Cancelled" classes="govuk-tag--red" /> : null}
      {props.booking === 'booked' ? <Tag text="Booked" classes="govuk-tag--green" /> : null}
      {props.booking === 'waiting' ? <Tag text="Waiting list" classes="govuk-tag--yellow" /> : null}
      {props.facilitating ? <Tag text="Facilitating" classes="govuk-tag--blue" /> : null}
    </>
  );
}
