import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { renderProjectPdf } from './projects.pdf';
import { formatFigure } from './projects.schemas';
import {
  addComment,
  addMilestone,
  addOutcome,
  addUpdate,
  assessProject,
  confirmRole,
  discardProject,
  getDiscardForm,
  createProject,
  getAssessForm,
  getEditableProject,
  getEditProject,
  getMeasureForm,
  getNewProject,
  getOutcomeForm,
  getProjectLists,
  getProjectPage,
  getSummaryForPdf,
  getSubmitForm,
  getUpdateForm,
  nameAssessor,
  saveMeasure,
  setMilestoneStatus,
  submitReport,
  updateProject,
} from './projects.service';
import {
  AssessFormView,
  dateToValues,
  DiscardView,
  MeasureFormView,
  MilestoneFormView,
  OutcomeFormView,
  ProjectForm,
  SubmitFormView,
  UpdateFormView,
} from './views/forms';
import { ProjectListPage } from './views/list';
import { ProjectPageView } from './views/project';

/** Work-based and whole-school change projects. */
export const projectRoutes = new Hono<AppEnv>();

const BANNERS: Record<string, string> = {
  created: 'Project saved. Your line manager has been asked to confirm it is part of your role.',
  saved: 'Project saved',
  measure: 'Impact measure saved',
  outcome: 'Outcome added',
  milestone: 'Milestone saved',
  update: 'Update added',
  comment: 'Comment added',
  confirmed: 'Confirmed: the project has started',
  submitted: 'Final report submitted for assessment',
  assessed: 'Assessment saved',
  assessor: 'Assessor saved',
};

/** Runs a form's action; bad input shows the form again with its errors (status 400), anything else goes on to onError. */
async function orForm(act: () => Promise<unknown>, show: (errors: FieldErrors) => Response | Promise<Response>): Promise<Response | null> {
  try {
    await act();
    return null;
  } catch (error) {
    if (error instanceof Invalid) return show(error.fieldErrors);
    throw error;
  }
}

const back = (id: string) => <BackLink href={`/projects/${id}`} text="Project" />;

projectRoutes.get('/projects', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const lists = await getProjectLists(c.get('deps'), viewer);
  const banner = c.req.query('done') === 'discarded' ? 'Project discarded' : undefined;
  return renderPage(c, { title: 'Projects' }, <ProjectListPage {...lists} banner={banner} />);
});

// ----- Planning a project -----

async function newPage(c: Context<AppEnv>, form?: { values: FormValues; ticked: string[]; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getNewProject(c.get('deps'), viewer, c.req.query('enrolment'));
  if (data.existingId) return c.redirect(`/projects/${data.existingId}`, 303);
  const enrolment = data.enrolment;
  const action = enrolment ? `/projects/new?enrolment=${enrolment.id}` : '/projects/new';
  return renderPage(
    c,
    {
      title: 'Plan your project',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={enrolment ? `/enrolments/${enrolment.id}` : '/projects'} text={enrolment ? 'My programme' : 'Projects'} />,
    },
    <ProjectForm
      caption={enrolment ? enrolment.programme_title : 'A project of your own'}
      heading="Plan your project"
      action={action}
      button="Save project"
      skills={data.skills}
      ticked={form?.ticked ?? []}
      values={form?.values ?? {}}
      errors={form?.errors}
    />,
  );
}

projectRoutes.get('/projects/new', access('signed-in'), (c) => newPage(c));

projectRoutes.post('/projects/new', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getNewProject(deps, viewer, c.req.query('enrolment'));
  if (data.existingId) return c.redirect(`/projects/${data.existingId}`, 303);
  const { values, list } = await readFormWithLists(c);
  let id = '';
  const shown = await orForm(
    async () => {
      id = await createProject(deps, viewer, data, values, list('skills'));
    },
    (errors) => newPage(c, { values, ticked: list('skills'), errors }),
  );
  return shown ?? c.redirect(`/projects/${id}?done=created`, 303);
});

// ----- The project page -----

