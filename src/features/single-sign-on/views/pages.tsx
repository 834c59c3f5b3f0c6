import { formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  BackLink,
  Button,
  ErrorSummary,
  Input,
  InsetText,
  NotificationBanner,
  Radios,
  Select,
  SummaryCard,
  SummaryList,
} from '../../../platform/ui/components';
import type { RefusalReason } from '../single-sign-on.oidc';
import type { ConnectionSummary, LinkedAccount } from '../single-sign-on.service';

const refusals: Record<RefusalReason | 'too_many' | 'too_many_started', string> = {
  too_many: 'Too many sign-ins that did not work have come from your network.',
  too_many_started: 'Too many sign-ins have been started from your network.',
  unknown_attempt: 'This sign-in has already been used or was not started here. Each sign-in works once.',
  other_browser: 'This sign-in was started in another browser. Start again in the browser you want to use.',
  attempt_expired: 'This sign-in took too long. Start again and finish within 10 minutes.',
  cancelled: 'You did not finish signing in with your organisation’s account.',
  code_refused: 'Your organisation’s account provider did not accept this sign-in.',
  wrong_issuer: 'The answer did not come from your organisation’s account provider.',
  wrong_nonce: 'The answer from your account provider does not belong to this sign-in.',
  expired_token: 'The answer from your account provider has expired.',
  invalid_token: 'The answer from your account provider could not be checked.',
  other_tenant: 'That account belongs to a Microsoft organisation that cannot sign in to this Waymark organisation.',
  outside_domains: 'That Google account is not one of your organisation’s Google Workspace accounts.',
  unverified_email: 'Your account provider did not confirm your email address, so we cannot tell who you are.',
  unknown_person: 'There is no Waymark account for you in this organisation. Ask your school’s Waymark administrator to add you.',
  bound_elsewhere: 'Your Waymark account is already linked to a different account with this provider. Sign in with that account, or ask your administrator.',
  provider_unreachable: 'We could not reach your organisation’s account provider. Try again in a few minutes.',
  not_configured: 'Single sign-on is not set up properly for your organisation. Ask your Waymark administrator.',
};

/** Shown instead of signing in when anything about a sign-in through a provider is wrong; nothing is changed. */
export function SignOnProblemPage(props: { reason: RefusalReason | 'too_many' | 'too_many_started'; retryHref: string; wait?: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">You have not been signed in</h1>
        <p class="govuk-body">
          {refusals[props.reason]}
          {props.wait ? ` Wait ${props.wait} and try again.` : ''}
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={props.retryHref}>
            Go back to sign in
          </a>
        </p>
      </div>
    </div>
  );
}

interface Admin {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
}

export interface SettingsData {
  microsoft: ConnectionSummary | null;
  google: ConnectionSummary | null;
  passwordsOff: { breakGlass: Admin | null; setAt: string } | null;
  admins: Admin[];
  signInAddress: string;
  redirectUri: string;
}

const done: Record<string, string> = {
  microsoft: 'Microsoft sign-in has been saved.',
  google: 'Google sign-in has been saved.',
  removed: 'The set-up has been removed.',
  passwords: 'Password sign-in has been changed.',
};

