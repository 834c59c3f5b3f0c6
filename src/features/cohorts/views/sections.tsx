import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, CharacterCount, Checkboxes, ErrorSummary, Input, Radios, Select, SummaryList, Textarea, WarningText } from '../../../platform/ui/components';
import { headteacherStandsForLineManager, parseStringList } from '../applications.rules';
import type { getCheckAnswers, getEditableSection } from '../applications.service';
import { PROJECT_WORD_LIMIT, SECTION_TITLES, type Section } from '../cohorts.schemas';
import { LEADERSHIP_LEVELS } from '../../staff';
import { Answers } from './application-answers';

type Editable = Awaited<ReturnType<typeof getEditableSection>>;

/** Form values for a section, from what is saved. */
export function sectionValues(data: Editable, section: Section): FormValues {
  const { app } = data;
  switch (section) {
    case 'role':
      return { currentRole: app.current_role ?? '', experience: app.experience ?? '' };
    case 'motivation':
      return { motivation: app.motivation ?? '' };
    case 'declarations':
      return {};
    case 'coach':
      if (app.coach_person_id) return { coachType: 'colleague', coachPersonId: app.coach_person_id };
      if (app.coach_name) return { coachType: 'external', coachName: app.coach_name, coachEmail: app.coach_email ?? '' };
      return {};
    case 'project':
      return { projectIdea: app.project_idea ?? '' };
    case 'headteacher':
      return { headteacherName: app.headteacher_name ?? '', headteacherEmail: app.headteacher_email ?? '' };
  }
}

const SUMMARY_IDS: Record<string, string> = { declarations: 'declarations', coachType: 'coachType', coachPersonId: 'coachPersonId' };

/** One question page of the application. */
export function SectionPage(props: { data: Editable; section: Section; values: FormValues; confirmed: string[]; errors?: FieldErrors }) {
  const { app, person, coachCandidates } = props.data;
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  const title = SECTION_TITLES[props.section];
  let fields: Child;
  switch (props.section) {
    case 'role':
      fields = (
        <>
          {app.school_urn && app.school_id === null ? (
            <p class="govuk-body">
              This is what your staff record says. Your school is not on Waymark, so you keep it up to date yourself:{' '}
              <a class="govuk-link" href="/account/school-and-role">
                change your school and role
              </a>
              .
            </p>
          ) : (
            <p class="govuk-body">This is what your staff record says. If something is wrong, ask your school admin to change it.</p>
          )}
          <SummaryList
            rows={[
              { key: { text: 'Job title' }, value: { text: person?.job_title ?? 'Not given' } },
              { key: { text: 'School' }, value: { text: person?.school_name ?? 'Central team (no school)' } },
              { key: { text: 'Leadership level' }, value: { text: person ? LEADERSHIP_LEVELS[person.leadership_level] : '' } },
            ]}
          />
          <Input
            id="currentRole"
            name="currentRole"
            label={{ text: 'Your current role', classes: 'govuk-label--s' }}
            hint={{ text: 'As you would describe it, for example Head of English and Year 9 pastoral lead' }}
            value={v.currentRole}
            errorMessage={err('currentRole')}
          />
          <Textarea
            id="experience"
            name="experience"
            rows={8}
            label={{ text: 'Your leadership experience so far', classes: 'govuk-label--s' }}
            hint={{ text: 'The teams, projects or changes you have led, and what happened as a result' }}
            value={v.experience}
            errorMessage={err('experience')}
          />
        </>
      );
      break;
    case 'motivation':
      fields = (
        <CharacterCount
          id="motivation"
          name="motivation"
          maxwords={app.motivation_word_limit}
          rows={10}
          label={{ text: 'Why do you want to take part?', classes: 'govuk-label--s' }}
          hint={{ text: 'What you hope to learn, and what difference it would make to you, your colleagues and your school' }}
          value={v.motivation}
          errorMessage={err('motivation')}
        />
      );
      break;
    case 'declarations': {
      const declarations = parseStringList(app.programme_declarations);
      fields =
        declarations.length === 0 ? (
          <>
            <p class="govuk-body">This programme does not ask you to confirm anything.</p>
            <input type="hidden" name="none" value="yes" />
          </>
        ) : (
          <Checkboxes
            idPrefix="declarations"
            name="declarations"
            fieldset={{ legend: { text: 'Confirm each statement', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'You must be able to confirm all of them to apply' }}
            values={props.confirmed}
            errorMessage={err('declarations')}
            items={declarations.map((d) => ({ value: d, text: d }))}
          />
        );
      break;
    }
    case 'coach':
      fields = (
        <>
          <p class="govuk-body">
            An in-school coach supports and challenges you throughout the programme. They are usually an experienced leader at your school who has agreed to
            coach you.
          </p>
          {/* No conditional reveals on radios: axe refuses the aria-expanded govuk-frontend adds to them (decision 0005). */}
          <Radios
            idPrefix="coachType"
            name="coachType"
            fieldset={{ legend: { text: 'Is your coach on Waymark?', classes: 'govuk-fieldset__legend--s' } }}
            value={v.coachType}
            errorMessage={err('coachType')}
            items={[
              { value: 'colleague', text: 'Yes, they are a colleague on Waymark' },
              { value: 'external', text: 'No, they are not on Waymark' },
            ]}
          />
          <h2 class="govuk-heading-s">If they are on Waymark</h2>
          <Select
            id="coachPersonId"
            name="coachPersonId"
            label={{ text: 'Your coach' }}
            items={[
              { value: '', text: 'Select a colleague' },
              ...coachCandidates.map((p) => ({ value: p.id, text: `${p.given_name} ${p.family_name}${p.job_title ? `, ${p.job_title}` : ''}` })),
            ]}
            value={v.coachPersonId ?? ''}
            errorMessage={err('coachPersonId')}
          />
          <h2 class="govuk-heading-s">If they are not on Waymark</h2>
          <Input
            id="coachName"
            name="coachName"
            label={{ text: 'Their full name' }}
            autocomplete="off"
            spellcheck={false}
            value={v.coachName}
            errorMessage={err('coachName')}
          />
          <Input
            id="coachEmail"
            name="coachEmail"
            type="email"
            label={{ text: 'Their email address' }}
            autocomplete="off"
            spellcheck={false}
            value={v.coachEmail}
            errorMessage={err('coachEmail')}
          />
        </>
      );
      break;
    case 'project':
      fields = (
        <CharacterCount
          id="projectIdea"
          name="projectIdea"
          maxwords={PROJECT_WORD_LIMIT}
          rows={10}
          label={{ text: 'What whole-school change would you lead?', classes: 'govuk-label--s' }}
          hint={{ text: 'The change, why your school needs it, and how you would know it had worked' }}
          value={v.projectIdea}
          errorMessage={err('projectIdea')}
        />
      );
      break;
    case 'headteacher': {
      const school = app.outside_school;
      fields = (
        <>
          <p class="govuk-body">
            {app.programme_title} needs your headteacher’s support. When you submit your application, we email them a link to read who has applied and say
            whether the school supports it. They don’t need an account.
          </p>
          {school ? (
            <SummaryList
              rows={[
                { key: { text: 'Your school' }, value: { text: `${school.name} (URN ${school.urn})` } },
                { key: { text: 'Address on the school list' }, value: { html: <>{school.address.map((line, i) => (i === 0 ? line : [<br />, line]))}</> } },
              ]}
            />
          ) : null}
          <Input
            id="headteacherName"
            name="headteacherName"
            label={{ text: 'Your headteacher’s full name', classes: 'govuk-label--s' }}
            autocomplete="off"
            spellcheck={false}
            value={v.headteacherName}
            errorMessage={err('headteacherName')}
          />
          <Input
            id="headteacherEmail"
            name="headteacherEmail"
            type="email"
            label={{ text: 'Their work email address', classes: 'govuk-label--s' }}
            hint={{ text: 'Their address at the school, so they can see the request is about your school' }}
            autocomplete="off"
            spellcheck={false}
            value={v.headteacherEmail}
            errorMessage={err('headteacherEmail')}
          />
        </>
      );
      break;
    }
  }
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, SUMMARY_IDS)} /> : null}
        <span class="govuk-caption-l">
          {app.programme_title}, {app.cohort_name}
        </span>
        <h1 class="govuk-heading-l">{title}</h1>
        <form method="post" action={`/applications/${app.id}/${props.section}`} novalidate>
          {fields}
          <div class="govuk-button-group">
            <Button text="Save and continue" />
            <a class="govuk-link" href={`/applications/${app.id}`}>
              Back to your application
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

