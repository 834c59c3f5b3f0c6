import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor } from '../../../platform/http/forms';
import { Button, Checkboxes, Input, NotificationBanner, Radios, Table, WarningText } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import type { ErasureProgress, getErasure, getOverview, getPersonPage } from '../subject-rights.service';

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : '');

const progressStatus = (job: ErasureProgress) =>
  job.finishedAt ? `Finished ${day(job.finishedAt)}` : job.lastError ? 'Interrupted: Waymark will try again' : 'In progress';

const STATUS: Record<string, string> = { queued: 'Being prepared', ready: 'Ready', failed: 'Failed', expired: 'Expired' };

type ExportLine = {
  id: string;
  status: string;
  requested_at: string;
  expires_at: string | null;
  downloaded_at: string | null;
  size_bytes: number | null;
  downloadable: boolean;
};

function exportStatus(e: ExportLine) {
  if (e.downloadable) return `Ready until ${day(e.expires_at)}${e.downloaded_at ? ` (last downloaded ${day(e.downloaded_at)})` : ''}`;
  if (e.status === 'ready') return 'Expired';
  return STATUS[e.status] ?? e.status;
}

function downloadCell(e: ExportLine, who: string) {
  return e.downloadable
    ? {
        html: (
          <a class="govuk-link" href={`/subject-rights/exports/${e.id}/download`}>
            Download<span class="govuk-visually-hidden"> the export about {who}</span> (ZIP, {Math.max(1, Math.round((e.size_bytes ?? 0) / 1024))} KB)
          </a>
        ),
      }
    : { text: '' };
}

/** The organisation admin's data protection page: find a person; the exports and erasures so far. */
export function OverviewView(props: { data: Awaited<ReturnType<typeof getOverview>>; email?: string; errors?: FieldErrors }) {
  const { exports, erasures } = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Subject access and erasure</h1>
        <p class="govuk-body">
          When someone asks for a copy of what Waymark holds about them, or asks to be erased, find them here. You have one month to answer a subject access
          request.
        </p>
        <form method="get" action="/subject-rights/people" novalidate>
          <Input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            spellcheck={false}
            classes="govuk-!-width-two-thirds"
            label={{ text: 'Email address of the person', classes: 'govuk-label--s' }}
            value={props.email}
            errorMessage={errorFor(props.errors, 'email')}
          />
          <Button text="Find" classes="govuk-button--secondary" />
        </form>
        <h2 class="govuk-heading-m">Subject access exports</h2>
        {exports.length === 0 ? (
          <p class="govuk-body">No exports have been requested.</p>
        ) : (
          <Table
            head={[{ text: 'About' }, { text: 'Requested' }, { text: 'By' }, { text: 'Status' }, { text: 'File' }]}
            rows={exports.map((e) => [
              {
                html: (
                  <a class="govuk-link" href={`/subject-rights/people/${e.person_id}`}>
                    {e.personName}
                  </a>
                ),
              },
              { text: day(e.requested_at) },
              { text: e.requestedByName },
              { text: exportStatus(e) },
              downloadCell(e, e.personName),
            ])}
          />
        )}
        {props.data.inProgress.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Erasures in progress</h2>
            <Table
              head={[{ text: 'Erasure' }, { text: 'Started' }, { text: 'By' }, { text: 'Steps done' }, { text: 'Status' }]}
              rows={props.data.inProgress.map((job) => [
                {
                  html: (
                    <a class="govuk-link" href={`/subject-rights/erasure-jobs/${job.jobId}`}>
                      Erasure {job.reference}
                    </a>
                  ),
                },
                { text: day(job.startedAt) },
                { text: job.requestedByName },
                { text: `${job.stepsDone} of ${job.stepsTotal}` },
                { text: progressStatus(job) },
              ])}
            />
          </>
        ) : null}
        <h2 class="govuk-heading-m">Erasures</h2>
        {erasures.length === 0 ? (
          <p class="govuk-body">Nobody has been erased.</p>
        ) : (
          <Table
            head={[{ text: 'Erased' }, { text: 'By' }, { text: 'Certificates' }, { text: 'What was done' }]}
            rows={erasures.map((e) => [
              { text: day(e.erased_at) },
              { text: e.requestedByName },
              { text: e.credentials === 'keep' ? 'Kept verifiable' : 'Revoked' },
              {
                html: (
                  <a class="govuk-link" href={`/subject-rights/erasures/${e.id}`}>
                    Erasure {e.id.slice(-8)}
                  </a>
                ),
              },
            ])}
          />
        )}
      </div>
    </div>
  );
}

