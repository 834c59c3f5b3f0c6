import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, NotificationBanner, Select } from '../../../platform/ui/components';
import type { School } from '../organisations.tables';
import { SCHOOL_PHASES } from '../organisations.schemas';

type SchoolWithCount = School & { staff_count: number | null };

export function SchoolsPage(props: { schools: SchoolWithCount[]; canAdd: boolean; organisationName: string; saved?: string }) {
  return (
    <>
      {props.saved ? <NotificationBanner type="success" text={props.saved} /> : null}
      <h1 class="govuk-heading-l">Schools</h1>
      <p class="govuk-body">{props.organisationName} has {props.schools.length === 1 ? '1 school' : `${props.schools.length} schools`} in Waymark.</p>
      {props.canAdd ? <Button text="Add a school" href="/schools/new" /> : null}
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Schools</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">School</th>
            <th scope="col" class="govuk-table__header">URN</th>
            <th scope="col" class="govuk-table__header">Phase</th>
            <th scope="col" class="govuk-table__header">Local authority</th>
            <th scope="col" class="govuk-table__header govuk-table__header--numeric">Active staff</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.schools.map((school) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/schools/${school.id}`}>
                  {school.name}
                </a>
              </td>
              <td class="govuk-table__cell">{school.urn ?? 'Not given'}</td>
              <td class="govuk-table__cell">{SCHOOL_PHASES[school.phase]}</td>
              <td class="govuk-table__cell">{school.local_authority ?? ''}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{school.staff_count ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function SchoolPage(props: { school: School; canEdit: boolean; saved?: string }) {
  const s = props.school;
  const address = [s.address_line1, s.address_line2, s.town, s.postcode].filter((line): line is string => Boolean(line));
  const rows: [string, string | string[]][] = [
    ['Name', s.name],
    ['URN', s.urn ?? 'Not given'],
    ['Phase', SCHOOL_PHASES[s.phase]],
    ['Local authority', s.local_authority ?? 'Not given'],
    ['Address', address.length ? address : 'Not given'],
  ];
  return (
    <>
      {props.saved ? <NotificationBanner type="success" text={props.saved} /> : null}
      <h1 class="govuk-heading-l">{s.name}</h1>
      <dl class="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{Array.isArray(value) ? value.map((line, i) => (i === 0 ? line : [<br />, line])) : value}</dd>
          </div>
        ))}
      </dl>
      {props.canEdit ? <Button text="Change school details" href={`/schools/${s.id}/edit`} classes="govuk-button--secondary" /> : null}
      <p class="govuk-body">
        <a class="govuk-link" href={`/staff?school=${s.id}`}>
          See this school’s staff
        </a>
      </p>
    </>
  );
}

const fieldLabels: [keyof FormValues & string, string, { hint?: string; width?: string; autocomplete?: string }][] = [
  ['name', 'School name', { autocomplete: 'organization' }],
  ['urn', 'URN (optional)', { hint: 'The 6-digit unique reference number from Get Information about Schools', width: 'govuk-input--width-10' }],
];

export function SchoolFormPage(props: { action: string; heading: string; values: FormValues; errors?: FieldErrors; backHref: string }) {
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          {fieldLabels.map(([name, label, opts]) => (
            <Input id={name} name={name} label={{ text: label }} hint={opts.hint ? { text: opts.hint } : undefined} classes={opts.width} autocomplete={opts.autocomplete} value={v[name]} errorMessage={err(name)} />
          ))}
          <Select
            id="phase"
            name="phase"
            label={{ text: 'Phase' }}
            items={[{ value: '', text: 'Select a phase' }, ...Object.entries(SCHOOL_PHASES).map(([value, text]) => ({ value, text }))]}
            value={v.phase}
            errorMessage={err('phase')}
          />
          <Input id="localAuthority" name="localAuthority" label={{ text: 'Local authority (optional)' }} value={v.localAuthority} errorMessage={err('localAuthority')} />
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Address (optional)</legend>
            <Input id="addressLine1" name="addressLine1" label={{ text: 'Address line 1' }} autocomplete="address-line1" value={v.addressLine1} errorMessage={err('addressLine1')} />
            <Input id="addressLine2" name="addressLine2" label={{ text: 'Address line 2' }} autocomplete="address-line2" value={v.addressLine2} errorMessage={err('addressLine2')} />
            <Input id="town" name="town" label={{ text: 'Town or city' }} classes="govuk-!-width-two-thirds" autocomplete="address-level2" value={v.town} errorMessage={err('town')} />
            <Input id="postcode" name="postcode" label={{ text: 'Postcode' }} classes="govuk-input--width-10" autocomplete="postal-code" value={v.postcode} errorMessage={err('postcode')} />
          </fieldset>
          <div class="govuk-button-group">
            <Button text="Save school" />
            <a class="govuk-link" href={props.backHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

export function schoolToValues(school: School): FormValues {
  return {
    name: school.name,
    urn: school.urn ?? '',
    phase: school.phase,
    localAuthority: school.local_authority ?? '',
    addressLine1: school.address_line1 ?? '',
    addressLine2: school.address_line2 ?? '',
    town: school.town ?? '',
    postcode: school.postcode ?? '',
  };
}

