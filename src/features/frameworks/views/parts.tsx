import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Fieldset, Input, Select, Textarea } from '../../../platform/ui/components';
import { LIMITS } from '../frameworks.schemas';
import type { FrameworkLevel } from '../frameworks.tables';

interface FormPageProps {
  heading: string;
  caption: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  errors?: FieldErrors;
}

export function DomainFormPage(props: FormPageProps) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, School culture' }}
            value={props.values.title}
            errorMessage={errorFor(errors, 'title')}
            attributes={{ maxlength: LIMITS.domainTitle }}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'Description (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'One sentence on what the domain covers' }}
            value={props.values.description}
            errorMessage={errorFor(errors, 'description')}
            rows={3}
          />
          <div class="govuk-button-group">
            <Button text="Save domain" preventDoubleClick />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

export function SkillFormPage(props: FormPageProps & { domains: { id: string; title: string }[]; levels: FrameworkLevel[] }) {
  const errors = props.errors ?? {};
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Select
            id="domainId"
            name="domainId"
            label={{ text: 'Domain', classes: 'govuk-label--s' }}
            items={[props.domains.length === 1 ? null : { value: '', text: 'Select a domain' }, ...props.domains.map((d) => ({ value: d.id, text: d.title }))]}
            value={v.domainId}
            errorMessage={errorFor(errors, 'domainId')}
          />
          <Input
            id="code"
            name="code"
            classes="govuk-input--width-5"
            label={{ text: 'Code', classes: 'govuk-label--s' }}
            hint={{ text: 'A short code, unique in this version, for example SC1' }}
            value={v.code}
            errorMessage={errorFor(errors, 'code')}
            spellcheck={false}
          />
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Setting high expectations' }}
            value={v.title}
            errorMessage={errorFor(errors, 'title')}
            attributes={{ maxlength: LIMITS.skillTitle }}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'Description (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'One sentence on what the skill is' }}
            value={v.description}
            errorMessage={errorFor(errors, 'description')}
            rows={3}
          />
          <Fieldset legend={{ text: 'Level descriptors (optional)', classes: 'govuk-fieldset__legend--m' }}>
            <p class="govuk-body">What the skill looks like at each stage. Leave blank any you have not written yet.</p>
            {props.levels.map((level) => (
              <Textarea
                id={`descriptor-${level.key}`}
                name={`descriptor-${level.key}`}
                label={{ text: level.title, classes: 'govuk-label--s' }}
                value={v[`descriptor-${level.key}`]}
                errorMessage={errorFor(errors, `descriptor-${level.key}`)}
                rows={3}
              />
            ))}
          </Fieldset>
          <div class="govuk-button-group">
            <Button text="Save skill" preventDoubleClick />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
