import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Db, Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { addDays, formatDate, londonDate, parseDateParts } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { listPublishedVersions, skillsOfVersion } from '../frameworks';
import { findProgramme, listOpenProgrammeTitles } from '../programmes';
import { notify } from '../notifications';
import { findPersonSummary, listPeopleNames, listReports } from '../staff';
import { localAuthorityArea } from '../establishments';
import { listAllSchools } from '../organisations';
import { INTEREST_TRANSITIONS } from './careers.lifecycle';
import { canEditRoleMap, canPostOpportunity, canSeeAspiration, isInConversation, managesPerson, mayApply } from './careers.policy';
import * as q from './careers.queries';
import {
  BARRIERS,
  DIRECTORY_KINDS,
  isKey,
  MARK_STATUS_TEXT,
  LINE_MAX,
  MAX_PLACES,
  OPEN_TO,
  OPPORTUNITY_KINDS,
  parseList,
  SHARING,
  SHORT_MAX,
  TEXT_MAX,
  TIERS,
  TIMEFRAMES,
  TRACKS,
} from './careers.schemas';
import { postcodeDistrict } from './careers.vacancies';
import type { CareersDirectoryItem, CareersOpportunity, CareersRole, MarkStatus, VacancyArea } from './careers.tables';

const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

/** A date from day, month and year fields named `${prefix}-day` etc. */
function readDate(values: FormValues, prefix: string, what: string): { date: string } | { error: string } {
  const parsed = parseDateParts(values[`${prefix}-day`] ?? '', values[`${prefix}-month`] ?? '', values[`${prefix}-year`] ?? '');
  if ('date' in parsed) return { date: parsed.date };
  if (parsed.error === 'empty') return { error: `Enter ${what}` };
  return { error: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${parsed.error}` };
}

function text(values: FormValues, name: string): string {
  return (values[name] ?? '').trim();
}

function fail(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
}

async function namesOf(db: Executor, organisationId: string, ids: string[]): Promise<Map<string, string>> {
  return new Map((await listPeopleNames(db, organisationId, [...new Set(ids)])).map((p) => [p.id, fullName(p)] as const));
}

// ----- Framework skills, by code -----

export interface SkillChoice {
  code: string;
  title: string;
}

/** A "have a go" experience verified by its poster: for the portfolio to record. */
export interface CareersExperienceVerified {
  organisationId: string;
  personId: string;
  interestId: string;
  opportunityId: string;
  title: string;
  kind: string;
  startedOn: string;
  endedOn: string;
  /** The poster's note, or empty. */
  note: string;
  /** Framework skill ids (newest published versions) of the skills it developed. */
  skillIds: string[];
}

/** A development directory entry a person marked done: for the portfolio to record. */
export interface CareersDevelopmentDone {
  organisationId: string;
  personId: string;
  itemId: string;
  title: string;
  provider: string;
  /** The directory's kind of entry: `npq`, `chartered_college`, `network`, `local` or `other`. */
  kind: string;
  skillIds: string[];
}

declare module '../../platform/events' {
  interface DomainEvents {
    'careers.experience_verified': CareersExperienceVerified;
    'careers.development_done': CareersDevelopmentDone;
  }
}

/** Skill ids (newest published version of each framework) for skill codes. */
async function skillIdsFor(db: Executor, organisationId: string, codes: string[]): Promise<string[]> {
  const wanted = new Set(codes);
  const versions = await listPublishedVersions(db, organisationId);
  const newest = versions.filter((v, i) => versions.findIndex((w) => w.frameworkId === v.frameworkId) === i);
  const ids: string[] = [];
  for (const v of newest) for (const d of await skillsOfVersion(db, v.versionId)) for (const sk of d.skills) if (wanted.has(sk.code)) ids.push(sk.id);
  return ids;
}

/** The skills of the newest published version of each of the organisation's frameworks, by framework. */
export async function skillChoices(db: Executor, organisationId: string): Promise<{ title: string; skills: SkillChoice[] }[]> {
  const versions = await listPublishedVersions(db, organisationId);
  const newest = versions.filter((v, i) => versions.findIndex((w) => w.frameworkId === v.frameworkId) === i);
  const domains = await Promise.all(newest.map((v) => skillsOfVersion(db, v.versionId)));
  return newest.map((v, i) => ({
    title: v.title,
    skills: (domains[i] ?? []).flatMap((d) => d.skills.map((s) => ({ code: s.code, title: s.title }))),
  }));
}

async function skillTitles(db: Executor, organisationId: string): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const f of await skillChoices(db, organisationId)) for (const s of f.skills) if (!titles.has(s.code)) titles.set(s.code, s.title);
  return titles;
}

function skillsNamed(codes: string[], titles: Map<string, string>): SkillChoice[] {
  return codes.map((code) => ({ code, title: titles.get(code) ?? code }));
}

// ----- The role map -----

/** The organisation's roles; the starter role map is added the first time anyone looks. */
async function rolesOf(deps: AppDeps, organisationId: string): Promise<CareersRole[]> {
  if ((await q.countRoles(deps.db, organisationId)) === 0) await q.installStarterRoles(deps.db, organisationId, deps.clock.now().toISOString());
  return q.listRoles(deps.db, organisationId);
}

export async function getRoleMap(deps: AppDeps, viewer: Viewer) {
  const [roles, aspiration] = await Promise.all([rolesOf(deps, viewer.organisationId), q.findAspiration(deps.db, viewer.id)]);
  const tracks = (Object.keys(TRACKS) as (keyof typeof TRACKS)[]).map((track) => ({
    track,
    title: TRACKS[track],
    tiers: (Object.keys(TIERS) as (keyof typeof TIERS)[])
      .map((tier) => ({ tier, title: TIERS[tier], roles: roles.filter((r) => r.track === track && r.tier === tier) }))
      .filter((t) => t.roles.length > 0),
  }));
  return { tracks, aspirationRoleId: aspiration?.role_id ?? null, canEdit: canEditRoleMap(viewer) };
}
export type RoleMap = Awaited<ReturnType<typeof getRoleMap>>;

/** One role: what it needs, the viewer's verified experience against its skills, and open opportunities that build them. */
export async function getRolePage(deps: AppDeps, viewer: Viewer, roleId: string) {
  const { db } = deps;
  await rolesOf(deps, viewer.organisationId);
  const role = await q.findRole(db, viewer.organisationId, roleId);
  if (!role) throw new NotFound();
  const [titles, experiences, opportunities, aspiration, directory] = await Promise.all([
    skillTitles(db, viewer.organisationId),
    q.listCompletedExperiences(db, viewer.id),
    q.listOpportunities(db, viewer.organisationId),
    q.findAspiration(db, viewer.id),
    directoryOf(deps, viewer.organisationId),
  ]);
  const today = londonDate(deps.clock.now());
  const open = opportunities.filter((o) => o.closes_on >= today);
  const codes = parseList(role.skill_codes);
  const skills = skillsNamed(codes, titles).map((skill) => ({
    ...skill,
    evidence: experiences.filter((e) => parseList(e.skill_codes).includes(skill.code)).map((e) => ({ title: e.title, completedAt: e.completed_at })),
    opportunities: open.filter((o) => parseList(o.skill_codes).includes(skill.code)).map((o) => ({ id: o.id, title: o.title })),
  }));
  const development = directory
    .filter((d) => parseList(d.role_ids).includes(role.id) || parseList(d.skill_codes).some((code) => codes.includes(code)))
    .map((d) => ({ id: d.id, title: d.title, forThisRole: parseList(d.role_ids).includes(role.id) }))
    .sort((a, b) => Number(b.forThisRole) - Number(a.forThisRole) || a.title.localeCompare(b.title));
  return { role, skills, development, isAspiration: aspiration?.role_id === role.id, canEdit: canEditRoleMap(viewer) };
}
export type RolePage = Awaited<ReturnType<typeof getRolePage>>;

export async function getRoleForm(deps: AppDeps, viewer: Viewer, roleId?: string) {
  if (!canEditRoleMap(viewer)) throw new Forbidden();
  const role = roleId ? await q.findRole(deps.db, viewer.organisationId, roleId) : undefined;
  if (roleId && !role) throw new NotFound();
  return { role: role ?? null, frameworks: await skillChoices(deps.db, viewer.organisationId) };
}
export type RoleForm = Awaited<ReturnType<typeof getRoleForm>>;

export async function saveRole(deps: AppDeps, viewer: Viewer, roleId: string | undefined, values: FormValues, skills: string[]): Promise<string> {
  const form = await getRoleForm(deps, viewer, roleId);
  const errors: FieldErrors = {};
  const title = text(values, 'title');
  const summary = text(values, 'summary');
  if (title === '') errors.title = 'Enter the name of the role';
  else if (title.length > SHORT_MAX) errors.title = `The name of the role must be ${SHORT_MAX} characters or fewer`;
  if (!isKey(TRACKS, values.track)) errors.track = 'Select whether the role is for teaching or associate staff';
  if (!isKey(TIERS, values.tier)) errors.tier = 'Select the level of leadership';
  if (summary === '') errors.summary = 'Enter what the role does';
  else if (summary.length > TEXT_MAX) errors.summary = `What the role does must be ${TEXT_MAX} characters or fewer`;
  const known = new Set(form.frameworks.flatMap((f) => f.skills.map((s) => s.code)));
  if (skills.some((code) => !known.has(code))) errors.skills = 'Select skills from the list';
  fail(errors);
  const row = {
    title,
    track: values.track as CareersRole['track'],
    tier: values.tier as CareersRole['tier'],
    summary,
    skill_codes: JSON.stringify([...new Set(skills)]),
    updated_at: deps.clock.now().toISOString(),
  };
  if (form.role) {
    await q.updateRole(deps.db, form.role.id, row);
    return form.role.id;
  }
  const id = newId();
  await q.insertRole(deps.db, { id, organisation_id: viewer.organisationId, starter_key: null, ...row });
  return id;
}

// ----- Aspirations -----

export async function getAspirationForm(deps: AppDeps, viewer: Viewer) {
  const [roles, aspiration] = await Promise.all([rolesOf(deps, viewer.organisationId), q.findAspiration(deps.db, viewer.id)]);
  return { roles, aspiration: aspiration ?? null };
}
export type AspirationForm = Awaited<ReturnType<typeof getAspirationForm>>;

export async function saveAspiration(deps: AppDeps, viewer: Viewer, values: FormValues, barriers: string[]) {
  const form = await getAspirationForm(deps, viewer);
  const errors: FieldErrors = {};
  if (!form.roles.some((r) => r.id === values.roleId)) errors.roleId = 'Select the role you would like to work towards';
  if (!isKey(TIMEFRAMES, values.timeframe)) errors.timeframe = 'Select when you would like to get there';
  if (barriers.some((b) => !isKey(BARRIERS, b))) errors.barriers = 'Select barriers from the list';
  const support = text(values, 'support');
  if (support.length > TEXT_MAX) errors.support = `The support you would like must be ${TEXT_MAX} characters or fewer`;
  if (!isKey(SHARING, values.sharing)) errors.sharing = 'Select who can see your aspiration';
  fail(errors);
  await q.saveAspiration(deps.db, {
    person_id: viewer.id,
    organisation_id: viewer.organisationId,
    role_id: values.roleId as string,
    timeframe: values.timeframe as string,
    barriers: JSON.stringify([...new Set(barriers)]),
    support,
    sharing: values.sharing as 'only_me' | 'line_manager',
    updated_at: deps.clock.now().toISOString(),
  });
}

/** How many people in the organisation name each barrier: the only view anyone else has of them. */
export async function countBarriers(db: Executor, organisationId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(Object.keys(BARRIERS).map((k) => [k, 0]));
  for (const list of await q.listBarrierLists(db, organisationId)) for (const b of parseList(list)) if (b in counts) counts[b] = (counts[b] ?? 0) + 1;
  return counts;
}

// ----- Careers home -----

export async function getCareersHome(deps: AppDeps, viewer: Viewer) {
  const { db } = deps;
  const [aspiration, conversations, interests, experiences, reports, roles] = await Promise.all([
    q.findAspiration(db, viewer.id),
    q.listConversationsOf(db, viewer.id),
    q.listInterestsOf(db, viewer.id),
    q.listCompletedExperiences(db, viewer.id),
    viewer.isLineManager ? listReports(db, viewer.id) : Promise.resolve([]),
    rolesOf(deps, viewer.organisationId),
  ]);
  const actions = await q.listActions(
    db,
    conversations.map((c) => c.id),
  );
  const [opportunities, marks, directory] = await Promise.all([
    q.listOpportunities(db, viewer.organisationId),
    q.listMarksOf(db, viewer.id),
    q.listDirectoryItems(db, viewer.organisationId),
  ]);
  const itemTitle = new Map(directory.map((d) => [d.id, d.title] as const));
  const activeReports = reports.filter((r) => r.status === 'active');
  const reportAspirations = new Map(
    (
      await q.listAspirations(
        db,
        activeReports.map((r) => r.id),
      )
    ).map((a) => [a.person_id, a] as const),
  );
  const names = await namesOf(db, viewer.organisationId, [...conversations.map((c) => c.manager_id), ...actions.map((a) => a.owner_id)]);
  const roleTitle = new Map(roles.map((r) => [r.id, r.title] as const));
  const opportunityTitle = new Map(opportunities.map((o) => [o.id, o.title] as const));
  const today = londonDate(deps.clock.now());
  return {
    aspiration: aspiration ? { ...aspiration, roleTitle: roleTitle.get(aspiration.role_id) ?? 'A role no longer on the map' } : null,
    conversations: conversations.map((c) => ({ ...c, managerName: names.get(c.manager_id) ?? 'Your line manager' })),
    openActions: actions
      .filter((a) => a.done_at === null)
      .map((a) => ({ ...a, ownerName: a.owner_id === viewer.id ? 'You' : (names.get(a.owner_id) ?? ''), overdue: a.due_on < today })),
    interests: interests.map((i) => ({ ...i, title: opportunityTitle.get(i.opportunity_id) ?? '' })),
    experiences,
    development: marks.map((m) => ({ ...m, title: itemTitle.get(m.item_id) ?? '' })).sort((a, b) => a.title.localeCompare(b.title)),
    reports: activeReports.map((r) => {
      const a = reportAspirations.get(r.id);
      return { ...r, aspiration: a && a.sharing === 'line_manager' ? (roleTitle.get(a.role_id) ?? null) : null };
    }),
  };
}
export type CareersHome = Awaited<ReturnType<typeof getCareersHome>>;

// ----- A report's careers, for their line manager -----

export async function getPersonCareers(deps: AppDeps, viewer: Viewer, personId: string) {
  const { db } = deps;
  const person = await findPersonSummary(db, personId, viewer.organisationId);
  if (!person || !managesPerson(viewer, person)) throw new NotFound();
  const [aspiration, conversations, roles, opportunities] = await Promise.all([
    q.findAspiration(db, person.id),
    q.listConversationsOf(db, person.id),
    rolesOf(deps, viewer.organisationId),
    q.listOpportunities(db, viewer.organisationId),
  ]);
  const actions = await q.listActions(
    db,
    conversations.map((c) => c.id),
  );
  const names = await namesOf(db, viewer.organisationId, [...conversations.map((c) => c.manager_id), ...actions.map((a) => a.owner_id)]);
  const shared = aspiration && canSeeAspiration(viewer, aspiration, person) ? aspiration : null;
  const today = londonDate(deps.clock.now());
  return {
    person,
    aspiration: shared
      ? {
          roleTitle: roles.find((r) => r.id === shared.role_id)?.title ?? '',
          timeframe: shared.timeframe,
          support: shared.support,
          updatedAt: shared.updated_at,
        }
      : null,
    conversations: conversations.map((c) => ({
      ...c,
      managerName: names.get(c.manager_id) ?? '',
      openActions: actions.filter((a) => a.conversation_id === c.id && a.done_at === null).length,
    })),
    stepLinks: await stepLinks(
      deps,
      viewer.organisationId,
      opportunities.filter((o) => o.closes_on >= today || o.ends_on >= today),
    ),
  };
}
export type PersonCareers = Awaited<ReturnType<typeof getPersonCareers>>;

const ACTION_ROWS = 3;

/** What a next step can link to: an open opportunity, a directory entry or an open programme. */
export interface StepLinks {
  opportunities: { id: string; title: string }[];
  directory: { id: string; title: string }[];
  programmes: { id: string; title: string }[];
}
type StepLink = { opportunityId: string | null; directoryItemId: string | null; programmeId: string | null };
const NO_LINK: StepLink = { opportunityId: null, directoryItemId: null, programmeId: null };

/** The choice `opportunity:ID`, `directory:ID` or `programme:ID` (or empty) as columns, or null when it is not one offered. */
function readStepLink(value: string, links: StepLinks): StepLink | null {
  if (value === '') return NO_LINK;
  const [kind, id] = value.split(':', 2);
  if (kind === 'opportunity' && links.opportunities.some((o) => o.id === id)) return { ...NO_LINK, opportunityId: id as string };
  if (kind === 'directory' && links.directory.some((o) => o.id === id)) return { ...NO_LINK, directoryItemId: id as string };
  if (kind === 'programme' && links.programmes.some((o) => o.id === id)) return { ...NO_LINK, programmeId: id as string };
  return null;
}

/** Reads the next-step rows of the conversation form (`action1-description` …): complete ones, and errors for partial ones. */
function readActions(values: FormValues, errors: FieldErrors, owners: Set<string>, links: StepLinks, prefixes: string[]) {
  const rows: ({ description: string; ownerId: string; dueOn: string } & StepLink)[] = [];
  for (const p of prefixes) {
    const description = text(values, `${p}-description`);
    const owner = values[`${p}-owner`] ?? '';
    const chosen = values[`${p}-link`] ?? '';
    const anyDate = ['day', 'month', 'year'].some((part) => text(values, `${p}-due-${part}`) !== '');
    if (description === '' && !anyDate && chosen === '') continue;
    if (description === '') errors[`${p}-description`] = 'Enter the next step';
    else if (description.length > LINE_MAX) errors[`${p}-description`] = `The next step must be ${LINE_MAX} characters or fewer`;
    if (!owners.has(owner)) errors[`${p}-owner`] = 'Select who will do the next step';
    const due = readDate(values, `${p}-due`, 'the date the next step is due');
    if ('error' in due) errors[`${p}-due-day`] = due.error;
    const link = readStepLink(chosen, links);
    if (link === null) errors[`${p}-link`] = 'Select what the next step links to from the list';
    if ('date' in due && description !== '' && owners.has(owner) && link !== null) rows.push({ description, ownerId: owner, dueOn: due.date, ...link });
  }
  return rows;
}

/** What next steps in this organisation can link to. */
async function stepLinks(deps: AppDeps, organisationId: string, openOpportunities: { id: string; title: string }[]): Promise<StepLinks> {
  const [directory, programmes] = await Promise.all([q.listDirectoryItems(deps.db, organisationId), listOpenProgrammeTitles(deps.db, organisationId)]);
  return {
    opportunities: openOpportunities.map((o) => ({ id: o.id, title: o.title })),
    directory: directory.map((d) => ({ id: d.id, title: d.title })),
    programmes,
  };
}

export async function recordConversation(deps: AppDeps, viewer: Viewer, page: PersonCareers, values: FormValues): Promise<string> {
  const errors: FieldErrors = {};
  const today = londonDate(deps.clock.now());
  const held = readDate(values, 'held', 'the date of the conversation');
  if ('error' in held) errors['held-day'] = held.error;
  else if (held.date > today) errors['held-day'] = 'The date of the conversation must be today or in the past';
  const discussed = text(values, 'discussed');
  if (discussed === '') errors.discussed = 'Enter what you discussed';
  else if (discussed.length > TEXT_MAX) errors.discussed = `What you discussed must be ${TEXT_MAX} characters or fewer`;
  const agreed = text(values, 'aspirationAgreed');
  if (agreed.length > LINE_MAX) errors.aspirationAgreed = `The aspiration you agreed must be ${LINE_MAX} characters or fewer`;
  const rows = readActions(
    values,
    errors,
    new Set([page.person.id, viewer.id]),
    page.stepLinks,
    Array.from({ length: ACTION_ROWS }, (_, i) => `action${i + 1}`),
  );
  fail(errors);
  const id = newId();
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertConversation(trx, {
      id,
      organisation_id: viewer.organisationId,
      person_id: page.person.id,
      manager_id: viewer.id,
      held_on: (held as { date: string }).date,
      discussed,
      aspiration_agreed: agreed,
      recorded_by: viewer.id,
      recorded_at: at,
      confirmed_at: null,
    });
    await q.insertActions(
      trx,
      rows.map((r) => ({
        id: newId(),
        conversation_id: id,
        description: r.description,
        owner_id: r.ownerId,
        due_on: r.dueOn,
        opportunity_id: r.opportunityId,
        directory_item_id: r.directoryItemId,
        programme_id: r.programmeId,
        done_at: null,
        created_at: at,
      })),
    );
    await notify(trx, deps.clock, {
      personId: page.person.id,
      kind: 'careers',
      subject: 'Your career conversation has been recorded',
      paragraphs: [
        `${viewer.givenName} ${viewer.familyName} recorded the career conversation you had on ${formatDate((held as { date: string }).date)}.`,
        'Read it, and confirm it is a fair record.',
      ],
      link: `/careers/conversations/${id}`,
      linkText: 'Read the record:',
    });
  });
  return id;
}

// ----- One conversation -----

export async function getConversationPage(deps: AppDeps, viewer: Viewer, conversationId: string) {
  const { db } = deps;
  const conversation = await q.findConversation(db, viewer.organisationId, conversationId);
  if (!conversation || !isInConversation(viewer, conversation)) throw new NotFound();
  const [actions, opportunities] = await Promise.all([q.listActions(db, [conversation.id]), q.listOpportunities(db, viewer.organisationId)]);
  const names = await namesOf(db, viewer.organisationId, [conversation.person_id, conversation.manager_id]);
  const opportunityTitle = new Map(opportunities.map((o) => [o.id, o.title] as const));
  const today = londonDate(deps.clock.now());
  const links = await stepLinks(
    deps,
    viewer.organisationId,
    opportunities.filter((o) => o.closes_on >= today || o.ends_on >= today),
  );
  const directoryTitle = new Map(links.directory.map((d) => [d.id, d.title] as const));
  const programmeTitle = new Map(links.programmes.map((p) => [p.id, p.title] as const));
  for (const a of actions)
    if (a.programme_id && !programmeTitle.has(a.programme_id)) {
      const programme = await findProgramme(db, viewer.organisationId, a.programme_id);
      if (programme) programmeTitle.set(programme.id, programme.title);
    }
  /** Where a next step points, if anywhere that still exists. */
  const linkOf = (a: (typeof actions)[number]): { href: string; title: string } | null => {
    const title = a.opportunity_id
      ? opportunityTitle.get(a.opportunity_id)
      : a.directory_item_id
        ? directoryTitle.get(a.directory_item_id)
        : a.programme_id
          ? programmeTitle.get(a.programme_id)
          : undefined;
    if (title === undefined) return null;
    const href = a.opportunity_id
      ? `/careers/opportunities/${a.opportunity_id}`
      : a.directory_item_id
        ? `/careers/directory/${a.directory_item_id}`
        : `/programmes/${a.programme_id}`;
    return { href, title };
  };
  return {
    conversation,
    role: viewer.id === conversation.person_id ? ('person' as const) : ('manager' as const),
    personName: names.get(conversation.person_id) ?? '',
    managerName: names.get(conversation.manager_id) ?? '',
    actions: actions.map((a) => ({
      ...a,
      ownerName: a.owner_id === viewer.id ? 'You' : (names.get(a.owner_id) ?? ''),
      link: linkOf(a),
      overdue: a.done_at === null && a.due_on < today,
    })),
    stepLinks: links,
  };
}
export type ConversationPage = Awaited<ReturnType<typeof getConversationPage>>;

/**
 * The line manager read the record of a career conversation about someone else: kept in the audit
 * log, with the person it is about (the person reading their own is not).
 */
export async function auditConversationRead(deps: AppDeps, viewer: Viewer, page: ConversationPage, requestId: string | null): Promise<void> {
  if (page.role === 'person') return;
  await recordAudit(deps.db, deps.clock, {
    action: 'career_conversation_viewed',
    organisationId: page.conversation.organisation_id,
    actorId: viewer.id,
    subjectType: 'career_conversation',
    subjectId: page.conversation.id,
    personId: page.conversation.person_id,
    requestId,
  });
}

export async function confirmConversation(deps: AppDeps, viewer: Viewer, conversationId: string) {
  const page = await getConversationPage(deps, viewer, conversationId);
  if (page.role !== 'person') throw new Forbidden();
  await q.confirmConversation(deps.db, page.conversation.id, deps.clock.now().toISOString());
}

export async function addAction(deps: AppDeps, viewer: Viewer, conversationId: string, values: FormValues) {
  const page = await getConversationPage(deps, viewer, conversationId);
  const errors: FieldErrors = {};
  const rows = readActions(values, errors, new Set([page.conversation.person_id, page.conversation.manager_id]), page.stepLinks, ['action']);
  if (rows.length === 0 && Object.keys(errors).length === 0) errors['action-description'] = 'Enter the next step';
  fail(errors);
  const at = deps.clock.now().toISOString();
  await q.insertActions(
    deps.db,
    rows.map((r) => ({
      id: newId(),
      conversation_id: page.conversation.id,
      description: r.description,
      owner_id: r.ownerId,
      due_on: r.dueOn,
      opportunity_id: r.opportunityId,
      directory_item_id: r.directoryItemId,
      programme_id: r.programmeId,
      done_at: null,
      created_at: at,
    })),
  );
}

export async function markActionDone(deps: AppDeps, viewer: Viewer, actionId: string): Promise<string> {
  const action = await q.findAction(deps.db, actionId);
  if (!action) throw new NotFound();
  await getConversationPage(deps, viewer, action.conversation_id);
  await q.markActionDone(deps.db, action.id, deps.clock.now().toISOString());
  return action.conversation_id;
}

/** Reminders for next steps due in the next two days or overdue, once each. */
export async function sweepCareersReminders(db: Db, clock: Clock) {
  const today = londonDate(clock.now());
  const due = await q.listActionsDue(db, addDays(today, 2));
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    for (const a of due) {
      const overdue = a.due_on < today;
      const queued = await notify(trx, clock, {
        personId: a.owner_id,
        kind: 'careers_reminder',
        subject: overdue ? 'A next step from your career conversation is overdue' : 'A next step from your career conversation is due soon',
        paragraphs: [`“${a.description}”`, `Due on ${formatDate(a.due_on)}.`],
        link: `/careers/conversations/${a.conversation_id}`,
        linkText: 'See the conversation:',
        dedupeKey: `careers-action:${a.id}:${overdue ? 'overdue' : 'due'}`,
      });
      if (queued) sent++;
    }
  });
  return sent;
}

// ----- "Have a go" opportunities -----

export async function getBoard(deps: AppDeps, viewer: Viewer) {
  const { db } = deps;
  const [opportunities, mine] = await Promise.all([q.listOpportunities(db, viewer.organisationId), q.listInterestsOf(db, viewer.id)]);
  const today = londonDate(deps.clock.now());
  const posted = opportunities.filter((o) => o.posted_by === viewer.id);
  const interests = await q.listInterestsIn(
    db,
    posted.map((o) => o.id),
  );
  const names = await namesOf(
    db,
    viewer.organisationId,
    opportunities.map((o) => o.posted_by),
  );
  const myStatus = new Map(mine.map((i) => [i.opportunity_id, i.status] as const));
  return {
    open: opportunities
      .filter((o) => o.closes_on >= today && o.posted_by !== viewer.id)
      .map((o) => ({ ...o, posterName: names.get(o.posted_by) ?? '', myStatus: myStatus.get(o.id) ?? null })),
    posted: posted.map((o) => ({
      ...o,
      interested: interests.filter((i) => i.opportunity_id === o.id).length,
      chosen: interests.filter((i) => i.opportunity_id === o.id && (i.status === 'chosen' || i.status === 'completed')).length,
      closed: o.closes_on < today,
    })),
    canPost: canPostOpportunity(viewer),
  };
}
export type Board = Awaited<ReturnType<typeof getBoard>>;

export async function getOpportunityForm(deps: AppDeps, viewer: Viewer) {
  if (!canPostOpportunity(viewer)) throw new Forbidden();
  return { frameworks: await skillChoices(deps.db, viewer.organisationId) };
}
export type OpportunityForm = Awaited<ReturnType<typeof getOpportunityForm>>;

export async function postOpportunity(deps: AppDeps, viewer: Viewer, values: FormValues, skills: string[]): Promise<string> {
  const form = await getOpportunityForm(deps, viewer);
  const errors: FieldErrors = {};
  const today = londonDate(deps.clock.now());
  const title = text(values, 'title');
  if (title === '') errors.title = 'Enter a title';
  else if (title.length > SHORT_MAX) errors.title = `The title must be ${SHORT_MAX} characters or fewer`;
  if (!isKey(OPPORTUNITY_KINDS, values.kind)) errors.kind = 'Select the kind of opportunity';
  const description = text(values, 'description');
  if (description === '') errors.description = 'Enter what the person will do';
  else if (description.length > TEXT_MAX) errors.description = `What the person will do must be ${TEXT_MAX} characters or fewer`;
  const known = new Set(form.frameworks.flatMap((f) => f.skills.map((s) => s.code)));
  if (skills.some((code) => !known.has(code))) errors.skills = 'Select skills from the list';
  const timeNeeded = text(values, 'timeNeeded');
  if (timeNeeded === '') errors.timeNeeded = 'Enter how much time it needs, for example “an hour a week for six weeks”';
  else if (timeNeeded.length > SHORT_MAX) errors.timeNeeded = `The time needed must be ${SHORT_MAX} characters or fewer`;
  const starts = readDate(values, 'starts', 'the start date');
  if ('error' in starts) errors['starts-day'] = starts.error;
  const ends = readDate(values, 'ends', 'the end date');
  if ('error' in ends) errors['ends-day'] = ends.error;
  else if ('date' in starts && ends.date < starts.date) errors['ends-day'] = 'The end date must be the same as or after the start date';
  const closes = readDate(values, 'closes', 'the closing date for interest');
  if ('error' in closes) errors['closes-day'] = closes.error;
  else if (closes.date < today) errors['closes-day'] = 'The closing date for interest must be today or in the future';
  if (!isKey(OPEN_TO, values.openTo)) errors.openTo = 'Select who may express interest';
  const placesText = text(values, 'places');
  const places = Number(placesText);
  if (placesText === '') errors.places = 'Enter how many places there are';
  else if (!/^\d+$/.test(placesText) || places < 1 || places > MAX_PLACES)
    errors.places = `The number of places must be a whole number from 1 to ${MAX_PLACES}`;
  fail(errors);
  const id = newId();
  await q.insertOpportunity(deps.db, {
    id,
    organisation_id: viewer.organisationId,
    posted_by: viewer.id,
    title,
    kind: values.kind as CareersOpportunity['kind'],
    description,
    skill_codes: JSON.stringify([...new Set(skills)]),
    time_needed: timeNeeded,
    starts_on: (starts as { date: string }).date,
    ends_on: (ends as { date: string }).date,
    closes_on: (closes as { date: string }).date,
    open_to: values.openTo as CareersOpportunity['open_to'],
    places,
    created_at: deps.clock.now().toISOString(),
  });
  return id;
}

export async function getOpportunityPage(deps: AppDeps, viewer: Viewer, opportunityId: string) {
  const { db } = deps;
  const opportunity = await q.findOpportunity(db, viewer.organisationId, opportunityId);
  if (!opportunity) throw new NotFound();
  const isPoster = opportunity.posted_by === viewer.id;
  const [all, titles, me] = await Promise.all([
    q.listInterestsIn(db, [opportunity.id]),
    skillTitles(db, viewer.organisationId),
    findPersonSummary(db, viewer.id, viewer.organisationId),
  ]);
  const names = await namesOf(db, viewer.organisationId, [opportunity.posted_by, ...all.map((i) => i.person_id)]);
  const today = londonDate(deps.clock.now());
  const taken = all.filter((i) => i.status === 'chosen' || i.status === 'completed').length;
  return {
    opportunity,
    posterName: names.get(opportunity.posted_by) ?? '',
    skills: skillsNamed(parseList(opportunity.skill_codes), titles),
    isPoster,
    isClosed: opportunity.closes_on < today,
    placesLeft: Math.max(0, opportunity.places - taken),
    mayApply: !isPoster && mayApply(opportunity.open_to, me?.staff_type ?? ''),
    myInterest: all.find((i) => i.person_id === viewer.id) ?? null,
    interests: isPoster ? all.map((i) => ({ ...i, name: names.get(i.person_id) ?? '' })) : [],
  };
}
export type OpportunityPage = Awaited<ReturnType<typeof getOpportunityPage>>;

export async function expressInterest(deps: AppDeps, viewer: Viewer, page: OpportunityPage, values: FormValues) {
  const errors: FieldErrors = {};
  const line = text(values, 'line');
  if (page.isPoster) errors.line = 'You posted this opportunity, so you cannot express interest in it';
  else if (page.myInterest) errors.line = 'You have already expressed interest in this opportunity';
  else if (page.isClosed) errors.line = `Interest in this opportunity closed on ${formatDate(page.opportunity.closes_on)}`;
  else if (!page.mayApply) errors.line = `This opportunity is open to ${OPEN_TO[page.opportunity.open_to].toLowerCase()} only`;
  else if (line === '') errors.line = 'Enter a line about why you would like to have a go';
  else if (line.length > LINE_MAX) errors.line = `Your line must be ${LINE_MAX} characters or fewer`;
  fail(errors);
  const o = page.opportunity;
  await deps.db.transaction().execute(async (trx) => {
    await q.insertInterest(trx, {
      id: newId(),
      opportunity_id: o.id,
      person_id: viewer.id,
      line,
      status: 'interested',
      reason: null,
      decided_by: null,
      decided_at: null,
      verified_note: null,
      completed_at: null,
      created_at: deps.clock.now().toISOString(),
    });
    await notify(trx, deps.clock, {
      personId: o.posted_by,
      kind: 'careers',
      subject: `${viewer.givenName} ${viewer.familyName} would like to have a go: ${o.title}`,
      paragraphs: [`“${line}”`],
      link: `/careers/opportunities/${o.id}`,
      linkText: 'See everyone interested:',
    });
  });
}

/** An interest and its opportunity, for the poster to decide on; others get 404 (or 403 for the person who expressed it). */
async function interestForPoster(deps: AppDeps, viewer: Viewer, interestId: string) {
  const interest = await q.findInterest(deps.db, interestId);
  if (!interest) throw new NotFound();
  const page = await getOpportunityPage(deps, viewer, interest.opportunity_id);
  if (!page.isPoster) {
    if (interest.person_id === viewer.id) throw new Forbidden();
    throw new NotFound();
  }
  return { interest, page };
}

export async function decideInterest(
  deps: AppDeps,
  viewer: Viewer,
  interestId: string,
  event: 'choose' | 'decline' | 'complete',
  values: FormValues,
): Promise<{ opportunityId: string }> {
  const { interest, page } = await interestForPoster(deps, viewer, interestId);
  const o = page.opportunity;
  const transition = INTEREST_TRANSITIONS[event];
  if (!transition.from.includes(interest.status)) throw new Conflict();
  const errors: FieldErrors = {};
  const reason = text(values, 'reason');
  const note = text(values, 'note');
  if (event === 'choose' && page.placesLeft === 0) errors[`reason-${interest.id}`] = `All ${o.places} ${o.places === 1 ? 'place is' : 'places are'} filled`;
  if (event === 'decline') {
    if (reason === '') errors[`reason-${interest.id}`] = 'Enter a reason to tell them why they were not chosen this time';
    else if (reason.length > LINE_MAX) errors[`reason-${interest.id}`] = `The reason must be ${LINE_MAX} characters or fewer`;
  }
  if (event === 'complete' && note.length > LINE_MAX) errors[`note-${interest.id}`] = `The note must be ${LINE_MAX} characters or fewer`;
  fail(errors);
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const moved = await q.moveInterest(trx, interest.id, transition.from, {
      status: transition.to,
      ...(event === 'complete' ? { completed_at: at, verified_note: note === '' ? null : note } : { decided_by: viewer.id, decided_at: at }),
      ...(event === 'decline' ? { reason } : event === 'choose' ? { reason: null } : {}),
    });
    if (!moved) throw new Conflict();
    const message =
      event === 'choose'
        ? {
            subject: `You have been chosen: ${o.title}`,
            paragraphs: [`${page.posterName} chose you for “${o.title}”. They will be in touch about what happens next.`],
          }
        : event === 'decline'
          ? {
              subject: `Not this time: ${o.title}`,
              paragraphs: [`${page.posterName} did not choose you for “${o.title}” this time.`, `Their reason: “${reason}”`],
            }
          : {
              subject: `Your experience is verified: ${o.title}`,
              paragraphs: [`${page.posterName} verified that you did “${o.title}”. It is now on your record.`, ...(note ? [`Their note: “${note}”`] : [])],
            };
    await notify(trx, deps.clock, {
      personId: interest.person_id,
      kind: 'careers',
      ...message,
      link: `/careers/opportunities/${o.id}`,
      linkText: 'See the opportunity:',
    });
    if (event === 'complete')
      await deps.events.publish(trx, 'careers.experience_verified', {
        organisationId: o.organisation_id,
        personId: interest.person_id,
        interestId: interest.id,
        opportunityId: o.id,
        title: o.title,
        kind: o.kind,
        startedOn: o.starts_on,
        endedOn: o.ends_on,
        note,
        skillIds: await skillIdsFor(trx, o.organisation_id, parseList(o.skill_codes)),
      });
  });
  return { opportunityId: o.id };
}

/** The opportunity an interest is in, to show its page again with errors. */
export async function opportunityOfInterest(deps: AppDeps, interestId: string): Promise<string> {
  const interest = await q.findInterest(deps.db, interestId);
  if (!interest) throw new NotFound();
  return interest.opportunity_id;
}

// ----- The development directory -----

/** The organisation's directory; the starter list (after the starter role map) is added the first time anyone looks. */
async function directoryOf(deps: AppDeps, organisationId: string): Promise<CareersDirectoryItem[]> {
  if ((await q.countDirectoryItems(deps.db, organisationId)) === 0) {
    await rolesOf(deps, organisationId);
    await q.installStarterDirectory(deps.db, organisationId, deps.clock.now().toISOString());
  }
  return q.listDirectoryItems(deps.db, organisationId);
}

export async function getDirectory(deps: AppDeps, viewer: Viewer) {
  const [items, marks] = await Promise.all([directoryOf(deps, viewer.organisationId), q.listMarksOf(deps.db, viewer.id)]);
  const mark = new Map(marks.map((m) => [m.item_id, m.status] as const));
  const kinds = (Object.keys(DIRECTORY_KINDS) as (keyof typeof DIRECTORY_KINDS)[])
    .map((kind) => ({ kind, title: DIRECTORY_KINDS[kind], items: items.filter((i) => i.kind === kind).map((i) => ({ ...i, mark: mark.get(i.id) ?? null })) }))
    .filter((k) => k.items.length > 0);
  return { kinds, canEdit: canEditRoleMap(viewer) };
}
export type Directory = Awaited<ReturnType<typeof getDirectory>>;

export async function getDirectoryItemPage(deps: AppDeps, viewer: Viewer, itemId: string) {
  const { db } = deps;
  const [items, marks, roles, titles] = await Promise.all([
    directoryOf(deps, viewer.organisationId),
    q.listMarksOf(db, viewer.id),
    rolesOf(deps, viewer.organisationId),
    skillTitles(db, viewer.organisationId),
  ]);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new NotFound();
  const roleIds = parseList(item.role_ids);
  return {
    item,
    mark: marks.find((m) => m.item_id === item.id) ?? null,
    roles: roles.filter((r) => roleIds.includes(r.id)).map((r) => ({ id: r.id, title: r.title })),
    skills: skillsNamed(parseList(item.skill_codes), titles),
    canEdit: canEditRoleMap(viewer),
  };
}
export type DirectoryItemPage = Awaited<ReturnType<typeof getDirectoryItemPage>>;

export async function markDirectoryItem(deps: AppDeps, viewer: Viewer, page: DirectoryItemPage, values: FormValues) {
  const status = values.status ?? '';
  if (status !== 'none' && !isKey(MARK_STATUS_TEXT, status)) throw new Invalid({ status: 'Select whether you are interested, doing it or have done it' });
  await deps.db.transaction().execute(async (trx) => {
    await q.saveMark(trx, viewer.id, page.item.id, status === 'none' ? null : (status as MarkStatus), deps.clock.now().toISOString());
    if (status === 'done' && page.mark?.status !== 'done')
      await deps.events.publish(trx, 'careers.development_done', {
        organisationId: viewer.organisationId,
        personId: viewer.id,
        itemId: page.item.id,
        title: page.item.title,
        provider: page.item.provider,
        kind: page.item.kind,
        skillIds: await skillIdsFor(trx, viewer.organisationId, parseList(page.item.skill_codes)),
      });
  });
}

export async function getDirectoryItemForm(deps: AppDeps, viewer: Viewer, itemId?: string) {
  if (!canEditRoleMap(viewer)) throw new Forbidden();
  const [items, roles, frameworks] = await Promise.all([
    directoryOf(deps, viewer.organisationId),
    rolesOf(deps, viewer.organisationId),
    skillChoices(deps.db, viewer.organisationId),
  ]);
  const item = itemId ? items.find((i) => i.id === itemId) : undefined;
  if (itemId && !item) throw new NotFound();
  return { item: item ?? null, roles: roles.map((r) => ({ id: r.id, title: r.title })), frameworks };
}
export type DirectoryItemForm = Awaited<ReturnType<typeof getDirectoryItemForm>>;

export async function saveDirectoryItem(
  deps: AppDeps,
  viewer: Viewer,
  itemId: string | undefined,
  values: FormValues,
  skills: string[],
  roleIds: string[],
): Promise<string> {
  const form = await getDirectoryItemForm(deps, viewer, itemId);
  const errors: FieldErrors = {};
  const field = (name: string, what: string, max: number, required = true) => {
    const value = text(values, name);
    if (required && value === '') errors[name] = `Enter ${what}`;
    else if (value.length > max) errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`;
    return value;
  };
  const title = field('title', 'the name', SHORT_MAX);
  const provider = field('provider', 'who provides it', SHORT_MAX);
  if (!isKey(DIRECTORY_KINDS, values.kind)) errors.kind = 'Select the kind of development';
  const description = field('description', 'what it is', TEXT_MAX);
  const whoFor = field('whoFor', 'who it is for', LINE_MAX);
  const length = field('length', 'how long it takes', SHORT_MAX);
  const cost = field('cost', 'the cost and funding', LINE_MAX);
  const url = field('url', 'the link', LINE_MAX);
  if (url !== '' && !errors.url && !/^https?:\/\/[^\s]+\.[^\s]+$/.test(url)) errors.url = 'Enter the link in the right format, like https://www.example.org';
  const known = new Set(form.frameworks.flatMap((f) => f.skills.map((s) => s.code)));
  if (skills.some((code) => !known.has(code))) errors.skills = 'Select skills from the list';
  const roles = new Set(form.roles.map((r) => r.id));
  if (roleIds.some((id) => !roles.has(id))) errors.roles = 'Select roles from the list';
  fail(errors);
  const row = {
    title,
    provider,
    kind: values.kind as CareersDirectoryItem['kind'],
    description,
    who_for: whoFor,
    length,
    cost,
    skill_codes: JSON.stringify([...new Set(skills)]),
    role_ids: JSON.stringify([...new Set(roleIds)]),
    url,
    updated_at: deps.clock.now().toISOString(),
  };
  if (form.item) {
    await q.updateDirectoryItem(deps.db, form.item.id, row);
    return form.item.id;
  }
  const id = newId();
  await q.insertDirectoryItem(deps.db, { id, organisation_id: viewer.organisationId, starter_key: null, ...row });
  return id;
}

