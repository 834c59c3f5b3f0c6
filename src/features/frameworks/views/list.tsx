import { formatDate } from '../../../platform/dates';
import { Button, NotificationBanner, StatusTag, Table } from '../../../platform/ui/components';
import { TRACKS } from '../frameworks.schemas';
import type { FrameworkListRow } from '../frameworks.service';

export function FrameworkListPage(props: { rows: FrameworkListRow[]; builtInsMissing: boolean; banner?: string }) {
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Skills frameworks</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">
            A framework groups leadership skills into domains, with descriptors for each stage. Self-assessments, feedback and programme requirements point at
            one published version of a framework, which never changes: to change a framework, make a new draft and publish it.
          </p>
        </div>
      </div>
      <div class="govuk-button-group">
        <Button text="Create a framework" href="/frameworks/new" />
        <Button text="Import a framework" href="/frameworks/import" classes="govuk-button--secondary" />
      </div>
      {props.builtInsMissing ? (
        <form method="post" action="/frameworks/built-in">
          <p class="govuk-body">
            Waymark comes with a school leadership framework and an associate staff framework, which your organisation does not have yet.
          </p>
          <Button text="Add Waymark’s built-in frameworks" classes="govuk-button--secondary" preventDoubleClick />
        </form>
      ) : null}
      {props.rows.length === 0 ? (
        <p class="govuk-body">Your organisation has no frameworks yet.</p>
      ) : (
        <Table
          caption="Your organisation’s frameworks"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Framework' }, { text: 'For' }, { text: 'Latest published version' }, { text: 'Draft' }]}
          rows={props.rows.map((row) => [
            {
              html: (
                <>
                  <a class="govuk-link" href={`/frameworks/${row.id}`}>
                    {row.title}
                  </a>
                  {row.builtIn ? (
                    <>
                      {' '}
                      <StatusTag text="Built in" colour="blue" />
                    </>
                  ) : null}
                </>
              ),
            },
            { text: TRACKS[row.track] },
            row.latestPublished
              ? {
                  html: (
                    <>
                      <a class="govuk-link" href={`/frameworks/${row.id}/versions/${row.latestPublished.id}`}>
                        Version {row.latestPublished.number}
                        <span class="govuk-visually-hidden"> of {row.title}</span>
                      </a>
                      {row.latestPublished.publishedAt ? `, published ${formatDate(row.latestPublished.publishedAt)}` : ''}
                    </>
                  ),
                }
              : { text: 'Not published yet' },
            row.draft
              ? {
                  html: (
                    <a class="govuk-link" href={`/frameworks/${row.id}/versions/${row.draft.id}`}>
                      Version {row.draft.number} (draft)
                      <span class="govuk-visually-hidden"> of {row.title}</span>
                    </a>
                  ),
                }
              : { text: 'None' },
          ])}
        />
      )}
    </>
  );
}
