import { html } from 'hono/html';
import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { DateField, FormErrors } from '../../../platform/ui/form-parts';
import {
  Button,
  Checkboxes,
  InsetText,
  Input,
  NotificationBanner,
  Paragraphs,
  PostLink,
  Radios,
  Select,
  StatusTag,
  SummaryList,
  Table,
  Textarea,
} from '../../../platform/ui/components';
import { INTEREST_COLOUR } from '../careers.lifecycle';
import {
  BARRIERS,
  DIRECTORY_KINDS,
  INTEREST_STATUS_TEXT,
  MARK_STATUS_TEXT,
  OPEN_TO,
  OPPORTUNITY_KINDS,
  parseList,
  SHARING,
  TIERS,
  TIMEFRAMES,
  TRACKS,
} from '../careers.schemas';
import type {
  AspirationForm,
  Board,
  CareersHome,
  ConversationPage,
  Directory,
  VacanciesPage,
  DirectoryItemForm,
  DirectoryItemPage,
  OpportunityForm,
  OpportunityPage,
  PersonCareers,
  RoleForm,
  RoleMap,
  RolePage,
  SkillChoice,
  StepLinks,
} from '../careers.service';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
const link = (href: string, text: string) => `<a class="govuk-link" href="${esc(href)}">${esc(text)}</a>`;

function Banner(props: { text?: string }) {
  return props.text ? <NotificationBanner type="success" text={props.text} /> : null;
}

function SkillCheckboxes(props: { frameworks: { title: string; skills: SkillChoice[] }[]; ticked: string[]; errors?: FieldErrors; legend: string }) {
  if (props.frameworks.every((f) => f.skills.length === 0))
    return <p class="govuk-body">The organisation has no published framework yet, so there are no skills to choose from.</p>;
  return (
    <>
      {props.frameworks.map((f, i) => (
        <Checkboxes
          name="skills"
          idPrefix={i === 0 ? 'skills' : `skills-${i}`}
          classes="govuk-checkboxes--small"
          fieldset={{ legend: { text: `${props.legend}: ${f.title}`, classes: 'govuk-fieldset__legend--s' } }}
          items={f.skills.map((s) => ({ value: s.code, text: `${s.code} ${s.title}` }))}
          values={props.ticked}
          errorMessage={i === 0 ? errorFor(props.errors, 'skills') : undefined}
        />
      ))}
    </>
  );
}

function ActionFields(props: {
  prefix: string;
  owners: { id: string; name: string }[];
  links: StepLinks;
  values: FormValues;
  errors?: FieldErrors;
  legend: string;
}) {
  const l = props.links;
  const choices = [
    ...l.opportunities.map((o) => ({ value: `opportunity:${o.id}`, text: `Opportunity: ${o.title}` })),
    ...l.directory.map((d) => ({ value: `directory:${d.id}`, text: `Development: ${d.title}` })),
    ...l.programmes.map((p) => ({ value: `programme:${p.id}`, text: `Programme: ${p.title}` })),
  ];
  const p = props.prefix;
  return (
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{props.legend}</legend>
      <Input
        id={`${p}-description`}
        name={`${p}-description`}
        label={{ text: 'Next step' }}
        value={props.values[`${p}-description`]}
        errorMessage={errorFor(props.errors, `${p}-description`)}
      />
      <Radios
        name={`${p}-owner`}
        idPrefix={`${p}-owner`}
        classes="govuk-radios--small govuk-radios--inline"
        fieldset={{ legend: { text: 'Who will do it', classes: 'govuk-fieldset__legend--s' } }}
        items={props.owners.map((o) => ({ value: o.id, text: o.name }))}
        value={props.values[`${p}-owner`]}
        errorMessage={errorFor(props.errors, `${p}-owner`)}
      />
      <DateField prefix={`${p}-due`} legend="Due by" values={props.values} errors={props.errors} />
      {choices.length > 0 ? (
        <Select
          id={`${p}-link`}
          name={`${p}-link`}
          label={{ text: 'Linked to (optional)' }}
          hint={{ text: 'A "have a go" opportunity, an entry in the development directory or a programme.' }}
          items={[{ value: '', text: 'Nothing' }, ...choices]}
          value={props.values[`${p}-link`] ?? ''}
          errorMessage={errorFor(props.errors, `${p}-link`)}
        />
      ) : null}
    </fieldset>
  );
}

// ----- Careers home -----

