import type { Child } from 'hono/jsx';
import { formatDateTime } from '../../../platform/dates';
import { BulletList, Button, Details, InsetText, NotificationBanner, Panel, SummaryList, Table, WarningText } from '../../../platform/ui/components';
import { IMPORT_FIELDS, STAFF_TYPE_FOR_FILE, type ColumnMapping, type StaffTypeForFile } from '../staff-import.columns';
import { STAFF_TYPES } from '../../staff';
import type { ImportPlan } from '../staff-import.plan';
import type { ImportSummary } from '../staff-import.schemas';

/** Long lists are cut here so a 10,000-row preview stays a page a browser can show. */
const ROWS_SHOWN = 200;

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function Shown(props: { total: number }) {
  return props.total > ROWS_SHOWN ? (
    <p class="govuk-body">
      Showing the first {ROWS_SHOWN} of {props.total.toLocaleString('en-GB')}.
    </p>
  ) : null;
}

export interface PreviewPageProps {
  importId: string;
  fileName: string;
  uploadedAt: string;
  defaultSchoolName: string | null;
  mapping: ColumnMapping;
  staffTypeForFile: StaffTypeForFile | null;
  /** The file's headings no field reads. */
  unusedColumns: string[];
  plan: ImportPlan;
  rowCount: number;
}

/** Changes an admin should see on their own, not only among an update's details: who someone is, and where. */
const NOTABLE = [
  {
    fields: ['MIS staff ID'],
    heading: 'Staff IDs that change',
    explain:
      'Waymark uses the MIS staff ID to recognise someone whose email changes. If the file’s ID column is a different kind of ID (such as a SIMS staff code), change how columns are matched before you import.',
  },
  { fields: ['School'], heading: 'People who move school', explain: 'These people are moved to the school shown.' },
  {
    fields: ['Title', 'First name', 'Last name'],
    heading: 'Names that change',
    explain: 'Check these are the same people, renamed, and not different people sharing an email address or staff ID.',
  },
];

/** A table of rows from the file: the row number first (as a spreadsheet shows it), then the given cells. */
function RowTable(props: { caption: string; headings: string[]; rows: { rowNumber: number; cells: Child[] }[] }) {
  return (
    <Table
      caption={props.caption}
      captionClasses="govuk-visually-hidden"
      head={[{ text: 'Row', format: 'numeric' }, ...props.headings.map((text) => ({ text }))]}
      rows={props.rows.map((row) => [{ text: row.rowNumber, format: 'numeric' }, ...row.cells.map((cell) => ({ html: <>{cell}</> }))])}
    />
  );
}