// ----- Leadership vacancies -----

const MAX_DISTRICTS = 10;
const VACANCIES_SHOWN = 50;

/**
 * The area an organisation's schools serve: their local authorities (from the school list, by each
 * school's URN) and the postcode districts of the open schools in them. Empty when none of its
 * schools is on the school list.
 */
export async function organisationArea(db: Executor, organisationId: string, now = Date.now()): Promise<{ authorities: string[]; districts: string[] }> {
  const kept = areas.get(organisationId);
  if (kept && kept.db === db && now - kept.at < AREA_KEPT_MS) return kept.area;
  const urns = (await listAllSchools(db as Db, organisationId)).flatMap((school) => (school.urn ? [school.urn] : []));
  const area = await localAuthorityArea(db, urns);
  if (areas.size >= 1_000) areas.clear();
  areas.set(organisationId, { db, at: now, area });
  return area;
}

// An organisation's area changes only when its schools' URNs or the school list do: each process
// keeps it for five minutes rather than reading it for every vacancies page.
const AREA_KEPT_MS = 5 * 60 * 1000;
const areas = new Map<string, { db: Executor; at: number; area: { authorities: string[]; districts: string[] } }>();

/** Forgets the organisation's area, when its schools change (and in tests). */
export function forgetOrganisationArea(organisationId: string) {
  areas.delete(organisationId);
}

