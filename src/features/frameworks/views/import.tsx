import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Details, ErrorSummary, FileUpload, Input, Radios, Select } from '../../../platform/ui/components';
import { LIMITS, TRACKS } from '../frameworks.schemas';

const MAX_PROBLEMS_SHOWN = 50;

export function ImportPage(props: { values: FormValues; errors?: FieldErrors; problems?: string[]; frameworks: { id: string; title: string }[] }) {
  const errors = props.errors ?? {};
  const v = props.values;
  const problems = props.problems ?? [];
  // Every problem with the file links to the file field; other fields' errors link to their own.
  const summary = [
    ...problems.slice(0, MAX_PROBLEMS_SHOWN).map((text) => ({ text, href: '#file' })),
    ...(problems.length > MAX_PROBLEMS_SHOWN ? [{ text: `And ${problems.length - MAX_PROBLEMS_SHOWN} more problems`, href: '#file' }] : []),
    ...Object.entries(errors)
      .filter(([field]) => !(field === 'file' && problems.length > 0))
      .map(([field, text]) => ({ text, href: `#${field}` })),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {summary.length > 0 ? (
          <ErrorSummary
            titleText={problems.length > 0 ? 'The file was not imported' : 'There is a problem'}
            descriptionText={problems.length > 0 ? 'Nothing was saved. Correct the file and upload it again.' : undefined}
            errorList={summary}
          />
        ) : null}
        <h1 class="govuk-heading-l">Import a framework</h1>
        <p class="govuk-body">
          Upload a framework saved as JSON or CSV, for example one downloaded from a version page in Waymark. It becomes a draft: check it, then publish it.
        </p>
        <p class="govuk-body">
          Waymark checks the whole file first. If anything in it is wrong, nothing is imported and you will see every problem with its row.
        </p>
        <Details summaryText="What the files must contain">
          <h2 class="govuk-heading-s">CSV (one row a skill)</h2>
          <p class="govuk-body">
            Column headings in the first row: domain, domain_description, code, title, description, then one column per level named descriptor: and the level’s
            key, like descriptor:middle. Skills keep the order of the rows. A row with only the domain filled in is a domain with no skills yet.
          </p>
          <p class="govuk-body">
            The levels are middle (Towards middle leadership), senior (Towards senior leadership) and headship (Towards headship), or those of the framework you
            import a draft of.
          </p>
          <h2 class="govuk-heading-s">JSON</h2>
          <p class="govuk-body">
            One object: title, description, track (teaching, associate or both), levels (a list of key and title), and domains (a list of title, description and
            skills; each skill has code, title, description and descriptors, an object of level key to text).
          </p>
          <h2 class="govuk-heading-s">Limits</h2>
          <p class="govuk-body">
            Codes up to {LIMITS.code} characters, unique in the file (letters, numbers, full stops, hyphens and underscores). Skill titles up to{' '}
            {LIMITS.skillTitle} characters, descriptions and descriptors up to {LIMITS.descriptor}. Files up to 1 MB.
          </p>
        </Details>
        <form method="post" action="/frameworks/import" enctype="multipart/form-data" novalidate>
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'Framework file (JSON or CSV)', classes: 'govuk-label--m' }}
            errorMessage={errorFor(errors, 'file')}
            attributes={{ accept: '.json,.csv,application/json,text/csv' }}
          />
          {/* No conditional reveals on radios: axe refuses the aria-expanded govuk-frontend adds to them (decision 0005). */}
          <Radios
            idPrefix="target"
            name="target"
            fieldset={{ legend: { text: 'What should the file become?', classes: 'govuk-fieldset__legend--m' } }}
            value={v.target}
            errorMessage={errorFor(errors, 'target')}
            items={[
              { value: 'new', text: 'A new framework' },
              {
                value: 'draft',
                text: 'A new draft of an existing framework',
                hint: { text: 'The framework keeps its title, description and track. It must not already have a draft.' },
              },
            ]}
          />
          <h2 class="govuk-heading-m">For a new framework</h2>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title of the new framework' }}
            hint={{ text: 'Needed for a CSV file. For a JSON file, leave blank to use the title in the file.' }}
            value={v.title}
            errorMessage={errorFor(errors, 'title')}
            attributes={{ maxlength: LIMITS.frameworkTitle }}
          />
          <Radios
            idPrefix="track"
            name="track"
            fieldset={{ legend: { text: 'Who is it for?', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Needed for a CSV file. For a JSON file, leave unselected to use the file’s track.' }}
            value={v.track}
            errorMessage={errorFor(errors, 'track')}
            items={Object.entries(TRACKS).map(([value, text]) => ({ value, text }))}
          />
          <h2 class="govuk-heading-m">For a new draft</h2>
          <Select
            id="frameworkId"
            name="frameworkId"
            label={{ text: 'Framework' }}
            items={[{ value: '', text: 'Select a framework' }, ...props.frameworks.map((f) => ({ value: f.id, text: f.title }))]}
            value={v.frameworkId}
            errorMessage={errorFor(errors, 'frameworkId')}
          />
          <div class="govuk-button-group">
            <Button text="Import" preventDoubleClick />
            <a class="govuk-link" href="/frameworks">
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
