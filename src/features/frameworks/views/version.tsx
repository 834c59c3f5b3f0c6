import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Fieldset, Input, InsetText, NotificationBanner, PostLink, SummaryCard, SummaryList } from '../../../platform/ui/components';
import { LEVEL_ROWS, LIMITS } from '../frameworks.schemas';
import type { getVersion } from '../frameworks.service';
import type { FrameworkLevel } from '../frameworks.tables';
import { VersionStatusTag } from './version-status-tag';

type VersionData = Awaited<ReturnType<typeof getVersion>>;

export function VersionPage(props: { data: VersionData; banner?: string; errors?: FieldErrors }) {
  const { framework, version, content, editable, otherDraft, publishedBy } = props.data;
  const base = `/frameworks/${framework.id}/versions/${version.id}`;
  const errors = props.errors ?? {};
  const skillCount = content.domains.reduce((n, d) => n + d.skills.length, 0);
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
      <span class="govuk-caption-l">{framework.title}</span>
      <h1 class="govuk-heading-l">
        Version {version.number} <VersionStatusTag status={version.status} />
      </h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {editable ? (
            <>
              <InsetText text="This is a draft. Nothing can use it until it is published; once published, it can no longer change." />
              <div class="govuk-button-group" id="publish">
                <form method="post" action={`${base}/publish`}>
                  <Button text={`Publish version ${version.number}`} preventDoubleClick />
                </form>
                <form method="post" action={`${base}/discard`}>
                  <Button text="Discard this draft" classes="govuk-button--warning" preventDoubleClick />
                </form>
              </div>
              {errors.publish ? <p class="govuk-error-message">{errors.publish}</p> : null}
            </>
          ) : (
            <>
              <p class="govuk-body">
                Published on {formatDate(version.published_at)}
                {publishedBy ? ` by ${publishedBy}` : framework.builtin_key ? ' by Waymark' : ''}. A published version never changes: self-assessments, feedback
                and programme requirements point at it.
              </p>
              {otherDraft ? (
                <p class="govuk-body">
                  <a class="govuk-link" href={`/frameworks/${framework.id}/versions/${otherDraft.id}`}>
                    Go to the draft (version {otherDraft.number})
                  </a>
                </p>
              ) : (
                <form method="post" action={`/frameworks/${framework.id}/drafts`}>
                  <Button text="Create a new draft" classes="govuk-button--secondary" preventDoubleClick />
                </form>
              )}
            </>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/export.json`} download>
              Download version {version.number} as JSON
            </a>
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/export.csv`} download>
              Download version {version.number} as CSV (one row a skill)
            </a>
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={`/frameworks/${framework.id}`}>
              All versions of {framework.title}
            </a>
          </p>

          <h2 class="govuk-heading-m">Levels</h2>
          <p class="govuk-body">The stages each skill’s descriptors are written for.</p>
          <SummaryList rows={content.levels.map((level) => ({ key: { text: level.title }, value: { text: `Key: ${level.key}` } }))} />
          {editable ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`${base}/edit`}>
                Change the levels
              </a>
            </p>
          ) : null}

          <h2 class="govuk-heading-m">Domains and skills</h2>
          <p class="govuk-body">
            {content.domains.length} {content.domains.length === 1 ? 'domain' : 'domains'}, {skillCount} {skillCount === 1 ? 'skill' : 'skills'}.
          </p>
          {editable ? (
            <div class="govuk-button-group">
              <Button text="Add a domain" href={`${base}/domains/new`} classes="govuk-button--secondary" />
              {content.domains.length > 0 ? <Button text="Add a skill" href={`${base}/skills/new`} classes="govuk-button--secondary" /> : null}
            </div>
          ) : null}
        </div>
      </div>

      {content.domains.map((domain) => (
        <section class="govuk-!-margin-bottom-8">
          <h3 class="govuk-heading-m" id={`domain-${domain.id}`}>
            {domain.title}
          </h3>
          {errors[`domain-${domain.id}`] ? <p class="govuk-error-message">{errors[`domain-${domain.id}`]}</p> : null}
          {domain.description ? <p class="govuk-body">{domain.description}</p> : null}
          {editable ? (
            <ul class="govuk-list">
              <li>
                <a class="govuk-link" href={`${base}/skills/new?domain=${domain.id}`}>
                  Add a skill<span class="govuk-visually-hidden"> to {domain.title}</span>
                </a>
              </li>
              <li>
                <a class="govuk-link" href={`${base}/domains/${domain.id}/edit`}>
                  Change<span class="govuk-visually-hidden"> the domain {domain.title}</span>
                </a>
              </li>
              <li>
                <PostLink
                  action={`${base}/domains/${domain.id}/remove`}
                  text="Remove"
                  visuallyHiddenText={`the domain ${domain.title}`}
                  classes="govuk-!-display-inline"
                />
              </li>
            </ul>
          ) : null}
          {domain.skills.length === 0 ? <p class="govuk-body">No skills in this domain yet.</p> : null}
          {domain.skills.map((skill) => (
            <SummaryCard title={{ text: `${skill.code}: ${skill.title}`, headingLevel: 4 }}>
              <SummaryList
                rows={[
                  { key: { text: 'Description' }, value: { text: skill.description || 'None' } },
                  ...content.levels.map((level) => ({ key: { text: level.title }, value: { text: skill.descriptors[level.key] ?? 'No descriptor' } })),
                ]}
              />
              {editable ? (
                <ul class="govuk-list govuk-!-margin-top-4">
                  <li>
                    <a class="govuk-link" href={`${base}/skills/${skill.id}/edit`}>
                      Change<span class="govuk-visually-hidden"> skill {skill.code}</span>
                    </a>
                  </li>
                  <li>
                    <PostLink
                      action={`${base}/skills/${skill.id}/remove`}
                      text="Remove"
                      visuallyHiddenText={`skill ${skill.code}`}
                      classes="govuk-!-display-inline"
                    />
                  </li>
                </ul>
              ) : null}
            </SummaryCard>
          ))}
        </section>
      ))}
    </>
  );
}

