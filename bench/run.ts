// Load benchmark: generates a 50-school, 5,000-staff trust, serves the real app on 127.0.0.1 (in a
// child process), signs in as an organisation admin over HTTP and runs autocannon against the staff
// directory and a trivial route, one after the other with the same settings.
//
//   npm run bench                                            # SQLite (file in a temp folder)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # throwaway PostgreSQL database
//   npm run bench -- --connections 10 --duration 10 --warmup 2
//
// Prints a table and writes bench/results/latest.json (and bench/results/<engine>.json).
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { BENCH_ADMIN, COMMON_SURNAME_FRAGMENT, createBenchDatabase, generate, type BenchDatabase, type GenerateSummary } from './generate';
import { queryCensus, type CensusEntry } from './profile';
import { item, part } from '../test/support/present';

const here = dirname(fileURLToPath(import.meta.url));
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

const settings = {
  connections: option('connections', 10, 1, 200),
  durationSeconds: option('duration', 10, 1, 120),
  warmupSeconds: option('warmup', 2, 0, 30),
};

interface Target {
  name: string;
  path: string;
  signedIn: boolean;
  note: string;
}

const searchPath = `/staff?q=${encodeURIComponent(COMMON_SURNAME_FRAGMENT)}`;
const targets: Target[] = [
  { name: 'directory', path: '/staff', signedIn: true, note: 'staff directory, first page, whole organisation (org admin)' },
  { name: 'directory-search', path: searchPath, signedIn: true, note: `staff directory searching “${COMMON_SURNAME_FRAGMENT}”` },
  { name: 'health', path: '/health', signedIn: false, note: 'trivial route, no session cookie' },
  { name: 'health-signed-in', path: '/health', signedIn: true, note: 'trivial route with the session cookie: the cost of loading the viewer' },
];

// The whole run is bounded: if anything hangs, the watchdog stops the server and exits.
const perTarget = settings.warmupSeconds + settings.durationSeconds + 15;
const budgetMs = (180 + targets.length * perTarget) * 1000;

// ---------------------------------------------------------------------------------------------
// The server process

interface Server {
  child: ChildProcess;
  origin: string;
  usage(options?: { gc?: boolean }): Promise<{ memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; heapAfterGc?: number }>;
  stop(): Promise<void>;
}

