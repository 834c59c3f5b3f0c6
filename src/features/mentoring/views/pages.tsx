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
  PostLink,
  Radios,
  SummaryList,
  Table,
  Textarea,
  WarningText,
} from '../../../platform/ui/components';
import { PAIRING_KINDS, parseIdList, REVIEW_VIEWS, SCHOOL_SETTINGS } from '../mentoring.schemas';
import type { MeetingPage, PairingPage, PeopleISupport, PersonMentoring, ProfilePage, ReviewPage } from '../mentoring.service';

const name = (given: string, family: string) => `${given} ${family}`;

/** A mentor's or coach's mentees, and who supports the viewer. */
export function PeopleISupportPage(props: { data: PeopleISupport }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">Mentoring and coaching</h1>
        <h2 class="govuk-heading-m">People you support</h2>
        <p class="govuk-body">
          {d.places === 0
            ? 'You have not offered any places to support people.'
            : `You are using ${d.used} of your ${d.places} ${d.places === 1 ? 'place' : 'places'}.`}{' '}
          <a class="govuk-link" href="/mentoring/profile">
            Change your places and strengths
          </a>
        </p>
        {d.mentees.length === 0 ? (
          <p class="govuk-body">You do not support anyone at the moment.</p>
        ) : (
          <Table
            caption="People you support"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Name' }, { text: 'Support' }, { text: 'Programme' }, { text: 'Requirements' }, { text: 'Next meeting' }, { text: 'Open actions' }]}
            rows={d.mentees.map((m) => [
              {
                html: `<a class="govuk-link" href="/mentoring/pairings/${m.pairing.id}">${escapeHtml(name(m.pairing.mentee_given_name, m.pairing.mentee_family_name))}</a>`,
              },
              { text: PAIRING_KINDS[m.pairing.kind] },
              { text: m.programme ?? 'Outside any programme' },
              { text: m.requirements ?? '—' },
              { text: m.nextMeeting ? formatDate(m.nextMeeting) : 'Not set' },
              { text: m.openActions === 0 ? 'None' : `${m.openActions}${m.overdueActions > 0 ? ` (${m.overdueActions} overdue)` : ''}` },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Who supports you</h2>
        {d.supportedBy.length === 0 ? (
          <p class="govuk-body">Nobody is your mentor or coach at the moment.</p>
        ) : (
          <ul class="govuk-list">
            {d.supportedBy.map((p) => (
              <li>
                <a class="govuk-link" href={`/mentoring/pairings/${p.id}`}>
                  {name(p.mentor_given_name, p.mentor_family_name)}
                </a>
                , your {PAIRING_KINDS[p.kind].toLowerCase()}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function ProfilePageView(props: { data: ProfilePage; values: FormValues; ticked: string[]; errors?: FieldErrors }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Places and strengths</h1>
        <p class="govuk-body">Programme leads see these when they look for a mentor or coach for someone. You support {d.used} now.</p>
        <form method="post" action="/mentoring/profile" novalidate>
          <Input
            id="places"
            name="places"
            inputmode="numeric"
            classes="govuk-input--width-2"
            label={{ text: 'How many people can you support at once?', classes: 'govuk-label--s' }}
            hint={{ text: 'Enter 0 if you cannot take anyone on just now.' }}
            value={props.values.places}
            errorMessage={errorFor(props.errors, 'places')}
          />
          {d.frameworks.map((f, i) => (
            <Checkboxes
              idPrefix={i === 0 ? 'strengths' : `strengths-${i}`}
              name="strengths"
              fieldset={{ legend: { text: `Your strengths: ${f.title}`, classes: 'govuk-fieldset__legend--s' } }}
              hint={i === 0 ? { text: 'Select the skills you could help someone develop.' } : undefined}
              items={f.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}` }))}
              values={props.ticked}
              errorMessage={i === 0 ? errorFor(props.errors, 'strengths') : undefined}
            />
          ))}
          <Button text="Save" />
        </form>
      </div>
    </div>
  );
}

export function PersonMentoringPage(props: { data: PersonMentoring; values: FormValues; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const v = props.values;
  const person = name(d.person.given_name, d.person.family_name);
  const pickable = d.suggestions.filter((s) => s.hasPlace);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">{person}: mentoring and coaching</h1>
        <h2 class="govuk-heading-m">Mentors and coaches</h2>
        {d.history.length === 0 ? (
          <p class="govuk-body">{person} has never had a mentor or coach in Waymark.</p>
        ) : (
          <Table
            caption="Mentors and coaches, newest first"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Who' }, { text: 'Support' }, { text: 'From' }, { text: 'Until' }]}
            rows={d.history.map((p) => [
              { html: `<a class="govuk-link" href="/mentoring/pairings/${p.id}">${escapeHtml(name(p.mentor_given_name, p.mentor_family_name))}</a>` },
              { text: PAIRING_KINDS[p.kind] },
              { text: formatDate(p.started_at) },
              { text: p.ended_at ? `${formatDate(p.ended_at)} (${p.end_reason ?? 'ended'})` : 'Now' },
            ])}
          />
        )}
        <h2 class="govuk-heading-m">Find someone to support {d.person.given_name}</h2>
        <form method="get" action={`/people/${d.person.id}/mentoring`}>
          {d.enrolments.length > 0 ? <input type="hidden" name="enrolmentId" value={d.enrolmentId} /> : null}
          <Radios
            name="setting"
            idPrefix="setting"
            classes="govuk-radios--small govuk-radios--inline"
            fieldset={{ legend: { text: 'Where should they work?', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(SCHOOL_SETTINGS).map(([value, text]) => ({ value, text }))}
            value={d.setting}
          />
          <Button text="Rank suggestions" classes="govuk-button--secondary" />
        </form>
        {d.namedCoach ? (
          <InsetText text={`${d.namedCoach.name} was named as coach on ${d.person.given_name}’s application: they are suggested first.`} />
        ) : null}
        {d.suggestions.length === 0 ? (
          <p class="govuk-body">Nobody in the organisation has offered places yet. Staff offer places on their Mentoring page.</p>
        ) : (
          <ol class="govuk-list govuk-list--number" id="suggestions">
            {d.suggestions.map((s) => (
              <li>
                <strong>{s.candidate.name}</strong>: {s.reasons.join('; ')}
              </li>
            ))}
          </ol>
        )}
        {d.kinds.length === 0 || d.isSelf ? null : (
          <form method="post" action={`/people/${d.person.id}/mentoring`} novalidate>
            <Radios
              name="mentorId"
              idPrefix="mentorId"
              fieldset={{ legend: { text: 'Who will support them?', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'People with no places free are not listed.' }}
              items={[
                ...(d.namedCoach && !pickable.some((s) => s.candidate.id === d.namedCoach?.id)
                  ? [{ value: d.namedCoach.id, text: `${d.namedCoach.name} (named on the application)` }]
                  : []),
                ...pickable.map((s) => ({ value: s.candidate.id, text: s.candidate.name, hint: { text: s.reasons.join('; ') } })),
              ]}
              value={v.mentorId ?? d.namedCoach?.id}
              errorMessage={errorFor(props.errors, 'mentorId')}
            />
            <Radios
              name="kind"
              idPrefix="kind"
              fieldset={{ legend: { text: 'Kind of support', classes: 'govuk-fieldset__legend--s' } }}
              items={d.kinds.map((k) => ({ value: k, text: PAIRING_KINDS[k] }))}
              value={v.kind}
              errorMessage={errorFor(props.errors, 'kind')}
            />
            <Radios
              name="enrolmentId"
              idPrefix="enrolmentId"
              fieldset={{ legend: { text: 'For which programme?', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'Choosing a pairing for a programme again replaces the current one of the same kind; the history is kept.' }}
              items={[
                ...d.enrolments.map((e) => ({ value: e.id, text: `${e.programme_title}, ${e.cohort_name}` })),
                { value: '', text: 'Outside any programme' },
              ]}
              value={v.enrolmentId ?? d.enrolmentId}
              errorMessage={errorFor(props.errors, 'enrolmentId')}
            />
            <Button text="Make the pairing" />
          </form>
        )}
      </div>
    </div>
  );
}

export function PairingPageView(props: { data: PairingPage; values: FormValues; ticked: string[]; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const p = d.pairing;
  const mentee = name(p.mentee_given_name, p.mentee_family_name);
  const mentor = name(p.mentor_given_name, p.mentor_family_name);
  const a = d.agreement;
  const youAgreed = a && (d.role === 'mentor' ? a.mentor_agreed_at : a.mentee_agreed_at);
  const agreedLine = (at: string | null, who: string) => (at ? `${who} agreed on ${formatDate(at)}` : `${who} has not agreed yet`);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">{d.programme ?? 'Outside any programme'}</span>
        <h1 class="govuk-heading-l">
          {d.role === 'mentor'
            ? `Supporting ${mentee}`
            : d.role === 'mentee'
              ? `Your ${PAIRING_KINDS[p.kind].toLowerCase()}: ${mentor}`
              : `${mentee} and ${mentor}`}
        </h1>
        <SummaryList
          rows={[
            { key: { text: 'Mentee' }, value: { text: mentee } },
            { key: { text: PAIRING_KINDS[p.kind] }, value: { text: mentor } },
            { key: { text: 'Started' }, value: { text: formatDate(p.started_at) } },
            { key: { text: 'Status' }, value: { text: p.status === 'active' ? 'Active' : `Ended on ${formatDate(p.ended_at)}` } },
            { key: { text: 'Signed off' }, value: { text: p.signed_off_at ? `Signed off on ${formatDate(p.signed_off_at)}` : 'Not yet' } },
          ]}
        />
        {d.canEnd ? <PostLink action={`/mentoring/pairings/${p.id}/end`} text="End this pairing" /> : null}
        {!d.participant ? (
          <InsetText text="Mentoring is developmental: you can see that meetings happened and the progress reviews, but not the notes, the agreement or the actions, which stay between the two of them." />
        ) : (
          <>
            <h2 class="govuk-heading-m">Agreement</h2>
            {!a ? (
              <p class="govuk-body">You have not agreed how you will work together yet.</p>
            ) : (
              <>
                <SummaryList
                  rows={[
                    { key: { text: 'Goals' }, value: { text: a.goals } },
                    { key: { text: 'How often' }, value: { text: a.frequency } },
                    { key: { text: 'How' }, value: { text: a.how } },
                    { key: { text: 'What stays confidential' }, value: { text: a.confidentiality } },
                    { key: { text: 'Agreed' }, value: { text: `${agreedLine(a.mentor_agreed_at, mentor)}. ${agreedLine(a.mentee_agreed_at, mentee)}.` } },
                  ]}
                />
                {!youAgreed && p.status === 'active' ? (
                  <form method="post" action={`/mentoring/pairings/${p.id}/agreement/agree`}>
                    <Button text="Agree to this" />
                  </form>
                ) : null}
              </>
            )}
            {p.status === 'active' ? (
              <p class="govuk-body">
                <a class="govuk-link" href={`/mentoring/pairings/${p.id}/agreement`}>
                  {a ? 'Propose changes to the agreement' : 'Propose an agreement'}
                </a>
              </p>
            ) : null}
          </>
        )}
        <h2 class="govuk-heading-m">Meetings</h2>
        {d.meetings.length === 0 ? (
          <p class="govuk-body">No meetings recorded yet.</p>
        ) : (
          <Table
            caption="Meetings, most recent first"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Date' }, { text: 'Length' }, { text: 'Confirmed' }]}
            rows={d.meetings.map((m) => [
              d.participant
                ? { html: `<a class="govuk-link" href="/mentoring/meetings/${m.id}">${escapeHtml(formatDate(m.held_on))}</a>` }
                : { text: formatDate(m.held_on) },
              { text: `${m.duration_minutes} minutes` },
              { text: m.status === 'confirmed' ? 'Yes' : 'Waiting for confirmation' },
            ])}
          />
        )}
        {d.participant && d.actions.some((x) => x.done_at === null) ? (
          <>
            <h2 class="govuk-heading-m">Open actions</h2>
            <ul class="govuk-list govuk-list--bullet">
              {d.actions
                .filter((x) => x.done_at === null)
                .map((x) => (
                  <li>
                    {x.description} ({name(x.owner_given_name, x.owner_family_name)}, due {formatDate(x.due_on)}
                    {x.due_on < d.today ? ', overdue' : ''})
                  </li>
                ))}
            </ul>
          </>
        ) : null}
        <h2 class="govuk-heading-m">Progress reviews</h2>
        {d.reviews.length === 0 ? (
          <p class="govuk-body">No progress reviews yet.</p>
        ) : (
          d.reviews.map((r) => {
            const comments = JSON.parse(r.comments) as Record<string, string>;
            return (
              <>
                <h3 class="govuk-heading-s">
                  {r.checkpoint}: {REVIEW_VIEWS[r.overall]}
                </h3>
                <p class="govuk-body-s">
                  By {name(r.author_given_name, r.author_family_name)} on {formatDate(r.created_at)}
                </p>
                <SummaryList
                  rows={d.skills.filter((s) => comments[s.id]).map((s) => ({ key: { text: `${s.code} ${s.title}` }, value: { text: comments[s.id] ?? '' } }))}
                />
              </>
            );
          })
        )}
        {d.role === 'mentor' && p.status === 'active' ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/mentoring/pairings/${p.id}/review`}>
              Write a progress review
            </a>
          </p>
        ) : null}
        {d.participant && p.status === 'active' ? (
          <>
            <h2 class="govuk-heading-m">Record a meeting</h2>
            <p class="govuk-body">Record a meeting once it has happened; the other person then confirms it.</p>
            <form method="post" action={`/mentoring/pairings/${p.id}/meetings`} novalidate>
              <DateField prefix="held" legend="Date of the meeting" hint="For example, 27 3 2027" values={props.values} errors={props.errors} />
              <Input
                id="duration"
                name="duration"
                inputmode="numeric"
                classes="govuk-input--width-3"
                label={{ text: 'How long it lasted', classes: 'govuk-label--s' }}
                suffix={{ text: 'minutes' }}
                value={props.values.duration}
                errorMessage={errorFor(props.errors, 'duration')}
              />
              {d.skills.length > 0 ? (
                <Checkboxes
                  idPrefix="focus"
                  name="focus"
                  classes="govuk-checkboxes--small"
                  fieldset={{ legend: { text: 'Focus skills', classes: 'govuk-fieldset__legend--s' } }}
                  items={d.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}` }))}
                  values={props.ticked}
                  errorMessage={errorFor(props.errors, 'focus')}
                />
              ) : null}
              <Textarea
                id="sharedNotes"
                name="sharedNotes"
                label={{ text: 'Shared notes', classes: 'govuk-label--s' }}
                hint={{ text: `You and ${d.role === 'mentor' ? mentee : mentor} both see these.` }}
                value={props.values.sharedNotes}
                errorMessage={errorFor(props.errors, 'sharedNotes')}
              />
              <Textarea
                id="privateNotes"
                name="privateNotes"
                label={{ text: 'Your private notes', classes: 'govuk-label--s' }}
                hint={{ text: 'Only you will ever see these: not the other person, not programme leads, not admins.' }}
                value={props.values.privateNotes}
                errorMessage={errorFor(props.errors, 'privateNotes')}
              />
              <DateField prefix="next" legend="Next meeting (optional)" values={props.values} errors={props.errors} />
              <Button text="Record the meeting" />
            </form>
            {d.role === 'mentor' && !p.signed_off_at ? (
              <>
                <h2 class="govuk-heading-m">Sign off</h2>
                <form method="post" action={`/mentoring/pairings/${p.id}/sign-off`} novalidate>
                  <Textarea id="comment" name="comment" label={{ text: 'Comment (optional)', classes: 'govuk-label--s' }} />
                  <Button text="Sign off the mentoring as complete" classes="govuk-button--secondary" />
                </form>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

export function AgreementPage(props: { pairingId: string; isChange: boolean; values: FormValues; errors?: FieldErrors }) {
  const field = (id: string, label: string, hint: string) => (
    <Textarea
      id={id}
      name={id}
      rows={3}
      label={{ text: label, classes: 'govuk-label--s' }}
      hint={{ text: hint }}
      value={props.values[id]}
      errorMessage={errorFor(props.errors, id)}
    />
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">{props.isChange ? 'Propose changes to your agreement' : 'Propose an agreement'}</h1>
        <p class="govuk-body">When you propose it you agree to it; the other person is asked to agree too. Both of you see who agreed when.</p>
        <form method="post" action={`/mentoring/pairings/${props.pairingId}/agreement`} novalidate>
          {field('goals', 'Goals', 'What you want the mentoring to achieve.')}
          {field('frequency', 'How often you will meet', 'For example, every three weeks for an hour.')}
          {field('how', 'How you will meet', 'For example, in person at school, or by video call.')}
          {field('confidentiality', 'What stays confidential', 'What either of you may share with others, and what stays between you.')}
          <Button text="Propose" />
        </form>
      </div>
    </div>
  );
}

export function MeetingPageView(props: { data: MeetingPage; values: FormValues; errors?: FieldErrors; banner?: string }) {
  const d = props.data;
  const m = d.meeting;
  const p = d.pairing;
  const other = d.role === 'mentor' ? name(p.mentee_given_name, p.mentee_family_name) : name(p.mentor_given_name, p.mentor_family_name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <FormErrors errors={props.errors} />
        <span class="govuk-caption-l">With {other}</span>
        <h1 class="govuk-heading-l">Meeting on {formatDate(m.held_on)}</h1>
        <SummaryList
          rows={[
            { key: { text: 'Length' }, value: { text: `${m.duration_minutes} minutes` } },
            {
              key: { text: 'Focus skills' },
              value: { text: d.focusSkills.length ? d.focusSkills.map((s) => `${s.code} ${s.title}`).join(', ') : 'None chosen' },
            },
            { key: { text: 'Shared notes' }, value: { text: m.shared_notes || 'None' } },
            { key: { text: 'Next meeting' }, value: { text: m.next_meeting_on ? formatDate(m.next_meeting_on) : 'Not set' } },
            { key: { text: 'Confirmed' }, value: { text: m.status === 'confirmed' ? `Confirmed on ${formatDate(m.confirmed_at)}` : 'Not yet confirmed' } },
          ]}
        />
        {d.canConfirm ? (
          <form method="post" action={`/mentoring/meetings/${m.id}/confirm`}>
            <Button text="Confirm this meeting happened" />
          </form>
        ) : null}
        <h2 class="govuk-heading-m">Your private notes</h2>
        <WarningText text={`Only you will ever see these notes: not ${other}, not programme leads and not admins.`} />
        <form method="post" action={`/mentoring/meetings/${m.id}/private-notes`} novalidate>
          <Textarea
            id="privateNotes"
            name="privateNotes"
            label={{ text: 'Private notes', classes: 'govuk-visually-hidden' }}
            value={props.values.privateNotes ?? d.privateNotes}
            errorMessage={errorFor(props.errors, 'privateNotes')}
          />
          <Button text="Save private notes" classes="govuk-button--secondary" />
        </form>
        <h2 class="govuk-heading-m">Actions</h2>
        {d.actions.length === 0 ? (
          <p class="govuk-body">No actions.</p>
        ) : (
          <ul class="govuk-list">
            {d.actions.map((x) => (
              <li>
                {x.description}: {name(x.owner_given_name, x.owner_family_name)}, due {formatDate(x.due_on)}
                {x.done_at ? ` (done on ${formatDate(x.done_at)})` : x.due_on < d.today ? ' (overdue)' : ''}{' '}
                {x.done_at === null && d.active ? (
                  <PostLink
                    action={`/mentoring/actions/${x.id}/done`}
                    text="Mark as done"
                    visuallyHiddenText={x.description}
                    classes="govuk-!-display-inline"
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {d.active ? (
          <form method="post" action={`/mentoring/meetings/${m.id}/actions`} novalidate>
            <h3 class="govuk-heading-s">Add an action</h3>
            <Input
              id="description"
              name="description"
              label={{ text: 'What will be done' }}
              value={props.values.description}
              errorMessage={errorFor(props.errors, 'description')}
            />
            <Radios
              name="owner"
              idPrefix="owner"
              classes="govuk-radios--small"
              fieldset={{ legend: { text: 'Who will do it', classes: 'govuk-fieldset__legend--s' } }}
              items={[
                { value: p.mentee_id, text: name(p.mentee_given_name, p.mentee_family_name) },
                { value: p.mentor_id, text: name(p.mentor_given_name, p.mentor_family_name) },
              ]}
              value={props.values.owner}
              errorMessage={errorFor(props.errors, 'owner')}
            />
            <DateField prefix="due" legend="Due" values={props.values} errors={props.errors} />
            <Button text="Add the action" classes="govuk-button--secondary" />
          </form>
        ) : null}
        <p class="govuk-body">Focus skills chosen: {parseIdList(m.focus_skills).length}</p>
      </div>
    </div>
  );
}

export function ReviewPageView(props: { data: ReviewPage; values: FormValues; errors?: FieldErrors }) {
  const d = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">
          Progress review: {d.pairing.mentee_given_name} {d.pairing.mentee_family_name}
        </h1>
        <p class="govuk-body">{d.pairing.mentee_given_name} and the programme lead see this review. It is a view of progress, not an assessment.</p>
        <form method="post" action={`/mentoring/pairings/${d.pairing.id}/review`} novalidate>
          <Input
            id="checkpoint"
            name="checkpoint"
            label={{ text: 'Checkpoint', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Midpoint.' }}
            value={props.values.checkpoint}
            errorMessage={errorFor(props.errors, 'checkpoint')}
          />
          {d.skills.map((s) => (
            <Textarea
              id={`comment-${s.id}`}
              name={`comment-${s.id}`}
              rows={3}
              label={{ text: `${s.code} ${s.title}`, classes: 'govuk-label--s' }}
              value={props.values[`comment-${s.id}`]}
              errorMessage={errorFor(props.errors, `comment-${s.id}`)}
            />
          ))}
          <Radios
            name="overall"
            idPrefix="overall"
            fieldset={{ legend: { text: 'Overall', classes: 'govuk-fieldset__legend--s' } }}
            items={Object.entries(REVIEW_VIEWS).map(([value, text]) => ({ value, text }))}
            value={props.values.overall}
            errorMessage={errorFor(props.errors, 'overall')}
          />
          <Button text="Save the review" />
        </form>
      </div>
    </div>
  );
}
