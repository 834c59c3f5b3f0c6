import { Hono, type Context } from 'hono';
import { londonDate } from '../../platform/dates';
import { keysetCursor } from '../../platform/db/keyset';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { clientAddress } from '../../platform/http/request';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { readFormWithLists, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { assertAllows, assertDecidable } from './applications.lifecycle';
import { parseStringList, sectionsFor } from './applications.rules';
import {
  applicantView,
  type EditableSection,
  getApplicationsInbox,
  getCheckAnswers,
  getEditableSection,
  loadApplication,
  loadOwnApplication,
  reviewerView,
  saveSection,
  startApplication,
  submitApplication,
  withdrawApplication,
  type LoadedApplication,
  type SectionAnswers,
} from './applications.service';
import { canDecide } from './cohorts.policy';
import { createCohort, editCohort, getCohortOverview, getManagedCohort, getProgrammeForNewCohort, getReviewQueue, leadChoices } from './cohorts.service';
import {
  bulkAcceptForm,
  coachSection,
  coachTypeMissing,
  dateParts,
  decisionForm,
  endorsementForm,
  headteacherAnswerForm,
  headteacherSection,
  isSection,
  motivationSection,
  projectSection,
  queueQuery,
  type QueueQuery,
  readCohortForm,
  roleSection,
  SECTION_TITLES,
  withdrawForm,
  type Section,
} from './cohorts.schemas';
import { acceptApplications, decideApplication } from './decisions.service';
import { answerEndorsement, type EndorsementForAnswer, getEndorsementForAnswer, listEndorsementsForViewer, whyNotAnswerable } from './endorsements.service';
import { ApplicantPage, InboxPage, ReviewerPage, WithdrawPage } from './views/applications';
import { CohortFormPage, CohortPage, QueuePage } from './views/cohorts';
import { queueCsv } from './views/queue-csv';
import { sendCsv } from '../../platform/http/csv-download';
import { EndorsementListPage, EndorsementPage } from './views/endorsements';
import { HeadteacherLinkDonePage, HeadteacherSupportPage } from './views/headteacher-support';
import { answerByHeadteacherLink, type HeadteacherLink, openHeadteacherLink, sendHeadteacherLinkAgain } from './headteacher-support.service';
import { CheckPage, SectionPage, sectionValues } from './views/sections';

// Every handler has one shape: authenticate (`access`, `requireViewer`), load the record once and
// authorise with the policy (the service's loader), validate the form (Zod, GOV.UK errors), act in
// one transaction (the service), then present: 303 after a POST, or the form again, from what was
// loaded, with its errors.

export const cohortRoutes = new Hono<AppEnv>();

// ----- Cohorts (organisation admins and programme leads) -----

type CohortFormOptions = {
  programmeTitle: string;
  heading: string;
  action: string;
  values: FormValues;
  leadIds: string[];
  errors?: FieldErrors;
  cancelHref: string;
  isNew: boolean;
};

async function cohortFormPage(c: Context<AppEnv>, options: CohortFormOptions, leads?: Awaited<ReturnType<typeof leadChoices>>) {
  const choices = leads ?? (await leadChoices(c.get('deps'), requireViewer(c.get('viewer'))));
  return renderPage(
    c,
    { title: options.heading, hasErrors: !!options.errors, beforeContent: <BackLink href={options.cancelHref} text="Back" /> },
    <CohortFormPage {...options} leads={choices} />,
  );
}

cohortRoutes.get('/programmes/:programmeId/cohorts/new', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const programme = await getProgrammeForNewCohort(c.get('deps'), viewer, c.req.param('programmeId'));
  const leads = await leadChoices(c.get('deps'), viewer);
  return cohortFormPage(
    c,
    {
      programmeTitle: programme.title,
      heading: 'Add a cohort',
      action: `/programmes/${programme.id}/cohorts`,
      values: { needsLineManager: 'yes', needsHeadteacher: 'yes' },
      leadIds: leads.some((l) => l.id === viewer.id) ? [viewer.id] : [],
      cancelHref: `/programmes/${programme.id}`,
      isNew: true,
    },
    leads,
  );
});

