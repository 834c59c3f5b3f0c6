import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, Radios, SummaryList, Textarea } from '../../../platform/ui/components';
import type { HeadteacherLink } from '../headteacher-support.service';

type Open = Extract<HeadteacherLink, { state: 'open' }>;

/**
 * The headteacher's page, opened by their emailed link: who has applied, for what, and the school
 * on record; then their name and role, and whether the school supports the application.
 */
export function HeadteacherSupportPage(props: { link: Open; action: string; values: FormValues; errors?: FieldErrors }) {
  const { app, endorsement, provider } = props.link;
  const errors = props.errors ?? {};
  const v = props.values;
  const name = `${app.given_name} ${app.family_name}`;
  const school = app.outside_school;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { answer: 'answer' })} /> : null}
        <span class="govuk-caption-l">Headteacher’s support</span>
        <h1 class="govuk-heading-l">
          Does your school support {name}’s application to {app.programme_title}?
        </h1>
        <p class="govuk-body">
          {name} has named you as their headteacher. {provider || 'The provider'} asks for the headteacher’s support before considering an application.
        </p>
        <SummaryList
          rows={[
            { key: { text: 'Applicant' }, value: { text: `${name}${app.job_title ? `, ${app.job_title}` : ''}` } },
            { key: { text: 'Programme' }, value: { text: `${app.programme_title}, ${app.cohort_name}` } },
            { key: { text: 'Run by' }, value: { text: provider || 'Not known' } },
            { key: { text: 'Answer by' }, value: { text: endorsement.due_on ? formatDate(endorsement.due_on) : 'As soon as you can' } },
            { key: { text: 'School' }, value: { text: school ? `${school.name} (URN ${school.urn})` : 'Not on the school list' } },
            ...(school
              ? [
                  {
                    key: { text: 'Address on the school list' },
                    value: { html: <>{school.address.map((line, i) => (i === 0 ? line : [<br />, line]))}</> },
                  },
                ]
              : []),
          ]}
        />
        <p class="govuk-body">
          If this is not your school, or you are not {app.given_name}’s headteacher, choose “No” and say so: the provider will see it. This link works until{' '}
          {formatDate(endorsement.expires_at)}, for one answer.
        </p>
        <form method="post" action={props.action} novalidate>
          <h2 class="govuk-heading-m">About you</h2>
          <Input
            id="name"
            name="name"
            label={{ text: 'Your full name', classes: 'govuk-label--s' }}
            autocomplete="name"
            spellcheck={false}
            value={v.name}
            errorMessage={errorFor(errors, 'name')}
          />
          <Input
            id="role"
            name="role"
            label={{ text: 'Your role at the school', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Headteacher, Executive headteacher or Head of school' }}
            autocomplete="organization-title"
            value={v.role}
            errorMessage={errorFor(errors, 'role')}
          />
          <Radios
            idPrefix="answer"
            name="answer"
            fieldset={{ legend: { text: `Does the school support ${app.given_name} taking part?`, classes: 'govuk-fieldset__legend--m' } }}
            value={v.answer}
            errorMessage={errorFor(errors, 'answer')}
            items={[
              { value: 'support', text: 'Yes, the school supports this' },
              { value: 'not_support', text: 'No, the school does not support this' },
            ]}
          />
          <Textarea
            id="statement"
            name="statement"
            label={{ text: 'Your statement of support, or why you do not support it', classes: 'govuk-label--s' }}
            hint={{ text: `${app.given_name} and the provider will see what you write.` }}
            value={v.statement}
            errorMessage={errorFor(errors, 'statement')}
          />
          <Button text="Send your answer" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}

/** After answering, and for a link that can't be used any more: says only that. */
export function HeadteacherLinkDonePage(props: { state: 'thanks' | 'answered' | 'unavailable' }) {
  const messages = {
    thanks: { heading: 'Thank you: your answer is sent', body: 'The applicant and the provider can now see your answer. You don’t need to do anything else.' },
    answered: { heading: 'This request has already been answered', body: 'An answer has been given, and it cannot be changed. Nothing more is needed.' },
    unavailable: {
      heading: 'This link is no longer available',
      body: 'The request it was for has expired or is no longer needed. If you still want to give your support, ask the person who applied.',
    },
  } as const;
  const m = messages[props.state];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{m.heading}</h1>
        <p class="govuk-body">{m.body}</p>
      </div>
    </div>
  );
}
