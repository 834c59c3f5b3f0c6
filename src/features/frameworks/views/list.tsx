import { formatDate } from '../../../platform/dates';
import { Button, NotificationBanner, Tag } from '../../../platform/ui/components';
import { TRACKS } from '../frameworks.schemas';
import type { FrameworkListRow } from '../frameworks.service';

export function FrameworkListPage(props: { rows: FrameworkListRow[]; builtInsMissing: boolean; banner?: string }) {
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Skills frameworks</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">A framework groups leadership skills into domains, with descriptors for each stage. Self-assessments, feedback and programme requirements point at one published version of a framework, which never changes: to change a framework, make a new draft and publish it.</p>
        </div>
      </div>
      <div class="govuk-button-group">
        <Button text="Create a framework" href="/frameworks/new" />
        <Button text="Import a framework" href="/frameworks/import" classes="govuk-button--secondary" />
      </div>
      {props.builtInsMissing ? (
        <form method="post" action="/frameworks/built-in">
          <p class="govuk-body">Waymark comes with a school leadership framework and an associate staff framework, which your organisation does not have yet.</p>
          <Button text="Add Waymark’s built-in frameworks" classes="govuk-button--secondary" preventDoubleClick />
        </form>
      ) : null}
      {props.rows.length === 0 ? (
        <p class="govuk-body">Your organisation has no frameworks yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Your organisation’s frameworks</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Framework</th>
              <th scope="col" class="govuk-table__header">For</th>
              <th scope="col" class="govuk-table__header">Latest published version</th>
              <th scope="col" class="govuk-table__header">Draft</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/frameworks/${row.id}`}>
                    {row.title}
                  </a>
                  {row.builtIn ? (
                    <>
                      {' '}
                      <Tag text="Built in" classes="govuk-tag--blue" />
                    </>
                  ) : null}
                </td>
                <td class="govuk-table__cell">{TRACKS[row.track]}</td>
                <td class="govuk-table__cell">
                  {row.latestPublished ? (
                    <>
                      <a class="govuk-link" href={`/frameworks/${row.id}/versions/${row.latestPublished.id}`}>
                        Version {row.latestPublished.number}
                        <span class="govuk-visually-hidden"> of {row.title}</span>
                      </a>
                      {row.latestPublished.publishedAt ? `, published ${formatDate(row.latestPublished.publishedAt)}` : ''}
                    </>
                  ) : (
                    'Not published yet'
                  )}
                </td>
                <td class="govuk-table__cell">
                  {row.draft ? (
                    <a class="govuk-link" href={`/frameworks/${row.id}/versions/${row.draft.id}`}>
                      Version {row.draft.number} (draft)
                      <span class="govuk-visually-hidden"> of {row.title}</span>
                    </a>
                  ) : (
                    'None'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
