import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, NotificationBanner, SummaryList } from '../../../platform/ui/components';

export interface PersonalDetailsView {
  personalEmail: string | null;
  pendingEmail: string | null;
  trn: string | null;
  /** The organisations whose staff records are linked, with whether the person still works there. */
  linked: { organisationName: string; active: boolean }[];
}

/** The person's own personal email and TRN: only they see this page. */
export function PersonalDetailsPage(props: {
  details: PersonalDetailsView;
  personalOnly: boolean;
  banner?: string;
  errors?: FieldErrors;
  values?: { personalEmail?: string; trn?: string };
}) {
  const errors = props.errors ?? {};
  const d = props.details;
  const summary = errorList(errors);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {summary.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={summary} /> : null}
        <h1 class="govuk-heading-l">Personal email and Teacher Reference Number</h1>
        <p class="govuk-body">
          These are yours. Nobody else sees them — not your line manager, not an administrator — unless you choose to put your Teacher Reference Number in a
          record file you download.
        </p>
        <p class="govuk-body">
          Your personal email is how you keep your leadership record if you leave: you sign in with it to see, share and download your own record. If you join
          another school or trust on this Waymark, enter it on your new account and your record comes with you.
        </p>
        <SummaryList
          rows={[
            { key: { text: 'Personal email' }, value: { text: d.personalEmail ?? 'Not added' } },
            ...(d.pendingEmail ? [{ key: { text: 'Waiting to be confirmed' }, value: { text: `${d.pendingEmail}: open the link we sent to it` } }] : []),
            { key: { text: 'Teacher Reference Number' }, value: { text: d.trn ?? 'Not added' } },
            ...(d.linked.length > 0
              ? [
                  {
                    key: { text: 'Your record holds your time at' },
                    value: { text: d.linked.map((l) => `${l.organisationName}${l.active ? '' : ' (left)'}`).join(', ') },
                  },
                ]
              : []),
          ]}
        />
        <form method="post" action="/account/personal" novalidate>
          <Input
            label={{ text: 'Personal email address', classes: 'govuk-label--s' }}
            hint={{ text: 'Not your work address. We will send a link to confirm it.' }}
            id="personalEmail"
            name="personalEmail"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={props.values?.personalEmail ?? d.pendingEmail ?? d.personalEmail ?? ''}
            errorMessage={errorFor(errors, 'personalEmail')}
          />
          <Input
            label={{ text: 'Teacher Reference Number (optional)', classes: 'govuk-label--s' }}
            hint={{ text: '7 digits, like 1234567. It is on your payslip or teacher pension statement.' }}
            id="trn"
            name="trn"
            inputmode="numeric"
            classes="govuk-input--width-10"
            value={props.values?.trn ?? d.trn ?? ''}
            errorMessage={errorFor(errors, 'trn')}
          />
          <Button text="Save" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={props.personalOnly ? '/record' : '/account'}>
            {props.personalOnly ? 'Back to your leadership record' : 'Back to your account'}
          </a>
        </p>
      </div>
    </div>
  );
}

/** The account page of someone signed in to their personal account only (a leaver). */
export function PersonalAccountPage(props: { name: string; personalEmail: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Your account</h1>
        <p class="govuk-body">
          You are signed in to your personal account. It holds your own leadership record — its links and downloads — and nothing of any school’s.
        </p>
        <SummaryList
          rows={[
            { key: { text: 'Name' }, value: { text: props.name } },
            { key: { text: 'Personal email' }, value: { text: props.personalEmail } },
          ]}
        />
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href="/record">
              Your leadership record
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/account/personal">
              Change your personal email or Teacher Reference Number
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** The form asking for a personal address to send a sign-in link to. */
export function PersonalSignInPage(props: { errors?: FieldErrors; values?: { email?: string }; refusal?: string }) {
  const errors = props.errors ?? {};
  const summary = props.refusal ? [{ text: props.refusal, href: '#email' }] : errorList(errors);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {summary.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={summary} /> : null}
        <h1 class="govuk-heading-l">Sign in to your own leadership record</h1>
        <p class="govuk-body">
          If you have left a school or trust that uses Waymark, you can still see, share and download your own leadership record. Enter the personal email
          address you added to your account: we will email it a link that signs you in. It works once, for 15 minutes.
        </p>
        <form method="post" action="/sign-in/personal" novalidate>
          <Input
            label={{ text: 'Personal email address' }}
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={props.values?.email}
            errorMessage={errorFor(errors, 'email')}
          />
          <Button text="Send sign-in link" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            Sign in to your school’s Waymark account instead
          </a>
        </p>
      </div>
    </div>
  );
}

export function PersonalCheckEmailPage(props: { email: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">
          If <strong>{props.email}</strong> is a confirmed personal address on Waymark, we have sent it a sign-in link. The link works once, for 15 minutes.
        </p>
      </div>
    </div>
  );
}

/** Opening a link sent to a personal address: the change happens on the button, so a mail scanner that opens links spends nothing. */
export function ConfirmPersonalLinkPage(props: { heading: string; text: string; action: string; button: string; problem?: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.problem ? <ErrorSummary titleText="There is a problem" errorList={[{ text: props.problem, href: '#confirm' }]} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <p class="govuk-body">{props.text}</p>
        <form method="post" action={props.action}>
          <Button text={props.button} attributes={{ id: 'confirm' }} />
        </form>
      </div>
    </div>
  );
}
