import { formatDate, formatDateTime } from '../../../platform/dates';
import { SummaryList } from '../../../platform/ui/components';
import type { EndorsementRow } from '../cohorts.queries';
import { ENDORSEMENT_KINDS } from '../cohorts.schemas';
import { EndorsementStatusTag } from './status-tags';

/**
 * Who has been asked for their support, and what they said. `outsideLineManager`: the cohort needs a
 * line manager's endorsement but the applicant is from a school not on Waymark, so their
 * headteacher's support stands for the school; said plainly, to the applicant (`reader`) or others.
 */
export function EndorsementSummary(props: { endorsements: EndorsementRow[]; outsideLineManager?: boolean; reader?: 'applicant' | 'others' }) {
  if (props.endorsements.length === 0 && !props.outsideLineManager) return <p class="govuk-body">This cohort does not ask for endorsements.</p>;
  const standIn = props.outsideLineManager
    ? [
        {
          key: { text: 'Line manager' },
          value: {
            text:
              props.reader === 'applicant'
                ? 'Your school is not on Waymark, so your headteacher’s support stands for your school: no line manager is asked'
                : 'Not on Waymark — the headteacher’s support stands for the school',
          },
        },
      ]
    : [];
  return (
    <SummaryList
      rows={[
        ...standIn,
        ...props.endorsements.map((e) => ({
          key: { text: ENDORSEMENT_KINDS[e.kind] },
          value: {
            html: (
              <>
                <EndorsementStatusTag status={e.status} />
                {e.endorser_email ? (
                  <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    {e.answered_at
                      ? `Answered by ${e.answered_name}, ${e.answered_role}, on ${formatDateTime(e.answered_at)}, by email link (asked: ${e.endorser_name}, ${e.endorser_email})`
                      : e.status === 'requested'
                        ? `${e.endorser_name} (${e.endorser_email}), asked by email link${e.requested_at ? ` sent on ${formatDateTime(e.requested_at)}` : ''}${e.reminded_at ? `, reminded on ${formatDateTime(e.reminded_at)}` : ''}${e.expires_at ? `; the link works until ${formatDate(e.expires_at)}` : ''}${e.due_on ? `; to answer by ${formatDate(e.due_on)}` : ''}`
                        : `${e.endorser_name} (${e.endorser_email}), to be asked by email link`}
                  </p>
                ) : (
                  <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                    {e.kind === 'line_manager'
                      ? `${e.endorser_given_name ?? ''} ${e.endorser_family_name ?? ''}`.trim() || 'Line manager'
                      : e.school_name
                        ? `Headteacher or admin of ${e.school_name}`
                        : 'An organisation admin'}
                    {e.answered_at
                      ? e.answered_by && e.answered_by === e.endorser_id
                        ? `, answered on ${formatDate(e.answered_at)}`
                        : `, answered by ${e.answerer_given_name} ${e.answerer_family_name} on ${formatDate(e.answered_at)}`
                      : e.status === 'requested' && e.due_on
                        ? `, asked to answer by ${formatDate(e.due_on)}`
                        : ''}
                  </p>
                )}
                {e.comment ? <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">“{e.comment}”</p> : null}
              </>
            ),
          },
        })),
      ]}
    />
  );
}
