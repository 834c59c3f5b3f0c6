import { recordAudit } from '../../platform/audit/audit';
import { Hono, type Context } from 'hono';
import { parseDateParts } from '../../platform/dates';
import { access, isOrgAdmin, requireViewer } from '../../platform/http/access';
import type { AppEnv, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, type FieldErrors } from '../../platform/http/errors';
import { inFieldOrder, readForm, validate, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { outsideSchoolNames } from '../establishments';
import { listAllSchools } from '../organisations';
import { renderPage } from '../../platform/ui/page';
import { directoryQuery, personForm, roleForm, type PersonForm } from './staff.schemas';
import {
  addPerson,
  deactivatePerson,
  DIRECTORY_PAGE_SIZE,
  editPerson,
  getEditablePerson,
  getPersonProfile,
  grantRole,
  invitePerson,
  inviteEveryoneUninvited,
  listUninvited,
  reactivatePerson,
  revokeRole,
  schoolChoices,
  searchStaff,
  searchStaffForDownload,
} from './staff.service';
import { DirectoryPage } from './views/directory';
import { directoryCsv } from './views/directory-csv';
import { sendCsv } from '../../platform/http/csv-download';
import { InvitationsPage } from './views/invitations';
import { DeactivatePage, PersonFormPage, PersonPage } from './views/person';

export const staffRoutes = new Hono<AppEnv>();

function scopeDescription(viewer: Viewer): string {
  if (isOrgAdmin(viewer)) return `Everyone at ${viewer.organisationName}.`;
  const schoolAdmin = viewer.roles.some((r) => r.role === 'school_admin');
  if (schoolAdmin && viewer.isLineManager) return 'Staff at the schools you administer, and the people you line manage.';
  if (schoolAdmin) return 'Staff at the schools you administer.';
  return 'The people you line manage.';
}

staffRoutes.get('/staff', access('people-manager'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const filters = directoryQuery.parse(c.req.query());
  const [result, schools] = await Promise.all([
    searchStaff(deps, viewer, filters),
    isOrgAdmin(viewer) ? listAllSchools(deps.db, viewer.organisationId) : schoolChoices(deps, viewer),
  ]);
  const canAdd = isOrgAdmin(viewer) || viewer.roles.some((r) => r.role === 'school_admin');
  return renderPage(
    c,
    { title: filters.q ? `Staff matching “${filters.q}”` : 'Staff' },
    <DirectoryPage
      filters={filters}
      rows={result.rows}
      total={result.total}
      position={result.position}
      pageSize={DIRECTORY_PAGE_SIZE}
      schools={schools.map((s) => ({ id: s.id, name: s.name }))}
      canAdd={canAdd}
      canDownload={canAdd}
      scopeDescription={scopeDescription(viewer)}
    />,
  );
});

// The directory as a CSV file for admins: everyone the search and filters find, in the page's columns.
staffRoutes.get('/staff.csv', access('staff-admin'), async (c) => {
  const filters = directoryQuery.parse(c.req.query());
  return sendCsv(c, directoryCsv(await searchStaffForDownload(c.get('deps'), requireViewer(c.get('viewer')), filters), filters));
});

/** Turns the form's text (with day/month/year parts) into a validated staff record. */
function readPersonForm(values: FormValues): { ok: true; data: PersonForm } | { ok: false; errors: FieldErrors } {
  const date = parseDateParts(values['startedInSchoolsOn-day'] ?? '', values['startedInSchoolsOn-month'] ?? '', values['startedInSchoolsOn-year'] ?? '');
  const dateError = 'error' in date && date.error !== 'empty' ? `Date started in schools ${date.error}` : undefined;
  const result = validate(personForm, { ...values, startedInSchoolsOn: 'date' in date ? date.date : '' });
  if (!result.ok || dateError) {
    const errors = result.ok ? {} : { ...result.errors };
    if (dateError) errors.startedInSchoolsOn = dateError;
    // Keep the on-page order of fields in the summary.
    const order = [
      'title',
      'givenName',
      'familyName',
      'email',
      'schoolId',
      'jobTitle',
      'staffType',
      'startedInSchoolsOn',
      'leadershipLevel',
      'lineManagerEmail',
      'trn',
      'misStaffId',
    ];
    return { ok: false, errors: inFieldOrder(errors, order) };
  }
  return result;
}

async function personFormPage(
  c: Context<AppEnv>,
  options: { isNew: boolean; action: string; values: FormValues; errors?: FieldErrors; cancelHref: string; heading: string },
) {
  const viewer = requireViewer(c.get('viewer'));
  const schools = await schoolChoices(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: options.heading, hasErrors: !!options.errors, beforeContent: <BackLink href={options.cancelHref} text="Back" /> },
    <PersonFormPage
      heading={options.heading}
      action={options.action}
      values={options.values}
      errors={options.errors}
      schools={schools}
      allowCentral={isOrgAdmin(viewer)}
      isNew={options.isNew}
      cancelHref={options.cancelHref}
    />,
  );
}

