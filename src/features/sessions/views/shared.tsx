import type { Child } from 'hono/jsx';
import { formatTimeRange } from '../../../platform/dates';
import { SummaryList, Tag } from '../../../platform/ui/components';
import { EVENT_KINDS } from '../sessions.schemas';
import type { BookingStatus, SessionKind, SessionMode, SessionStatus } from '../sessions.tables';

/** A summary list whose values may hold markup (no actions); with `card`, inside a summary card with that title. */
export function Rows(props: { rows: { key: string; value: Child }[]; card?: Child }) {
  // The values go in as JSX (escaped), never as raw HTML strings.
  return (
    <SummaryList
      rows={props.rows.map((row) => ({ key: { text: row.key }, value: { html: <>{row.value}</> } }))}
      card={props.card === undefined ? undefined : { title: { html: <>{props.card}</> } }}
    />
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