/**
 * Where a person looks: what they chose, or — until they choose — near their organisation's schools
 * when the school list knows them, and anywhere in England otherwise. Near the schools with no area
 * known (the schools since left the list) looks anywhere.
 */
function lookIn(settings: { area: VacancyArea; districts: string } | undefined, nearby: { districts: string[] }): { area: VacancyArea; districts: string[] } {
  const area = settings?.area ?? (nearby.districts.length > 0 ? 'organisation' : 'anywhere');
  if (area === 'chosen') return { area, districts: parseList(settings?.districts ?? '[]') };
  if (area === 'organisation' && nearby.districts.length > 0) return { area, districts: nearby.districts };
  return { area: 'anywhere', districts: [] };
}

/** Vacancies matched to the viewer's aspiration (its role on the role map) and where they look. */
export async function getVacanciesPage(deps: AppDeps, viewer: Viewer) {
  const { db } = deps;
  const [aspiration, settings, roles, nearby] = await Promise.all([
    q.findAspiration(db, viewer.id),
    q.findVacancySettings(db, viewer.id),
    rolesOf(deps, viewer.organisationId),
    organisationArea(db, viewer.organisationId),
  ]);
  const role = aspiration ? roles.find((r) => r.id === aspiration.role_id) : undefined;
  const looking = lookIn(settings, nearby);
  const jobAlerts = settings?.job_alerts === 1;
  const vacancies = role?.starter_key
    ? await q.listMatchingVacancies(db, role.starter_key, looking.districts, deps.clock.now().toISOString(), VACANCIES_SHOWN)
    : [];
  return {
    role: role ? { id: role.id, title: role.title, matchable: role.starter_key !== null } : null,
    area: looking.area,
    /** The districts the person chose (kept while they look elsewhere). */
    chosenDistricts: parseList(settings?.districts ?? '[]'),
    /** The organisation's local authorities, when the school list knows its schools. */
    authorities: nearby.authorities,
    jobAlerts,
    vacancies,
    shownAtMost: VACANCIES_SHOWN,
  };
}
export type VacanciesPage = Awaited<ReturnType<typeof getVacanciesPage>>;

