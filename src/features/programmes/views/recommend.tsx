import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Select, Textarea } from '../../../platform/ui/components';

interface Colleague {
  id: string;
  given_name: string;
  family_name: string;
  job_title: string | null;
  school_name: string | null;
}

/** A people manager recommends a colleague within their reach. */
export function RecommendPage(props: { programme: { id: string; title: string }; colleagues: Colleague[]; values: FormValues; errors?: FieldErrors }) {
  const p = props.programme;
  const errors = props.errors ?? {};
  const describe = (c: Colleague) => [`${c.given_name} ${c.family_name}`, c.job_title, c.school_name].filter(Boolean).join(', ');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{p.title}</span>
        <h1 class="govuk-heading-l">Recommend a colleague</h1>
        {props.colleagues.length === 0 ? (
          <p class="govuk-body">There is no one you can recommend: you can recommend the people you line manage, and staff at schools you administer.</p>
        ) : (
          <form method="post" action={`/programmes/${p.id}/recommend`} novalidate>
            <p class="govuk-body">We will email them to say you recommended them, with a link to the programme and how to apply.</p>
            <Select
              id="personId"
              name="personId"
              label={{ text: 'Who do you recommend?', classes: 'govuk-label--s' }}
              hint={{ text: 'People you line manage, or staff at schools you administer' }}
              items={[{ value: '', text: 'Select a colleague' }, ...props.colleagues.map((c) => ({ value: c.id, text: describe(c) }))]}
              value={props.values.personId}
              errorMessage={errorFor(errors, 'personId')}
            />
            <Textarea
              id="note"
              name="note"
              rows={4}
              label={{ text: 'A note for them (optional)', classes: 'govuk-label--s' }}
              hint={{ text: 'Why you think the programme would suit them. It is included in the email.' }}
              value={props.values.note}
              errorMessage={errorFor(errors, 'note')}
            />
            <div class="govuk-button-group">
              <Button text="Send recommendation" />
              <a class="govuk-link" href={`/programmes/${p.id}`}>
                Cancel
              </a>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
