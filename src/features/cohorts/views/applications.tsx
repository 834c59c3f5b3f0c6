import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  Button,
  ErrorSummary,
  InsetText,
  NotificationBanner,
  Panel,
  Radios,
  statusTagParams,
  SummaryCard,
  SummaryList,
  Table,
  TaskList,
  Textarea,
  WarningText,
} from '../../../platform/ui/components';
import { sectionStatus } from '../applications.rules';
import type { getApplicantView, getApplicationsInbox, getReviewerView } from '../applications.service';
import { TERMINAL_STATUSES } from '../applications.lifecycle';
import { DECISIONS, SECTION_TITLES } from '../cohorts.schemas';
import type { ApplicationStatus } from '../cohorts.tables';
import { Answers } from './application-answers';
import { ApplicationHistory } from './application-history';
import { EndorsementSummary } from './endorsement-summary';
import { headteacherStandsForLineManager, linkToSendAgain } from '../applications.rules';
import type { EndorsementRow } from '../cohorts.queries';
import { ApplicationStatusTag } from './status-tags';

type ApplicantView = Awaited<ReturnType<typeof getApplicantView>>;
type ReviewerView = Awaited<ReturnType<typeof getReviewerView>>;

const NEXT_STEPS: Record<ApplicationStatus, string> = {
  draft: 'Complete each section, then check your answers and submit.',
  submitted: 'The programme lead will consider your application. We will email you when they decide.',
  awaiting_endorsement: 'We are waiting for the people asked to support your application. We will email you when they answer.',
  endorsed: 'Your application has the support it needs. The programme lead will consider it, and we will email you when they decide.',
  accepted: 'You have a place in this cohort.',
  waitlisted: 'You are on the waiting list. If a place becomes free, it is offered to the people on the list in turn, and we will email you if it is yours.',
  declined: 'Your application was not successful this time.',
  withdrawn: 'You withdrew this application.',
};

function WindowNote(props: { view: ApplicantView }) {
  const { app, window } = props.view;
  if (window === 'before')
    return (
      <WarningText
        text={`Applications for ${app.cohort_name} open on ${formatDate(app.applications_open_on)}. You can save your answers now and submit from then.`}
      />
    );
  if (window === 'after')
    return (
      <WarningText
        text={`Applications for ${app.cohort_name} closed on ${formatDate(app.applications_close_on)}. This application can no longer be submitted.`}
      />
    );
  return <p class="govuk-body">Applications close at the end of {formatDate(app.applications_close_on)}.</p>;
}

