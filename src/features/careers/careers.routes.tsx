import { Hono, type Context } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { Invalid, type FieldErrors } from '../../platform/http/errors';
import { readForm, readFormWithLists, type FormValues } from '../../platform/http/forms';
import { BackLink } from '../../platform/ui/components';
import { renderPage } from '../../platform/ui/page';
import { parseList } from './careers.schemas';
import * as s from './careers.service';
import {
  AspirationPage,
  BoardPage,
  CareersHomePage,
  ConversationView,
  DirectoryItemFormPage,
  DirectoryItemView,
  DirectoryPage,
  OpportunityFormPage,
  OpportunityView,
  PersonCareersPage,
  RoleFormPage,
  RoleMapPage,
  RoleView,
  VacanciesView,
} from './views/pages';

/** Careers: aspirations, career conversations, the role map and "have a go" opportunities. Who may do what is in careers.policy.ts. */
export const careersRoutes = new Hono<AppEnv>();

type Form = { values: FormValues; errors: FieldErrors; list?: string[] };

function banner(c: Context<AppEnv>, banners: Record<string, string>): string | undefined {
  const done = c.req.query('done');
  return done ? banners[done] : undefined;
}

/** Runs a save; on bad input renders `page` again with the errors (status 400), otherwise redirects. */
async function saveOr(c: Context<AppEnv>, save: () => Promise<string>, page: (form: Form) => Promise<Response>, form: Omit<Form, 'errors'>) {
  let to: string;
  try {
    to = await save();
  } catch (error) {
    if (error instanceof Invalid) return page({ ...form, errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(to, 303);
}

// ----- Your career -----

careersRoutes.get('/careers', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getCareersHome(c.get('deps'), viewer);
  return renderPage(c, { title: 'Your career' }, <CareersHomePage data={data} banner={banner(c, { aspiration: 'Your aspiration is saved' })} />);
});

async function aspirationPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getAspirationForm(c.get('deps'), viewer);
  const a = data.aspiration;
  const values = form?.values ?? (a ? { roleId: a.role_id, timeframe: a.timeframe, support: a.support, sharing: a.sharing } : {});
  return renderPage(
    c,
    { title: 'Your aspiration', hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/careers" text="Your career" /> },
    <AspirationPage data={data} values={values} barriers={form?.list ?? (a ? parseList(a.barriers) : [])} errors={form?.errors} />,
  );
}
careersRoutes.get('/careers/aspiration', access('signed-in'), (c) => aspirationPage(c));
careersRoutes.post('/careers/aspiration', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values, list } = await readFormWithLists(c);
  return saveOr(
    c,
    async () => {
      await s.saveAspiration(c.get('deps'), viewer, values, list('barriers'));
      return '/careers?done=aspiration';
    },
    (form) => aspirationPage(c, form),
    { values, list: list('barriers') },
  );
});

// ----- A report's career, for their line manager -----

async function personPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getPersonCareers(c.get('deps'), viewer, c.req.param('personId') ?? '');
  return renderPage(
    c,
    {
      title: `${data.person.given_name} ${data.person.family_name}: career`,
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href="/careers" text="Your career" />,
    },
    <PersonCareersPage data={data} values={form?.values ?? {}} errors={form?.errors} viewerId={viewer.id} />,
  );
}
careersRoutes.get('/people/:personId/careers', access('signed-in'), (c) => personPage(c));
careersRoutes.post('/people/:personId/careers/conversations', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const page = await s.getPersonCareers(deps, viewer, c.req.param('personId'));
  const values = await readForm(c);
  return saveOr(
    c,
    async () => `/careers/conversations/${await s.recordConversation(deps, viewer, page, values)}?done=recorded`,
    (form) => personPage(c, form),
    { values },
  );
});

// ----- One conversation -----

