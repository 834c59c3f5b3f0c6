import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
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
  return run(process.execPath, ['bin/waymark.js', ...args], { env: { ...env, WAYMARK_ADMIN_PASSWORD: 'a long admin password' }, timeout: 120_000 });
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
