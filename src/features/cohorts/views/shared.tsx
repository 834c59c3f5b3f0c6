import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime } from '../../../platform/dates';
import { Tag } from '../../../platform/ui/components';
import { parseStringList } from '../applications.rules';
import type { ApplicationDetail, EndorsementRow } from '../cohorts.queries';
import { APPLICATION_STATUSES, ENDORSEMENT_KINDS, ENDORSEMENT_STATUSES, SECTION_TITLES, STATUS_TAG_CLASSES, type Section } from '../cohorts.schemas';
import type { ApplicationStatus, EndorsementStatus } from '../cohorts.tables';
import { LEADERSHIP_LEVELS } from '../../staff';

export function StatusTag(props: { status: ApplicationStatus }) {
  return <Tag text={APPLICATION_STATUSES[props.status]} classes={STATUS_TAG_CLASSES[props.status] || undefined} />;
}

const ENDORSEMENT_TAGS: Record<EndorsementStatus, string> = {
  waiting: 'govuk-tag--grey',
  requested: 'govuk-tag--yellow',
  supported: 'govuk-tag--green',
  not_supported: 'govuk-tag--red',
  cancelled: 'govuk-tag--grey',
};

export function EndorsementTag(props: { status: EndorsementStatus }) {
  return <Tag text={ENDORSEMENT_STATUSES[props.status]} classes={ENDORSEMENT_TAGS[props.status]} />;
}

export interface Row {
  key: string;
  value: Child;
  /** A "Change" link, with the key as its hidden text. */
  change?: string;
}

/** A GOV.UK summary list whose values may hold markup. */
export function Rows(props: { rows: Row[] }) {
  const anyActions = props.rows.some((r) => r.change);
  return (
    <dl class="govuk-summary-list">
      {props.rows.map((row) => (
        <div class={`govuk-summary-list__row${anyActions && !row.change ? ' govuk-summary-list__row--no-actions' : ''}`}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd class="govuk-summary-list__actions">
              <a class="govuk-link" href={row.change}>
                Change<span class="govuk-visually-hidden"> {row.key.toLowerCase()}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** Text the applicant wrote, keeping their paragraphs. */
export function Prose(props: { text: string | null | undefined; empty?: string }) {
  if (!props.text || !props.text.trim()) return <>{props.empty ?? 'Not answered yet'}</>;
  return (
    <>
      {props.text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class="govuk-body">{p}</p>
        ))}
    </>
  );
}

export function coachText(app: ApplicationDetail): string {
  if (app.coach_person_id) return `${app.coach_given_name} ${app.coach_family_name} (${app.coach_person_email}), on Waymark`;
  if (app.coach_name) return `${app.coach_name} (${app.coach_email}), not on Waymark`;
  return 'Not answered yet';
}

/** The applicant's answers, section by section; with `changeBase`, each has a Change link. */
export function Answers(props: { app: ApplicationDetail; sections: Section[]; changeBase?: string }) {
  const { app } = props;
  const change = (section: Section) => (props.changeBase ? `${props.changeBase}/${section}` : undefined);
  const declarations = parseStringList(app.declarations);
  const bySection: Record<Section, Row[]> = {
    role: [
      { key: 'Current role', value: app.current_role || 'Not answered yet', change: change('role') },
      { key: 'School', value: app.school_name ?? 'Central team (no school)' },
      { key: 'Leadership level', value: LEADERSHIP_LEVELS[app.leadership_level] },
      { key: 'Leadership experience', value: <Prose text={app.experience} />, change: change('role') },
    ],
    motivation: [{ key: 'Motivation', value: <Prose text={app.motivation} />, change: change('motivation') }],
    declarations: [
      {
        key: 'Declarations confirmed',
        value:
          declarations.length === 0 ? (
            'None yet'
          ) : (
            <ul class="govuk-list govuk-list--bullet">
              {declarations.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          ),
        change: change('declarations'),
      },
    ],
    coach: [{ key: 'In-school coach', value: coachText(app), change: change('coach') }],
    project: [{ key: 'Whole-school project idea', value: <Prose text={app.project_idea} />, change: change('project') }],
  };
  return (
    <>
      {props.sections.map((section) => (
        <>
          <h2 class="govuk-heading-m">{SECTION_TITLES[section]}</h2>
          <Rows rows={bySection[section]} />
        </>
      ))}
    </>
  );
}

/** Who has been asked for their support, and what they said. */
export function Endorsements(props: { endorsements: EndorsementRow[] }) {
  if (props.endorsements.length === 0) return <p class="govuk-body">This cohort does not ask for endorsements.</p>;
  return (
    <Rows
      rows={props.endorsements.map((e) => ({
        key: ENDORSEMENT_KINDS[e.kind],
        value: (
          <>
            <EndorsementTag status={e.status} />
            <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
              {e.kind === 'line_manager' ? `${e.endorser_given_name ?? ''} ${e.endorser_family_name ?? ''}`.trim() || 'Line manager' : e.school_name ? `Headteacher or admin of ${e.school_name}` : 'An organisation admin'}
              {e.answered_at ? `, answered by ${e.answerer_given_name} ${e.answerer_family_name} on ${formatDate(e.answered_at)}` : e.status === 'requested' && e.due_on ? `, asked to answer by ${formatDate(e.due_on)}` : ''}
            </p>
            {e.comment ? <p class="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">“{e.comment}”</p> : null}
          </>
        ),
      }))}
    />
  );
}

export interface HistoryEvent {
  id: string;
  status: ApplicationStatus;
  reason: string | null;
  created_at: string;
  actor_id: string | null;
  given_name: string | null;
  family_name: string | null;
}

/** Every change, oldest first: when, who, what and why. */
export function History(props: { events: HistoryEvent[]; caption?: string }) {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{props.caption ?? 'History'}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            When
          </th>
          <th scope="col" class="govuk-table__header">
            Status
          </th>
          <th scope="col" class="govuk-table__header">
            Who
          </th>
          <th scope="col" class="govuk-table__header">
            Why
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {props.events.map((e) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">{formatDateTime(e.created_at)}</td>
            <td class="govuk-table__cell">{APPLICATION_STATUSES[e.status]}</td>
            <td class="govuk-table__cell">{e.actor_id ? `${e.given_name} ${e.family_name}` : 'Waymark'}</td>
            <td class="govuk-table__cell">{e.reason ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
