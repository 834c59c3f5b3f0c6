import { formatDate, formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, ErrorSummary, FileUpload, NotificationBanner, Textarea, WarningText } from '../../../platform/ui/components';
import type { CredentialCheck } from '../certificates.credential';
import { AwardDetails } from './certificate';

/** Checking a credential file (Open Badges JSON) someone has been given: paste it or upload it. */
export function CheckCredentialForm(props: { text: string; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">Certificate check</span>
        <h1 class="govuk-heading-l">Check a digital credential</h1>
        <p class="govuk-body">
          Each certificate Waymark issues comes with a digital credential (an Open Badges 3.0 file, ending <code>.json</code>) signed by the organisation that
          awarded it. Paste the credential or choose its file to check that it is genuine, has not been changed and has not been revoked.
        </p>
        <form method="post" action="/certificates/check" enctype="multipart/form-data" novalidate>
          <Textarea
            id="credential"
            name="credential"
            rows={8}
            spellcheck={false}
            label={{ text: 'Paste the credential', classes: 'govuk-label--s' }}
            hint={{ text: 'All of it, from the first { to the last }.' }}
            value={props.text}
            errorMessage={errorFor(errors, 'credential')}
          />
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Or choose the credential file', classes: 'govuk-label--s' }}
            hint={{ text: 'A .json file, up to 256 KB.' }}
            attributes={{ accept: '.json,application/json,application/ld+json' }}
            errorMessage={errorFor(errors, 'file')}
          />
          <Button text="Check the credential" />
        </form>
      </div>
    </div>
  );
}

/** What the check found: genuine, revoked or not genuine, with the award when it is Waymark's. */
export function CredentialCheckResult(props: { check: CredentialCheck }) {
  const check = props.check;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Certificate check</span>
        {check.outcome === 'not-genuine' ? (
          <>
            <h1 class="govuk-heading-l">This credential is not genuine</h1>
            <WarningText text="Do not rely on it. It was not issued by Waymark, or it has been changed since it was issued." />
            <p class="govuk-body">What the check found: {check.reason}</p>
            <p class="govuk-body">
              If you were given it as proof of an award, ask the person for the certificate’s verification link, or ask the organisation that issued it.
            </p>
          </>
        ) : check.outcome === 'revoked' ? (
          <>
            <h1 class="govuk-heading-l">This credential was revoked{check.revokedOn ? ` on ${formatDate(check.revokedOn)}` : ''}</h1>
            <WarningText
              text={`${check.certificate.issuer_name} issued it and has since revoked it. Its signature is genuine, but it is no longer a valid award.`}
            />
            <AwardDetails certificate={check.certificate} />
          </>
        ) : (
          <>
            <h1 class="govuk-heading-l">This credential is genuine</h1>
            <p class="govuk-body">
              {check.certificate.issuer_name} signed it, it has not been changed since, and it has not been revoked. It records this award:
            </p>
            <AwardDetails certificate={check.certificate} />
          </>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href="/certificates/check">
            Check another credential
          </a>
        </p>
      </div>
    </div>
  );
}

/** An organisation admin's view of the organisation's signing identity and keys. */
export function SigningKeysPage(props: {
  did: string;
  didDocumentUrl: string;
  statusListUrl: string;
  keys: { public_key_multibase: string; created_at: string; retired_at: string | null }[];
  banner?: string;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Certificate signing key</h1>
        <p class="govuk-body">
          Your organisation signs the digital credential (Open Badges 3.0) that comes with each certificate. Anyone can check the signature against the public
          keys listed in your organisation’s identity document.
        </p>
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Issuer identity (DID)</dt>
            <dd class="govuk-summary-list__value govuk-!-text-break-word">{props.did}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Identity document</dt>
            <dd class="govuk-summary-list__value govuk-!-text-break-word">
              <a class="govuk-link" href={props.didDocumentUrl}>
                {props.didDocumentUrl}
              </a>
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Revocation list</dt>
            <dd class="govuk-summary-list__value govuk-!-text-break-word">
              <a class="govuk-link" href={props.statusListUrl}>
                {props.statusListUrl}
              </a>
            </dd>
          </div>
        </dl>
        <h2 class="govuk-heading-m">Keys</h2>
        {props.keys.length === 0 ? (
          <p class="govuk-body">None yet: the first is made when your organisation issues its first certificate.</p>
        ) : (
          <ul class="govuk-list govuk-list--spaced">
            {props.keys.map((k) => (
              <li class="govuk-!-text-break-word">
                <code>{k.public_key_multibase}</code>
                <br />
                {k.retired_at
                  ? `Made ${formatDateTime(k.created_at)}; replaced ${formatDateTime(k.retired_at)}. Still listed, so what it signed still checks.`
                  : `Made ${formatDateTime(k.created_at)}; signs new certificates.`}
              </li>
            ))}
          </ul>
        )}
        <h2 class="govuk-heading-m">Replace the key</h2>
        <p class="govuk-body">
          Replace it if its secret may have been exposed, or on your organisation’s schedule. New certificates are signed with the new key; earlier keys stay in
          the identity document, so certificates already issued still check as genuine. The replacement is recorded in the audit log.
        </p>
        <form method="post" action="/certificates/signing-key" novalidate>
          <Button text="Replace the signing key" classes="govuk-button--secondary" />
        </form>
      </div>
    </div>
  );
}
