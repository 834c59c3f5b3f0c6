// What the page benchmarks (projects, mentoring) share: the benchmark server as a child process on
// 127.0.0.1, signing in as the benchmark's admin, and one autocannon run with a time limit.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BENCH_ADMIN } from './generate';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

export interface BenchServer {
  child: ChildProcess;
  origin: string;
}

/** Starts bench/server.ts on the database; refuses anything but 127.0.0.1. */
export function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  const child = fork(join(root, 'bin/run-ts.js'), [join(here, 'server.ts')], {
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
