import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { SCHOOL_SETTINGS, type SchoolSetting } from './mentoring.schemas';
import * as s from './mentoring.service';
import { AgreementPage, MeetingPageView, PairingPageView, PeopleISupportPage, PersonMentoringPage, ProfilePageView, ReviewPageView } from './views/pages';

/** Mentoring and coaching. Who may do what on each record is in mentoring.policy.ts. */
export const mentoringRoutes = new Hono<AppEnv>();

type Form = { values: FormValues; errors: FieldErrors; list?: string[] };

// ----- People I support (and who supports me) -----

mentoringRoutes.get('/mentoring', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getPeopleISupport(c.get('deps'), viewer);
  return renderPage(c, { title: 'Mentoring and coaching' }, <PeopleISupportPage data={data} />);
});

async function profilePage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getProfilePage(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Places and strengths', hasErrors: !!form, beforeContent: <BackLink href="/mentoring" text="Mentoring" /> },
    <ProfilePageView data={data} values={form?.values ?? { places: String(data.places) }} ticked={form?.list ?? data.strengths} errors={form?.errors} />,
  );
}
mentoringRoutes.get('/mentoring/profile', access('signed-in'), (c) => profilePage(c));
mentoringRoutes.post('/mentoring/profile', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values, list } = await readFormWithLists(c);
  try {
    await s.saveProfile(c.get('deps'), viewer, values, list('strengths'));
  } catch (error) {
    if (error instanceof Invalid) return profilePage(c, { values, errors: error.fieldErrors, list: list('strengths') });
    throw error;
  }
  return c.redirect('/mentoring?done=profile', 303);
});

// ----- A person's mentors and coaches: history, suggestions, assigning -----

function settingOf(value: string | undefined): SchoolSetting {
  return value && value in SCHOOL_SETTINGS ? (value as SchoolSetting) : 'either';
}

async function personPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const enrolment = form?.values.enrolmentId ?? c.req.query('enrolmentId');
  const data = await s.getPersonMentoring(
    c.get('deps'),
    viewer,
    c.req.param('personId') ?? '',
    settingOf(form?.values.setting ?? c.req.query('setting')),
    enrolment,
  );
  return renderPage(
    c,
    { title: `${data.person.given_name} ${data.person.family_name}: mentoring and coaching`, hasErrors: !!form, status: form ? 400 : 200 },
    <PersonMentoringPage
      data={data}
      values={form?.values ?? {}}
      errors={form?.errors}
      banner={c.req.query('done') === 'assigned' ? 'Pairing made' : undefined}
    />,
  );
}
mentoringRoutes.get('/people/:personId/mentoring', access('signed-in'), (c) => personPage(c));
mentoringRoutes.post('/people/:personId/mentoring', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const page = await s.getPersonMentoring(deps, viewer, c.req.param('personId'), 'either');
  const values = await readForm(c);
  try {
    await s.assignPairing(deps, viewer, page, values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return personPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/people/${page.person.id}/mentoring?done=assigned`, 303);
});

// ----- One pairing -----

async function pairingPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getPairingPage(c.get('deps'), viewer, c.req.param('pairingId') ?? '');
  await s.auditLogRead(c.get('deps'), viewer, data, c.get('requestId'));
  const p = data.pairing;
  const title =
    data.role === 'mentor'
      ? `Supporting ${p.mentee_given_name} ${p.mentee_family_name}`
      : data.role === 'mentee'
        ? `Your ${p.kind === 'mentor' ? 'mentor' : 'coach'}: ${p.mentor_given_name} ${p.mentor_family_name}`
        : `${p.mentee_given_name} ${p.mentee_family_name} and ${p.mentor_given_name} ${p.mentor_family_name}`;
  const done = c.req.query('done');
  const banners: Record<string, string> = {
    meeting: 'Meeting recorded: the other person is asked to confirm it happened',
    agreed: 'You agreed to the agreement',
    proposed: 'Agreement proposed: the other person is asked to agree',
    'signed-off': 'Signed off',
    review: 'Progress review saved',
    ended: 'Pairing ended',
  };
  return renderPage(
    c,
    { title, hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/mentoring" text="Mentoring" /> },
    <PairingPageView data={data} values={form?.values ?? {}} ticked={form?.list ?? []} errors={form?.errors} banner={done ? banners[done] : undefined} />,
  );
}
mentoringRoutes.get('/mentoring/pairings/:pairingId', access('signed-in'), (c) => pairingPage(c));

mentoringRoutes.post('/mentoring/pairings/:pairingId/meetings', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('pairingId');
  await s.getPairingPage(c.get('deps'), viewer, id);
  const { values, list } = await readFormWithLists(c);
  try {
    await s.addMeeting(c.get('deps'), viewer, id, values, list('focus'));
  } catch (error) {
    if (error instanceof Invalid) return pairingPage(c, { values, errors: error.fieldErrors, list: list('focus') });
    throw error;
  }
  return c.redirect(`/mentoring/pairings/${id}?done=meeting`, 303);
});

mentoringRoutes.post('/mentoring/pairings/:pairingId/end', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pairing = await s.endPairing(c.get('deps'), viewer, c.req.param('pairingId'), await readForm(c), c.get('requestId'));
  return c.redirect(`/people/${pairing.mentee_id}/mentoring?done=ended`, 303);
});

mentoringRoutes.post('/mentoring/pairings/:pairingId/sign-off', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('pairingId');
  await s.signOff(c.get('deps'), viewer, id, await readForm(c), c.get('requestId'));
  return c.redirect(`/mentoring/pairings/${id}?done=signed-off`, 303);
});

// ----- The agreement -----

async function agreementPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getAgreementPage(c.get('deps'), viewer, c.req.param('pairingId') ?? '');
  const a = data.agreement;
  const values = form?.values ?? (a ? { goals: a.goals, frequency: a.frequency, how: a.how, confidentiality: a.confidentiality } : {});
  return renderPage(
    c,
    {
      title: 'Your mentoring agreement',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={`/mentoring/pairings/${data.pairing.id}`} text="Back" />,
    },
    <AgreementPage pairingId={data.pairing.id} isChange={!!a} values={values} errors={form?.errors} />,
  );
}
mentoringRoutes.get('/mentoring/pairings/:pairingId/agreement', access('signed-in'), (c) => agreementPage(c));
mentoringRoutes.post('/mentoring/pairings/:pairingId/agreement', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('pairingId');
  await s.getAgreementPage(c.get('deps'), viewer, id);
  const values = await readForm(c);
  try {
    await s.proposeAgreement(c.get('deps'), viewer, id, values);
  } catch (error) {
    if (error instanceof Invalid) return agreementPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/mentoring/pairings/${id}?done=proposed`, 303);
});
mentoringRoutes.post('/mentoring/pairings/:pairingId/agreement/agree', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('pairingId');
  await s.agreeToAgreement(c.get('deps'), viewer, id);
  return c.redirect(`/mentoring/pairings/${id}?done=agreed`, 303);
});

