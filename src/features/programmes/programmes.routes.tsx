import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { BadRequest, Invalid, type FieldErrors } from '../../platform/http/errors';
import { readFormWithLists, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import {
  JOURNEY_QUESTIONS,
  journeyAnswers,
  moduleForm,
  moveForm,
  pathwayForm,
  recommendForm,
  validateProgrammeForm,
  stageForm,
  type JourneyAnswers,
  type JourneyQuestion,
} from './programmes.schemas';
import {
  addModule,
  addStage,
  createPathway,
  createProgramme,
  editPathway,
  editProgramme,
  frameworkChoices,
  getCatalogue,
  getModulesPage,
  getPathway,
  getPathwayPage,
  getProgrammeForDesign,
  getProgrammePage,
  getRecommendPage,
  getRequirementsPage,
  getSkillsPage,
  journeyDefaults,
  journeyResults,
  listPathwaysFor,
  moveStage,
  parseStringList,
  recommendColleague,
  removeModule,
  removeStage,
  saveFocusSkills,
  saveRequirements,
} from './programmes.service';
import type { Programme } from './programmes.tables';
import { parseEligibilityRules } from './eligibility';
import { CataloguePage } from './views/catalogue';
import { ModulesPage, RequirementsPage, SkillsPage } from './views/design';
import { QuestionPage, ResultPage } from './views/journey';
import { PathwayFormPage, PathwayPage, PathwaysPage } from './views/pathways';
import { ProgrammeFormPage, type ProgrammeFormValues } from './views/programme-form';
import { ProgrammePage } from './views/programme-page';
import { RecommendPage } from './views/recommend';

export const programmeRoutes = new Hono<AppEnv>();

/** A form body as text values (last one wins) and as lists, for checkboxes that share a name. */
const banners: Record<string, string> = {
  'pathway-created': 'Pathway added',
  'pathway-saved': 'Pathway saved',
  'stage-added': 'Stage added',
  'stage-moved': 'Stage moved',
  'stage-removed': 'Stage removed: the programme now stands alone',
  'programme-created': 'Programme added',
  'programme-saved': 'Changes saved',
  'programme-saved-skills-cleared': 'Changes saved. The framework version changed, so choose the focus skills again.',
  'requirements-saved': 'Requirements saved',
  'skills-saved': 'Focus skills saved',
  'module-added': 'Module added',
  'module-removed': 'Module removed',
  recommended: 'Recommendation sent',
};
const bannerOf = (c: Context<AppEnv>) => banners[c.req.query('done') ?? ''];

// ----- Pathways -----

programmeRoutes.get('/pathways', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pathways = await listPathwaysFor(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Pathways', beforeContent: <BackLink href="/programmes" text="Programmes" /> },
    <PathwaysPage pathways={pathways} banner={bannerOf(c)} />,
  );
});

function pathwayFormPage(
  c: Context<AppEnv>,
  options: { heading: string; action: string; values: FormValues; errors?: FieldErrors; cancelHref: string; submitText: string },
) {
  return renderPage(
    c,
    { title: options.heading, hasErrors: !!options.errors, beforeContent: <BackLink href={options.cancelHref} text="Back" /> },
    <PathwayFormPage {...options} />,
  );
}

programmeRoutes.get('/pathways/new', access('programme-lead'), (c) =>
  pathwayFormPage(c, { heading: 'Add a pathway', action: '/pathways', values: {}, cancelHref: '/pathways', submitText: 'Add pathway' }),
);

programmeRoutes.post('/pathways', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values } = await readFormWithLists(c);
  const again = (errors: FieldErrors) =>
    pathwayFormPage(c, { heading: 'Add a pathway', action: '/pathways', values, errors, cancelHref: '/pathways', submitText: 'Add pathway' });
  const form = validate(pathwayForm, values);
  if (!form.ok) return again(form.errors);
  try {
    const id = await createPathway(c.get('deps'), viewer, form.data, c.get('requestId'));
    return c.redirect(`/pathways/${id}?done=pathway-created`, 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
});

