// The staff directory deep in a long list: the page after the 4,950th person of the 5,000-staff
// trust (the last page), read by keyset, against the same page read with OFFSET as before.
// Median milliseconds per page of the database work (count and rows), in-process.
//
//   node bin/run-ts.js bench/directory-paging.ts
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node bin/run-ts.js bench/directory-paging.ts
import { searchDirectory, type DirectoryScope } from '../src/features/staff/staff.queries';
import type { DirectoryQuery } from '../src/features/staff/staff.schemas';
import { createBenchDatabase, generate } from './generate';

const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const { db } = database;
  const summary = await generate(db, database.engine);
  const scope: DirectoryScope = { organisationId: summary.organisationId, wholeOrganisation: true, schoolIds: [], lineManagerId: null };
  const filters: DirectoryQuery = { status: 'active' };
  const ordered = db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', summary.organisationId)
    .where('status', '=', 'active')
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id');
  const { total } = await searchDirectory(db, scope, filters, 25);
  const offset = Math.max(0, Math.floor((total - 1) / 25) * 25);
  const cursor = (
    await ordered
      .offset(offset - 1)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
  const byOffset = async () => {
    await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organisation_id', '=', summary.organisationId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    await db
      .selectFrom('people')
      .leftJoin('schools', 'schools.id', 'people.school_id')
      .select(['people.id', 'people.given_name', 'people.family_name', 'people.email', 'people.job_title', 'schools.name as school_name'])
      .where('people.organisation_id', '=', summary.organisationId)
      .where('people.status', '=', 'active')
      .orderBy('people.family_name')
      .orderBy('people.given_name')
      .orderBy('people.id')
      .limit(25)
      .offset(offset)
      .execute();
  };
  const byKeyset = () => searchDirectory(db, scope, filters, 25, { after: cursor });
  const median = async (f: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await f();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return times[100] ?? 0;
  };
  for (let round = 0; round < 2; round++) {
    const o = await median(byOffset);
    const k = await median(byKeyset);
    console.log(`${database.engine}: last page of ${total} (offset ${offset}): OFFSET ${o.toFixed(3)} ms, keyset ${k.toFixed(3)} ms`);
  }
} finally {
  await database.destroy();
}
