import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor } from '../../../platform/http/forms';
import { Button, FileUpload, InsetText, WarningText } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import type { ItemOutcome, ReadBundle } from '../record.bundle';

/** Uploading a record file to bring into the person's own record. */
export function ImportForm(props: { errors?: FieldErrors }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Bring in a record file</h1>
        <p class="govuk-body">
          If you have a leadership record file (<code>leadership-record.json</code>) from another organisation’s Waymark, you can bring what it holds into your
          record here. Every certificate in it is checked with its issuer, and the file with the organisation that signed it. You will see what the check found
          before anything is added.
        </p>
        <form method="post" action="/record/import" enctype="multipart/form-data" novalidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Choose the file', classes: 'govuk-label--s' }}
            hint={{ text: 'A .json file, up to 512 KB.' }}
            attributes={{ accept: '.json,application/json' }}
            errorMessage={errorFor(props.errors, 'file')}
          />
          <Button text="Check the file" />
        </form>
      </div>
    </div>
  );
}

const KIND_WORDS = { certificate: 'Certificate', entry: 'Entry', programme: 'Programme completed', project: 'Project', role: 'Role held' } as const;

/** What bringing in an item will say about it. */
function importText(o: ItemOutcome, from: string): string {
  switch (o.state) {
    case 'verified':
      return `Brought from ${from}, verified on import (signed by ${o.by})`;
    case 'unverifiable':
      return `Brought from ${from}. Could not be verified: ${o.reason}`;
    case 'revoked':
      return `Will not be brought in: ${o.reason}`;
    case 'refused':
      return `Refused: ${o.reason}`;
  }
}

/** The preview: each item with what its check found, and the button to bring them in (or why not). */
export function ImportPreviewPage(props: { id: string; read: ReadBundle; errors?: FieldErrors }) {
  const r = props.read;
  const refused = r.items.filter((i) => i.outcome.state === 'refused').length + (r.signature.state === 'refused' ? 1 : 0);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">Bring in a record file</span>
        <h1 class="govuk-heading-l">What the file holds</h1>
        <p class="govuk-body">
          {r.personName ? `${r.personName}’s` : 'A'} leadership record from {r.from}
          {r.exportedAt ? `, downloaded on ${formatDate(r.exportedAt)}` : ''}. Nothing has been added to your record yet.
        </p>
        {r.importable ? null : (
          <WarningText
            text={`This file can’t be brought in: ${refused} ${refused === 1 ? 'thing' : 'things'} in it ${refused === 1 ? 'was' : 'were'} refused. Nothing from it will be added to your record.`}
          />
        )}
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">The file as a whole</dt>
            <dd class="govuk-summary-list__value">
              {r.signature.state === 'verified'
                ? `Signed by ${r.signature.by}, and not changed since`
                : r.signature.state === 'unverifiable'
                  ? `Could not be verified: ${r.signature.reason}`
                  : `Refused: ${r.signature.state === 'refused' ? r.signature.reason : ''}`}
            </dd>
          </div>
          {r.items.map((item) => (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">
                {KIND_WORDS[item.kind]}: {item.title}
              </dt>
              <dd class="govuk-summary-list__value">{importText(item.outcome, r.from)}.</dd>
            </div>
          ))}
        </dl>
        {r.items.length === 0 ? <p class="govuk-body">The file holds no certificates, entries, programmes or projects.</p> : null}
        {r.importable && r.items.length > 0 ? (
          <>
            <InsetText text="Each item will show on your record with where it came from and what this check found. Your own personal statement stays as it is." />
            <form method="post" action={`/record/import/${props.id}`} novalidate>
              <Button text="Bring these into your record" />
            </form>
          </>
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href="/record/import">
            Choose another file
          </a>
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/record">
            Back to your record
          </a>
        </p>
      </div>
    </div>
  );
}
