import type { Executor } from '../../platform/db/database';
import { listEntriesForSkills, listEntriesOf, listVerifications } from './portfolio.queries';
import { KIND_LABELS, RELATIONSHIPS, parseSkillIds } from './portfolio.schemas';

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

/** An entry of the person's portfolio as their leadership record shows it: with the verification in force, if any. */
export interface RecordEntry {
  id: string;
  /** What kind of development, in words: "Course", "Training delivered". */
  kind: string;
  title: string;
  reflection: string;
  startedOn: string;
  endedOn: string | null;
  hours: number | null;
  /** `waymark`: recorded by Waymark from its own records. */
  source: 'own' | 'waymark';
  verification: { name: string; relationship: string; role: string | null; statement: string | null; on: string } | null;
}

/** The person's portfolio entries, newest first, each with who verified it and when. */
export async function recordEntriesOf(db: Executor, personId: string): Promise<RecordEntry[]> {
  const entries = await listEntriesOf(db, personId);
  const confirmed = new Map(
    (
      await listVerifications(
        db,
        entries.flatMap((e) => (e.verification_id ? [e.id] : [])),
      )
    )
      .filter((v) => v.status === 'confirmed')
      .map((v) => [v.id, v]),
  );
  return entries.map((e) => {
    const v = e.verification_id ? confirmed.get(e.verification_id) : undefined;
    return {
      id: e.id,
      kind: KIND_LABELS[e.kind],
      title: e.title,
      reflection: e.reflection,
      startedOn: e.started_on,
      endedOn: e.ended_on,
      hours: e.hours,
      source: e.source,
      verification: v
        ? {
            name: v.verifier_name,
            relationship: RELATIONSHIPS[v.relationship],
            role: v.verifier_role,
            statement: v.statement,
            on: v.answered_at ?? v.requested_at,
          }
        : null,
    };
  });
}
