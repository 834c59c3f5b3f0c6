import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, Checkboxes, ErrorSummary, Input, NotificationBanner, PostLink, Table, Textarea } from '../../../platform/ui/components';
import type { Evaluator } from '../../../platform/completion';
import type { Programme } from '../programmes.tables';

function Caption(props: { programme: Programme }) {
  return (
    <span class="govuk-caption-l">
      <a class="govuk-link govuk-link--no-visited-state" href={`/programmes/${props.programme.id}`}>
        {props.programme.title}
      </a>
    </span>
  );
}

/** Choosing the programme's requirements: one checkbox per kind Waymark can check, with its settings revealed. */
export function RequirementsPage(props: {
  programme: Programme;
  available: Evaluator[];
  kinds: string[];
  values: FormValues;
  modules: number;
  errors?: FieldErrors;
  banner?: string;
}) {
  const p = props.programme;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <Caption programme={p} />
        <h1 class="govuk-heading-l">Requirements</h1>
        <p class="govuk-body">
          Choose what a participant must do to complete the programme. Waymark checks each one and shows participants and leads how far they have got.
        </p>
        <form method="post" action={`/programmes/${p.id}/requirements`} novalidate>
          <Checkboxes
            idPrefix="kinds"
            name="kinds"
            fieldset={{ legend: { text: 'What must participants complete?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Select all that apply' }}
            values={props.kinds}
            errorMessage={errorFor(errors, 'kinds')}
            items={props.available.map((evaluator) => {
              const notForThis = evaluator.kind === 'modules' && p.delivery !== 'modular';
              const hint = notForThis
                ? `${evaluator.description} Only for self-directed, modular programmes.`
                : evaluator.kind === 'modules'
                  ? `${evaluator.description} This programme has ${props.modules} ${props.modules === 1 ? 'module' : 'modules'}; participants choose ${p.modules_required ?? 1}.`
                  : evaluator.description;
              return {
                value: evaluator.kind,
                text: evaluator.title,
                hint: { text: hint },
                conditional:
                  evaluator.settings.length > 0
                    ? {
                        html: (
                          <>
                            {evaluator.settings.map((field) => {
                              const name = `${evaluator.kind}-${field.name}`;
                              return (
                                <Input
                                  id={name}
                                  name={name}
                                  classes="govuk-input--width-4"
                                  inputmode="numeric"
                                  label={{ text: field.label }}
                                  hint={{ text: field.hint ? `${field.hint} From ${field.min} to ${field.max}.` : `From ${field.min} to ${field.max}.` }}
                                  suffix={field.suffix ? { text: field.suffix } : undefined}
                                  value={props.values[name] ?? String(field.default)}
                                  errorMessage={errorFor(errors, name)}
                                />
                              );
                            })}
                          </>
                        ),
                      }
                    : undefined,
              };
            })}
          />
          <div class="govuk-button-group">
            <Button text="Save requirements" />
            <a class="govuk-link" href={`/programmes/${p.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

interface SkillRow {
  id: string;
  code: string;
  title: string;
  description: string;
  domain_id: string;
  domain_title: string;
}

/** Choosing the skills a programme focuses on, grouped by domain. */
export function SkillsPage(props: {
  programme: Programme;
  versionLabel: string | null;
  skills: SkillRow[];
  chosen: string[];
  errors?: FieldErrors;
  banner?: string;
}) {
  const p = props.programme;
  const errors = props.errors ?? {};
  const domains: { id: string; title: string; skills: SkillRow[] }[] = [];
  for (const skill of props.skills) {
    let domain = domains.find((d) => d.id === skill.domain_id);
    if (!domain) {
      domain = { id: skill.domain_id, title: skill.domain_title, skills: [] };
      domains.push(domain);
    }
    domain.skills.push(skill);
  }
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? (
          <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { skills: domains[0] ? `skills-${domains[0].id}` : 'skills' })} />
        ) : null}
        <Caption programme={p} />
        <h1 class="govuk-heading-l">Focus skills</h1>
        {!p.framework_version_id || !props.versionLabel ? (
          <>
            <p class="govuk-body">This programme has no skills framework chosen, so there are no skills to focus on yet.</p>
            <p class="govuk-body">
              <a class="govuk-link" href={`/programmes/${p.id}/edit`}>
                Choose a framework version
              </a>{' '}
              on the programme’s details first.
            </p>
          </>
        ) : (
          <>
            <p class="govuk-body">Skills from {props.versionLabel}. Participants see these on the programme’s page.</p>
            {errors.skills ? (
              <p class="govuk-error-message" id="skills">
                {errors.skills}
              </p>
            ) : null}
            <form method="post" action={`/programmes/${p.id}/skills`} novalidate>
              {domains.map((domain) => (
                <Checkboxes
                  idPrefix={`skills-${domain.id}`}
                  name="skills"
                  classes="govuk-checkboxes--small"
                  fieldset={{ legend: { text: domain.title, classes: 'govuk-fieldset__legend--s' } }}
                  values={props.chosen}
                  items={domain.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}`, hint: s.description ? { text: s.description } : undefined }))}
                />
              ))}
              <div class="govuk-button-group">
                <Button text="Save focus skills" />
                <a class="govuk-link" href={`/programmes/${p.id}`}>
                  Cancel
                </a>
              </div>
            </form>
          </>
        )}
      </div>
    </div>
  );
}

/** The modules participants choose from, with a form to add one. */
export function ModulesPage(props: {
  programme: Programme;
  modules: { id: string; title: string; description: string; chosen_by: number }[];
  values: FormValues;
  errors?: FieldErrors;
  banner?: string;
}) {
  const p = props.programme;
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { module: 'modules-table' })} /> : null}
        <Caption programme={p} />
        <h1 class="govuk-heading-l">Modules</h1>
        {p.delivery === 'modular' ? (
          <p class="govuk-body">
            Participants choose {p.modules_required ?? 1} {(p.modules_required ?? 1) === 1 ? 'module' : 'modules'} from this list.
          </p>
        ) : (
          <p class="govuk-body">
            This programme is cohort-based, so participants do not choose modules. Change its delivery to self-directed and modular to use them.
          </p>
        )}
        {props.modules.length === 0 ? (
          <p class="govuk-body" id="modules-table">
            There are no modules yet.
          </p>
        ) : (
          <Table
            attributes={{ id: 'modules-table' }}
            caption={`Modules of ${p.title}`}
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Module' }, { text: 'Chosen by', format: 'numeric' }, { html: <span class="govuk-visually-hidden">Actions</span> }]}
            rows={props.modules.map((m) => [
              {
                html: (
                  <>
                    <strong>{m.title}</strong>
                    {m.description ? (
                      <>
                        <br />
                        {m.description}
                      </>
                    ) : null}
                  </>
                ),
              },
              { text: String(m.chosen_by), format: 'numeric' },
              {
                html:
                  m.chosen_by === 0 ? <PostLink action={`/programmes/${p.id}/modules/${m.id}/remove`} text="Remove" visuallyHiddenText={m.title} /> : undefined,
              },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Add a module</h2>
        <form method="post" action={`/programmes/${p.id}/modules`} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title' }}
            hint={{ text: 'For example, Leading change' }}
            value={props.values.title}
            errorMessage={errorFor(errors, 'title')}
          />
          <Textarea
            id="description"
            name="description"
            rows={3}
            label={{ text: 'Description (optional)' }}
            value={props.values.description}
            errorMessage={errorFor(errors, 'description')}
          />
          <Button text="Add module" classes="govuk-button--secondary" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/programmes/${p.id}`}>
            Back to the programme
          </a>
        </p>
      </div>
    </div>
  );
}
