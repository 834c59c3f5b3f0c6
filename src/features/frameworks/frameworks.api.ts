import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { Invalid } from '../../platform/http/errors';
import { readFrameworkFile, toJson, type FrameworkDocument } from './frameworks.interchange';
import * as q from './frameworks.queries';
import { parseDescriptors, parseLevels } from './frameworks.schemas';
import { versionContent } from './frameworks.service';
import type { FrameworkLevel } from './frameworks.tables';

// What other features (programmes, self-assessment, 360) read about frameworks. They point at a
// version id, never a framework id: a published version never changes.

export interface PublishedVersion {
  versionId: string;
  frameworkId: string;
  /** The framework's title. */
  title: string;
  number: number;
  levels: FrameworkLevel[];
}

/** Every published version of the organisation's frameworks: by framework title, newest version first. */
export async function listPublishedVersions(db: Executor, organisationId: string): Promise<PublishedVersion[]> {
  const rows = await q.publishedVersionRows(db, organisationId);
  return rows.map((r) => ({ versionId: r.id, frameworkId: r.framework_id, title: r.title, number: r.number, levels: parseLevels(r.levels) }));
}

export interface VersionSkill {
  id: string;
  code: string;
  title: string;
  description: string;
  /** Level key -> descriptor. */
  descriptors: Record<string, string>;
}

export interface VersionDomain {
  id: string;
  title: string;
  description: string;
  skills: VersionSkill[];
}

/** A version's domains with their skills, in order. Empty for an unknown version. */
export async function skillsOfVersion(db: Executor, versionId: string): Promise<VersionDomain[]> {
  const [domains, skills] = await Promise.all([q.listDomains(db, versionId), q.listSkills(db, versionId)]);
  return domains.map((d) => ({
    id: d.id,
    title: d.title,
    description: d.description,
    skills: skills
      .filter((s) => s.domain_id === d.id)
      .map((s) => ({ id: s.id, code: s.code, title: s.title, description: s.description, descriptors: parseDescriptors(s.descriptors) })),
  }));
}

// ----- The shared library (see the library feature): a published version as a document, and a copy of one -----

/**
 * A published version of one of the organisation's frameworks as a framework file (JSON), for the
 * shared library to keep; undefined for a draft or another organisation's version.
 */
export async function publishedVersionDocument(
  db: Executor,
  organisationId: string,
  versionId: string,
): Promise<{ title: string; number: number; json: string } | undefined> {
  const version = await q.findPublishedVersionOfOrganisation(db, organisationId, versionId);
  if (!version) return undefined;
  const content = await versionContent(db, version);
  const document: FrameworkDocument = {
    title: version.title,
    description: version.description,
    track: version.track,
    levels: content.levels,
    domains: content.domains.map((d) => ({
      title: d.title,
      description: d.description,
      skills: d.skills.map((s) => ({ code: s.code, title: s.title, description: s.description, descriptors: s.descriptors })),
    })),
  };
  return { title: version.title, number: version.number, json: toJson(document) };
}

/** Reads a framework document the library kept (checked as an imported file is); throws if it no longer reads. */
export function readFrameworkDocument(json: string): FrameworkDocument {
  const read = readFrameworkFile('shared.json', new TextEncoder().encode(json));
  if (!read.ok || read.file.title === null || read.file.track === null)
    throw new Error(`A shared framework document does not read: ${read.ok ? 'no title or track' : read.problems.join('; ')}`);
  return { title: read.file.title, description: read.file.description ?? '', track: read.file.track, ...read.file.content };
}

/**
 * Copies a framework document into an organisation as a new framework with published version 1,
 * remembering where it came from (`copiedFrom`, one sentence). Call inside the copying transaction.
 * A title the organisation already uses is refused (Invalid on `title`).
 */
export async function copyFrameworkInto(
  trx: Executor,
  clock: Clock,
  values: { organisationId: string; title: string; document: FrameworkDocument; copiedFrom: string; copiedBy: string; requestId: string | null },
): Promise<{ frameworkId: string; versionId: string }> {
  const taken = () => new Invalid({ title: `Your organisation already has a framework called ${values.title}. Give the copy another title` });
  if (await q.titleTaken(trx, values.organisationId, values.title)) throw taken();
  try {
    const created = await q.insertFrameworkWithVersion(trx, clock, {
      organisationId: values.organisationId,
      title: values.title,
      description: values.document.description,
      track: values.document.track,
      builtinKey: null,
      status: 'published',
      createdBy: values.copiedBy,
      content: { levels: values.document.levels, domains: values.document.domains },
    });
    await q.setCopiedFrom(trx, created.frameworkId, values.copiedFrom);
    await recordAudit(trx, clock, {
      action: 'framework_created',
      organisationId: values.organisationId,
      actorId: values.copiedBy,
      subjectType: 'framework',
      subjectId: created.frameworkId,
      detail: { copiedFrom: values.copiedFrom },
      requestId: values.requestId,
    });
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