async function pathwayPage(c: Context<AppEnv>, id: string, options: { errors?: FieldErrors; values?: FormValues } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getPathwayPage(c.get('deps'), viewer, id);
  return renderPage(
    c,
    { title: data.pathway.title, hasErrors: !!options.errors, beforeContent: <BackLink href="/pathways" text="Pathways" /> },
    <PathwayPage {...data} banner={bannerOf(c)} errors={options.errors} values={options.values} />,
  );
}

programmeRoutes.get('/pathways/:pathwayId', access('programme-lead'), (c) => pathwayPage(c, c.req.param('pathwayId')));

programmeRoutes.get('/pathways/:pathwayId/edit', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pathway = await getPathway(c.get('deps'), viewer, c.req.param('pathwayId'));
  return pathwayFormPage(c, {
    heading: `Change ${pathway.title}`,
    action: `/pathways/${pathway.id}`,
    values: { title: pathway.title, summary: pathway.summary },
    cancelHref: `/pathways/${pathway.id}`,
    submitText: 'Save changes',
  });
});

programmeRoutes.post('/pathways/:pathwayId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const pathway = await getPathway(deps, viewer, c.req.param('pathwayId'));
  const { values } = await readFormWithLists(c);
  const again = (errors: FieldErrors) =>
    pathwayFormPage(c, {
      heading: `Change ${pathway.title}`,
      action: `/pathways/${pathway.id}`,
      values,
      errors,
      cancelHref: `/pathways/${pathway.id}`,
      submitText: 'Save changes',
    });
  const form = validate(pathwayForm, values);
  if (!form.ok) return again(form.errors);
  try {
    await editPathway(deps, viewer, pathway.id, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
  return c.redirect(`/pathways/${pathway.id}?done=pathway-saved`, 303);
});

programmeRoutes.post('/pathways/:pathwayId/stages', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pathwayId = c.req.param('pathwayId');
  await getPathway(c.get('deps'), viewer, pathwayId);
  const { values } = await readFormWithLists(c);
  const form = validate(stageForm, values);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await addStage(c.get('deps'), viewer, pathwayId, form.data.programmeId, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return pathwayPage(c, pathwayId, { errors: error.fieldErrors, values });
    throw error;
  }
  return c.redirect(`/pathways/${pathwayId}?done=stage-added`, 303);
});

programmeRoutes.post('/pathways/:pathwayId/stages/:programmeId/move', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pathwayId = c.req.param('pathwayId');
  await getPathway(c.get('deps'), viewer, pathwayId);
  const form = validate(moveForm, (await readFormWithLists(c)).values);
  if (!form.ok) throw new BadRequest('Choose to move the stage up or down.');
  await moveStage(c.get('deps'), viewer, pathwayId, c.req.param('programmeId'), form.data.direction, c.get('requestId'));
  return c.redirect(`/pathways/${pathwayId}?done=stage-moved`, 303);
});

programmeRoutes.post('/pathways/:pathwayId/stages/:programmeId/remove', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const pathwayId = c.req.param('pathwayId');
  await removeStage(c.get('deps'), viewer, pathwayId, c.req.param('programmeId'), c.get('requestId'));
  return c.redirect(`/pathways/${pathwayId}?done=stage-removed`, 303);
});

// ----- The catalogue and "Is this for me?" (before /programmes/:programmeId) -----

programmeRoutes.get('/programmes', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const catalogue = await getCatalogue(c.get('deps'), viewer);
  return renderPage(c, { title: 'Programmes' }, <CataloguePage catalogue={catalogue} banner={bannerOf(c)} />);
});

