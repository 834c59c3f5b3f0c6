import { APPLICATION_STATUSES } from '../../cohorts';
import { ENROLMENT_STATUSES } from '../../enrolments';
import type { WorkItem } from '../../reports';
import type { HomeSummary } from '../home.queries';
export function HomePage(props: {
  givenName: string;
  organisationName: string;
  canManagePeople: boolean;
  isStaffAdmin: boolean;
  isOrgAdmin: boolean;
  isProgrammeLead: boolean;
  isLineManager: boolean;
  /** Schools the person administers: each has a page of its people on programmes. */
  schools: { id: string; name: string }[];
  personId: string;
  summary: HomeSummary;
  /** What waits for them because of their roles (work queue), in the order to do it. */
  waiting: WorkItem[];
}) {
  const { summary } = props;
  const todo: { href: string; text: string; hint: string }[] = [...props.waiting];
  if (summary.endorsementsAwaiting > 0) {
    const n = summary.endorsementsAwaiting;
    todo.push({
      href: '/endorsements',
      text: `${n} ${n === 1 ? 'application is' : 'applications are'} waiting for your support`,
      hint: 'Say whether you support each colleague taking part.',
    });
  }
  for (const a of summary.applications.filter((x) => x.status === 'draft'))
    todo.push(
      !a.eligible
        ? {
            href: `/applications/${a.id}`,
            text: `Your draft application to ${a.programmeTitle} (${a.cohortName}) cannot be submitted`,
            hint: 'Your staff record does not meet the programme’s rules. Withdraw the draft, or ask your school admin to correct your record.',
          }
        : a.roundClosed
          ? {
              href: `/applications/${a.id}`,
              text: `Applications to ${a.programmeTitle} (${a.cohortName}) closed before your draft was sent`,
              hint: 'It can no longer be submitted. Withdraw the draft, and apply to a later cohort when its round opens.',
            }
          : {
              href: `/applications/${a.id}`,
              text: `Finish your application to ${a.programmeTitle} (${a.cohortName})`,
              hint: 'Your answers are saved; submit before the round closes.',
            },
    );
  for (const r of summary.recommendations)
    todo.push({
      href: `/programmes/${r.programmeId}`,
      text: `${r.recommenderName} recommended you for ${r.programmeTitle}`,
      hint: 'Read about the programme and apply when a round is open.',
    });
  return (
    <>
      <h1 class="govuk-heading-xl">Hello, {props.givenName}</h1>
      <p class="govuk-body-l">Waymark keeps your leadership development at {props.organisationName} in one place.</p>
      {todo.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Things to do</h2>
          <ul class="govuk-list govuk-list--spaced">
            {todo.map((t) => (
              <li>
                <a class="govuk-link govuk-!-font-weight-bold" href={t.href}>
                  {t.text}
                </a>
                <br />
                <span class="govuk-hint govuk-!-margin-bottom-0">{t.hint}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {summary.enrolments.length > 0 || summary.applications.some((a) => a.status !== 'draft') ? (
        <>
          <h2 class="govuk-heading-m">Your programmes</h2>
          <ul class="govuk-list govuk-list--spaced">
            {summary.enrolments.map((e) => (
              <li>
                <a class="govuk-link" href={`/enrolments/${e.id}`}>
                  {e.programmeTitle}, {e.cohortName}
                </a>{' '}
                – {ENROLMENT_STATUSES[e.status]}
              </li>
            ))}
            {summary.applications
              .filter((a) => a.status !== 'draft')
              .map((a) => (
                <li>
                  <a class="govuk-link" href={`/applications/${a.id}`}>
                    Your application to {a.programmeTitle}, {a.cohortName}
                  </a>{' '}
                  – {APPLICATION_STATUSES[a.status]}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/programmes">
              Programmes
            </a>
          </h2>
          <p class="govuk-body">See what you could take part in, and find out whether it’s for you.</p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/my-programme">
              My programme
            </a>
          </h2>
          <p class="govuk-body">Your programme’s requirements, what’s done and what to do next.</p>
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href="/applications">
              Your applications
            </a>
          </h2>
          <p class="govuk-body">Applications you’ve started or sent, and programmes you’ve been recommended for.</p>
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-m">
            <a class="govuk-link" href={`/staff/${props.personId}`}>
              Your staff record
            </a>
          </h2>
          <p class="govuk-body">Check your role, school and line manager are right.</p>
        </div>
        {props.canManagePeople ? (
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href="/staff">
                Staff
              </a>
            </h2>
            <p class="govuk-body">{props.isStaffAdmin ? 'Find, add and update staff, and invite them to Waymark.' : 'See the people you line manage.'}</p>
            {props.isStaffAdmin ? (
              <p class="govuk-body">
                <a class="govuk-link" href="/reports/staff/export.csv" download>
                  Download the staff list (CSV)
                </a>
              </p>
            ) : null}
          </div>
        ) : null}
        {props.isStaffAdmin ? (
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href="/import">
                Import staff
              </a>
            </h2>
            <p class="govuk-body">Bring your staff list in from Arbor, SIMS or Bromcom as a CSV file.</p>
          </div>
        ) : null}
      </div>
      {props.isProgrammeLead ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href="/frameworks">
                Skills frameworks
              </a>
            </h2>
            <p class="govuk-body">The leadership skills programmes are built on, with a version for every change.</p>
          </div>
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href="/pathways">
                Pathways
              </a>
            </h2>
            <p class="govuk-body">Ladders of programmes, from a first leadership role to headship.</p>
          </div>
          <div class="govuk-grid-column-one-third">
            <h2 class="govuk-heading-m">
              <a class="govuk-link" href="/reports">
                Reports
              </a>
            </h2>
            <p class="govuk-body">The trust’s pipeline, how each cohort went, and rosters, attendance and progress to download.</p>
          </div>
        </div>
      ) : null}
      {props.isLineManager || props.schools.length > 0 ? (
        <div class="govuk-grid-row">
          {props.isLineManager ? (
            <div class="govuk-grid-column-one-third">
              <h2 class="govuk-heading-m">
                <a class="govuk-link" href="/team">
                  My team
                </a>
              </h2>
              <p class="govuk-body">The people you line manage: their programmes, attendance and progress.</p>
            </div>
          ) : null}
          {props.schools.map((school) => (
            <div class="govuk-grid-column-one-third">
              <h2 class="govuk-heading-m">
                <a class="govuk-link" href={`/schools/${school.id}/programmes`}>
                  Programmes at {school.name}
                </a>
              </h2>
              <p class="govuk-body">Who in your school is on which programme, and how they are doing.</p>
            </div>
          ))}
        </div>
      ) : null}
      {props.isStaffAdmin ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/schools">
            {props.isOrgAdmin ? 'Manage your organisation’s schools' : 'See your schools'}
          </a>
        </p>
      ) : null}
    </>
  );
}

export function AccessibilityPage() {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Accessibility statement</h1>
        <p class="govuk-body">Waymark is built so that as many people as possible can use it. You should be able to:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate every page using just a keyboard</li>
          <li>use every core task with JavaScript turned off</li>
          <li>navigate most of the service using a screen reader</li>
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
        </ul>
        <h2 class="govuk-heading-m">How accessible this service is</h2>
        <p class="govuk-body">
          We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at AA standard. Every page is checked automatically with axe-core before
          each release, and the design follows the GOV.UK Design System’s tested components.
        </p>
        <h2 class="govuk-heading-m">Reporting problems</h2>
        <p class="govuk-body">
          If you find a problem, tell your school’s Waymark administrator, who can report it to the people who run Waymark for your organisation. Say which page
          it was on and what you were trying to do.
        </p>
        <h2 class="govuk-heading-m">Enforcement</h2>
        <p class="govuk-body">If you are not happy with how your complaint is handled, contact the Equality Advisory and Support Service (EASS).</p>
      </div>
    </div>
  );
}
