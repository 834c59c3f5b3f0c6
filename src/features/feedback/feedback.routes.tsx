import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { addDays, londonDate } from '../../platform/dates';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, validate, type FormValues } from '../../platform/http/forms';
import { clientAddress } from '../../platform/http/request';
import { looksLikeToken, newToken } from '../../platform/http/tokens';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { PUPIL_NOT_SURE_LABEL } from './feedback.model';
import { renderReportPdf } from './feedback.pdf';
import {
  answersToValues,
  approvalForm,
  classLinkForm,
  declineForm,
  parseClosingDate,
  readAnswers,
  readPupilQuestions,
  respondentForm,
  roundForm,
  ROUND_FORM_DEFAULTS,
  shareForm,
} from './feedback.schemas';
import {
  answerAsRespondent,
  answerThroughClassLink,
  changeSharing,
  closeRound,
  declineAsRespondent,
  decideOutsideAddress,
  findApproval,
  findColleaguesToInvite,
  inviteColleagues,
  listApprovals,
  findOwnRound,
  getReport,
  getRoundPage,
  getSelfRating,
  getPupilQuestions,
  savePupilQuestions,
  inviteRespondent,
  listFeedback,
  newRoundChoices,
  openClassLink,
  openRespondentLink,
  openRound,
  roundSources,
  saveSelfRating,
  setClassLink,
  type RoundSource,
} from './feedback.service';
import { LinkDonePage, ClassFormPage, RespondentFormPage } from './views/respond';
import { FeedbackReportView } from './views/report';
import { PupilQuestionsPageView, pupilQuestionValues } from './views/pupil-questions';
import { ApprovalsPage, ChooseSourcePage, CloseRoundPage, FeedbackHomePage, NewRoundPage, ReportNotReadyPage, RoundPage, SelfRatingPage } from './views/rounds';
import { qrCodeSvg } from '../../platform/documents/lazy';

/** 360-degree feedback rounds, respondent forms, class links and reports. */
export const feedbackRoutes = new Hono<AppEnv>();

const HOME_BANNERS: Record<string, string> = { opened: 'Your feedback round has started' };
const ROUND_BANNERS: Record<string, string> = {
  opened: 'Your feedback round has started. Now rate yourself and ask people for feedback.',
  invited: 'Invitation sent',
  awaiting: 'This address is not on Waymark, so it awaits approval by your line manager or a programme lead. The invitation is sent when they approve it.',
  self: 'Your own ratings are saved',
  'class-opened': 'The class link is open',
  'class-closed': 'The class link is closed',
  closed: 'The round is closed and your report is ready',
  shared: 'Your report is shared',
  unshared: 'You have stopped sharing your report',
};

/** "enrolment:<id>" or "version:<id>", from the first step of a new round. */
function parseSource(value: string | undefined): RoundSource | null {
  const match = /^(enrolment|version):([A-Za-z0-9-]{1,64})$/.exec(value ?? '');
  const [, kind, id] = match ?? [];
  if (!kind || !id) return null;
  return kind === 'enrolment' ? { enrolmentId: id } : { versionId: id };
}

/** Checkbox values (one per ticked box). */
// ----- The participant -----

feedbackRoutes.get('/feedback', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await listFeedback(c.get('deps'), viewer);
  return renderPage(c, { title: '360 feedback' }, <FeedbackHomePage data={data} banner={HOME_BANNERS[c.req.query('done') ?? '']} />);
});

/** `chosen` is true when the first step's form was sent (so a missing choice is an error). */
async function newRoundPage(
  c: Context<AppEnv>,
  sourceValue: string | undefined,
  values: FormValues,
  skillIds: string[] | null,
  errors?: FieldErrors,
  chosen = false,
) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const source = parseSource(sourceValue);
  if (!source) {
    const sources = await roundSources(deps, viewer);
    const error = chosen ? 'Select what the feedback is for' : undefined;
    return renderPage(
      c,
      { title: 'Start a feedback round', hasErrors: !!error, beforeContent: <BackLink href="/feedback" text="360 feedback" /> },
      <ChooseSourcePage sources={sources} error={error} />,
    );
  }
  const choices = await newRoundChoices(deps, viewer, source);
  return renderPage(
    c,
    { title: 'Start a feedback round', hasErrors: !!errors, beforeContent: <BackLink href="/feedback/new" text="Back" /> },
    <NewRoundPage source={sourceValue ?? ''} choices={choices} values={values} skillIds={skillIds ?? choices.defaults} errors={errors} />,
  );
}