export function PreviewPage(props: PreviewPageProps) {
  const { plan } = props;
  const changes = plan.creates.length + plan.updates.length;
  const matched = IMPORT_FIELDS.filter((f) => props.mapping[f.key] !== undefined);
  const columnRows = matched.map((field) => [{ text: field.label }, { text: props.mapping[field.key] }]);
  if (props.staffTypeForFile) columnRows.push([{ text: 'Staff type' }, { text: STAFF_TYPE_FOR_FILE[props.staffTypeForFile] }]);
  return (
    <>
      <span class="govuk-caption-l">{props.fileName}</span>
      <h1 class="govuk-heading-l">Check the import before you confirm it</h1>
      <p class="govuk-body">Nothing has been saved yet. The file has {count(props.rowCount, 'row', 'rows')} of staff.</p>
      <SummaryList
        rows={[
          { key: { text: 'To add' }, value: { text: count(plan.creates.length, 'person', 'people') } },
          { key: { text: 'To update' }, value: { text: count(plan.updates.length, 'person', 'people') } },
          { key: { text: 'Already up to date' }, value: { text: count(plan.unchanged.length, 'person', 'people') } },
          { key: { text: 'Not imported' }, value: { text: count(plan.rejected.length, 'row', 'rows') } },
          { key: { text: 'Imported with a warning' }, value: { text: count(plan.warnings.length, 'row', 'rows') } },
        ]}
      />
      <h2 class="govuk-heading-m">About the file</h2>
      <SummaryList
        rows={[
          { key: { text: 'Uploaded' }, value: { text: formatDateTime(props.uploadedAt) } },
          { key: { text: 'School for rows that do not name one' }, value: { text: props.defaultSchoolName ?? 'None chosen' } },
        ]}
      />
      <Table
        caption="Columns used"
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[{ text: 'Waymark field' }, { text: 'Column in your file' }]}
        rows={columnRows}
      />
      {props.unusedColumns.length > 0 ? (
        <p class="govuk-body">Columns not used: {props.unusedColumns.join(', ')}.</p>
      ) : (
        <p class="govuk-body">Every column of the file is used.</p>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={`/import/${props.importId}/mapping`}>
          Change how columns are matched
        </a>
      </p>

      {plan.rejected.length > 0 ? (
        <>
          <h2 class="govuk-heading-m" id="rejected">
            Rows that will not be imported
          </h2>
          <WarningText
            text={`${count(plan.rejected.length, 'row', 'rows')} will not be imported. You can still import the others, then correct these rows and import the file again.`}
          />
          <Shown total={plan.rejected.length} />
          <RowTable
            caption="Rows that will not be imported, with the reason"
            headings={['Person', 'Reason']}
            rows={plan.rejected.slice(0, ROWS_SHOWN).map((row) => ({
              rowNumber: row.rowNumber,
              cells: [row.who, row.reasons.length === 1 ? row.reasons[0] : <BulletList items={row.reasons} />],
            }))}
          />
        </>
      ) : null}

      {plan.warnings.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Rows imported with a warning</h2>
          <Shown total={plan.warnings.length} />
          <RowTable
            caption="Rows imported with a warning"
            headings={['Person', 'Warning']}
            rows={plan.warnings.slice(0, ROWS_SHOWN).map((row) => ({ rowNumber: row.rowNumber, cells: [row.who, row.message] }))}
          />
        </>
      ) : null}

      {plan.creates.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">People to add</h2>
          <Shown total={plan.creates.length} />
          <RowTable
            caption="People to add"
            headings={['Name', 'Email', 'School', 'Job title', 'Staff type']}
            rows={plan.creates.slice(0, ROWS_SHOWN).map((row) => ({
              rowNumber: row.rowNumber,
              cells: [
                [row.columns.title, row.columns.given_name, row.columns.family_name].filter(Boolean).join(' '),
                row.columns.email,
                row.schoolName ?? 'No school',
                row.columns.job_title ?? '',
                STAFF_TYPES[row.columns.staff_type],
              ],
            }))}
          />
        </>
      ) : null}

      {NOTABLE.map((notable) => {
        const rows = plan.updates.flatMap((row) => row.changes.filter((change) => notable.fields.includes(change.field)).map((change) => ({ row, change })));
        return rows.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">{notable.heading}</h2>
            <p class="govuk-body">{notable.explain}</p>
            <Shown total={rows.length} />
            <RowTable
              caption={notable.heading}
              headings={['Person', 'Now', 'After the import']}
              rows={rows.slice(0, ROWS_SHOWN).map(({ row, change }) => ({
                rowNumber: row.rowNumber,
                cells: [`${row.columns.given_name} ${row.columns.family_name}`, `${change.field}: ${change.from}`, change.to],
              }))}
            />
          </>
        ) : null;
      })}

      {plan.updates.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">People to update</h2>
          <Shown total={plan.updates.length} />
          <RowTable
            caption="People to update, with what changes"
            headings={['Name', 'What changes']}
            rows={plan.updates.slice(0, ROWS_SHOWN).map((row) => ({
              rowNumber: row.rowNumber,
              cells: [
                `${row.columns.given_name} ${row.columns.family_name}`,
                <ul class="govuk-list">
                  {row.changes.map((change) => (
                    <li>
                      {change.field}: {change.from} <span aria-hidden="true">→</span>
                      <span class="govuk-visually-hidden">changes to</span> {change.to}
                    </li>
                  ))}
                </ul>,
              ],
            }))}
          />
        </>
      ) : null}

      {plan.unchanged.length > 0 ? (
        <Details summaryText={`${count(plan.unchanged.length, 'person is', 'people are')} already up to date`}>
          <Shown total={plan.unchanged.length} />
          <ul class="govuk-list">
            {plan.unchanged.slice(0, ROWS_SHOWN).map((row) => (
              <li>
                Row {row.rowNumber}: {row.name}
              </li>
            ))}
          </ul>
        </Details>
      ) : null}

      {changes === 0 ? <InsetText text="Nothing will change: everyone in this file who can be imported is already up to date in Waymark." /> : null}
      <form method="post" action={`/import/${props.importId}/apply`}>
        <div class="govuk-button-group">
          <Button
            text={
              changes === 0
                ? 'Confirm import'
                : `Import: add ${count(plan.creates.length, 'person', 'people')} and update ${plan.updates.length.toLocaleString('en-GB')}`
            }
            preventDoubleClick
          />
          {/* A second submit button of the same form, sent elsewhere: no nested forms, no JavaScript. */}
          <Button text="Discard this file" classes="govuk-button--secondary" attributes={{ formaction: `/import/${props.importId}/discard` }} />
        </div>
      </form>
    </>
  );
}

export interface ResultPageProps {
  fileName: string;
  appliedAt: string | null;
  summary: ImportSummary | null;
  justApplied: boolean;
}

export function ResultPage(props: ResultPageProps) {
  const s = props.summary;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.justApplied ? (
          <Panel
            titleText="Import complete"
            text={s ? `${count(s.created, 'person', 'people')} added and ${count(s.updated, 'person', 'people')} updated` : undefined}
          />
        ) : (
          <>
            <NotificationBanner text="This file has been imported. To import it again, upload it again." />
            <h1 class="govuk-heading-l">Import of {props.fileName}</h1>
          </>
        )}
        <SummaryList
          rows={[
            { key: { text: 'File' }, value: { text: props.fileName } },
            { key: { text: 'Imported' }, value: { text: formatDateTime(props.appliedAt) } },
            s && { key: { text: 'Added' }, value: { text: count(s.created, 'person', 'people') } },
            s && { key: { text: 'Updated' }, value: { text: count(s.updated, 'person', 'people') } },
            s && { key: { text: 'Already up to date' }, value: { text: count(s.unchanged, 'person', 'people') } },
            s && { key: { text: 'Not imported' }, value: { text: count(s.rejected, 'row', 'rows') } },
            s && { key: { text: 'Imported with a warning' }, value: { text: count(s.warnings, 'row', 'rows') } },
          ]}
        />
        {s && s.rejected > 0 ? (
          <p class="govuk-body">
            Rows that were not imported can be corrected (in your MIS or in the file) and the file imported again: people already imported will show as up to
            date.
          </p>
        ) : null}
        {s && s.created > 0 ? (
          <>
            <h2 class="govuk-heading-m">Next: invite them</h2>
            <p class="govuk-body">People added by an import cannot sign in until they choose a password.</p>
            <p class="govuk-body">
              <a class="govuk-link" href="/staff/invitations">
                Invite staff to Waymark
              </a>
            </p>
          </>
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href="/staff">
            Go to the staff directory
          </a>
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/import">
            Import another file
          </a>
        </p>
      </div>
    </div>
  );
}
