import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Input, NotificationBanner, Radios, Select, SummaryList, Table, Textarea } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { LICENCES, LIMITS } from '../library.schemas';
import { type ItemPage, KIND_NAMES, type LibraryRow, type shareChoices } from '../library.service';

export function LibraryPage(props: { groups: { organisation: string; own: boolean; items: LibraryRow[] }[]; banner?: string | undefined }) {
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <h1 class="govuk-heading-l">Shared library</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">
            Skills frameworks and programme designs that organisations on this installation share. Copy one into your organisation to use and change it as your
            own: the copy says where it came from, and nothing you change affects the original.
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href="/library/share">
              Share a framework or programme design
            </a>
          </p>
        </div>
      </div>
      {props.groups.length === 0 ? <p class="govuk-body">Nothing has been shared yet.</p> : null}
      {props.groups.map((group) => (
        <Table
          caption={group.own ? 'Shared by your organisation' : `Shared by ${group.organisation}`}
          captionClasses="govuk-table__caption--m"
          stackOnNarrowScreens
          head={[{ text: 'Name' }, { text: 'Kind' }, { text: 'Licence' }, { text: 'Shared' }, { text: 'Copies', format: 'numeric' }]}
          rows={group.items.map((item) => [
            {
              html: (
                <>
                  <a class="govuk-link" href={`/library/${item.id}`}>
                    {item.name}
                  </a>{' '}
                  ({item.sourceLabel}){item.withdrawn ? <strong class="govuk-tag govuk-tag--grey">Withdrawn</strong> : null}
                </>
              ),
            },
            { text: KIND_NAMES[item.kind] },
            { text: item.licence },
            { text: formatDate(item.publishedAt) },
            { text: String(item.copies), format: 'numeric' },
          ])}
        />
      ))}
    </>
  );
}

export function SharePage(props: { choices: Awaited<ReturnType<typeof shareChoices>>; values: FormValues; errors?: FieldErrors | undefined }) {
  const { values, errors } = props;
  const choices = [
    ...props.choices.frameworks.map((c) => ({ value: c.value, text: `Framework: ${c.text}` })),
    ...props.choices.programmes.map((c) => ({ value: c.value, text: `Programme design: ${c.text}` })),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={errors} />
        <h1 class="govuk-heading-l">Share with other organisations</h1>
        <p class="govuk-body">
          Every organisation on this installation will see it and can copy it. It is shared as it is now: later changes are not shared. You can withdraw it at
          any time; copies already made stay.
        </p>
        {choices.length === 0 ? (
          <p class="govuk-body">Your organisation has no published framework version or programme to share yet.</p>
        ) : (
          <form method="post" action="/library" novalidate>
            <Select
              id="source"
              name="source"
              label={{ text: 'What to share', classes: 'govuk-label--s' }}
              hint={{ text: 'A published version of one of your frameworks, or one of your programme designs' }}
              items={[{ value: '', text: 'Choose…' }, ...choices]}
              value={values.source ?? ''}
              errorMessage={errorFor(errors, 'source')}
            />
            <Input
              id="name"
              name="name"
              label={{ text: 'Name', classes: 'govuk-label--s' }}
              hint={{ text: 'As other organisations will see it, for example “Middle Leadership framework”' }}
              value={values.name ?? ''}
              spellcheck
              errorMessage={errorFor(errors, 'name')}
              attributes={{ maxlength: String(LIMITS.name) }}
            />
            <Textarea
              id="description"
              name="description"
              label={{ text: 'Description', classes: 'govuk-label--s' }}
              hint={{ text: 'Who it is for and how you use it' }}
              value={values.description ?? ''}
              errorMessage={errorFor(errors, 'description')}
            />
            <Radios
              name="licence"
              fieldset={{ legend: { text: 'Licence', classes: 'govuk-fieldset__legend--s' } }}
              items={Object.entries(LICENCES).map(([value, l]) => ({ value, text: l.name, hint: { text: l.hint } }))}
              value={values.licence ?? ''}
              errorMessage={errorFor(errors, 'licence')}
            />
            <Button text="Share" preventDoubleClick />
          </form>
        )}
      </div>
    </div>
  );
}