feedbackRoutes.get('/feedback/new', access('signed-in'), (c) =>
  newRoundPage(c, c.req.query('source'), ROUND_FORM_DEFAULTS, null, undefined, c.req.query('step') === 'source'),
);

feedbackRoutes.post('/feedback', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const submitted = await readFormWithLists(c);
  const { values } = submitted;
  const list = submitted.list('skills');
  const source = parseSource(values.source);
  if (!source) return newRoundPage(c, values.source, values, list, undefined, true);
  // Who may use the source is settled first, so a stranger's enrolment is a 404 rather than a form error.
  const choices = await newRoundChoices(deps, viewer, source);
  const errors: FieldErrors = {};
  if (list.length === 0) errors.skills = 'Select at least one skill to ask about';
  const today = londonDate(deps.clock.now());
  const closing = parseClosingDate(values, today, addDays(today, 183));
  if ('error' in closing) errors.closesOn = closing.error;
  const form = validate(roundForm, values);
  if (!form.ok) Object.assign(errors, form.errors);
  if (Object.keys(errors).length > 0 || !form.ok || 'error' in closing) return newRoundPage(c, values.source, values, list, errors);
  try {
    const id = await openRound(deps, viewer, choices, list, closing.date, form.data, c.get('requestId'));
    return c.redirect(`/feedback/${id}?done=opened`, 303);
  } catch (error) {
    if (error instanceof Invalid) return newRoundPage(c, values.source, values, list, error.fieldErrors);
    throw error;
  }
});

async function roundPage(c: Context<AppEnv>, values: FormValues = {}, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getRoundPage(c.get('deps'), viewer, c.req.param('roundId') ?? '');
  const qrSvg =
    page.classLink?.open && !page.closed ? await qrCodeSvg(page.classLink.url, 'QR code for the class link', { attributes: 'width="240" height="240"' }) : null;
  const find = values.find ?? c.req.query('find') ?? '';
  const found = page.closed ? [] : await findColleaguesToInvite(c.get('deps'), viewer, page.round.id, find);
  return renderPage(
    c,
    { title: 'Your feedback round', hasErrors: !!errors, beforeContent: <BackLink href="/feedback" text="360 feedback" /> },
    <RoundPage page={page} qrSvg={qrSvg} values={values} errors={errors} banner={ROUND_BANNERS[c.req.query('done') ?? '']} find={find} found={found} />,
  );
}

// ----- Approving outside addresses (the participant's line manager, or a programme lead) -----

feedbackRoutes.get('/feedback/approvals', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const approvals = await listApprovals(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Outside addresses to approve', beforeContent: <BackLink href="/feedback" text="360 feedback" /> },
    <ApprovalsPage approvals={approvals} banner={APPROVAL_BANNERS[c.req.query('done') ?? '']} />,
  );
});

const APPROVAL_BANNERS: Record<string, string> = { approved: 'Approved: the invitation has been sent', refused: 'Refused: no invitation was sent' };

feedbackRoutes.post('/feedback/approvals/:respondentId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  // Who may decide is settled first, so someone else's is a 404 rather than a form error.
  await findApproval(c.get('deps'), viewer, c.req.param('respondentId'));
  const form = validate(approvalForm, await readForm(c));
  if (!form.ok) throw new Invalid(form.errors, Object.values(form.errors)[0]);
  await decideOutsideAddress(c.get('deps'), viewer, c.req.param('respondentId'), form.data.decision === 'approve', c.get('requestId'));
  return c.redirect(`/feedback/approvals?done=${form.data.decision === 'approve' ? 'approved' : 'refused'}`, 303);
});