const AREAS: readonly VacancyArea[] = ['organisation', 'chosen', 'anywhere'];

export async function saveVacancySettings(deps: AppDeps, viewer: Viewer, values: FormValues) {
  const raw = text(values, 'districts');
  const parts = raw === '' ? [] : raw.split(/[,;\s]+/).filter((p) => p !== '');
  // A form without the choice (an older page) means the districts given, or anywhere when there are none.
  const given = text(values, 'area');
  const area = (given === '' ? (parts.length > 0 ? 'chosen' : 'anywhere') : given) as VacancyArea;
  if (!AREAS.includes(area)) throw new Invalid({ area: 'Select where to look for vacancies' });
  forgetOrganisationArea(viewer.organisationId);
  if (area === 'organisation' && (await organisationArea(deps.db, viewer.organisationId)).districts.length === 0)
    throw new Invalid({ area: 'Your organisation’s schools are not on the school list, so choose postcode districts or anywhere in England' });
  const districts = parts.map((p) => postcodeDistrict(p));
  if (districts.some((d) => d === null)) throw new Invalid({ districts: 'Enter postcode districts like LS11 or WF2, separated by commas' });
  if (area === 'chosen' && districts.length === 0) throw new Invalid({ districts: 'Enter at least one postcode district, like LS11' });
  const unique = [...new Set(districts as string[])];
  if (unique.length > MAX_DISTRICTS) throw new Invalid({ districts: `Enter ${MAX_DISTRICTS} postcode districts or fewer` });
  const alerts = text(values, 'jobAlerts');
  if (alerts !== '' && alerts !== 'weekly') throw new Invalid({ jobAlerts: 'Select whether you want job alerts' });
  await q.saveVacancySettings(deps.db, viewer.id, area, unique, alerts === 'weekly', deps.clock.now().toISOString());
}