function ProviderSection(props: { provider: 'microsoft' | 'google'; connection: ConnectionSummary | null; values?: FormValues; errors?: FieldErrors }) {
  const { provider, connection } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const microsoft = provider === 'microsoft';
  const listField = microsoft ? 'tenantIds' : 'domains';
  const listValue = values[listField] ?? (microsoft ? connection?.tenantIds : connection?.domains)?.join(', ') ?? '';
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby={`${provider}-heading`}>
      <h2 class="govuk-heading-m" id={`${provider}-heading`}>
        {microsoft ? 'Microsoft Entra ID (Microsoft 365)' : 'Google Workspace'}
      </h2>
      <p class="govuk-body">{connection ? `Set up. Last changed ${formatDateTime(connection.updatedAt)}.` : 'Not set up.'}</p>
      <form method="post" action={`/organisation/single-sign-on/${provider}`} novalidate>
        <Input
          label={{ text: microsoft ? 'Directory (tenant) ID' : 'Google Workspace domains' }}
          hint={{
            text: microsoft
              ? 'From the app registration’s overview. For a multi-tenant app, list every tenant allowed, separated by commas.'
              : 'Only accounts from these domains can sign in (the hd claim). Separate several with commas.',
          }}
          id={`${provider}-${listField}`}
          name={listField}
          value={listValue}
          spellcheck={false}
          errorMessage={errorFor(errors, listField)}
        />
        <Input
          label={{ text: microsoft ? 'Application (client) ID' : 'Client ID' }}
          id={`${provider}-clientId`}
          name="clientId"
          value={values.clientId ?? connection?.clientId ?? ''}
          spellcheck={false}
          errorMessage={errorFor(errors, 'clientId')}
        />
        <Input
          label={{ text: microsoft ? 'Client secret value' : 'Client secret' }}
          hint={{
            text: connection ? 'Leave empty to keep the saved secret. It is stored encrypted and never shown.' : 'It is stored encrypted and never shown.',
          }}
          id={`${provider}-clientSecret`}
          name="clientSecret"
          type="password"
          autocomplete="off"
          errorMessage={errorFor(errors, 'clientSecret')}
        />
        <Button text={connection ? `Save ${microsoft ? 'Microsoft' : 'Google'} sign-in` : `Set up ${microsoft ? 'Microsoft' : 'Google'} sign-in`} />
      </form>
      {connection ? (
        <form method="post" action={`/organisation/single-sign-on/${provider}/remove`}>
          <Button text={`Remove ${microsoft ? 'Microsoft' : 'Google'} sign-in`} classes="govuk-button--warning" />
        </form>
      ) : null}
    </section>
  );
}

/** The organisation admin's single sign-on settings: providers, and whether staff may still use passwords. */
export function SettingsPage(props: {
  data: SettingsData;
  done?: string;
  form?: 'microsoft' | 'google' | 'passwords';
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { data } = props;
  const valuesFor = (form: string) => (props.form === form ? props.values : undefined);
  const errorsFor = (form: string) => (props.form === form ? props.errors : undefined);
  const passwordErrors = errorsFor('passwords') ?? {};
  const passwordValues = valuesFor('passwords') ?? {};
  const chosen = passwordValues.passwords ?? (data.passwordsOff ? 'off' : 'on');
  const message = props.done ? done[props.done] : undefined;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.errors && Object.keys(props.errors).length > 0 ? (
          <ErrorSummary
            titleText="There is a problem"
            errorList={errorList(
              props.errors,
              props.form === 'microsoft' || props.form === 'google'
                ? Object.fromEntries(Object.keys(props.errors).map((field) => [field, `${props.form}-${field}`]))
                : {},
            )}
          />
        ) : null}
        {message ? <NotificationBanner type="success" text={message} /> : null}
        <h1 class="govuk-heading-l">Single sign-on</h1>
        <p class="govuk-body">
          Staff can sign in with the Microsoft 365 or Google Workspace account they use every day. Only people already on Waymark can sign in: the first time,
          they are matched by their email address; after that, by their account, so a change of email does not lock them out.
        </p>
        <SummaryList
          rows={[
            { key: { text: 'Redirect URI to register' }, value: { html: <code>{data.redirectUri}</code> } },
            { key: { text: 'Your staff’s sign-in address' }, value: { html: <code>{data.signInAddress}</code> } },
          ]}
        />
        <p class="govuk-body">Your operator’s guide, docs/single-sign-on.md, shows step by step how to register Waymark with Microsoft Entra ID and Google.</p>
        <ProviderSection provider="microsoft" connection={data.microsoft} values={valuesFor('microsoft')} errors={errorsFor('microsoft')} />
        <ProviderSection provider="google" connection={data.google} values={valuesFor('google')} errors={errorsFor('google')} />
        <section aria-labelledby="passwords-heading">
          <h2 class="govuk-heading-m" id="passwords-heading">
            Passwords
          </h2>
          {data.passwordsOff ? (
            <InsetText
              text={`Passwords are off: staff sign in only with single sign-on. ${
                data.passwordsOff.breakGlass
                  ? `${data.passwordsOff.breakGlass.given_name} ${data.passwordsOff.breakGlass.family_name} can still use a password.`
                  : ''
              }`}
            />
          ) : null}
          <form method="post" action="/organisation/single-sign-on/passwords" novalidate>
            <Radios
              name="passwords"
              idPrefix="passwords"
              value={chosen}
              fieldset={{ legend: { text: 'How may your staff sign in?', classes: 'govuk-fieldset__legend--s' } }}
              errorMessage={errorFor(passwordErrors, 'passwords')}
              items={[
                { value: 'on', text: 'With single sign-on, a password or an emailed link' },
                {
                  value: 'off',
                  text: 'Only with single sign-on',
                  hint: {
                    text: 'Passwords, emailed sign-in links and password resets stop working, except for the administrator below. Everyone else signed in with a password or a link is signed out, you included.',
                  },
                },
              ]}
            />
            {/* Not a conditional reveal: axe refuses the aria-expanded govuk-frontend adds to radios (decision 0005). */}
            <Select
              id="breakGlassPersonId"
              name="breakGlassPersonId"
              label={{ text: 'Administrator who may still use a password', classes: 'govuk-label--s' }}
              hint={{ text: 'Needed when passwords are off: for when single sign-on breaks (break glass). Keep their password somewhere safe.' }}
              value={passwordValues.breakGlassPersonId ?? data.passwordsOff?.breakGlass?.id ?? ''}
              errorMessage={errorFor(passwordErrors, 'breakGlassPersonId')}
              items={[
                { value: '', text: 'Select an administrator' },
                ...data.admins.map((a) => ({ value: a.id, text: `${a.given_name} ${a.family_name} (${a.email})` })),
              ]}
            />
            <Button text="Save password sign-in" />
          </form>
        </section>
      </div>
    </div>
  );
}

