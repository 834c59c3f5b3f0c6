import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { inFieldOrder, readBody, readForm, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { toCsv, toJson } from './frameworks.interchange';
import { domainForm, frameworkForm, importForm, skillForm } from './frameworks.schemas';
import {
  addBuiltInFrameworks,
  addDomain,
  addSkill,
  changeDomain,
  changeLevels,
  changeSkill,
  createFramework,
  discardDraft,
  exportVersion,
  frameworkChoices,
  getDomain,
  getDraftLevels,
  getFramework,
  getSkill,
  getVersion,
  ImportRejected,
  importFramework,
  listFrameworks,
  publishDraft,
  readDescriptors,
  readLevelsForm,
  removeDomain,
  removeSkill,
  skillFormChoices,
  startDraft,
} from './frameworks.service';
import { FrameworkFormPage, FrameworkPage } from './views/framework';
import { ImportPage } from './views/import';
import { FrameworkListPage } from './views/list';
import { DomainFormPage, SkillFormPage } from './views/parts';
import { LevelsFormPage, levelValues, VersionPage } from './views/version';

export const frameworkRoutes = new Hono<AppEnv>();

const listBanners: Record<string, string> = { 'built-in': 'Waymark’s built-in frameworks were added' };
const frameworkBanners: Record<string, string> = { discarded: 'The draft was discarded' };
const versionBanners: Record<string, string> = {
  created: 'Framework created. Add domains and skills to this draft, then publish it.',
  imported: 'File imported as this draft. Check it, then publish it.',
  draft: 'New draft created from the latest published version',
  published: 'Version published',
  levels: 'Levels saved',
  'domain-added': 'Domain added',
  'domain-changed': 'Domain changed',
  'domain-removed': 'Domain removed',
  'skill-added': 'Skill added',
  'skill-changed': 'Skill changed',
  'skill-removed': 'Skill removed',
};

const versionPath = (frameworkId: string, versionId: string) => `/frameworks/${frameworkId}/versions/${versionId}`;

// ----- Frameworks -----

frameworkRoutes.get('/frameworks', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { rows, builtInsMissing } = await listFrameworks(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Skills frameworks' },
    <FrameworkListPage rows={rows} builtInsMissing={builtInsMissing} banner={listBanners[c.req.query('done') ?? '']} />,
  );
});

frameworkRoutes.post('/frameworks/built-in', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const added = await addBuiltInFrameworks(c.get('deps'), viewer);
  return c.redirect(added > 0 ? '/frameworks?done=built-in' : '/frameworks', 303);
});

function frameworkFormPage(c: Context<AppEnv>, values: FormValues, errors?: FieldErrors) {
  return renderPage(
    c,
    { title: 'Create a framework', hasErrors: !!errors, beforeContent: <BackLink href="/frameworks" text="Back" /> },
    <FrameworkFormPage values={values} errors={errors} />,
  );
}

frameworkRoutes.get('/frameworks/new', access('programme-lead'), (c) => frameworkFormPage(c, {}));

frameworkRoutes.post('/frameworks', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const form = validate(frameworkForm, values);
  if (!form.ok) return frameworkFormPage(c, values, form.errors);
  try {
    const created = await createFramework(c.get('deps'), viewer, form.data, c.get('requestId'));
    return c.redirect(`${versionPath(created.frameworkId, created.versionId)}?done=created`, 303);
  } catch (error) {
    if (error instanceof Invalid) return frameworkFormPage(c, values, error.fieldErrors);
    throw error;
  }
});

async function importPage(c: Context<AppEnv>, values: FormValues, options: { errors?: FieldErrors; problems?: string[] } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const frameworks = await frameworkChoices(c.get('deps'), viewer);
  const hasErrors = !!options.errors || !!options.problems?.length;
  return renderPage(
    c,
    { title: hasErrors ? 'The file was not imported' : 'Import a framework', hasErrors, beforeContent: <BackLink href="/frameworks" text="Back" /> },
    <ImportPage values={values} errors={options.errors} problems={options.problems} frameworks={frameworks} />,
  );
}

frameworkRoutes.get('/frameworks/import', access('programme-lead'), (c) => importPage(c, {}));

frameworkRoutes.post('/frameworks/import', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const body = await readBody(c);
  const values: FormValues = {};
  for (const field of ['target', 'title', 'track', 'frameworkId']) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  const file = Array.isArray(body.file) ? body.file[0] : body.file;
  const errors: FieldErrors = {};
  // Without a chosen file, browsers still send the field: an empty part with no file name.
  const hasFile = file instanceof File && !(file.name === '' && file.size === 0);
  if (!hasFile) errors.file = 'Select a JSON or CSV file';
  const form = validate(importForm, values);
  if (!form.ok) Object.assign(errors, form.errors);
  if (!hasFile || !form.ok) return importPage(c, values, { errors });
  try {
    const imported = await importFramework(
      c.get('deps'),
      viewer,
      form.data,
      { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      c.get('requestId'),
    );
    return c.redirect(`${versionPath(imported.frameworkId, imported.versionId)}?done=imported`, 303);
  } catch (error) {
    if (error instanceof ImportRejected) return importPage(c, values, { errors: error.fieldErrors, problems: error.problems });
    if (error instanceof Invalid) return importPage(c, values, { errors: error.fieldErrors });
    throw error;
  }
});

