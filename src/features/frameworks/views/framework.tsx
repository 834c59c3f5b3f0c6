import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, NotificationBanner, Radios, SummaryList, Table, Textarea } from '../../../platform/ui/components';
import { LIMITS, TRACKS } from '../frameworks.schemas';
import type { getFramework } from '../frameworks.service';
import { VersionStatusTag } from './version-status-tag';

type FrameworkData = Awaited<ReturnType<typeof getFramework>>;

export function FrameworkPage(props: { data: FrameworkData; banner?: string }) {
  const { framework, versions, draft } = props.data;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <span class="govuk-caption-l">Skills framework</span>
      <h1 class="govuk-heading-l">{framework.title}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {framework.description ? <p class="govuk-body">{framework.description}</p> : null}
          <SummaryList
            rows={[
              { key: { text: 'For' }, value: { text: TRACKS[framework.track] } },
              {
                key: { text: 'Written by' },
                value: { text: framework.copied_from ?? (framework.builtin_key ? 'Waymark (built in)' : 'Your organisation') },
              },
            ]}
          />
          {draft ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`/frameworks/${framework.id}/versions/${draft.id}`}>
                Go to the draft (version {draft.number})
              </a>
            </p>
          ) : (
            <form method="post" action={`/frameworks/${framework.id}/drafts`}>
              <p class="govuk-body">To change this framework, make a new draft. It starts as a copy of the latest published version.</p>
              <Button text="Create a new draft" classes="govuk-button--secondary" preventDoubleClick />
            </form>
          )}
        </div>
      </div>
      {versions.length === 0 ? (
        <p class="govuk-body">This framework has no versions. Create a new draft to start one.</p>
      ) : (
        <Table
          caption="Versions"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Version' }, { text: 'Status' }, { text: 'Published' }, { text: 'Published by' }]}
          rows={versions.map((v) => [
            {
              html: (
                <a class="govuk-link" href={`/frameworks/${framework.id}/versions/${v.id}`}>
                  Version {v.number}
                </a>
              ),
            },
            { html: <VersionStatusTag status={v.status} /> },
            { text: v.published_at ? formatDate(v.published_at) : 'Not yet' },
            { text: v.status === 'draft' ? '' : v.publisher_given_name ? `${v.publisher_given_name} ${v.publisher_family_name}` : 'Waymark' },
          ])}
        />
      )}
    </>
  );
}

export function FrameworkFormPage(props: { values: FormValues; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { track: 'track' })} /> : null}
        <h1 class="govuk-heading-l">Create a framework</h1>
        <p class="govuk-body">The framework starts with an empty draft, version 1. Add domains and skills to it, then publish it.</p>
        <form method="post" action="/frameworks" novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Middle leadership skills' }}
            value={v.title}
            errorMessage={errorFor(errors, 'title')}
            attributes={{ maxlength: LIMITS.frameworkTitle }}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'Description (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'What the framework is for and who wrote it' }}
            value={v.description}
            errorMessage={errorFor(errors, 'description')}
            rows={4}
          />
          <Radios
            idPrefix="track"
            name="track"
            fieldset={{ legend: { text: 'Who is it for?', classes: 'govuk-fieldset__legend--s' } }}
            value={v.track}
            errorMessage={errorFor(errors, 'track')}
            items={Object.entries(TRACKS).map(([value, text]) => ({ value, text }))}
          />
          <div class="govuk-button-group">
            <Button text="Create framework" preventDoubleClick />
            <a class="govuk-link" href="/frameworks">
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
