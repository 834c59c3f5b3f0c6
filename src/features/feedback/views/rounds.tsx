import { raw } from 'hono/html';
import { formatDate } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Input,
  InsetText,
  NotificationBanner,
  Radios,
  StatusTag,
  SummaryList,
  Table,
} from '../../../platform/ui/components';
import { RATER_GROUP_LABELS } from '../feedback.model';
import { ADVISED_RESPONDENTS, INVITED_GROUPS } from '../feedback.schemas';
import type { Approval, ColleagueFound, listFeedback, NewRoundChoices, RoundPage as RoundPageData, roundSources } from '../feedback.service';
import { RatingQuestions, type FormSkill } from './respond';

function RoundStatusTag(props: { closed: boolean }) {
  return props.closed ? <StatusTag text="Closed" colour="grey" /> : <StatusTag text="Open" colour="blue" />;
}

/** Your rounds, and reports others have shared with you. */
export function FeedbackHomePage(props: { data: Awaited<ReturnType<typeof listFeedback>>; banner?: string }) {
  const { rounds, shared } = props.data;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">360 feedback</h1>
        {props.data.approvals > 0 ? (
          <InsetText
            html={
              <>
                {props.data.approvals === 1 ? 'An outside address is' : `${props.data.approvals} outside addresses are`} waiting for you to approve them before
                the invitation is sent.{' '}
                <a class="govuk-link" href="/feedback/approvals">
                  Approve or refuse them
                </a>
              </>
            }
          />
        ) : null}
        <p class="govuk-body">
          Ask colleagues, your line manager and your students how often they see you lead in the ways your programme focuses on. Answers are anonymous, except
          your line manager’s, and you see a report when the round closes.
        </p>
        <Button text="Start a feedback round" href="/feedback/new" />
        <h2 class="govuk-heading-m">Your feedback rounds</h2>
        {rounds.length === 0 ? (
          <p class="govuk-body">You have not started a feedback round yet.</p>
        ) : (
          <Table
            caption="Your feedback rounds"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Started' }, { text: 'Closes' }, { text: 'Answers', format: 'numeric' }, { text: 'Status' }]}
            rows={rounds.map((r) => [
              {
                html: (
                  <a class="govuk-link" href={`/feedback/${r.id}`}>
                    Round started {formatDate(r.created_at)}
                  </a>
                ),
              },
              { text: formatDate(r.closes_on) },
              { text: String(r.answered), format: 'numeric' },
              { html: <RoundStatusTag closed={r.closed} /> },
            ])}
          />
        )}
        {shared.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Reports shared with you</h2>
            <Table
              caption="Reports shared with you"
              captionClasses="govuk-visually-hidden"
              head={[{ text: 'Whose' }, { text: 'You are their' }, { text: 'Status' }]}
              rows={shared.map((r) => [
                {
                  html: (
                    <a class="govuk-link" href={`/feedback/${r.id}/report`}>
                      {r.given_name} {r.family_name}
                    </a>
                  ),
                },
                { text: r.relationship === 'coach' ? 'Coach' : 'Line manager' },
                { text: r.closed ? 'Report ready' : `Ready after ${formatDate(r.closes_on)}` },
              ])}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Step one: what the round is about (a programme you are on, or a framework for your own development). */
export function ChooseSourcePage(props: { sources: Awaited<ReturnType<typeof roundSources>>; error?: string }) {
  const items = [
    ...props.sources.enrolments.map((e) => ({
      value: `enrolment:${e.id}`,
      text: `${e.programme_title}, ${e.cohort_name}`,
      hint: { text: 'Asks about the programme’s focus skills (you can change them).' },
    })),
    ...props.sources.versions.map((v) => ({
      value: `version:${v.versionId}`,
      text: `For my own development: ${v.title}`,
      hint: { text: 'Choose the skills yourself.' },
    })),
  ];
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.error ? <ErrorSummary titleText="There is a problem" errorList={[{ text: props.error, href: '#source' }]} /> : null}
        {items.length === 0 ? (
          <>
            <h1 class="govuk-heading-l">Start a feedback round</h1>
            <p class="govuk-body">There is no programme or published skills framework to base a round on yet. Ask your programme lead.</p>
          </>
        ) : (
          <form method="get" action="/feedback/new" novalidate>
            <input type="hidden" name="step" value="source" />
            <Radios
              name="source"
              idPrefix="source"
              fieldset={{ legend: { text: 'What is the feedback for?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } }}
              errorMessage={props.error ? { text: props.error } : undefined}
              items={items}
            />
            <Button text="Continue" />
          </form>
        )}
      </div>
    </div>
  );
}

/** Step two: skills, closing date and settings. */
export function NewRoundPage(props: { source: string; choices: NewRoundChoices; values: FormValues; skillIds: string[]; errors?: FieldErrors }) {
  const errors = props.errors ?? {};
  const v = props.values;
  const dateClass = (width: number) => `govuk-input--width-${width}${errors.closesOn ? ' govuk-input--error' : ''}`;
  const minimum = (name: string, label: string, hint: string) => (
    <Input
      name={name}
      id={name}
      type="text"
      inputmode="numeric"
      classes="govuk-input--width-2"
      label={{ text: label }}
      hint={{ text: hint }}
      value={v[name]}
      errorMessage={errorFor(errors, name)}
    />
  );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? (
          <ErrorSummary titleText="There is a problem" errorList={errorList(errors, { closesOn: 'closesOn-day', skills: 'skills' })} />
        ) : null}
        <span class="govuk-caption-l">{props.choices.label}</span>
        <h1 class="govuk-heading-l">Start a feedback round</h1>
        <form method="post" action="/feedback" novalidate>
          <input type="hidden" name="source" value={props.source} />
          <Checkboxes
            name="skills"
            idPrefix="skills"
            fieldset={{ legend: { text: 'Which skills should people give feedback on?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{
              text:
                props.choices.defaults.length > 0
                  ? 'Your programme’s focus skills are ticked. Fewer skills make a quicker form: 4 to 8 works well.'
                  : 'Fewer skills make a quicker form: 4 to 8 works well.',
            }}
            errorMessage={errorFor(errors, 'skills')}
            values={props.skillIds}
            items={props.choices.skills.map((s) => ({ value: s.id, text: `${s.code} ${s.title}`, hint: { text: s.domain } }))}
          />
          <DateInput
            id="closesOn"
            namePrefix="closesOn"
            fieldset={{ legend: { text: 'When should the round close?', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'Answers are taken until the end of this day (UK time). Two or three weeks gives people time. For example, 12 12 2026' }}
            errorMessage={errorFor(errors, 'closesOn')}
            items={[
              { name: 'day', classes: dateClass(2), value: v['closesOn-day'] },
              { name: 'month', classes: dateClass(2), value: v['closesOn-month'] },
              { name: 'year', classes: dateClass(4), value: v['closesOn-year'] },
            ]}
          />
          <h2 class="govuk-heading-m">Keeping answers anonymous</h2>
          <p class="govuk-body">
            A group’s answers are shown on their own only when at least this many people in it answer; otherwise they are folded into ‘all others’. Your line
            manager is named, not anonymous: one answer is enough, and they are told so.
          </p>
          {minimum('minimumPeer', 'Peers', 'At least 3.')}
          {minimum('minimumDirectReport', 'Direct reports', 'At least 3.')}
          {minimum('minimumStudent', 'Students', 'At least 5. Students’ answers are only ever shown as their own group, never in “All others”.')}
          {minimum('minimumOther', 'Others (governors, parents, external colleagues)', 'At least 3.')}
          <Input
            name="margin"
            id="margin"
            type="text"
            inputmode="decimal"
            classes="govuk-input--width-3"
            label={{ text: 'Blind spot margin (points)', classes: 'govuk-label--s' }}
            hint={{
              text: 'How far your own rating and others’ must differ, on the 1 to 5 scale, to count as a blind spot or a hidden strength. 1.3 is a third of the scale.',
            }}
            value={v.margin}
            errorMessage={errorFor(errors, 'margin')}
          />
          <Button text="Start the round" />
        </form>
      </div>
    </div>
  );
}

/** The participant's round: who they asked, how many answered per group (never who), the class link, sharing. */
export function RoundPage(props: {
  page: RoundPageData;
  qrSvg: string | null;
  values: FormValues;
  errors?: FieldErrors;
  banner?: string;
  find?: string;
  found?: ColleagueFound[];
}) {
  const { page } = props;
  const { round } = page;
  const errors = props.errors ?? {};
  const base = `/feedback/${round.id}`;
  const studentsAsked = page.classLink !== null;
  // A share names the person it was given to: if the coach or line manager has changed since (or is no
  // longer in Waymark), it is still that person who can read the report, so they are the one named here
  // and the one the participant can stop sharing with.
  const shareFor = (relationship: 'coach' | 'line_manager', person: { id: string; given_name: string; family_name: string } | null) => {
    const share = page.shares.find((s) => s.relationship === relationship);
    const role = relationship === 'coach' ? 'coach' : 'line manager';
    if (share) {
      const name = `${share.given_name} ${share.family_name}`;
      const current = person?.id === share.person_id;
      return (
        <form method="post" action={`${base}/sharing`} novalidate>
          <input type="hidden" name="with" value={relationship} />
          <input type="hidden" name="action" value="stop" />
          <p class="govuk-body">
            {current ? `Your ${role}, ${name}: can read your report.` : `${name}, who was your ${role} when you shared it: can read your report.`}
          </p>
          <Button text={`Stop sharing with ${name}`} classes="govuk-button--secondary" />
        </form>
      );
    }
    if (!person) return null;
    const name = `${person.given_name} ${person.family_name}`;
    return (
      <form method="post" action={`${base}/sharing`} novalidate>
        <input type="hidden" name="with" value={relationship} />
        <input type="hidden" name="action" value="share" />
        <p class="govuk-body">
          Your {role}, {name}: cannot see your report.
        </p>
        <Button text={`Share your report with ${name}`} classes="govuk-button--secondary" />
      </form>
    );
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">360 feedback</span>
        <h1 class="govuk-heading-l">Your feedback round</h1>
        <SummaryList
          rows={[
            { key: { text: 'Status' }, value: { html: <RoundStatusTag closed={page.closed} /> } },
            {
              key: { text: page.closed ? 'Closed' : 'Closes' },
              value: { text: page.closed && round.closed_at ? formatDate(round.closed_at) : `At the end of ${formatDate(round.closes_on)}` },
            },
            {
              key: { text: 'Skills' },
              value: {
                html: (
                  <ul class="govuk-list">
                    {page.skills.map((s) => (
                      <li>
                        {s.code} {s.title}
                      </li>
                    ))}
                  </ul>
                ),
              },
            },
            {
              key: { text: 'Your own rating' },
              value: { text: page.selfRated ? 'Done' : 'Not done yet' },
              actions: page.closed
                ? undefined
                : { items: [{ href: `${base}/self`, text: page.selfRated ? 'Change' : 'Rate yourself', visuallyHiddenText: 'your own rating' }] },
            },
          ]}
        />
        {page.closed ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/report`}>
              Read your report
            </a>
          </p>
        ) : (
          <p class="govuk-body">Your report will be ready when the round closes. You can close it early once enough people have answered.</p>
        )}

        <h2 class="govuk-heading-m">Answers so far</h2>
        <p class="govuk-body">You see how many people in each group have answered, never who.</p>
        <Table
          caption="Answers by group"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[
            { text: 'Group' },
            { text: 'Asked', format: 'numeric' },
            { text: 'Answered', format: 'numeric' },
            { text: 'Shown on its own from', format: 'numeric' },
          ]}
          rows={page.groups.map((g) => [
            { text: RATER_GROUP_LABELS[g.group].plural },
            { text: g.group === 'student' ? (studentsAsked ? 'Class link' : '0') : String(g.invited.length), format: 'numeric' },
            { text: String(g.answered), format: 'numeric' },
            { text: g.group === 'line_manager' ? '1 (named)' : String(g.minimum), format: 'numeric' },
          ])}
        />
        {!page.closed && page.totalAnswered > 0 ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/close`}>
              Close the round now
            </a>
          </p>
        ) : null}

        {!page.closed ? (
          <>
            <h2 class="govuk-heading-m">Ask people for feedback</h2>
            {page.totalInvited < ADVISED_RESPONDENTS ? (
              <InsetText
                text={`Ask at least ${ADVISED_RESPONDENTS} people in all, and at least 3 in each group you ask, so that answers stay anonymous and the report says something useful. Some people will not answer.`}
              />
            ) : null}
            <h3 class="govuk-heading-s">Choose colleagues from the staff directory</h3>
            {page.lineManager && !page.lineManagerInvited ? (
              <form method="post" action={`${base}/colleagues`} novalidate>
                <input type="hidden" name="group" value="line_manager" />
                <Checkboxes
                  name="people"
                  idPrefix="line-manager"
                  fieldset={{ legend: { text: RATER_GROUP_LABELS.line_manager.name, classes: 'govuk-fieldset__legend--s' } }}
                  hint={{ text: 'Your line manager on your staff record. Their answers are named in the report, and they are told so.' }}
                  values={[page.lineManager.id]}
                  items={[
                    {
                      value: page.lineManager.id,
                      text: `${page.lineManager.given_name} ${page.lineManager.family_name}`,
                      hint: { text: page.lineManager.email },
                    },
                  ]}
                />
                <Button text="Ask your line manager" classes="govuk-button--secondary" />
              </form>
            ) : null}
            <form method="get" action={base} novalidate>
              <Input
                name="find"
                id="find"
                label={{ text: 'Search by name, email address or job title', classes: 'govuk-label--s' }}
                value={props.find ?? ''}
                autocomplete="off"
                spellcheck={false}
              />
              <Button text="Search" classes="govuk-button--secondary" />
            </form>
            {props.find ? (
              (props.found ?? []).length === 0 ? (
                <p class="govuk-body">No colleague you haven’t asked yet matches “{props.find}”.</p>
              ) : (
                <form method="post" action={`${base}/colleagues`} novalidate>
                  <input type="hidden" name="find" value={props.find} />
                  <Checkboxes
                    name="people"
                    idPrefix="people"
                    fieldset={{ legend: { text: 'Who would you like to ask?', classes: 'govuk-fieldset__legend--s' } }}
                    errorMessage={errorFor(errors, 'people')}
                    items={(props.found ?? []).map((p) => ({
                      value: p.id,
                      text: `${p.given_name} ${p.family_name}`,
                      hint: { text: [p.job_title, p.email].filter(Boolean).join(', ') },
                    }))}
                  />
                  <Radios
                    name="group"
                    idPrefix="colleagues-group"
                    value={props.values.group}
                    fieldset={{ legend: { text: 'How do they know you?', classes: 'govuk-fieldset__legend--s' } }}
                    errorMessage={errorFor(errors, 'group')}
                    items={INVITED_GROUPS.map((g) => ({ value: g, text: RATER_GROUP_LABELS[g].name }))}
                  />
                  <Button text="Send the invitations" />
                </form>
              )
            ) : null}
            <h3 class="govuk-heading-s">Or give a name and email address</h3>
            <form method="post" action={`${base}/respondents`} novalidate>
              <Radios
                name="group"
                idPrefix="group"
                value={props.values.group}
                fieldset={{ legend: { text: 'How do they know you?', classes: 'govuk-fieldset__legend--s' } }}
                errorMessage={errorFor(errors, 'group')}
                items={INVITED_GROUPS.map((g) => ({ value: g, text: RATER_GROUP_LABELS[g].name, hint: { text: RATER_GROUP_LABELS[g].hint } }))}
              />
              <Input
                name="name"
                id="name"
                label={{ text: 'Their name', classes: 'govuk-label--s' }}
                value={props.values.name}
                errorMessage={errorFor(errors, 'name')}
                autocomplete="off"
                spellcheck={false}
              />
              <Input
                name="email"
                id="email"
                type="email"
                label={{ text: 'Their email address', classes: 'govuk-label--s' }}
                hint={{
                  text: 'A colleague on Waymark gets a private link by email at once. Any other address waits until your line manager or a programme lead approves it, so that only real people are counted.',
                }}
                value={props.values.email}
                errorMessage={errorFor(errors, 'email')}
                autocomplete="off"
                spellcheck={false}
              />
              <Button text="Send the invitation" />
            </form>
          </>
        ) : null}

        <h2 class="govuk-heading-m">People you have asked</h2>
        {page.totalInvited === 0 ? (
          <p class="govuk-body">Nobody yet.</p>
        ) : (
          <Table
            caption="People you have asked"
            captionClasses="govuk-visually-hidden"
            head={[{ text: 'Name' }, { text: 'Email' }, { text: 'Group' }, { text: 'Invitation' }]}
            rows={page.groups.flatMap((g) =>
              g.invited.map((r) => [
                { text: r.name },
                { text: r.email },
                { text: RATER_GROUP_LABELS[g.group].name },
                { text: r.approval === 'awaiting_approval' ? 'Awaits approval' : r.approval === 'refused' ? 'Not approved' : 'Sent' },
              ]),
            )}
          />
        )}

        <h2 class="govuk-heading-m">Students</h2>
        <p class="govuk-body">
          Students answer anonymously through one class link, on their own phone or a school device. It asks for no personal data, and each device can answer
          once.
        </p>
        {page.classLink?.open && !page.closed ? (
          <>
            <p class="govuk-body">
              The class link is open: <span class="govuk-!-text-break-word">{page.classLink.url}</span>
            </p>
            {props.qrSvg ? <div class="govuk-!-margin-bottom-6">{raw(props.qrSvg)}</div> : null}
            <form method="post" action={`${base}/class-link`} novalidate>
              <input type="hidden" name="action" value="close" />
              <Button text="Close the class link" classes="govuk-button--secondary" />
            </form>
          </>
        ) : !page.closed ? (
          <form method="post" action={`${base}/class-link`} novalidate>
            <input type="hidden" name="action" value="open" />
            <Button text={page.classLink ? 'Open the class link again' : 'Open a class link'} classes="govuk-button--secondary" />
          </form>
        ) : (
          <p class="govuk-body">The round has closed, so the class link is closed too.</p>
        )}

        <h2 class="govuk-heading-m">Sharing your report</h2>
        <p class="govuk-body">Only you can read your report unless you share it. You can stop sharing at any time.</p>
        {shareFor('coach', page.coach)}
        {shareFor('line_manager', page.lineManager)}
        {!page.coach && !page.lineManager && page.shares.length === 0 ? (
          <p class="govuk-body">You have no coach or line manager in Waymark to share it with.</p>
        ) : null}
      </div>
    </div>
  );
}

/** The participant rates themselves on the same scale. */
export function SelfRatingPage(props: { roundId: string; skills: FormSkill[]; values: FormValues; errors?: FieldErrors; closed: boolean }) {
  const errors = props.errors ?? {};
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors)} /> : null}
        <span class="govuk-caption-l">360 feedback</span>
        <h1 class="govuk-heading-l">Rate yourself</h1>
        {props.closed ? (
          <p class="govuk-body">This round has closed, so your own ratings can no longer change.</p>
        ) : (
          <form method="post" action={`/feedback/${props.roundId}/self`} novalidate>
            <p class="govuk-body">
              How often do you do these things? Your answers sit beside everyone else’s in your report, to show where others see you differently.
            </p>
            <RatingQuestions skills={props.skills} values={props.values} errors={errors} notObservedLabel="Not sure" />
            <Button text="Save your ratings" />
          </form>
        )}
      </div>
    </div>
  );
}