frameworkRoutes.get('/frameworks/:frameworkId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getFramework(c.get('deps'), viewer, c.req.param('frameworkId'));
  return renderPage(
    c,
    { title: data.framework.title, beforeContent: <BackLink href="/frameworks" text="Frameworks" /> },
    <FrameworkPage data={data} banner={frameworkBanners[c.req.query('done') ?? '']} />,
  );
});

frameworkRoutes.post('/frameworks/:frameworkId/drafts', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const frameworkId = c.req.param('frameworkId');
  const deps = c.get('deps');
  const before = (await getFramework(deps, viewer, frameworkId)).draft;
  const versionId = await startDraft(deps, viewer, frameworkId, c.get('requestId'));
  return c.redirect(`${versionPath(frameworkId, versionId)}${before ? '' : '?done=draft'}`, 303);
});

// ----- Versions -----

async function versionPage(c: Context<AppEnv>, options: { errors?: FieldErrors; status?: 400 | 409 } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await getVersion(c.get('deps'), viewer, c.req.param('frameworkId') ?? '', c.req.param('versionId') ?? '');
  return renderPage(
    c,
    {
      title: `${data.framework.title}, version ${data.version.number}`,
      hasErrors: !!options.errors,
      status: options.status,
      beforeContent: <BackLink href={`/frameworks/${data.framework.id}`} text={data.framework.title} />,
    },
    <VersionPage data={data} banner={options.errors ? undefined : versionBanners[c.req.query('done') ?? '']} errors={options.errors} />,
  );
}

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId', access('programme-lead'), (c) => versionPage(c));

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/export.json', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { document, fileStem } = await exportVersion(c.get('deps'), viewer, c.req.param('frameworkId'), c.req.param('versionId'));
  return c.body(toJson(document), 200, { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${fileStem}.json"` });
});

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/export.csv', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { document, fileStem } = await exportVersion(c.get('deps'), viewer, c.req.param('frameworkId'), c.req.param('versionId'));
  return c.body(toCsv(document), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileStem}.csv"` });
});

async function levelsPage(c: Context<AppEnv>, values: FormValues | null, errors?: FieldErrors) {
  const viewer = requireViewer(c.get('viewer'));
  const { framework, version, levels } = await getDraftLevels(c.get('deps'), viewer, c.req.param('frameworkId') ?? '', c.req.param('versionId') ?? '');
  const back = versionPath(framework.id, version.id);
  return renderPage(
    c,
    { title: 'Change the levels', hasErrors: !!errors, beforeContent: <BackLink href={back} text="Back" /> },
    <LevelsFormPage
      action={back}
      cancelHref={back}
      frameworkTitle={framework.title}
      number={version.number}
      values={values ?? levelValues(levels)}
      errors={errors}
    />,
  );
}

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/edit', access('programme-lead'), (c) => levelsPage(c, null));

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId } = c.req.param();
  await getDraftLevels(deps, viewer, frameworkId, versionId);
  const values = await readForm(c);
  const form = readLevelsForm(values);
  if (!form.ok) return levelsPage(c, values, form.errors);
  await changeLevels(deps, viewer, frameworkId, versionId, form.levels);
  return c.redirect(`${versionPath(frameworkId, versionId)}?done=levels`, 303);
});

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/publish', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { frameworkId, versionId } = c.req.param();
  try {
    await publishDraft(c.get('deps'), viewer, frameworkId, versionId, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return versionPage(c, { errors: error.fieldErrors, status: 400 });
    throw error;
  }
  return c.redirect(`${versionPath(frameworkId, versionId)}?done=published`, 303);
});

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/discard', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { frameworkId, versionId } = c.req.param();
  await discardDraft(c.get('deps'), viewer, frameworkId, versionId, c.get('requestId'));
  return c.redirect(`/frameworks/${frameworkId}?done=discarded`, 303);
});

// ----- Domains -----