cohortRoutes.post('/programmes/:programmeId/cohorts', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const programme = await getProgrammeForNewCohort(deps, viewer, c.req.param('programmeId'));
  const { values, list } = await readFormWithLists(c);
  const leadIds = list('leadIds');
  const again = (errors: FieldErrors) =>
    cohortFormPage(c, {
      programmeTitle: programme.title,
      heading: 'Add a cohort',
      action: `/programmes/${programme.id}/cohorts`,
      values,
      leadIds,
      errors,
      cancelHref: `/programmes/${programme.id}`,
      isNew: true,
    });
  const form = readCohortForm(values, leadIds);
  if (!form.ok) return again(form.errors);
  try {
    const id = await createCohort(deps, viewer, programme, form.data, c.get('requestId'));
    return c.redirect(`/cohorts/${id}?done=created`, 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
});

const cohortBanners: Record<string, string> = { created: 'Cohort created', saved: 'Changes saved' };

cohortRoutes.get('/cohorts/:cohortId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const overview = await getCohortOverview(deps, viewer, c.req.param('cohortId'));
  return renderPage(
    c,
    {
      title: `${overview.cohort.name}, ${overview.cohort.programme_title}`,
      beforeContent: <BackLink href={`/programmes/${overview.cohort.programme_id}`} text={overview.cohort.programme_title} />,
    },
    <CohortPage overview={overview} banner={cohortBanners[c.req.query('done') ?? '']} today={londonDate(deps.clock.now())} />,
  );
});

cohortRoutes.get('/cohorts/:cohortId/edit', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const overview = await getCohortOverview(deps, viewer, c.req.param('cohortId'));
  const { cohort } = overview;
  const values: FormValues = {
    name: cohort.name,
    ...dateParts('opensOn', cohort.applications_open_on),
    ...dateParts('closesOn', cohort.applications_close_on),
    ...dateParts('endorsementDeadline', cohort.endorsement_deadline),
    ...dateParts('startsOn', cohort.starts_on),
    ...dateParts('endsOn', cohort.ends_on),
    capacity: String(cohort.capacity),
    needsLineManager: cohort.needs_line_manager ? 'yes' : '',
    needsHeadteacher: cohort.needs_headteacher ? 'yes' : '',
  };
  return cohortFormPage(c, {
    programmeTitle: cohort.programme_title,
    heading: `Change ${cohort.name}`,
    action: `/cohorts/${cohort.id}`,
    values,
    leadIds: overview.leads.map((l) => l.id),
    cancelHref: `/cohorts/${cohort.id}`,
    isNew: false,
  });
});

cohortRoutes.post('/cohorts/:cohortId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const cohort = await getManagedCohort(deps, viewer, c.req.param('cohortId'));
  const { values, list } = await readFormWithLists(c);
  const leadIds = list('leadIds');
  const again = (errors: FieldErrors) =>
    cohortFormPage(c, {
      programmeTitle: cohort.programme_title,
      heading: `Change ${cohort.name}`,
      action: `/cohorts/${cohort.id}`,
      values,
      leadIds,
      errors,
      cancelHref: `/cohorts/${cohort.id}`,
      isNew: false,
    });
  const form = readCohortForm(values, leadIds);
  if (!form.ok) return again(form.errors);
  try {
    await editCohort(deps, viewer, cohort, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
  return c.redirect(`/cohorts/${cohort.id}?done=saved`, 303);
});

async function queuePage(c: Context<AppEnv>, filters: QueueQuery, options: { errors?: FieldErrors; selected?: string[] } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const queue = await getReviewQueue(c.get('deps'), viewer, c.req.param('cohortId') ?? '', filters, { cursor: keysetCursor(filters) });
  const accepted = c.req.query('accepted');
  return renderPage(
    c,
    {
      title: `Applications to ${queue.cohort.name}, ${queue.cohort.programme_title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/cohorts/${queue.cohort.id}`} text={queue.cohort.name} />,
    },
    <QueuePage
      queue={queue}
      filters={filters}
      errors={options.errors}
      selected={options.selected ?? []}
      accepted={accepted !== undefined && /^\d+$/.test(accepted) ? Number(accepted) : undefined}
    />,
  );
}

cohortRoutes.get('/cohorts/:cohortId/applications', access('programme-lead'), (c) => queuePage(c, queueQuery.parse(c.req.query())));

