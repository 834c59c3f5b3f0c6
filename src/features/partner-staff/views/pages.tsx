import { formatDate } from '../../../platform/dates';
import { Button } from '../../../platform/ui/components';
import { Table } from '../../../platform/ui/components/table';
import { APPLICATION_STATUSES } from '../../cohorts';
import { ENROLMENT_STATUSES } from '../../enrolments';
import type { PartnerCohort, StaffElsewhere } from '../partner-staff.service';

/** Programmes of partner organisations the viewer may apply to with their own account. */
export function PartnerProgrammesPage(props: { cohorts: PartnerCohort[]; organisationName: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Partner programmes</h1>
        <p class="govuk-body">
          Other organisations on Waymark have opened these programmes to staff of {props.organisationName}. You apply with your own account; your line manager
          and headteacher are asked for their support here, as for your own organisation’s programmes.
        </p>
        {props.cohorts.length === 0 ? (
          <p class="govuk-body">No partner programme is taking applications at the moment.</p>
        ) : (
          props.cohorts.map((c) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                  {c.programmeTitle}: {c.cohortName}
                </h2>
              </div>
              <div class="govuk-summary-card__content">
                {c.programmeSummary ? <p class="govuk-body">{c.programmeSummary}</p> : null}
                <p class="govuk-body">
                  Run by {c.providerName}. Applications close on {formatDate(c.closesOn)}; the cohort starts on {formatDate(c.startsOn)}.
                </p>
                <form method="post" action={`/partner-programmes/${c.cohortId}/apply`} novalidate>
                  <Button text={`Apply for ${c.programmeTitle}, ${c.cohortName}`} classes="govuk-button--secondary govuk-!-margin-bottom-0" />
                </form>
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

function name(r: { given_name: string; family_name: string }) {
  return `${r.given_name} ${r.family_name}`;
}

/** The home organisation's staff on other organisations' programmes. */
export function StaffElsewherePage(props: { data: StaffElsewhere; organisationName: string }) {
  const { data } = props;
  const whose = data.wholeOrganisation ? `${props.organisationName}’s staff` : 'staff of your schools';
  const empty = data.applications.length + data.taking.length + data.completed.length === 0;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">Staff on partner programmes</h1>
        <p class="govuk-body">
          Applications, places and completions of {whose} on programmes run by other organisations. Their line manager and headteacher endorse applications in
          Waymark as usual; the organisation running the programme decides.
        </p>
        {empty ? <p class="govuk-body">None of {whose} has applied to another organisation’s programme.</p> : null}
        {data.applications.length > 0 ? (
          <Table
            caption="Applications"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Name' }, { text: 'School' }, { text: 'Programme' }, { text: 'Run by' }, { text: 'Submitted' }, { text: 'Status' }]}
            rows={data.applications.map((a) => [
              { text: name(a) },
              { text: a.school_name ?? 'No school' },
              { text: `${a.programme_title}: ${a.cohort_name}` },
              { text: a.providerName },
              { text: a.submitted_at ? formatDate(a.submitted_at.slice(0, 10)) : '' },
              { text: APPLICATION_STATUSES[a.status] },
            ])}
          />
        ) : null}
        {data.taking.length > 0 ? (
          <Table
            caption="Taking part"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Name' }, { text: 'School' }, { text: 'Programme' }, { text: 'Run by' }, { text: 'Dates' }, { text: 'Status' }]}
            rows={data.taking.map((e) => [
              { text: name(e) },
              { text: e.school_name ?? 'No school' },
              { text: `${e.programme_title}: ${e.cohort_name}` },
              { text: e.providerName },
              { text: `${formatDate(e.starts_on)} to ${formatDate(e.ends_on)}` },
              { text: ENROLMENT_STATUSES[e.status] },
            ])}
          />
        ) : null}
        {data.completed.length > 0 ? (
          <Table
            caption="Completed"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Name' }, { text: 'School' }, { text: 'Programme' }, { text: 'Run by' }, { text: 'Completed on' }]}
            rows={data.completed.map((e) => [
              { text: name(e) },
              { text: e.school_name ?? 'No school' },
              { text: `${e.programme_title}: ${e.cohort_name}` },
              { text: e.providerName },
              { text: e.completed_at ? formatDate(e.completed_at.slice(0, 10)) : '' },
            ])}
          />
        ) : null}
      </div>
    </div>
  );
}
