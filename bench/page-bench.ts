// What the page benchmarks (projects, mentoring, careers, verification, record) share: the benchmark server
// as a child process on 127.0.0.1, signing in as the benchmark's admin, one autocannon run with a time
// limit, and a run of each route in turn with the server's CPU per request.
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_ADMIN, type BenchDatabase, createBenchDatabase } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export interface BenchServer {
  child: ChildProcess;
  origin: string;
}

/**
 * BENCH_NOTHING_RENDERED=1: the server renders no HTML (bench/nothing-rendered/), so a page costs
 * only its own work (session, statements, services): its share of the trivial route is then the
 * most any rendering could reach. The pages' content checks are skipped; their status is not.
 */
export const nothingRendered = process.env.BENCH_NOTHING_RENDERED === '1';

/** The results file of a page benchmark: `<name>-<engine>.json`, or `…-nothing-rendered.json`. */
export function resultsFile(name: string, engine: string): string {
  return `${name}-${engine}${nothingRendered ? '-nothing-rendered' : ''}.json`;
}

/** Starts bench/server.ts on the database; refuses anything but 127.0.0.1. */
export function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  const entry = nothingRendered ? join(here, 'nothing-rendered/server.ts') : join(here, 'server.ts');
  if (nothingRendered) console.log('Nothing rendered: each page does its work but writes no HTML (the ceiling of its share).');
  const child = fork(join(root, 'bin/run-ts.js'), [entry], {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": Node flags for the server alone (a CPU profile, say).
    execArgv: [...process.execArgv, ...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
    cwd: root,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
    child.on('message', (message: { type?: string; origin?: string }) => {
      if (message?.type !== 'listening' || !message.origin) return;
      clearTimeout(timer);
      if (new URL(message.origin).hostname !== '127.0.0.1') {
        child.kill();
        reject(new Error('refusing to benchmark anything but 127.0.0.1'));
        return;
      }
      resolveServer({ child, origin: message.origin });
    });
  });
}

/** Signs in as the benchmark's admin and returns the session cookie. */
export async function signInAsBenchAdmin(origin: string): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, {
    method: 'POST',
    // The server's BASE_URL is the https form of its address (bench/server.ts), and forms are accepted only from there.
    headers: { origin: origin.replace(/^http:/, 'https:'), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_session='))
    ?.split(';')[0];
  if (!cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return cookie;
}

/** One autocannon run, stopped 15 s after its planned end if it hangs. */
export function load(url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<autocannon.Result> {
  return new Promise((resolveRun, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers, timeout: 10 }, (error, result) => {
      clearTimeout(guard);
      if (error) reject(error);
      else resolveRun(result);
    });
    const guard = setTimeout(() => instance.stop(), (seconds + 15) * 1000);
  });
}

/** The benchmark server's CPU time so far (user + system), in milliseconds. */
export function serverCpuMs(server: BenchServer): Promise<number> {
  return new Promise((resolveUsage, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not report its usage within 10 s')), 10_000);
    const onMessage = (message: { type?: string; cpu?: NodeJS.CpuUsage }) => {
      if (message?.type !== 'usage' || !message.cpu) return;
      clearTimeout(timer);
      server.child.off('message', onMessage);
      resolveUsage((message.cpu.user + message.cpu.system) / 1000);
    };
    server.child.on('message', onMessage);
    server.child.send({ type: 'usage' });
  });
}

export interface PageTarget {
  name: string;
  path: string;
  headers?: Record<string, string>;
}

export interface PageRun {
  name: string;
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  /** The server's CPU time per request (user + system): less sensitive to other load than req/s. */
  serverCpuMsPerRequest: number;
  /** The machine's 1, 5 and 15 minute load averages as the run started. */
  loadAverage: number[];
}

/** Each target in turn on the same server, with the same settings: a warm-up, then the measured run. */
export async function measureTargets(
  server: BenchServer,
  targets: readonly PageTarget[],
  settings: { warmup: number; duration: number; connections: number },
): Promise<PageRun[]> {
  const runs: PageRun[] = [];
  for (const t of targets) {
    const url = `${server.origin}${t.path}`;
    const headers = t.headers ?? {};
    if (settings.warmup > 0) await load(url, headers, settings.warmup, settings.connections);
    const cpuBefore = await serverCpuMs(server);
    const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
    const r = await load(url, headers, settings.duration, settings.connections);
    const cpu = (await serverCpuMs(server)) - cpuBefore;
    runs.push({
      name: t.name,
      path: t.path,
      requestsPerSecond: Math.round(r.requests.average),
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      non2xx: r.non2xx,
      serverCpuMsPerRequest: Math.round((cpu / Math.max(1, r.requests.total)) * 100) / 100,
      loadAverage,
    });
  }
  return runs;
}

/** Stops the benchmark server (asks, then kills it after 5 s). */
export async function stopBenchServer(server: BenchServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.send({ type: 'stop' });
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  server.child.kill('SIGKILL');
}

/**
 * Runs one page benchmark in a throwaway database with a watchdog: whatever happens inside `run`
 * (a failure, or the watchdog's `seconds` running out), the server it started is stopped and the
 * database removed. `start` starts the benchmark server on that database.
 */
export async function runPageBench(
  name: string,
  seconds: number,
  run: (database: BenchDatabase, start: () => Promise<BenchServer>) => Promise<void>,
): Promise<void> {
  const database = await createBenchDatabase(process.env.DATABASE_URL);
  let server: BenchServer | undefined;
  const watchdog = setTimeout(() => {
    console.error(`${name} benchmark took too long: stopping`);
    server?.child.kill('SIGKILL');
    void database.destroy().finally(() => process.exit(3));
  }, seconds * 1000);
  try {
    await run(database, async () => {
      server = await startBenchServer(database.url);
      return server;
    });
  } finally {
    clearTimeout(watchdog);
    await stopBenchServer(server);
    await database.destroy();
  }
}