feedbackRoutes.get('/feedback/:roundId', access('signed-in'), (c) => roundPage(c));

feedbackRoutes.post('/feedback/:roundId/respondents', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('roundId');
  await findOwnRound(deps, viewer, id);
  const values = await readForm(c);
  const form = validate(respondentForm, values);
  if (!form.ok) return roundPage(c, values, form.errors);
  let outcome: 'sent' | 'awaiting_approval';
  try {
    outcome = await inviteRespondent(deps, viewer, id, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return roundPage(c, values, error.fieldErrors);
    throw error;
  }
  return c.redirect(`/feedback/${id}?done=${outcome === 'sent' ? 'invited' : 'awaiting'}`, 303);
});

feedbackRoutes.post('/feedback/:roundId/colleagues', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('roundId');
  await findOwnRound(deps, viewer, id);
  const submitted = await readFormWithLists(c);
  const people = submitted.list('people');
  const group = validate(respondentForm.pick({ group: true }), submitted.values);
  const errors: FieldErrors = {};
  if (people.length === 0) errors.people = 'Select at least one colleague to ask';
  if (!group.ok) Object.assign(errors, group.errors);
  if (!group.ok || Object.keys(errors).length > 0) return roundPage(c, submitted.values, errors);
  try {
    await inviteColleagues(deps, viewer, id, group.data.group, people, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return roundPage(c, submitted.values, error.fieldErrors);
    throw error;
  }
  return c.redirect(`/feedback/${id}?done=invited`, 303);
});

async function selfPage(c: Context<AppEnv>, values: FormValues | null, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getSelfRating(c.get('deps'), viewer, c.req.param('roundId') ?? '');
  const current = values ?? answersToValues({ ratings: data.ratings ?? {}, strengths: '', develop: '' });
  return renderPage(
    c,
    { title: 'Rate yourself', hasErrors: !!errors, beforeContent: <BackLink href={`/feedback/${data.round.id}`} text="Your feedback round" /> },
    <SelfRatingPage roundId={data.round.id} skills={data.skills} values={current} errors={errors} closed={data.closed} />,
  );
}

feedbackRoutes.get('/feedback/:roundId/self', access('signed-in'), (c) => selfPage(c, null));

feedbackRoutes.post('/feedback/:roundId/self', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('roundId');
  const { skills } = await getSelfRating(deps, viewer, id);
  const values = await readForm(c);
  const read = readAnswers(values, skills, true);
  if (!read.ok) return selfPage(c, values, read.errors);
  await saveSelfRating(deps, viewer, id, read.answers);
  return c.redirect(`/feedback/${id}?done=self`, 303);
});

feedbackRoutes.post('/feedback/:roundId/class-link', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('roundId');
  await findOwnRound(deps, viewer, id);
  const form = validate(classLinkForm, await readForm(c));
  if (!form.ok) throw new Invalid(form.errors, Object.values(form.errors)[0]);
  await setClassLink(deps, viewer, id, form.data.action === 'open');
  return c.redirect(`/feedback/${id}?done=class-${form.data.action === 'open' ? 'opened' : 'closed'}`, 303);
});

feedbackRoutes.get('/feedback/:roundId/close', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getRoundPage(c.get('deps'), viewer, c.req.param('roundId'));
  return renderPage(
    c,
    { title: 'Close your feedback round now?', beforeContent: <BackLink href={`/feedback/${page.round.id}`} text="Your feedback round" /> },
    <CloseRoundPage page={page} />,
  );
});

feedbackRoutes.post('/feedback/:roundId/close', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('roundId');
  await closeRound(c.get('deps'), viewer, id, c.get('requestId'));
  return c.redirect(`/feedback/${id}?done=closed`, 303);
});