async function domainPage(c: Context<AppEnv>, options: { values: FormValues | null; errors?: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId, domainId } = c.req.param() as { frameworkId: string; versionId: string; domainId?: string };
  const found = domainId ? await getDomain(deps, viewer, frameworkId, versionId, domainId) : await skillFormChoices(deps, viewer, frameworkId, versionId);
  const domain = 'domain' in found ? found.domain : null;
  const back = versionPath(found.framework.id, found.version.id);
  const heading = domain ? `Change the domain ${domain.title}` : 'Add a domain';
  return renderPage(
    c,
    { title: heading, hasErrors: !!options.errors, beforeContent: <BackLink href={back} text="Back" /> },
    <DomainFormPage
      heading={heading}
      caption={`${found.framework.title}, version ${found.version.number}`}
      action={domain ? `${back}/domains/${domain.id}` : `${back}/domains`}
      cancelHref={back}
      values={options.values ?? (domain ? { title: domain.title, description: domain.description } : {})}
      errors={options.errors}
    />,
  );
}

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/domains/new', access('programme-lead'), (c) => domainPage(c, { values: null }));

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/domains', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId } = c.req.param();
  await skillFormChoices(deps, viewer, frameworkId, versionId);
  const values = await readForm(c);
  const form = validate(domainForm, values);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    const domainId = await addDomain(deps, viewer, frameworkId, versionId, form.data);
    return c.redirect(`${versionPath(frameworkId, versionId)}?done=domain-added#domain-${domainId}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return domainPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
});

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/domains/:domainId/edit', access('programme-lead'), (c) => domainPage(c, { values: null }));

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/domains/:domainId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId, domainId } = c.req.param();
  await getDomain(deps, viewer, frameworkId, versionId, domainId);
  const values = await readForm(c);
  const form = validate(domainForm, values);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await changeDomain(deps, viewer, frameworkId, versionId, domainId, form.data);
  } catch (error) {
    if (error instanceof Invalid) return domainPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`${versionPath(frameworkId, versionId)}?done=domain-changed#domain-${domainId}`, 303);
});

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/domains/:domainId/remove', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { frameworkId, versionId, domainId } = c.req.param();
  try {
    await removeDomain(c.get('deps'), viewer, frameworkId, versionId, domainId);
  } catch (error) {
    if (error instanceof Invalid) return versionPage(c, { errors: error.fieldErrors, status: 409 });
    throw error;
  }
  return c.redirect(`${versionPath(frameworkId, versionId)}?done=domain-removed`, 303);
});

// ----- Skills -----

async function skillPage(c: Context<AppEnv>, options: { values: FormValues | null; errors?: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId, skillId } = c.req.param() as { frameworkId: string; versionId: string; skillId?: string };
  const choices = await skillFormChoices(deps, viewer, frameworkId, versionId);
  const skill = skillId ? (await getSkill(deps, viewer, frameworkId, versionId, skillId)).skill : null;
  const back = versionPath(choices.framework.id, choices.version.id);
  const heading = skill ? `Change skill ${skill.code}` : 'Add a skill';
  const values: FormValues =
    options.values ??
    (skill
      ? {
          domainId: skill.domain_id,
          code: skill.code,
          title: skill.title,
          description: skill.description,
          ...Object.fromEntries(Object.entries(skill.descriptors).map(([key, text]) => [`descriptor-${key}`, text])),
        }
      : { domainId: c.req.query('domain') ?? '' });
  return renderPage(
    c,
    { title: heading, hasErrors: !!options.errors, beforeContent: <BackLink href={back} text="Back" /> },
    <SkillFormPage
      heading={heading}
      caption={`${choices.framework.title}, version ${choices.version.number}`}
      action={skill ? `${back}/skills/${skill.id}` : `${back}/skills`}
      cancelHref={back}
      values={values}
      errors={options.errors}
      domains={choices.domains}
      levels={choices.levels}
    />,
  );
}

/** Validates the skill form with its descriptor fields; errors in the form's order. */
function readSkillForm(values: FormValues, levels: { key: string; title: string }[]) {
  const form = validate(skillForm, values);
  const { descriptors, errors: descriptorErrors } = readDescriptors(values, levels);
  const errors: FieldErrors = { ...(form.ok ? {} : form.errors), ...descriptorErrors };
  const order = ['domainId', 'code', 'title', 'description', ...levels.map((l) => `descriptor-${l.key}`)];
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false as const, errors: inFieldOrder(errors, order) };
  return { ok: true as const, data: form.data, descriptors };
}

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/skills/new', access('programme-lead'), (c) => skillPage(c, { values: null }));

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/skills', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId } = c.req.param();
  const { levels } = await skillFormChoices(deps, viewer, frameworkId, versionId);
  const values = await readForm(c);
  const form = readSkillForm(values, levels);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await addSkill(deps, viewer, frameworkId, versionId, form.data, form.descriptors);
    return c.redirect(`${versionPath(frameworkId, versionId)}?done=skill-added#domain-${form.data.domainId}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return skillPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
});

frameworkRoutes.get('/frameworks/:frameworkId/versions/:versionId/skills/:skillId/edit', access('programme-lead'), (c) => skillPage(c, { values: null }));

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/skills/:skillId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { frameworkId, versionId, skillId } = c.req.param();
  const { levels } = await skillFormChoices(deps, viewer, frameworkId, versionId);
  await getSkill(deps, viewer, frameworkId, versionId, skillId);
  const values = await readForm(c);
  const form = readSkillForm(values, levels);
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await changeSkill(deps, viewer, frameworkId, versionId, skillId, form.data, form.descriptors);
    return c.redirect(`${versionPath(frameworkId, versionId)}?done=skill-changed#domain-${form.data.domainId}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return skillPage(c, { values, errors: error.fieldErrors });
    throw error;
  }
});

frameworkRoutes.post('/frameworks/:frameworkId/versions/:versionId/skills/:skillId/remove', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { frameworkId, versionId, skillId } = c.req.param();
  await removeSkill(c.get('deps'), viewer, frameworkId, versionId, skillId);
  return c.redirect(`${versionPath(frameworkId, versionId)}?done=skill-removed`, 303);
});
