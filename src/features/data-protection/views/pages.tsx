import { formatDate, formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Input, InsetText, Pagination, Select, Table } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { type ErasureProgress, RECENT_ERASURE_DAYS } from '../../subject-rights';
import type { AuditLogPage, AuditPageLink, PrivacyNotice, RetentionPage } from '../data-protection.service';
import { describeMonths } from '../data-protection.service';
import { type AuditLogQuery, periodField } from '../data-protection.schemas';

/** "staff_record_viewed" → "Staff record viewed". */
export function actionText(action: string): string {
  const words = action.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function DataProtectionHome(props: { canChange: boolean; erasures: ErasureProgress[]; canOpenErasures: boolean }) {
  return (
    <>
      <h1 class="govuk-heading-l">Data protection</h1>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/data-protection/audit-log">
            Audit log
          </a>
          : who saw or changed personal data
        </li>
        <li>
          <a class="govuk-link" href="/data-protection/retention">
            Retention
          </a>
          : how long each kind of record is kept{props.canChange ? ', and changing it' : ''}, and what the daily sweep did
        </li>
        <li>
          <a class="govuk-link" href="/data-protection/record-of-processing.csv">
            Download the record of processing activities (CSV)
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/privacy">
            Privacy notice
          </a>
          : what staff and the public read
        </li>
      </ul>
      <h2 class="govuk-heading-m">Erasures</h2>
      {props.erasures.length === 0 ? (
        <p class="govuk-body">No erasures are in progress, and none finished in the last {RECENT_ERASURE_DAYS} days.</p>
      ) : (
        <>
          <p class="govuk-body">
            Erasures in progress, and those finished in the last {RECENT_ERASURE_DAYS} days. Each is known by its reference: once finished, nothing here says
            whom it erased.
          </p>
          <Table
            caption="Erasures in progress and recently finished"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Reference' }, { text: 'Asked for by' }, { text: 'Started' }, { text: 'Steps done' }, { text: 'Finished' }]}
            rows={props.erasures.map((job) => [
              {
                html: props.canOpenErasures ? (
                  <a class="govuk-link" href={`/subject-rights/erasure-jobs/${job.jobId}`}>
                    Erasure {job.reference}
                  </a>
                ) : (
                  <>Erasure {job.reference}</>
                ),
              },
              { text: job.requestedByName },
              { text: formatDateTime(job.startedAt) },
              { text: `${job.stepsDone} of ${job.stepsTotal}` },
              {
                text: job.finishedAt ? formatDateTime(job.finishedAt) : job.lastError ? 'Not yet: interrupted, Waymark will try again' : 'Not yet: in progress',
              },
            ])}
          />
        </>
      )}
    </>
  );
}

/** The filters as a query string, without the page's cursor (the CSV link and "Clear" want every page), plus `extra`. */
function queryString(query: AuditLogQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, older: undefined, newer: undefined, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A page link's cursor as query parameters (none for the newest page). */
function cursorParams(link: AuditPageLink): Record<string, string> {
  return link ?? {};
}

export function AuditLogView(props: { page: AuditLogPage; query: AuditLogQuery }) {
  const { page, query } = props;
  const errors = page.errors;
  return (
    <>
      <FormErrors errors={errors} />
      <h1 class="govuk-heading-l">Audit log</h1>
      <p class="govuk-body">
        Who saw or changed personal data in your organisation, newest first. Nobody can change or delete an entry; entries older than the audit log’s{' '}
        <a class="govuk-link" href="/data-protection/retention">
          retention period
        </a>{' '}
        are deleted by the daily sweep.
      </p>
      <form method="get" action="/data-protection/audit-log" novalidate>
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Input
              id="person"
              name="person"
              type="email"
              autocomplete="off"
              spellcheck={false}
              label={{ text: 'Person affected (email address)' }}
              value={query.person ?? ''}
              errorMessage={errorFor(errors, 'person')}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <Input
              id="actor"
              name="actor"
              type="email"
              autocomplete="off"
              spellcheck={false}
              label={{ text: 'Done by (email address)' }}
              value={query.actor ?? ''}
              errorMessage={errorFor(errors, 'actor')}
            />
          </div>
        </div>
        <Select
          id="action"
          name="action"
          label={{ text: 'Action' }}
          value={query.action ?? ''}
          items={[{ value: '', text: 'Any action' }, ...page.actions.map((a) => ({ value: a, text: actionText(a) }))]}
        />
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-half">
            <Input
              id="from"
              name="from"
              type="date"
              label={{ text: 'From (first day)' }}
              hint={{ text: 'For example, 2026-09-01' }}
              value={query.from ?? ''}
              errorMessage={errorFor(errors, 'from')}
            />
          </div>
          <div class="govuk-grid-column-one-half">
            <Input
              id="to"
              name="to"
              type="date"
              label={{ text: 'To (last day)' }}
              hint={{ text: 'For example, 2026-12-31' }}
              value={query.to ?? ''}
              errorMessage={errorFor(errors, 'to')}
            />
          </div>
        </div>
        <div class="govuk-button-group">
          <Button text="Filter" />
          <a class="govuk-link" href="/data-protection/audit-log">
            Clear filters
          </a>
        </div>
      </form>
      <p class="govuk-body">
        <a class="govuk-link" href={`/data-protection/audit-log.csv${queryString(query)}`}>
          Download these entries as CSV
        </a>
      </p>
      {page.rows.length === 0 ? (
        <p class="govuk-body">No entries match.</p>
      ) : (
        <Table
          caption="Entries"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'When' }, { text: 'Action' }, { text: 'Done by' }, { text: 'Person affected' }, { text: 'Record' }]}
          rows={page.rows.map((r) => [
            { text: formatDateTime(r.createdAt) },
            { text: actionText(r.action) },
            { text: r.actorName ?? 'Waymark (no one signed in)' },
            { text: r.personName ?? '' },
            { text: r.subjectType ? `${actionText(r.subjectType)}${r.subjectId ? ` ${r.subjectId.slice(0, 8)}` : ''}` : '' },
          ])}
        />
      )}
      {page.newer !== undefined || page.older !== undefined ? (
        <Pagination
          previous={
            page.newer !== undefined ? { href: `/data-protection/audit-log${queryString(query, cursorParams(page.newer))}`, text: 'Newer entries' } : undefined
          }
          next={
            page.older !== undefined ? { href: `/data-protection/audit-log${queryString(query, cursorParams(page.older))}`, text: 'Older entries' } : undefined
          }
          landmarkLabel="Audit log pages"
        />
      ) : null}
    </>
  );
}

