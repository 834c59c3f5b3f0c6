import type { Transaction } from 'kysely';
import { addDays, londonDate } from '../../../platform/dates';
import type { DemoContext } from '../../../platform/contributions';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import { newToken } from '../../../platform/http/tokens';

type Trx = Transaction<Database>;

/** Who graduated from Cohort 6 of Towards Middle Leadership, and the demo's one exception. */
const GRADUATES: { person: string; exception?: string }[] = [
  { person: 'rSci' },
  { person: 'rHum' },
  // Hannah Jones, now on Leadership Pathways: her leadership record shows this programme.
  { person: 'rMat3' },
  { person: 'rMat', exception: 'Missed the final 360 feedback round through long-term illness; the panel agreed the evidence was sufficient.' },
];

const CRITERIA = [
  ['Baseline self-assessment', 'The participant completes a self-assessment against the focus skills at the start.', 'Submitted'],
  ['Attendance', 'The participant attends at least 80% of their cohort’s sessions.', '9 of 10 sessions (90%)'],
  ['360 feedback', 'The participant gathers 360 feedback from colleagues.', 'Report shared'],
  ['Final self-assessment', 'The participant completes a self-assessment against the focus skills at the end.', 'Submitted'],
  ['Programme lead sign-off', 'A programme lead signs off that the participant has completed the programme.', 'Signed off by Marcus Bell'],
] as const;

/**
 * Demo data: Cohort 6 of Towards Middle Leadership, which finished last spring. Its four
 * participants completed (one as an exception, with the reason) and each holds a certificate whose
 * verification page anyone can open.
 */
export async function seedCertificates(trx: Trx, clock: Clock, context: DemoContext): Promise<void> {
  const { organisationId, ids } = context;
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo record ${key}`);
    return value;
  };
  const today = londonDate(clock.now());
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const programmeId = id('programme:middle');
  const cohortId = newId();
  const startsOn = addDays(today, -440);
  const completedAt = at(-255);
  await trx
    .insertInto('cohorts')
    .values({
      id: cohortId,
      organisation_id: organisationId,
      programme_id: programmeId,
      name: 'Cohort 6',
      name_normalised: 'cohort 6',
      applications_open_on: addDays(today, -560),
      applications_close_on: addDays(today, -510),
      endorsement_deadline: addDays(today, -496),
      starts_on: startsOn,
      ends_on: addDays(today, -260),
      capacity: 16,
      needs_line_manager: 1,
      needs_headteacher: 1,
      created_at: at(-570),
      updated_at: at(-570),
    })
    .execute();
  await trx
    .insertInto('cohort_leads')
    .values({ cohort_id: cohortId, person_id: id('director') })
    .execute();
  ids.set('cohort:middle:graduated', cohortId);

  const [programme, skills, organisation] = await Promise.all([
    trx.selectFrom('programmes').select('title').where('id', '=', programmeId).executeTakeFirstOrThrow(),
    trx
      .selectFrom('programme_focus_skills')
      .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
      .select(['framework_skills.code', 'framework_skills.title'])
      .where('programme_focus_skills.programme_id', '=', programmeId)
      .orderBy('framework_skills.code')
      .execute(),
    trx.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow(),
  ]);

  for (const graduate of GRADUATES) {
    const personId = id(graduate.person);
    const person = await trx.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', personId).executeTakeFirstOrThrow();
    const enrolmentId = newId();
    const reason = graduate.exception ? `Completed as an exception: ${graduate.exception}` : null;
    await trx
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohortId,
        programme_id: programmeId,
        person_id: personId,
        status: 'completed',
        return_cohort_id: null,
        status_reason: reason,
        completed_at: completedAt,
        created_at: at(-450),
        updated_at: completedAt,
      })
      .execute();
    await trx
      .insertInto('enrolment_events')
      .values([
        {
          id: newId(),
          enrolment_id: enrolmentId,
          status: 'active',
          actor_id: id('director'),
          reason: 'Place offered after review of applications',
          created_at: at(-450),
        },
        { id: newId(), enrolment_id: enrolmentId, status: 'completed', actor_id: id('director'), reason, created_at: completedAt },
      ])
      .execute();
    const criteria = JSON.stringify(
      CRITERIA.map(([title, description, result]) =>
        graduate.exception && title === '360 feedback'
          ? { title, description, result: 'No report: the round closed with too few responses', met: false }
          : { title, description, result, met: true },
      ),
    );
    await trx
      .insertInto('completion_confirmations')
      .values({
        enrolment_id: enrolmentId,
        organisation_id: organisationId,
        criteria,
        exception_reason: graduate.exception ?? null,
        confirmed_by: id('director'),
        confirmed_at: completedAt,
      })
      .execute();
    await trx
      .insertInto('certificates')
      .values({
        id: newId(),
        organisation_id: organisationId,
        enrolment_id: enrolmentId,
        person_id: personId,
        code: newToken(),
        recipient_name: `${person.given_name} ${person.family_name}`,
        programme_title: programme.title,
        stage: null,
        cohort_name: 'Cohort 6',
        started_on: startsOn,
        completed_at: completedAt,
        issuer_name: organisation.name,
        criteria,
        exception_reason: graduate.exception ?? null,
        skills: JSON.stringify(skills),
        project_title: null,
        issued_at: completedAt,
        revoked_at: null,
        revoked_by: null,
        revoked_reason: null,
      })
      .execute();
  }
}
