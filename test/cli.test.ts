import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/database';
import { connectDatabase } from '../src/platform/db/connect';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
// A clean environment: Vitest puts Vite's own variables (BASE_URL=/ among them) into process.env.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  DATABASE_URL: join(dir, 'cli.sqlite'),
  DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
};

function waymark(...args: string[]) {
  return waymarkOn(env.DATABASE_URL, ...args);
}

/** The command on a database of the test's own, so that no test depends on another having run. */
function waymarkOn(database: string, ...args: string[]) {
  return run(process.execPath, ['bin/waymark.js', ...args], {
    env: { ...env, DATABASE_URL: database, WAYMARK_ADMIN_PASSWORD: 'a long admin password' },
    timeout: 120_000,
  });
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each command is a new Node process that compiles TypeScript as it starts (2–3 s when the machine
// is idle, far longer on a busy two-core one), and the first test runs five: a generous limit.
describe('the waymark command', { timeout: 300_000 }, () => {
  it('migrates, creates an organisation admin, imports staff, and refuses the demo on a database with data', async () => {
    expect((await waymark('migrate')).stdout).toContain('Applied: 2026_11_24_1400_foundation');
    expect((await waymark('migrate')).stdout).toContain('The database is up to date.');
    const admin = await waymark(
      'create-admin',
      '--org',
      'Fenland Schools Trust',
      '--email',
      'Head@Fenland.example.org',
      '--given',
      'Ruth',
      '--family',
      'Adebayo',
    );
    expect(admin.stdout).toContain('Head@Fenland.example.org is now an organisation admin of Fenland Schools Trust (new organisation).');
    const file = join(dir, 'staff.csv');
    writeFileSync(
      file,
      'Forename,Surname,Email,Staff Type\r\nMina,Patel,mina.patel@fenland.example.org,Teacher\r\nOwen,Clarke,owen.clarke@fenland.example.org,Support\r\n',
    );
    const imported = await waymark('import-staff', file);
    expect(imported.stdout).toMatch(/2 added/);
    const db = connectDatabase<Database>(env.DATABASE_URL);
    const people = await db.selectFrom('people').select(['email_normalised', 'staff_type']).orderBy('email_normalised').execute();
    const grants = await db.selectFrom('role_grants').select('role').execute();
    await db.destroy();
    expect(people).toEqual([
      { email_normalised: 'head@fenland.example.org', staff_type: 'associate' },
      { email_normalised: 'mina.patel@fenland.example.org', staff_type: 'teaching' },
      { email_normalised: 'owen.clarke@fenland.example.org', staff_type: 'associate' },
    ]);
    expect(grants).toEqual([{ role: 'org_admin' }]);
    expect((await waymark('seed-demo')).stdout).toContain('already has data');
  });

  it('create-admin never quietly does nothing, and never makes a second organisation from a typo', async () => {
    const failure = (error: { code: number; stderr: string; stdout: string }) => error;
    const database = join(dir, 'create-admin.sqlite');
    await waymarkOn(
      database,
      'create-admin',
      '--org',
      'Fenland Schools Trust',
      '--email',
      'head@fenland.example.org',
      '--given',
      'Ruth',
      '--family',
      'Adebayo',
    );
    // No terminal to ask at (as under a script), and something missing: it says what, and fails.
    const missing = await run(process.execPath, ['bin/waymark.js', 'create-admin', '--org', 'Fenland Schools Trust', '--email', 'a@fenland.example.org'], {
      env: { ...env, DATABASE_URL: database },
      timeout: 120_000,
    }).catch(failure);
    expect('code' in missing && missing.code).toBe(1);
    expect(missing.stderr).toContain('Nothing was created: without a terminal to ask at, give --given, --family, WAYMARK_ADMIN_PASSWORD');
    // A typo in --org is refused while other organisations exist, listing them.
    const typo = await waymarkOn(
      database,
      'create-admin',
      '--org',
      'Fenland School Trust',
      '--email',
      'b@fenland.example.org',
      '--given',
      'Bo',
      '--family',
      'Lee',
    ).catch(failure);
    expect('code' in typo && typo.code).toBe(1);
    expect(typo.stderr).toContain('No organisation is called “Fenland School Trust”, so nothing was created.');
    expect(typo.stderr).toContain('  Fenland Schools Trust');
    const created = await waymarkOn(
      database,
      'create-admin',
      '--org',
      'Marshland Academies',
      '--new-organisation',
      '--email',
      'c@marsh.example.org',
      '--given',
      'Cy',
      '--family',
      'Ng',
    );
    expect(created.stdout).toContain('(new organisation)');
    const listed = (await waymarkOn(database, 'organisations')).stdout.trim().split('\n');
    expect(listed.map((line) => line.replace(/^\S+\s+/, ''))).toEqual(['Fenland Schools Trust', 'Marshland Academies']);
    // With two organisations the import must be told which; a file whose every row is refused fails.
    const marshland = listed.find((line) => line.endsWith('Marshland Academies'))?.split(/\s+/)[0] ?? '';
    const rejected = join(dir, 'rejected.csv');
    writeFileSync(rejected, 'Forename,Surname,Email,Staff Type\r\nDee,Ray,not-an-email,Teacher\r\n');
    const unnamed = await waymarkOn(database, 'import-staff', rejected).catch(failure);
    expect('code' in unnamed && unnamed.code).toBe(1);
    expect(unnamed.stderr).toContain('say which with --org-id ID (waymark organisations lists them)');
    const refused = await waymarkOn(database, 'import-staff', rejected, '--org-id', marshland).catch(failure);
    expect('code' in refused && refused.code).toBe(1);
    expect(refused.stdout).toContain('0 added, 0 updated, 0 unchanged, 1 rejected');
    expect(refused.stderr).toContain('Every row was rejected, so nothing was imported.');
    const db = connectDatabase<Database>(database);
    expect(
      await db.selectFrom('people').select('email_normalised').where('email_normalised', 'in', ['a@fenland.example.org', 'b@fenland.example.org']).execute(),
    ).toEqual([]);
    await db.destroy();
  });

  it('refuses the demo in production, where its published password would open real accounts', async () => {
    const production = {
      ...env,
      NODE_ENV: 'production',
      BASE_URL: 'https://waymark.example.org',
      SMTP_URL: 'smtp://mail.example.org:25',
      SIGNING_KEYS_SECRET: 'an-example-secret-of-at-least-32-characters',
    };
    for (const command of ['seed-demo', 'demo']) {
      const failed = await run(process.execPath, ['bin/waymark.js', command], { env: production, timeout: 120_000 }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect('code' in failed && failed.code, command).toBe(1);
      expect((failed as { stderr: string }).stderr).toContain('The demo is never run in production');
    }
  });

  it('serve stops cleanly on SIGTERM, as a service manager sends it: the worker and database close and it exits 0', async () => {
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const child = spawn(process.execPath, ['bin/waymark.js', 'serve'], {
      env: { ...env, DATABASE_URL: join(dir, 'serve.sqlite'), PORT: port, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    for (let waited = 0; !output.includes('Waymark is listening') && waited < 240_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
    expect(output).toContain('Waymark is listening');
    // BASE_URL is unset, so emailed links, QR codes and calendar links use the port it listens on.
    expect(output).toContain(`"baseUrl":"http://localhost:${port}"`);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
    expect(output).toContain('"msg":"stopped"');
  });

  it('refuses a database that says "up to date" but lacks tables its migrations define (a migration edited after it ran)', async () => {
    const database = join(dir, 'incomplete.sqlite');
    await waymarkOn(database, 'migrate');
    const db = connectDatabase<Database>(database);
    await sql`drop table audit_events`.execute(db);
    await db.destroy();
    for (const command of ['migrate', 'serve']) {
      const failed = await waymarkOn(database, command).catch((error: { code: number; stderr: string }) => error);
      expect('code' in failed && failed.code, command).toBe(1);
      expect((failed as { stderr: string }).stderr).toContain(
        'The database does not match what this release’s migrations define:\n  - Table audit_events is missing.',
      );
    }
  });

  it('a bad setting stops it with a message naming the setting', async () => {
    const failed = await run(process.execPath, ['bin/waymark.js', 'migrate'], { env: { ...env, PORT: 'eighty' } }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('PORT');
  });

  it('an unknown command lists the commands', async () => {
    const failed = await waymark('frobnicate').catch((error: { stderr: string }) => error);
    expect((failed as { stderr: string }).stderr).toContain('Unknown command "frobnicate"');
  });
});