/** A person's accounts at Microsoft or Google bound for single sign-on, each with a button to unlink it: their own, or someone's for an organisation admin. */
export function LinkedAccountsPage(props: {
  person: { id: string; name: string };
  own: boolean;
  accounts: LinkedAccount[];
  unlinked?: string;
  unlinkAction: (accountId: string) => string;
  backHref: string;
}) {
  const { own } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={props.backHref} text="Back" />
        {props.unlinked ? (
          <NotificationBanner
            type="success"
            text={
              own
                ? `Your ${props.unlinked} account has been unlinked. The next time you sign in with ${props.unlinked}, the account you use is linked by its email address.`
                : `The ${props.unlinked} account has been unlinked. The next time ${props.person.name} signs in with ${props.unlinked}, the account they use is linked by its email address.`
            }
          />
        ) : null}
        <h1 class="govuk-heading-l">{own ? 'Your linked accounts' : `${props.person.name}’s linked accounts`}</h1>
        <p class="govuk-body">
          {own
            ? 'These are the Microsoft or Google accounts you sign in to Waymark with. Waymark recognises each by the account itself, not its email address.'
            : `These are the Microsoft or Google accounts ${props.person.name} signs in to Waymark with. Waymark recognises each by the account itself, not its email address.`}
        </p>
        {props.accounts.length === 0 ? (
          <p class="govuk-body">{own ? 'You have no linked accounts.' : `${props.person.name} has no linked accounts.`}</p>
        ) : (
          <>
            <p class="govuk-body">
              {own
                ? 'Unlink an account if you have been given a new one: the next time you sign in with single sign-on, the account you use is linked, if its email address is yours on Waymark.'
                : 'Unlink an account if they have been given a new one: the next time they sign in with single sign-on, the account they use is linked, if its email address is theirs on Waymark.'}
            </p>
            {props.accounts.map((account) => (
              <SummaryCard title={{ text: account.providerName }}>
                <SummaryList
                  rows={[
                    { key: { text: 'Email address when linked' }, value: { text: account.emailAtBinding } },
                    { key: { text: 'Linked' }, value: { text: formatDateTime(account.linkedAt) } },
                    { key: { text: 'Last used to sign in' }, value: { text: formatDateTime(account.lastUsedAt) } },
                  ]}
                />
                <form method="post" action={props.unlinkAction(account.id)}>
                  <Button
                    html={
                      <>
                        Unlink<span class="govuk-visually-hidden"> the {account.providerName} account</span>
                      </>
                    }
                    classes="govuk-button--warning govuk-!-margin-bottom-0"
                  />
                </form>
              </SummaryCard>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