// The application list as a CSV file, with the page's columns and filters.
cohortRoutes.get('/cohorts/:cohortId/applications.csv', access('programme-lead'), async (c) => {
  const filters = queueQuery.parse(c.req.query());
  const queue = await getReviewQueue(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'), filters, 'all');
  return sendCsv(c, queueCsv(queue, filters));
});

// Accepting several endorsed applications at once, without a reason: all of them, or none.
cohortRoutes.post('/cohorts/:cohortId/applications/accept', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const cohort = await getManagedCohort(deps, viewer, c.req.param('cohortId'));
  const { list } = await readFormWithLists(c);
  const ids = [...new Set(list('applicationIds'))];
  const form = validate(bulkAcceptForm, { applicationIds: ids });
  if (!form.ok) return queuePage(c, {}, { errors: form.errors });
  const apps = [];
  for (const id of form.data.applicationIds) {
    const loaded = await loadApplication(deps.db, viewer, id);
    if (loaded.app.cohort_id !== cohort.id) throw new NotFound();
    if (!canDecide(viewer, loaded.app)) throw new Forbidden('You cannot decide on your own application.');
    apps.push(loaded.app);
  }
  try {
    await acceptApplications(deps, viewer, apps, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return queuePage(c, {}, { errors: error.fieldErrors, selected: ids });
    throw error;
  }
  return c.redirect(`/cohorts/${cohort.id}/applications?accepted=${apps.length}`, 303);
});

// ----- Applying (any member of the organisation) -----

cohortRoutes.post('/cohorts/:cohortId/apply', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = await startApplication(c.get('deps'), viewer, c.req.param('cohortId'));
  return c.redirect(`/applications/${id}`, 303);
});

cohortRoutes.get('/applications', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const inbox = await getApplicationsInbox(c.get('deps'), viewer);
  return renderPage(c, { title: 'Your applications' }, <InboxPage inbox={inbox} />);
});

async function reviewerPage(c: Context<AppEnv>, loaded: LoadedApplication, mayDecide: boolean, options: { values?: FormValues; errors?: FieldErrors } = {}) {
  const view = await reviewerView(c.get('deps'), loaded, mayDecide);
  return renderPage(
    c,
    {
      title: `${view.app.given_name} ${view.app.family_name}’s application`,
      hasErrors: !!options.errors,
      beforeContent: view.canDecide ? <BackLink href={`/cohorts/${view.app.cohort_id}/applications`} text="Applications" /> : undefined,
    },
    <ReviewerPage view={view} sections={sectionsFor(view.app)} values={options.values} errors={options.errors} done={c.req.query('done')} />,
  );
}

cohortRoutes.get('/applications/:applicationId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const loaded = await loadApplication(deps.db, viewer, c.req.param('applicationId'));
  if (loaded.access !== 'applicant') return reviewerPage(c, loaded, canDecide(viewer, loaded.app));
  const view = await applicantView(deps, loaded);
  return renderPage(
    c,
    { title: 'Your application', beforeContent: <BackLink href="/applications" text="Your applications" /> },
    <ApplicantPage view={view} done={c.req.query('done')} />,
  );
});

cohortRoutes.get('/applications/:applicationId/check', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const view = await getCheckAnswers(c.get('deps'), viewer, c.req.param('applicationId'));
  return renderPage(
    c,
    { title: 'Check your answers', beforeContent: <BackLink href={`/applications/${view.app.id}`} text="Back" /> },
    <CheckPage view={view} />,
  );
});

cohortRoutes.post('/applications/:applicationId/submit', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const loaded = await loadOwnApplication(deps.db, viewer, c.req.param('applicationId'));
  try {
    await submitApplication(deps, viewer, loaded.app, c.get('requestId'));
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const view = await applicantView(deps, loaded);
    return renderPage(
      c,
      { title: 'Check your answers', hasErrors: true, beforeContent: <BackLink href={`/applications/${loaded.app.id}`} text="Back" /> },
      <CheckPage view={view} refusals={error.fieldErrors} />,
    );
  }
  return c.redirect(`/applications/${loaded.app.id}?done=submitted`, 303);
});

async function withdrawPage(c: Context<AppEnv>, loaded: LoadedApplication, options: { values?: FormValues; errors?: FieldErrors } = {}) {
  const view = await applicantView(c.get('deps'), loaded);
  return renderPage(
    c,
    { title: 'Withdraw your application', hasErrors: !!options.errors, beforeContent: <BackLink href={`/applications/${view.app.id}`} text="Back" /> },
    <WithdrawPage view={view} values={options.values} errors={options.errors} />,
  );
}

/** The applicant's own application, if it can still be withdrawn (otherwise Conflict, saying why). */
async function loadWithdrawable(c: Context<AppEnv>): Promise<LoadedApplication> {
  const loaded = await loadOwnApplication(c.get('deps').db, requireViewer(c.get('viewer')), c.req.param('applicationId') ?? '');
  assertAllows('withdraw', loaded.app.status);
  return loaded;
}

