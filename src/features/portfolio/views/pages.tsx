import type { Child } from 'hono/jsx';
import { formatDate, formatDateRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  FileUpload,
  InsetText,
  Input,
  NotificationBanner,
  Paragraphs,
  PostLink,
  Radios,
  Select,
  StatusTag,
  SummaryList,
  Textarea,
  WarningText,
  type StatusDisplay,
} from '../../../platform/ui/components';
import type { AttachmentRow } from '../portfolio.queries';
import { KIND_HINTS, KIND_LABELS, MAX_ATTACHMENT_BYTES, OWN_KINDS, RELATIONSHIPS } from '../portfolio.schemas';
import type { AskPage, EntryForm, EntryView, Portfolio, SkillChoices, VerificationToAnswer } from '../portfolio.service';
import type { PortfolioEntry, PortfolioVerification } from '../portfolio.tables';

const FILE_HINT = `A PDF, Word, Excel or PowerPoint document, or a PNG, JPG or GIF image, smaller than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;

function ErrorsAtTop(props: { errors?: FieldErrors; ids?: Record<string, string> }) {
  return props.errors && Object.keys(props.errors).length > 0 ? (
    <ErrorSummary titleText="There is a problem" errorList={errorList(props.errors, props.ids)} />
  ) : null;
}

/** How an entry stands, as a tag. */
export function entryStatus(entry: Pick<PortfolioEntry, 'source'>, state: { verified: unknown; pending: unknown }): StatusDisplay {
  if (entry.source === 'waymark') return { text: 'Recorded by Waymark', colour: 'purple' };
  if (state.verified) return { text: 'Verified', colour: 'green' };
  if (state.pending) return { text: 'Waiting for verification', colour: 'yellow' };
  return { text: 'Not verified', colour: 'grey' };
}

function dates(entry: { started_on: string; ended_on: string | null }): string {
  return entry.ended_on && entry.ended_on !== entry.started_on ? formatDateRange(entry.started_on, entry.ended_on) : formatDate(entry.started_on);
}

function hoursText(hours: number | null): string {
  return hours === null ? 'Not given' : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ----- The portfolio -----

export function PortfolioPage(props: { data: Portfolio; banner?: string }) {
  const { entries, toAnswer } = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Your portfolio</h1>
        <p class="govuk-body">
          Your professional development, with what changed in your practice and for whom. Ask a line manager, mentor or colleague — or someone outside Waymark —
          to verify an entry. Only you can see your portfolio; someone you ask sees that one entry.
        </p>
        <Button text="Add an entry" href="/portfolio/new" />
        {toAnswer.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Entries colleagues have asked you to verify</h2>
            <ul class="govuk-list">
              {toAnswer.map((r) => (
                <li>
                  <a class="govuk-link" href={`/portfolio/verifications/${r.id}`}>
                    {r.owner}: {r.title}
                  </a>{' '}
                  (asked on {formatDate(r.requested_at)})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <h2 class="govuk-heading-m">Entries</h2>
        {entries.length === 0 ? <p class="govuk-body">You have no entries yet.</p> : null}
        {entries.map(({ entry, skills, attachments, verified, pending }) => (
          <div class="govuk-summary-card">
            <div class="govuk-summary-card__title-wrapper">
              <h3 class="govuk-summary-card__title">
                <a class="govuk-link" href={`/portfolio/entries/${entry.id}`}>
                  {entry.title}
                </a>
              </h3>
              <StatusTag {...entryStatus(entry, { verified, pending })} />
            </div>
            <div class="govuk-summary-card__content">
              <SummaryList
                rows={[
                  {
                    key: { text: 'What changed, and for whom' },
                    value: { text: entry.reflection ? truncate(entry.reflection, 240) : 'Not written yet' },
                  },
                  { key: { text: 'Kind' }, value: { text: KIND_LABELS[entry.kind] } },
                  { key: { text: 'When' }, value: { text: dates(entry) } },
                  entry.hours !== null ? { key: { text: 'Hours' }, value: { text: hoursText(entry.hours) } } : null,
                  skills.length > 0 ? { key: { text: 'Skills' }, value: { text: skills.join('; ') } } : null,
                  attachments > 0 ? { key: { text: 'Attachments' }, value: { text: String(attachments) } } : null,
                  verified
                    ? {
                        key: { text: 'Verified by' },
                        value: { text: `${verified.verifier_name}, ${verified.verifier_role ?? ''}, on ${formatDate(verified.answered_at)}` },
                      }
                    : null,
                ]}
              />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

// ----- One entry -----

function VerifiedBy(props: { verified: PortfolioVerification }) {
  const v = props.verified;
  return (
    <InsetText
      html={
        <>
          <h2 class="govuk-heading-s">
            Verified by {v.verifier_name}, {v.verifier_role}
          </h2>
          <p class="govuk-body">
            {RELATIONSHIPS[v.relationship]}
            {v.relationship === 'outside' ? ` (by email to ${v.verifier_email})` : ''}, on {formatDate(v.answered_at)}.
          </p>
          <Paragraphs text={v.statement} />
        </>
      }
    />
  );
}

/** The entry's attachments: links, and files downloaded from `downloadFrom` + `/<id>`. */
function Attachments(props: { entryId: string; attachments: AttachmentRow[]; canRemove: boolean; downloadFrom: string }) {
  if (props.attachments.length === 0) return <p class="govuk-body">No attachments.</p>;
  return (
    <ul class="govuk-list">
      {props.attachments.map((a) => (
        <li>
          {a.url ? (
            <a class="govuk-link" href={a.url} rel="noreferrer noopener">
              {a.title} (link)
            </a>
          ) : (
            <a class="govuk-link" href={`${props.downloadFrom}/${a.id}`}>
              {a.title} ({a.file_name}, {fileSize(a.size_bytes)})
            </a>
          )}
          {props.canRemove ? (
            <PostLink
              action={`/portfolio/entries/${props.entryId}/attachments/${a.id}/remove`}
              text="Remove"
              visuallyHiddenText={a.title}
              classes="govuk-!-display-inline govuk-!-margin-left-2"
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The entry's facts, reflection first: as its owner and a verifier both read it. */
function EntryFacts(props: { view: EntryView }) {
  const { entry } = props.view;
  return (
    <>
      <h2 class="govuk-heading-m">What changed in practice, and for whom</h2>
      {entry.reflection ? <Paragraphs text={entry.reflection} /> : <p class="govuk-body">Not written yet.</p>}
      <h2 class="govuk-heading-m">Details</h2>
      <SummaryList
        rows={[
          { key: { text: 'Kind' }, value: { text: props.view.kindLabel } },
          { key: { text: 'When' }, value: { text: dates(entry) } },
          { key: { text: 'Hours' }, value: { text: hoursText(entry.hours) } },
          { key: { text: 'Skills' }, value: { text: props.view.skills.length > 0 ? props.view.skills.join('; ') : 'None chosen' } },
        ]}
      />
    </>
  );
}

export function EntryPage(props: { view: EntryView; banner?: string }) {
  const { entry, verified, pending, lastDeclined } = props.view;
  const own = entry.source === 'own';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <span class="govuk-caption-l">{props.view.kindLabel}</span>
        <h1 class="govuk-heading-l">{entry.title}</h1>
        <p class="govuk-body">
          <StatusTag {...entryStatus(entry, { verified, pending })} />
        </p>
        {!own ? (
          <InsetText text="Waymark recorded this entry from its own records, so nobody needs to verify it. Add what changed in your practice, and for whom, and the skills it evidences." />
        ) : null}
        {verified ? <VerifiedBy verified={verified} /> : null}
        {!verified && entry.verification_cleared_at ? (
          <WarningText
            text={`You changed this entry on ${formatDate(entry.verification_cleared_at)}, so ${entry.verification_cleared_name ?? 'your verifier'}’s verification no longer applies. Ask again if you would like it verified.`}
          />
        ) : null}
        {pending ? (
          <p class="govuk-body">
            You asked {pending.verifier_name} to verify this entry on {formatDate(pending.requested_at)}. Their link works until{' '}
            {formatDate(pending.expires_at)}.
          </p>
        ) : null}
        {lastDeclined && !pending ? (
          <InsetText
            html={
              <>
                <p class="govuk-body">
                  {lastDeclined.verifier_name} declined to verify this entry on {formatDate(lastDeclined.answered_at)}. Their reason:
                </p>
                <Paragraphs text={lastDeclined.decline_reason} />
              </>
            }
          />
        ) : null}
        <EntryFacts view={props.view} />
        <p class="govuk-body">
          <a class="govuk-link" href={`/portfolio/entries/${entry.id}/edit`}>
            {own ? 'Change this entry' : 'Add your reflection and skills'}
          </a>
        </p>
        {own && !verified ? (
          <Button
            text={pending ? 'Ask someone else to verify it' : 'Ask someone to verify it'}
            href={`/portfolio/entries/${entry.id}/verification`}
            classes="govuk-button--secondary"
          />
        ) : null}
        {own && verified ? (
          <p class="govuk-body">
            Changing the reflection, title, kind, dates, hours or skills clears the verification. Adding or removing attachments does not.
          </p>
        ) : null}
        <h2 class="govuk-heading-m">Attachments</h2>
        <Attachments entryId={entry.id} attachments={props.view.attachments} canRemove downloadFrom={`/portfolio/entries/${entry.id}/attachments`} />
        <p class="govuk-body">
          <a class="govuk-link" href={`/portfolio/entries/${entry.id}/attachments/new`}>
            Add a file or a link
          </a>
        </p>
        {entry.source_path ? (
          <p class="govuk-body">
            <a class="govuk-link" href={entry.source_path}>
              {own ? 'See the project' : 'See the record in Waymark'}
            </a>
          </p>
        ) : null}
        <p class="govuk-body">
          <a class="govuk-link" href={`/portfolio/entries/${entry.id}/remove`}>
            Remove this entry
          </a>
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href="/portfolio">
            Back to your portfolio
          </a>
        </p>
      </div>
    </div>
  );
}

export function RemoveEntryPage(props: { entry: { id: string; title: string; source: string } }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{props.entry.title}</span>
        <h1 class="govuk-heading-l">Are you sure you want to remove this entry?</h1>
        <p class="govuk-body">
          The entry, its files and links, and any verification and requests for it are deleted. A link you emailed to someone outside Waymark stops working.
        </p>
        <WarningText text="You cannot undo this." />
        <form method="post" action={`/portfolio/entries/${props.entry.id}/remove`} novalidate>
          <div class="govuk-button-group">
            <Button text="Remove the entry" classes="govuk-button--warning" />
            <a class="govuk-link" href={`/portfolio/entries/${props.entry.id}`}>
              Keep the entry
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

// ----- Adding and changing an entry -----

function SkillsChoice(props: { choices: SkillChoices; ticked: string[]; errors?: FieldErrors }) {
  const all = props.choices.flatMap((f) => f.skills.map((s) => ({ ...s, framework: f.title })));
  if (all.length === 0) return null;
  return (
    <Checkboxes
      idPrefix="skills"
      name="skills"
      classes="govuk-checkboxes--small"
      fieldset={{ legend: { text: 'Skills it evidences (optional)', classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: 'From your organisation’s skills frameworks. Select all that apply.' }}
      errorMessage={errorFor(props.errors, 'skills')}
      items={all.map((s) => ({ value: s.id, text: `${s.code} ${s.title}`, checked: props.ticked.includes(s.id) }))}
    />
  );
}

function dateValues(values: FormValues, prefix: string) {
  return { day: values[`${prefix}-day`], month: values[`${prefix}-month`], year: values[`${prefix}-year`] };
}

/** Form values for a YYYY-MM-DD date in a date input named `prefix`. */
export function dateToValues(prefix: string, iso: string | null | undefined): FormValues {
  if (!iso) return {};
  const [y, m, d] = iso.split('-');
  return { [`${prefix}-day`]: String(Number(d)), [`${prefix}-month`]: String(Number(m)), [`${prefix}-year`]: y ?? '' };
}

export function EntryFormPage(props: { form: EntryForm; values: FormValues; ticked: string[]; errors?: FieldErrors }) {
  const v = props.values;
  const entry = props.form.entry;
  const recorded = entry?.source === 'waymark';
  const action = entry ? `/portfolio/entries/${entry.id}/edit` : '/portfolio/new';
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorsAtTop errors={props.errors} ids={{ startedOn: 'startedOn-day', endedOn: 'endedOn-day', kind: 'kind' }} />
        <span class="govuk-caption-l">Your portfolio</span>
        <h1 class="govuk-heading-l">{entry ? (recorded ? entry.title : 'Change your entry') : 'Add an entry'}</h1>
        {props.form.verified ? (
          <WarningText
            text={`${props.form.verified.verifier_name} verified this entry. If you change anything but the attachments, their verification no longer applies and you can ask again.`}
          />
        ) : null}
        <form method="post" action={action} enctype={entry ? undefined : 'multipart/form-data'} novalidate>
          <Textarea
            id="reflection"
            name="reflection"
            rows={6}
            label={{ text: 'What changed in your practice, and for whom?', classes: 'govuk-label--m', isPageHeading: false }}
            hint={{
              text: 'Not what you did, but what is different because of it: what you now do differently, and who has gained — pupils, colleagues, your school. This is shown first.',
            }}
            value={v.reflection ?? ''}
            errorMessage={errorFor(props.errors, 'reflection')}
          />
          {recorded ? null : (
            <>
              <Radios
                idPrefix="kind"
                name="kind"
                fieldset={{ legend: { text: 'Kind of development', classes: 'govuk-fieldset__legend--s' } }}
                errorMessage={errorFor(props.errors, 'kind')}
                value={v.kind}
                items={Object.entries(OWN_KINDS).map(([value, text]) => ({ value, text, hint: { text: KIND_HINTS[value as keyof typeof OWN_KINDS] } }))}
              />
              {props.form.projects.length > 0 ? (
                <Select
                  id="projectId"
                  name="projectId"
                  label={{ text: 'Your project on Waymark (optional)', classes: 'govuk-label--s' }}
                  hint={{ text: 'Only for leading a project: link the entry to one of your projects' }}
                  value={v.projectId ?? ''}
                  errorMessage={errorFor(props.errors, 'projectId')}
                  items={[{ value: '', text: 'No project' }, ...props.form.projects.map((p) => ({ value: p.id, text: p.title }))]}
                />
              ) : null}
              <Input
                id="title"
                name="title"
                label={{ text: 'Title', classes: 'govuk-label--s' }}
                hint={{ text: 'For example, NPQ for Senior Leadership, or INSET on adaptive teaching for Oak Primary' }}
                value={v.title ?? ''}
                errorMessage={errorFor(props.errors, 'title')}
              />
              <DateInput
                id="startedOn"
                namePrefix="startedOn"
                fieldset={{ legend: { text: 'When it started', classes: 'govuk-fieldset__legend--s' } }}
                hint={{ text: 'For example, 15 9 2026' }}
                values={dateValues(v, 'startedOn')}
                errorMessage={errorFor(props.errors, 'startedOn')}
              />
              <DateInput
                id="endedOn"
                namePrefix="endedOn"
                fieldset={{ legend: { text: 'When it ended (optional)', classes: 'govuk-fieldset__legend--s' } }}
                hint={{ text: 'Leave blank for one day, or if it is still going on' }}
                values={dateValues(v, 'endedOn')}
                errorMessage={errorFor(props.errors, 'endedOn')}
              />
              <Input
                id="hours"
                name="hours"
                inputmode="decimal"
                classes="govuk-input--width-5"
                label={{ text: 'Hours (optional)', classes: 'govuk-label--s' }}
                hint={{ text: 'For example, 6 or 1.5' }}
                value={v.hours ?? ''}
                errorMessage={errorFor(props.errors, 'hours')}
              />
            </>
          )}
          <SkillsChoice choices={props.form.choices} ticked={props.ticked} errors={props.errors} />
          {entry ? null : (
            <>
              <h2 class="govuk-heading-m">Attachments (optional)</h2>
              <p class="govuk-body">You can add more files and links once the entry is saved.</p>
              <FileUpload
                id="file"
                name="file"
                label={{ text: 'A file', classes: 'govuk-label--s' }}
                hint={{ text: FILE_HINT }}
                errorMessage={errorFor(props.errors, 'file')}
              />
              <Input
                id="url"
                name="url"
                type="url"
                spellcheck={false}
                label={{ text: 'A link', classes: 'govuk-label--s' }}
                hint={{ text: 'A full web address, starting with https://, such as a certificate or a published piece of work' }}
                value={v.url ?? ''}
                errorMessage={errorFor(props.errors, 'url')}
              />
            </>
          )}
          <div class="govuk-button-group">
            <Button text={entry ? 'Save changes' : 'Add entry'} />
            <a class="govuk-link" href={entry ? `/portfolio/entries/${entry.id}` : '/portfolio'}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

// ----- Attachments -----

export function AttachmentFormPage(props: { entry: { id: string; title: string }; values: FormValues; errors?: FieldErrors }) {
  const v = props.values;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorsAtTop errors={props.errors} />
        <span class="govuk-caption-l">{props.entry.title}</span>
        <h1 class="govuk-heading-l">Add a file or a link</h1>
        <h2 class="govuk-heading-m">Upload a file</h2>
        <form method="post" action={`/portfolio/entries/${props.entry.id}/attachments`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="kind" value="file" />
          <Input
            id="fileTitle"
            name="fileTitle"
            label={{ text: 'Title (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'If you leave it blank, the file’s name is used' }}
            value={v.fileTitle ?? ''}
            errorMessage={errorFor(props.errors, 'attachmentTitle')}
          />
          <FileUpload
            id="file"
            name="file"
            label={{ text: 'File', classes: 'govuk-label--s' }}
            hint={{ text: FILE_HINT }}
            errorMessage={errorFor(props.errors, 'file')}
          />
          <Button text="Upload file" />
        </form>
        <h2 class="govuk-heading-m">Add a link</h2>
        <form method="post" action={`/portfolio/entries/${props.entry.id}/attachments`} novalidate>
          <input type="hidden" name="kind" value="link" />
          <Input id="linkTitle" name="linkTitle" label={{ text: 'Title (optional)', classes: 'govuk-label--s' }} value={v.linkTitle ?? ''} />
          <Input
            id="url"
            name="url"
            type="url"
            spellcheck={false}
            label={{ text: 'Link', classes: 'govuk-label--s' }}
            hint={{ text: 'A full web address, starting with https://' }}
            value={v.url ?? ''}
            errorMessage={errorFor(props.errors, 'url')}
          />
          <div class="govuk-button-group">
            <Button text="Add link" />
            <a class="govuk-link" href={`/portfolio/entries/${props.entry.id}`}>
              Back to the entry
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

// ----- Asking for verification -----

export function AskPageView(props: { page: AskPage; values: FormValues; errors?: FieldErrors }) {
  const { page, values: v } = props;
  const err = (f: string) => errorFor(props.errors, f);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorsAtTop errors={props.errors} />
        <span class="govuk-caption-l">{page.entry.title}</span>
        <h1 class="govuk-heading-l">Ask someone to verify this entry</h1>
        <p class="govuk-body">
          They read this entry — its reflection, details and attachments — and nothing else in your portfolio. They confirm it with a short statement, or
          decline and say why.
        </p>
        {page.pending ? (
          <InsetText
            text={`You asked ${page.pending.verifier_name} on ${formatDate(page.pending.requested_at)}. Asking someone else now cancels that request, and their link stops working.`}
          />
        ) : null}
        <form method="post" action={`/portfolio/entries/${page.entry.id}/verification`} novalidate>
          <Radios
            idPrefix="relationship"
            name="relationship"
            fieldset={{ legend: { text: 'Who would you like to ask?', classes: 'govuk-fieldset__legend--m' } }}
            errorMessage={err('relationship')}
            value={v.relationship}
            items={[
              page.lineManager ? { value: 'line_manager', text: `Your line manager, ${page.lineManager.name}` } : null,
              { value: 'mentor', text: 'A mentor or coach on Waymark' },
              { value: 'colleague', text: 'Another colleague on Waymark' },
              {
                value: 'outside',
                text: 'Someone outside Waymark',
                hint: { text: 'For example, a course tutor or the head of a school you trained. We email them a private link; they don’t need an account.' },
              },
            ]}
          />
          <Input
            id="email"
            name="email"
            type="email"
            spellcheck={false}
            autocomplete="off"
            label={{ text: 'Their email address', classes: 'govuk-label--s' }}
            hint={{ text: 'Not needed for your line manager.' }}
            value={v.email ?? ''}
            errorMessage={err('email')}
          />
          <Input
            id="name"
            name="name"
            autocomplete="off"
            label={{ text: 'Their name', classes: 'govuk-label--s' }}
            hint={{ text: 'Only for someone outside Waymark: we use the name on Waymark for colleagues.' }}
            value={v.name ?? ''}
            errorMessage={err('name')}
          />
          <div class="govuk-button-group">
            <Button text="Send request" />
            <a class="govuk-link" href={`/portfolio/entries/${page.entry.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

// ----- Answering a request -----

export function AnswerPage(props: { toAnswer: VerificationToAnswer; action: string; values: FormValues; errors?: FieldErrors; signedIn: boolean }) {
  const { toAnswer, values: v } = props;
  const err = (f: string) => errorFor(props.errors, f);
  const owner = toAnswer.owner;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorsAtTop errors={props.errors} />
        <span class="govuk-caption-l">{owner}’s portfolio</span>
        <h1 class="govuk-heading-l">{toAnswer.view.entry.title}</h1>
        <p class="govuk-body">
          {owner} has asked you to verify this entry in their professional development portfolio. Please confirm only what you know to be true.
        </p>
        <EntryFacts view={toAnswer.view} />
        <h2 class="govuk-heading-m">Attachments</h2>
        <Attachments entryId={toAnswer.view.entry.id} attachments={toAnswer.view.attachments} canRemove={false} downloadFrom={`${props.action}/attachments`} />
        <h2 class="govuk-heading-m">If you can confirm it</h2>
        <form method="post" action={props.action} novalidate>
          <input type="hidden" name="decision" value="confirm" />
          <Input
            id="role"
            name="role"
            label={{ text: 'Your role', classes: 'govuk-label--s' }}
            hint={{ text: `Shown with your name, for example “Headteacher, Oak Primary” or “${owner}’s line manager”` }}
            value={v.role ?? toAnswer.suggestedRole}
            errorMessage={err('role')}
          />
          <Textarea
            id="statement"
            name="statement"
            label={{ text: 'Your statement', classes: 'govuk-label--s' }}
            hint={{ text: 'What you saw or know, in a sentence or two. It is shown with the entry.' }}
            value={v.statement ?? ''}
            errorMessage={err('statement')}
          />
          <Button text="Confirm the entry" />
        </form>
        <h2 class="govuk-heading-m">If you can’t confirm it</h2>
        <form method="post" action={props.action} novalidate>
          <input type="hidden" name="decision" value="decline" />
          <Textarea
            id="reason"
            name="reason"
            label={{ text: 'Why you can’t confirm it', classes: 'govuk-label--s' }}
            hint={{ text: `${owner} reads your reason.` }}
            value={v.reason ?? ''}
            errorMessage={err('reason')}
          />
          <Button text="Decline" classes="govuk-button--secondary" />
        </form>
      </div>
    </div>
  );
}

export type LinkState = 'answered' | 'withdrawn' | 'expired';

/** A link that can no longer be answered, or an answer just sent. */
export function AnswerDonePage(props: { owner: string; state: LinkState | 'thanks'; decision?: string }) {
  const messages: Record<LinkState | 'thanks', { heading: string; body: Child }> = {
    thanks: {
      heading: 'Thank you: your answer is sent',
      body: `${props.owner} can now see your answer. You don’t need to do anything else.`,
    },
    answered: { heading: 'This request has been answered', body: `An answer has already been given. Nothing more is needed.` },
    withdrawn: { heading: 'This request is no longer needed', body: `${props.owner} has asked someone else instead. Nothing more is needed.` },
    expired: { heading: 'This link has expired', body: `${props.owner} can send you a new request if they still need one.` },
  };
  const m = messages[props.state];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{m.heading}</h1>
        <p class="govuk-body">{m.body}</p>
      </div>
    </div>
  );
}
