import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, NotificationBanner, Radios } from '../../../platform/ui/components';
import { formatTime, formatTimeRange } from '../../../platform/dates';
import { ATTENDANCE_STATUS_TEXT, reasonField, statusField, type Register, type RegisterEntry } from '../attendance.service';
import { ATTENDANCE_STATUSES } from '../sessions.tables';

/** What the register shows under a person's name: how they were marked, when it was a check-in. */
function markHint(entry: RegisterEntry): string | undefined {
  const parts = [entry.schoolName ?? ''];
  if (entry.method === 'check_in' && entry.markedAt) parts.push(`Checked in at ${formatTime(entry.markedAt)}`);
  const text = parts.filter(Boolean).join('. ');
  return text || undefined;
}

function summaryLine(register: Register): string {
  const c = register.counts;
  const n = register.entries.length;
  return `${n} ${n === 1 ? 'person' : 'people'} expected: ${c.present} present, ${c.late} late, ${c.absent_with_reason} absent with reason, ${c.absent} absent, ${c.unmarked} not marked yet.`;
}

/**
 * The register, built for a phone: one column, one fieldset of large radios per person, and the
 * reason box always shown (no conditional reveals; decision 0005). Works without JavaScript.
 */
export function RegisterPage(props: { register: Register; values?: FormValues; errors?: FieldErrors; banner?: string }) {
  const { session, entries } = props.register;
  const errors = props.errors ?? {};
  const values = props.values;
  const shownValue = (entry: RegisterEntry, field: 'status' | 'reason') =>
    values
      ? (values[field === 'status' ? statusField(entry.personId) : reasonField(entry.personId)] ?? '')
      : field === 'status'
        ? (entry.status ?? '')
        : (entry.reason ?? '');
  const unmarked = props.register.counts.unmarked;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">{session.title}</span>
        <h1 class="govuk-heading-l">Register</h1>
        <p class="govuk-body">{formatTimeRange(session.startsAt, session.endsAt)}</p>
        {session.cohortName ? <p class="govuk-body">{`${session.programmeTitle ?? ''}: ${session.cohortName}`}</p> : null}
        {session.cancelled ? (
          <p class="govuk-body">This session was cancelled, so it has no register.</p>
        ) : entries.length === 0 ? (
          <p class="govuk-body">{session.isEvent ? 'Nobody has a place at this event yet.' : 'Nobody is enrolled in this cohort yet.'}</p>
        ) : (
          <>
            <p class="govuk-body">{summaryLine(props.register)}</p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/sessions/${session.id}/check-in-code`}>
                Show the check-in code
              </a>{' '}
              so people can mark themselves present on their phones.
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/sessions/${session.id}/register.csv`} download>
                Download as CSV<span class="govuk-visually-hidden">: the register of {session.title}</span>
              </a>
            </p>
            {unmarked > 0 ? (
              <form method="post" action={`/sessions/${session.id}/register/all-present`}>
                <Button
                  text={`Mark ${unmarked === entries.length ? 'everyone' : `the ${unmarked} not marked yet`} as present`}
                  classes="govuk-button--secondary"
                />
              </form>
            ) : null}
            <form method="post" action={`/sessions/${session.id}/register`} novalidate>
              {entries.map((entry) => (
                <>
                  <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
                  <Radios
                    idPrefix={statusField(entry.personId)}
                    name={statusField(entry.personId)}
                    classes="govuk-radios--inline"
                    fieldset={{ legend: { text: entry.name, classes: 'govuk-fieldset__legend--s' } }}
                    hint={markHint(entry) ? { text: markHint(entry) } : undefined}
                    items={ATTENDANCE_STATUSES.map((status) => ({ value: status, text: ATTENDANCE_STATUS_TEXT[status] }))}
                    value={shownValue(entry, 'status')}
                    errorMessage={errorFor(errors, statusField(entry.personId))}
                  />
                  <Input
                    id={reasonField(entry.personId)}
                    name={reasonField(entry.personId)}
                    label={{ text: `Reason ${entry.name} was absent` }}
                    hint={{ text: 'Only for absent with reason' }}
                    value={shownValue(entry, 'reason')}
                    errorMessage={errorFor(errors, reasonField(entry.personId))}
                    spellcheck
                  />
                </>
              ))}
              <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
              <Button text="Save the register" />
            </form>
          </>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/sessions/${session.id}`}>
            Back to the session
          </a>
        </p>
      </div>
    </div>
  );
}
