import type { Child } from 'hono/jsx';
import { BulletList, Paragraphs, SummaryList, type SummaryListRow } from '../../../platform/ui/components';
import { LEADERSHIP_LEVELS } from '../../staff';
import { parseStringList } from '../applications.rules';
import type { SchoolListEntry } from '../../establishments';
import type { ApplicationDetail } from '../cohorts.queries';
import { SECTION_TITLES, SECTION_TITLES_FOR_READERS, type Section } from '../cohorts.schemas';

const NOT_ANSWERED = 'Not answered yet';

/** Text the applicant wrote, keeping their paragraphs; "Not answered yet" while blank. */
function Prose(props: { text: string | null | undefined }) {
  return props.text?.trim() ? <Paragraphs text={props.text} /> : NOT_ANSWERED;
}

function coachText(app: ApplicationDetail): string {
  if (app.coach_person_id) return `${app.coach_given_name} ${app.coach_family_name} (${app.coach_person_email}), on Waymark`;
  if (app.coach_name) return `${app.coach_name} (${app.coach_email}), not on Waymark`;
  return NOT_ANSWERED;
}

/**
 * The applicant's answers, section by section; with `changeBase`, each has a Change link. The
 * headings speak to the applicant (`reader: 'applicant'`) or about them to anyone else.
 */
/** The applicant's school: theirs on Waymark, or the one they named on the school list (not on Waymark). */
export function schoolText(app: { school_name: string | null; outside_school?: SchoolListEntry | null }): string {
  if (app.school_name) return app.school_name;
  if (app.outside_school) return `${app.outside_school.name}, ${app.outside_school.town} (URN ${app.outside_school.urn}; not on Waymark)`;
  return 'Central team (no school)';
}

export function Answers(props: {
  app: ApplicationDetail & { outside_school?: SchoolListEntry | null };
  sections: Section[];
  reader: 'applicant' | 'others';
  changeBase?: string;
}) {
  const { app } = props;
  const row = (key: string, value: Child, section?: Section): SummaryListRow => ({
    key: { text: key },
    value: { html: <>{value}</> },
    actions:
      section && props.changeBase ? { items: [{ href: `${props.changeBase}/${section}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] } : undefined,
  });
  const declarations = parseStringList(app.declarations);
  const bySection: Record<Section, SummaryListRow[]> = {
    role: [
      row('Current role', app.current_role || NOT_ANSWERED, 'role'),
      row('School', schoolText(app)),
      row('Leadership level', LEADERSHIP_LEVELS[app.leadership_level]),
      row('Leadership experience', <Prose text={app.experience} />, 'role'),
    ],
    motivation: [row('Motivation', <Prose text={app.motivation} />, 'motivation')],
    declarations: [row('Declarations confirmed', declarations.length === 0 ? 'None yet' : <BulletList items={declarations} />, 'declarations')],
    coach: [row('In-school coach', coachText(app), 'coach')],
    project: [row('Whole-school project idea', <Prose text={app.project_idea} />, 'project')],
    headteacher: [
      row('Headteacher', app.headteacher_name || NOT_ANSWERED, 'headteacher'),
      row('Headteacher’s email address', app.headteacher_email || NOT_ANSWERED, 'headteacher'),
    ],
  };
  return (
    <>
      {props.sections.map((section) => (
        <>
          <h2 class="govuk-heading-m">{(props.reader === 'applicant' ? SECTION_TITLES : SECTION_TITLES_FOR_READERS)[section]}</h2>
          <SummaryList rows={bySection[section]} />
        </>
      ))}
    </>
  );
}