async function conversationPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getConversationPage(c.get('deps'), viewer, c.req.param('conversationId') ?? '');
  await s.auditConversationRead(c.get('deps'), viewer, data, c.get('requestId'));
  const back = data.role === 'manager' ? `/people/${data.conversation.person_id}/careers` : '/careers';
  return renderPage(
    c,
    { title: 'Career conversation', hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href={back} text="Back" /> },
    <ConversationView
      data={data}
      values={form?.values ?? {}}
      errors={form?.errors}
      banner={banner(c, {
        recorded: 'Conversation recorded: they are asked to confirm it is a fair record',
        confirmed: 'You confirmed the record',
        action: 'Next step added',
        'action-done': 'Next step marked as done',
      })}
    />,
  );
}
careersRoutes.get('/careers/conversations/:conversationId', access('signed-in'), (c) => conversationPage(c));
careersRoutes.post('/careers/conversations/:conversationId/confirm', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('conversationId');
  await s.confirmConversation(c.get('deps'), viewer, id);
  return c.redirect(`/careers/conversations/${id}?done=confirmed`, 303);
});
careersRoutes.post('/careers/conversations/:conversationId/actions', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('conversationId');
  await s.getConversationPage(c.get('deps'), viewer, id);
  const values = await readForm(c);
  return saveOr(
    c,
    async () => {
      await s.addAction(c.get('deps'), viewer, id, values);
      return `/careers/conversations/${id}?done=action`;
    },
    (form) => conversationPage(c, form),
    { values },
  );
});
careersRoutes.post('/careers/next-steps/:nextStepId/done', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const conversationId = await s.markActionDone(c.get('deps'), viewer, c.req.param('nextStepId'));
  return c.redirect(`/careers/conversations/${conversationId}?done=action-done`, 303);
});

// ----- The role map -----

careersRoutes.get('/careers/roles', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getRoleMap(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Role map', beforeContent: <BackLink href="/careers" text="Your career" /> },
    <RoleMapPage data={data} banner={banner(c, { added: 'Role added' })} />,
  );
});

async function roleFormPage(c: Context<AppEnv>, roleId: string | undefined, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getRoleForm(c.get('deps'), viewer, roleId);
  const r = data.role;
  const values = form?.values ?? (r ? { title: r.title, track: r.track, tier: r.tier, summary: r.summary } : {});
  return renderPage(
    c,
    {
      title: r ? `Change ${r.title}` : 'Add a role',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={r ? `/careers/roles/${r.id}` : '/careers/roles'} text="Back" />,
    },
    <RoleFormPage data={data} values={values} ticked={form?.list ?? (r ? parseList(r.skill_codes) : [])} errors={form?.errors} />,
  );
}
careersRoutes.get('/careers/roles/new', access('programme-lead'), (c) => roleFormPage(c, undefined));
careersRoutes.post('/careers/roles', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const { values, list } = await readFormWithLists(c);
  return saveOr(
    c,
    async () => {
      await s.saveRole(c.get('deps'), viewer, undefined, values, list('skills'));
      return '/careers/roles?done=added';
    },
    (form) => roleFormPage(c, undefined, form),
    { values, list: list('skills') },
  );
});
careersRoutes.get('/careers/roles/:roleId', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getRolePage(c.get('deps'), viewer, c.req.param('roleId'));
  return renderPage(
    c,
    { title: data.role.title, beforeContent: <BackLink href="/careers/roles" text="Role map" /> },
    <RoleView data={data} banner={banner(c, { saved: 'Role saved' })} />,
  );
});
careersRoutes.get('/careers/roles/:roleId/edit', access('programme-lead'), (c) => roleFormPage(c, c.req.param('roleId')));
careersRoutes.post('/careers/roles/:roleId', access('programme-lead'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const roleId = c.req.param('roleId');
  await s.getRoleForm(c.get('deps'), viewer, roleId);
  const { values, list } = await readFormWithLists(c);
  return saveOr(
    c,
    async () => `/careers/roles/${await s.saveRole(c.get('deps'), viewer, roleId, values, list('skills'))}?done=saved`,
    (form) => roleFormPage(c, roleId, form),
    { values, list: list('skills') },
  );
});

