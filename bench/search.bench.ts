// Directory search at scale: generates a trust of 50,000 staff (BENCH_STAFF to change) and times the
// directory's search (the count and the first page together, as the page runs them) for typical
// searches, on SQLite or, with DATABASE_URL=postgres://…, PostgreSQL. Target: under 5 ms a search.
//   npm run bench:search            DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:search
import { searchDirectory } from '../src/features/staff/staff.queries';
import { directoryQuery } from '../src/features/staff/staff.schemas';
import { COMMON_SURNAME_FRAGMENT, createBenchDatabase, generate } from './generate';

const staff = Number(process.env.BENCH_STAFF ?? 50_000);
const repeats = Number(process.env.BENCH_REPEATS ?? 50);
const database = await createBenchDatabase(process.env.DATABASE_URL);
try {
  const started = performance.now();
  const summary = await generate(database.db, database.engine, { staff, schools: Math.max(50, Math.round(staff / 100)) });
  console.log(`${database.engine}: generated ${staff} staff in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const organisation = await database.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
  const someone = await database.db
    .selectFrom('people')
    .select(['given_name', 'family_name', 'email'])
    .orderBy('id')
    .offset(1234)
    .limit(1)
    .executeTakeFirstOrThrow();
  const school = await database.db.selectFrom('schools').select('name').orderBy('name').limit(1).executeTakeFirstOrThrow();
  const scope = { organisationId: organisation.id, wholeOrganisation: true, schoolIds: [], lineManagerId: null };
  const searches = [
    ['common fragment', COMMON_SURNAME_FRAGMENT],
    ['full name', `${someone.given_name} ${someone.family_name}`],
    ['email', someone.email],
    ['family name', someone.family_name],
    ['school name word', school.name.split(' ')[0] ?? school.name],
    ['no match', 'zzqxv'],
    ['two letters', 'ab'],
  ] as const;
  const rows: string[][] = [];
  for (const [name, q] of searches) {
    const filters = directoryQuery.parse({ q });
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < repeats + 5; i++) {
      const t = performance.now();
      const result = await searchDirectory(database.db, scope, filters, 50);
      if (i >= 5) times.push(performance.now() - t);
      total = result.total;
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN;
    rows.push([name, JSON.stringify(q), String(total), at(0.5).toFixed(2), at(0.95).toFixed(2)]);
  }
  console.log(`\n${summary.people} people, ${repeats} runs each (ms for the count and the first page of 50)\n`);
  console.log(['search', 'q', 'matches', 'median ms', 'p95 ms'].join('\t'));
  for (const row of rows) console.log(row.join('\t'));
} finally {
  await database.destroy();
}