programmeRoutes.get('/programmes/is-this-for-me', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const query = c.req.query();
  const defaults = await journeyDefaults(deps, viewer);
  const given: Partial<Record<JourneyQuestion, string>> = {};
  for (const key of JOURNEY_QUESTIONS) if (typeof query[key] === 'string') given[key] = query[key].slice(0, 40);
  const requested = query.question;
  const target = requested === 'result' ? JOURNEY_QUESTIONS.length : JOURNEY_QUESTIONS.indexOf(requested as JourneyQuestion);
  const title = 'Is this for me?';
  const ask = (question: JourneyQuestion, error?: string) =>
    renderPage(
      c,
      { title: error ? `${title}: there is a problem` : title, hasErrors: !!error, beforeContent: <BackLink href="/programmes" text="Programmes" /> },
      <QuestionPage
        question={question}
        answers={error ? given : { ...given, [question]: given[question] ?? defaults[question] }}
        error={error}
        startedOn={defaults.startedOn}
      />,
    );
  if (target <= 0) return ask('role');
  // Every question before the one asked for must have a good answer; the first that doesn't is asked again.
  const answers: Partial<JourneyAnswers> = {};
  for (const question of JOURNEY_QUESTIONS.slice(0, target)) {
    const parsed = journeyAnswers[question].safeParse(given[question]);
    if (!parsed.success) return ask(question, parsed.error.issues[0]?.message ?? 'Answer this question');
    Object.assign(answers, { [question]: parsed.data });
  }
  // Asked for a question (not the result): show it, with the earlier answers kept.
  const asked = JOURNEY_QUESTIONS[target];
  if (asked) return ask(asked);
  const complete = answers as JourneyAnswers;
  const results = await journeyResults(deps, viewer, complete);
  return renderPage(
    c,
    { title: 'Programmes you can apply for', beforeContent: <BackLink href="/programmes" text="Programmes" /> },
    <ResultPage answers={complete} eligible={results.eligible} notEligible={results.notEligible} />,
  );
});

// ----- Designing programmes -----

function programmeValues(p: Programme): ProgrammeFormValues {
  const rules = parseEligibilityRules(p.eligibility);
  return {
    text: {
      title: p.title,
      summary: p.summary,
      audience: p.audience,
      duration: p.duration,
      delivery: p.delivery,
      modulesRequired: p.modules_required === null ? '' : String(p.modules_required),
      status: p.status,
      frameworkVersionId: p.framework_version_id ?? '',
      frameworkLevel: p.framework_level ?? '',
      minYears: rules.minYears === null ? '' : String(rules.minYears),
      maxYears: rules.maxYears === null ? '' : String(rules.maxYears),
      declarations: parseStringList(p.declarations).join('\n'),
      experiences: parseStringList(p.experiences).join('\n'),
      asksForCoach: p.asks_for_coach ? 'yes' : '',
      asksForProject: p.asks_for_project ? 'yes' : '',
      motivationWordLimit: String(p.motivation_word_limit),
    },
    staffTypes: rules.staffTypes,
    leadershipLevels: rules.leadershipLevels,
  };
}

async function programmeFormPage(
  c: Context<AppEnv>,
  options: { heading: string; action: string; values: ProgrammeFormValues; errors?: FieldErrors; cancelHref: string; submitText: string },
) {
  const viewer = requireViewer(c.get('viewer'));
  const frameworks = await frameworkChoices(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: options.heading, hasErrors: !!options.errors, beforeContent: <BackLink href={options.cancelHref} text="Back" /> },
    <ProgrammeFormPage {...options} frameworks={frameworks} />,
  );
}

/** Reads the programme form: text fields, plus the two checkbox lists. */
async function readProgrammeForm(c: Context<AppEnv>) {
  const { values, list } = await readFormWithLists(c);
  const submitted: ProgrammeFormValues = { text: values, staffTypes: list('staffTypes'), leadershipLevels: list('leadershipLevels') };
  return { submitted, form: validateProgrammeForm({ ...values, staffTypes: submitted.staffTypes, leadershipLevels: submitted.leadershipLevels }) };
}