// ----- "Have a go" opportunities -----

careersRoutes.get('/careers/opportunities', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getBoard(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Have a go', beforeContent: <BackLink href="/careers" text="Your career" /> },
    <BoardPage data={data} banner={banner(c, { posted: 'Opportunity posted' })} />,
  );
});

async function opportunityFormPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getOpportunityForm(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Post an opportunity', hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/careers/opportunities" text="Have a go" /> },
    <OpportunityFormPage data={data} values={form?.values ?? {}} ticked={form?.list ?? []} errors={form?.errors} />,
  );
}
careersRoutes.get('/careers/opportunities/new', access('signed-in'), (c) => opportunityFormPage(c));
careersRoutes.post('/careers/opportunities', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  await s.getOpportunityForm(c.get('deps'), viewer);
  const { values, list } = await readFormWithLists(c);
  return saveOr(
    c,
    async () => {
      await s.postOpportunity(c.get('deps'), viewer, values, list('skills'));
      return '/careers/opportunities?done=posted';
    },
    (form) => opportunityFormPage(c, form),
    { values, list: list('skills') },
  );
});

async function opportunityPage(c: Context<AppEnv>, id: string, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getOpportunityPage(c.get('deps'), viewer, id);
  return renderPage(
    c,
    { title: data.opportunity.title, hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/careers/opportunities" text="Have a go" /> },
    <OpportunityView
      data={data}
      values={form?.values ?? {}}
      errors={form?.errors}
      banner={banner(c, {
        interest: 'Your interest has been sent',
        choose: 'Chosen: they have been told',
        decline: 'They have been told, with your reason',
        complete: 'Verified: it is on their record',
      })}
    />,
  );
}
careersRoutes.get('/careers/opportunities/:opportunityId', access('signed-in'), (c) => opportunityPage(c, c.req.param('opportunityId')));
careersRoutes.post('/careers/opportunities/:opportunityId/interest', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const id = c.req.param('opportunityId');
  const page = await s.getOpportunityPage(c.get('deps'), viewer, id);
  const values = await readForm(c);
  return saveOr(
    c,
    async () => {
      await s.expressInterest(c.get('deps'), viewer, page, values);
      return `/careers/opportunities/${id}?done=interest`;
    },
    (form) => opportunityPage(c, id, form),
    { values },
  );
});

for (const event of ['choose', 'decline', 'complete'] as const) {
  careersRoutes.post(`/careers/interests/:interestId/${event}`, access('signed-in'), async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    const interestId = c.req.param('interestId') ?? '';
    const values = await readForm(c);
    let opportunityId: string;
    try {
      opportunityId = (await s.decideInterest(c.get('deps'), viewer, interestId, event, values)).opportunityId;
    } catch (error) {
      if (error instanceof Invalid) {
        const found = await s.opportunityOfInterest(c.get('deps'), interestId);
        const keyed: FormValues = {};
        if (values.reason !== undefined) keyed[`reason-${interestId}`] = values.reason;
        if (values.note !== undefined) keyed[`note-${interestId}`] = values.note;
        return opportunityPage(c, found, { values: keyed, errors: error.fieldErrors });
      }
      throw error;
    }
    return c.redirect(`/careers/opportunities/${opportunityId}?done=${event}`, 303);
  });
}

// ----- The development directory -----

careersRoutes.get('/careers/directory', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getDirectory(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Development directory', beforeContent: <BackLink href="/careers" text="Your career" /> },
    <DirectoryPage data={data} banner={banner(c, { added: 'Added to the directory' })} />,
  );
});

