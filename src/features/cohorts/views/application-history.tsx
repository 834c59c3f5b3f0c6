import { formatDateTime } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import { APPLICATION_STATUSES } from '../cohorts.schemas';
import type { ApplicationStatus } from '../cohorts.tables';

export interface HistoryEvent {
  id: string;
  status: ApplicationStatus;
  reason: string | null;
  created_at: string;
  actor_id: string | null;
  given_name: string | null;
  family_name: string | null;
}

/** Every change to an application, oldest first: when, who, what and why. */
export function ApplicationHistory(props: { events: HistoryEvent[]; caption?: string }) {
  return (
    <Table
      caption={props.caption ?? 'History'}
      captionClasses="govuk-table__caption--m"
      head={[{ text: 'When' }, { text: 'Status' }, { text: 'Who' }, { text: 'Why' }]}
      rows={props.events.map((e) => [
        { text: formatDateTime(e.created_at) },
        { text: APPLICATION_STATUSES[e.status] },
        { text: e.actor_id ? `${e.given_name} ${e.family_name}` : 'Waymark' },
        { text: e.reason ?? '' },
      ])}
    />
  );
}
