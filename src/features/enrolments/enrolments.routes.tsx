import { sendCsv } from '../../platform/http/csv-download';
import { rosterCsv } from './views/roster-csv';
import { Hono, type Context } from 'hono';
import { keysetCursor } from '../../platform/db/keyset';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readBody, readForm, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { completeModuleForm, rosterQuery, signOffForm, statusForm, withdrawForm } from './enrolments.schemas';
import {
  changeEnrolmentStatus,
  chooseModules,
  completeModule,
  enrolmentsOf,
  getEnrolmentOverview,
  getEnrolmentToManage,
  getManagedEnrolment,
  getModuleChoices,
  getModuleToComplete,
  getOwnEnrolment,
  getCohortMembers,
  getRoster,
  leadActions,
  type ManagedEnrolment,
  type ModuleChoices,
  type ModuleToComplete,
  signOffEnrolment,
  withdrawFromProgramme,
} from './enrolments.service';
import type { EnrolmentRecord } from './enrolments.queries';
import { enrolmentBanner, EnrolmentPage } from './views/enrolment';
import { CompleteModulePage, ModulesPage } from './views/modules';
import { MyProgrammePage } from './views/my-programme';
import { MembersPage } from './views/members';
import { RosterPage } from './views/roster';
import { StatusPage, WithdrawPage } from './views/status';

export const enrolmentRoutes = new Hono<AppEnv>();

enrolmentRoutes.get('/my-programme', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { db, completion } = c.get('deps');
  const enrolments = await enrolmentsOf(db, viewer.id);
  // What other features say about each enrolment (sessions attended), whether or not the programme requires it.
  const columns = await completion.progress(
    db,
    enrolments.map((e) => ({ id: e.id, organisationId: e.organisation_id, personId: e.person_id, cohortId: e.cohort_id, programmeId: e.programme_id })),
  );
  return renderPage(c, { title: 'My programme' }, <MyProgrammePage enrolments={enrolments} columns={columns} />);
});

enrolmentRoutes.get('/cohorts/:cohortId/roster', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const query = rosterQuery.parse(c.req.query());
  const status = query.status;
  const roster = await getRoster(c.get('deps'), viewer, c.req.param('cohortId'), status ?? null, { cursor: keysetCursor(query) });
  return renderPage(
    c,
    {
      title: `Roster: ${roster.cohort.name}, ${roster.cohort.programme_title}`,
      beforeContent: <BackLink href={`/cohorts/${roster.cohort.id}`} text="Cohort" />,
    },
    <RosterPage roster={roster} status={status ?? null} />,
  );
});

// The roster as a CSV file, with the page's columns and its status filter.
enrolmentRoutes.get('/cohorts/:cohortId/roster.csv', access('programme-lead'), async (c) => {
  const { status } = rosterQuery.parse(c.req.query());
  const roster = await getRoster(c.get('deps'), requireViewer(c.get('viewer')), c.req.param('cohortId'), status ?? null, 'all');
  return sendCsv(c, rosterCsv(roster, status ?? null));
});

// Fellow participants see who else holds a place: names, job titles and schools only.
enrolmentRoutes.get('/cohorts/:cohortId/members', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getCohortMembers(c.get('deps'), viewer, c.req.param('cohortId'));
  return renderPage(
    c,
    {
      title: `People in ${data.cohort.name}, ${data.cohort.programme_title}`,
      beforeContent: data.viewerIsMember ? (
        <BackLink href="/my-programme" text="My programme" />
      ) : (
        <BackLink href={`/cohorts/${data.cohort.id}/roster`} text="Roster" />
      ),
    },
    <MembersPage data={data} viewerId={viewer.id} />,
  );
});

enrolmentRoutes.get('/enrolments/:enrolmentId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const overview = await getEnrolmentOverview(c.get('deps'), viewer, c.req.param('enrolmentId'));
  const { enrolment } = overview;
  const title = overview.isParticipant
    ? `My programme: ${enrolment.programme_title}`
    : `${enrolment.given_name} ${enrolment.family_name}: ${enrolment.programme_title}`;
  const back = overview.isParticipant ? (
    <BackLink href="/my-programme" text="My programme" />
  ) : overview.canManage ? (
    <BackLink href={`/cohorts/${enrolment.cohort_id}/roster`} text="Roster" />
  ) : undefined;
  return renderPage(c, { title, beforeContent: back }, <EnrolmentPage overview={overview} banner={enrolmentBanner(c.req.query('done'))} />);
});

// ----- Modules -----
// Each POST: load the enrolment once and settle who may act (the service's loader), validate the
// form, act in one transaction, then redirect; a refused form is shown again from what was loaded.

function modulesPage(c: Context<AppEnv>, choices: ModuleChoices, options: { selected?: string[]; errors?: FieldErrors } = {}) {
  const done = c.req.query('done');
  return renderPage(
    c,
    {
      title: `Your modules: ${choices.enrolment.programme_title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/enrolments/${choices.enrolment.id}`} text="My programme" />,
    },
    <ModulesPage
      choices={choices}
      selected={options.selected ?? [...choices.chosen.keys()]}
      errors={options.errors}
      banner={done === 'saved' ? 'Your modules are saved' : done === 'completed' ? 'Module completed' : undefined}
    />,
  );
}