programmeRoutes.get('/programmes/new', access('programme-lead'), (c) =>
  programmeFormPage(c, {
    heading: 'Add a programme',
    action: '/programmes',
    values: { text: { status: 'draft', motivationWordLimit: '500' }, staffTypes: [], leadershipLevels: [] },
    cancelHref: '/programmes',
    submitText: 'Add programme',
  }),
);

programmeRoutes.post('/programmes', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { submitted, form } = await readProgrammeForm(c);
  const again = (errors: FieldErrors) =>
    programmeFormPage(c, {
      heading: 'Add a programme',
      action: '/programmes',
      values: submitted,
      errors,
      cancelHref: '/programmes',
      submitText: 'Add programme',
    });
  if (!form.ok) return again(form.errors);
  try {
    const id = await createProgramme(c.get('deps'), viewer, form.data, c.get('requestId'));
    return c.redirect(`/programmes/${id}?done=programme-created`, 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
});

programmeRoutes.get('/programmes/:programmeId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getProgrammePage(c.get('deps'), viewer, c.req.param('programmeId'));
  const to = c.req.query('to');
  const banner = c.req.query('done') === 'recommended' && to ? `Recommendation sent to ${to.slice(0, 200)}` : bannerOf(c);
  return renderPage(
    c,
    { title: data.programme.title, beforeContent: <BackLink href="/programmes" text="Programmes" /> },
    <ProgrammePage data={data} banner={banner} />,
  );
});

programmeRoutes.get('/programmes/:programmeId/edit', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const programme = await getProgrammeForDesign(c.get('deps'), viewer, c.req.param('programmeId'));
  return programmeFormPage(c, {
    heading: `Change ${programme.title}`,
    action: `/programmes/${programme.id}`,
    values: programmeValues(programme),
    cancelHref: `/programmes/${programme.id}`,
    submitText: 'Save changes',
  });
});

