import { formatDate, formatDateRange } from '../../../platform/dates';
import { SummaryList, Table } from '../../../platform/ui/components';
import type { PersonWithProgrammes, ProgrammeProgress, schoolProgrammes } from '../reports.service';

/** Each of a person's programmes as a short list: status, requirements, attendance, mentor. */
function ProgrammeLines(props: { programmes: ProgrammeProgress[]; applications: string[] }) {
  if (props.programmes.length === 0 && props.applications.length === 0) return <span>Not on a programme</span>;
  return (
    <ul class="govuk-list govuk-!-margin-bottom-0">
      {props.programmes.map((p) => (
        <li>
          <strong>
            {p.programmeTitle}, {p.cohortName}
          </strong>{' '}
          – {p.statusText}{' '}
          {p.requirements || p.completedOn || p.facts.length > 0 || p.mentor ? (
            <span class="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              {[
                p.completedOn ? `Completed on ${formatDate(p.completedOn)}` : null,
                p.requirements,
                ...p.facts.map((f) => `${f.label}: ${f.value}`),
                p.mentor ? `Mentor or coach: ${p.mentor}` : null,
              ]
                .filter(Boolean)
                .join('. ')}
            </span>
          ) : null}
        </li>
      ))}
      {props.applications.map((a) => (
        <li>Applied: {a}</li>
      ))}
    </ul>
  );
}

/** The line manager's "My team": each direct report with their programmes and where they are. */
export function TeamPage(props: { team: PersonWithProgrammes[] }) {
  const onProgrammes = props.team.filter((p) => p.programmes.some((x) => x.status === 'active' || x.status === 'deferred')).length;
  return (
    <>
      <h1 class="govuk-heading-l">My team</h1>
      {props.team.length === 0 ? (
        <p class="govuk-body">Nobody’s staff record names you as their line manager.</p>
      ) : (
        <>
          <p class="govuk-body">
            You line manage {props.team.length} {props.team.length === 1 ? 'person' : 'people'}; {onProgrammes} {onProgrammes === 1 ? 'is' : 'are'} on a
            programme now. Open a name for their requirements, attendance and next steps.
          </p>
          <Table
            caption="Your team’s programmes"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[{ text: 'Name' }, { text: 'Programmes' }]}
            rows={props.team.map((person) => [
              {
                html: (
                  <>
                    <a class="govuk-link" href={`/people/${person.id}/programmes`}>
                      {person.name}
                    </a>{' '}
                    <span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {person.jobTitle ?? ''}
                    </span>
                  </>
                ),
              },
              { html: <ProgrammeLines programmes={person.programmes} applications={person.applications} /> },
            ])}
          />
        </>
      )}
    </>
  );
}

/** One person's programmes in full: each with its requirements, attendance, mentor and next steps. */
export function PersonProgrammesPage(props: { person: PersonWithProgrammes; isOwn: boolean }) {
  const { person } = props;
  return (
    <>
      <span class="govuk-caption-l">{person.schoolName ?? 'Central team'}</span>
      <h1 class="govuk-heading-l">{props.isOwn ? 'Your programmes and progress' : `${person.name}: programmes and progress`}</h1>
      {person.programmes.length === 0 ? (
        <p class="govuk-body">{props.isOwn ? 'You have not been on a programme yet.' : `${person.name} has not been on a programme yet.`}</p>
      ) : null}
      {person.programmes.map((p) => (
        <>
          <h2 class="govuk-heading-m">
            {p.programmeTitle}, {p.cohortName}
          </h2>
          <SummaryList
            rows={[
              { key: { text: 'Status' }, value: { text: p.statusText } },
              { key: { text: 'Cohort dates' }, value: { text: formatDateRange(p.cohortDates.startsOn, p.cohortDates.endsOn) } },
              ...(p.completedOn ? [{ key: { text: 'Completed on' }, value: { text: formatDate(p.completedOn) } }] : []),
              ...(p.status === 'active' || p.status === 'deferred'
                ? [{ key: { text: 'Requirements' }, value: { text: p.requirements ?? 'The programme sets no requirements' } }]
                : []),
              ...p.facts.map((f) => ({ key: { text: f.label }, value: { text: f.value } })),
              { key: { text: 'Mentor or coach' }, value: { text: p.mentor ?? 'None assigned' } },
              ...(p.status === 'active' || p.status === 'deferred'
                ? [
                    {
                      key: { text: 'Still to do' },
                      value: {
                        html:
                          p.nextSteps.length === 0 ? (
                            <span>Nothing: every requirement is met</span>
                          ) : (
                            <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
                              {p.nextSteps.map((step) => (
                                <li>{step}</li>
                              ))}
                            </ul>
                          ),
                      },
                    },
                  ]
                : []),
            ]}
          />
          <p class="govuk-body">
            <a class="govuk-link" href={`/enrolments/${p.enrolmentId}`}>
              Open the enrolment<span class="govuk-visually-hidden">: {p.programmeTitle}</span>
            </a>
          </p>
        </>
      ))}
      {person.applications.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Applications</h2>
          <ul class="govuk-list">
            {person.applications.map((a) => (
              <li>{a}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** A school's people on programmes, for its headteacher (school admin). */
export function SchoolProgrammesPage(props: { data: Awaited<ReturnType<typeof schoolProgrammes>> }) {
  const { school, people, counts, staffCount } = props.data;
  return (
    <>
      <span class="govuk-caption-l">{school.name}</span>
      <h1 class="govuk-heading-l">Programmes at {school.name}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Staff' }, value: { text: String(staffCount) } },
          { key: { text: 'On a programme now' }, value: { text: String(counts.active) } },
          { key: { text: 'Completed a programme' }, value: { text: String(counts.completed) } },
          { key: { text: 'Applied, waiting for a decision' }, value: { text: String(counts.applied) } },
        ]}
      />
      {people.length === 0 ? (
        <p class="govuk-body">Nobody at {school.name} has been on a programme or applied for one yet.</p>
      ) : (
        <Table
          caption={`Staff at ${school.name} on programmes`}
          captionClasses="govuk-table__caption--m"
          firstCellIsHeader
          head={[{ text: 'Name' }, { text: 'Programmes' }]}
          rows={people.map((person) => [
            {
              html: (
                <>
                  <a class="govuk-link" href={`/people/${person.id}/programmes`}>
                    {person.name}
                  </a>{' '}
                  <span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                    {person.jobTitle ?? ''}
                  </span>
                </>
              ),
            },
            { html: <ProgrammeLines programmes={person.programmes} applications={person.applications} /> },
          ])}
        />
      )}
    </>
  );
}
