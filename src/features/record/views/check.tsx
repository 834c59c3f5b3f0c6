import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, ErrorSummary, FileUpload, WarningText } from '../../../platform/ui/components';
import type { BundleCheck } from '../record.check';

/** Checking a leadership record file someone has been given. */
export function CheckBundleForm(props: { errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <h1 class="govuk-heading-l">Check a leadership record file</h1>
        <p class="govuk-body">
          A leadership record downloaded from Waymark (<code>leadership-record.json</code>) holds each certificate’s digital credential as its issuer signed it.
          Choose the file to check every credential in it: that its issuer signed it, that it has not been changed, and that it has not been revoked. Nothing in
          the file is kept.
        </p>
        <form method="post" action="/record/check" enctype="multipart/form-data" novalidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Choose the file', classes: 'govuk-label--s' }}
            hint={{ text: 'A .json file, up to 512 KB.' }}
            attributes={{ accept: '.json,application/json' }}
            errorMessage={errorFor(errors, 'file')}
          />
          <Button text="Check the file" />
        </form>
      </div>
    </div>
  );
}

/** What the check found, item by item. */
export function CheckBundleResult(props: { check: BundleCheck }) {
  const c = props.check;
  const failed = c.credentials.filter((x) => x.outcome === 'not-genuine').length;
  const from = c.exportedFrom || 'another Waymark';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Leadership record check</span>
        <h1 class="govuk-heading-l">{c.personName ? `${c.personName}’s leadership record` : 'A leadership record'}</h1>
        <p class="govuk-body">
          Brought from {from}
          {c.exportedAt ? `, downloaded on ${formatDate(c.exportedAt)}` : ''}.
        </p>
        {failed > 0 ? <WarningText text={`${failed} of the credentials in this file could not be verified. Do not rely on them.`} /> : null}
        <h2 class="govuk-heading-m">Certificates</h2>
        {c.credentials.length === 0 ? (
          <p class="govuk-body">The file holds no credentials.</p>
        ) : (
          <ul class="govuk-list">
            {c.credentials.map((x) =>
              x.outcome === 'genuine' ? (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{x.certificate.programme_title}</strong>: verified. Issued by {x.certificate.issuer_name} to {x.certificate.recipient_name} on{' '}
                  {formatDate(x.certificate.issued_at)}; not changed, not revoked.
                </li>
              ) : x.outcome === 'revoked' ? (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{x.certificate.programme_title}</strong>: revoked{x.revokedOn ? ` on ${formatDate(x.revokedOn)}` : ''} by {x.certificate.issuer_name}.
                  Its signature is genuine, but it is no longer a valid award.
                </li>
              ) : (
                <li class="govuk-!-margin-bottom-3">
                  <strong>Could not be verified</strong>: {x.reason}
                </li>
              ),
            )}
          </ul>
        )}
        <h2 class="govuk-heading-m">Professional development</h2>
        <p class="govuk-body">As the file records them, from {from}. These are not signed: they are the person’s own record as Waymark held it.</p>
        {c.entries.length === 0 ? (
          <p class="govuk-body">The file holds no portfolio entries.</p>
        ) : (
          <ul class="govuk-list govuk-list--bullet">
            {c.entries.map((e) => (
              <li>
                <strong>{e.title}</strong>
                {e.verifiedBy ? ` (verified by ${e.verifiedBy}, as recorded at ${from})` : ' (not verified by anyone else)'}
                {e.whatChanged ? `: ${e.whatChanged}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href="/record/check">
            Check another file
          </a>
        </p>
      </div>
    </div>
  );
}
