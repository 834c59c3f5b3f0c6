import { Hono } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Forbidden, Invalid } from '../../platform/http/errors';
import { readForm, validate } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { canAddSchool, canEditSchool } from './organisations.policy';
import { schoolForm } from './organisations.schemas';
import { addSchool, editSchool, getSchool, listSchools } from './organisations.service';
import { SchoolFormPage, SchoolPage, SchoolsPage, schoolToValues } from './views/schools';

export const organisationRoutes = new Hono<AppEnv>();

organisationRoutes.get('/schools', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const schools = await listSchools(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Schools' },
    <SchoolsPage
      schools={schools}
      canAdd={canAddSchool(viewer)}
      organisationName={viewer.organisationName}
      saved={c.req.query('added') ? 'School added' : undefined}
    />,
  );
});

organisationRoutes.get('/schools/new', access('org-admin'), (c) =>
  renderPage(
    c,
    { title: 'Add a school', beforeContent: <BackLink href="/schools" text="Back" /> },
    <SchoolFormPage action="/schools" heading="Add a school" values={{}} backHref="/schools" />,
  ),
);

organisationRoutes.post('/schools', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const form = validate(schoolForm, values);
  const page = (errors: Record<string, string>) =>
    renderPage(
      c,
      { title: 'Add a school', hasErrors: true, beforeContent: <BackLink href="/schools" text="Back" /> },
      <SchoolFormPage action="/schools" heading="Add a school" values={values} errors={errors} backHref="/schools" />,
    );
  if (!form.ok) return page(form.errors);
  try {
    await addSchool(c.get('deps'), viewer, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return page(error.fieldErrors);
    throw error;
  }
  return c.redirect('/schools?added=1', 303);
});

organisationRoutes.get('/schools/:schoolId', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const school = await getSchool(c.get('deps'), viewer, c.req.param('schoolId'));
  return renderPage(
    c,
    { title: school.name, beforeContent: <BackLink href="/schools" text="All schools" /> },
    <SchoolPage school={school} canEdit={canEditSchool(viewer, school.id)} saved={c.req.query('saved') ? 'School details saved' : undefined} />,
  );
});

organisationRoutes.get('/schools/:schoolId/edit', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const school = await getSchool(c.get('deps'), viewer, c.req.param('schoolId'));
  if (!canEditSchool(viewer, school.id)) throw new Forbidden();
  const back = `/schools/${school.id}`;
  return renderPage(
    c,
    { title: `Change ${school.name}`, beforeContent: <BackLink href={back} text="Back" /> },
    <SchoolFormPage action={back} heading="Change school details" values={schoolToValues(school)} backHref={back} />,
  );
});

organisationRoutes.post('/schools/:schoolId', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const school = await getSchool(c.get('deps'), viewer, c.req.param('schoolId'));
  if (!canEditSchool(viewer, school.id)) throw new Forbidden();
  const back = `/schools/${school.id}`;
  const values = await readForm(c);
  const form = validate(schoolForm, values);
  const page = (errors: Record<string, string>) =>
    renderPage(
      c,
      { title: `Change ${school.name}`, hasErrors: true, beforeContent: <BackLink href={back} text="Back" /> },
      <SchoolFormPage action={back} heading="Change school details" values={values} errors={errors} backHref={back} />,
    );
  if (!form.ok) return page(form.errors);
  try {
    await editSchool(c.get('deps'), viewer, school.id, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return page(error.fieldErrors);
    throw error;
  }
  return c.redirect(`${back}?saved=1`, 303);
});