staffRoutes.get('/staff/new', access('staff-admin'), (c) =>
  personFormPage(c, { isNew: true, action: '/staff', values: {}, cancelHref: '/staff', heading: 'Add a member of staff' }),
);

staffRoutes.post('/staff', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  const form = readPersonForm(values);
  const again = (errors: FieldErrors) =>
    personFormPage(c, {
      isNew: true,
      action: '/staff',
      values: { ...values, invite: values.invite ?? 'no' },
      errors,
      cancelHref: '/staff',
      heading: 'Add a member of staff',
    });
  if (!form.ok) return again(form.errors);
  try {
    const id = await addPerson(c.get('deps'), viewer, form.data, { invite: values.invite === 'yes', requestId: c.get('requestId') });
    return c.redirect(`/staff/${id}?done=${values.invite === 'yes' ? 'added-invited' : 'added'}`, 303);
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
});

staffRoutes.get('/staff/invitations', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const people = await listUninvited(c.get('deps'), viewer);
  const sent = c.req.query('sent');
  const scope = isOrgAdmin(viewer) ? `everyone at ${viewer.organisationName}` : 'staff at the schools you administer';
  return renderPage(
    c,
    { title: 'Invite staff', beforeContent: <BackLink href="/staff" text="Staff" /> },
    <InvitationsPage people={people} sent={sent !== undefined && /^\d+$/.test(sent) ? Number(sent) : undefined} scope={scope} />,
  );
});

staffRoutes.post('/staff/invitations', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const sent = await inviteEveryoneUninvited(c.get('deps'), viewer, c.get('requestId'));
  return c.redirect(`/staff/invitations?sent=${sent}`, 303);
});

const banners: Record<string, string> = {
  added: 'Member of staff added',
  'added-invited': 'Member of staff added and invitation sent',
  saved: 'Changes saved',
  invited: 'Invitation sent',
  deactivated: 'Deactivated: they can no longer sign in',
  reactivated: 'Reactivated: they can sign in again',
  'role-granted': 'Role given',
  'role-removed': 'Role removed',
};

async function personPage(c: Context<AppEnv>, id: string, options: { roleErrors?: FieldErrors } = {}) {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const profile = await getPersonProfile(deps, viewer, id);
  // Someone else's full staff record is personal data seen: the data protection officer asks who looked.
  if (viewer.id !== id && profile.view === 'full' && c.req.method === 'GET')
    await recordAudit(deps.db, deps.clock, {
      action: 'staff_record_viewed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: id,
      requestId: c.get('requestId'),
    });
  const schools = profile.canManageRoles ? (await listAllSchools(deps.db, viewer.organisationId)).map((s) => ({ id: s.id, name: s.name })) : [];
  const name = `${profile.person.given_name} ${profile.person.family_name}`;
  // From a school not on Waymark (an outside applicant): the school on the school list, kept up to date by themself.
  const outsideSchool = profile.person.school_id === null ? (await outsideSchoolNames(deps, [id])).get(id) : undefined;
  return renderPage(
    c,
    {
      title: name,
      hasErrors: !!options.roleErrors,
      beforeContent:
        viewer.id === id ? undefined : profile.view === 'line-manager' ? (
          <BackLink href={`/staff/${viewer.id}`} text="Your staff record" />
        ) : (
          <BackLink href="/staff" text="Staff" />
        ),
    },
    <PersonPage
      profile={profile}
      isSelf={viewer.id === id}
      outsideSchool={outsideSchool}
      banner={banners[c.req.query('done') ?? '']}
      schools={schools}
      roleErrors={options.roleErrors}
      now={deps.clock.now().toISOString()}
    />,
  );
}

