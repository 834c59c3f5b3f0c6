import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, inFieldOrder, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, ErrorSummary, Input, Radios, Select, Textarea } from '../../../platform/ui/components';
import { LEADERSHIP_LEVELS, STAFF_TYPES } from '../../staff';
import { DELIVERY_NAMES, PROGRAMME_FIELD_ORDER } from '../programmes.schemas';
import type { FrameworkChoice } from '../programmes.service';

export interface ProgrammeFormValues {
  text: FormValues;
  staffTypes: string[];
  leadershipLevels: string[];
}

/** The error summary links to the first input of each field. */
const SUMMARY_IDS: Record<string, string> = { delivery: 'delivery', status: 'status', staffTypes: 'staffTypes', leadershipLevels: 'leadershipLevels' };

export function ProgrammeFormPage(props: {
  heading: string;
  action: string;
  values: ProgrammeFormValues;
  errors?: FieldErrors;
  frameworks: FrameworkChoice[];
  cancelHref: string;
  submitText: string;
}) {
  const errors = props.errors ?? {};
  const ordered = inFieldOrder(errors, [...PROGRAMME_FIELD_ORDER, ...Object.keys(errors)]);
  const v = props.values.text;
  const err = (field: string) => errorFor(errors, field);
  const levels = new Map<string, string>();
  for (const framework of props.frameworks) for (const level of framework.levels) if (!levels.has(level.key)) levels.set(level.key, level.title);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(ordered, SUMMARY_IDS)} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Towards Middle Leadership' }}
            value={v.title}
            errorMessage={err('title')}
          />
          <Textarea
            id="summary"
            name="summary"
            rows={3}
            label={{ text: 'Summary', classes: 'govuk-label--s' }}
            hint={{ text: 'A sentence or two for the list of programmes' }}
            value={v.summary}
            errorMessage={err('summary')}
          />
          <Textarea
            id="audience"
            name="audience"
            label={{ text: 'Who is this for?', classes: 'govuk-label--s' }}
            hint={{
              text: 'Shown on the programme’s page. For example, colleagues in their first 2 to 4 years of teaching who have taken on a first leadership role',
            }}
            value={v.audience}
            errorMessage={err('audience')}
          />
          <Input
            id="duration"
            name="duration"
            classes="govuk-input--width-20"
            label={{ text: 'Duration (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, 6 months or One academic year' }}
            value={v.duration}
            errorMessage={err('duration')}
          />
          <Radios
            idPrefix="delivery"
            name="delivery"
            fieldset={{ legend: { text: 'How is it delivered?', classes: 'govuk-fieldset__legend--s' } }}
            value={v.delivery}
            errorMessage={err('delivery')}
            items={[
              { value: 'cohort', text: DELIVERY_NAMES.cohort, hint: { text: 'Participants attend face-to-face sessions together' } },
              { value: 'modular', text: DELIVERY_NAMES.modular, hint: { text: 'Participants choose modules from a list and complete them at their own pace' } },
            ]}
          />
          {/* Not a conditional reveal: axe refuses the aria-expanded govuk-frontend adds to radios (decision 0005). */}
          <Input
            id="modulesRequired"
            name="modulesRequired"
            classes="govuk-input--width-3"
            inputmode="numeric"
            label={{ text: 'For a self-directed, modular programme: how many modules does each participant choose and complete?', classes: 'govuk-label--s' }}
            hint={{ text: 'Leave blank for a cohort-based programme. Add the modules to choose from on the programme’s modules page' }}
            value={v.modulesRequired}
            errorMessage={err('modulesRequired')}
          />
          <Radios
            idPrefix="status"
            name="status"
            fieldset={{ legend: { text: 'Status', classes: 'govuk-fieldset__legend--s' } }}
            value={v.status || 'draft'}
            errorMessage={err('status')}
            items={[
              { value: 'draft', text: 'Draft', hint: { text: 'Only programme leads can see it' } },
              { value: 'open', text: 'Open', hint: { text: 'Staff can see it and apply to its cohorts' } },
              { value: 'archived', text: 'Archived', hint: { text: 'No longer offered; kept for its history' } },
            ]}
          />

          <h2 class="govuk-heading-m">Skills framework</h2>
          <Select
            id="frameworkVersionId"
            name="frameworkVersionId"
            label={{ text: 'Framework version (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'Only published versions can be chosen' }}
            items={[{ value: '', text: 'No framework' }, ...props.frameworks.map((f) => ({ value: f.id, text: f.label }))]}
            value={v.frameworkVersionId}
            errorMessage={err('frameworkVersionId')}
          />
          <Select
            id="frameworkLevel"
            name="frameworkLevel"
            label={{ text: 'Framework level (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'The stage whose level descriptors apply; it must be a level of the version chosen above' }}
            items={[{ value: '', text: 'No particular level' }, ...[...levels].map(([key, title]) => ({ value: key, text: title }))]}
            value={v.frameworkLevel}
            errorMessage={err('frameworkLevel')}
          />

          <h2 class="govuk-heading-m">Eligibility</h2>
          <p class="govuk-body">Automatic rules are checked against each applicant’s staff record. Leave them empty for anyone.</p>
          <Checkboxes
            idPrefix="staffTypes"
            name="staffTypes"
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: 'Staff types (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Leave both unticked for either' }}
            values={props.values.staffTypes}
            errorMessage={err('staffTypes')}
            items={Object.entries(STAFF_TYPES).map(([value, text]) => ({ value, text }))}
          />
          <Checkboxes
            idPrefix="leadershipLevels"
            name="leadershipLevels"
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: 'Current leadership levels (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Leave them all unticked for any level' }}
            values={props.values.leadershipLevels}
            errorMessage={err('leadershipLevels')}
            items={Object.entries(LEADERSHIP_LEVELS).map(([value, text]) => ({ value, text }))}
          />
          <Input
            id="minYears"
            name="minYears"
            classes="govuk-input--width-3"
            inputmode="numeric"
            label={{ text: 'At least this many years working in schools (optional)' }}
            suffix={{ text: 'years' }}
            value={v.minYears}
            errorMessage={err('minYears')}
          />
          <Input
            id="maxYears"
            name="maxYears"
            classes="govuk-input--width-3"
            inputmode="numeric"
            label={{ text: 'No more than this many years working in schools (optional)' }}
            suffix={{ text: 'years' }}
            value={v.maxYears}
            errorMessage={err('maxYears')}
          />
          <Textarea
            id="declarations"
            name="declarations"
            label={{ text: 'Declarations the applicant must confirm (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'One a line. For example, I have the support of my headteacher to take part' }}
            value={v.declarations}
            errorMessage={err('declarations')}
          />

          <h2 class="govuk-heading-m">Activities and the application</h2>
          <Textarea
            id="experiences"
            name="experiences"
            label={{ text: 'Linked experiences and activities (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'One a line. For example, Lead a whole-school INSET session' }}
            value={v.experiences}
            errorMessage={err('experiences')}
          />

          <Checkboxes
            idPrefix="asks"
            name="asks"
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: 'What else does the application ask for?', classes: 'govuk-fieldset__legend--s' } }}
            items={[
              { name: 'asksForCoach', value: 'yes', text: 'A nominated in-school coach', checked: v.asksForCoach === 'yes' },
              { name: 'asksForProject', value: 'yes', text: 'A whole-school project idea', checked: v.asksForProject === 'yes' },
            ]}
          />
          <Input
            id="motivationWordLimit"
            name="motivationWordLimit"
            classes="govuk-input--width-4"
            inputmode="numeric"
            label={{ text: 'Word limit for the applicant’s motivation', classes: 'govuk-label--s' }}
            suffix={{ text: 'words' }}
            value={v.motivationWordLimit ?? '500'}
            errorMessage={err('motivationWordLimit')}
          />
          <div class="govuk-button-group">
            <Button text={props.submitText} />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
