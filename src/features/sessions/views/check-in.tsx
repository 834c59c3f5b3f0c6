import { raw } from 'hono/html';
import { Button, ErrorSummary, Input, InsetText, Panel } from '../../../platform/ui/components';
import { formatDateTime, formatTime, formatTimeRange } from '../../../platform/dates';
import { ATTENDANCE_STATUS_TEXT, type CheckInCodeView, type CheckInPage } from '../attendance.service';

/** "123 456": easier to read across a room. */
function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/**
 * The facilitator's screen: the code in large type and as a QR code. The page reloads itself when
 * the code changes (an HTTP Refresh header, not a meta refresh), and says so; "Stop refreshing"
 * turns that off (WCAG 2.2.1).
 */
export function CheckInCodePage(props: { view: CheckInCodeView; refreshing: boolean; qrSvg: string | null }) {
  const { session, code, window } = props.view;
  const base = `/sessions/${session.id}/check-in-code`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{session.title}</span>
        <h1 class="govuk-heading-l">Check-in code</h1>
        <p class="govuk-body">{formatTimeRange(session.startsAt, session.endsAt)}</p>
        {session.cancelled ? (
          <p class="govuk-body">This session was cancelled, so nobody can check in to it.</p>
        ) : window === 'not_open' ? (
          <p class="govuk-body">Checking in opens 15 minutes before the session starts. The code will show here then.</p>
        ) : window === 'closed' ? (
          <p class="govuk-body">
            The session has ended, so checking in has closed. You can still{' '}
            <a class="govuk-link" href={`/sessions/${session.id}/register`}>
              take the register
            </a>
            .
          </p>
        ) : code ? (
          <>
            <p class="govuk-body">
              Participants go to the session on Waymark, choose “Check in” and enter this code, or scan the QR code with their phone’s camera.
            </p>
            <p class="govuk-heading-xl" id="check-in-code">
              <span class="govuk-visually-hidden">The code is </span>
              {spacedCode(code)}
            </p>
            {props.qrSvg ? <div class="govuk-!-margin-bottom-6">{raw(props.qrSvg)}</div> : null}
          </>
        ) : null}
        {window !== 'closed' && !session.cancelled ? (
          props.refreshing ? (
            <p class="govuk-body">
              The code changes every minute. This page updates itself when it does.{' '}
              <a class="govuk-link" href={`${base}?refresh=off`}>
                Stop the page updating itself
              </a>
            </p>
          ) : (
            <p class="govuk-body">
              The code changes every minute and this page no longer updates itself: a code works for 1 to 2 minutes after it appears.{' '}
              <a class="govuk-link" href={`${base}?refresh=off`}>
                Show the current code
              </a>{' '}
              or{' '}
              <a class="govuk-link" href={base}>
                let the page update itself again
              </a>
              .
            </p>
          )
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href={`/sessions/${session.id}/register`}>
            Take the register
          </a>
        </p>
      </div>
    </div>
  );
}

/** A participant checks in with the code, or is told why they can't. */
export function CheckInPageView(props: { page: CheckInPage; code: string; error?: string; done?: boolean }) {
  const { session, state } = props.page;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: props.error, href: '#code' }]} /> : null}
        {props.done && state.kind === 'marked' && state.method === 'check_in' ? (
          <Panel titleText="You’re checked in" text={`${ATTENDANCE_STATUS_TEXT[state.status]} at ${formatTime(state.markedAt)}`} />
        ) : null}
        <span class="govuk-caption-l">{session.title}</span>
        <h1 class="govuk-heading-l">Check in</h1>
        <p class="govuk-body">{formatTimeRange(session.startsAt, session.endsAt)}</p>
        {state.kind === 'cancelled' ? (
          <p class="govuk-body">This session was cancelled, so there is nothing to check in to.</p>
        ) : state.kind === 'not_expected' ? (
          <p class="govuk-body">
            You are not on the register for this session, so you cannot check in to it. If you think you should be, speak to the facilitator.
          </p>
        ) : state.kind === 'marked' ? (
          props.done ? null : (
            <p class="govuk-body">
              {state.method === 'check_in'
                ? `You checked in at ${formatTime(state.markedAt)} and are marked ${ATTENDANCE_STATUS_TEXT[state.status].toLowerCase()}.`
                : `The facilitator has marked you ${ATTENDANCE_STATUS_TEXT[state.status].toLowerCase()} on the register, so you do not need to check in.`}
            </p>
          )
        ) : state.kind === 'not_open' ? (
          <p class="govuk-body">Checking in opens on {formatDateTime(state.opensAt)}, 15 minutes before the session starts.</p>
        ) : state.kind === 'closed' ? (
          <p class="govuk-body">The session has ended, so checking in has closed. If you were there, ask the facilitator to mark you present.</p>
        ) : (
          <form method="post" action={`/sessions/${session.id}/check-in`} novalidate>
            <InsetText text="If you arrive more than 10 minutes after the start, you will be marked late." />
            <Input
              id="code"
              name="code"
              label={{ text: 'Code on the facilitator’s screen', classes: 'govuk-label--m' }}
              hint={{ text: 'The 6-digit code changes every minute' }}
              classes="govuk-input--width-10"
              inputmode="numeric"
              autocomplete="one-time-code"
              spellcheck={false}
              value={props.code}
              errorMessage={props.error ? { text: props.error } : undefined}
            />
            <Button text="Check in" />
          </form>
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
