import { formatDate } from '../../../platform/dates';
import { Button, NotificationBanner, StatusTag, Table } from '../../../platform/ui/components';
import { STATUS_COLOUR, STATUS_TEXT } from '../projects.lifecycle';
import type { ProjectStatus } from '../projects.tables';

interface Row {
  id: string;
  title: string;
  status: ProjectStatus;
  updated_at: string;
  participantName?: string;
}

function ProjectTable(props: { caption: string; rows: Row[]; withName?: boolean }) {
  return (
    <Table
      caption={props.caption}
      captionClasses="govuk-table__caption--m"
      firstCellIsHeader
      head={[...(props.withName ? [{ text: 'Participant' }] : []), { text: 'Project' }, { text: 'Status' }, { text: 'Last changed' }]}
      rows={props.rows.map((r) => [
        ...(props.withName ? [{ text: r.participantName ?? '' }] : []),
        {
          html: (
            <a class="govuk-link" href={`/projects/${r.id}`}>
              {r.title}
            </a>
          ),
        },
        { html: <StatusTag text={STATUS_TEXT[r.status]} colour={STATUS_COLOUR[r.status]} /> },
        { text: formatDate(r.updated_at) },
      ])}
    />
  );
}

/** Projects: the viewer's own, their reports', and those waiting for their assessment. */
export function ProjectListPage(props: { own: Row[]; ofReports: Row[]; toAssess: Row[]; banner?: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Projects</h1>
        <p class="govuk-body">
          A change project is a piece of work in your school that you lead, with success criteria and measures of its impact. A programme’s project starts from
          your programme page; you can also plan one of your own.
        </p>
        {props.own.length > 0 ? <ProjectTable caption="Your projects" rows={props.own} /> : <p class="govuk-body">You have no projects yet.</p>}
        <Button text="Plan a project of your own" href="/projects/new" classes="govuk-button--secondary" />
        {props.ofReports.length > 0 ? <ProjectTable caption="Projects of people you line manage" rows={props.ofReports} withName /> : null}
        {props.toAssess.length > 0 ? <ProjectTable caption="Waiting for your assessment" rows={props.toAssess} withName /> : null}
      </div>
    </div>
  );
}