export function RetentionView(props: { page: RetentionPage; values?: FormValues; errors?: FieldErrors; saved?: boolean }) {
  const { page, errors } = props;
  return (
    <>
      <FormErrors errors={errors} />
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
            <p class="govuk-notification-banner__heading">Retention periods saved</p>
          </div>
        </div>
      ) : null}
      <h1 class="govuk-heading-l">Retention</h1>
      <p class="govuk-body">
        How long your organisation keeps each kind of record. Every day Waymark deletes or anonymises what is older. The defaults follow the IRMS toolkit for
        schools; no period can be shorter than the minimum shown.
      </p>
      <InsetText text="A leaver’s own record stays theirs: their certificates, portfolio entries and reflections, and verifications given to them, are not deleted by your retention periods." />
      {page.canChange ? (
        <form method="post" action="/data-protection/retention" novalidate>
          {page.rows.map((row) => {
            const field = periodField(row.type.key);
            return (
              <Input
                id={field}
                name={field}
                inputmode="numeric"
                classes="govuk-input--width-4"
                label={{ text: row.type.name, classes: 'govuk-label--s' }}
                hint={{
                  text: `${row.type.description}; then ${row.type.action}. Default ${describeMonths(row.type.defaultMonths)}, at least ${describeMonths(row.type.minimumMonths)}: ${row.type.basis}.`,
                }}
                suffix={{ text: 'months' }}
                value={props.values?.[field] ?? String(row.months)}
                errorMessage={errorFor(errors, field)}
              />
            );
          })}
          <Button text="Save retention periods" />
        </form>
      ) : (
        <Table
          caption="Retention periods"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Record' }, { text: 'Kept for' }, { text: 'Then' }, { text: 'Why' }]}
          rows={page.rows.map((row) => [
            { text: `${row.type.name}: ${row.type.description}` },
            { text: `${describeMonths(row.months)}${row.chosen ? '' : ' (default)'}` },
            { text: row.type.action },
            { text: `At least ${describeMonths(row.type.minimumMonths)}: ${row.type.basis}` },
          ])}
        />
      )}
      <h2 class="govuk-heading-m">What the daily sweep did</h2>
      {page.runs.length === 0 ? (
        <p class="govuk-body">The sweep has not run yet.</p>
      ) : (
        <Table
          caption="Recent retention runs"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'Date' }, { text: 'Record' }, { text: 'Older than' }, { text: 'Deleted or anonymised', format: 'numeric' }]}
          rows={page.runs.map((r) => [
            { text: formatDate(r.runOn) },
            { text: r.name },
            { text: formatDate(r.cutoff) },
            { text: String(r.affected), format: 'numeric' },
          ])}
        />
      )}
    </>
  );
}