cohortRoutes.get('/applications/:applicationId/withdraw', access('signed-in'), async (c) => withdrawPage(c, await loadWithdrawable(c)));

cohortRoutes.post('/applications/:applicationId/withdraw', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const loaded = await loadWithdrawable(c);
  const { values } = await readFormWithLists(c);
  const form = validate(withdrawForm, { reason: values.reason ?? '' });
  if (!form.ok) return withdrawPage(c, loaded, { values, errors: form.errors });
  await withdrawApplication(c.get('deps'), viewer, loaded.app, form.data.reason, c.get('requestId'));
  return c.redirect(`/applications/${loaded.app.id}?done=withdrawn`, 303);
});

cohortRoutes.post('/applications/:applicationId/decision', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const loaded = await loadApplication(deps.db, viewer, c.req.param('applicationId'));
  if (!canDecide(viewer, loaded.app)) throw new Forbidden('Only programme leads and organisation admins decide on applications.');
  assertDecidable(loaded.app.status);
  const { values } = await readFormWithLists(c);
  const form = validate(decisionForm, { decision: values.decision, reason: values.reason ?? '' });
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await decideApplication(deps, viewer, loaded.app, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return reviewerPage(c, loaded, true, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/applications/${loaded.app.id}?done=decided`, 303);
});

// The headteacher's link sent again (a new link; the old one stops working), by the applicant or a lead.
cohortRoutes.post('/applications/:applicationId/headteacher-link', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('applicationId');
  await sendHeadteacherLinkAgain(c.get('deps'), viewer, id, c.get('requestId') ?? null);
  return c.redirect(`/applications/${id}?done=link-sent`, 303);
});

function sectionParam(c: Context<AppEnv>): Section {
  const section = c.req.param('section') ?? '';
  if (!isSection(section)) throw new NotFound();
  return section;
}

function sectionPage(
  c: Context<AppEnv>,
  data: EditableSection,
  section: Section,
  options: { values?: FormValues; confirmed?: string[]; errors?: FieldErrors } = {},
) {
  const values = options.values ?? sectionValues(data, section);
  const confirmed = options.confirmed ?? parseStringList(data.app.declarations);
  return renderPage(
    c,
    { title: SECTION_TITLES[section], hasErrors: !!options.errors, beforeContent: <BackLink href={`/applications/${data.app.id}`} text="Back" /> },
    <SectionPage data={data} section={section} values={values} confirmed={confirmed} errors={options.errors} />,
  );
}

cohortRoutes.get('/applications/:applicationId/:section', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const section = sectionParam(c);
  return sectionPage(c, await getEditableSection(c.get('deps'), viewer, c.req.param('applicationId'), section), section);
});

cohortRoutes.post('/applications/:applicationId/:section', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const section = sectionParam(c);
  const data = await getEditableSection(deps, viewer, c.req.param('applicationId'), section);
  const { values, list } = await readFormWithLists(c);
  const confirmed = list('declarations');
  const again = (errors: FieldErrors) => sectionPage(c, data, section, { values, confirmed, errors });
  let answers: SectionAnswers;
  switch (section) {
    case 'role': {
      const form = validate(roleSection, { currentRole: values.currentRole ?? '', experience: values.experience ?? '' });
      if (!form.ok) return again(form.errors);
      answers = { section, ...form.data };
      break;
    }
    case 'motivation': {
      const form = validate(motivationSection(data.app.motivation_word_limit), { motivation: values.motivation ?? '' });
      if (!form.ok) return again(form.errors);
      answers = { section, ...form.data };
      break;
    }
    case 'declarations':
      answers = { section, confirmed };
      break;
    case 'coach': {
      if (values.coachType !== 'colleague' && values.coachType !== 'external') return again({ coachType: coachTypeMissing });
      const form = validate(coachSection, {
        coachType: values.coachType,
        coachPersonId: values.coachPersonId ?? '',
        coachName: values.coachName ?? '',
        coachEmail: values.coachEmail ?? '',
      });
      if (!form.ok) return again(form.errors);
      answers =
        form.data.coachType === 'colleague'
          ? { section, coachPersonId: form.data.coachPersonId, coachName: null, coachEmail: null }
          : { section, coachPersonId: null, coachName: form.data.coachName, coachEmail: form.data.coachEmail };
      break;
    }
    case 'project': {
      const form = validate(projectSection, { projectIdea: values.projectIdea ?? '' });
      if (!form.ok) return again(form.errors);
      answers = { section, ...form.data };
      break;
    }
    case 'headteacher': {
      const form = validate(headteacherSection, { headteacherName: values.headteacherName ?? '', headteacherEmail: values.headteacherEmail ?? '' });
      if (!form.ok) return again(form.errors);
      answers = { section, ...form.data };
      break;
    }
  }
  try {
    await saveSection(deps, data, answers);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
  return c.redirect(`/applications/${data.app.id}`, 303);
});

// ----- Endorsements -----

cohortRoutes.get('/endorsements', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const list = await listEndorsementsForViewer(c.get('deps'), viewer);
  return renderPage(c, { title: 'Endorsement requests' }, <EndorsementListPage list={list} />);
});

function endorsementPage(c: Context<AppEnv>, data: EndorsementForAnswer, options: { values?: FormValues; errors?: FieldErrors } = {}) {
  return renderPage(
    c,
    {
      title: `Endorsement for ${data.app.given_name} ${data.app.family_name}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href="/endorsements" text="Endorsement requests" />,
    },
    <EndorsementPage
      data={data}
      notAnswerable={whyNotAnswerable(data.endorsement)}
      values={options.values}
      errors={options.errors}
      done={c.req.query('done') === 'answered'}
    />,
  );
}

