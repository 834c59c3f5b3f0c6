import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import type { SignInChoice } from '../../../platform/module';
import { Button, ErrorSummary, Input } from '../../../platform/ui/components';

/** The email field every sign-in form starts with. */
function EmailInput(props: { value?: string; error?: string; hint?: string }) {
  return (
    <Input
      label={{ text: 'Email address' }}
      hint={props.hint ? { text: props.hint } : undefined}
      id="email"
      name="email"
      type="email"
      autocomplete="email"
      spellcheck={false}
      value={props.value}
      errorMessage={props.error ? { text: props.error } : undefined}
    />
  );
}

export function SignInPage(props: {
  errors?: FieldErrors;
  values?: { email?: string; next?: string; organisation?: string };
  refusal?: string;
  /** Single sign-on buttons for the organisation, each a form posting to its action. */
  choices?: SignInChoice[];
}) {
  const errors = props.errors ?? {};
  const choices = props.choices ?? [];
  const summary = props.refusal ? [{ text: props.refusal, href: choices.length ? '#single-sign-on' : '#email' }] : errorList(errors);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {summary.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={summary} /> : null}
        <h1 class="govuk-heading-l">Sign in to Waymark</h1>
        {choices.length > 0 ? (
          <div id="single-sign-on" tabindex={-1}>
            <p class="govuk-body">Sign in with the account you use for work:</p>
            {choices.map((choice) => (
              <form method="post" action={choice.action}>
                <input type="hidden" name="next" value={props.values?.next ?? ''} />
                <Button text={choice.text} classes="govuk-button--secondary govuk-!-margin-bottom-3" />
              </form>
            ))}
            <h2 class="govuk-heading-m govuk-!-margin-top-4">Or sign in with a password</h2>
          </div>
        ) : null}
        <form method="post" action="/sign-in" novalidate>
          <input type="hidden" name="next" value={props.values?.next ?? ''} />
          <input type="hidden" name="organisation" value={props.values?.organisation ?? ''} />
          <EmailInput value={props.values?.email} error={errors.email} />
          <Input
            label={{ text: 'Password' }}
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            errorMessage={errorFor(errors, 'password')}
          />
          <Button text="Sign in" />
        </form>
        <h2 class="govuk-heading-m">Other ways to sign in</h2>
        <ul class="govuk-list">
          <li>
            <a class="govuk-link" href="/sign-in/link">
              Email me a sign-in link
            </a>
          </li>
          <li>
            <a class="govuk-link" href="/password-reset">
              I have forgotten my password
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** The form that asks for an email address, for a sign-in link or a password reset. */
export function EmailLinkPage(props: { kind: 'sign_in_link' | 'password_reset'; errors?: FieldErrors; values?: { email?: string }; refusal?: string }) {
  const errors = props.errors ?? {};
  const summary = props.refusal ? [{ text: props.refusal, href: '#email' }] : errorList(errors);
  const signIn = props.kind === 'sign_in_link';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {summary.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={summary} /> : null}
        <h1 class="govuk-heading-l">{signIn ? 'Get a sign-in link by email' : 'Reset your password'}</h1>
        <p class="govuk-body">
          {signIn
            ? 'We will email you a link that signs you in. It works once, for 15 minutes.'
            : 'We will email you a link to choose a new password. It works once, for 60 minutes.'}
        </p>
        <form method="post" action={signIn ? '/sign-in/link' : '/password-reset'} novalidate>
          <EmailInput value={props.values?.email} error={errors.email} hint="Use the email address your school gave Waymark" />
          <Button text={signIn ? 'Send sign-in link' : 'Send reset link'} />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            Sign in with your password
          </a>
        </p>
      </div>
    </div>
  );
}

export function CheckEmailPage(props: { email: string; kind: 'sign_in_link' | 'password_reset' }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">
          If <strong>{props.email}</strong> belongs to someone with a Waymark account, we have sent it a{' '}
          {props.kind === 'sign_in_link'
            ? 'sign-in link. The link works once, for 15 minutes.'
            : 'link to reset the password. The link works once, for 60 minutes.'}
        </p>
        <p class="govuk-body">If nothing arrives in a few minutes, check your junk folder or ask your school’s Waymark administrator.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/sign-in">
            Back to sign in
          </a>
        </p>
      </div>
    </div>
  );
}

const linkProblems = {
  unknown: 'This link is not valid. Check you copied the whole link from the email.',
  used: 'This link has already been used. Each link works only once.',
  expired: 'This link has expired.',
} as const;

export function LinkProblemPage(props: { reason: keyof typeof linkProblems; retryHref: string; retryText: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link cannot be used</h1>
        <p class="govuk-body">{linkProblems[props.reason]}</p>
        <p class="govuk-body">
          <a class="govuk-link" href={props.retryHref}>
            {props.retryText}
          </a>
        </p>
      </div>
    </div>
  );
}

/** Shown when a sign-in link is opened: signing in happens on the button, so a mail scanner that opens links spends nothing. */
export function ConfirmLinkPage(props: { givenName: string; action: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Sign in as {props.givenName}</h1>
        <form method="post" action={props.action}>
          <Button text="Sign in" />
        </form>
      </div>
    </div>
  );
}

export function NewPasswordPage(props: { action: string; heading: string; intro: string; errors?: FieldErrors; email: string }) {
  const errors = props.errors ?? {};
  const summary = errorList(errors);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {summary.length > 0 ? <ErrorSummary titleText="There is a problem" errorList={summary} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <p class="govuk-body">{props.intro}</p>
        <form method="post" action={props.action} novalidate>
          <input type="text" name="username" value={props.email} autocomplete="username" hidden />
          <Input
            label={{ text: 'New password' }}
            hint={{ text: 'Use 12 characters or more. A few unrelated words make a strong password.' }}
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            errorMessage={errorFor(errors, 'password')}
          />
          <Input
            label={{ text: 'Confirm new password' }}
            id="confirmPassword"
            name="confirmPassword"
            type="password"
            autocomplete="new-password"
            errorMessage={errorFor(errors, 'confirmPassword')}
          />
          <Button text="Save password and sign in" />
        </form>
      </div>
    </div>
  );
}
