import type { Executor } from '../../platform/db/database';
import { listEntriesForSkills } from './portfolio.queries';
import { parseSkillIds } from './portfolio.schemas';

/** One portfolio entry as evidence for a skill: `evidence` when it is verified or recorded by Waymark, with a reflection. */
export interface SkillEvidence {
  entryId: string;
  title: string;
  standing: 'verified' | 'recorded' | 'unverified';
  evidence: boolean;
}

/**
 * Per skill, the entries of the person's portfolio that evidence it, newest first. `evidenceOnly`
 * (for anyone but the owner) leaves out entries nobody has verified.
 */
export async function skillEvidenceOf(db: Executor, personId: string, skillIds: string[], evidenceOnly: boolean): Promise<Map<string, SkillEvidence[]>> {
  const wanted = new Set(skillIds);
  const result = new Map<string, SkillEvidence[]>(skillIds.map((id) => [id, []]));
  if (wanted.size === 0) return result;
  for (const row of await listEntriesForSkills(db, personId)) {
    const standing = row.source === 'waymark' ? 'recorded' : row.verification_id ? 'verified' : 'unverified';
    const evidence = standing !== 'unverified' && row.reflection !== '';
    if (evidenceOnly && !evidence) continue;
    for (const skill of parseSkillIds(row.skills)) if (wanted.has(skill)) result.get(skill)?.push({ entryId: row.id, title: row.title, standing, evidence });
  }
  return result;
}