async function projectPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const page = await getProjectPage(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  const title = page.relation === 'participant' ? `Your project: ${page.project.title}` : `${page.participant.name}: ${page.project.title}`;
  const banner = form ? undefined : BANNERS[c.req.query('done') ?? ''];
  return renderPage(
    c,
    { title, hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/projects" text="Projects" /> },
    <ProjectPageView page={page} banner={banner} errors={form?.errors} values={form?.values} />,
  );
}

projectRoutes.get('/projects/:projectId', access('signed-in'), (c) => projectPage(c));

async function editPage(c: Context<AppEnv>, form?: { values: FormValues; ticked: string[]; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getEditProject(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  const saved: FormValues = {
    title: data.project.title,
    rationale: data.project.rationale,
    peopleAffected: data.project.people_affected,
    criteria: data.criteria.map((x) => x.text).join('\n'),
  };
  return renderPage(
    c,
    { title: `Change your project: ${data.project.title}`, hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <ProjectForm
      caption={data.project.title}
      heading="Change your project"
      action={`/projects/${data.project.id}/edit`}
      button="Save changes"
      skills={data.skills}
      ticked={form?.ticked ?? data.skillIds}
      values={form?.values ?? saved}
      errors={form?.errors}
      criteriaLocked={data.criteriaLocked}
      criteriaText={data.criteria.map((x) => `${x.position}. ${x.text}`).join(' ')}
    />,
  );
}

projectRoutes.get('/projects/:projectId/edit', access('signed-in'), (c) => editPage(c));

projectRoutes.post('/projects/:projectId/edit', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getEditProject(deps, viewer, c.req.param('projectId'));
  const { values, list } = await readFormWithLists(c);
  const shown = await orForm(
    () => updateProject(deps, data, values, list('skills')),
    (errors) => editPage(c, { values, ticked: list('skills'), errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=saved`, 303);
});

// ----- Impact measures and outcomes -----

async function measurePage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const measureId = c.req.param('measureId') ?? null;
  const data = await getMeasureForm(c.get('deps'), viewer, c.req.param('projectId') ?? '', measureId);
  const m = data.measure;
  const saved: FormValues = m
    ? {
        name: m.name,
        unit: m.unit,
        baseline: formatFigure(Number(m.baseline_value)).replaceAll(',', ''),
        target: formatFigure(Number(m.target_value)).replaceAll(',', ''),
        ...dateToValues('baselineOn', m.baseline_on),
      }
    : {};
  const heading = m ? `Change the measure: ${m.name}` : 'Add an impact measure';
  return renderPage(
    c,
    { title: heading, hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <MeasureFormView
      caption={data.project.title}
      heading={heading}
      action={m ? `/projects/${data.project.id}/measures/${m.id}` : `/projects/${data.project.id}/measures/new`}
      button={m ? 'Save changes' : 'Add measure'}
      values={form?.values ?? saved}
      errors={form?.errors}
    />,
  );
}

async function postMeasure(c: Context<AppEnv>, measureId: string | null) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getMeasureForm(deps, viewer, c.req.param('projectId') ?? '', measureId);
  const values = await readForm(c);
  const shown = await orForm(
    () => saveMeasure(deps, data, values),
    (errors) => measurePage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=measure`, 303);
}

projectRoutes.get('/projects/:projectId/measures/new', access('signed-in'), (c) => measurePage(c));
projectRoutes.post('/projects/:projectId/measures/new', access('signed-in'), (c) => postMeasure(c, null));
projectRoutes.get('/projects/:projectId/measures/:measureId', access('signed-in'), (c) => measurePage(c));
projectRoutes.post('/projects/:projectId/measures/:measureId', access('signed-in'), (c) => postMeasure(c, c.req.param('measureId')));

async function outcomePage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getOutcomeForm(c.get('deps'), viewer, c.req.param('projectId') ?? '', c.req.param('measureId') ?? '');
  return renderPage(
    c,
    { title: `Add an outcome: ${data.measure.name}`, hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <OutcomeFormView
      caption={data.project.title}
      action={`/projects/${data.project.id}/measures/${data.measure.id}/outcomes`}
      measure={data.measure}
      outcomes={data.outcomes}
      values={form?.values ?? {}}
      errors={form?.errors}
    />,
  );
}

projectRoutes.get('/projects/:projectId/measures/:measureId/outcomes', access('signed-in'), (c) => outcomePage(c));

projectRoutes.post('/projects/:projectId/measures/:measureId/outcomes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getOutcomeForm(deps, viewer, c.req.param('projectId'), c.req.param('measureId'));
  const values = await readForm(c);
  const shown = await orForm(
    () => addOutcome(deps, data, values),
    (errors) => outcomePage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=outcome#measure-${data.measure.position}-heading`, 303);
});

// ----- Milestones, updates, comments -----

async function milestonePage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getEditableProject(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  return renderPage(
    c,
    { title: 'Add a milestone', hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <MilestoneFormView caption={data.project.title} action={`/projects/${data.project.id}/milestones/new`} values={form?.values ?? {}} errors={form?.errors} />,
  );
}

projectRoutes.get('/projects/:projectId/milestones/new', access('signed-in'), (c) => milestonePage(c));

projectRoutes.post('/projects/:projectId/milestones/new', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getEditableProject(deps, viewer, c.req.param('projectId'));
  const values = await readForm(c);
  const shown = await orForm(
    () => addMilestone(deps, data, values),
    (errors) => milestonePage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=milestone`, 303);
});

projectRoutes.post('/projects/:projectId/milestones/:milestoneId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const id = c.req.param('projectId');
  const shown = await orForm(
    () => setMilestoneStatus(c.get('deps'), viewer, id, c.req.param('milestoneId'), values),
    (errors) => projectPage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${id}?done=milestone`, 303);
});

async function updatePage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getUpdateForm(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  return renderPage(
    c,
    { title: 'Write an update', hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <UpdateFormView caption={data.project.title} action={`/projects/${data.project.id}/updates/new`} values={form?.values ?? {}} errors={form?.errors} />,
  );
}

projectRoutes.get('/projects/:projectId/updates/new', access('signed-in'), (c) => updatePage(c));

projectRoutes.post('/projects/:projectId/updates/new', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getUpdateForm(deps, viewer, c.req.param('projectId'));
  const values = await readForm(c);
  const shown = await orForm(
    () => addUpdate(deps, viewer, data, values),
    (errors) => updatePage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=update`, 303);
});

projectRoutes.post('/projects/:projectId/comments', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('projectId');
  const values = await readForm(c);
  const shown = await orForm(
    () => addComment(c.get('deps'), viewer, id, values),
    (errors) => projectPage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${id}?done=comment`, 303);
});

// ----- Confirming, submitting, assessing -----

projectRoutes.post('/projects/:projectId/confirm', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('projectId');
  await confirmRole(c.get('deps'), viewer, id, c.get('requestId'));
  return c.redirect(`/projects/${id}?done=confirmed`, 303);
});

projectRoutes.get('/projects/:projectId/discard', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getDiscardForm(c.get('deps'), viewer, c.req.param('projectId'));
  return renderPage(
    c,
    { title: `Discard your project: ${data.project.title}`, beforeContent: back(data.project.id) },
    <DiscardView title={data.project.title} action={`/projects/${data.project.id}/discard`} back={`/projects/${data.project.id}`} />,
  );
});

projectRoutes.post('/projects/:projectId/discard', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await discardProject(c.get('deps'), viewer, c.req.param('projectId'), c.get('requestId'));
  return c.redirect('/projects?done=discarded', 303);
});

projectRoutes.post('/projects/:projectId/assessor', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('projectId');
  const values = await readForm(c);
  const shown = await orForm(
    () => nameAssessor(c.get('deps'), viewer, id, values),
    (errors) => projectPage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${id}?done=assessor`, 303);
});

async function submitPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getSubmitForm(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  const resubmission = data.submissions.length > 0;
  return renderPage(
    c,
    {
      title: resubmission ? 'Resubmit your final report' : 'Submit your final report',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: back(data.project.id),
    },
    <SubmitFormView
      caption={data.project.title}
      action={`/projects/${data.project.id}/submit`}
      resubmission={resubmission}
      criteria={data.criteria}
      values={form?.values ?? {}}
      errors={form?.errors}
    />,
  );
}

projectRoutes.get('/projects/:projectId/submit', access('signed-in'), (c) => submitPage(c));

projectRoutes.post('/projects/:projectId/submit', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getSubmitForm(deps, viewer, c.req.param('projectId'));
  const values = await readForm(c);
  const shown = await orForm(
    () => submitReport(deps, viewer, data, values, c.get('requestId')),
    (errors) => submitPage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=submitted`, 303);
});

async function assessPage(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getAssessForm(c.get('deps'), viewer, c.req.param('projectId') ?? '');
  return renderPage(
    c,
    { title: `Assess ${data.participant.name}’s project`, hasErrors: !!form, status: form ? 400 : 200, beforeContent: back(data.project.id) },
    <AssessFormView form={data} action={`/projects/${data.project.id}/assess`} values={form?.values ?? {}} errors={form?.errors} />,
  );
}

projectRoutes.get('/projects/:projectId/assess', access('signed-in'), (c) => assessPage(c));

projectRoutes.post('/projects/:projectId/assess', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getAssessForm(deps, viewer, c.req.param('projectId'));
  const values = await readForm(c);
  const shown = await orForm(
    () => assessProject(deps, viewer, data, values, c.get('requestId')),
    (errors) => assessPage(c, { values, errors }),
  );
  return shown ?? c.redirect(`/projects/${data.project.id}?done=assessed`, 303);
});

// ----- The PDF summary: the public summary only -----

projectRoutes.get('/projects/:projectId/summary.pdf', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { summary, participantName, programmeTitle } = await getSummaryForPdf(c.get('deps'), viewer, c.req.param('projectId'));
  const pdf = await renderProjectPdf(summary, { participantName, programmeTitle, organisationName: viewer.organisationName });
  const fileName = `project-${summary.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)}.pdf`;
  return c.body(new Uint8Array(pdf), 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'private, no-store',
  });
});