cohortRoutes.get('/endorsements/:endorsementId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return endorsementPage(c, await getEndorsementForAnswer(c.get('deps'), viewer, c.req.param('endorsementId')));
});

cohortRoutes.post('/endorsements/:endorsementId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getEndorsementForAnswer(deps, viewer, c.req.param('endorsementId'));
  const refusal = whyNotAnswerable(data.endorsement);
  if (refusal) throw new Conflict(refusal);
  const { values } = await readFormWithLists(c);
  const form = validate(endorsementForm, { answer: values.answer, comment: values.comment ?? '' });
  if (!form.ok) return endorsementPage(c, data, { values, errors: form.errors });
  await answerEndorsement(deps, viewer, data, form.data, c.get('requestId'));
  return c.redirect(`/endorsements/${data.endorsement.id}?done=answered`, 303);
});

// ----- The headteacher's support by email link (a school not on Waymark; no account) -----

function headteacherPage(c: Context<AppEnv>, link: HeadteacherLink, form?: { values: FormValues; errors: FieldErrors }) {
  if (link.state !== 'open') {
    const title = link.state === 'answered' ? 'This request has already been answered' : 'This link is no longer available';
    return renderPage(c, { title, status: c.req.method === 'POST' ? 409 : 200 }, <HeadteacherLinkDonePage state={link.state} />);
  }
  const action = `/headteacher-support/${link.app.id}/${c.req.param('token') ?? ''}`;
  return renderPage(
    c,
    { title: `Support for ${link.app.given_name} ${link.app.family_name}’s application`, hasErrors: !!form, status: form ? 400 : 200 },
    <HeadteacherSupportPage link={link} action={action} values={form?.values ?? { name: link.endorsement.endorser_name ?? '' }} errors={form?.errors} />,
  );
}

cohortRoutes.get('/headteacher-support/:applicationId/:token', access('anyone'), async (c) => {
  const link = await openHeadteacherLink(c.get('deps'), c.req.param('applicationId'), c.req.param('token'), clientAddress(c));
  if (c.req.query('done') === '1' && link.state === 'answered')
    return renderPage(c, { title: 'Thank you: your answer is sent' }, <HeadteacherLinkDonePage state="thanks" />);
  return headteacherPage(c, link);
});

cohortRoutes.post('/headteacher-support/:applicationId/:token', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const link = await openHeadteacherLink(deps, c.req.param('applicationId'), c.req.param('token'), clientAddress(c));
  if (link.state !== 'open') return headteacherPage(c, link);
  const { values } = await readFormWithLists(c);
  const form = validate(headteacherAnswerForm, { name: values.name ?? '', role: values.role ?? '', answer: values.answer, statement: values.statement ?? '' });
  if (!form.ok) return headteacherPage(c, link, { values, errors: form.errors });
  try {
    await answerByHeadteacherLink(deps, link, form.data, { ipAddress: clientAddress(c), requestId: c.get('requestId') ?? null });
  } catch (error) {
    // Answered (or expired) meanwhile: the page for the link as it is now.
    if (error instanceof Conflict) return headteacherPage(c, await openHeadteacherLink(deps, link.app.id, c.req.param('token'), clientAddress(c)));
    throw error;
  }
  return c.redirect(`/headteacher-support/${link.app.id}/${c.req.param('token')}?done=1`, 303);
});
