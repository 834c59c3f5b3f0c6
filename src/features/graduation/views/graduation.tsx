import { formatTimeRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList } from '../../../platform/http/forms';
import { Button, Checkboxes, ErrorSummary, InsetText, Textarea } from '../../../platform/ui/components';
import { stageOf, PROCEEDINGS_MAX, type CeremonyForm, type CeremonyFormData, type GraduationEvent, type ProgrammePage } from '../graduation.service';

/** The ceremonies the viewer may see. */
export function CeremoniesView(props: { manage: boolean; ceremonies: { event: GraduationEvent; graduates: number; cohorts: number; graduating: boolean }[] }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Graduation ceremonies</h1>
        {props.ceremonies.length === 0 ? (
          <p class="govuk-body">
            {props.manage
              ? 'There are no graduation ceremonies yet. Add one as an open event of the kind “Graduation ceremony”, then link the cohorts it celebrates.'
              : 'You have not been invited to a graduation ceremony. When you complete a programme, or someone you line manage does, the ceremony shows here.'}
          </p>
        ) : (
          <ul class="govuk-list">
            {props.ceremonies.map((c) => (
              <li class="govuk-!-margin-bottom-4">
                <a class="govuk-link govuk-!-font-weight-bold" href={`/graduations/${c.event.id}`}>
                  {c.event.title}
                </a>
                {c.event.status === 'cancelled' ? ' (cancelled)' : null}
                <br />
                {formatTimeRange(c.event.starts_at, c.event.ends_at)}
                <br />
                {props.manage
                  ? c.cohorts === 0
                    ? 'No cohorts linked yet'
                    : `${c.graduates} ${c.graduates === 1 ? 'graduate' : 'graduates'} from ${c.cohorts} ${c.cohorts === 1 ? 'cohort' : 'cohorts'}`
                  : c.graduating
                    ? 'You are graduating'
                    : 'Someone you line manage is graduating'}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The printable programme of a ceremony. */
export function ProgrammeView(props: { page: ProgrammePage; banner?: string }) {
  const { event, when, place, proceedings, groups, mayManage, invited } = props.page;
  const total = groups.reduce((n, g) => n + g.graduates.length, 0);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? (
          <div
            class="govuk-notification-banner govuk-notification-banner--success govuk-!-display-none-print"
            role="alert"
            aria-labelledby="banner-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="banner-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{props.banner}</p>
            </div>
          </div>
        ) : null}
        <span class="govuk-caption-l">{event.organisation_name}: programme of the ceremony</span>
        <h1 class="govuk-heading-l">{event.title}</h1>
        {event.status === 'cancelled' ? (
          <p class="govuk-body govuk-!-font-weight-bold">This ceremony has been cancelled{event.cancel_reason ? `: ${event.cancel_reason}` : '.'}</p>
        ) : null}
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Date and time</dt>
            <dd class="govuk-summary-list__value">{when}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Place</dt>
            <dd class="govuk-summary-list__value">{place}</dd>
          </div>
        </dl>
        {props.page.you ? <InsetText text="You are graduating at this ceremony. Congratulations." /> : null}
        {mayManage ? (
          <div class="govuk-!-display-none-print">
            <p class="govuk-body">
              Invitations sent: {invited.graduates} {invited.graduates === 1 ? 'graduate' : 'graduates'}, {invited.guests}{' '}
              {invited.guests === 1 ? 'guest' : 'guests'}. Graduates whose completion is confirmed later are invited when it is.
            </p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/graduations/${event.id}/edit`}>
                Change the cohorts or the order of proceedings
              </a>
            </p>
          </div>
        ) : null}
        <p class="govuk-body govuk-!-display-none-print">
          To print the programme, use your browser’s print command. Links and navigation are left off the printed page.
        </p>
        <h2 class="govuk-heading-m">Order of proceedings</h2>
        {proceedings.length === 0 ? (
          <p class="govuk-body">The order of proceedings has not been written yet.</p>
        ) : (
          <ol class="govuk-list govuk-list--number">
            {proceedings.map((line) => (
              <li>{line}</li>
            ))}
          </ol>
        )}
        <h2 class="govuk-heading-m">Graduates</h2>
        {total === 0 ? (
          <p class="govuk-body">Nobody is listed yet: graduates are listed when their completion is confirmed.</p>
        ) : (
          groups.map((group) => (
            <section>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{group.programme}</h3>
              {group.stage ? <p class="govuk-body-s govuk-!-margin-bottom-2">{group.stage}</p> : null}
              <ul class="govuk-list">
                {group.graduates.map((g) => (
                  <li>
                    {g.name}
                    {g.school ? `, ${g.school}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </div>
  );
}

/** The lead's form: cohorts celebrated, order of proceedings, whether line managers are invited. */
export function CeremonyFormView(props: { data: CeremonyFormData; form: CeremonyForm; errors?: FieldErrors }) {
  const { event, cohorts, when, place } = props.data;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">
          {when}, {place}
        </span>
        <h1 class="govuk-heading-l">{event.title}</h1>
        <p class="govuk-body">
          The date, time and place are the event’s:{' '}
          <a class="govuk-link" href={`/sessions/${event.id}`}>
            change them on the event
          </a>
          .
        </p>
        <form method="post" action={`/graduations/${event.id}/edit`} novalidate>
          <Checkboxes
            name="cohortIds"
            fieldset={{ legend: { text: 'Cohorts this ceremony celebrates', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Everyone in these cohorts whose completion is confirmed is listed as a graduate and invited, once.' }}
            values={props.form.cohortIds}
            errorMessage={errorFor(errors, 'cohortIds')}
            items={cohorts.map((c) => ({
              value: c.id,
              text: `${c.programme_title}: ${c.name}`,
              hint: { text: stageOf(c) ?? 'Not part of a pathway' },
            }))}
          />
          <Textarea
            id="proceedings"
            name="proceedings"
            rows={8}
            label={{ text: 'Order of proceedings', classes: 'govuk-label--m' }}
            hint={{ text: `One item a line, for example “6pm: welcome from the chief executive”. Up to ${PROCEEDINGS_MAX} characters.` }}
            value={props.form.proceedings}
            errorMessage={errorFor(errors, 'proceedings')}
          />
          <Checkboxes
            name="inviteLineManagers"
            items={[
              {
                value: 'yes',
                text: 'Invite each graduate’s line manager as a guest',
                hint: { text: 'Line managers can see the programme whether or not they are invited.' },
              },
            ]}
            values={props.form.inviteLineManagers ? ['yes'] : []}
          />
          <Button text="Save and send invitations" />
        </form>
      </div>
    </div>
  );
}