/** One person: request an export, download it, or go on to erase them. */
export function PersonView(props: { page: Awaited<ReturnType<typeof getPersonPage>>; banner?: string }) {
  const { person } = props.page;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">Subject access and erasure</span>
        <h1 class="govuk-heading-l">{person.name}</h1>
        <p class="govuk-body">{person.email}</p>
        {person.status === 'being_erased' ? (
          <>
            <WarningText
              text={`${person.name} is being erased: they cannot sign in, and nothing more can be exported or changed.`}
              iconFallbackText="Warning"
            />
            {props.page.erasureJobId ? (
              <p class="govuk-body">
                <a class="govuk-link" href={`/subject-rights/erasure-jobs/${props.page.erasureJobId}`}>
                  See how far the erasure has gone
                </a>
              </p>
            ) : null}
          </>
        ) : (
          <PersonActions page={props.page} />
        )}
      </div>
    </div>
  );
}

function PersonActions(props: { page: Awaited<ReturnType<typeof getPersonPage>> }) {
  const { person, exports } = props.page;
  return (
    <>
      <h2 class="govuk-heading-m">Subject access export</h2>
      <p class="govuk-body">
        A ZIP file of everything Waymark holds about {person.name}: a summary to read in a browser, the data of each part of Waymark, their files, and a list of
        what is withheld and why. It is prepared in the background and can be downloaded for 7 days.
      </p>
      <form method="post" action={`/subject-rights/people/${person.id}/exports`} novalidate>
        <Button text="Request an export" />
      </form>
      {exports.length > 0 ? (
        <Table
          head={[{ text: 'Requested' }, { text: 'Status' }, { text: 'File' }]}
          rows={exports.map((e) => [{ text: day(e.requested_at) }, { text: exportStatus(e) }, downloadCell(e, person.name)])}
        />
      ) : null}
      <h2 class="govuk-heading-m">Erasure</h2>
      {props.page.isViewer ? (
        <p class="govuk-body">You cannot erase yourself: ask another organisation admin.</p>
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={`/subject-rights/people/${person.id}/erase`}>
            Erase {person.name}
          </a>
        </p>
      )}
    </>
  );
}