feedbackRoutes.post('/feedback/:roundId/sharing', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const id = c.req.param('roundId');
  await findOwnRound(deps, viewer, id);
  const form = validate(shareForm, await readForm(c));
  if (!form.ok) throw new Invalid(form.errors, Object.values(form.errors)[0]);
  await changeSharing(deps, viewer, id, form.data.with, form.data.action === 'share', c.get('requestId'));
  return c.redirect(`/feedback/${id}?done=${form.data.action === 'share' ? 'shared' : 'unshared'}`, 303);
});

// ----- The report (the participant and those they share it with) -----

feedbackRoutes.get('/feedback/:roundId/report', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getReport(c.get('deps'), viewer, c.req.param('roundId'), { format: 'page', requestId: c.get('requestId') });
  const back = data.isParticipant ? (
    <BackLink href={`/feedback/${data.roundId}`} text="Your feedback round" />
  ) : (
    <BackLink href="/feedback" text="360 feedback" />
  );
  if (!data.ready)
    return renderPage(
      c,
      { title: '360 feedback report', beforeContent: back },
      <ReportNotReadyPage participantName={data.participantName} closesOn={data.closesOn} isParticipant={data.isParticipant} roundId={data.roundId} />,
    );
  return renderPage(
    c,
    { title: `360 feedback report: ${data.participantName}`, beforeContent: back },
    <FeedbackReportView
      report={data.report}
      participantName={data.participantName}
      roundTitle={data.roundTitle}
      closedOn={data.closedOn}
      pdfHref={`/feedback/${data.roundId}/report.pdf`}
    />,
  );
});

feedbackRoutes.get('/feedback/:roundId/report.pdf', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getReport(c.get('deps'), viewer, c.req.param('roundId'), { format: 'pdf', requestId: c.get('requestId') });
  if (!data.ready)
    return renderPage(
      c,
      { title: '360 feedback report', status: 409 },
      <ReportNotReadyPage participantName={data.participantName} closesOn={data.closesOn} isParticipant={data.isParticipant} roundId={data.roundId} />,
    );
  const pdf = await renderReportPdf(data.report, {
    participantName: data.participantName,
    roundTitle: data.roundTitle,
    closedOn: data.closedOn,
    organisationName: viewer.organisationName,
  });
  const fileName = `360-feedback-${data.participantName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`;
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'private, no-store',
  });
});

// ----- Respondents: a private link opens one form and nothing else -----

async function respondentPage(c: Context<AppEnv>, values: FormValues | null, errors?: FieldErrors) {
  const token = c.req.param('respondentToken') ?? '';
  const link = await openRespondentLink(c.get('deps'), token, clientAddress(c));
  if (link.state !== 'open')
    return renderPage(
      c,
      { title: 'Feedback', status: c.req.method === 'POST' ? 409 : 200 },
      <LinkDonePage state={link.state} participantName={link.participantName} />,
    );
  const r = link.respondent;
  const current = values ?? (link.draft ? answersToValues(link.draft) : {});
  return renderPage(
    c,
    { title: `Feedback for ${r.given_name} ${r.family_name}`, hasErrors: !!errors },
    <RespondentFormPage
      action={`/feedback/respond/${token}`}
      participantName={`${r.given_name} ${r.family_name}`}
      givenName={r.given_name}
      closesOn={r.closes_on}
      named={r.rater_group === 'line_manager'}
      skills={link.skills}
      values={current}
      errors={errors}
      saved={c.req.query('saved') === '1'}
    />,
  );
}

feedbackRoutes.get('/feedback/respond/:respondentToken', access('anyone'), (c) => respondentPage(c, null));

feedbackRoutes.post('/feedback/respond/:respondentToken', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('respondentToken');
  const link = await openRespondentLink(deps, token, clientAddress(c));
  if (link.state !== 'open') return respondentPage(c, null);
  const values = await readForm(c);
  const submit = values.action !== 'save';
  const read = readAnswers(values, link.skills, submit);
  if (!read.ok) return respondentPage(c, values, read.errors);
  const done = await answerAsRespondent(deps, link.respondent.id, read.answers, submit);
  if (!done) return respondentPage(c, null);
  return c.redirect(`/feedback/respond/${token}${submit ? '' : '?saved=1'}`, 303);
});

