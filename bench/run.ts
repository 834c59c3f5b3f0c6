// Load benchmark: generates a 50-school, 5,000-staff trust plus a programme, a cohort of 100 and a
// closed 360 round (bench/pages-seed.ts), serves the real app on 127.0.0.1 (in a child process),
// signs in over HTTP as an organisation admin, a programme lead and a participant, and runs
// autocannon against every signed-in page (each with its viewer's cookie) and a trivial route, one
// after the other with the same settings.
//
//   npm run bench                                            # SQLite (file in a temp folder)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # throwaway PostgreSQL database
//   npm run bench -- --connections 20 --duration 10 --warmup 2
//   npm run bench -- --requests 100000 --built               # 100,000 requests in all, against the built server (dist),
//                                                            # with its cold start to first response
//   npm run bench -- --nothing-rendered                      # the built server with a JSX runtime that renders nothing
//                                                            # (bench/nothing-rendered/): each page's work but its HTML,
//                                                            # so the most any rendering could save, as a share of /health
//
// Prints a table and writes bench/results/latest.json (and bench/results/<engine>.json).
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { BENCH_ADMIN, COMMON_SURNAME_FRAGMENT, createBenchDatabase, generate, type BenchDatabase, type GenerateSummary } from './generate';
import { queryCensus, type CensusEntry } from './profile';
import { seedPages } from './pages-seed';
import { BENCH_SIGNING_KEYS_SECRET } from './secrets';
import { targetsFor, type Target, type Viewer } from './targets';
import { item, part } from '../test/support/present';

const here = dirname(fileURLToPath(import.meta.url));
/** Node flags the built server is given for a memory experiment (BENCH_SERVER_NODE_ARGS, BENCH_SERVER_NODE_OPTIONS, MALLOC_ARENA_MAX). */
const serverNodeFlags = [
  process.env.BENCH_SERVER_NODE_ARGS,
  process.env.BENCH_SERVER_NODE_OPTIONS,
  process.env.MALLOC_ARENA_MAX ? `MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX}` : undefined,
]
  .filter(Boolean)
  .join(' ');
const root = resolve(here, '..');

// ---------------------------------------------------------------------------------------------
// Settings