export function CareersHomePage(props: { data: CareersHome; banner?: string }) {
  const d = props.data;
  const a = d.aspiration;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <h1 class="govuk-heading-l">Your career</h1>
        <p class="govuk-body">
          Record where you would like to go, see what each leadership role needs on the{' '}
          <a class="govuk-link" href="/careers/roles">
            role map
          </a>
          , and{' '}
          <a class="govuk-link" href="/careers/opportunities">
            have a go
          </a>{' '}
          at something new.
        </p>
        <h2 class="govuk-heading-m">Your aspiration</h2>
        {a ? (
          <>
            <SummaryList
              rows={[
                { key: { text: 'Role' }, value: { html: link(`/careers/roles/${a.role_id}`, a.roleTitle) } },
                { key: { text: 'When' }, value: { text: TIMEFRAMES[a.timeframe] ?? a.timeframe } },
                {
                  key: { text: 'What holds you back' },
                  value: {
                    text:
                      parseList(a.barriers)
                        .map((b) => BARRIERS[b] ?? b)
                        .join(', ') || 'Nothing you named',
                  },
                },
                { key: { text: 'Support you would like' }, value: { text: a.support || 'None given' } },
                { key: { text: 'Who can see it' }, value: { text: SHARING[a.sharing] } },
              ]}
            />
            <p class="govuk-body">
              <a class="govuk-link" href="/careers/aspiration">
                Change your aspiration
              </a>
            </p>
          </>
        ) : (
          <>
            <p class="govuk-body">You have not recorded an aspiration yet. Only you will see it unless you choose to share it with your line manager.</p>
            <p class="govuk-body">
              <a class="govuk-link" href="/careers/aspiration">
                Record your aspiration
              </a>
            </p>
          </>
        )}
        <h2 class="govuk-heading-m">Your career conversations</h2>
        {d.conversations.length === 0 ? (
          <p class="govuk-body">You have not had a career conversation recorded yet. Your line manager records one with you.</p>
        ) : (
          <ul class="govuk-list">
            {d.conversations.map((c) => (
              <li>
                <a class="govuk-link" href={`/careers/conversations/${c.id}`}>
                  {formatDate(c.held_on)} with {c.managerName}
                </a>
                {c.confirmed_at ? null : ' (waiting for you to confirm)'}
              </li>
            ))}
          </ul>
        )}
        {d.openActions.length > 0 ? (
          <Table
            caption="Your next steps"
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'Next step' }, { text: 'Who' }, { text: 'Due' }]}
            rows={d.openActions.map((x) => [
              { html: link(`/careers/conversations/${x.conversation_id}`, x.description) },
              { text: x.ownerName },
              { text: `${formatDate(x.due_on)}${x.overdue ? ' (overdue)' : ''}` },
            ])}
          />
        ) : null}
        <h2 class="govuk-heading-m">Opportunities you have asked about</h2>
        {d.interests.length === 0 ? (
          <p class="govuk-body">
            None yet.{' '}
            <a class="govuk-link" href="/careers/opportunities">
              See the opportunities open now
            </a>
            .
          </p>
        ) : (
          <ul class="govuk-list">
            {d.interests.map((i) => (
              <li>
                <a class="govuk-link" href={`/careers/opportunities/${i.opportunity_id}`}>
                  {i.title}
                </a>{' '}
                <StatusTag text={INTEREST_STATUS_TEXT[i.status]} colour={INTEREST_COLOUR[i.status]} />
              </li>
            ))}
          </ul>
        )}
        <h2 class="govuk-heading-m">Your experience</h2>
        {d.experiences.length === 0 ? (
          <p class="govuk-body">When you have done an opportunity and the person who posted it verifies it, it is listed here and on your record.</p>
        ) : (
          <ul class="govuk-list govuk-list--bullet">
            {d.experiences.map((e) => (
              <li>
                {e.title} ({OPPORTUNITY_KINDS[e.kind]}), verified on {formatDate(e.completed_at)}
                {e.verified_note ? `: “${e.verified_note}”` : ''}
              </li>
            ))}
          </ul>
        )}
        <h2 class="govuk-heading-m">Your development</h2>
        {d.development.length === 0 ? (
          <p class="govuk-body">
            Nothing marked yet.{' '}
            <a class="govuk-link" href="/careers/directory">
              See the development directory
            </a>
            : NPQs, the Chartered College, networks and local offers.
          </p>
        ) : (
          <ul class="govuk-list">
            {d.development.map((m) => (
              <li>
                <a class="govuk-link" href={`/careers/directory/${m.item_id}`}>
                  {m.title}
                </a>{' '}
                ({MARK_STATUS_TEXT[m.status].toLowerCase()})
              </li>
            ))}
          </ul>
        )}
        {d.reports.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">People you line manage</h2>
            <Table
              caption="People you line manage"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Name' }, { text: 'Aspiration' }]}
              rows={d.reports.map((r) => [
                { html: link(`/people/${r.id}/careers`, `${r.given_name} ${r.family_name}`) },
                { text: r.aspiration ?? 'Not shared with you' },
              ])}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}

// ----- Aspiration -----

