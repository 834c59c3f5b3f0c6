import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { Button, ErrorSummary, Input, Lines, NotificationBanner, Select, SummaryList, Table } from '../../../platform/ui/components';
import type { School } from '../organisations.tables';
import { SCHOOL_PHASES } from '../organisations.schemas';

type SchoolWithCount = School & { staff_count: number | null };

export function SchoolsPage(props: { schools: SchoolWithCount[]; canAdd: boolean; organisationName: string; saved?: string }) {
  return (
    <>
      {props.saved ? <NotificationBanner type="success" text={props.saved} /> : null}
      <h1 class="govuk-heading-l">Schools</h1>
      <p class="govuk-body">
        {props.organisationName} has {props.schools.length === 1 ? '1 school' : `${props.schools.length} schools`} in Waymark.
      </p>
      {props.canAdd ? <Button text="Add a school" href="/schools/new" /> : null}
      <Table
        caption="Schools"
        captionClasses="govuk-table__caption--m govuk-visually-hidden"
        head={[{ text: 'School' }, { text: 'URN' }, { text: 'Phase' }, { text: 'Local authority' }, { text: 'Active staff', format: 'numeric' }]}
        rows={props.schools.map((school) => [
          {
            html: (
              <a class="govuk-link" href={`/schools/${school.id}`}>
                {school.name}
              </a>
            ),
          },
          { text: school.urn ?? 'Not given' },
          { text: SCHOOL_PHASES[school.phase] },
          { text: school.local_authority ?? '' },
          { text: String(school.staff_count ?? 0), format: 'numeric' },
        ])}
      />
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
      <SummaryList
        rows={rows.map(([key, value]) => ({ key: { text: key }, value: Array.isArray(value) ? { html: <Lines text={value} /> } : { text: value } }))}
      />
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
            <Input
              id={name}
              name={name}
              label={{ text: label }}
              hint={opts.hint ? { text: opts.hint } : undefined}
              classes={opts.width}
              autocomplete={opts.autocomplete}
              value={v[name]}
              errorMessage={err(name)}
            />
          ))}
          <Select
            id="phase"
            name="phase"
            label={{ text: 'Phase' }}
            items={[{ value: '', text: 'Select a phase' }, ...Object.entries(SCHOOL_PHASES).map(([value, text]) => ({ value, text }))]}
            value={v.phase}
            errorMessage={err('phase')}
          />
          <Input
            id="localAuthority"
            name="localAuthority"
            label={{ text: 'Local authority (optional)' }}
            value={v.localAuthority}
            errorMessage={err('localAuthority')}
          />
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Address (optional)</legend>
            <Input
              id="addressLine1"
              name="addressLine1"
              label={{ text: 'Address line 1' }}
              autocomplete="address-line1"
              value={v.addressLine1}
              errorMessage={err('addressLine1')}
            />
            <Input
              id="addressLine2"
              name="addressLine2"
              label={{ text: 'Address line 2' }}
              autocomplete="address-line2"
              value={v.addressLine2}
              errorMessage={err('addressLine2')}
            />
            <Input
              id="town"
              name="town"
              label={{ text: 'Town or city' }}
              classes="govuk-!-width-two-thirds"
              autocomplete="address-level2"
              value={v.town}
              errorMessage={err('town')}
            />
            <Input
              id="postcode"
              name="postcode"
              label={{ text: 'Postcode' }}
              classes="govuk-input--width-10"
              autocomplete="postal-code"
              value={v.postcode}
              errorMessage={err('postcode')}
            />
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