/** The applicant's own page: a task list while a draft; afterwards its status, answers and history. */
export function ApplicantPage(props: { view: ApplicantView; done?: string }) {
  const { app, sections, eligibility, endorsements, events } = props.view;
  const heading = (
    <>
      <span class="govuk-caption-l">
        {app.programme_title}, {app.cohort_name}
      </span>
      <h1 class="govuk-heading-l">Your application</h1>
    </>
  );
  if (app.status === 'draft') {
    const statuses = sections.map((s) => sectionStatus(app, s));
    const completed = statuses.filter((s) => s === 'completed').length;
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {heading}
          <WindowNote view={props.view} />
          {!eligibility.eligible ? (
            <WarningText
              text={`Your staff record does not meet this programme’s rules, so the application cannot be submitted. ${eligibility.reasons.join(' ')}${app.school_urn ? '' : ' If your record is wrong, ask your school admin to change it.'}`}
            />
          ) : null}
          {app.school_urn && app.school_id === null ? (
            <p class="govuk-body">
              Your school is not on Waymark, so you keep your school and role up to date yourself:{' '}
              <a class="govuk-link" href="/account/school-and-role">
                change your school, job title, leadership level or start date
              </a>
              .
            </p>
          ) : null}
          <h2 class="govuk-heading-s govuk-!-margin-bottom-2">{completed === sections.length ? 'Application ready to check' : 'Application incomplete'}</h2>
          <p class="govuk-body govuk-!-margin-bottom-7">
            {completed === sections.length
              ? `You have completed all ${sections.length} sections.`
              : `You have completed ${completed} of ${sections.length} sections.`}
          </p>
          <TaskList
            idPrefix="application"
            items={sections.map((section, i) => ({
              title: { text: SECTION_TITLES[section] },
              href: `/applications/${app.id}/${section}`,
              status:
                statuses[i] === 'completed'
                  ? { text: 'Completed' }
                  : { tag: statusTagParams({ text: statuses[i] === 'incomplete' ? 'Incomplete' : 'Not yet started', colour: 'blue' }) },
            }))}
          />
          {completed === sections.length ? (
            <Button text="Check your answers and submit" href={`/applications/${app.id}/check`} />
          ) : (
            <p class="govuk-body">Complete every section, then you can check your answers and submit.</p>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={`/applications/${app.id}/withdraw`}>
              Withdraw this application
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.done === 'submitted' ? (
          <Panel titleText="Application submitted">
            Your application to {app.programme_title} ({app.cohort_name}) has been sent
          </Panel>
        ) : null}
        {props.done === 'withdrawn' ? <NotificationBanner type="success" text="You have withdrawn your application" /> : null}
        {props.done === 'link-sent' ? <LinkSentBanner endorsements={endorsements} /> : null}
        {heading}
        <p class="govuk-body">
          Status: <ApplicationStatusTag status={app.status} />
        </p>
        <p class="govuk-body">{NEXT_STEPS[app.status]}</p>
        {app.decision_reason ? <InsetText>The programme lead said: “{app.decision_reason}”</InsetText> : null}
        {props.done === 'submitted' ? <p class="govuk-body">We have sent you a confirmation email.</p> : null}
        <h2 class="govuk-heading-m">Support for your application</h2>
        <EndorsementSummary endorsements={endorsements} outsideLineManager={headteacherStandsForLineManager(app)} reader="applicant" />
        <SendLinkAgain app={app} endorsements={endorsements} reader="applicant" />
        <Answers app={app} sections={props.view.sections} reader="applicant" />
        <ApplicationHistory events={events} />
        {!TERMINAL_STATUSES.includes(app.status) ? (
          <Button text="Withdraw this application" href={`/applications/${app.id}/withdraw`} classes="govuk-button--warning" />
        ) : null}
      </div>
    </div>
  );
}

/** After the headteacher's link was sent again. */
function LinkSentBanner(props: { endorsements: EndorsementRow[] }) {
  const head = props.endorsements.find((e) => e.kind === 'headteacher' && e.endorser_email);
  return (
    <NotificationBanner
      type="success"
      text={`A new link has been sent to ${head?.endorser_name ?? 'the headteacher'}. The link sent before no longer works.`}
    />
  );
}

/** Sending the headteacher's link again, while they have not answered (a new link; the old one stops working). */
function SendLinkAgain(props: { app: { id: string; status: string }; endorsements: EndorsementRow[]; reader: 'applicant' | 'others' }) {
  const head = linkToSendAgain(props.app, props.endorsements);
  if (!head) return null;
  return (
    <form method="post" action={`/applications/${props.app.id}/headteacher-link`} novalidate>
      <p class="govuk-body">
        If {props.reader === 'applicant' ? `your headteacher, ${head.endorser_name},` : head.endorser_name} cannot find the email, or the link has stopped
        working, you can send them a new link. The link sent before will stop working.
      </p>
      <Button text="Send the headteacher a new link" classes="govuk-button--secondary" preventDoubleClick />
    </form>
  );
}

/** Anyone else allowed to read it: the whole application, its endorsements, its history, and for leads the decision. */
export function ReviewerPage(props: {
  view: ReviewerView;
  sections: Parameters<typeof Answers>[0]['sections'];
  values?: FormValues;
  errors?: FieldErrors;
  done?: string;
}) {
  const { app, endorsements, events, placesTaken, canDecide } = props.view;
  const errors = props.errors ?? {};
  const decidable = ['submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted'].includes(app.status);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { decision: 'decision' })} /> : null}
        {props.done === 'decided' ? <NotificationBanner type="success" text="Decision saved: the applicant has been emailed" /> : null}
        {props.done === 'link-sent' ? <LinkSentBanner endorsements={endorsements} /> : null}
        <span class="govuk-caption-l">
          {app.programme_title}, {app.cohort_name}
        </span>
        <h1 class="govuk-heading-l">
          {app.given_name} {app.family_name}’s application
        </h1>
        <SummaryList
          rows={[
            { key: { text: 'Status' }, value: { html: <ApplicationStatusTag status={app.status} /> } },
            { key: { text: 'Submitted' }, value: { text: app.submitted_at ? formatDate(app.submitted_at) : 'Not yet submitted' } },
            { key: { text: 'Job title on record' }, value: { text: app.job_title ?? 'Not given' } },
            {
              key: { text: 'Eligibility' },
              value: {
                text:
                  app.eligible === 1
                    ? 'Meets the programme’s rules (checked at submission)'
                    : app.eligible === 0
                      ? 'Does not meet the programme’s rules'
                      : 'Checked when submitted',
              },
            },
            app.decision_reason ? { key: { text: 'Reason given' }, value: { text: app.decision_reason } } : null,
          ]}
        />
        <h2 class="govuk-heading-m">Endorsements</h2>
        <EndorsementSummary endorsements={endorsements} outsideLineManager={headteacherStandsForLineManager(app)} />
        {canDecide ? <SendLinkAgain app={app} endorsements={endorsements} reader="others" /> : null}
        <Answers app={app} sections={props.sections} reader="others" />
        <ApplicationHistory events={events} />
        {canDecide && decidable ? (
          <>
            <h2 class="govuk-heading-m">Decision</h2>
            <p class="govuk-body">
              Places taken: {placesTaken} of {app.capacity}.
            </p>
            <form method="post" action={`/applications/${app.id}/decision`} novalidate>
              <Radios
                idPrefix="decision"
                name="decision"
                fieldset={{ legend: { text: 'What have you decided?', classes: 'govuk-fieldset__legend--s' } }}
                value={props.values?.decision}
                errorMessage={errorFor(errors, 'decision')}
                items={Object.entries(DECISIONS)
                  .filter(([value]) => !(value === 'waitlist' && app.status === 'waitlisted'))
                  .map(([value, text]) => ({ value, text }))}
              />
              <Textarea
                id="reason"
                name="reason"
                label={{ text: 'Reason', classes: 'govuk-label--s' }}
                hint={{ text: 'The applicant will see this. Needed when you decline or add to the waiting list; optional when you accept.' }}
                value={props.values?.reason}
                errorMessage={errorFor(errors, 'reason')}
              />
              <Button text="Save decision" />
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}

export function WithdrawPage(props: { view: ApplicantView; values?: FormValues; errors?: FieldErrors }) {
  const { app } = props.view;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">
          {app.programme_title}, {app.cohort_name}
        </span>
        <h1 class="govuk-heading-l">Are you sure you want to withdraw your application?</h1>
        {app.status === 'accepted' ? (
          <WarningText text="You have a place in this cohort. If you withdraw, you give up your place and it will be offered to someone on the waiting list." />
        ) : null}
        <p class="govuk-body">You cannot undo this. You can apply again while applications are open.</p>
        <form method="post" action={`/applications/${app.id}/withdraw`} novalidate>
          <Textarea
            id="reason"
            name="reason"
            label={{ text: 'Why are you withdrawing? (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'The programme lead will see this' }}
            value={props.values?.reason}
            errorMessage={errorFor(errors, 'reason')}
          />
          <div class="govuk-button-group">
            <Button text="Withdraw application" classes="govuk-button--warning" />
            <a class="govuk-link" href={`/applications/${app.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

type Inbox = Awaited<ReturnType<typeof getApplicationsInbox>>;

/** GET /applications: the person's applications and the recommendations they have received. */
export function InboxPage(props: { inbox: Inbox }) {
  const { applications, recommendations } = props.inbox;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Your applications</h1>
        {applications.length === 0 ? (
          <p class="govuk-body">
            You have not applied for a programme yet. See the{' '}
            <a class="govuk-link" href="/programmes">
              programmes
            </a>{' '}
            open to you.
          </p>
        ) : (
          <Table
            caption="Your applications"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Programme' }, { text: 'Cohort' }, { text: 'Status' }]}
            rows={applications.map((a) => [
              {
                html: (
                  <a class="govuk-link" href={`/applications/${a.id}`}>
                    {a.programme_title}
                  </a>
                ),
              },
              { text: a.cohort_name },
              { html: <ApplicationStatusTag status={a.status} /> },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Recommendations</h2>
        {recommendations.length === 0 ? <p class="govuk-body">Nobody has recommended you for a programme yet.</p> : null}
        {recommendations.map((r) => (
          <SummaryCard
            title={{
              html: (
                <a class="govuk-link" href={`/programmes/${r.programme_id}`}>
                  {r.programme_title}
                </a>
              ),
              headingLevel: 3,
            }}
          >
            <p class="govuk-body">
              {r.given_name} {r.family_name} recommended you on {formatDate(r.created_at)}.
            </p>
            {r.note ? <InsetText>“{r.note}”</InsetText> : null}
            {r.cohorts.length === 0 ? <p class="govuk-body">No cohort is taking applications at the moment.</p> : null}
            {r.cohorts.map((c) =>
              c.applicationId ? (
                <p class="govuk-body">
                  <a class="govuk-link" href={`/applications/${c.applicationId}`}>
                    Go to your application to {c.name}
                  </a>
                </p>
              ) : (
                <form method="post" action={`/cohorts/${c.id}/apply`}>
                  <p class="govuk-body">
                    {c.name} starts on {formatDate(c.starts_on)}; applications close on {formatDate(c.applications_close_on)}.
                  </p>
                  <Button text={`Apply for ${c.name}`} />
                </form>
              ),
            )}
          </SummaryCard>
        ))}
        <p class="govuk-body">
          <a class="govuk-link" href="/endorsements">
            Endorsement requests for you to answer
          </a>
        </p>
      </div>
    </div>
  );
}