staffRoutes.get('/staff/:personId', access('signed-in'), (c) => personPage(c, c.req.param('personId')));

staffRoutes.get('/staff/:personId/edit', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const person = await getEditablePerson(c.get('deps'), viewer, c.req.param('personId'));
  const [year, month, day] = (person.started_in_schools_on ?? '').split('-');
  const values: FormValues = {
    title: person.title ?? '',
    givenName: person.given_name,
    familyName: person.family_name,
    email: person.email,
    schoolId: person.school_id ?? '',
    jobTitle: person.job_title ?? '',
    staffType: person.staff_type,
    'startedInSchoolsOn-day': day ? String(Number(day)) : '',
    'startedInSchoolsOn-month': month ? String(Number(month)) : '',
    'startedInSchoolsOn-year': year ?? '',
    leadershipLevel: person.leadership_level,
    lineManagerEmail: person.manager_email ?? '',
    trn: person.trn ?? '',
    misStaffId: person.mis_staff_id ?? '',
  };
  return personFormPage(c, {
    isNew: false,
    action: `/staff/${person.id}`,
    values,
    cancelHref: `/staff/${person.id}`,
    heading: `Change ${person.given_name} ${person.family_name}’s details`,
  });
});

staffRoutes.post('/staff/:personId', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const person = await getEditablePerson(deps, viewer, c.req.param('personId'));
  const values = await readForm(c);
  const form = readPersonForm(values);
  const again = (errors: FieldErrors) =>
    personFormPage(c, {
      isNew: false,
      action: `/staff/${person.id}`,
      values,
      errors,
      cancelHref: `/staff/${person.id}`,
      heading: `Change ${person.given_name} ${person.family_name}’s details`,
    });
  if (!form.ok) return again(form.errors);
  try {
    await editPerson(deps, viewer, person.id, form.data, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return again(error.fieldErrors);
    throw error;
  }
  return c.redirect(`/staff/${person.id}?done=saved`, 303);
});

staffRoutes.get('/staff/:personId/deactivate', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const profile = await getPersonProfile(deps, viewer, c.req.param('personId'));
  const person = profile.person;
  if (!profile.canEdit) throw new Forbidden();
  if (person.id === viewer.id) throw new Conflict('You cannot deactivate yourself. Ask another administrator.');
  const name = `${person.given_name} ${person.family_name}`;
  return renderPage(
    c,
    { title: `Deactivate ${name}`, beforeContent: <BackLink href={`/staff/${person.id}`} text="Back" /> },
    <DeactivatePage id={person.id} name={name} reports={profile.reports.filter((r) => r.status === 'active').length} />,
  );
});

staffRoutes.post('/staff/:personId/deactivate', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await deactivatePerson(c.get('deps'), viewer, c.req.param('personId'), c.get('requestId'));
  return c.redirect(`/staff/${c.req.param('personId')}?done=deactivated`, 303);
});

staffRoutes.post('/staff/:personId/reactivate', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await reactivatePerson(c.get('deps'), viewer, c.req.param('personId'), c.get('requestId'));
  return c.redirect(`/staff/${c.req.param('personId')}?done=reactivated`, 303);
});

staffRoutes.post('/staff/:personId/invite', access('staff-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await invitePerson(c.get('deps'), viewer, c.req.param('personId'), c.get('requestId'));
  return c.redirect(`/staff/${c.req.param('personId')}?done=invited`, 303);
});

staffRoutes.post('/staff/:personId/roles', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const personId = c.req.param('personId');
  const form = validate(roleForm, await readForm(c));
  try {
    if (!form.ok) throw new Invalid(form.errors);
    await grantRole(c.get('deps'), viewer, personId, form.data.role, form.data.schoolId, c.get('requestId'));
  } catch (error) {
    if (error instanceof Invalid) return personPage(c, personId, { roleErrors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/staff/${personId}?done=role-granted`, 303);
});

staffRoutes.post('/staff/:personId/roles/:grantId/remove', access('org-admin'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await revokeRole(c.get('deps'), viewer, c.req.param('personId'), c.req.param('grantId'), c.get('requestId'));
  return c.redirect(`/staff/${c.req.param('personId')}?done=role-removed`, 303);
});
