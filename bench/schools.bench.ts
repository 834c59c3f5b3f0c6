// School list benchmark: generates an establishment file the size and width of the Department for
// Education's "Get information about schools" download (50,000 rows, 140 columns, names built like
// real ones: "St Aidan's Church of England Primary School", "Fernhill Academy"), then on a fresh
// migrated database:
//   1. loads it (read, check every row, add everything in one transaction);
//   2. loads it again (nothing changes), then a file with one school in ten renamed and closed (updated by URN);
//   3. runs the school picker's search for typical queries (names, parts of names, common words,
//      URNs, postcodes), 50 times each.
//
//   npx tsx bench/schools.bench.ts                                                   # SQLite file in a temp folder
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/schools.bench.ts   # throwaway PostgreSQL database
//
// Targets: a load under 10 seconds; a search under 20 ms a query.
import { performance } from 'node:perf_hooks';
import { GIAS_HEADERS, type SampleEstablishment, toGiasCsv } from '../src/features/establishments/demo/gias-sample';
import { loadEstablishments, searchSchoolList } from '../src/features/establishments/establishments.service';
import { systemClock } from '../src/platform/db/clock';
import { item } from '../test/support/present';
import { createBenchDatabase } from './generate';
import { FAMILY_NAMES, GIVEN_NAMES, PLACES, TOWNS } from './names';

const ROWS = 50_000;
const COLUMNS = 140;
const LOAD_TARGET_MS = 10_000;
const SEARCH_TARGET_MS = 20;
const REPEATS = 50;

function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KINDS: [string, string, string][] = [
  ['Primary School', 'Community school', 'Primary'],
  ['Community Primary School', 'Community school', 'Primary'],
  ['Church of England Primary School', 'Voluntary aided school', 'Primary'],
  ['CofE Primary School', 'Voluntary controlled school', 'Primary'],
  ['Catholic Primary School', 'Voluntary aided school', 'Primary'],
  ['Primary Academy', 'Academy converter', 'Primary'],
  ['Infant School', 'Community school', 'Primary'],
  ['Junior School', 'Community school', 'Primary'],
  ['Nursery School', 'LA nursery school', 'Nursery'],
  ['Academy', 'Academy sponsor led', 'Secondary'],
  ['High School', 'Community school', 'Secondary'],
  ['School', 'Foundation school', 'Secondary'],
  ['Catholic High School', 'Voluntary aided school', 'Secondary'],
  ['Special School', 'Community special school', 'Not applicable'],
  ['Sixth Form College', 'Sixth form centres', '16 plus'],
];
const AREAS = [
  'LS',
  'BD',
  'WF',
  'HD',
  'HX',
  'YO',
  'M',
  'B',
  'L',
  'S',
  'NE',
  'SW',
  'E',
  'N',
  'CV',
  'NG',
  'DE',
  'LE',
  'OX',
  'BS',
  'PL',
  'EX',
  'TR',
  'CB',
  'NR',
  'IP',
];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The generated file's establishments: about 60 % open, towns and places combined so names repeat as real ones do. */
export function generateEstablishments(rows: number): SampleEstablishment[] {
  const next = random(17);
  const pick = <T>(list: readonly T[]) => item(list, Math.floor(next() * list.length), 'a random pick');
  const towns = [...TOWNS, ...FAMILY_NAMES.slice(0, 400).map((n) => `${n}${pick(['ton', 'ley', 'by', 'ford', 'field', 'bridge'])}`)];
  const out: SampleEstablishment[] = [];
  for (let i = 0; i < rows; i++) {
    const [suffix, type, phase] = pick(KINDS);
    const town = pick(towns);
    const lead =
      next() < 0.2
        ? `St ${pick(GIVEN_NAMES)}’s`
        : next() < 0.5
          ? pick(PLACES)
          : next() < 0.7
            ? town
            : `${pick(FAMILY_NAMES)} ${pick(['Park', 'Hill', 'Green', 'Lane', 'Wood'])}`;
    const letter = () => LETTERS.charAt(Math.floor(next() * LETTERS.length));
    out.push({
      urn: String(100_000 + i * 2 + Math.floor(next() * 2)),
      name: `${lead} ${suffix}`,
      la: town,
      type,
      status: next() < 0.6 ? 'Open' : next() < 0.95 ? 'Closed' : 'Open, but proposed to close',
      phase,
      street: `${pick(PLACES)} ${pick(['Road', 'Lane', 'Street', 'Avenue', 'Drive'])}`,
      locality: next() < 0.4 ? pick(PLACES) : '',
      town,
      county: pick(['West Yorkshire', 'North Yorkshire', 'Lancashire', 'Kent', 'Devon', '']),
      postcode: `${pick(AREAS)}${1 + Math.floor(next() * 30)} ${Math.floor(next() * 10)}${letter()}${letter()}`,
    });
  }
  return out;
}

