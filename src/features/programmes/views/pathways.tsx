import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, NotificationBanner, PostLink, Select, Table, Textarea } from '../../../platform/ui/components';
import type { ProgrammeStatus } from '../programmes.tables';
import { ProgrammeStatusTag } from './status-tag';

export function PathwaysPage(props: { pathways: { id: string; title: string; summary: string; stage_count: number }[]; banner?: string }) {
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Pathways</h1>
      <p class="govuk-body">A pathway is a ladder of programmes, one stage after another. A programme can be a stage of one pathway, or stand alone.</p>
      <Button text="Add a pathway" href="/pathways/new" />
      {props.pathways.length === 0 ? (
        <p class="govuk-body">There are no pathways yet.</p>
      ) : (
        <Table
          caption="Your organisation’s pathways"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Pathway' }, { text: 'Summary' }, { text: 'Stages', format: 'numeric' }]}
          rows={props.pathways.map((p) => [
            {
              html: (
                <a class="govuk-link" href={`/pathways/${p.id}`}>
                  {p.title}
                </a>
              ),
            },
            { text: p.summary },
            { text: String(p.stage_count), format: 'numeric' },
          ])}
        />
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/programmes">
          See all programmes
        </a>
      </p>
    </>
  );
}

export function PathwayFormPage(props: { heading: string; action: string; values: FormValues; errors?: FieldErrors; cancelHref: string; submitText: string }) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title' }}
            hint={{ text: 'For example, Leadership ladder' }}
            value={props.values.title}
            errorMessage={errorFor(errors, 'title')}
          />
          <Textarea
            id="summary"
            name="summary"
            label={{ text: 'Summary (optional)' }}
            hint={{ text: 'Where the pathway leads, in a sentence or two' }}
            value={props.values.summary}
            errorMessage={errorFor(errors, 'summary')}
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

interface Stage {
  id: string;
  title: string;
  status: ProgrammeStatus;
  stage_position: number | null;
}

export function PathwayPage(props: {
  pathway: { id: string; title: string; summary: string };
  stages: Stage[];
  candidates: { id: string; title: string; status: ProgrammeStatus }[];
  banner?: string;
  errors?: FieldErrors;
  values?: FormValues;
}) {
  const { pathway, stages } = props;
  const errors = props.errors ?? {};
  const n = stages.length;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
      <span class="govuk-caption-l">Pathway</span>
      <h1 class="govuk-heading-l">{pathway.title}</h1>
      {pathway.summary ? <p class="govuk-body">{pathway.summary}</p> : null}
      <p class="govuk-body">
        <a class="govuk-link" href={`/pathways/${pathway.id}/edit`}>
          Change title and summary
        </a>
      </p>

      <h2 class="govuk-heading-m">Stages</h2>
      {n === 0 ? (
        <p class="govuk-body">This pathway has no stages yet. Add a programme below.</p>
      ) : (
        <Table
          caption={`Stages of ${pathway.title}, in order`}
          captionClasses="govuk-table__caption--s govuk-visually-hidden"
          head={[{ text: 'Stage' }, { text: 'Programme' }, { text: 'Status' }, { html: <span class="govuk-visually-hidden">Actions</span> }]}
          rows={stages.map((stage, i) => [
            { text: String(i + 1) },
            {
              html: (
                <a class="govuk-link" href={`/programmes/${stage.id}`}>
                  {stage.title}
                </a>
              ),
            },
            { html: <ProgrammeStatusTag status={stage.status} /> },
            {
              html: (
                <ul class="govuk-list govuk-!-margin-bottom-0">
                  {i > 0 ? (
                    <li>
                      <PostLink
                        action={`/pathways/${pathway.id}/stages/${stage.id}/move`}
                        fields={{ direction: 'up' }}
                        text="Move up"
                        visuallyHiddenText={stage.title}
                      />
                    </li>
                  ) : null}
                  {i < n - 1 ? (
                    <li>
                      <PostLink
                        action={`/pathways/${pathway.id}/stages/${stage.id}/move`}
                        fields={{ direction: 'down' }}
                        text="Move down"
                        visuallyHiddenText={stage.title}
                      />
                    </li>
                  ) : null}
                  <li>
                    <PostLink
                      action={`/pathways/${pathway.id}/stages/${stage.id}/remove`}
                      text="Remove"
                      visuallyHiddenText={`${stage.title} from the pathway`}
                    />
                  </li>
                </ul>
              ),
            },
          ])}
        />
      )}

      <h2 class="govuk-heading-m">Add a stage</h2>
      {props.candidates.length === 0 ? (
        <p class="govuk-body">
          Every programme is already a stage of a pathway.{' '}
          <a class="govuk-link" href="/programmes/new">
            Add a programme
          </a>{' '}
          first.
        </p>
      ) : (
        <form method="post" action={`/pathways/${pathway.id}/stages`} novalidate>
          <Select
            id="programmeId"
            name="programmeId"
            label={{ text: 'Programme to add as the last stage' }}
            hint={{ text: 'Only programmes that are not already a stage of a pathway are listed' }}
            items={[
              { value: '', text: 'Select a programme' },
              ...props.candidates.map((c) => ({ value: c.id, text: c.status === 'open' ? c.title : `${c.title} (${c.status})` })),
            ]}
            value={props.values?.programmeId}
            errorMessage={errorFor(errors, 'programmeId')}
          />
          <Button text="Add stage" classes="govuk-button--secondary" />
        </form>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/pathways">
          All pathways
        </a>
      </p>
    </>
  );
}
