import type { Executor } from '../../platform/db/database';
import * as q from './frameworks.queries';
import { parseDescriptors, parseLevels } from './frameworks.schemas';
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