function FrameworkPreview(props: { document: Extract<ItemPage['content'], { kind: 'framework' }>['document'] }) {
  const d = props.document;
  return (
    <>
      <h2 class="govuk-heading-m">What it holds</h2>
      <p class="govuk-body">
        Levels: {d.levels.map((l) => l.title).join(', ')}. {d.domains.length} {d.domains.length === 1 ? 'domain' : 'domains'},{' '}
        {d.domains.reduce((n, x) => n + x.skills.length, 0)} skills.
      </p>
      {d.domains.map((domain) => (
        <>
          <h3 class="govuk-heading-s">{domain.title}</h3>
          {domain.description ? <p class="govuk-body">{domain.description}</p> : null}
          <ul class="govuk-list govuk-list--bullet">
            {domain.skills.map((s) => (
              <li>
                <strong>{s.code}</strong> {s.title}
              </li>
            ))}
          </ul>
        </>
      ))}
    </>
  );
}

function ProgrammePreview(props: { design: Extract<ItemPage['content'], { kind: 'programme' }>['design'] }) {
  const d = props.design;
  return (
    <>
      <h2 class="govuk-heading-m">What it holds</h2>
      <SummaryList
        rows={[
          { key: { text: 'Summary' }, value: { text: d.summary || 'None' } },
          { key: { text: 'Who it is for' }, value: { text: d.audience || 'Not said' } },
          { key: { text: 'Duration' }, value: { text: d.duration || 'Not said' } },
          {
            key: { text: 'Delivery' },
            value: { text: d.delivery === 'modular' ? `Modular: each participant completes ${d.modulesRequired ?? 'some'} modules` : 'With a cohort' },
          },
          { key: { text: 'Modules' }, value: { text: d.modules.length > 0 ? d.modules.map((m) => m.title).join('; ') : 'None' } },
          { key: { text: 'Requirements' }, value: { text: String(d.requirements.length) } },
          {
            key: { text: 'Framework' },
            value: {
              text: d.framework ? `${d.framework.title}, version ${d.framework.number} (not copied: choose one of your own frameworks for the copy)` : 'None',
            },
          },
        ]}
      />
    </>
  );
}

export function ItemView(props: { page: ItemPage; values: FormValues; errors?: FieldErrors | undefined; banner?: string | undefined }) {
  const { item, own, publisher, licence, content, copyCount, copies } = props.page;
  const { values, errors } = props;
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <FormErrors errors={errors} />
      <span class="govuk-caption-l">{KIND_NAMES[item.kind]}</span>
      <h1 class="govuk-heading-l">{item.name}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">{item.description}</p>
          <SummaryList
            rows={[
              { key: { text: 'Shared by' }, value: { text: own ? 'Your organisation' : publisher } },
              { key: { text: 'What' }, value: { text: item.source_label } },
              { key: { text: 'Licence' }, value: { text: `${licence.name}. ${licence.hint}` } },
              { key: { text: 'Shared on' }, value: { text: formatDate(item.published_at) } },
              { key: { text: 'Copied' }, value: { text: copyCount === 1 ? 'Once' : `${copyCount} times` } },
              ...(item.withdrawn_at ? [{ key: { text: 'Withdrawn on' }, value: { text: formatDate(item.withdrawn_at) } }] : []),
            ]}
          />
          {content.kind === 'framework' ? <FrameworkPreview document={content.document} /> : <ProgrammePreview design={content.design} />}
          {own && copies.length > 0 ? (
            <Table
              caption="Who copied it"
              captionClasses="govuk-table__caption--m"
              head={[{ text: 'Organisation' }, { text: 'Copied on' }]}
              rows={copies.map((c) => [{ text: c.organisation }, { text: formatDate(c.copiedAt) }])}
            />
          ) : null}
          {item.withdrawn_at ? (
            <p class="govuk-body">This item is withdrawn: other organisations can no longer see or copy it. Copies already made stay.</p>
          ) : (
            <>
              <h2 class="govuk-heading-m">Copy it into your organisation</h2>
              <form method="post" action={`/library/${item.id}/copy`} novalidate>
                <Input
                  id="title"
                  name="title"
                  label={{ text: 'Title in your organisation', classes: 'govuk-label--s' }}
                  hint={{
                    text:
                      item.kind === 'framework'
                        ? 'The copy becomes one of your frameworks, with a published version 1'
                        : 'The copy becomes one of your programmes, as a draft, with its modules and requirements',
                  }}
                  value={values.title ?? item.name}
                  spellcheck
                  errorMessage={errorFor(errors, 'title')}
                />
                <Button text="Copy into your organisation" preventDoubleClick />
              </form>
              {own ? (
                <form method="post" action={`/library/${item.id}/withdraw`}>
                  <h2 class="govuk-heading-m">Withdraw it</h2>
                  <p class="govuk-body">Other organisations will no longer see it or be able to copy it. Copies already made stay.</p>
                  <Button text="Withdraw from the library" classes="govuk-button--warning" preventDoubleClick />
                </form>
              ) : null}
            </>
          )}
        </div>
      </div>
    </>
  );
}
