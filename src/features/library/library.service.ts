import { recordAudit } from '../../platform/audit/audit';
import { formatDate } from '../../platform/dates';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { copyFrameworkInto, listPublishedVersions, publishedVersionDocument, readFrameworkDocument, type FrameworkDocument } from '../frameworks';
import { listAllOrganisations } from '../organisations';
import { copyProgrammeDesignInto, programmeDesign, programmeDesignSchema, programmesToShare, programmeTitleTaken, type ProgrammeDesign } from '../programmes';
import { canSeeItem, canUseLibrary, canWithdraw } from './library.policy';
import * as q from './library.queries';
import { type CopyForm, LICENCES, type ShareForm } from './library.schemas';
import type { LibraryItem, LibraryItemKind } from './library.tables';

function guard(viewer: Viewer) {
  if (!canUseLibrary(viewer)) throw new Forbidden();
}

async function organisationNames(deps: AppDeps): Promise<Map<string, string>> {
  return new Map((await listAllOrganisations(deps.db)).map((o) => [o.id, o.name]));
}

export const KIND_NAMES: Record<LibraryItemKind, string> = { framework: 'Skills framework', programme: 'Programme design' };

// ----- Browsing -----

export interface LibraryRow {
  id: string;
  kind: LibraryItemKind;
  name: string;
  sourceLabel: string;
  licence: string;
  publishedAt: string;
  withdrawn: boolean;
  copies: number;
}

/** What each organisation shares (the viewer's own first, then by name), with how often each item was copied. */
export async function listLibrary(deps: AppDeps, viewer: Viewer): Promise<{ organisation: string; own: boolean; items: LibraryRow[] }[]> {
  guard(viewer);
  const [rows, names] = await Promise.all([q.listItems(deps.db, viewer.organisationId), organisationNames(deps)]);
  const groups = new Map<string, LibraryRow[]>();
  for (const r of rows) {
    const list = groups.get(r.organisation_id) ?? [];
    list.push({
      id: r.id,
      kind: r.kind,
      name: r.name,
      sourceLabel: r.source_label,
      licence: LICENCES[r.licence].name,
      publishedAt: r.published_at,
      withdrawn: r.withdrawn_at !== null,
      copies: Number(r.copies ?? 0),
    });
    groups.set(r.organisation_id, list);
  }
  return [...groups]
    .map(([organisationId, items]) => ({ organisation: names.get(organisationId) ?? 'An organisation', own: organisationId === viewer.organisationId, items }))
    .sort((a, b) => (a.own !== b.own ? (a.own ? -1 : 1) : a.organisation.localeCompare(b.organisation)));
}

export type ItemContent = { kind: 'framework'; document: FrameworkDocument } | { kind: 'programme'; design: ProgrammeDesign };

function contentOf(item: LibraryItem): ItemContent {
  return item.kind === 'framework'
    ? { kind: 'framework', document: readFrameworkDocument(item.content) }
    : { kind: 'programme', design: programmeDesignSchema.parse(JSON.parse(item.content)) };
}

async function visibleItem(deps: AppDeps, viewer: Viewer, itemId: string): Promise<LibraryItem> {
  guard(viewer);
  const item = await q.findItem(deps.db, itemId);
  if (!item || !canSeeItem(viewer, item)) throw new NotFound();
  return item;
}

/** One item to preview: what it holds, who shares it and under which licence; the publisher also sees who copied it. */
export async function getItem(deps: AppDeps, viewer: Viewer, itemId: string) {
  const item = await visibleItem(deps, viewer, itemId);
  const [names, copies] = await Promise.all([organisationNames(deps), q.listCopies(deps.db, item.id)]);
  const own = item.organisation_id === viewer.organisationId;
  return {
    item,
    own,
    publisher: names.get(item.organisation_id) ?? 'An organisation',
    licence: LICENCES[item.licence],
    content: contentOf(item),
    copyCount: copies.length,
    // Who copied it is the publisher's to know; others see only how many.
    copies: own ? copies.map((c) => ({ organisation: names.get(c.organisation_id) ?? 'An organisation', copiedAt: c.copied_at })) : [],
  };
}
export type ItemPage = Awaited<ReturnType<typeof getItem>>;

// ----- Sharing -----

/** What the viewer's organisation can share: its published framework versions and its programmes. */
export async function shareChoices(deps: AppDeps, viewer: Viewer) {
  guard(viewer);
  const [versions, programmes] = await Promise.all([listPublishedVersions(deps.db, viewer.organisationId), programmesToShare(deps.db, viewer.organisationId)]);
  return {
    frameworks: versions.map((v) => ({ value: `framework:${v.versionId}`, text: `${v.title}, version ${v.number}` })),
    programmes: programmes.map((p) => ({ value: `programme:${p.id}`, text: p.title })),
  };
}