function option(name: string, fallback: number, min: number, max: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const arg = args[i];
  const raw = arg === undefined ? process.env[`BENCH_${name.toUpperCase()}`] : arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

function flag(name: string): boolean {
  return process.argv.slice(2).includes(`--${name}`) || process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`] === '1';
}

const settings = {
  connections: option('connections', 20, 1, 200),
  durationSeconds: option('duration', 10, 1, 120),
  warmupSeconds: option('warmup', 2, 0, 30),
  /** When set, each route gets an equal share of this many requests instead of a fixed duration. */
  totalRequests: option('requests', 0, 0, 2_000_000),
  /** Serve from a fresh build (scripts/build.js, as `npm start` does) instead of the TypeScript sources. */
  built: flag('built') || flag('nothing-rendered'),
  /** Build with bench/nothing-rendered/jsx-runtime.ts: every page does its work but renders no HTML. */
  nothingRendered: flag('nothing-rendered'),
};

const TARGET_COUNT = 10;

// The whole run is bounded: if anything hangs, the watchdog stops the server and exits.
const perTargetRun = settings.totalRequests > 0 ? Math.max(60, Math.ceil(settings.totalRequests / TARGET_COUNT / 40)) : settings.durationSeconds;
const perTarget = settings.warmupSeconds + perTargetRun + 15;
const budgetMs = (240 + TARGET_COUNT * perTarget) * 1000;

// ---------------------------------------------------------------------------------------------
// The server process

interface Usage {
  memory: { rss: number; heapUsed?: number };
  cpu: NodeJS.CpuUsage;
  heapAfterGc?: number;
}

interface Server {
  child: ChildProcess;
  origin: string;
  /** What it runs: the TypeScript sources (bench/server.ts through tsx) or the build (dist/waymark.js serve). */
  kind: 'sources' | 'built';
  /** Built only: milliseconds from spawning the process to its first 200 from /health. */
  coldStartMs?: number;
  usage(options?: { gc?: boolean }): Promise<Usage>;
  stop(): Promise<void>;
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = fork(join(root, 'bin/run-ts.js'), [join(here, 'server.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Lets the memory report show the heap after a full collection (live data, not garbage).
    // BENCH_CPU_PROF=DIR: the server writes a CPU profile (node --cpu-prof) there when it stops.
    execArgv: [...process.execArgv, '--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
  });
  const waitFor = <T>(type: string, timeoutMs: number): Promise<T> =>
    new Promise((resolveMessage, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`server did not answer ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (message: { type?: string } & Record<string, unknown>) => {
        if (message?.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolveMessage(message as T);
      };
      child.on('message', onMessage);
    });
  return new Promise((resolveServer, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
    waitFor<{ origin: string }>('listening', 30_000).then(({ origin }) => {
      const url = new URL(origin);
      if (url.hostname !== '127.0.0.1') {
        child.kill();
        reject(new Error(`refusing to benchmark ${origin}: only 127.0.0.1`));
        return;
      }
      resolveServer({
        child,
        origin,
        kind: 'sources',
        async usage(options = {}) {
          const reply = waitFor<Usage>('usage', 10_000);
          child.send({ type: 'usage', gc: options.gc === true });
          return reply;
        },
        async stop() {
          if (child.exitCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.send({ type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
          await exited;
          clearTimeout(timer);
        },
      });
    }, reject);
  });
}

/** Compiles Waymark with scripts/build.js into bench/.dist (inside the repository, so the packages resolve). */
function buildOnce(): string {
  const out = join(here, settings.nothingRendered ? '.dist-nothing-rendered' : '.dist');
  const started = performance.now();
  const variant = settings.nothingRendered ? ['--jsx-runtime', join(here, 'nothing-rendered/jsx-runtime.ts')] : [];
  execFileSync(process.execPath, [join(root, 'scripts/build.js'), '--out', out, ...variant], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(
    `Built into bench/${basename(out)}${settings.nothingRendered ? ' (rendering nothing)' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return join(out, 'waymark.js');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU time and RSS of another process, from /proc (Linux): the built server has no IPC channel. */
function procUsage(pid: number): Usage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from after the command name.
  const toMicros = (ticks: string | undefined) => (Number(ticks) / CLOCK_TICKS) * 1e6;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { memory: { rss: rssKb * 1024 }, cpu: { user: toMicros(fields[11]), system: toMicros(fields[12]) } };
}

/**
 * Starts the built server the way production does (`node dist/waymark.js serve`, production settings,
 * no worker, no migrations) and times spawn → first 200 from /health.
 */
async function startBuiltServer(entry: string, databaseUrl: string, dataDir: string): Promise<Server> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, entry, 'serve'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      BASE_URL: origin.replace(/^http:/, 'https:'),
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SIGNING_KEYS_SECRET: BENCH_SIGNING_KEYS_SECRET,
      MIGRATE_ON_START: 'false',
      WORKER: 'off',
      // To try the server's memory settings: BENCH_SERVER_NODE_ARGS="--optimize-for-size" (flags NODE_OPTIONS refuses),
      // BENCH_SERVER_NODE_OPTIONS="--max-semi-space-size=4", MALLOC_ARENA_MAX=2.
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let coldStartMs: number | undefined;
  while (performance.now() - started < 30_000 && child.exitCode === null) {
    const ok = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) {
      coldStartMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  if (coldStartMs === undefined) {
    child.kill('SIGKILL');
    throw new Error(`the built server did not answer /health within 30 s (exit code ${child.exitCode})`);
  }
  const pid = child.pid as number;
  return {
    child,
    origin,
    kind: 'built',
    coldStartMs,
    async usage() {
      return procUsage(pid);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function signIn(origin: string, who: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin: origin.replace(/^http:/, 'https:'), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: who.email, password: who.password }),
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('waymark_session='));
  if (response.status !== 303 || !cookie)
    throw new Error(`sign-in as ${who.email} failed: HTTP ${response.status}${cookie ? '' : ', no waymark_session cookie'}`);
  return part(cookie, ';', 0);
}

type Cookies = Record<Viewer, string>;

function headersFor(target: Target, cookies: Cookies): Record<string, string> {
  return target.viewer ? { cookie: cookies[target.viewer] } : {};
}

/** Fetches a target once, checks it is a 200 with the right content, and returns the body size and the "of N people" total. */
async function check(origin: string, target: Target, cookies: Cookies) {
  const response = await fetch(`${origin}${target.path}`, {
    headers: headersFor(target, cookies),
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
  // Nothing rendered, nothing to check but the status; the normal run checks the same pages' content.
  if (settings.nothingRendered) return { bytes: Buffer.byteLength(body), total: undefined, rows: undefined };
  const shown = /Showing (\d+) to (\d+) of (\d+) (?:people|person)/.exec(body);
  if (target.path.startsWith('/staff') && !shown) throw new Error(`${target.path} did not show a page of staff`);
  const wrong = target.expect?.(body);
  if (wrong) throw new Error(`${target.name} (${target.path}) ${wrong}`);
  return { bytes: Buffer.byteLength(body), total: shown ? Number(shown[3]) : undefined, rows: shown ? Number(shown[2]) - Number(shown[1]) + 1 : undefined };
}

interface RunResult {
  name: string;
  path: string;
  signedIn: boolean;
  note: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  responseBytes: number;
  /** CPU time the server process spent per request (user + system), measured inside it: less sensitive to other load than req/s. */
  serverCpuMsPerRequest: number;
  /** Share of one core the server process used during the run. */
  serverCpuShare: number;
  /** Live heap of the server after a full GC at the end of this run: keeps growing run after run if something leaks. */
  serverLiveHeapAfterMb: number;
  matchingPeople?: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** One autocannon run, bounded in time; latencies are kept per response (sub-millisecond). */
function load(url: string, headers: Record<string, string>, run: { seconds: number } | { requests: number }) {
  let times = new Float64Array(1 << 16);
  let count = 0;
  const length = 'seconds' in run ? { duration: run.seconds } : { amount: run.requests };
  const seconds = 'seconds' in run ? run.seconds : perTargetRun;
  // From the start to the last response: autocannon reports a fixed number of requests only on its next one-second tick.
  const started = performance.now();
  let lastResponseAt = started;
  return new Promise<{ result: autocannon.Result; latencies: Float64Array; activeMs: number }>((resolveRun, reject) => {
    const instance = autocannon({ url, connections: settings.connections, ...length, headers, timeout: 10 }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolveRun({ result, latencies: times.slice(0, count).sort(), activeMs: lastResponseAt - started });
    });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      lastResponseAt = performance.now();
      if (statusCode < 200 || statusCode > 299) return;
      if (count === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[count++] = responseTime;
    });
    const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  });
}

async function measure(server: Server, target: Target, cookies: Cookies, bytes: number): Promise<RunResult> {
  const url = `${server.origin}${target.path}`;
  const headers = headersFor(target, cookies);
  if (settings.warmupSeconds > 0) await load(url, headers, { seconds: settings.warmupSeconds });
  const before = (await server.usage()).cpu;
  const wallStart = performance.now();
  const { result, latencies, activeMs } = await load(
    url,
    headers,
    settings.totalRequests > 0 ? { requests: Math.ceil(settings.totalRequests / TARGET_COUNT) } : { seconds: settings.durationSeconds },
  );
  const wallMs = performance.now() - wallStart;
  const usage = await server.usage({ gc: true });
  const after = usage.cpu;
  const cpuMs = (after.user - before.user + after.system - before.system) / 1000;
  const completed = result.requests.total;
  const mean = latencies.length ? latencies.reduce((s, v) => s + v, 0) / latencies.length : Number.NaN;
  return {
    name: target.name,
    path: target.path,
    signedIn: target.signedIn,
    note: target.note,
    // A fixed number of requests ends part-way through a second: count over the wall time instead.
    requestsPerSecond: round(settings.totalRequests > 0 ? completed / (activeMs / 1000) : result.requests.average, 1),
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
    latencyMeanMs: round(mean, 2),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    responseBytes: bytes,
    serverCpuMsPerRequest: round(cpuMs / Math.max(1, completed), 3),
    serverCpuShare: round(cpuMs / wallMs, 2),
    serverLiveHeapAfterMb: mb(usage.heapAfterGc ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Writes during the runs (does a signed-in GET write to the database?)

async function writeMarkers(database: BenchDatabase) {
  const { db } = database;
  const [signInSessions, audit, outbox] = await Promise.all([
    db.selectFrom('sign_in_sessions').select(['last_seen_at', 'expires_at']).orderBy('created_at').execute(),
    db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  let engineCounter: number | undefined;
  if (database.engine === 'sqlite') {
    // Changes whenever another connection commits to the file.
    const row = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
    engineCounter = Number(row.rows[0]?.data_version);
  }
  return { signInSessions, auditEvents: Number(audit.n), outbox: Number(outbox.n), engineCounter };
}

// ---------------------------------------------------------------------------------------------
// Output

const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

function table(rows: string[][]): string {
  const widths = item(rows, 0).map((_, c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? cell.padEnd(item(widths, c)) : cell.padStart(item(widths, c)))).join('  ');
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function printCensus(census: CensusEntry[]) {
  console.log('\nQuery census (one request, in-process; each statement timed alone):');
  for (const entry of census) {
    console.log(
      `  ${entry.name} ${entry.path}: ${entry.queries.length} statements, ${entry.writes} writes, ≈${entry.dbMsPerRequest} ms in the database, ${entry.inProcessMsPerRequest} ms for the whole request in-process`,
    );
    for (const q of entry.queries) {
      console.log(`    ${(q.meanMs === null ? 'write' : `${q.meanMs.toFixed(3)} ms`).padStart(9)}  ${q.sql.slice(0, 120)}${q.sql.length > 120 ? '…' : ''}`);
      for (const line of q.plan ?? []) console.log(`               | ${line}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const runStarted = new Date();
  const benchRssBefore = process.memoryUsage().rss;
  const databaseUrl = process.env.DATABASE_URL || undefined;
  console.log(
    `Waymark benchmark: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.totalRequests > 0 ? `${Math.ceil(settings.totalRequests / TARGET_COUNT)} requests` : `${settings.durationSeconds} s`} per route, ${settings.built ? 'the built server (dist)' : 'the TypeScript sources'}, on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
  );
  const entry = settings.built ? buildOnce() : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'waymark-bench-data-'));

  const database = await createBenchDatabase(databaseUrl);
  let server: Server | undefined;
  const cleanup = async () => {
    await server?.stop().catch(() => undefined);
    await database.destroy().catch((error) => console.error(`could not remove the benchmark database: ${error}`));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const watchdog = setTimeout(() => {
    console.error(`Benchmark took longer than ${budgetMs / 1000} s: stopping.`);
    void cleanup().finally(() => process.exit(2));
  }, budgetMs);
  watchdog.unref();

  try {
    console.log(`Generating data into ${database.engine === 'sqlite' ? database.url : 'a throwaway PostgreSQL database'}…`);
    const summary: GenerateSummary = await generate(database.db, database.engine);
    console.log(
      `  ${summary.schools} schools, ${summary.people} staff (${summary.activePeople} active), ${Object.values(summary.roleGrants).reduce((a, b) => a + b, 0)} role grants in ${summary.milliseconds} ms (${summary.insertStatements} INSERT statements, largest ${summary.largestStatementParameters} parameters)`,
    );

    const seed = await seedPages(database.db, summary.organisationId);
    console.log(`  a programme, a cohort of ${seed.rosterSize} enrolled participants and a closed 360 round for ${seed.participant.name}`);
    // BENCH_ONLY=roster,report-360: only those routes (and the two /health runs they are compared with).
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    const all = targetsFor(seed);
    if (all.length !== TARGET_COUNT) throw new Error(`TARGET_COUNT is ${TARGET_COUNT} but there are ${all.length} targets`);
    const targets = only ? all.filter((t) => only.includes(t.name) || t.name.startsWith('health')) : all;
    const viewers: Record<Viewer, { email: string; password: string }> = { admin: BENCH_ADMIN, lead: seed.lead, participant: seed.participant };

    server = entry ? await startBuiltServer(entry, database.url, dataDir) : await startServer(database.url);
    console.log(
      `Serving ${server.kind === 'built' ? 'the build' : 'the sources'} on ${server.origin} (pid ${server.child.pid})${server.coldStartMs === undefined ? '' : `: first response ${server.coldStartMs.toFixed(0)} ms after starting the process`}`,
    );
    const cookies: Cookies = {
      admin: await signIn(server.origin, viewers.admin),
      lead: await signIn(server.origin, viewers.lead),
      participant: await signIn(server.origin, viewers.participant),
    };
    const checks = new Map<string, Awaited<ReturnType<typeof check>>>();
    for (const target of targets) checks.set(target.name, await check(server.origin, target, cookies));
    const whole = checks.get('directory')?.total;
    if (!settings.nothingRendered && checks.has('directory') && whole !== summary.activePeople)
      throw new Error(`the directory shows ${whole} people, expected ${summary.activePeople}`);
    const usageBefore = await server.usage({ gc: true });
    const serverBefore = usageBefore.memory;
    const loadAveragesBefore = loadavg();
    const [loadBefore = 0] = loadAveragesBefore;
    if (loadBefore > 1.5)
      console.warn(
        `Warning: the 1-minute load average is ${loadBefore.toFixed(2)} before the runs: other work on this machine will lower req/s (server CPU ms per request is less affected).`,
      );
    const writesBefore = await writeMarkers(database);

    const runs: RunResult[] = [];
    for (const target of targets) {
      process.stdout.write(`  ${target.name.padEnd(18)} ${target.path} …`);
      const result = await measure(server, target, cookies, checks.get(target.name)?.bytes ?? 0);
      const matching = checks.get(target.name)?.total;
      if (matching !== undefined) result.matchingPeople = matching;
      runs.push(result);
      process.stdout.write(
        ` ${result.requestsPerSecond} req/s, ${result.serverCpuMsPerRequest} CPU ms/req${server.kind === 'sources' ? `, live heap ${result.serverLiveHeapAfterMb} MB` : ''}, load ${loadavg()[0]?.toFixed(2)}\n`,
      );
    }

    const usageAfter = await server.usage({ gc: true });
    const serverAfter = usageAfter.memory;
    const loadAveragesAfter = loadavg();
    const [loadAfter = 0] = loadAveragesAfter;
    const coldStartMs = server.coldStartMs;
    const serverKind = server.kind;
    const writesAfter = await writeMarkers(database);
    await server.stop();
    server = undefined;

    const census: CensusEntry[] = [];
    for (const viewer of ['admin', 'lead', 'participant'] as const) {
      const mine = targets.filter((t) => (t.viewer ?? 'admin') === viewer);
      if (mine.length)
        census.push(...(await queryCensus(database.db, database.engine, viewers[viewer], mine, { iterations: database.engine === 'sqlite' ? 300 : 150 })));
    }
    census.sort((a, b) => targets.findIndex((t) => t.name === a.name) - targets.findIndex((t) => t.name === b.name));

    // A sign-in session last seen six minutes ago: the next signed-in request should refresh last_seen_at once.
    const refresh = await queryCensus(database.db, database.engine, BENCH_ADMIN, [{ name: 'health-signed-in', path: '/health', signedIn: true }], {
      iterations: 1,
      beforeRecording: async () => {
        await database.db
          .updateTable('sign_in_sessions')
          .set({ last_seen_at: new Date(Date.now() - 6 * 60_000).toISOString() })
          .execute();
      },
    });

    const trivial = runs.find((r) => r.name === 'health') as RunResult;
    const ratios = Object.fromEntries(
      runs.filter((r) => r.name !== 'health').map((r) => [`${r.name}/health`, round(r.requestsPerSecond / trivial.requestsPerSecond, 4)]),
    );
    const failed = runs.filter((r) => r.non2xx > 0 || r.errors > 0);

    console.log(
      `\n${summary.people} staff, ${summary.schools} schools, ${database.engine}, ${serverKind === 'built' ? 'built server' : 'sources (tsx)'}; ${settings.connections} connections × ${settings.totalRequests > 0 ? `${Math.ceil(settings.totalRequests / TARGET_COUNT)} requests` : `${settings.durationSeconds} s`} each, after ${settings.warmupSeconds} s warm-up\n`,
    );
    if (settings.nothingRendered)
      console.log(
        'Nothing rendered: every page did its work (session, statements, services) but wrote no HTML. Its share of /health is the most that any rendering could reach.\n',
      );
    // The issue's targets: every signed-in page at ≥ 15 % of /health (SQLite) or ≥ 8 % (PostgreSQL), p99 ≤ 50 ms.
    const floor = database.engine === 'sqlite' ? 0.15 : 0.08;
    const verdict = (r: RunResult) => {
      if (!r.signedIn || r.name === 'health-signed-in') return '';
      const share = r.requestsPerSecond / trivial.requestsPerSecond;
      return `${share >= floor ? 'share ok' : 'share LOW'}, ${r.latencyP99Ms <= 50 ? 'p99 ok' : 'p99 HIGH'}`;
    };
    console.log(
      table([
        ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failed', 'bytes', 'CPU ms/req', 'vs /health', `target (≥ ${floor * 100} %, p99 ≤ 50)`],
        ...runs.map((r) => [
          `${r.name} ${r.path}`,
          r.requestsPerSecond.toFixed(1),
          r.latencyP50Ms.toFixed(2),
          r.latencyP99Ms.toFixed(2),
          String(r.requests),
          String(r.non2xx + r.errors),
          String(r.responseBytes),
          r.serverCpuMsPerRequest.toFixed(3),
          r.name === 'health' ? '1' : (r.requestsPerSecond / trivial.requestsPerSecond).toFixed(3),
          verdict(r),
        ]),
      ]),
    );
    const signedInTrivial = runs.find((r) => r.name === 'health-signed-in');
    const signedInCpuRatio = signedInTrivial ? round(signedInTrivial.serverCpuMsPerRequest / trivial.serverCpuMsPerRequest, 2) : undefined;
    console.log(
      `\nSigned-in /health costs ${signedInCpuRatio}× the CPU of signed-out /health (${signedInTrivial?.serverCpuMsPerRequest} against ${trivial.serverCpuMsPerRequest} ms; target ≤ 2×).`,
    );
    const search = runs.find((r) => r.name === 'directory-search');
    if (!settings.nothingRendered) console.log(`\n“${COMMON_SURNAME_FRAGMENT}” matches ${search?.matchingPeople} of ${summary.activePeople} active staff.`);
    const totalServed = runs.reduce((s, r) => s + r.requests, 0);
    console.log(
      `Server RSS (${serverKind === 'built' ? 'the build' : 'the sources through tsx'}): ${mb(serverBefore.rss)} MB before the runs, ${mb(serverAfter.rss)} MB after ${totalServed} requests (target ≤ 150 MB)` +
        (serverKind === 'sources'
          ? ` (heap used ${mb(serverBefore.heapUsed ?? 0)} → ${mb(serverAfter.heapUsed ?? 0)} MB; live heap after a full GC ${mb(usageBefore.heapAfterGc ?? 0)} → ${mb(usageAfter.heapAfterGc ?? 0)} MB)`
          : '') +
        `. Benchmark process RSS: ${mb(benchRssBefore)} → ${mb(process.memoryUsage().rss)} MB.`,
    );
    if (coldStartMs !== undefined) console.log(`Cold start of the built server to its first response: ${coldStartMs.toFixed(0)} ms (target < 1,000 ms).`);
    const sessionTouched = JSON.stringify(writesBefore.signInSessions) !== JSON.stringify(writesAfter.signInSessions);
    const committed = writesBefore.engineCounter !== undefined ? writesBefore.engineCounter !== writesAfter.engineCounter : undefined;
    console.log(
      `Writes during ${runs.reduce((s, r) => s + r.requests, 0)} requests: sign-in session row ${sessionTouched ? 'changed' : 'unchanged'}, audit events ${writesBefore.auditEvents} → ${writesAfter.auditEvents}, outbox ${writesBefore.outbox} → ${writesAfter.outbox}` +
        (committed === undefined ? '' : `, SQLite commits by the server: ${committed ? 'yes' : 'none'}`),
    );
    console.log(
      `After 6 idle minutes, one signed-in request makes ${item(refresh, 0).writes} write(s): ${
        item(refresh, 0)
          .queries.filter((q) => q.kind !== 'select')
          .map((q) => q.sql.slice(0, 60))
          .join('; ') || 'none'
      }`,
    );
    const averages = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    console.log(`Load average (1 / 5 / 15 min): ${averages(loadAveragesBefore)} before the runs, ${averages(loadAveragesAfter)} after.`);
    printCensus(census);

    const output = {
      generatedAt: runStarted.toISOString(),
      engine: database.engine,
      node: process.version,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: round(totalmem() / 1024 ** 3, 1),
        loadAverageBefore: round(loadBefore, 2),
        loadAverageAfter: round(loadAfter, 2),
        loadAveragesBefore: loadAveragesBefore.map((v) => round(v, 2)),
        loadAveragesAfter: loadAveragesAfter.map((v) => round(v, 2)),
      },
      server: serverKind,
      coldStartMs: coldStartMs === undefined ? undefined : round(coldStartMs, 0),
      signedInCpuRatio,
      settings,
      // Memory experiments: the flags the built server ran with, if any (their results go to their own file).
      serverNodeFlags: serverNodeFlags || undefined,
      dataset: {
        schools: summary.schools,
        people: summary.people,
        activePeople: summary.activePeople,
        roleGrants: summary.roleGrants,
        generateMs: summary.milliseconds,
        insertStatements: summary.insertStatements,
      },
      runs,
      ratios,
      memory: {
        serverRssBeforeMb: mb(serverBefore.rss),
        serverRssAfterMb: mb(serverAfter.rss),
        serverHeapUsedBeforeMb: serverBefore.heapUsed === undefined ? undefined : mb(serverBefore.heapUsed),
        serverHeapUsedAfterMb: serverAfter.heapUsed === undefined ? undefined : mb(serverAfter.heapUsed),
        serverLiveHeapAfterGcBeforeMb: mb(usageBefore.heapAfterGc ?? 0),
        serverLiveHeapAfterGcAfterMb: mb(usageAfter.heapAfterGc ?? 0),
        benchRssBeforeMb: mb(benchRssBefore),
        benchRssAfterMb: mb(process.memoryUsage().rss),
      },
      writesDuringRuns: {
        sessionRowChanged: sessionTouched,
        auditEvents: writesAfter.auditEvents - writesBefore.auditEvents,
        outbox: writesAfter.outbox - writesBefore.outbox,
        sqliteCommits: committed,
      },
      writesAfterSixIdleMinutes: item(refresh, 0).writes,
      queryCensus: census,
    };
    const resultsDir = join(here, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const json = `${JSON.stringify(output, null, 2)}\n`;
    writeFileSync(join(resultsDir, 'latest.json'), json);
    const named = `${database.engine}${settings.built ? '-built' : ''}${settings.nothingRendered ? '-nothing-rendered' : ''}${settings.totalRequests > 0 ? `-${settings.totalRequests}` : ''}${serverNodeFlags ? '-flags' : ''}.json`;
    writeFileSync(join(resultsDir, named), json);
    console.log(`\nWrote bench/results/latest.json and bench/results/${named}`);
    if (failed.length) {
      console.error(`Some requests failed: ${failed.map((r) => `${r.name} (${r.non2xx} non-2xx, ${r.errors} errors)`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
