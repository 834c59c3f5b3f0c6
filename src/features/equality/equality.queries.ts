import type { Executor } from '../../platform/db/database';
import type { EqualityAnswersTable } from './equality.tables';

/** The person's own answers, or undefined when they have given none. */
export function findAnswers(db: Executor, personId: string) {
  return db.selectFrom('equality_answers').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** Saves the person's answers, replacing any they gave before. */
export async function saveAnswers(db: Executor, row: EqualityAnswersTable) {
  await db
    .insertInto('equality_answers')
    .values(row)
    .onConflict((oc) =>
      oc.column('person_id').doUpdateSet({
        sex: row.sex,
        ethnicity: row.ethnicity,
        disability: row.disability,
        age_band: row.age_band,
        working_pattern: row.working_pattern,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Removes everything the person gave. */
export async function removeAnswers(db: Executor, personId: string) {
  await db.deleteFrom('equality_answers').where('person_id', '=', personId).execute();
}
