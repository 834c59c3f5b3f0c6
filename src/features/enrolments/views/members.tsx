import type { getCohortMembers } from '../enrolments.service';

type Members = Awaited<ReturnType<typeof getCohortMembers>>;

/** Who is in the cohort: each person's name, job title and school. */
export function MembersPage(props: { data: Members; viewerId: string }) {
  const { cohort, members } = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">
          {cohort.programme_title}, {cohort.name}
        </span>
        <h1 class="govuk-heading-l">People in {cohort.name}</h1>
        <p class="govuk-body">
          {members.length === 1 ? '1 person has' : `${members.length} people have`} a place in this cohort. Only their names, job titles and schools are shown
          here.
        </p>
        <ul class="govuk-list govuk-list--spaced">
          {members.map((m) => (
            <li>
              <strong>
                {m.given_name} {m.family_name}
              </strong>
              {m.id === props.viewerId ? ' (you)' : ''}
              <br />
              <span class="govuk-body-s">{[m.job_title, m.school_name ?? 'Central team'].filter(Boolean).join(', ')}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
