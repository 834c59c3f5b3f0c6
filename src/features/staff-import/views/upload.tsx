import { formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorList } from '../../../platform/http/forms';
import {
  Button,
  Details,
  ErrorSummary,
  FileUpload,
  NotificationBanner,
  Select,
  StatusTag,
  SummaryList,
  Table,
  type StatusDisplay,
} from '../../../platform/ui/components';
import { IMPORT_FIELDS } from '../staff-import.columns';
import { MAX_ROWS } from '../../../platform/csv';
import type { ImportSummary } from '../staff-import.schemas';

export interface RecentImport {
  id: string;
  file_name: string;
  status: 'previewed' | 'applied' | 'discarded';
  summary: ImportSummary | null;
  created_at: string;
  given_name: string | null;
  family_name: string | null;
}

export interface UploadPageProps {
  schools: { id: string; name: string }[];
  /** Organisation admins may leave the school blank (people stay at trust level or keep their school). */
  schoolOptional: boolean;
  values: { defaultSchoolId?: string };
  errors?: FieldErrors;
  recent: RecentImport[];
  maxMegabytes: number;
  /** Set after a file was discarded. */
  discarded?: boolean;
}

const STATUS_TAGS: Record<RecentImport['status'], StatusDisplay> = {
  previewed: { text: 'Not imported yet', colour: 'yellow' },
  applied: { text: 'Imported', colour: 'green' },
  discarded: { text: 'Discarded', colour: 'grey' },
};

function resultText(summary: ImportSummary | null): string {
  if (!summary) return '';
  return `${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} not imported`;
}

export function UploadPage(props: UploadPageProps) {
  const errors = props.errors ?? {};
  const schoolItems = [
    props.schoolOptional
      ? { value: '', text: 'None (use the file’s School column)' }
      : props.schools.length === 1
        ? null
        : { value: '', text: 'Select a school' },
    ...props.schools.map((s) => ({ value: s.id, text: s.name })),
  ];
  return (
    <>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {props.discarded ? <NotificationBanner type="success" text="The file was discarded. Nothing about your staff was changed." /> : null}
          {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
          <h1 class="govuk-heading-l">Import staff from a CSV file</h1>
          <p class="govuk-body">
            Export the staff list from your MIS (such as Arbor, SIMS or Bromcom) as a CSV file and upload it here. You will see who will be added or changed
            before anything is saved.
          </p>
          <p class="govuk-body">Importing never removes or deactivates anyone, and never changes passwords or roles.</p>
          <Details summaryText="Columns Waymark recognises">
            <p class="govuk-body">
              Waymark matches these column headings (capital letters, spaces and punctuation do not matter). If your file uses other headings, you can match
              them yourself after uploading.
            </p>
            <SummaryList
              rows={IMPORT_FIELDS.map((field) => ({
                key: { text: `${field.label}${field.required ? ' (required)' : ''}` },
                value: { text: field.aliases.join(', ') },
              }))}
            />
          </Details>
          <form method="post" action="/import" enctype="multipart/form-data" novalidate>
            <FileUpload
              id="file"
              name="file"
              label={{ text: 'Staff list (CSV file)', classes: 'govuk-label--m' }}
              hint={{
                text: `A .csv file up to ${props.maxMegabytes} MB and ${MAX_ROWS.toLocaleString('en-GB')} rows, with one row per member of staff and column headings in the first row`,
              }}
              errorMessage={errors.file ? { text: errors.file } : undefined}
              attributes={{ accept: '.csv,text/csv' }}
            />
            <Select
              id="defaultSchoolId"
              name="defaultSchoolId"
              label={{ text: 'School for rows that do not name one', classes: 'govuk-label--m' }}
              hint={{
                text: props.schoolOptional
                  ? 'When your file has a School or URN column, each row goes to the school it names.'
                  : 'You can import staff into the schools you administer.',
              }}
              items={schoolItems}
              value={props.values.defaultSchoolId}
              errorMessage={errors.defaultSchoolId ? { text: errors.defaultSchoolId } : undefined}
            />
            <Button text="Upload and preview" preventDoubleClick />
          </form>
        </div>
      </div>
      <h2 class="govuk-heading-m">Recent imports</h2>
      {props.recent.length === 0 ? (
        <p class="govuk-body">No staff lists have been imported yet.</p>
      ) : (
        <Table
          caption="Recent imports"
          captionClasses="govuk-visually-hidden"
          head={[{ text: 'File' }, { text: 'Uploaded' }, { text: 'By' }, { text: 'Status' }, { text: 'Result' }]}
          rows={props.recent.map((item) => [
            {
              html: (
                <a class="govuk-link" href={`/import/${item.id}`}>
                  {item.file_name}
                </a>
              ),
            },
            { text: formatDateTime(item.created_at) },
            { text: item.given_name ? `${item.given_name} ${item.family_name ?? ''}` : 'Command line' },
            { html: <StatusTag {...STATUS_TAGS[item.status]} /> },
            { text: resultText(item.summary) },
          ])}
        />
      )}
    </>
  );
}