/** Until the round closes, the report says when it will be ready. */
export function ReportNotReadyPage(props: { participantName: string; closesOn: string; isParticipant: boolean; roundId: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">360 feedback</span>
        <h1 class="govuk-heading-l">{props.isParticipant ? 'Your report is not ready yet' : `${props.participantName}’s report is not ready yet`}</h1>
        <p class="govuk-body">The report will be ready when the round closes at the end of {formatDate(props.closesOn)}.</p>
        {props.isParticipant ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/feedback/${props.roundId}`}>
              Back to your round
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Outside addresses waiting for the viewer (the participant's line manager, or a programme lead) to approve. */
export function ApprovalsPage(props: { approvals: Approval[]; banner?: string }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
        <h1 class="govuk-heading-l">Outside addresses to approve</h1>
        <p class="govuk-body">
          Colleagues on Waymark are asked for 360 feedback at once. Anyone else is asked only when the person’s line manager or a programme lead approves the
          address, because answers are anonymous only if every answer counted comes from a real, different person. Refuse an address that could be the person’s
          own, or someone already asked.
        </p>
        {props.approvals.length === 0 ? (
          <p class="govuk-body">There is nothing to approve.</p>
        ) : (
          props.approvals.map((a) => (
            <div class="govuk-summary-card">
              <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                  {a.given_name} {a.family_name} would like to ask {a.name}
                </h2>
              </div>
              <div class="govuk-summary-card__content">
                <SummaryList
                  rows={[
                    { key: { text: 'Name' }, value: { text: a.name } },
                    { key: { text: 'Email address' }, value: { text: a.email } },
                    { key: { text: 'As' }, value: { text: RATER_GROUP_LABELS[a.rater_group].name } },
                    { key: { text: 'Round closes' }, value: { text: formatDate(a.closes_on) } },
                  ]}
                />
                <div class="govuk-button-group">
                  <form method="post" action={`/feedback/approvals/${a.id}`} novalidate>
                    <input type="hidden" name="decision" value="approve" />
                    <Button text={`Approve ${a.name}`} />
                  </form>
                  <form method="post" action={`/feedback/approvals/${a.id}`} novalidate>
                    <input type="hidden" name="decision" value="refuse" />
                    <Button text={`Refuse ${a.name}`} classes="govuk-button--secondary" />
                  </form>
                </div>
              </div>
            </div>
          ))
        )}
      </div>
    </div>
  );
}

/** Asks before closing a round early, and says what closing early means. */
export function CloseRoundPage(props: { page: RoundPageData }) {
  const { page } = props;
  const base = `/feedback/${page.round.id}`;
  if (page.closed || page.totalAnswered === 0)
    return (
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{page.closed ? 'This round has closed' : 'Nobody has answered yet'}</h1>
          <p class="govuk-body">
            {page.closed
              ? 'Your feedback round has already closed, so there is nothing to close.'
              : `Your round can be closed early once someone has answered. Until then it stays open until the end of ${formatDate(page.round.closes_on)}.`}
          </p>
          <p class="govuk-body">
            <a class="govuk-link" href={base}>
              Back to your feedback round
            </a>
          </p>
        </div>
      </div>
    );
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Close your feedback round now?</h1>
        <p class="govuk-body">
          {page.totalAnswered === 1 ? '1 person has' : `${page.totalAnswered} people have`} answered so far. The round would otherwise close at the end of{' '}
          {formatDate(page.round.closes_on)}.
        </p>
        <p class="govuk-body">If you close it now:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>nobody else can answer: people who haven’t yet will see that the round has closed, and anything they saved is deleted</li>
          <li>your report is ready at once, with only the answers given so far</li>
          <li>a group with fewer answers than its minimum is not shown on its own, so a report closed early may show less</li>
          <li>you cannot open the round again, though you can start a new round</li>
        </ul>
        <form method="post" action={`${base}/close`} novalidate>
          <div class="govuk-button-group">
            <Button text="Close the round now" classes="govuk-button--warning" />
            <a class="govuk-link" href={base}>
              Keep it open
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}
