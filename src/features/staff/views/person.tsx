import { formatDate, formatDateTime } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import type { Child } from 'hono/jsx';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Input,
  NotificationBanner,
  PostLink,
  Radios,
  Select,
  SummaryList,
  Table,
  WarningText,
} from '../../../platform/ui/components';
import { LEADERSHIP_LEVELS, ROLE_NAMES, STAFF_TYPES } from '../staff.schemas';
import type { getPersonProfile } from '../staff.service';
import { PersonStatusTag } from './person-status-tag';

type Profile = Awaited<ReturnType<typeof getPersonProfile>>;

function invitationStatus(profile: Profile): string {
  const { person, invitation } = profile;
  if (person.has_password) return 'Has set a password and can sign in';
  if (!invitation) return 'Not invited yet';
  if (invitation.used_at) return 'Invitation replaced';
  return `Invited on ${formatDate(invitation.created_at)}; the invitation expires on ${formatDateTime(invitation.expires_at)}`;
}

export function PersonPage(props: {
  profile: Profile;
  isSelf: boolean;
  /** The school on the school list of someone from a school not on Waymark. */
  outsideSchool?: string | undefined;
  banner?: string;
  schools: { id: string; name: string }[];
  roleErrors?: FieldErrors;
  now: string;
}) {
  const { person, reports, roles, canEdit, canManageRoles, invitation } = props.profile;
  const name = `${person.given_name} ${person.family_name}`;
  const invitationExpired = invitation && !invitation.used_at && invitation.expires_at <= props.now;
  if (props.profile.view === 'line-manager') return <LineManagerCard profile={props.profile} />;
  const rows: [string, Child][] = [
    ['Email address', person.email],
    ['School', person.school_name ?? props.outsideSchool ?? 'Central team (no school)'],
    ['Job title', person.job_title ?? 'Not given'],
    ['Staff type', STAFF_TYPES[person.staff_type]],
    ['Started in schools', person.started_in_schools_on ? formatDate(person.started_in_schools_on) : 'Not given'],
    ['Leadership level', LEADERSHIP_LEVELS[person.leadership_level]],
    [
      'Line manager',
      person.line_manager_id ? (
        <>
          <a class="govuk-link" href={`/staff/${person.line_manager_id}`}>
            {person.manager_given_name} {person.manager_family_name}
          </a>
          {person.manager_status === 'deactivated' ? ' (deactivated)' : person.manager_status === 'being_erased' ? ' (being erased)' : ''}
        </>
      ) : (
        'None recorded'
      ),
    ],
    ['Teacher reference number (TRN)', person.trn ?? 'Not given'],
    ['MIS staff ID', person.mis_staff_id ?? 'Not given'],
  ];
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      {props.roleErrors ? <ErrorSummary titleText="There is a problem" errorList={errorList(props.roleErrors)} /> : null}
      <span class="govuk-caption-l">{props.isSelf ? 'Your staff record' : 'Staff record'}</span>
      <h1 class="govuk-heading-l">
        {name} <PersonStatusTag status={person.status} />
      </h1>
      {person.status === 'being_erased' ? (
        <WarningText
          text={`${person.given_name} is being erased at their request: they cannot sign in, and their record can no longer be changed. Once the erasure finishes, this record goes.`}
        />
      ) : null}
      {person.status === 'deactivated' ? (
        <WarningText text={`${person.given_name} was deactivated on ${formatDate(person.deactivated_at)} and cannot sign in.`} />
      ) : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SummaryList rows={rows.map(([key, value]) => ({ key: { text: key }, value: { html: <>{value}</> } }))} />
          {canEdit ? (
            <div class="govuk-button-group">
              <Button text="Change details" href={`/staff/${person.id}/edit`} classes="govuk-button--secondary" />
              {person.status === 'active' && !props.isSelf ? (
                <Button text="Deactivate" href={`/staff/${person.id}/deactivate`} classes="govuk-button--warning" />
              ) : null}
              {person.status === 'deactivated' ? (
                <form method="post" action={`/staff/${person.id}/reactivate`}>
                  <Button text="Reactivate" classes="govuk-button--secondary" />
                </form>
              ) : null}
            </div>
          ) : null}
          {props.isSelf && props.outsideSchool ? (
            <p class="govuk-body">
              <a class="govuk-link" href="/account/school-and-role">
                Change your school, job title, leadership level or start date
              </a>
            </p>
          ) : props.isSelf && !canEdit ? (
            <p class="govuk-body">If something here is wrong, ask your school’s Waymark administrator to change it.</p>
          ) : null}

          {canEdit && person.status === 'active' ? (
            <>
              <h2 class="govuk-heading-m">Access to Waymark</h2>
              <p class="govuk-body">{invitationExpired ? 'The invitation has expired.' : invitationStatus(props.profile)}</p>
              {!person.has_password ? (
                <form method="post" action={`/staff/${person.id}/invite`}>
                  <Button text={invitation ? 'Send the invitation again' : 'Send an invitation'} classes="govuk-button--secondary" />
                </form>
              ) : null}
            </>
          ) : null}

          <RolesHeld rolesHeld={props.profile.rolesHeld} isSelf={props.isSelf} givenName={person.given_name} />

          <h2 class="govuk-heading-m">Roles in Waymark</h2>
          {roles.length === 0 ? <p class="govuk-body">Member of staff (no administrative roles).</p> : null}
          {roles.length > 0 ? (
            <ul class="govuk-list">
              {roles.map((grant) => (
                <li>
                  {ROLE_NAMES[grant.role]}
                  {grant.school_name ? ` for ${grant.school_name}` : ''}
                  {canManageRoles ? (
                    <>
                      {' '}
                      <PostLink
                        action={`/staff/${person.id}/roles/${grant.id}/remove`}
                        text="Remove"
                        visuallyHiddenText={`the ${ROLE_NAMES[grant.role].toLowerCase()} role${grant.school_name ? ` for ${grant.school_name}` : ''}`}
                        classes="govuk-!-display-inline govuk-!-margin-left-2"
                      />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
          {canManageRoles && person.status === 'active' ? (
            <form method="post" action={`/staff/${person.id}/roles`} novalidate>
              <Select
                id="role"
                name="role"
                label={{ text: 'Give a role', classes: 'govuk-label--s' }}
                items={[{ value: '', text: 'Select a role' }, ...Object.entries(ROLE_NAMES).map(([value, text]) => ({ value, text }))]}
                errorMessage={props.roleErrors?.role ? { text: props.roleErrors.role } : undefined}
              />
              <Select
                id="schoolId"
                name="schoolId"
                label={{ text: 'School (for school admin only)', classes: 'govuk-label--s' }}
                items={[{ value: '', text: 'Select a school' }, ...props.schools.map((s) => ({ value: s.id, text: s.name }))]}
                errorMessage={props.roleErrors?.schoolId ? { text: props.roleErrors.schoolId } : undefined}
              />
              <Button text="Give role" classes="govuk-button--secondary" />
            </form>
          ) : null}

          <h2 class="govuk-heading-m">Line manages</h2>
          {reports.length === 0 ? <p class="govuk-body">No one.</p> : null}
          {reports.length > 0 ? (
            <ul class="govuk-list">
              {reports.map((r) => (
                <li>
                  <a class="govuk-link" href={`/staff/${r.id}`}>
                    {r.given_name} {r.family_name}
                  </a>
                  {r.job_title ? `, ${r.job_title}` : ''}
                  {r.status === 'deactivated' ? ' (deactivated)' : r.status === 'being_erased' ? ' (being erased)' : ''}
                </li>
              ))}
            </ul>
          ) : null}

          {props.profile.sections.map((section) => (
            <>
              <h2 class="govuk-heading-m">{section.heading}</h2>
              <ul class="govuk-list">
                {section.lines.map((line) => (
                  <li>
                    {line.href ? (
                      <a class="govuk-link" href={line.href}>
                        {line.text}
                      </a>
                    ) : (
                      line.text
                    )}
                    {line.status ? ` (${line.status.toLowerCase()})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ))}
        </div>
      </div>
    </>
  );
}

/** The job roles on the record over time, newest first: a change keeps the old role. */
function RolesHeld(props: { rolesHeld: Profile['rolesHeld']; isSelf: boolean; givenName: string }) {
  if (props.rolesHeld.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-m">Roles held</h2>
      <p class="govuk-body">
        {props.isSelf ? 'The jobs you have held' : `The jobs ${props.givenName} has held`} in the organisation, as the staff record has shown them, newest
        first.
      </p>
      <Table
        caption="Roles held"
        captionClasses="govuk-visually-hidden"
        head={[{ text: 'Job title' }, { text: 'Leadership level' }, { text: 'School' }, { text: 'From' }, { text: 'To' }]}
        rows={props.rolesHeld.map((role) => [
          { text: role.jobTitle ?? 'Not given' },
          { text: LEADERSHIP_LEVELS[role.leadershipLevel] },
          { text: role.schoolName ?? 'Central team (no school)' },
          { text: formatDate(role.from) },
          { text: role.to ? formatDate(role.to) : 'Now' },
        ])}
      />
    </>
  );
}

/** What a member of staff sees of their own line manager: who they are and how to reach them. */
function LineManagerCard(props: { profile: Profile }) {
  const { person } = props.profile;
  return (
    <>
      <span class="govuk-caption-l">Your line manager</span>
      <h1 class="govuk-heading-l">
        {person.given_name} {person.family_name}
      </h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: { text: 'Email address' },
                value: {
                  html: (
                    <a class="govuk-link" href={`mailto:${person.email}`}>
                      {person.email}
                    </a>
                  ),
                },
              },
              { key: { text: 'School' }, value: { text: person.school_name ?? 'Central team (no school)' } },
              { key: { text: 'Job title' }, value: { text: person.job_title ?? 'Not given' } },
            ]}
          />
        </div>
      </div>
    </>
  );
}

export function PersonFormPage(props: {
  heading: string;
  action: string;
  values: FormValues;
  errors?: FieldErrors;
  schools: { id: string; name: string }[];
  allowCentral: boolean;
  isNew: boolean;
  cancelHref: string;
}) {
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  const summaryIds = { startedInSchoolsOn: 'startedInSchoolsOn-day', staffType: 'staffType', schoolId: 'schoolId' };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds)} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Input
            id="title"
            name="title"
            label={{ text: 'Title (optional)' }}
            hint={{ text: 'How pupils address them, like Mr, Mrs, Ms, Mx or Dr. Pupils’ feedback forms name them this way (“Mr Walsh”).' }}
            classes="govuk-input--width-5"
            autocomplete="off"
            spellcheck={false}
            value={v.title}
            errorMessage={err('title')}
          />
          <Input
            id="givenName"
            name="givenName"
            label={{ text: 'First name' }}
            autocomplete="off"
            spellcheck={false}
            value={v.givenName}
            errorMessage={err('givenName')}
          />
          <Input
            id="familyName"
            name="familyName"
            label={{ text: 'Last name' }}
            autocomplete="off"
            spellcheck={false}
            value={v.familyName}
            errorMessage={err('familyName')}
          />
          <Input
            id="email"
            name="email"
            type="email"
            label={{ text: 'Work email address' }}
            hint={{ text: 'They will use this to sign in' }}
            autocomplete="off"
            spellcheck={false}
            value={v.email}
            errorMessage={err('email')}
          />
          <Select
            id="schoolId"
            name="schoolId"
            label={{ text: 'School' }}
            items={[
              ...(props.allowCentral ? [{ value: '', text: 'Central team (no school)' }] : [{ value: '', text: 'Select a school' }]),
              ...props.schools.map((s) => ({ value: s.id, text: s.name })),
            ]}
            value={v.schoolId ?? ''}
            errorMessage={err('schoolId')}
          />
          <Input id="jobTitle" name="jobTitle" label={{ text: 'Job title (optional)' }} value={v.jobTitle} errorMessage={err('jobTitle')} />
          <Radios
            idPrefix="staffType"
            name="staffType"
            fieldset={{ legend: { text: 'Staff type', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(STAFF_TYPES).map(([value, text]) => ({ value, text }))}
            value={v.staffType}
            errorMessage={err('staffType')}
          />
          <DateInput
            id="startedInSchoolsOn"
            namePrefix="startedInSchoolsOn"
            fieldset={{ legend: { text: 'When did they start teaching or working in schools? (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'For example, 1 9 2015' }}
            errorMessage={err('startedInSchoolsOn')}
            items={[
              { name: 'day', classes: `govuk-input--width-2${errors.startedInSchoolsOn ? ' govuk-input--error' : ''}`, value: v['startedInSchoolsOn-day'] },
              { name: 'month', classes: `govuk-input--width-2${errors.startedInSchoolsOn ? ' govuk-input--error' : ''}`, value: v['startedInSchoolsOn-month'] },
              { name: 'year', classes: `govuk-input--width-4${errors.startedInSchoolsOn ? ' govuk-input--error' : ''}`, value: v['startedInSchoolsOn-year'] },
            ]}
          />
          <Select
            id="leadershipLevel"
            name="leadershipLevel"
            label={{ text: 'Current leadership level' }}
            items={Object.entries(LEADERSHIP_LEVELS).map(([value, text]) => ({ value, text }))}
            value={v.leadershipLevel || 'none'}
            errorMessage={err('leadershipLevel')}
          />
          <Input
            id="lineManagerEmail"
            name="lineManagerEmail"
            type="email"
            label={{ text: 'Line manager’s email address (optional)' }}
            hint={{ text: 'Their line manager must already be in Waymark' }}
            autocomplete="off"
            spellcheck={false}
            value={v.lineManagerEmail}
            errorMessage={err('lineManagerEmail')}
          />
          <Input
            id="trn"
            name="trn"
            label={{ text: 'Teacher reference number (TRN) (optional)' }}
            hint={{ text: '7 digits' }}
            classes="govuk-input--width-10"
            inputmode="numeric"
            value={v.trn}
            errorMessage={err('trn')}
          />
          <Input
            id="misStaffId"
            name="misStaffId"
            label={{ text: 'MIS staff ID (optional)' }}
            hint={{ text: 'The ID in Arbor, SIMS or Bromcom, so imports can find them' }}
            classes="govuk-input--width-20"
            value={v.misStaffId}
            errorMessage={err('misStaffId')}
          />
          {props.isNew ? (
            <Checkboxes
              name="invite"
              classes="govuk-checkboxes--small"
              items={[{ value: 'yes', text: 'Email them an invitation to set a password now', checked: v.invite === 'yes' || v.invite === undefined }]}
            />
          ) : null}
          <div class="govuk-button-group">
            <Button text={props.isNew ? 'Add member of staff' : 'Save changes'} />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

export function DeactivatePage(props: { id: string; name: string; reports: number }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Deactivate {props.name}?</h1>
        <p class="govuk-body">
          They will be signed out everywhere and will not be able to sign in. Their record and history stay in Waymark, and you can reactivate them later.
        </p>
        {props.reports > 0 ? (
          <WarningText
            text={`${props.name} line manages ${props.reports === 1 ? '1 person' : `${props.reports} people`}. Give them a new line manager afterwards.`}
          />
        ) : null}
        <form method="post" action={`/staff/${props.id}/deactivate`}>
          <div class="govuk-button-group">
            <Button text="Deactivate" classes="govuk-button--warning" />
            <a class="govuk-link" href={`/staff/${props.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
