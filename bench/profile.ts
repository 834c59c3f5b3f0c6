// Query census: which SQL statements one request runs, how long each takes on its own, and how the
// engine plans the expensive ones. Runs the real app in-process (app.request, no socket) over a
// Kysely handle with a recording plugin, so it sees exactly the queries a served request runs.
import {
  CompiledQuery,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Db } from '../src/platform/db/database';
import type { Engine } from '../src/platform/db/connect';
import { silentLogger } from '../src/platform/log';
import { memoryMailer } from '../src/platform/mail/mailer';
import { item } from '../test/support/present';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';

class QueryRecorder implements KyselyPlugin {
  recording: CompiledQuery[] | null = null;
  constructor(private readonly compile: (node: RootOperationNode, queryId: PluginTransformQueryArgs['queryId']) => CompiledQuery) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.recording?.push(this.compile(args.node, args.queryId));
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

export interface CensusQuery {
  kind: 'select' | 'insert' | 'update' | 'delete' | 'other';
  /** The SQL, whitespace-collapsed and cut to 160 characters. */
  sql: string;
  /** Mean time to run this statement alone through Kysely, in milliseconds (null for writes, which are not replayed). */
  meanMs: number | null;
  rows: number;
  /** EXPLAIN QUERY PLAN (SQLite) or EXPLAIN ANALYZE (PostgreSQL), for the statements that cost most. */
  plan?: string[];
}

export interface CensusEntry {
  name: string;
  path: string;
  signedIn: boolean;
  status: number;
  queries: CensusQuery[];
  writes: number;
  /** Sum of the statements' means: the database share of one request. */
  dbMsPerRequest: number;
  /** Mean time for the whole request through app.request() (no HTTP, no socket). */
  inProcessMsPerRequest: number;
}

export interface CensusTarget {
  name: string;
  path: string;
  signedIn: boolean;
}

function kindOf(sql: string): CensusQuery['kind'] {
  const word = sql.trimStart().slice(0, 6).toLowerCase();
  return word === 'select' || word === 'insert' || word === 'update' || word === 'delete' ? word : 'other';
}

async function timeIt(iterations: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return (performance.now() - start) / iterations;
}

async function planOf(db: Db, engine: Engine, query: CompiledQuery): Promise<string[]> {
  if (engine === 'sqlite') {
    const result = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
    return result.rows.map((r) => r.detail);
  }
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${query.sql}`, [...query.parameters]));
  return result.rows.map((r) => r['QUERY PLAN']).slice(0, 24);
}

/**
 * Signs in as `admin` on an in-process app and, for each target, records the statements one
 * request runs (after two warm-up requests), times each statement alone and the whole request.
 * Read-only statements are re-run; writes are only counted, never replayed.
 */
export async function queryCensus(
  db: Db,
  engine: Engine,
  admin: { email: string; password: string },
  targets: CensusTarget[],
  options: { iterations?: number; beforeRecording?: () => Promise<void> } = {},
): Promise<CensusEntry[]> {
  const iterations = options.iterations ?? 200;
  const executor = db.getExecutor();
  const recorder = new QueryRecorder((node, queryId) => executor.compileQuery(node, queryId));
  const recorded = db.withPlugin(recorder);
  const { app, origin, cookie } = await inProcessApp(recorded, admin);

  const entries: CensusEntry[] = [];
  for (const target of targets) {
    const request = () => app.request(`${origin}${target.path}`, { headers: target.signedIn ? { cookie } : {} });
    await (await request()).text();
    await (await request()).text();
    await options.beforeRecording?.();
    recorder.recording = [];
    const response = await request();
    await response.text();
    const statements = recorder.recording;
    recorder.recording = null;

    const queries: CensusQuery[] = [];
    for (const statement of statements) {
      const kind = kindOf(statement.sql);
      const sql = statement.sql.replace(/\s+/g, ' ').slice(0, 160);
      if (kind !== 'select') {
        queries.push({ kind, sql, meanMs: null, rows: 0 });
        continue;
      }
      let rows = 0;
      const meanMs = await timeIt(iterations, async () => {
        rows = (await db.executeQuery(statement)).rows.length;
      });
      queries.push({ kind, sql, meanMs: round(meanMs, 3), rows });
    }
    // Plans for the statements that take more than a tenth of a millisecond.
    for (const [i, q] of queries.entries()) {
      if (q.kind === 'select' && (q.meanMs ?? 0) > 0.1) q.plan = await planOf(db, engine, item(statements, i, 'the statement of this query'));
    }
    const inProcess = await timeIt(iterations, async () => (await request()).text());
    entries.push({
      name: target.name,
      path: target.path,
      signedIn: target.signedIn,
      status: response.status,
      queries,
      writes: queries.filter((q) => q.kind !== 'select').length,
      dbMsPerRequest: round(
        queries.reduce((s, q) => s + (q.meanMs ?? 0), 0),
        3,
      ),
      inProcessMsPerRequest: round(inProcess, 3),
    });
  }
  return entries;
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/**
 * The app in-process (no HTTP) on `db`, as production configures it, with `admin` signed in:
 * its origin and the session cookie to send.
 */
export async function inProcessApp(db: Db, admin: { email: string; password: string }) {
  // Production refuses a plain-http BASE_URL; in-process requests never leave the machine.
  const origin = 'https://127.0.0.1';
  const config = loadConfig({
    NODE_ENV: 'production',
    BASE_URL: origin,
    LOG_LEVEL: 'silent',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    WORKER: 'off',
    SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET,
  });
  const app = createApp({ db, config, mailer: memoryMailer(), logger: silentLogger });
  const signIn = await app.request(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: admin.email, password: admin.password }).toString(),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_session='))
    ?.split(';')[0];
  if (signIn.status !== 303 || !cookie) throw new Error(`in-process sign-in failed with ${signIn.status}`);
  return { app, origin, cookie };
}

export interface CpuRoute {
  name: string;
  path: string;
  signedIn: boolean;
  /** Requests a round. */
  requests: number;
}

/**
 * CPU time per request (user + system, this process only) of each route, in-process, the routes
 * in turn round after round: steadier than wall-clock time on a machine other work is loading.
 * Returns each route's median, in milliseconds.
 */
export async function cpuRounds(db: Db, admin: { email: string; password: string }, routes: CpuRoute[], rounds = 7): Promise<Map<string, number>> {
  const { app, origin, cookie } = await inProcessApp(db, admin);
  const samples = new Map(routes.map((r) => [r.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const route of routes) {
      const headers: Record<string, string> = route.signedIn ? { cookie } : {};
      const before = process.cpuUsage();
      for (let i = 0; i < route.requests; i++) await (await app.request(`${origin}${route.path}`, { headers })).text();
      const used = process.cpuUsage(before);
      samples.get(route.name)?.push((used.user + used.system) / 1000 / route.requests);
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  return new Map([...samples].map(([name, list]) => [name, median(list)] as const));
}
