import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, ErrorSummary, FileUpload, WarningText } from '../../../platform/ui/components';
import type { ItemOutcome, ReadBundle } from '../record.bundle';

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

/** What a check found for one item, in words. */
export function outcomeText(o: ItemOutcome, from: string): string {
  switch (o.state) {
    case 'verified':
      return `Brought from ${from}, verified: signed by ${o.by}, not changed${o.by === from ? '' : ', not revoked'}`;
    case 'revoked':
      return `Revoked: ${o.reason} Its signature is genuine, but it is no longer a valid award`;
    case 'unverifiable':
      return `Could not be verified: ${o.reason}`;
    case 'refused':
      return `Refused: ${o.reason}`;
  }
}

/** Each item of a record file with what its check found. */
export function BundleItems(props: { read: ReadBundle }) {
  const r = props.read;
  const certificates = r.items.filter((i) => i.kind === 'certificate');
  const entries = r.items.filter((i) => i.kind === 'entry');
  const programmes = r.items.filter((i) => i.kind === 'programme');
  const projects = r.items.filter((i) => i.kind === 'project');
  const roles = r.items.filter((i) => i.kind === 'role');
  return (
    <>
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
      </dl>
      <h2 class="govuk-heading-m">Certificates</h2>
      {certificates.length === 0 ? (
        <p class="govuk-body">The file holds no credentials.</p>
      ) : (
        <ul class="govuk-list">
          {certificates.map((x) => (
            <li class="govuk-!-margin-bottom-3">
              <strong>{x.title}</strong>
              {x.kind === 'certificate' && x.detail.issuedBy ? `, issued by ${x.detail.issuedBy}` : ''}
              {x.kind === 'certificate' && x.detail.completedOn ? `, completed ${formatDate(x.detail.completedOn)}` : ''}
              <br />
              {outcomeText(x.outcome, r.from)}.
            </li>
          ))}
        </ul>
      )}
      <h2 class="govuk-heading-m">Professional development</h2>
      {entries.length === 0 ? (
        <p class="govuk-body">The file holds no portfolio entries.</p>
      ) : (
        <ul class="govuk-list">
          {entries.map((e) =>
            e.kind === 'entry' ? (
              <li class="govuk-!-margin-bottom-3">
                <strong>{e.title}</strong>
                {e.detail.verification ? ` (verified by ${e.detail.verification.by}, as recorded at ${r.from})` : ' (not verified by anyone else)'}
                {e.detail.whatChanged ? `: ${e.detail.whatChanged}` : ''}
                <br />
                {outcomeText(e.outcome, r.from)}.
              </li>
            ) : null,
          )}
        </ul>
      )}
      {programmes.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Programmes completed</h2>
          <ul class="govuk-list">
            {programmes.map((p) =>
              p.kind === 'programme' ? (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{p.title}</strong>
                  {p.detail.organisation ? `, run by ${p.detail.organisation}` : ''}
                  {p.detail.completedOn ? `, completed ${formatDate(p.detail.completedOn)}` : ''}
                  <br />
                  {outcomeText(p.outcome, r.from)}.
                </li>
              ) : null,
            )}
          </ul>
        </>
      ) : null}
      {roles.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Roles held</h2>
          <ul class="govuk-list">
            {roles.map((x) =>
              x.kind === 'role' ? (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{x.title}</strong>
                  {x.detail.from ? `, ${formatDate(x.detail.from)} to ${x.detail.to ? formatDate(x.detail.to) : 'now'}` : ''}
                  {x.detail.organisation ? `, recorded by ${x.detail.organisation}` : ''}
                  <br />
                  {outcomeText(x.outcome, r.from)}.
                </li>
              ) : null,
            )}
          </ul>
        </>
      ) : null}
      {projects.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Projects</h2>
          <ul class="govuk-list">
            {projects.map((p) =>
              p.kind === 'project' ? (
                <li class="govuk-!-margin-bottom-3">
                  <strong>{p.title}</strong>
                  {p.detail.organisation ? `, recorded by ${p.detail.organisation}` : ''}
                  {p.detail.assessment
                    ? `, assessed ${formatDate(p.detail.assessment.assessedOn)}: ${p.detail.assessment.outcome === 'met' ? 'met' : 'not yet met'}`
                    : ''}
                  <br />
                  {outcomeText(p.outcome, r.from)}.
                </li>
              ) : null,
            )}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What the check found, item by item. */
export function CheckBundleResult(props: { check: ReadBundle }) {
  const c = props.check;
  const failed = c.items.filter((x) => x.outcome.state === 'refused' || x.outcome.state === 'unverifiable').length;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">Leadership record check</span>
        <h1 class="govuk-heading-l">{c.personName ? `${c.personName}’s leadership record` : 'A leadership record'}</h1>
        <p class="govuk-body">
          Brought from {c.from}
          {c.exportedAt ? `, downloaded on ${formatDate(c.exportedAt)}` : ''}.
        </p>
        {failed > 0 ? <WarningText text={`${failed} of the items in this file could not be verified. Do not rely on them.`} /> : null}
        <BundleItems read={c} />
        <p class="govuk-body">
          <a class="govuk-link" href="/record/check">
            Check another file
          </a>
        </p>
      </div>
    </div>
  );
}