export function PrivacyNoticeView(props: { notice: PrivacyNotice; organisationName: string }) {
  const { notice } = props;
  const kept = (r: { name: string; description: string; months: number; action: string }) => (
    <li>
      {r.name} ({r.description.charAt(0).toLowerCase() + r.description.slice(1)}): kept for {describeMonths(r.months)}, then {r.action}.
    </li>
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Privacy notice</h1>
        <p class="govuk-body">
          {props.organisationName} uses Waymark to develop its staff: programmes, feedback, records of professional learning and careers. This page is written
          from what this installation of Waymark actually keeps. {props.organisationName} is the data controller; ask its data protection officer about anything
          here, or to see or erase what is held about you.
        </p>
        <h2 class="govuk-heading-m">Why it is held</h2>
        <p class="govuk-body">
          To run leadership development for staff: who can take part in which programme, and who supports them. The lawful basis is the public task of educating
          pupils and developing the staff who teach them, or legitimate interests for academies and independent schools.
        </p>
        <h2 class="govuk-heading-m">Who can see it</h2>
        <p class="govuk-body">
          Your organisation’s administrators, your school’s administrators and your line manager see your staff record; each part below says who else sees what.
          Other staff cannot see your record.
        </p>
        <h2 class="govuk-heading-m">What is held</h2>
        {notice.organisationPeriods ? null : (
          <p class="govuk-body">The periods below are Waymark’s defaults; each organisation may keep some records longer (never shorter than the law needs).</p>
        )}
        {notice.parts.map((part) => (
          <>
            <h3 class="govuk-heading-s">{part.title}</h3>
            <ul class="govuk-list govuk-list--bullet">
              {part.holds.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
            {part.retention.length > 0 ? (
              <>
                <p class="govuk-body">How long it is kept:</p>
                <ul class="govuk-list govuk-list--bullet">{part.retention.map(kept)}</ul>
              </>
            ) : null}
          </>
        ))}
        <h2 class="govuk-heading-m">Who saw or changed it</h2>
        <p class="govuk-body">
          Waymark keeps an audit log of who saw or changed personal data. Only organisation admins and the data protection officer can read it, and nobody can
          change it.
        </p>
        {notice.general.length > 0 ? <ul class="govuk-list govuk-list--bullet">{notice.general.map(kept)}</ul> : null}
        <h2 class="govuk-heading-m">Your rights</h2>
        <p class="govuk-body">
          You can ask for a copy of everything held about you, for it to be corrected, or for it to be erased. You can complain to the Information
          Commissioner’s Office (ico.org.uk) if you are unhappy with how your data is used.
        </p>
      </div>
    </div>
  );
}
