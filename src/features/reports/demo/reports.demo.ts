import type { Transaction } from 'kysely';
import { addDays, londonDate } from '../../../platform/dates';
import type { Clock } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext, DemoStep } from '../../../platform/module';
import type { LeadershipLevel } from '../../staff';

type Trx = Transaction<Database>;

/**
 * Earlier graduates, for the progression report: who completed an older cohort, what they did before,
 * and how many days after completing their role changed (their role now is the staff record's).
 */
const MIDDLE_GRADUATES: { person: string; before: string; level: LeadershipLevel; changedAfter: number | null }[] = [
  { person: 'rEng', before: 'Teacher of English', level: 'none', changedAfter: 120 },
  { person: 'rY7', before: 'Teacher of Geography', level: 'none', changedAfter: 60 },
  { person: 'rMat3', before: 'Teacher of Mathematics', level: 'none', changedAfter: 250 },
  { person: 'oKs1', before: 'Year 2 Teacher', level: 'none', changedAfter: 180 },
  { person: 'oKs2', before: 'Year 5 Teacher', level: 'none', changedAfter: 300 },
  { person: 'rSenco', before: 'Teacher of English and Assistant SENCo', level: 'none', changedAfter: 500 },
  { person: 'oT4', before: 'Year 6 Teacher', level: 'none', changedAfter: 900 },
];
/** Too few to show: their counts are hidden on the report. */
const SENIOR_GRADUATES: { person: string; before: string; level: LeadershipLevel; changedAfter: number | null }[] = [
  { person: 'rAss', before: 'Head of Science', level: 'middle', changedAfter: 200 },
  { person: 'oDep', before: 'Key Stage 2 Lead', level: 'middle', changedAfter: null },
];

/** An older cohort of a programme, ended `endedDaysAgo` days ago, whose graduates completed on its last day. */
async function graduatedCohort(
  trx: Trx,
  context: DemoContext,
  today: string,
  programmeId: string,
  name: string,
  endedDaysAgo: number,
  graduates: typeof MIDDLE_GRADUATES,
) {
  const organisationId = context.organisationId;
  const cohortId = newId();
  const endsOn = addDays(today, -endedDaysAgo);
  const createdAt = `${addDays(endsOn, -420)}T09:00:00.000Z`;
  await trx
    .insertInto('cohorts')
    .values({
      id: cohortId,
      organisation_id: organisationId,
      programme_id: programmeId,
      name,
      name_normalised: name.toLowerCase(),
      applications_open_on: addDays(endsOn, -420),
      applications_close_on: addDays(endsOn, -380),
      endorsement_deadline: addDays(endsOn, -370),
      starts_on: addDays(endsOn, -300),
      ends_on: endsOn,
      capacity: 16,
      needs_line_manager: 1,
      needs_headteacher: 1,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  const completedAt = `${endsOn}T15:00:00.000Z`;
  for (const graduate of graduates) {
    const personId = context.ids.get(graduate.person);
    if (!personId) continue;
    await trx
      .insertInto('enrolments')
      .values({
        id: newId(),
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohortId,
        programme_id: programmeId,
        person_id: personId,
        status: 'completed',
        return_cohort_id: null,
        status_reason: null,
        completed_at: completedAt,
        created_at: createdAt,
        updated_at: completedAt,
      })
      .execute();
    // Their roles held: what they did before, then (from the day it changed) the role they hold now.
    const now = await trx
      .selectFrom('roles_held')
      .select(['id', 'school_id'])
      .where('person_id', '=', personId)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (!now || graduate.changedAfter === null) continue;
    const changedOn = addDays(endsOn, graduate.changedAfter);
    await trx.updateTable('roles_held').set({ started_on: changedOn }).where('id', '=', now.id).execute();
    await trx
      .insertInto('roles_held')
      .values({
        id: newId(),
        organisation_id: organisationId,
        person_id: personId,
        job_title: graduate.before,
        leadership_level: graduate.level,
        school_id: now.school_id,
        started_on: addDays(endsOn, -900),
        ended_on: changedOn,
        created_at: completedAt,
      })
      .execute();
  }
}

async function seedProgression(trx: Trx, clock: Clock, context: DemoContext) {
  const today = londonDate(clock.now());
  const programmes = await trx
    .selectFrom('programmes')
    .select(['id', 'title'])
    .where('organisation_id', '=', context.organisationId)
    .where('title', 'in', ['Towards Middle Leadership', 'Towards Senior Leadership'])
    .execute();
  const middle = programmes.find((p) => p.title === 'Towards Middle Leadership');
  const senior = programmes.find((p) => p.title === 'Towards Senior Leadership');
  if (middle) await graduatedCohort(trx, context, today, middle.id, 'Cohort 3', 1000, MIDDLE_GRADUATES);
  if (senior) await graduatedCohort(trx, context, today, senior.id, 'Cohort 1', 800, SENIOR_GRADUATES);
}

/**
 * The reports read what the other features' demo steps seed. This step adds older graduates with
 * role history (for the progression report: enough on Towards Middle Leadership to show, too few on
 * Towards Senior Leadership, hidden), and prints one more sign-in: a line manager whose team is on
 * programmes (two of the head of mathematics's department are), so My team shows progress and attendance.
 */
export const reportsDemo: DemoStep = {
  async seed(trx, clock, context) {
    await seedProgression(trx, clock, context);
    const id = context.ids.get('rMat');
    if (!id) return [];
    const person = await trx.selectFrom('people').select('email').where('id', '=', id).executeTakeFirst();
    return person ? [{ who: 'My team with people on programmes (head of mathematics)', email: person.email }] : [];
  },
};