/** Pads each row to the real file's width with the kinds of values its other columns hold. */
function widen(csv: string, columns: number): string {
  const extra = columns - GIAS_HEADERS.length;
  const headings = Array.from({ length: extra }, (_, i) => `SEN${i + 1} (name)`).join(',');
  const values = Array.from({ length: extra }, (_, i) => (i % 3 === 0 ? 'Not applicable' : i % 3 === 1 ? '1234567' : '')).join(',');
  const lines = csv.trimEnd().split('\r\n');
  return `${lines.map((line, i) => `${line},${i === 0 ? headings : values}`).join('\r\n')}\r\n`;
}

const QUERIES = [
  'fernhill',
  'St Aidan',
  "st mary's",
  'highfield primary',
  'smithton academy',
  'castleton church of england',
  'primary school',
  'academy',
  'the',
  'St',
  'kirkstall catholic high',
  'zzz no such school',
  '100',
  '123456',
  'LS6',
  'BD18 3',
  'HX2 7JT',
  'moorside leeds',
  'jones park',
  'bramley infant',
];

async function main() {
  const bench = await createBenchDatabase(process.env.DATABASE_URL);
  try {
    console.log(`School list benchmark on ${bench.engine}`);
    let started = performance.now();
    const csv = widen(toGiasCsv(generateEstablishments(ROWS)), COLUMNS);
    const bytes = new TextEncoder().encode(csv);
    console.log(
      `  generated ${ROWS.toLocaleString('en-GB')} rows × ${COLUMNS} columns (${(bytes.length / 1024 / 1024).toFixed(1)} MB) in ${(performance.now() - started).toFixed(0)} ms`,
    );

    // A month later: one school in ten renamed or closed.
    const later = generateEstablishments(ROWS).map((e, i) => (i % 10 === 0 ? { ...e, name: `${e.name} (renamed)`, status: 'Closed' as const } : e));
    const laterBytes = new TextEncoder().encode(widen(toGiasCsv(later), COLUMNS));
    for (const [label, file] of [
      ['first load', bytes],
      ['the same file again', bytes],
      ['a file with 5,000 schools changed', laterBytes],
    ] as const) {
      started = performance.now();
      const result = await loadEstablishments(bench.db, systemClock, file);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`load failed: ${result.reason} ${JSON.stringify(result.problems.slice(0, 3))}`);
      console.log(
        `  ${label}: ${ms.toFixed(0)} ms (${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged) ${ms < LOAD_TARGET_MS ? 'ok' : `OVER the ${LOAD_TARGET_MS} ms target`}`,
      );
    }

    let worst = 0;
    const all: number[] = [];
    for (const query of QUERIES) {
      await searchSchoolList(bench.db, query);
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < REPEATS; i++) {
        const t = performance.now();
        found = (await searchSchoolList(bench.db, query)).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const p95 = item(times, Math.floor(times.length * 0.95), 'the 95th percentile');
      worst = Math.max(worst, mean);
      all.push(...times);
      console.log(
        `  search ${JSON.stringify(query).padEnd(32)} ${found.toString().padStart(2)} found  mean ${mean.toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms`,
      );
    }
    const overall = all.reduce((a, b) => a + b, 0) / all.length;
    console.log(
      `  search overall: mean ${overall.toFixed(2)} ms; slowest query's mean ${worst.toFixed(2)} ms ${worst < SEARCH_TARGET_MS ? 'ok' : `OVER the ${SEARCH_TARGET_MS} ms target`}`,
    );
  } finally {
    await bench.destroy();
  }
}

await main();