/** Shares a published framework version or a programme design, as it is now, with every organisation on the installation. */
export async function shareItem(deps: AppDeps, viewer: Viewer, form: ShareForm, requestId: string | null): Promise<string> {
  guard(viewer);
  const [kind, sourceId] = form.source.split(':') as [LibraryItemKind, string];
  let content: string;
  let sourceLabel: string;
  if (kind === 'framework') {
    const document = await publishedVersionDocument(deps.db, viewer.organisationId, sourceId);
    if (!document) throw new Invalid({ source: 'Select a published framework version or a programme from the list' });
    content = document.json;
    sourceLabel = `version ${document.number}`;
  } else {
    const design = await programmeDesign(deps.db, viewer.organisationId, sourceId);
    if (!design) throw new Invalid({ source: 'Select a published framework version or a programme from the list' });
    content = JSON.stringify(design);
    sourceLabel = 'programme design';
  }
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await q.insertItem(trx, {
      id,
      organisation_id: viewer.organisationId,
      kind,
      source_id: sourceId,
      source_label: sourceLabel,
      name: form.name,
      description: form.description,
      licence: form.licence,
      content,
      published_by: viewer.id,
      published_at: deps.clock.now().toISOString(),
      withdrawn_by: null,
      withdrawn_at: null,
    });
    await recordAudit(trx, deps.clock, {
      action: 'library_item_shared',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'library_item',
      subjectId: id,
      detail: { kind, sourceId, licence: form.licence },
      requestId,
    });
  });
  return id;
}

/** Takes an item out of the library; copies already made stay. Withdrawing twice is not an error. */
export async function withdrawItem(deps: AppDeps, viewer: Viewer, itemId: string, requestId: string | null): Promise<void> {
  guard(viewer);
  const item = await q.findItem(deps.db, itemId);
  if (!item || !canSeeItem(viewer, item) || !canWithdraw(viewer, item)) throw new NotFound();
  if (item.withdrawn_at) return;
  await deps.db.transaction().execute(async (trx) => {
    await q.withdrawItem(trx, item.id, viewer.id, deps.clock.now().toISOString());
    await recordAudit(trx, deps.clock, {
      action: 'library_item_withdrawn',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'library_item',
      subjectId: item.id,
      requestId,
    });
  });
}

// ----- Copying -----

/** The sentence a copy keeps: "Copied from Riverside Learning Trust’s Middle Leadership framework (version 2), CC BY 4.0, on 4 December 2026". */
export function provenance(publisher: string, item: Pick<LibraryItem, 'name' | 'source_label' | 'licence'>, at: string): string {
  return `Copied from ${publisher}’s ${item.name} (${item.source_label}), ${LICENCES[item.licence].name}, on ${formatDate(at)}`;
}

/**
 * Copies an item into the viewer's organisation, all of it or nothing: a framework becomes a new
 * framework with published version 1, a programme design a new draft programme. Returns the path
 * of the copy.
 */
export async function copyItem(deps: AppDeps, viewer: Viewer, itemId: string, form: CopyForm, requestId: string | null): Promise<string> {
  const item = await visibleItem(deps, viewer, itemId);
  if (item.withdrawn_at) throw new NotFound();
  const publisher = (await organisationNames(deps)).get(item.organisation_id) ?? 'An organisation';
  const content = contentOf(item);
  const now = deps.clock.now().toISOString();
  const copiedFrom = provenance(publisher, item, now);
  if (content.kind === 'programme' && (await programmeTitleTaken(deps.db, viewer.organisationId, form.title)))
    throw new Invalid({ title: `Your organisation already has a programme called ${form.title}. Give the copy another title` });
  return deps.db.transaction().execute(async (trx) => {
    const common = { organisationId: viewer.organisationId, title: form.title, copiedFrom, copiedBy: viewer.id, requestId };
    let copyId: string;
    let path: string;
    if (content.kind === 'framework') {
      const created = await copyFrameworkInto(trx, deps.clock, { ...common, document: content.document });
      copyId = created.frameworkId;
      path = `/frameworks/${created.frameworkId}`;
    } else {
      copyId = await copyProgrammeDesignInto(trx, deps.clock, { ...common, design: content.design });
      path = `/programmes/${copyId}`;
    }
    await q.insertCopy(trx, { id: newId(), item_id: item.id, organisation_id: viewer.organisationId, copy_id: copyId, copied_by: viewer.id, copied_at: now });
    await recordAudit(trx, deps.clock, {
      action: 'library_item_copied',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'library_item',
      subjectId: item.id,
      detail: { copyId },
      requestId,
    });
    return path;
  });
}
