import { formatDateTime, formatTimeRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Input, Radios } from '../../../platform/ui/components';
import { Table } from '../../../platform/ui/components/table';
import { FormErrors } from '../../../platform/ui/form-parts';
import type { PublicSession } from '../../sessions';
import { type LinkProblem, placeOf, signUpStatusText, type TasterListing, type TasterSettings } from '../tasters.service';
import type { TasterSignUpStatus } from '../tasters.tables';

/** "3 of 20 places left", "Full", or nothing when places are not limited. */
export function placesText(t: Pick<TasterListing, 'places' | 'placesLeft'>): string | null {
  if (t.places === null || t.placesLeft === null) return null;
  if (t.placesLeft === 0) return `Full (${t.places} ${t.places === 1 ? 'place' : 'places'}): you can join the waiting list`;
  return `${t.placesLeft} of ${t.places} ${t.places === 1 ? 'place' : 'places'} left`;
}

function When(props: { session: PublicSession; places?: string | null }) {
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
      {props.places ? (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Places</dt>
          <dd class="govuk-summary-list__value">{props.places}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The public list of upcoming tasters. */
export function TastersPage({ tasters }: { tasters: TasterListing[] }) {
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
                {placesText(t) ? <p class="govuk-body">{placesText(t)}.</p> : null}
                <a class="govuk-link" href={`/tasters/${t.id}`}>
                  {t.placesLeft === 0 ? 'Join the waiting list for' : 'Sign up for'} {t.title}
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
export function TasterPage(props: { session: TasterListing; values: FormValues; errors?: FieldErrors | undefined; refusal?: string }) {
  const s = props.session;
  const full = s.placesLeft === 0;
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
        <When session={s} places={placesText(s)} />
        {s.description ? <p class="govuk-body">{s.description}</p> : null}
        <h2 class="govuk-heading-m">{full ? 'Join the waiting list' : 'Sign up'}</h2>
        {full ? (
          <p class="govuk-body">
            This taster is full. Join the waiting list and we will email you a link to confirm. If a place comes free, it goes to the people waiting in the
            order they joined, and we will email you if it is yours.
          </p>
        ) : (
          <p class="govuk-body">We will email you a link to confirm your place. Nothing is booked until you follow it.</p>
        )}
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
          <Button text={full ? 'Join the waiting list' : 'Send me a link'} />
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

/** The page a sign-up's link opens: confirm (a button, never on GET), or the place or waiting-list place, with the calendar file and the link to cancel. */
export function ConfirmPage(props: { token: string; session: PublicSession; name: string; status: TasterSignUpStatus; waitingPosition: number | null }) {
  const { status } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {status === 'confirmed' ? (
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">Your place is confirmed</h1>
            <div class="govuk-panel__body">{props.session.title}</div>
          </div>
        ) : status === 'waiting' ? (
          <>
            <span class="govuk-caption-l">{props.session.title}</span>
            <h1 class="govuk-heading-l">You are on the waiting list</h1>
          </>
        ) : (
          <>
            <span class="govuk-caption-l">Taster session</span>
            <h1 class="govuk-heading-l">Confirm your place</h1>
          </>
        )}
        <When session={props.session} />
        {status === 'confirmed' ? (
          <>
            <p class="govuk-body">We have emailed you the details, {props.name}.</p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/taster-sign-ups/${props.token}/calendar.ics`}>
                Add {props.session.title} to your calendar
              </a>
            </p>
            <p class="govuk-body">
              If you can no longer come,{' '}
              <a class="govuk-link" href={`/taster-sign-ups/${props.token}/cancel`}>
                cancel your place
              </a>{' '}
              so that someone else can have it.
            </p>
          </>
        ) : status === 'waiting' ? (
          <>
            <p class="govuk-body">
              This taster is full. You are number {props.waitingPosition ?? 1} on the waiting list, {props.name}. If a place comes free, it goes to the people
              waiting in the order they joined, and we will email you if it is yours.
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/taster-sign-ups/${props.token}/cancel`}>
                Leave the waiting list
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

/** The private cancel link's page: a button (never on GET). */
export function CancelPage(props: { token: string; session: PublicSession; waiting: boolean }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{props.session.title}</span>
        <h1 class="govuk-heading-l">{props.waiting ? 'Leave the waiting list' : 'Cancel your place'}</h1>
        <When session={props.session} />
        <p class="govuk-body">
          {props.waiting
            ? 'You will no longer be offered a place if one comes free.'
            : 'Your place will go to the next person on the waiting list. You can sign up again later only if places are left.'}
        </p>
        <form method="post" action={`/taster-sign-ups/${props.token}/cancel`} novalidate>
          <Button text={props.waiting ? 'Leave the waiting list' : 'Cancel my place'} classes="govuk-button--warning" />
        </form>
      </div>
    </div>
  );
}

export function CancelledPage(props: { session: PublicSession }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">Your place is cancelled</h1>
          <div class="govuk-panel__body">{props.session.title}</div>
        </div>
        <p class="govuk-body">We have emailed you to say so. The links in our earlier emails no longer work.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/tasters">
            Taster sessions
          </a>
        </p>
      </div>
    </div>
  );
}

export function LinkProblemPage({ reason }: { reason: LinkProblem }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link is no longer valid</h1>
        <p class="govuk-body">
          {reason === 'expired'
            ? 'This link has expired. Sign up again from the taster’s page and we will send you a new one.'
            : reason === 'cancelled'
              ? 'This place was cancelled, so its links no longer work. Sign up again from the taster’s page if places are left.'
              : 'The link may have been used already, copied wrongly, or replaced by a newer one. Use the link in the latest email we sent you.'}
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
export function TasterSettingsPage(props: { data: TasterSettings; errors?: FieldErrors | undefined; values?: FormValues | undefined; saved?: boolean }) {
  const { session, isPublic, signUps, counts, places } = props.data;
  const v = props.values;
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
            value={v?.public ?? (isPublic ? 'yes' : 'no')}
            errorMessage={errorFor(props.errors, 'public')}
            items={[
              { value: 'yes', text: 'Yes, list it as a public taster' },
              { value: 'no', text: 'No, only people in our organisation' },
            ]}
          />
          <Input
            id="places"
            name="places"
            inputmode="numeric"
            classes="govuk-input--width-5"
            label={{ text: 'Number of public places', classes: 'govuk-label--s' }}
            hint={{
              text: 'Leave empty for no limit. When the places are taken, people can join a waiting list; a cancelled place goes to whoever has waited longest.',
            }}
            value={v?.places ?? (places === null ? '' : String(places))}
            errorMessage={errorFor(props.errors, 'places')}
          />
          <Button text="Save" />
        </form>
        <h2 class="govuk-heading-m">Sign-ups</h2>
        {signUps.length === 0 ? (
          <p class="govuk-body">Nobody has signed up yet.</p>
        ) : (
          <>
            <p class="govuk-body">
              {places === null ? '' : `${Math.max(0, places - counts.confirmed)} of ${places} places left. `}
              {counts.confirmed} confirmed, {counts.waiting} on the waiting list, {counts.pending} waiting to confirm, {counts.cancelled} cancelled.{' '}
              <a class="govuk-link" href={`/sessions/${session.id}/public-taster/sign-ups.csv`}>
                Download the sign-ups (CSV)
              </a>
            </p>
            <Table
              head={[{ text: 'Name' }, { text: 'Email' }, { text: 'Signed up' }, { text: 'Status' }]}
              rows={signUps.map((s) => [{ text: s.name }, { text: s.email }, { text: formatDateTime(s.created_at) }, { text: signUpStatusText(s) }])}
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