enrolmentRoutes.get('/enrolments/:enrolmentId/modules', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return modulesPage(c, await getModuleChoices(c.get('deps'), viewer, c.req.param('enrolmentId')));
});

enrolmentRoutes.post('/enrolments/:enrolmentId/modules', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const choices = await getModuleChoices(c.get('deps'), viewer, c.req.param('enrolmentId'));
  // Checkboxes send one value per ticked box.
  const raw = (await readBody(c)).moduleIds;
  const selected = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  try {
    await chooseModules(c.get('deps'), viewer, choices, selected, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return modulesPage(c, choices, { selected, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/enrolments/${choices.enrolment.id}/modules?done=saved`, 303);
});

function completeModulePage(c: Context<AppEnv>, target: ModuleToComplete, values: FormValues, errors?: FieldErrors) {
  const { enrolment, module } = target;
  return renderPage(
    c,
    { title: `Complete ${module.title}`, hasErrors: !!errors, beforeContent: <BackLink href={`/enrolments/${enrolment.id}/modules`} text="Your modules" /> },
    <CompleteModulePage enrolmentId={enrolment.id} programmeTitle={enrolment.programme_title} module={module} values={values} errors={errors} />,
  );
}

enrolmentRoutes.get('/enrolments/:enrolmentId/modules/:moduleId/complete', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return completeModulePage(c, await getModuleToComplete(c.get('deps'), viewer, c.req.param('enrolmentId'), c.req.param('moduleId')), {});
});

enrolmentRoutes.post('/enrolments/:enrolmentId/modules/:moduleId/complete', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  // Who may do this is settled before the form is read, so others get 403/404 rather than a form error.
  const target = await getModuleToComplete(deps, viewer, c.req.param('enrolmentId'), c.req.param('moduleId'));
  const values = await readForm(c);
  const form = validate(completeModuleForm, values);
  if (!form.ok) return completeModulePage(c, target, values, form.errors);
  await completeModule(deps, viewer, target, form.data, c.get('requestId'));
  return c.redirect(`/enrolments/${target.enrolment.id}/modules?done=completed`, 303);
});

// ----- Withdrawing (the participant) -----

function withdrawPage(c: Context<AppEnv>, enrolment: EnrolmentRecord, values: FormValues, errors?: FieldErrors) {
  return renderPage(
    c,
    {
      title: `Withdraw from ${enrolment.programme_title}`,
      hasErrors: !!errors,
      beforeContent: <BackLink href={`/enrolments/${enrolment.id}`} text="My programme" />,
    },
    <WithdrawPage enrolment={enrolment} values={values} errors={errors} />,
  );
}

enrolmentRoutes.get('/enrolments/:enrolmentId/withdraw', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return withdrawPage(c, await getOwnEnrolment(c.get('deps'), viewer, c.req.param('enrolmentId')), {});
});

enrolmentRoutes.post('/enrolments/:enrolmentId/withdraw', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const enrolment = await getOwnEnrolment(deps, viewer, c.req.param('enrolmentId'));
  const values = await readForm(c);
  const form = validate(withdrawForm, values);
  if (!form.ok) return withdrawPage(c, enrolment, values, form.errors);
  await withdrawFromProgramme(deps, viewer, enrolment, form.data.reason, c.get('requestId'));
  return c.redirect(`/enrolments/${enrolment.id}?done=withdrawn`, 303);
});

// ----- Status and sign-off (programme leads) -----

function statusPage(c: Context<AppEnv>, managed: ManagedEnrolment, values: FormValues, errors?: FieldErrors) {
  const { enrolment, laterCohorts } = managed;
  return renderPage(
    c,
    {
      title: `Change ${enrolment.given_name} ${enrolment.family_name}’s enrolment`,
      hasErrors: !!errors,
      beforeContent: <BackLink href={`/enrolments/${enrolment.id}`} text="Back" />,
    },
    <StatusPage enrolment={enrolment} laterCohorts={laterCohorts} actions={leadActions(enrolment.status)} values={values} errors={errors} />,
  );
}

enrolmentRoutes.get('/enrolments/:enrolmentId/status', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  return statusPage(c, await getManagedEnrolment(c.get('deps'), viewer, c.req.param('enrolmentId')), {});
});

enrolmentRoutes.post('/enrolments/:enrolmentId/status', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const managed = await getManagedEnrolment(deps, viewer, c.req.param('enrolmentId'));
  const values = await readForm(c);
  const form = validate(statusForm, values);
  if (!form.ok) return statusPage(c, managed, values, form.errors);
  try {
    const status = await changeEnrolmentStatus(deps, viewer, managed, form.data, c.get('requestId'));
    return c.redirect(`/enrolments/${managed.enrolment.id}?done=${status === 'withdrawn' ? 'status-withdrawn' : status}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return statusPage(c, managed, values, error.fieldErrors);
    throw error;
  }
});

enrolmentRoutes.post('/enrolments/:enrolmentId/sign-off', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const enrolment = await getEnrolmentToManage(deps, viewer, c.req.param('enrolmentId'));
  const form = validate(signOffForm, await readForm(c));
  // The only field is an optional note; a note that is too long is refused outright.
  if (!form.ok) throw new Invalid(form.errors, Object.values(form.errors)[0]);
  await signOffEnrolment(deps, viewer, enrolment, form.data.note, c.get('requestId'));
  return c.redirect(`/enrolments/${enrolment.id}?done=signed-off`, 303);
});