function startServer(databaseUrl: string): Promise<Server> {
  const child = fork(join(root, 'bin/run-ts.js'), [join(here, 'server.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Lets the memory report show the heap after a full collection (live data, not garbage).
    execArgv: [...process.execArgv, '--expose-gc'],
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
        async usage(options = {}) {
          const reply = waitFor<{ memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; heapAfterGc?: number }>('usage', 10_000);
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

// ---------------------------------------------------------------------------------------------
// HTTP helpers

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    headers: { origin: origin.replace(/^http:/, 'https:'), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('waymark_session='));
  if (response.status !== 303 || !cookie) throw new Error(`sign-in failed: HTTP ${response.status}${cookie ? '' : ', no waymark_session cookie'}`);
  return part(cookie, ';', 0);
}

/** Fetches a target once, checks it is a 200, and returns the body size and the "of N people" total. */
async function check(origin: string, target: Target, cookie: string) {
  const response = await fetch(`${origin}${target.path}`, {
    headers: target.signedIn ? { cookie } : {},
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
  const shown = /Showing (\d+) to (\d+) of (\d+) (?:people|person)/.exec(body);
  if (target.path.startsWith('/staff') && !shown) throw new Error(`${target.path} did not show a page of staff`);
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
function load(url: string, headers: Record<string, string>, seconds: number) {
  let times = new Float64Array(1 << 16);
  let count = 0;
  return new Promise<{ result: autocannon.Result; latencies: Float64Array }>((resolveRun, reject) => {
    const instance = autocannon({ url, connections: settings.connections, duration: seconds, headers, timeout: 10 }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolveRun({ result, latencies: times.slice(0, count).sort() });
    });
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
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

async function measure(server: Server, target: Target, cookie: string, bytes: number): Promise<RunResult> {
  const url = `${server.origin}${target.path}`;
  const headers: Record<string, string> = target.signedIn ? { cookie } : {};
  if (settings.warmupSeconds > 0) await load(url, headers, settings.warmupSeconds);
  const before = (await server.usage()).cpu;
  const wallStart = performance.now();
  const { result, latencies } = await load(url, headers, settings.durationSeconds);
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
    requestsPerSecond: round(result.requests.average, 1),
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
    `Waymark benchmark: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s per route, on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
  );

  const database = await createBenchDatabase(databaseUrl);
  let server: Server | undefined;
  const cleanup = async () => {
    await server?.stop().catch(() => undefined);
    await database.destroy().catch((error) => console.error(`could not remove the benchmark database: ${error}`));
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

    server = await startServer(database.url);
    console.log(`Serving on ${server.origin} (pid ${server.child.pid})`);
    const cookie = await signIn(server.origin);
    const checks = new Map<string, Awaited<ReturnType<typeof check>>>();
    for (const target of targets) checks.set(target.name, await check(server.origin, target, cookie));
    const whole = checks.get('directory')?.total;
    if (whole !== summary.activePeople) throw new Error(`the directory shows ${whole} people, expected ${summary.activePeople}`);
    const usageBefore = await server.usage({ gc: true });
    const serverBefore = usageBefore.memory;
    const [loadBefore = 0] = loadavg();
    if (loadBefore > 1.5)
      console.warn(
        `Warning: the 1-minute load average is ${loadBefore.toFixed(2)} before the runs: other work on this machine will lower req/s (server CPU ms per request is less affected).`,
      );
    const writesBefore = await writeMarkers(database);

    const runs: RunResult[] = [];
    for (const target of targets) {
      process.stdout.write(`  ${target.name.padEnd(18)} ${target.path} …`);
      const result = await measure(server, target, cookie, checks.get(target.name)?.bytes ?? 0);
      const matching = checks.get(target.name)?.total;
      if (matching !== undefined) result.matchingPeople = matching;
      runs.push(result);
      process.stdout.write(` ${result.requestsPerSecond} req/s, live heap ${result.serverLiveHeapAfterMb} MB\n`);
    }

    const usageAfter = await server.usage({ gc: true });
    const serverAfter = usageAfter.memory;
    const [loadAfter = 0] = loadavg();
    const writesAfter = await writeMarkers(database);
    await server.stop();
    server = undefined;

    const census = await queryCensus(database.db, database.engine, BENCH_ADMIN, targets, { iterations: database.engine === 'sqlite' ? 300 : 150 });

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
      `\n${summary.people} staff, ${summary.schools} schools, ${database.engine}; ${settings.connections} connections × ${settings.durationSeconds} s each, after ${settings.warmupSeconds} s warm-up\n`,
    );
    console.log(
      table([
        ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'failed', 'bytes', 'CPU ms/req', 'vs /health'],
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
        ]),
      ]),
    );
    const search = runs.find((r) => r.name === 'directory-search');
    console.log(`\n“${COMMON_SURNAME_FRAGMENT}” matches ${search?.matchingPeople} of ${summary.activePeople} active staff.`);
    console.log(
      `Server RSS: ${mb(serverBefore.rss)} MB before the runs, ${mb(serverAfter.rss)} MB after (heap used ${mb(serverBefore.heapUsed)} → ${mb(serverAfter.heapUsed)} MB; live heap after a full GC ${mb(usageBefore.heapAfterGc ?? 0)} → ${mb(usageAfter.heapAfterGc ?? 0)} MB). Benchmark process RSS: ${mb(benchRssBefore)} → ${mb(process.memoryUsage().rss)} MB.`,
    );
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
    console.log(`Load average (1 min): ${loadBefore.toFixed(2)} before the runs, ${loadAfter.toFixed(2)} after.`);
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
      },
      settings,
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
        serverHeapUsedBeforeMb: mb(serverBefore.heapUsed),
        serverHeapUsedAfterMb: mb(serverAfter.heapUsed),
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
    writeFileSync(join(resultsDir, `${database.engine}.json`), json);
    console.log(`\nWrote bench/results/latest.json and bench/results/${database.engine}.json`);
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