/** Form values for the levels form from a version's levels. */
export function levelValues(levels: FrameworkLevel[]): FormValues {
  const values: FormValues = {};
  levels.forEach((level, i) => {
    values[`level-${i + 1}-key`] = level.key;
    values[`level-${i + 1}-title`] = level.title;
  });
  return values;
}

export function LevelsFormPage(props: {
  action: string;
  cancelHref: string;
  frameworkTitle: string;
  number: number;
  values: FormValues;
  errors?: FieldErrors;
}) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">
          {props.frameworkTitle}, version {props.number}
        </span>
        <h1 class="govuk-heading-l">Change the levels</h1>
        <p class="govuk-body">Levels are the stages each skill’s descriptors are written for, in order. Leave a row blank to leave it out.</p>
        <p class="govuk-body">If you remove a level, or change its key, the descriptors written for it are removed from this draft.</p>
        <form method="post" action={props.action} novalidate>
          {Array.from({ length: LEVEL_ROWS }, (_, i) => i + 1).map((n) => (
            <Fieldset legend={{ text: `Level ${n}`, classes: 'govuk-fieldset__legend--s' }}>
              <Input
                id={`level-${n}-title`}
                name={`level-${n}-title`}
                label={{ text: 'Title' }}
                hint={n === 1 ? { text: 'For example, Towards middle leadership' } : undefined}
                value={props.values[`level-${n}-title`]}
                errorMessage={errorFor(errors, `level-${n}-title`)}
                attributes={{ maxlength: LIMITS.levelTitle }}
              />
              <Input
                id={`level-${n}-key`}
                name={`level-${n}-key`}
                classes="govuk-input--width-10"
                label={{ text: 'Key' }}
                hint={n === 1 ? { text: 'A short name used in import files, in lower case, for example middle' } : undefined}
                value={props.values[`level-${n}-key`]}
                errorMessage={errorFor(errors, `level-${n}-key`)}
                spellcheck={false}
              />
            </Fieldset>
          ))}
          <div class="govuk-button-group">
            <Button text="Save levels" preventDoubleClick />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
