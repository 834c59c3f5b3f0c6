import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/contributions';
import type { EnrolmentStatus } from '../enrolments.tables';

type Trx = Transaction<Database>;

/** Modules chosen on Leadership Pathways by the demo participants: which (by position) and how many completed. */
const PATHWAYS_MODULES: Record<string, { chosen: number[]; completed: number }> = {
  rMat3: { chosen: [0, 1, 2], completed: 2 },
  hDep: { chosen: [1, 3, 4], completed: 1 },
  rSenco: { chosen: [], completed: 0 },
};

/**
 * Demo data: an active enrolment for every accepted applicant of the running cohorts (Cohort 7 of
 * Towards Middle Leadership, Cohort 3 of Leadership Pathways), and Leadership Pathways module
 * choices at different stages.
 */
export async function seedEnrolments(trx: Trx, clock: Clock, context: DemoContext): Promise<void> {
  const { organisationId, ids } = context;
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo record ${key}`);
    return value;
  };
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const keyOf = new Map([...ids].map(([key, value]) => [value, key]));

  async function enrol(person: string, cohortId: string, programmeId: string, applicationId: string | null, status: EnrolmentStatus, daysAgo: number) {
    const enrolmentId = newId();
    await trx
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: applicationId,
        cohort_id: cohortId,
        programme_id: programmeId,
        person_id: id(person),
        status,
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at(-daysAgo),
        updated_at: at(-daysAgo),
      })
      .execute();
    await trx
      .insertInto('enrolment_events')
      .values({
        id: newId(),
        enrolment_id: enrolmentId,
        status,
        actor_id: id('director'),
        reason: 'Place offered after review of applications',
        created_at: at(-daysAgo),
      })
      .execute();
    return enrolmentId;
  }

  // The cohorts step names each accepted application `accepted:<person>`, in the order they were accepted.
  const acceptedIds = [...ids].filter(([key]) => key.startsWith('accepted:')).map(([, applicationId]) => applicationId);
  const rows = await trx
    .selectFrom('applications')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .select(['applications.id', 'applications.person_id', 'applications.cohort_id', 'cohorts.programme_id'])
    .where('applications.id', 'in', acceptedIds)
    .execute();
  const accepted = acceptedIds.map((applicationId) => rows.find((row) => row.id === applicationId)).filter((row) => row !== undefined);
  for (const application of accepted) {
    const person = keyOf.get(application.person_id) as string;
    const onPathways = application.programme_id === id('programme:pathways');
    const enrolmentId = await enrol(person, application.cohort_id, application.programme_id, application.id, 'active', onPathways ? 190 : 161);
    const { chosen, completed } = PATHWAYS_MODULES[person] ?? { chosen: [], completed: 0 };
    for (const [i, m] of chosen.entries()) {
      await trx
        .insertInto('enrolment_modules')
        .values({
          enrolment_id: enrolmentId,
          module_id: id(`module:pathways:${m}`),
          chosen_at: at(-75),
          completed_at: i < completed ? at(-40 + i * 10) : null,
          completed_by: i < completed ? id(person) : null,
          reflection:
            i < completed
              ? 'I led the change with my team and we now review pupils’ work together each fortnight; attendance at the sessions has doubled.'
              : null,
        })
        .execute();
    }
  }
}
