import type { Executor } from '../../platform/db/database';
import { pathwayTitle } from '../programmes';
import { listCompletedOfPerson } from './enrolments.queries';

/** A programme (or one stage of a pathway) the person completed, as their leadership record shows it. */
export interface CompletedProgramme {
  enrolmentId: string;
  /** The organisation that ran it. */
  organisationId: string;
  programme: string;
  /** "Stage 2 of Middle leadership pathway", or null when the programme stands alone. */
  stage: string | null;
  cohort: string;
  startedOn: string;
  endedOn: string;
  /** YYYY-MM-DD */
  completedOn: string;
}

/** The programmes and stages the person has completed, most recently completed first. */
export async function completedProgrammesOf(db: Executor, personId: string): Promise<CompletedProgramme[]> {
  const rows = await listCompletedOfPerson(db, personId);
  const pathways = new Map<string, string | undefined>();
  for (const r of rows) if (r.pathway_id && !pathways.has(r.pathway_id)) pathways.set(r.pathway_id, await pathwayTitle(db, r.organisation_id, r.pathway_id));
  return rows.map((r) => {
    const pathway = r.pathway_id ? pathways.get(r.pathway_id) : undefined;
    return {
      enrolmentId: r.id,
      organisationId: r.organisation_id,
      programme: r.programme_title,
      stage: pathway && r.stage_position ? `Stage ${r.stage_position} of ${pathway}` : null,
      cohort: r.cohort_name,
      startedOn: r.starts_on,
      endedOn: r.ends_on,
      completedOn: (r.completed_at ?? r.ends_on).slice(0, 10),
    };
  });
}