// ----- Progress reviews -----

async function reviewPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getReviewPage(c.get('deps'), viewer, c.req.param('pairingId') ?? '');
  return renderPage(
    c,
    {
      title: `Progress review: ${data.pairing.mentee_given_name} ${data.pairing.mentee_family_name}`,
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={`/mentoring/pairings/${data.pairing.id}`} text="Back" />,
    },
    <ReviewPageView data={data} values={form?.values ?? {}} errors={form?.errors} />,
  );
}
mentoringRoutes.get('/mentoring/pairings/:pairingId/review', access('signed-in'), (c) => reviewPage(c));
mentoringRoutes.post('/mentoring/pairings/:pairingId/review', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await s.getReviewPage(c.get('deps'), viewer, c.req.param('pairingId'));
  const values = await readForm(c);
  try {
    await s.saveReview(c.get('deps'), viewer, page, values);
  } catch (error) {
    if (error instanceof Invalid) return reviewPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/mentoring/pairings/${page.pairing.id}?done=review`, 303);
});

// ----- One meeting -----

async function meetingPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getMeetingPage(c.get('deps'), viewer, c.req.param('meetingId') ?? '');
  await s.auditLogRead(c.get('deps'), viewer, { ...data, meetingId: data.meeting.id }, c.get('requestId'));
  const done = c.req.query('done');
  const banners: Record<string, string> = {
    confirmed: 'Meeting confirmed',
    notes: 'Your private notes are saved',
    action: 'Action added',
    'action-done': 'Action marked as done',
  };
  return renderPage(
    c,
    {
      title: 'Mentoring meeting',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={`/mentoring/pairings/${data.pairing.id}`} text="Back" />,
    },
    <MeetingPageView data={data} values={form?.values ?? {}} errors={form?.errors} banner={done ? banners[done] : undefined} />,
  );
}
mentoringRoutes.get('/mentoring/meetings/:meetingId', access('signed-in'), (c) => meetingPage(c));
mentoringRoutes.post('/mentoring/meetings/:meetingId/confirm', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const meeting = await s.confirmMeetingHeld(c.get('deps'), viewer, c.req.param('meetingId'));
  return c.redirect(`/mentoring/meetings/${meeting.id}?done=confirmed`, 303);
});
mentoringRoutes.post('/mentoring/meetings/:meetingId/private-notes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await s.getMeetingPage(c.get('deps'), viewer, c.req.param('meetingId'));
  const values = await readForm(c);
  try {
    await s.savePrivateNotes(c.get('deps'), viewer, c.req.param('meetingId'), values);
  } catch (error) {
    if (error instanceof Invalid) return meetingPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/mentoring/meetings/${c.req.param('meetingId')}?done=notes`, 303);
});
mentoringRoutes.post('/mentoring/meetings/:meetingId/actions', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await s.getMeetingPage(c.get('deps'), viewer, c.req.param('meetingId'));
  const values = await readForm(c);
  try {
    await s.addAction(c.get('deps'), viewer, c.req.param('meetingId'), values);
  } catch (error) {
    if (error instanceof Invalid) return meetingPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/mentoring/meetings/${c.req.param('meetingId')}?done=action`, 303);
});
mentoringRoutes.post('/mentoring/actions/:actionId/done', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const meeting = await s.markActionDone(c.get('deps'), viewer, c.req.param('actionId'));
  return c.redirect(`/mentoring/meetings/${meeting.id}?done=action-done`, 303);
});
