import { formatDate } from '../../../platform/dates';
import { InsetText, NotificationBanner, statusTagParams, Table, TaskList, type TaskListItem } from '../../../platform/ui/components';
import type { Overview } from '../self-assessment.service';
import { CHECKPOINT_TITLES, SCALE } from '../self-assessment.schemas';
import { ProgressView } from './progress';

function task(o: Overview, t: Overview['tasks'][number]): TaskListItem {
  const href = `/enrolments/${o.enrolment.id}/self-assessment/${t.checkpoint}`;
  const title = { text: `${CHECKPOINT_TITLES[t.checkpoint]} self-assessment` };
  const hints = [
    t.required ? 'The programme requires this.' : '',
    t.submittedAt ? `Submitted on ${formatDate(t.submittedAt)}.` : !t.open && t.opensOn ? `Opens on ${formatDate(t.opensOn)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const hint = hints ? { text: hints } : undefined;
  if (t.status === 'submitted') return { title, hint, href, status: { text: 'Submitted' } };
  if (!o.isParticipant) return { title, hint, status: { text: 'Not submitted yet', classes: 'govuk-task-list__status--cannot-start-yet' } };
  if (!t.open) return { title, hint, status: { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' } };
  if (!o.canWrite) return { title, hint, status: { text: 'Not submitted', classes: 'govuk-task-list__status--cannot-start-yet' } };
  return { title, hint, href, status: { tag: statusTagParams({ text: t.status === 'draft' ? 'In progress' : 'Not started', colour: 'blue' }) } };
}

const STANDING = { verified: 'verified', recorded: 'recorded by Waymark', unverified: 'not verified yet' } as const;

/** The skills profile's evidence: per focus skill, the portfolio entries that evidence it. */
function SkillEvidenceView(props: { overview: Overview }) {
  const o = props.overview;
  return (
    <>
      <h2 class="govuk-heading-m">Evidence from {o.isParticipant ? 'your' : 'their'} portfolio</h2>
      <p class="govuk-body">
        {o.isParticipant
          ? 'Entries in your portfolio that you linked to each skill. Entries count as evidence once someone verifies them (or Waymark recorded them).'
          : `Entries in ${o.enrolment.given_name}’s portfolio that evidence each skill: verified by someone else, or recorded by Waymark.`}
      </p>
      <Table
        caption="Portfolio evidence by skill"
        captionClasses="govuk-visually-hidden"
        firstCellIsHeader
        head={[{ text: 'Skill' }, { text: 'Entries' }]}
        rows={o.skills.map((skill) => {
          const entries = o.evidence.get(skill.id) ?? [];
          return [
            { text: `${skill.code} ${skill.title}` },
            {
              html:
                entries.length === 0 ? (
                  'None yet'
                ) : (
                  <ul class="govuk-list">
                    {entries.map((e) => (
                      <li>
                        {o.isParticipant ? (
                          <a class="govuk-link" href={`/portfolio/entries/${e.entryId}`}>
                            {e.title}
                          </a>
                        ) : (
                          e.title
                        )}{' '}
                        ({STANDING[e.standing]})
                      </li>
                    ))}
                  </ul>
                ),
            },
          ];
        })}
      />
      {o.isParticipant ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/portfolio">
            Go to your portfolio
          </a>
        </p>
      ) : null}
    </>
  );
}

/** The enrolment's self-assessment: checkpoints as a task list, then progress across submitted ones. */
export function OverviewPage(props: { overview: Overview; banner?: string }) {
  const o = props.overview;
  const name = `${o.enrolment.given_name} ${o.enrolment.family_name}`;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">
          {o.enrolment.programme_title}, {o.enrolment.cohort_name}
        </span>
        <h1 class="govuk-heading-l">{o.isParticipant ? 'Your self-assessment' : `${name}: self-assessment`}</h1>
        {o.skills.length === 0 ? (
          <InsetText text="Self-assessment is not available for this programme: it has no skills framework, so there are no skills to rate. A programme lead can choose a framework for the programme." />
        ) : (
          <>
            {o.isParticipant ? (
              <p class="govuk-body">
                At each checkpoint you rate yourself on the programme’s {o.skills.length} focus {o.skills.length === 1 ? 'skill' : 'skills'}, from 1 (
                {SCALE[0].label}) to 5 ({SCALE[4].label}). Only you, your coach and the programme’s leads can see it. You can save and come back before you
                submit.
              </p>
            ) : (
              <p class="govuk-body">You can see the checkpoints {o.enrolment.given_name} has submitted. Drafts stay private to them.</p>
            )}
            <h2 class="govuk-heading-m">Checkpoints</h2>
            {o.tasks.length === 0 ? (
              <p class="govuk-body">The programme does not use any self-assessment checkpoints.</p>
            ) : (
              <TaskList idPrefix="checkpoints" items={o.tasks.map((t) => task(o, t))} />
            )}
            <h2 class="govuk-heading-m">Progress</h2>
            {o.progress.checkpoints.length === 0 ? (
              <p class="govuk-body">
                {o.isParticipant ? 'When you submit a checkpoint, your ratings appear here as a chart and a table.' : 'Nothing has been submitted yet.'}
              </p>
            ) : (
              <ProgressView data={o.progress} />
            )}
            <SkillEvidenceView overview={o} />
          </>
        )}
        {o.isParticipant ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/enrolments/${o.enrolment.id}`}>
              Back to my programme
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