/** At most this many vacancies are listed in one job alert (the page has the rest). */
export const JOB_ALERT_LISTED = 10;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Job alerts: once a week, each person who asked for them is told of vacancies first seen since
 * their last alert that match their aspiration and where they look. A week with nothing new sends
 * nothing, and the week starts again. Returns how many alerts were queued.
 */
export async function sweepJobAlerts(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const due = await q.listJobAlertsDue(db, new Date(now.getTime() - WEEK_MS).toISOString());
  let sent = 0;
  for (const person of due) {
    const organisationId = person.area === 'organisation' ? (await findPersonSummary(db, person.person_id))?.organisation_id : undefined;
    const looking = lookIn(person, organisationId ? await organisationArea(db, organisationId) : { districts: [] });
    await db.transaction().execute(async (trx) => {
      const aspiration = await q.findAspiration(trx, person.person_id);
      const role = aspiration ? await q.findRoleById(trx, aspiration.role_id) : undefined;
      const since = person.alerts_sent_at ?? now.toISOString();
      const vacancies = role?.starter_key
        ? await q.listNewMatchingVacancies(trx, role.starter_key, looking.districts, since, now.toISOString(), JOB_ALERT_LISTED + 1)
        : [];
      await q.markJobAlertSent(trx, person.person_id, now.toISOString());
      if (!role || vacancies.length === 0) return;
      const listed = vacancies.slice(0, JOB_ALERT_LISTED);
      const queued = await notify(trx, clock, {
        personId: person.person_id,
        kind: 'careers_job_alert',
        subject: vacancies.length === 1 ? `A new ${role.title.toLowerCase()} vacancy` : `New ${role.title.toLowerCase()} vacancies`,
        paragraphs: [
          `New since your last job alert${vacancies.length > JOB_ALERT_LISTED ? ` (the ${JOB_ALERT_LISTED} newest; there are more on Waymark)` : ''}:`,
          ...listed.map((v) => `${v.title}, ${v.employer}${v.postcode ? `, ${v.postcode}` : ''}. Closes ${formatDate(v.valid_through.slice(0, 10))}. ${v.url}`),
          'Vacancies from Teaching Vacancies, the Department for Education’s free job service, under the Open Government Licence v3.0. To stop these emails, untick job alerts on the vacancies page.',
        ],
        link: '/careers/vacancies',
        linkText: 'See all matching vacancies:',
        dedupeKey: `careers-job-alert:${person.person_id}:${now.toISOString().slice(0, 10)}`,
      });
      if (queued) sent++;
    });
  }
  return sent;
}