/** The confirm step: what erasing the person will do, and the organisation's choice for credentials. */
export function EraseView(props: {
  page: Awaited<ReturnType<typeof getPersonPage>>;
  values: { credentials?: string; confirmed?: boolean };
  errors?: FieldErrors;
}) {
  const { person, holds } = props.page;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">Subject access and erasure</span>
        <h1 class="govuk-heading-l">Erase {person.name}</h1>
        <WarningText text="Erasure cannot be undone. Request a subject access export first if they want a copy." iconFallbackText="Warning" />
        <p class="govuk-body">
          From the moment you press the button, {person.name} cannot sign in and is signed out everywhere. Waymark then deletes everything it holds about them,
          one part at a time, in the background (it usually takes seconds; if it is interrupted, it carries on where it stopped):
        </p>
        <ul class="govuk-list govuk-list--bullet">
          {holds.map((h) => (
            <li>
              <strong>{h.title}:</strong> {h.holds.join('; ')}
            </li>
          ))}
        </ul>
        <p class="govuk-body">
          Other people’s records stay as they are: where {person.name} mentored, endorsed, signed off or commented, those records say “a former member of staff”
          instead. The audit log keeps its entries under an id that leads to no one. Their answers to other people’s 360 feedback were never linked to them and
          stay in those reports.
        </p>
        <form method="post" action={`/subject-rights/people/${person.id}/erase`} novalidate>
          <Radios
            name="credentials"
            idPrefix="credentials"
            fieldset={{ legend: { text: 'Certificates already issued to them', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Their certificate records are deleted either way. A signed credential they downloaded can stay valid, or be revoked.' }}
            items={[
              { value: 'keep', text: 'Keep them verifiable', hint: { text: 'A credential they kept still checks as valid wherever it is shown' } },
              { value: 'revoke', text: 'Revoke them', hint: { text: 'Every check of their credentials says revoked from now on' } },
            ]}
            value={props.values.credentials}
            errorMessage={errorFor(props.errors, 'credentials')}
          />
          <Checkboxes
            name="confirmed"
            idPrefix="confirmed"
            fieldset={{ legend: { text: 'Confirm', classes: 'govuk-fieldset__legend--m' } }}
            items={[{ value: 'yes', text: `I understand that ${person.name} will be erased and this cannot be undone` }]}
            values={props.values.confirmed ? ['yes'] : []}
            errorMessage={errorFor(props.errors, 'confirmed')}
          />
          <Button text={`Erase ${person.name}`} classes="govuk-button--warning" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/subject-rights/people/${person.id}`}>
            Cancel
          </a>
        </p>
      </div>
    </div>
  );
}

/** What an erasure did. */
export function ErasureView(props: { data: Awaited<ReturnType<typeof getErasure>>; justDone: boolean }) {
  const { erasure, summary } = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.justDone ? <NotificationBanner type="success" text="The person has been erased" /> : null}
        <span class="govuk-caption-l">Subject access and erasure</span>
        <h1 class="govuk-heading-l">Erasure {erasure.id.slice(-8)}</h1>
        <p class="govuk-body">
          Carried out {day(erasure.erased_at)} by {props.data.requestedByName}. Certificates already issued:{' '}
          {erasure.credentials === 'keep' ? 'kept verifiable' : 'revoked'}. This record names no one.
        </p>
        {summary.map((s) => (
          <>
            <h2 class="govuk-heading-s">{s.feature}</h2>
            <ul class="govuk-list govuk-list--bullet">
              {s.done.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        ))}
        <p class="govuk-body">
          <a class="govuk-link" href="/subject-rights">
            Subject access and erasure
          </a>
        </p>
      </div>
    </div>
  );
}

/** An erasure under way or just finished, naming no one erased. */
export function ErasureJobView(props: { job: ErasureProgress; justStarted: boolean }) {
  const { job } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.justStarted ? <NotificationBanner type="success" text="Erasure started. The person can no longer sign in." /> : null}
        <span class="govuk-caption-l">Subject access and erasure</span>
        <h1 class="govuk-heading-l">Erasure {job.reference}</h1>
        <dl class="govuk-summary-list">
          {(
            [
              ['Asked for by', job.requestedByName],
              ['Started', day(job.startedAt)],
              ['Steps done', `${job.stepsDone} of ${job.stepsTotal}`],
              ['Status', progressStatus(job)],
            ] as const
          ).map(([key, value]) => (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{key}</dt>
              <dd class="govuk-summary-list__value">{value}</dd>
            </div>
          ))}
        </dl>
        {job.finishedAt && job.erasureId ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/subject-rights/erasures/${job.erasureId}`}>
              See what the erasure did
            </a>
          </p>
        ) : (
          <p class="govuk-body">Refresh this page to see how far it has gone. Once finished, this page names no one.</p>
        )}
        <p class="govuk-body">
          <a class="govuk-link" href="/subject-rights">
            Subject access and erasure
          </a>
        </p>
      </div>
    </div>
  );
}
