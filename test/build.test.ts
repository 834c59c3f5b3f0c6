// The production build: `npm run build` compiles the server once, and the compiled server serves
// pages, the stylesheet and the browser assets without TypeScript or Sass at run time.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
// Inside the repository (tmp/ is ignored by git) so that the build's imports find node_modules.
const out = join('tmp', `build-test-${process.pid}`);
const data = mkdtempSync(join(tmpdir(), 'waymark-build-'));
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATABASE_URL: join(data, 'built.sqlite'),
  DATA_DIR: data,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
};

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe('the production build', { timeout: 300_000 }, () => {
  it('compiles to one JavaScript file that serves pages and assets with no TypeScript loader', async () => {
    await run(process.execPath, ['scripts/build.js', '--out', out], { timeout: 240_000 });
    const bundle = readFileSync(join(out, 'waymark.js'), 'utf8');
    expect(bundle).not.toMatch(/from ["']tsx/);
    expect(bundle).not.toMatch(/\.tsx?["']\)/);
    // The pure JavaScript packages the server loads as it starts are in that one file (a cold start reads
    // one file rather than hundreds of modules); only native addons and the logger come from node_modules.
    const loadedAtStart = [...bundle.matchAll(/^import [^;]*? from "([^".][^"]*)";$/gm)].map((m) => m[1]).filter((name) => !name?.startsWith('node:'));
    expect(new Set(loadedAtStart)).toEqual(new Set(['better-sqlite3', '@node-rs/argon2', 'pino']));
    expect(existsSync(join(out, 'assets/app.css'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'build.json'), 'utf8')).sources).toMatch(/^[0-9a-f]{32}$/);
    // The tables the migrations define, worked out once by the build for the start-up schema check.
    const shape = JSON.parse(readFileSync(join(out, 'schema-shape.json'), 'utf8')) as { migrations: string[]; tables: Record<string, string[]> };
    expect(shape.migrations.length).toBeGreaterThan(40);
    expect(shape.tables.people).toContain('email');

    await run(process.execPath, [join(out, 'waymark.js'), 'migrate'], { env, timeout: 120_000 });
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const server = spawn(process.execPath, [join(out, 'waymark.js'), 'serve'], {
      env: { ...env, PORT: port, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      for (let waited = 0; !output.includes('Waymark is listening') && waited < 120_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      const base = `http://127.0.0.1:${port}`;
      const signIn = await fetch(`${base}/sign-in`);
      expect(signIn.status).toBe(200);
      expect(await signIn.text()).toContain('Sign in');
      const css = await fetch(`${base}/assets/app.css`);
      expect(css.status).toBe(200);
      expect(await css.text()).toContain('.govuk-header');
      expect((await fetch(`${base}/assets/waymark.svg`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
    }

    // The shipped shape still catches a database that lacks a table: the built server will not run on it.
    const database = new Database(env.DATABASE_URL);
    database.exec('drop table careers_vacancy_roles');
    database.close();
    const refused = await run(process.execPath, [join(out, 'waymark.js'), 'serve'], { env: { ...env, PORT: port }, timeout: 60_000 }).then(
      () => ({ stderr: '', code: 0 }),
      (error: { stderr: string; code: number }) => error,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Table careers_vacancy_roles is missing.');
  });
});
