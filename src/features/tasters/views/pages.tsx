import { formatDateTime, formatTimeRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Input, Radios } from '../../../platform/ui/components';
import { Table } from '../../../platform/ui/components/table';
import { FormErrors } from '../../../platform/ui/form-parts';
import type { PublicSession } from '../../sessions';
import { placeOf, type TasterSettings } from '../tasters.service';

function When(props: { session: PublicSession }) {
  const s = props.session;
  return (
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">When</dt>
        <dd class="govuk-summary-list__value">{formatTimeRange(s.startsAt, s.endsAt)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Where</dt>
        <dd class="govuk-summary-list__value">{placeOf(s)}</dd>
      </div>
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">Run by</dt>
        <dd class="govuk-summary-list__value">{s.organisationName}</dd>
      </div>
    </dl>
  );
}

/** The public list of upcoming tasters. */
export function TastersPage({ tasters }: { tasters: PublicSession[] }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Taster sessions</h1>
        <p class="govuk-body">
          Open sessions and events anyone working in a school may come to, to find out about a programme. Sign up with your email address.
        </p>
        {tasters.length === 0 ? (
          <p class="govuk-body">There are no taster sessions coming up at the moment.</p>
        ) : (
          tasters.map((t) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">{t.title}</h2>
              </div>
              <div class="govuk-summary-card__content">
                <p class="govuk-body">
                  {formatTimeRange(t.startsAt, t.endsAt)}. {placeOf(t)}. Run by {t.organisationName}.
                </p>
                <a class="govuk-link" href={`/tasters/${t.id}`}>
                  Sign up for {t.title}
                </a>
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

/** One taster, with the sign-up form. */
export function TasterPage(props: { session: PublicSession; values: FormValues; errors?: FieldErrors | undefined; refusal?: string }) {
  const s = props.session;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        {props.refusal ? (
          <div class="govuk-error-summary" data-module="govuk-error-summary">
            <div role="alert">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body">
                <p class="govuk-body">{props.refusal}</p>
              </div>
            </div>
          </div>
        ) : null}
        <span class="govuk-caption-l">Taster session</span>
        <h1 class="govuk-heading-l">{s.title}</h1>
        <When session={s} />
        {s.description ? <p class="govuk-body">{s.description}</p> : null}
        <h2 class="govuk-heading-m">Sign up</h2>
        <p class="govuk-body">We will email you a link to confirm your place. Nothing is booked until you follow it.</p>
        <form method="post" action={`/tasters/${s.id}`} novalidate>
          <Input
            id="name"
            name="name"
            label={{ text: 'Your name' }}
            autocomplete="name"
            value={props.values.name}
            errorMessage={errorFor(props.errors, 'name')}
          />
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: 'Your email address' }}
            autocomplete="email"
            spellcheck={false}
            value={props.values.email}
            errorMessage={errorFor(props.errors, 'email')}
          />
          <Button text="Send me a link" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/tasters">
            All taster sessions
          </a>
        </p>
      </div>
    </div>
  );
}

export function CheckEmailPage({ email, session }: { email: string; session: PublicSession }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">
          We have sent an email about {session.title} to {email}. Follow the link in it to confirm your place.
        </p>
        <p class="govuk-body">If the address already has a place, the email says so and has the calendar file.</p>
        <p class="govuk-body">If nothing arrives in a few minutes, check your junk folder.</p>
      </div>
    </div>
  );
}

/** The page a sign-up's link opens: confirm (a button, never on GET), or the confirmed place with its calendar file. */
export function ConfirmPage(props: { token: string; session: PublicSession; name: string; confirmed: boolean }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.confirmed ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">Your place is confirmed</h1>
            <div class="govuk-panel__body">{props.session.title}</div>
          </div>
        ) : (
          <>
            <span class="govuk-caption-l">Taster session</span>
            <h1 class="govuk-heading-l">Confirm your place</h1>
          </>
        )}
        <When session={props.session} />
        {props.confirmed ? (
          <>
            <p class="govuk-body">We have emailed you the details, {props.name}.</p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/taster-sign-ups/${props.token}/calendar.ics`}>
                Add {props.session.title} to your calendar
              </a>
            </p>
          </>
        ) : (
          <form method="post" action={`/taster-sign-ups/${props.token}`} novalidate>
            <Button text="Confirm my place" />
          </form>
        )}
      </div>
    </div>
  );
}

export function LinkProblemPage({ reason }: { reason: 'unknown' | 'expired' }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link does not work</h1>
        <p class="govuk-body">
          {reason === 'expired'
            ? 'This link has expired. Sign up again from the taster’s page and we will send you a new one.'
            : 'The link may have been copied wrongly, or replaced by a newer one. Use the link in the latest email we sent you.'}
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/tasters">
            Taster sessions
          </a>
        </p>
      </div>
    </div>
  );
}

/** For the session's leads: whether it is a public taster, and who signed up. */
export function TasterSettingsPage(props: { data: TasterSettings; errors?: FieldErrors | undefined; saved?: boolean }) {
  const { session, isPublic, signUps } = props.data;
  const confirmed = signUps.filter((s) => s.status === 'confirmed').length;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <FormErrors errors={props.errors} />
        {props.saved ? (
          <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="saved-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="saved-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">
                {isPublic ? 'Anyone may now sign up for this session' : 'This session is no longer open to the public'}
              </p>
            </div>
          </div>
        ) : null}
        <span class="govuk-caption-l">{session.title}</span>
        <h1 class="govuk-heading-l">Public taster</h1>
        <p class="govuk-body">
          A public taster is listed on <a href="/tasters">the taster sessions page</a>, which needs no sign-in: anyone may sign up with their email address,
          confirmed by a link. Sign-ups are deleted after the retention period.
        </p>
        <form method="post" action={`/sessions/${session.id}/public-taster`} novalidate>
          <Radios
            name="public"
            fieldset={{ legend: { text: 'Can anyone sign up for this session?', classes: 'govuk-fieldset__legend--s' } }}
            value={isPublic ? 'yes' : 'no'}
            errorMessage={errorFor(props.errors, 'public')}
            items={[
              { value: 'yes', text: 'Yes, list it as a public taster' },
              { value: 'no', text: 'No, only people in our organisation' },
            ]}
          />
          <Button text="Save" />
        </form>
        <h2 class="govuk-heading-m">Sign-ups</h2>
        {signUps.length === 0 ? (
          <p class="govuk-body">Nobody has signed up yet.</p>
        ) : (
          <>
            <p class="govuk-body">
              {confirmed} confirmed, {signUps.length - confirmed} waiting to confirm.{' '}
              <a class="govuk-link" href={`/sessions/${session.id}/public-taster/sign-ups.csv`}>
                Download the sign-ups (CSV)
              </a>
            </p>
            <Table
              head={[{ text: 'Name' }, { text: 'Email' }, { text: 'Signed up' }, { text: 'Status' }]}
              rows={signUps.map((s) => [
                { text: s.name },
                { text: s.email },
                { text: formatDateTime(s.created_at) },
                { text: s.status === 'confirmed' ? 'Confirmed' : 'Waiting to confirm' },
              ])}
            />
          </>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href={`/sessions/${session.id}`}>
            Back to {session.title}
          </a>
        </p>
      </div>
    </div>
  );
}