feedbackRoutes.post('/feedback/respond/:respondentToken/decline', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('respondentToken');
  const link = await openRespondentLink(deps, token, clientAddress(c));
  if (link.state !== 'open') return respondentPage(c, null);
  const values = await readForm(c);
  const form = validate(declineForm, values);
  if (!form.ok) return respondentPage(c, { ...(link.draft ? answersToValues(link.draft) : {}), reason: values.reason ?? '' }, form.errors);
  await declineAsRespondent(deps, link.respondent.id, form.data.reason);
  return c.redirect(`/feedback/respond/${token}`, 303);
});

// ----- Pupil questions: a programme's own, edited by a programme lead -----

feedbackRoutes.get('/feedback/programmes/:programmeId/pupil-questions', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getPupilQuestions(c.get('deps'), viewer, c.req.param('programmeId'));
  return renderPage(
    c,
    { title: `Questions for pupils: ${page.programme.title}` },
    <PupilQuestionsPageView page={page} values={pupilQuestionValues(page)} saved={c.req.query('done') === 'saved'} />,
  );
});

feedbackRoutes.post('/feedback/programmes/:programmeId/pupil-questions', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const page = await getPupilQuestions(deps, viewer, c.req.param('programmeId'));
  const values = await readForm(c);
  const read = readPupilQuestions(values);
  if (!read.ok)
    return renderPage(
      c,
      { title: `Questions for pupils: ${page.programme.title}`, hasErrors: true },
      <PupilQuestionsPageView page={page} values={values} errors={read.errors} />,
    );
  await savePupilQuestions(deps, viewer, page.programme.id, read.questions, c.get('requestId'));
  return c.redirect(`/feedback/programmes/${page.programme.id}/pupil-questions?done=saved`, 303);
});

// ----- Students: one class link per round -----

const CLASS_COOKIE = 'waymark_class';

async function classPage(c: Context<AppEnv>, values: FormValues = {}, errors?: FieldErrors) {
  const token = c.req.param('classToken') ?? '';
  const link = await openClassLink(c.get('deps'), token, getCookie(c, CLASS_COOKIE), clientAddress(c));
  const status = c.req.method === 'POST' && !errors ? 409 : undefined;
  if (link.state === 'closed')
    return renderPage(c, { title: 'Student feedback', status }, <LinkDonePage state="class-closed" participantName={link.participantName} />);
  if (link.answered)
    return renderPage(c, { title: 'Student feedback', status }, <LinkDonePage state="class-answered" participantName={link.participantName} />);
  return renderPage(
    c,
    { title: `Feedback for ${link.teacherName}`, hasErrors: !!errors },
    <ClassFormPage
      action={`/feedback/class/${token}`}
      teacherName={link.teacherName}
      questions={link.questions}
      pupilWorded={link.pupilWorded}
      values={values}
      errors={errors}
    />,
  );
}

feedbackRoutes.get('/feedback/class/:classToken', access('anyone'), (c) => classPage(c));

feedbackRoutes.post('/feedback/class/:classToken', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('classToken');
  const link = await openClassLink(deps, token, getCookie(c, CLASS_COOKIE), clientAddress(c));
  if (link.state !== 'open' || link.answered) return classPage(c);
  const values = await readForm(c);
  const read = readAnswers(values, link.questions, true, PUPIL_NOT_SURE_LABEL);
  if (!read.ok) return classPage(c, values, read.errors);
  let cookie = getCookie(c, CLASS_COOKIE);
  if (!cookie || !looksLikeToken(cookie)) {
    cookie = newToken();
    const { config } = deps;
    setCookie(c, CLASS_COOKIE, cookie, {
      httpOnly: true,
      secure: config.NODE_ENV === 'production' || config.BASE_URL.startsWith('https://'),
      sameSite: 'Lax',
      path: '/feedback/class',
      maxAge: 400 * 24 * 60 * 60,
    });
  }
  await answerThroughClassLink(deps, link.roundId, cookie, read.answers, clientAddress(c));
  return c.redirect(`/feedback/class/${token}`, 303);
});