export function AspirationPage(props: { data: AspirationForm; values: FormValues; barriers: string[]; errors?: FieldErrors }) {
  const v = props.values;
  const roles = props.data.roles;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Your aspiration</h1>
        <p class="govuk-body">Where would you like to go next? There are no wrong answers, and you can change it at any time.</p>
        <form method="post" action="/careers/aspiration" novalidate>
          <Radios
            name="roleId"
            idPrefix="roleId"
            fieldset={{ legend: { text: 'Which role would you like to work towards?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'The roles on your organisation’s role map. Each says what the role does.' }}
            items={roles.map((r) => ({ value: r.id, text: r.title, hint: { text: `${TRACKS[r.track]}, ${TIERS[r.tier].toLowerCase()}` } }))}
            value={v.roleId}
            errorMessage={errorFor(props.errors, 'roleId')}
          />
          <Radios
            name="timeframe"
            idPrefix="timeframe"
            fieldset={{ legend: { text: 'When would you like to get there?', classes: 'govuk-fieldset__legend--m' } }}
            items={Object.entries(TIMEFRAMES).map(([value, text]) => ({ value, text }))}
            value={v.timeframe}
            errorMessage={errorFor(props.errors, 'timeframe')}
          />
          <Checkboxes
            name="barriers"
            idPrefix="barriers"
            fieldset={{ legend: { text: 'Is anything holding you back?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Select all that apply. Nobody else sees yours: the organisation only sees how many people name each one.' }}
            items={Object.entries(BARRIERS).map(([value, text]) => ({ value, text }))}
            values={props.barriers}
            errorMessage={errorFor(props.errors, 'barriers')}
          />
          <Textarea
            id="support"
            name="support"
            label={{ text: 'What support would you like?', classes: 'govuk-label--m' }}
            hint={{ text: 'For example, shadowing a deputy head, a coach, or time to do an NPQ.' }}
            value={v.support}
            errorMessage={errorFor(props.errors, 'support')}
          />
          <Radios
            name="sharing"
            idPrefix="sharing"
            fieldset={{ legend: { text: 'Who can see your aspiration?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Your line manager sees the role, when, and the support you would like — never what holds you back.' }}
            items={Object.entries(SHARING).map(([value, text]) => ({ value, text }))}
            value={v.sharing ?? 'only_me'}
            errorMessage={errorFor(props.errors, 'sharing')}
          />
          <Button text="Save your aspiration" />
        </form>
      </div>
    </div>
  );
}

// ----- A report's careers, for their line manager -----

export function PersonCareersPage(props: { data: PersonCareers; values: FormValues; errors?: FieldErrors; banner?: string; viewerId: string }) {
  const d = props.data;
  const name = `${d.person.given_name} ${d.person.family_name}`;
  const owners = [
    { id: d.person.id, name },
    { id: props.viewerId, name: 'You' },
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">{d.person.job_title}</span>
        <h1 class="govuk-heading-l">{name}: career</h1>
        <h2 class="govuk-heading-m">Their aspiration</h2>
        {d.aspiration ? (
          <SummaryList
            rows={[
              { key: { text: 'Role' }, value: { text: d.aspiration.roleTitle } },
              { key: { text: 'When' }, value: { text: TIMEFRAMES[d.aspiration.timeframe] ?? d.aspiration.timeframe } },
              { key: { text: 'Support they would like' }, value: { text: d.aspiration.support || 'None given' } },
              { key: { text: 'Last changed' }, value: { text: formatDate(d.aspiration.updatedAt) } },
            ]}
          />
        ) : (
          <p class="govuk-body">{d.person.given_name} has not shared an aspiration with you.</p>
        )}
        <h2 class="govuk-heading-m">Career conversations</h2>
        {d.conversations.length === 0 ? (
          <p class="govuk-body">No career conversations recorded yet.</p>
        ) : (
          <Table
            caption="Career conversations"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Date' }, { text: 'With' }, { text: 'Open next steps' }, { text: 'Confirmed' }]}
            rows={d.conversations.map((c) => [
              { html: link(`/careers/conversations/${c.id}`, formatDate(c.held_on)) },
              { text: c.managerName },
              { text: String(c.openActions) },
              { text: c.confirmed_at ? formatDate(c.confirmed_at) : 'Not yet' },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Record a career conversation</h2>
        <p class="govuk-body">Write it up together. {d.person.given_name} is asked to confirm it is a fair record, and you both see it.</p>
        <form method="post" action={`/people/${d.person.id}/careers/conversations`} novalidate>
          <DateField prefix="held" legend="When did you talk?" hint="For example, 27 11 2026" values={props.values} errors={props.errors} />
          <Textarea
            id="discussed"
            name="discussed"
            label={{ text: 'What you discussed', classes: 'govuk-label--s' }}
            value={props.values.discussed}
            errorMessage={errorFor(props.errors, 'discussed')}
          />
          <Input
            id="aspirationAgreed"
            name="aspirationAgreed"
            label={{ text: 'The aspiration you agreed (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, “Head of year within two years”.' }}
            value={props.values.aspirationAgreed}
            errorMessage={errorFor(props.errors, 'aspirationAgreed')}
          />
          {[1, 2, 3].map((n) => (
            <ActionFields
              prefix={`action${n}`}
              legend={`Next step ${n} (optional)`}
              owners={owners}
              links={d.stepLinks}
              values={props.values}
              errors={props.errors}
            />
          ))}
          <Button text="Record the conversation" />
        </form>
      </div>
    </div>
  );
}

// ----- One conversation -----

export function ConversationView(props: { data: ConversationPage; values: FormValues; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const c = d.conversation;
  const open = d.actions.filter((a) => a.done_at === null);
  const done = d.actions.filter((a) => a.done_at !== null);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Career conversation on {formatDate(c.held_on)}</h1>
        <SummaryList
          rows={[
            { key: { text: 'Between' }, value: { text: `${d.personName} and ${d.managerName} (line manager)` } },
            { key: { text: 'What you discussed' }, value: { text: c.discussed } },
            { key: { text: 'Aspiration agreed' }, value: { text: c.aspiration_agreed || 'None recorded' } },
            {
              key: { text: 'Confirmed' },
              value: {
                text: c.confirmed_at
                  ? `${d.personName} confirmed this record on ${formatDate(c.confirmed_at)}`
                  : `${d.personName} has not confirmed this record yet`,
              },
            },
          ]}
        />
        {d.role === 'person' && !c.confirmed_at ? (
          <form method="post" action={`/careers/conversations/${c.id}/confirm`}>
            <Button text="Confirm this is a fair record" />
          </form>
        ) : null}
        <h2 class="govuk-heading-m">Next steps</h2>
        {open.length === 0 ? (
          <p class="govuk-body">No open next steps.</p>
        ) : (
          <ul class="govuk-list">
            {open.map((a) => (
              <li>
                <strong>{a.description}</strong> — {a.ownerName}, due {formatDate(a.due_on)}
                {a.overdue ? ' (overdue)' : ''}
                {a.link ? (
                  <>
                    {' '}
                    (see{' '}
                    <a class="govuk-link" href={a.link.href}>
                      {a.link.title}
                    </a>
                    )
                  </>
                ) : null}{' '}
                <PostLink action={`/careers/next-steps/${a.id}/done`} text="Mark as done" visuallyHiddenText={a.description} classes="govuk-!-display-inline" />
              </li>
            ))}
          </ul>
        )}
        {done.length > 0 ? (
          <>
            <h3 class="govuk-heading-s">Done</h3>
            <ul class="govuk-list govuk-list--bullet">
              {done.map((a) => (
                <li>
                  {a.description} — done on {formatDate(a.done_at)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <form method="post" action={`/careers/conversations/${c.id}/actions`} novalidate>
          <ActionFields
            prefix="action"
            legend="Add a next step"
            owners={[
              { id: c.person_id, name: d.role === 'person' ? 'You' : d.personName },
              { id: c.manager_id, name: d.role === 'manager' ? 'You' : d.managerName },
            ]}
            links={d.stepLinks}
            values={props.values}
            errors={props.errors}
          />
          <Button text="Add the next step" classes="govuk-button--secondary" />
        </form>
      </div>
    </div>
  );
}

// ----- The role map -----

export function RoleMapPage(props: { data: RoleMap; banner?: string }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <h1 class="govuk-heading-l">Role map</h1>
        <p class="govuk-body">
          The leadership roles in our schools and trust, for teaching and associate staff, and the skills from the framework each leans on.
        </p>
        {d.canEdit ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/careers/roles/new">
              Add a role
            </a>
          </p>
        ) : null}
        {d.tracks.map((t) => (
          <>
            <h2 class="govuk-heading-m">{t.title}</h2>
            {t.tiers.map((tier) => (
              <>
                <h3 class="govuk-heading-s">{tier.title}</h3>
                <ul class="govuk-list">
                  {tier.roles.map((r) => (
                    <li>
                      <a class="govuk-link" href={`/careers/roles/${r.id}`}>
                        {r.title}
                      </a>
                      {r.id === d.aspirationRoleId ? ' (your aspiration)' : ''}
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </>
        ))}
      </div>
    </div>
  );
}

export function RoleView(props: { data: RolePage; banner?: string }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <span class="govuk-caption-l">
          {TRACKS[d.role.track]}, {TIERS[d.role.tier].toLowerCase()}
        </span>
        <h1 class="govuk-heading-l">{d.role.title}</h1>
        <Paragraphs text={d.role.summary} />
        {d.isAspiration ? (
          <InsetText text="This is the role you aspire to. Below is your experience so far against its skills, and what is open now to build them." />
        ) : null}
        {d.canEdit ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/careers/roles/${d.role.id}/edit`}>
              Change this role
            </a>
          </p>
        ) : null}
        <h2 class="govuk-heading-m">Skills it leans on</h2>
        {d.skills.length === 0 ? (
          <p class="govuk-body">No skills are linked to this role yet.</p>
        ) : (
          <Table
            caption="Skills, your experience and opportunities"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Skill' }, { text: 'Your verified experience' }, { text: 'Open opportunities' }]}
            rows={d.skills.map((s) => [
              { text: `${s.code} ${s.title}` },
              { text: s.evidence.length === 0 ? 'None yet' : s.evidence.map((e) => e.title).join('; ') },
              { html: s.opportunities.length === 0 ? 'None open' : s.opportunities.map((o) => link(`/careers/opportunities/${o.id}`, o.title)).join('<br>') },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Development for this role</h2>
        {d.development.length === 0 ? (
          <p class="govuk-body">Nothing in the development directory is linked to this role or its skills yet.</p>
        ) : (
          <ul class="govuk-list">
            {d.development.map((item) => (
              <li>
                <a class="govuk-link" href={`/careers/directory/${item.id}`}>
                  {item.title}
                </a>
                {item.forThisRole ? ' (for this role)' : ''}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function RoleFormPage(props: { data: RoleForm; values: FormValues; ticked: string[]; errors?: FieldErrors }) {
  const d = props.data;
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">{d.role ? `Change ${d.role.title}` : 'Add a role'}</h1>
        <form method="post" action={d.role ? `/careers/roles/${d.role.id}` : '/careers/roles'} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Name of the role', classes: 'govuk-label--s' }}
            value={v.title}
            errorMessage={errorFor(props.errors, 'title')}
          />
          <Radios
            name="track"
            idPrefix="track"
            classes="govuk-radios--inline"
            fieldset={{ legend: { text: 'Who is it for?', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(TRACKS).map(([value, text]) => ({ value, text }))}
            value={v.track}
            errorMessage={errorFor(props.errors, 'track')}
          />
          <Radios
            name="tier"
            idPrefix="tier"
            fieldset={{ legend: { text: 'Level of leadership', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(TIERS).map(([value, text]) => ({ value, text }))}
            value={v.tier}
            errorMessage={errorFor(props.errors, 'tier')}
          />
          <Textarea
            id="summary"
            name="summary"
            label={{ text: 'What the role does', classes: 'govuk-label--s' }}
            value={v.summary}
            errorMessage={errorFor(props.errors, 'summary')}
          />
          <SkillCheckboxes frameworks={d.frameworks} ticked={props.ticked} errors={props.errors} legend="Skills it leans on" />
          <Button text="Save the role" />
        </form>
      </div>
    </div>
  );
}

// ----- Opportunities -----

export function BoardPage(props: { data: Board; banner?: string }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <Banner text={props.banner} />
        <h1 class="govuk-heading-l">Have a go</h1>
        <p class="govuk-body">
          Short opportunities to try leadership: shadowing, acting up, leading a working party or some INSET, or a small project. Open to associate staff and
          early career teachers too, unless the opportunity says otherwise.
        </p>
        {d.canPost ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/careers/opportunities/new">
              Post an opportunity
            </a>
          </p>
        ) : null}
        <h2 class="govuk-heading-m">Open now</h2>
        {d.open.length === 0 ? (
          <p class="govuk-body">There are no opportunities open just now.</p>
        ) : (
          <Table
            caption="Opportunities open now"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Opportunity' }, { text: 'Kind' }, { text: 'Time needed' }, { text: 'Closes' }, { text: 'You' }]}
            rows={d.open.map((o) => [
              { html: `${link(`/careers/opportunities/${o.id}`, o.title)}<br><span class="govuk-hint">Posted by ${esc(o.posterName)}</span>` },
              { text: OPPORTUNITY_KINDS[o.kind] },
              { text: o.time_needed },
              { text: formatDate(o.closes_on) },
              { text: o.myStatus ? INTEREST_STATUS_TEXT[o.myStatus] : '' },
            ])}
          />
        )}
        {d.posted.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Opportunities you posted</h2>
            <Table
              caption="Opportunities you posted"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Opportunity' }, { text: 'Interested' }, { text: 'Places filled' }, { text: 'Closes' }]}
              rows={d.posted.map((o) => [
                { html: link(`/careers/opportunities/${o.id}`, o.title) },
                { text: String(o.interested) },
                { text: `${o.chosen} of ${o.places}` },
                { text: o.closed ? `Closed on ${formatDate(o.closes_on)}` : formatDate(o.closes_on) },
              ])}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}

export function OpportunityFormPage(props: { data: OpportunityForm; values: FormValues; ticked: string[]; errors?: FieldErrors }) {
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Post an opportunity</h1>
        <form method="post" action="/careers/opportunities" novalidate>
          <Input id="title" name="title" label={{ text: 'Title', classes: 'govuk-label--s' }} value={v.title} errorMessage={errorFor(props.errors, 'title')} />
          <Radios
            name="kind"
            idPrefix="kind"
            fieldset={{ legend: { text: 'Kind of opportunity', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(OPPORTUNITY_KINDS).map(([value, text]) => ({ value, text }))}
            value={v.kind}
            errorMessage={errorFor(props.errors, 'kind')}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'What the person will do', classes: 'govuk-label--s' }}
            value={v.description}
            errorMessage={errorFor(props.errors, 'description')}
          />
          <SkillCheckboxes frameworks={props.data.frameworks} ticked={props.ticked} errors={props.errors} legend="Skills it develops" />
          <Input
            id="timeNeeded"
            name="timeNeeded"
            label={{ text: 'Time needed', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, “an hour a week for six weeks”.' }}
            value={v.timeNeeded}
            errorMessage={errorFor(props.errors, 'timeNeeded')}
          />
          <DateField prefix="starts" legend="Starts" values={v} errors={props.errors} />
          <DateField prefix="ends" legend="Ends" values={v} errors={props.errors} />
          <DateField prefix="closes" legend="Interest closes" values={v} errors={props.errors} />
          <Radios
            name="openTo"
            idPrefix="openTo"
            fieldset={{ legend: { text: 'Who may express interest', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(OPEN_TO).map(([value, text]) => ({ value, text }))}
            value={v.openTo ?? 'all'}
            errorMessage={errorFor(props.errors, 'openTo')}
          />
          <Input
            id="places"
            name="places"
            inputmode="numeric"
            classes="govuk-input--width-3"
            label={{ text: 'Places', classes: 'govuk-label--s' }}
            value={v.places}
            errorMessage={errorFor(props.errors, 'places')}
          />
          <Button text="Post the opportunity" />
        </form>
      </div>
    </div>
  );
}

export function OpportunityView(props: { data: OpportunityPage; values: FormValues; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const o = d.opportunity;
  const mine = d.myInterest;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">{OPPORTUNITY_KINDS[o.kind]}</span>
        <h1 class="govuk-heading-l">{o.title}</h1>
        <Paragraphs text={o.description} />
        <SummaryList
          rows={[
            { key: { text: 'Posted by' }, value: { text: d.posterName } },
            { key: { text: 'Skills it develops' }, value: { text: d.skills.map((s) => `${s.code} ${s.title}`).join('; ') || 'None named' } },
            { key: { text: 'Time needed' }, value: { text: o.time_needed } },
            { key: { text: 'Dates' }, value: { text: `${formatDate(o.starts_on)} to ${formatDate(o.ends_on)}` } },
            { key: { text: 'Open to' }, value: { text: OPEN_TO[o.open_to] } },
            { key: { text: 'Places' }, value: { text: `${o.places} (${d.placesLeft} left)` } },
            { key: { text: 'Interest closes' }, value: { text: formatDate(o.closes_on) } },
          ]}
        />
        {d.isPoster ? (
          <PosterSection data={d} values={props.values} errors={props.errors} />
        ) : mine ? (
          <>
            <h2 class="govuk-heading-m">Your interest</h2>
            <p class="govuk-body">
              <StatusTag text={INTEREST_STATUS_TEXT[mine.status]} colour={INTEREST_COLOUR[mine.status]} />
            </p>
            <p class="govuk-body">You wrote: “{mine.line}”</p>
            {mine.status === 'not_chosen' && mine.reason ? <InsetText text={`${d.posterName}’s reason: ${mine.reason}`} /> : null}
            {mine.status === 'completed' ? <p class="govuk-body">Verified on {formatDate(mine.completed_at)}: it is on your record.</p> : null}
          </>
        ) : d.isClosed ? (
          <p class="govuk-body">Interest closed on {formatDate(o.closes_on)}.</p>
        ) : !d.mayApply ? (
          <p class="govuk-body">This opportunity is open to {OPEN_TO[o.open_to].toLowerCase()} only.</p>
        ) : (
          <form method="post" action={`/careers/opportunities/${o.id}/interest`} novalidate>
            <Textarea
              id="line"
              name="line"
              rows={3}
              label={{ text: 'Why would you like to have a go?', classes: 'govuk-label--m' }}
              hint={{ text: 'A line is enough. It goes to the person who posted it.' }}
              value={props.values.line}
              errorMessage={errorFor(props.errors, 'line')}
            />
            <Button text="Express interest" />
          </form>
        )}
      </div>
    </div>
  );
}

function PosterSection(props: { data: OpportunityPage; values: FormValues; errors?: FieldErrors }) {
  const d = props.data;
  if (d.interests.length === 0)
    return (
      <>
        <h2 class="govuk-heading-m">People interested</h2>
        <p class="govuk-body">Nobody has expressed interest yet.</p>
      </>
    );
  return (
    <>
      <h2 class="govuk-heading-m">People interested</h2>
      {d.interests.map((i) => (
        <div class="govuk-summary-card">
          <div class="govuk-summary-card__title-wrapper">
            <h3 class="govuk-summary-card__title">{i.name}</h3>
          </div>
          <div class="govuk-summary-card__content">
            <p class="govuk-body">“{i.line}”</p>
            <p class="govuk-body">
              <StatusTag text={INTEREST_STATUS_TEXT[i.status]} colour={INTEREST_COLOUR[i.status]} />
              {i.reason && i.status === 'not_chosen' ? ` Reason given: ${i.reason}` : ''}
            </p>
            {i.status === 'interested' || i.status === 'not_chosen' ? (
              <form method="post" action={`/careers/interests/${i.id}/choose`}>
                <Button html={`Choose<span class="govuk-visually-hidden"> ${esc(i.name)}</span>`} classes="govuk-!-margin-bottom-2" />
              </form>
            ) : null}
            {i.status === 'interested' || i.status === 'chosen' ? (
              <form method="post" action={`/careers/interests/${i.id}/decline`} novalidate>
                <Input
                  id={`reason-${i.id}`}
                  name="reason"
                  label={{ text: `Reason for not choosing ${i.name} this time` }}
                  hint={{ text: 'They are told it.' }}
                  value={props.values[`reason-${i.id}`]}
                  errorMessage={errorFor(props.errors, `reason-${i.id}`)}
                />
                <Button html={`Not this time<span class="govuk-visually-hidden"> ${esc(i.name)}</span>`} classes="govuk-button--secondary" />
              </form>
            ) : null}
            {i.status === 'chosen' ? (
              <form method="post" action={`/careers/interests/${i.id}/complete`} novalidate>
                <Input
                  id={`note-${i.id}`}
                  name="note"
                  label={{ text: `What ${i.name} did well (optional)` }}
                  value={props.values[`note-${i.id}`]}
                  errorMessage={errorFor(props.errors, `note-${i.id}`)}
                />
                <Button html={`Verify it was done<span class="govuk-visually-hidden"> ${esc(i.name)}</span>`} classes="govuk-button--secondary" />
              </form>
            ) : null}
          </div>
        </div>
      ))}
    </>
  );
}

// ----- The development directory -----

export function DirectoryPage(props: { data: Directory; banner?: string }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <h1 class="govuk-heading-l">Development directory</h1>
        <p class="govuk-body">
          Qualifications, networks and courses outside school that build leadership. Mark what interests you, what you are doing and what you have done.
        </p>
        {d.canEdit ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/careers/directory/new">
              Add to the directory
            </a>
          </p>
        ) : null}
        {d.kinds.map((k) => (
          <>
            <h2 class="govuk-heading-m">{k.title}</h2>
            <ul class="govuk-list">
              {k.items.map((i) => (
                <li>
                  <a class="govuk-link" href={`/careers/directory/${i.id}`}>
                    {i.title}
                  </a>
                  {i.mark ? ` (${MARK_STATUS_TEXT[i.mark].toLowerCase()})` : ''}
                </li>
              ))}
            </ul>
          </>
        ))}
      </div>
    </div>
  );
}

export function DirectoryItemView(props: { data: DirectoryItemPage; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const i = d.item;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">{i.provider}</span>
        <h1 class="govuk-heading-l">{i.title}</h1>
        <Paragraphs text={i.description} />
        <SummaryList
          rows={[
            { key: { text: 'Who it is for' }, value: { text: i.who_for } },
            { key: { text: 'How long' }, value: { text: i.length } },
            { key: { text: 'Cost and funding' }, value: { text: i.cost } },
            { key: { text: 'Skills it builds' }, value: { text: d.skills.map((s) => `${s.code} ${s.title}`).join('; ') || 'None named' } },
            {
              key: { text: 'Roles it serves' },
              value: { html: d.roles.length === 0 ? 'Any' : d.roles.map((r) => link(`/careers/roles/${r.id}`, r.title)).join('<br>') },
            },
            { key: { text: 'Find out more' }, value: { html: `<a class="govuk-link" href="${esc(i.url)}" rel="noreferrer noopener">${esc(i.url)}</a>` } },
          ]}
        />
        {d.canEdit ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/careers/directory/${i.id}/edit`}>
              Change this entry
            </a>
          </p>
        ) : null}
        <form method="post" action={`/careers/directory/${i.id}/mark`} novalidate>
          <Radios
            name="status"
            idPrefix="status"
            fieldset={{ legend: { text: 'Where are you with it?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Only you and your line manager’s career conversations use this.' }}
            items={[...Object.entries(MARK_STATUS_TEXT).map(([value, text]) => ({ value, text })), { value: 'none', text: 'Not for me just now' }]}
            value={d.mark?.status}
            errorMessage={errorFor(props.errors, 'status')}
          />
          <Button text="Save" />
        </form>
      </div>
    </div>
  );
}

export function DirectoryItemFormPage(props: { data: DirectoryItemForm; values: FormValues; ticked: string[]; roles: string[]; errors?: FieldErrors }) {
  const d = props.data;
  const v = props.values;
  const input = (name: string, label: string, hint?: string) => (
    <Input
      id={name}
      name={name}
      label={{ text: label, classes: 'govuk-label--s' }}
      hint={hint ? { text: hint } : undefined}
      value={v[name]}
      errorMessage={errorFor(props.errors, name)}
    />
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">{d.item ? `Change ${d.item.title}` : 'Add to the directory'}</h1>
        <form method="post" action={d.item ? `/careers/directory/${d.item.id}` : '/careers/directory'} novalidate>
          {input('title', 'Name')}
          {input('provider', 'Who provides it')}
          <Radios
            name="kind"
            idPrefix="kind"
            fieldset={{ legend: { text: 'Kind', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(DIRECTORY_KINDS).map(([value, text]) => ({ value, text }))}
            value={v.kind}
            errorMessage={errorFor(props.errors, 'kind')}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'What it is', classes: 'govuk-label--s' }}
            value={v.description}
            errorMessage={errorFor(props.errors, 'description')}
          />
          {input('whoFor', 'Who it is for')}
          {input('length', 'How long it takes')}
          {input('cost', 'Cost and funding')}
          {input('url', 'Link', 'Where people find out more, starting https://')}
          <Checkboxes
            name="roles"
            idPrefix="roles"
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: 'Roles it serves', classes: 'govuk-fieldset__legend--s' } }}
            items={d.roles.map((r) => ({ value: r.id, text: r.title }))}
            values={props.roles}
            errorMessage={errorFor(props.errors, 'roles')}
          />
          <SkillCheckboxes frameworks={d.frameworks} ticked={props.ticked} errors={props.errors} legend="Skills it builds" />
          <Button text="Save" />
        </form>
      </div>
    </div>
  );
}

// ----- Leadership vacancies -----

/** "A, B and C". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function whereLooking(d: VacanciesPage): string {
  if (d.area === 'organisation') return `near your organisation’s schools (${listed(d.authorities)})`;
  if (d.area === 'chosen') return `in ${d.chosenDistricts.join(', ')}`;
  return 'anywhere in England';
}

export function VacanciesView(props: { data: VacanciesPage; values: FormValues; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Banner text={props.banner} />
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Leadership vacancies</h1>
        {d.role === null ? (
          <p class="govuk-body">
            <a class="govuk-link" href="/careers/aspiration">
              Record your aspiration
            </a>{' '}
            to see vacancies for the role you would like.
          </p>
        ) : !d.role.matchable ? (
          <p class="govuk-body">
            {d.role.title} was added by your organisation, so vacancies are not matched to it. Choose a role from the starter role map to see vacancies.
          </p>
        ) : (
          <p class="govuk-body">
            Vacancies for {d.role.title.toLowerCase()} roles {whereLooking(d)}, newest first.
          </p>
        )}
        <form method="post" action="/careers/vacancies/settings" novalidate>
          <Radios
            name="area"
            idPrefix="area"
            classes="govuk-radios--small"
            fieldset={{ legend: { text: 'Where to look', classes: 'govuk-fieldset__legend--s' } }}
            items={[
              ...(d.authorities.length > 0
                ? [{ value: 'organisation', text: `Near my organisation’s schools`, hint: { text: `In ${listed(d.authorities)}` } }]
                : []),
              { value: 'chosen', text: 'In the postcode districts below' },
              { value: 'anywhere', text: 'Anywhere in England' },
            ]}
            value={props.values.area ?? d.area}
            errorMessage={errorFor(props.errors, 'area')}
          />
          <Input
            id="districts"
            name="districts"
            label={{ text: 'Postcode districts', classes: 'govuk-label--s' }}
            hint={{ text: 'Separated by commas, for example LS11, WF2. Up to 10.' }}
            value={props.values.districts ?? d.chosenDistricts.join(', ')}
            errorMessage={errorFor(props.errors, 'districts')}
          />
          <Checkboxes
            name="jobAlerts"
            idPrefix="jobAlerts"
            classes="govuk-checkboxes--small"
            fieldset={{ legend: { text: 'Job alerts', classes: 'govuk-fieldset__legend--s' } }}
            items={[
              {
                value: 'weekly',
                text: 'Email me new matching vacancies once a week',
                hint: { text: 'Only weeks with something new. You can stop them here at any time.' },
              },
            ]}
            values={
              (props.values.districts !== undefined || props.values.area !== undefined ? props.values.jobAlerts === 'weekly' : d.jobAlerts) ? ['weekly'] : []
            }
            errorMessage={errorFor(props.errors, 'jobAlerts')}
          />
          <Button text="Save where to look" classes="govuk-button--secondary" />
        </form>
        {d.role?.matchable ? (
          d.vacancies.length === 0 ? (
            <p class="govuk-body">There are no matching vacancies just now.</p>
          ) : (
            <ul class="govuk-list">
              {
                // A list of up to 50 written as one escaped template: several times quicker than an element each.
                d.vacancies.map(
                  (v) =>
                    html`<li class="govuk-!-margin-bottom-4"><a class="govuk-link" href="${v.url}" rel="noreferrer noopener">${v.title}</a><br><span class="govuk-hint">${v.employer}${v.postcode ? `, ${v.postcode}` : ''}. Closes ${formatDate(v.valid_through.slice(0, 10))}.</span></li>`,
                )
              }
            </ul>
          )
        ) : null}
        <p class="govuk-body-s">
          Vacancies from Teaching Vacancies, the Department for Education’s free job service. Contains public sector information licensed under the{' '}
          <a class="govuk-link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
            Open Government Licence v3.0
          </a>
          .
        </p>
      </div>
    </div>
  );
}