programmeRoutes.post('/programmes/:programmeId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const programme = await getProgrammeForDesign(deps, viewer, c.req.param('programmeId'));
  const { submitted, form } = await readProgrammeForm(c);
  const again = (errors: FieldErrors) =>
    programmeFormPage(c, {
      heading: `Change ${programme.title}`,
      action: `/programmes/${programme.id}`,
      values: submitted,
      errors,
      cancelHref: `/programmes/${programme.id}`,
      submitText: 'Save changes',
    });
  if (!form.ok) return again(form.errors);
  try {
    const { skillsCleared } = await editProgramme(deps, viewer, programme.id, form.data, c.get('requestId'));
    return c.redirect(`/programmes/${programme.id}?done=${skillsCleared ? 'programme-saved-skills-cleared' : 'programme-saved'}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
});

// ----- Requirements -----

async function requirementsPage(c: Context<AppEnv>, options: { kinds?: string[]; values?: FormValues; errors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const data = await getRequirementsPage(deps, viewer, c.req.param('programmeId') ?? '');
  const stored: FormValues = {};
  for (const r of data.chosen)
    for (const [name, value] of Object.entries(deps.completion.settingsFor(r.kind, r.settings))) stored[`${r.kind}-${name}`] = String(value);
  return renderPage(
    c,
    {
      title: `Requirements: ${data.programme.title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/programmes/${data.programme.id}`} text="Back" />,
    },
    <RequirementsPage
      programme={data.programme}
      available={data.available}
      // Kinds submitted but unknown are not shown back: only listed kinds can be ticked.
      kinds={options.kinds ?? data.chosen.map((r) => r.kind)}
      values={options.values ?? stored}
      modules={data.modules}
      errors={options.errors}
      banner={bannerOf(c)}
    />,
  );
}

programmeRoutes.get('/programmes/:programmeId/requirements', access('programme-lead'), (c) => requirementsPage(c));

programmeRoutes.post('/programmes/:programmeId/requirements', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  await getProgrammeForDesign(c.get('deps'), viewer, id);
  const { values, list } = await readFormWithLists(c);
  const kinds = list('kinds');
  try {
    await saveRequirements(c.get('deps'), viewer, id, kinds, values, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return requirementsPage(c, { kinds, values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}/requirements?done=requirements-saved`, 303);
});

// ----- Focus skills -----

async function skillsPage(c: Context<AppEnv>, options: { chosen?: string[]; errors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getSkillsPage(c.get('deps'), viewer, c.req.param('programmeId') ?? '');
  return renderPage(
    c,
    {
      title: `Focus skills: ${data.programme.title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/programmes/${data.programme.id}`} text="Back" />,
    },
    <SkillsPage
      programme={data.programme}
      versionLabel={data.version?.label ?? null}
      skills={data.skills}
      chosen={options.chosen ?? data.chosen}
      errors={options.errors}
      banner={bannerOf(c)}
    />,
  );
}

programmeRoutes.get('/programmes/:programmeId/skills', access('programme-lead'), (c) => skillsPage(c));

programmeRoutes.post('/programmes/:programmeId/skills', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  await getProgrammeForDesign(c.get('deps'), viewer, id);
  const { list } = await readFormWithLists(c);
  const skills = list('skills');
  try {
    await saveFocusSkills(c.get('deps'), viewer, id, skills, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return skillsPage(c, { chosen: skills, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}/skills?done=skills-saved`, 303);
});

// ----- Modules -----

async function modulesPage(c: Context<AppEnv>, options: { values?: FormValues; errors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getModulesPage(c.get('deps'), viewer, c.req.param('programmeId') ?? '');
  return renderPage(
    c,
    {
      title: `Modules: ${data.programme.title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/programmes/${data.programme.id}`} text="Back" />,
    },
    <ModulesPage programme={data.programme} modules={data.modules} values={options.values ?? {}} errors={options.errors} banner={bannerOf(c)} />,
  );
}

programmeRoutes.get('/programmes/:programmeId/modules', access('programme-lead'), (c) => modulesPage(c));

programmeRoutes.post('/programmes/:programmeId/modules', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  await getProgrammeForDesign(c.get('deps'), viewer, id);
  const { values } = await readFormWithLists(c);
  const form = validate(moduleForm, values);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await addModule(c.get('deps'), viewer, id, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return modulesPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}/modules?done=module-added`, 303);
});

programmeRoutes.post('/programmes/:programmeId/modules/:moduleId/remove', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  try {
    await removeModule(c.get('deps'), viewer, id, c.req.param('moduleId'), c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return modulesPage(c, { errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}/modules?done=module-removed`, 303);
});

// ----- Recommending a colleague -----

async function recommendPage(c: Context<AppEnv>, options: { values?: FormValues; errors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getRecommendPage(c.get('deps'), viewer, c.req.param('programmeId') ?? '');
  return renderPage(
    c,
    {
      title: `Recommend a colleague for ${data.programme.title}`,
      hasErrors: !!options.errors,
      beforeContent: <BackLink href={`/programmes/${data.programme.id}`} text="Back" />,
    },
    <RecommendPage programme={data.programme} colleagues={data.colleagues} values={options.values ?? {}} errors={options.errors} />,
  );
}

programmeRoutes.get('/programmes/:programmeId/recommend', access('people-manager'), (c) => recommendPage(c));

programmeRoutes.post('/programmes/:programmeId/recommend', access('people-manager'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('programmeId');
  const { values } = await readFormWithLists(c);
  const form = validate(recommendForm, values);
  let name: string;
  try {
    if (!form.ok) throw new Invalid(form.errors);
    ({ name } = await recommendColleague(c.get('deps'), viewer, id, form.data, c.get('requestId')));
  } catch (error) {
    if (error instanceof Invalid) return recommendPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/programmes/${id}?done=recommended&to=${encodeURIComponent(name)}`, 303);
});
