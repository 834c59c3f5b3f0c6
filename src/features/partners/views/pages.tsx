import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { formatDate } from '../../../platform/dates';
import { Button, Checkboxes, DateInput, Input, Radios } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { SchoolPicker, type SchoolListEntry } from '../../establishments';
import { LEADERSHIP_LEVELS } from '../../staff';
import { OPEN_TO_LABELS, type OpenCohort } from '../partners.service';
import type { OpenTo } from '../partners.tables';

export function OpeningPage(props: {
  programme: { id: string; title: string };
  openTo: OpenTo;
  partnerIds: string[];
  organisations: { id: string; name: string }[];
  errors?: FieldErrors | undefined;
  saved?: boolean;
}) {
  const { programme } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        {props.saved ? (
          <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="saved-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="saved-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">Who may apply is saved</p>
            </div>
          </div>
        ) : null}
        <span class="govuk-caption-l">{programme.title}</span>
        <h1 class="govuk-heading-l">Who may apply</h1>
        <p class="govuk-body">Every cohort of this programme takes applications from the people you choose here.</p>
        <form method="post" action={`/programmes/${programme.id}/opening`} novalidate>
          <Radios
            name="openTo"
            fieldset={{ legend: { text: 'Who may apply', classes: 'govuk-visually-hidden' } }}
            value={props.openTo}
            errorMessage={errorFor(props.errors, 'openTo')}
            items={[
              { value: 'own_staff', text: OPEN_TO_LABELS.own_staff },
              {
                value: 'partners',
                text: OPEN_TO_LABELS.partners,
                hint: { text: 'Their staff apply with their own accounts, and their line manager and headteacher endorse in Waymark.' },
              },
              {
                value: 'any_school',
                text: OPEN_TO_LABELS.any_school,
                hint: {
                  text: 'Anyone may sign up with their work email, choose their school from the school list and apply; their headteacher is asked by email.',
                },
              },
            ]}
          />
          {/* Not a conditional reveal: on a radio its aria-expanded breaks ARIA's rules, and this reads as well without JavaScript. */}
          {props.organisations.length > 0 ? (
            <Checkboxes
              name="partners"
              fieldset={{ legend: { text: 'Partner organisations', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Only if you chose named partner organisations above.' }}
              values={props.partnerIds}
              errorMessage={errorFor(props.errors, 'partners')}
              items={props.organisations.map((o) => ({ value: o.id, text: o.name }))}
            />
          ) : null}
          <Button text="Save" />
        </form>
        <p class="govuk-body">
          <a class="govuk-link" href={`/programmes/${programme.id}`}>
            Back to {programme.title}
          </a>
        </p>
      </div>
    </div>
  );
}

export function OpenProgrammesPage({ cohorts }: { cohorts: OpenCohort[] }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Programmes open to staff of any school</h1>
        {cohorts.length === 0 ? (
          <p class="govuk-body">No programme is taking applications from other schools at the moment.</p>
        ) : (
          cohorts.map((c) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                  {c.programmeTitle}: {c.cohortName}
                </h2>
              </div>
              <div class="govuk-summary-card__content">
                <p class="govuk-body">{c.programmeSummary}</p>
                <p class="govuk-body">
                  Run by {c.providerName}. Applications close on {formatDate(c.closesOn)}; the cohort starts on {formatDate(c.startsOn)}.
                </p>
                <a class="govuk-link" href={`/open-programmes/${c.cohortId}`}>
                  Apply for {c.programmeTitle}, {c.cohortName}
                </a>
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

export function SignUpPage(props: { cohort: OpenCohort; values: FormValues; errors?: FieldErrors | undefined }) {
  const { cohort } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">
          {cohort.programmeTitle}: {cohort.cohortName}
        </span>
        <h1 class="govuk-heading-l">Apply from your school</h1>
        <p class="govuk-body">
          {cohort.providerName} runs this programme for staff of any school in England. Give your work email address: we will send you a link to confirm it,
          then you tell us about your school and apply.
        </p>
        <p class="govuk-body">
          If you already have a Waymark account, <a href="/sign-in">sign in</a> instead.
        </p>
        <form method="post" action={`/open-programmes/${cohort.cohortId}`} novalidate>
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: 'Your work email address', classes: 'govuk-label--s' }}
            hint={{ text: 'The address you use at your school' }}
            autocomplete="email"
            spellcheck={false}
            value={props.values.email}
            errorMessage={errorFor(props.errors, 'email')}
          />
          <Button text="Send me a link" />
        </form>
      </div>
    </div>
  );
}

export function CheckEmailPage({ email }: { email: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Check your email</h1>
        <p class="govuk-body">We have sent an email to {email}. Follow the link in it to go on with your application.</p>
        <p class="govuk-body">If the address already has a Waymark account, the email has a link to sign in instead.</p>
        <p class="govuk-body">If nothing arrives in a few minutes, check your junk folder.</p>
      </div>
    </div>
  );
}

export function JoinPage(props: {
  token: string;
  cohort: OpenCohort;
  email: string;
  values: FormValues;
  results: SchoolListEntry[] | null;
  errors?: FieldErrors | undefined;
}) {
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">
          {props.cohort.programmeTitle}: {props.cohort.cohortName}
        </span>
        <h1 class="govuk-heading-l">About you and your school</h1>
        <p class="govuk-body">Your email address {props.email} is confirmed.</p>
        <form method="post" action={`/join/${props.token}`} novalidate>
          <Input
            id="givenName"
            name="givenName"
            label={{ text: 'First name' }}
            autocomplete="given-name"
            value={v.givenName}
            errorMessage={errorFor(props.errors, 'givenName')}
          />
          <Input
            id="familyName"
            name="familyName"
            label={{ text: 'Last name' }}
            autocomplete="family-name"
            value={v.familyName}
            errorMessage={errorFor(props.errors, 'familyName')}
          />
          <Input
            id="jobTitle"
            name="jobTitle"
            label={{ text: 'Job title' }}
            autocomplete="organization-title"
            value={v.jobTitle}
            errorMessage={errorFor(props.errors, 'jobTitle')}
          />
          <Radios
            name="staffType"
            fieldset={{ legend: { text: 'Are you teaching or support staff?', classes: 'govuk-fieldset__legend--s' } }}
            value={v.staffType}
            errorMessage={errorFor(props.errors, 'staffType')}
            items={[
              { value: 'teaching', text: 'Teaching staff' },
              { value: 'associate', text: 'Support staff', hint: { text: 'Teaching assistants, business and office staff, technicians and others' } },
            ]}
          />
          <Radios
            name="leadershipLevel"
            fieldset={{ legend: { text: 'Your leadership role now', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Programmes are for people at particular stages, so the provider needs to know' }}
            value={v.leadershipLevel}
            errorMessage={errorFor(props.errors, 'leadershipLevel')}
            items={Object.entries(LEADERSHIP_LEVELS).map(([value, text]) => ({ value, text }))}
          />
          <DateInput
            id="startedInSchoolsOn"
            namePrefix="startedInSchoolsOn"
            fieldset={{ legend: { text: 'When did you start teaching or working in schools?', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Some programmes are for people with a number of years in schools. For example, 1 9 2015' }}
            errorMessage={errorFor(props.errors, 'startedInSchoolsOn')}
            items={[
              {
                name: 'day',
                classes: `govuk-input--width-2${props.errors?.startedInSchoolsOn ? ' govuk-input--error' : ''}`,
                value: v['startedInSchoolsOn-day'],
              },
              {
                name: 'month',
                classes: `govuk-input--width-2${props.errors?.startedInSchoolsOn ? ' govuk-input--error' : ''}`,
                value: v['startedInSchoolsOn-month'],
              },
              {
                name: 'year',
                classes: `govuk-input--width-4${props.errors?.startedInSchoolsOn ? ' govuk-input--error' : ''}`,
                value: v['startedInSchoolsOn-year'],
              },
            ]}
          />
          <SchoolPicker query={v.schoolQuery ?? ''} results={props.results} chosenUrn={v.schoolUrn} errors={props.errors} />
          <HeadteacherFields
            intro="We will email your headteacher to ask for their support. They answer from the link, without an account."
            name={v.headteacherName}
            email={v.headteacherEmail}
            errors={props.errors}
          />
          <Button text="Continue to your application" name="action" value="join" />
        </form>
      </div>
    </div>
  );
}

export function SignUpLinkProblemPage({ reason }: { reason: 'unknown' | 'used' | 'expired' | 'closed' }) {
  const text =
    reason === 'used'
      ? 'This link has already been used. Sign in with your email address to go on with your application.'
      : reason === 'expired'
        ? 'This link has expired. Ask for a new one from the programme’s page.'
        : reason === 'closed'
          ? 'This cohort is no longer taking applications.'
          : 'This link is not right. Check you copied the whole link from the email.';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">This link does not work</h1>
        <p class="govuk-body">{text}</p>
        <p class="govuk-body">
          <a class="govuk-link" href="/open-programmes">
            See the programmes open to staff of any school
          </a>
        </p>
      </div>
    </div>
  );
}

/** An outside applicant's own school, role and headteacher, which they change themselves. */
export function OwnSchoolAndRolePage(props: { values: FormValues; results: SchoolListEntry[] | null; errors?: FieldErrors | undefined; saved?: boolean }) {
  const v = props.values;
  const dateError = props.errors?.startedInSchoolsOn ? ' govuk-input--error' : '';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        {props.saved ? (
          <div
            class="govuk-notification-banner govuk-notification-banner--success"
            role="alert"
            aria-labelledby="saved-title"
            data-module="govuk-notification-banner"
          >
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="saved-title">
                Success
              </h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">Your school and role are saved</p>
            </div>
          </div>
        ) : null}
        <h1 class="govuk-heading-l">Your school and role</h1>
        <p class="govuk-body">
          Your school is not on Waymark, so you keep these details up to date yourself. Programmes’ rules are checked against them when you submit an
          application. Applications you have not submitted yet also take your new school and headteacher.
        </p>
        <form method="post" action="/account/school-and-role" novalidate>
          <SchoolPicker query={v.schoolQuery ?? ''} results={props.results} chosenUrn={v.schoolUrn} errors={props.errors} />
          <Input
            id="jobTitle"
            name="jobTitle"
            label={{ text: 'Job title', classes: 'govuk-label--s' }}
            autocomplete="organization-title"
            value={v.jobTitle}
            errorMessage={errorFor(props.errors, 'jobTitle')}
          />
          <Radios
            name="leadershipLevel"
            fieldset={{ legend: { text: 'Your leadership role now', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Programmes are for people at particular stages, so the provider needs to know' }}
            value={v.leadershipLevel}
            errorMessage={errorFor(props.errors, 'leadershipLevel')}
            items={Object.entries(LEADERSHIP_LEVELS).map(([value, text]) => ({ value, text }))}
          />
          <DateInput
            id="startedInSchoolsOn"
            namePrefix="startedInSchoolsOn"
            fieldset={{ legend: { text: 'When did you start teaching or working in schools?', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'For example, 1 9 2015' }}
            errorMessage={errorFor(props.errors, 'startedInSchoolsOn')}
            items={[
              { name: 'day', classes: `govuk-input--width-2${dateError}`, value: v['startedInSchoolsOn-day'] },
              { name: 'month', classes: `govuk-input--width-2${dateError}`, value: v['startedInSchoolsOn-month'] },
              { name: 'year', classes: `govuk-input--width-4${dateError}`, value: v['startedInSchoolsOn-year'] },
            ]}
          />
          <HeadteacherFields
            intro="If you have moved school, give your new headteacher: they are asked to support your applications."
            name={v.headteacherName}
            email={v.headteacherEmail}
            errors={props.errors}
          />
          <Button text="Save your school and role" name="action" value="save" />
        </form>
      </div>
    </div>
  );
}

/** The headteacher's name and email address, asked of an applicant from a school not on Waymark. */
function HeadteacherFields(props: { intro: string; name: string | undefined; email: string | undefined; errors?: FieldErrors | undefined }) {
  return (
    <>
      <h2 class="govuk-heading-m">Your headteacher</h2>
      <p class="govuk-body">{props.intro}</p>
      <Input
        id="headteacherName"
        name="headteacherName"
        label={{ text: 'Headteacher’s name' }}
        value={props.name}
        errorMessage={errorFor(props.errors, 'headteacherName')}
      />
      <Input
        id="headteacherEmail"
        name="headteacherEmail"
        type="email"
        label={{ text: 'Headteacher’s email address' }}
        spellcheck={false}
        value={props.email}
        errorMessage={errorFor(props.errors, 'headteacherEmail')}
      />
    </>
  );
}