async function directoryFormPage(c: Context<AppEnv>, itemId: string | undefined, form?: Form & { roles?: string[] }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getDirectoryItemForm(c.get('deps'), viewer, itemId);
  const i = data.item;
  const values =
    form?.values ??
    (i
      ? { title: i.title, provider: i.provider, kind: i.kind, description: i.description, whoFor: i.who_for, length: i.length, cost: i.cost, url: i.url }
      : {});
  return renderPage(
    c,
    {
      title: i ? `Change ${i.title}` : 'Add to the directory',
      hasErrors: !!form,
      status: form ? 400 : 200,
      beforeContent: <BackLink href={i ? `/careers/directory/${i.id}` : '/careers/directory'} text="Back" />,
    },
    <DirectoryItemFormPage
      data={data}
      values={values}
      ticked={form?.list ?? (i ? parseList(i.skill_codes) : [])}
      roles={form?.roles ?? (i ? parseList(i.role_ids) : [])}
      errors={form?.errors}
    />,
  );
}

async function saveDirectory(c: Context<AppEnv>, itemId: string | undefined) {
  const viewer = requireViewer(c.get('viewer'));
  await s.getDirectoryItemForm(c.get('deps'), viewer, itemId);
  const { values, list } = await readFormWithLists(c);
  try {
    const id = await s.saveDirectoryItem(c.get('deps'), viewer, itemId, values, list('skills'), list('roles'));
    return c.redirect(itemId ? `/careers/directory/${id}?done=saved` : '/careers/directory?done=added', 303);
  } catch (error) {
    if (error instanceof Invalid) return directoryFormPage(c, itemId, { values, errors: error.fieldErrors, list: list('skills'), roles: list('roles') });
    throw error;
  }
}
careersRoutes.get('/careers/directory/new', access('programme-lead'), (c) => directoryFormPage(c, undefined));
careersRoutes.post('/careers/directory', access('programme-lead'), (c) => saveDirectory(c, undefined));

async function directoryItemPage(c: Context<AppEnv>, form?: { errors: FieldErrors }) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getDirectoryItemPage(c.get('deps'), viewer, c.req.param('itemId') ?? '');
  return renderPage(
    c,
    { title: data.item.title, hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/careers/directory" text="Development directory" /> },
    <DirectoryItemView data={data} errors={form?.errors} banner={banner(c, { saved: 'Saved', marked: 'Saved: it shows on your Career page' })} />,
  );
}
careersRoutes.get('/careers/directory/:itemId', access('signed-in'), (c) => directoryItemPage(c));
careersRoutes.post('/careers/directory/:itemId/mark', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const page = await s.getDirectoryItemPage(c.get('deps'), viewer, c.req.param('itemId'));
  const values = await readForm(c);
  try {
    await s.markDirectoryItem(c.get('deps'), viewer, page, values);
  } catch (error) {
    if (error instanceof Invalid) return directoryItemPage(c, { errors: error.fieldErrors });
    throw error;
  }
  return c.redirect(`/careers/directory/${page.item.id}?done=marked`, 303);
});
careersRoutes.get('/careers/directory/:itemId/edit', access('programme-lead'), (c) => directoryFormPage(c, c.req.param('itemId')));
careersRoutes.post('/careers/directory/:itemId', access('programme-lead'), (c) => saveDirectory(c, c.req.param('itemId')));

// ----- Leadership vacancies -----

async function vacanciesPage(c: Context<AppEnv>, form?: Form) {
  const viewer = requireViewer(c.get('viewer'));
  const data = await s.getVacanciesPage(c.get('deps'), viewer);
  return renderPage(
    c,
    { title: 'Leadership vacancies', hasErrors: !!form, status: form ? 400 : 200, beforeContent: <BackLink href="/careers" text="Your career" /> },
    <VacanciesView data={data} values={form?.values ?? {}} errors={form?.errors} banner={banner(c, { saved: 'Saved where to look' })} />,
  );
}
careersRoutes.get('/careers/vacancies', access('signed-in'), (c) => vacanciesPage(c));
careersRoutes.post('/careers/vacancies/settings', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const values = await readForm(c);
  return saveOr(
    c,
    async () => {
      await s.saveVacancySettings(c.get('deps'), viewer, values);
      return '/careers/vacancies?done=saved';
    },
    (form) => vacanciesPage(c, form),
    { values },
  );
});