type Check = Awaited<ReturnType<typeof getCheckAnswers>>;

/** Check your answers, with Change links; refusals at submission appear at the top. */
export function CheckPage(props: { view: Check; refusals?: Record<string, string> }) {
  const { app, sections, eligibility } = props.view;
  const refusals = props.refusals ?? {};
  const sectionKeys = new Set<string>(sections);
  const items = Object.entries(refusals).map(([key, text]) => ({ text, href: sectionKeys.has(key) ? `/applications/${app.id}/${key}` : '#submit' }));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {items.length > 0 ? <ErrorSummary titleText="Your application cannot be submitted yet" errorList={items} /> : null}
        <span class="govuk-caption-l">
          {app.programme_title}, {app.cohort_name}
        </span>
        <h1 class="govuk-heading-l">Check your answers before submitting your application</h1>
        {!eligibility.eligible && !refusals.eligibility ? (
          <WarningText text={`Your staff record does not meet this programme’s rules. ${eligibility.reasons.join(' ')}`} />
        ) : null}
        <Answers app={app} sections={sections} reader="applicant" changeBase={`/applications/${app.id}`} />
        <h2 class="govuk-heading-m">Now send your application</h2>
        <p class="govuk-body">
          {headteacherStandsForLineManager(app)
            ? 'When you submit, we email your headteacher a link to give their support. Your school is not on Waymark, so their support stands for your school and no line manager is asked.'
            : app.needs_line_manager
              ? `When you submit, your line manager is asked to endorse your application${app.needs_headteacher ? ', and then your headteacher is asked for their support' : ''}.`
              : app.needs_headteacher && app.school_urn
                ? 'When you submit, we email your headteacher a link to give their support.'
                : app.needs_headteacher
                  ? 'When you submit, your headteacher is asked for their support.'
                  : 'When you submit, the programme lead will consider your application.'}{' '}
          You cannot change your answers after you submit.
        </p>
        <form method="post" action={`/applications/${app.id}/submit`} novalidate>
          <Button text="Submit application" id="submit" preventDoubleClick />
        </form>
      </div>
    </div>
  );
}
