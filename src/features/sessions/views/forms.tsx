import { formatTimeRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Fieldset,
  FileUpload,
  Input,
  Radios,
  Select,
  Textarea,
  WarningText,
} from '../../../platform/ui/components';
import { EVENT_KINDS, MAX_MATERIAL_BYTES, MAX_SERIES, SERIES_INTERVALS } from '../sessions.schemas';

export interface SessionFormChoices {
  skills: { id: string; code: string; title: string; domain: string }[];
}

type StaffChoice = { id: string; given_name: string; family_name: string; job_title: string | null; school_name: string | null };

/** The facilitator picker: who is chosen, and what a search found (null: no search yet). */
export interface FacilitatorPicker {
  chosen: StaffChoice[];
  found: StaffChoice[] | null;
  more?: boolean;
  search: string;
}

const staffItem = (p: StaffChoice) => ({
  value: p.id,
  text: `${p.given_name} ${p.family_name}`,
  hint: { text: [p.job_title, p.school_name].filter(Boolean).join(', ') },
});

/** The form for a cohort's session or an open event (isEvent: kind and places, no skills). */
export function SessionFormPage(props: {
  caption: string;
  heading: string;
  action: string;
  values: FormValues;
  skillIds: string[];
  facilitatorIds: string[];
  choices: SessionFormChoices;
  picker: FacilitatorPicker;
  errors?: FieldErrors;
  isEvent: boolean;
  isNew: boolean;
  cancelHref: string;
}) {
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  const summaryIds = {
    kind: 'kind',
    date: 'date-day',
    skillIds: 'skillIds',
    facilitatorIds: 'facilitatorSearch',
    facilitatorSearch: 'facilitatorSearch',
    mode: 'mode',
  };
  const dateClass = (width: number) => `govuk-input--width-${width}${errors.date ? ' govuk-input--error' : ''}`;
  const picker = props.picker;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds)} /> : null}
        <span class="govuk-caption-l">{props.caption}</span>
        <h1 class="govuk-heading-l">{props.heading}</h1>
        {!props.isNew ? (
          <p class="govuk-body">
            If you change the date, times or place, everyone taking part and the facilitators are told what changed. Other changes are saved without telling
            anyone.
          </p>
        ) : null}
        <form method="post" action={props.action} novalidate>
          {props.isEvent ? (
            <Radios
              idPrefix="kind"
              name="kind"
              fieldset={{ legend: { text: 'What kind of event is it?', classes: 'govuk-fieldset__legend--s' } }}
              value={v.kind}
              errorMessage={err('kind')}
              items={Object.entries(EVENT_KINDS).map(([value, text]) => ({ value, text }))}
            />
          ) : null}
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: props.isEvent ? 'For example, Leadership taster session' : 'For example, Session 3: Leading change' }}
            value={v.title}
            errorMessage={err('title')}
          />
          <Textarea
            id="description"
            name="description"
            label={{ text: 'Description (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'What happens and anything to prepare' }}
            rows={5}
            value={v.description}
            errorMessage={err('description')}
          />
          {!props.isEvent && props.choices.skills.length > 0 ? (
            <Checkboxes
              idPrefix="skillIds"
              name="skillIds"
              fieldset={{ legend: { text: 'Skill focus (optional)', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'The framework skills this session works on' }}
              values={props.skillIds}
              errorMessage={err('skillIds')}
              classes="govuk-checkboxes--small"
              items={props.choices.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}`, hint: { text: s.domain } }))}
            />
          ) : null}
          <DateInput
            id="date"
            namePrefix="date"
            fieldset={{ legend: { text: 'Date', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'For example, 26 1 2027' }}
            errorMessage={err('date')}
            items={[
              { name: 'day', classes: dateClass(2), value: v['date-day'] },
              { name: 'month', classes: dateClass(2), value: v['date-month'] },
              { name: 'year', classes: dateClass(4), value: v['date-year'] },
            ]}
          />
          <Input
            id="startTime"
            name="startTime"
            label={{ text: 'Start time', classes: 'govuk-label--s' }}
            hint={{ text: 'UK time, for example 4:15pm or 16:15' }}
            classes="govuk-input--width-5"
            value={v.startTime}
            errorMessage={err('startTime')}
          />
          <Input
            id="endTime"
            name="endTime"
            label={{ text: 'End time', classes: 'govuk-label--s' }}
            hint={{ text: 'UK time, for example 5:45pm or 17:45' }}
            classes="govuk-input--width-5"
            value={v.endTime}
            errorMessage={err('endTime')}
          />
          {props.isNew && !props.isEvent ? (
            <Fieldset legend={{ text: 'A series of sessions (optional)', classes: 'govuk-fieldset__legend--s' }}>
              <Input
                id="count"
                name="count"
                label={{ text: 'How many sessions?' }}
                hint={{ text: `1 for a single session. Up to ${MAX_SERIES}, each at the same time of day, starting on the date above` }}
                classes="govuk-input--width-3"
                inputmode="numeric"
                value={v.count ?? '1'}
                errorMessage={err('count')}
              />
              <Select
                id="everyWeeks"
                name="everyWeeks"
                label={{ text: 'How often?' }}
                items={Object.entries(SERIES_INTERVALS).map(([value, text]) => ({ value, text }))}
                value={v.everyWeeks ?? '1'}
                errorMessage={err('everyWeeks')}
              />
            </Fieldset>
          ) : null}
          <Radios
            idPrefix="mode"
            name="mode"
            fieldset={{ legend: { text: 'Where does it take place?', classes: 'govuk-fieldset__legend--s' } }}
            value={v.mode}
            errorMessage={err('mode')}
            items={[
              { value: 'in_person', text: 'In person', hint: { text: 'Enter the venue below' } },
              { value: 'online', text: 'Online', hint: { text: 'Enter the link below' } },
            ]}
          />
          <Input
            id="venue"
            name="venue"
            label={{ text: 'Venue (if in person)', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Aspen Academy, Room 12' }}
            value={v.venue}
            errorMessage={err('venue')}
          />
          <Input
            id="onlineUrl"
            name="onlineUrl"
            type="url"
            label={{ text: 'Link to join (if online)', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, https://teams.microsoft.com/l/meetup-join/…' }}
            value={v.onlineUrl}
            spellcheck={false}
            errorMessage={err('onlineUrl')}
          />
          <h2 class="govuk-heading-s govuk-!-margin-bottom-1">Facilitators (optional)</h2>
          <p class="govuk-hint">Staff from any school who run the session. They can see it, add materials and take the register.</p>
          {picker.chosen.length > 0 ? (
            <Checkboxes
              name="facilitatorIds"
              idPrefix="facilitatorIds"
              classes="govuk-checkboxes--small"
              fieldset={{ legend: { text: 'Chosen facilitators', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Untick someone to take them off when you save.' }}
              values={picker.chosen.map((p) => p.id)}
              items={picker.chosen.map(staffItem)}
            />
          ) : (
            <p class="govuk-body">Nobody chosen yet.</p>
          )}
          <Input
            id="facilitatorSearch"
            name="facilitatorSearch"
            label={{ text: 'Find staff by name, email address, job title or school', classes: 'govuk-label--s' }}
            hint={{ text: 'Search, tick the people you want, then save the form. Nothing else you have typed is lost.' }}
            value={picker.search || undefined}
            autocomplete="off"
            spellcheck={false}
            errorMessage={err('facilitatorSearch') ?? err('facilitatorIds')}
          />
          <Button text="Search staff" name="findFacilitators" value="search" classes="govuk-button--secondary" />
          {picker.found === null ? null : picker.found.length === 0 ? (
            <p class="govuk-body" role="status">
              No active member of staff {picker.chosen.length > 0 ? 'who isn’t chosen already ' : ''}matches “{picker.search}”.
            </p>
          ) : (
            <Checkboxes
              name="facilitatorIds"
              idPrefix="found"
              classes="govuk-checkboxes--small"
              fieldset={{ legend: { text: `Staff matching “${picker.search}”`, classes: 'govuk-fieldset__legend--s' } }}
              hint={{
                text: picker.more
                  ? `The first ${picker.found.length} are shown. Tick the people to add, or search with more words.`
                  : 'Tick the people to add.',
              }}
              items={picker.found.map(staffItem)}
            />
          )}
          {props.isEvent ? (
            <Input
              id="capacity"
              name="capacity"
              label={{ text: 'Number of places (optional)', classes: 'govuk-label--s' }}
              hint={{ text: 'Leave blank for no limit. When it is full, people can join a waiting list' }}
              classes="govuk-input--width-4"
              inputmode="numeric"
              value={v.capacity}
              errorMessage={err('capacity')}
            />
          ) : null}
          <div class="govuk-button-group">
            <Button text={props.isNew ? (props.isEvent ? 'Create event' : 'Create session') : 'Save changes'} />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

export function CancelSessionPage(props: {
  session: { id: string; title: string; starts_at: string; ends_at: string; cohort_id: string | null };
  values: FormValues;
  errors?: FieldErrors;
}) {
  const errors = props.errors ?? {};
  const term = props.session.cohort_id ? 'session' : 'event';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{props.session.title}</span>
        <h1 class="govuk-heading-l">Cancel this {term}</h1>
        <p class="govuk-body">{formatTimeRange(props.session.starts_at, props.session.ends_at)}</p>
        <WarningText
          text={`Everyone taking part, ${term === 'event' ? 'everyone booked or waiting, ' : ''}and the facilitators are told, with your reason. You cannot undo this.`}
        />
        <form method="post" action={`/sessions/${props.session.id}/cancel`} novalidate>
          <Textarea
            id="reason"
            name="reason"
            label={{ text: 'Why is it cancelled?', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, the facilitator is ill. We will arrange another date.' }}
            rows={3}
            value={props.values.reason}
            errorMessage={errorFor(errors, 'reason')}
          />
          <div class="govuk-button-group">
            <Button text={`Cancel ${term}`} classes="govuk-button--warning" />
            <a class="govuk-link" href={`/sessions/${props.session.id}`}>
              Go back
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

export function MaterialsFormPage(props: { session: { id: string; title: string }; values: FormValues; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">{props.session.title}</span>
        <h1 class="govuk-heading-l">Add materials</h1>
        <p class="govuk-body">Everyone who can see the session can open its materials.</p>
        <h2 class="govuk-heading-m">Upload a file</h2>
        <form method="post" action={`/sessions/${props.session.id}/materials`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="kind" value="file" />
          <Input
            id="fileTitle"
            name="fileTitle"
            label={{ text: 'Title (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'If you leave it blank, the file’s name is used' }}
            value={v.fileTitle}
            errorMessage={err('fileTitle')}
          />
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'File', classes: 'govuk-label--s' }}
            hint={{ text: `A PDF, Word, Excel or PowerPoint document, or a PNG, JPG or GIF image, smaller than ${MAX_MATERIAL_BYTES / 1024 / 1024} MB` }}
            errorMessage={err('file')}
          />
          <Button text="Upload file" />
        </form>
        <h2 class="govuk-heading-m">Add a link</h2>
        <form method="post" action={`/sessions/${props.session.id}/materials`} novalidate>
          <input type="hidden" name="kind" value="link" />
          <Input
            id="linkTitle"
            name="linkTitle"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Reading: leading through change' }}
            value={v.linkTitle}
            errorMessage={err('linkTitle')}
          />
          <Input
            id="url"
            name="url"
            type="url"
            label={{ text: 'Link', classes: 'govuk-label--s' }}
            hint={{ text: 'A full web address, starting with https://' }}
            spellcheck={false}
            value={v.url}
            errorMessage={err('url')}
          />
          <div class="govuk-button-group">
            <Button text="Add link" />
            <a class="govuk-link" href={`/sessions/${props.session.id}`}>
              Back to the session
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
