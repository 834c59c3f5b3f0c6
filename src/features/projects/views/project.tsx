import { formatDate, formatDateTime } from '../../../platform/dates';
import {
  Button,
  InsetText,
  NotificationBanner,
  Paragraphs,
  StatusTag,
  SummaryList,
  Table,
  Textarea,
  Input,
  ErrorSummary,
  Select,
  type SummaryListRow,
} from '../../../platform/ui/components';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { STATUS_COLOUR, STATUS_TEXT } from '../projects.lifecycle';
import { JUDGEMENTS, MILESTONE_STATUSES } from '../projects.schemas';
import type { ProjectPage } from '../projects.service';
import { ImpactChartView } from './impact-chart';

const ROLE_WORDS = { participant: 'Update', coach: 'Coach', line_manager: 'Line manager', assessor: 'Assessor' } as const;

/** The project page: the plan, the impact as charts and tables, milestones, updates and comments, the report and its assessment. */
export function ProjectPageView(props: { page: ProjectPage; banner?: string; errors?: FieldErrors; values?: FormValues }) {
  const p = props.page;
  const project = p.project;
  const own = p.relation === 'participant';
  const who = own ? 'your' : `${p.participant.givenName}’s`;
  const errors = props.errors ?? {};
  const base = `/projects/${project.id}`;
  const rows: SummaryListRow[] = [
    { key: { text: 'Status' }, value: { html: <StatusTag text={STATUS_TEXT[project.status]} colour={STATUS_COLOUR[project.status]} /> } },
    { key: { text: 'School priority it serves' }, value: { html: <Paragraphs text={project.rationale} /> } },
    { key: { text: 'Who it is for' }, value: { html: <Paragraphs text={project.people_affected} /> } },
    {
      key: { text: 'Linked skills' },
      value: p.skills.length
        ? {
            html: (
              <ul class="govuk-list">
                {p.skills.map((s) => (
                  <li>
                    {s.code} {s.title}
                  </li>
                ))}
              </ul>
            ),
          }
        : { text: 'None' },
    },
    {
      key: { text: 'Success criteria' },
      value: {
        html: (
          <ol class="govuk-list govuk-list--number">
            {p.criteria.map((c) => (
              <li>{c.text}</li>
            ))}
          </ol>
        ),
      },
    },
    {
      key: { text: 'Part of the role' },
      value: {
        text: project.role_confirmed_at
          ? `Confirmed by ${p.confirmedByName ?? 'their line manager'} on ${formatDate(project.role_confirmed_at)}`
          : 'Not confirmed yet',
      },
    },
    { key: { text: 'Assessor' }, value: { text: p.assessorName ?? 'The programme’s leads' } },
  ];
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
      <span class="govuk-caption-l">
        {p.enrolment ? `${p.enrolment.programme_title}, ${p.enrolment.cohort_name}` : own ? 'Your own project' : `${p.participant.name}’s own project`}
      </span>
      <h1 class="govuk-heading-l">{own ? project.title : `${p.participant.name}: ${project.title}`}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {project.status === 'draft' ? (
            own ? (
              <>
                <InsetText text="Before your project starts, your line manager confirms it is part of your role. Until then you can plan it: change the details, add impact measures with their baselines and targets, and add milestones." />
                {p.can.discard ? (
                  <p class="govuk-body">
                    <a class="govuk-link" href={`${base}/discard`}>
                      Discard this project
                    </a>
                  </p>
                ) : null}
              </>
            ) : p.can.confirm ? (
              <form method="post" action={`${base}/confirm`}>
                <InsetText
                  text={`Before the project starts, confirm that it is part of ${p.participant.name}’s job description. They can then record outcomes and write updates.`}
                />
                <Button text={`Confirm it is part of ${p.participant.givenName}’s role`} />
              </form>
            ) : (
              <InsetText text={`The project starts when ${p.participant.givenName}’s line manager confirms it is part of their role.`} />
            )
          ) : null}
          <SummaryList
            rows={rows}
            card={{
              title: { text: 'The plan' },
              actions: p.can.edit ? { items: [{ href: `${base}/edit`, text: 'Change', visuallyHiddenText: 'the plan' }] } : undefined,
            }}
          />
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/summary.pdf`}>
              Download a summary of {who === 'your' ? 'your' : 'the'} project (PDF)
            </a>
          </p>
        </div>
      </div>

      <h2 class="govuk-heading-m">Impact</h2>
      <p class="govuk-body">Each measure is a figure for a group — a percentage, a count, an average — never a figure about one pupil.</p>
      {p.measures.length === 0 ? <p class="govuk-body">{own ? 'You have not added any impact measures yet.' : 'No impact measures yet.'}</p> : null}
      {p.measures.map((m, i) => (
        <section aria-labelledby={`measure-${i + 1}-heading`}>
          <h3 class="govuk-heading-s" id={`measure-${i + 1}-heading`}>
            {m.series.name}
          </h3>
          <ImpactChartView series={m.series} id={`measure-${i + 1}`} />
          {own && (p.can.record || p.can.edit) ? (
            <ul class="govuk-list">
              {p.can.record ? (
                <li>
                  <a class="govuk-link" href={`${base}/measures/${m.id}/outcomes`}>
                    Add an outcome<span class="govuk-visually-hidden"> for {m.series.name}</span>
                  </a>
                </li>
              ) : null}
              {p.can.edit ? (
                <li>
                  <a class="govuk-link" href={`${base}/measures/${m.id}`}>
                    Change the measure<span class="govuk-visually-hidden"> {m.series.name}</span>
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </section>
      ))}
      {p.can.edit ? <Button text="Add an impact measure" href={`${base}/measures/new`} classes="govuk-button--secondary" /> : null}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">Milestones</h2>
          {p.milestones.length === 0 ? (
            <p class="govuk-body">No milestones yet.</p>
          ) : (
            <Table
              caption="Milestones"
              captionClasses="govuk-visually-hidden"
              firstCellIsHeader
              head={[{ text: 'Milestone' }, { text: 'Due' }, { text: 'Status' }]}
              rows={p.milestones.map((m) => [
                { text: m.title },
                { text: formatDate(m.due_on) },
                p.can.edit
                  ? {
                      html: (
                        <form method="post" action={`${base}/milestones/${m.id}`} class="waymark-inline-form">
                          <Select
                            id={`status-${m.id}`}
                            name="status"
                            label={{ text: `Status of ${m.title}`, classes: 'govuk-visually-hidden' }}
                            items={Object.entries(MILESTONE_STATUSES).map(([value, text]) => ({ value, text, selected: value === m.status }))}
                          />
                          <Button
                            text="Save"
                            classes="govuk-button--secondary govuk-!-margin-bottom-0"
                            attributes={{ 'aria-label': `Save the status of ${m.title}` }}
                          />
                        </form>
                      ),
                    }
                  : { text: MILESTONE_STATUSES[m.status] },
              ])}
            />
          )}
          {p.can.edit ? <Button text="Add a milestone" href={`${base}/milestones/new`} classes="govuk-button--secondary" /> : null}

          <h2 class="govuk-heading-m">Updates and comments</h2>
          {p.can.record ? <Button text="Write an update" href={`${base}/updates/new`} classes="govuk-button--secondary" /> : null}
          {p.notes.length === 0 ? <p class="govuk-body">No updates or comments yet.</p> : null}
          {p.notes.map((n) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">
                  {n.kind === 'update' ? 'Update' : `${ROLE_WORDS[n.author_role]}’s comment`} by {n.authorName}, {formatDateTime(n.created_at)}
                </h3>
              </div>
              <div class="govuk-summary-card__content">
                <Paragraphs text={n.body} />
                {n.reflection ? (
                  <>
                    <h4 class="govuk-heading-s">What {n.author_id === project.person_id && own ? 'I' : p.participant.givenName} learned</h4>
                    <Paragraphs text={n.reflection} />
                  </>
                ) : null}
              </div>
            </div>
          ))}
          {p.can.comment ? (
            <form method="post" action={`${base}/comments`} novalidate>
              <Textarea
                id="comment"
                name="comment"
                label={{ text: `Comment on ${p.participant.givenName}’s project`, classes: 'govuk-label--s' }}
                hint={{
                  text: `As their ${p.relation === 'coach' ? 'coach' : 'line manager'}. ${p.participant.givenName} and everyone who can see the project can read it.`,
                }}
                value={props.values?.comment ?? ''}
                errorMessage={errorFor(errors, 'comment')}
              />
              <Button text="Add comment" />
            </form>
          ) : null}

          <h2 class="govuk-heading-m">Final report and assessment</h2>
          {p.submissions.length === 0 ? <p class="govuk-body">{own ? 'You have not submitted a final report yet.' : 'No final report yet.'}</p> : null}
          {p.submissions.map((s) => (
            <SubmissionView submission={s} />
          ))}
          {p.can.submit ? (
            <Button text={project.status === 'not_yet' ? 'Resubmit your final report' : 'Submit your final report'} href={`${base}/submit`} />
          ) : null}
          {p.can.assess ? <Button text="Assess the project" href={`${base}/assess`} /> : null}
          {p.can.nameAssessor ? (
            <form method="post" action={`${base}/assessor`} novalidate>
              <Input
                id="assessorEmail"
                name="assessorEmail"
                type="email"
                autocomplete="off"
                spellcheck={false}
                label={{ text: 'Name an assessor', classes: 'govuk-label--s' }}
                hint={{ text: 'The email address of someone in your organisation who will assess the project. Leave it empty for the programme’s leads.' }}
                value={props.values?.assessorEmail ?? ''}
                errorMessage={errorFor(errors, 'assessorEmail')}
              />
              <Button text="Save assessor" classes="govuk-button--secondary" />
            </form>
          ) : null}
        </div>
      </div>
    </>
  );
}

/** One submission of the final report, with its assessment once given. */
export function SubmissionView(props: { submission: ProjectPage['submissions'][number] }) {
  const s = props.submission;
  return (
    <div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">
          {s.number === 1 ? 'Final report' : `Resubmission ${s.number - 1}`}, submitted {formatDateTime(s.submitted_at)}
        </h3>
      </div>
      <div class="govuk-summary-card__content">
        <SummaryList
          rows={[
            { key: { text: 'What changed' }, value: { html: <Paragraphs text={s.what_changed} /> } },
            { key: { text: 'For whom' }, value: { html: <Paragraphs text={s.for_whom} /> } },
            { key: { text: 'The evidence' }, value: { html: <Paragraphs text={s.evidence} /> } },
            { key: { text: 'What was learned' }, value: { html: <Paragraphs text={s.learned} /> } },
          ]}
        />
        {s.outcome ? (
          <>
            <h4 class="govuk-heading-s">
              Assessment by {s.assessorName}, {formatDate(s.assessed_at)}: {s.outcome === 'met' ? 'met' : 'not yet met'}
            </h4>
            <Table
              caption="Success criteria"
              captionClasses="govuk-visually-hidden"
              firstCellIsHeader
              head={[{ text: 'Success criterion' }, { text: 'Judgement' }, { text: 'Feedback' }]}
              rows={s.judgements
                .filter((j) => j.judgement)
                .map((j) => [
                  { text: j.criterion.text },
                  { text: j.judgement ? JUDGEMENTS[j.judgement.judgement] : '' },
                  { text: j.judgement?.feedback ?? '' },
                ])}
            />
            {s.feedback ? <Paragraphs text={s.feedback} /> : null}
          </>
        ) : (
          <p class="govuk-body">Waiting for assessment.</p>
        )}
      </div>
    </div>
  );
}
