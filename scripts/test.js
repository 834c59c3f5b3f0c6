#!/usr/bin/env node
// `npm test`: the type checker and Biome, then the unit and HTTP suite (vitest.config.ts), then the browser
// suite (vitest.browser.config.ts) when Chromium is available. See docs/testing.md.
//
// - TEST_DATABASE_URL=postgres://… also runs every database test on PostgreSQL.
// - Chromium at /usr/bin/chromium (or CHROMIUM_PATH) runs the browser suite; BROWSER_TESTS=1 insists.
// - CI=true makes both required: a missing or unreachable one fails the run before any test.
// Arguments after `npm test --` go to both vitest runs (for example a file filter).
// The last line printed is always `N passed, N failed[, N skipped]`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const vitestBin = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');

const isCi = /^(1|true)$/i.test(process.env.CI ?? '');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const databaseUrl = process.env.TEST_DATABASE_URL ?? '';
const extraArgs = process.argv.slice(2);

/** The URL with any password hidden, for messages. */
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a valid URL)';
  }
}

/** Connects to TEST_DATABASE_URL; returns an error message, or null when it works and may create databases. */
async function checkPostgres(url) {
  if (!/^postgres(ql)?:\/\//.test(url)) return `TEST_DATABASE_URL must be a postgres:// URL (got ${redact(url)}).`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT rolsuper OR rolcreatedb AS can_create FROM pg_roles WHERE rolname = current_user');
    if (!rows[0]?.can_create) return `PostgreSQL at ${redact(url)} is reachable, but its user may not create databases (each test file makes its own).`;
    return null;
  } catch (error) {
    return `PostgreSQL at ${redact(url)} is not reachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function fail(lines) {
  console.error(['', '✗ The tests cannot run:', ...lines.map((l) => `  - ${l}`), ''].join('\n'));
  process.exit(1);
}

// ---- What can run here ----------------------------------------------------------------
const problems = [];
const skipped = [];
const chromiumPresent = existsSync(chromiumPath);
const runBrowser = chromiumPresent || process.env.BROWSER_TESTS === '1' || isCi;

if (databaseUrl) {
  const problem = await checkPostgres(databaseUrl);
  if (problem) problems.push(`${problem}\n    Start PostgreSQL, or unset TEST_DATABASE_URL to test on SQLite only.`);
} else if (isCi) {
  problems.push(
    'TEST_DATABASE_URL is not set, but CI must test on PostgreSQL too (e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test). `bash .ci/run` sets it up.',
  );
} else {
  skipped.push('PostgreSQL runs of the database tests (set TEST_DATABASE_URL=postgres://user@host:5432/db)');
}

if (!chromiumPresent) {
  if (isCi) problems.push(`Chromium is not installed at ${chromiumPath}, but CI must run the browser suite. Install it with: apt-get install -y chromium`);
  else if (process.env.BROWSER_TESTS === '1')
    problems.push(`BROWSER_TESTS=1 but Chromium is not installed at ${chromiumPath}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  else skipped.push(`the browser suite (install Chromium: apt-get install -y chromium)`);
}

if (problems.length > 0) fail(problems);
if (skipped.length > 0) console.log(`Note: skipped ${skipped.join('; and ')}.`);

// ---- Running the suites ---------------------------------------------------------------
const reportDir = mkdtempSync(join(tmpdir(), 'waymark-test-'));
let child;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child?.kill(signal);
    rmSync(reportDir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** Runs one vitest suite with the default reporter on screen and a JSON report on the side. */
function runSuite(name, configFile, engines) {
  const report = join(reportDir, `${name.replace(/\W+/g, '-')}.json`);
  const args = [
    vitestBin,
    'run',
    '--config',
    configFile,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...(extraArgs.length ? ['--passWithNoTests', ...extraArgs] : []),
  ];
  console.log(`\n▶ ${name} (${engines})\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => {
      child = undefined;
      const seconds = (Date.now() - started) / 1000;
      const counts = { passed: 0, failed: 0, skipped: 0 };
      let note = '';
      try {
        const json = JSON.parse(readFileSync(report, 'utf8'));
        counts.passed = json.numPassedTests;
        counts.failed = json.numFailedTests;
        counts.skipped = json.numPendingTests + json.numTodoTests;
        // A file that fails before its tests run (an import error) has no failed test of its own.
        const brokenFiles = json.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'));
        if (brokenFiles.length) {
          counts.failed += brokenFiles.length;
          note = ` (including ${brokenFiles.length} test ${brokenFiles.length === 1 ? 'file' : 'files'} that failed to run)`;
        }
      } catch {
        note = ' (vitest wrote no report)';
      }
      const ok = code === 0;
      // Unhandled errors fail the run without failing a test: count them, so "0 failed" never hides a failure.
      if (!ok && counts.failed === 0) {
        counts.failed = 1;
        note += ` (vitest exited with ${signal ?? `code ${code}`}: see the errors above)`;
      }
      resolve({ name, ok, seconds, counts, note });
    });
  });
}

/** Runs a checking command (not a test suite); it passes or fails as a whole. */
function runCheck(name, command, args) {
  console.log(`\n▶ ${name}\n`);
  const started = Date.now();
  return new Promise((resolve) => {
    child = spawn(process.execPath, [command, ...args], { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code, signal) => {
      child = undefined;
      const ok = code === 0;
      resolve({
        name,
        ok,
        seconds: (Date.now() - started) / 1000,
        counts: { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 },
        note: ok ? '' : ` (exited with ${signal ?? `code ${code}`}: see above)`,
        check: true,
      });
    });
  });
}

const results = [];
// A file filter after `--` runs only those tests, so the whole-project checks are left out then.
if (extraArgs.length === 0) {
  results.push(await runCheck('Type check (tsc --noEmit)', join(dirname(require.resolve('typescript/package.json')), 'bin/tsc'), ['--noEmit', '-p', '.']));
  results.push(
    await runCheck('Lint and format (biome check)', join(dirname(require.resolve('@biomejs/biome/package.json')), 'bin/biome'), [
      'check',
      '--no-errors-on-unmatched',
      '.',
    ]),
  );
}
results.push(await runSuite('Unit and HTTP tests', 'vitest.config.ts', databaseUrl ? 'SQLite and PostgreSQL' : 'SQLite only'));
if (runBrowser) results.push(await runSuite('Browser tests', 'vitest.browser.config.ts', `${chromiumPath}, axe on every page, SQLite`));
rmSync(reportDir, { recursive: true, force: true });

// ---- Summary --------------------------------------------------------------------------
const line = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
console.log('');
for (const r of results)
  console.log(`${r.ok ? '✓' : '✗'} ${r.name}: ${r.check ? (r.ok ? 'clean' : 'problems found') : line(r.counts)} in ${r.seconds.toFixed(1)} s${r.note}`);
if (skipped.length > 0) console.log(`  Skipped: ${skipped.join('; ')}.`);
const total = results
  .filter((r) => !r.check || !r.ok)
  .reduce((sum, r) => ({ passed: sum.passed + r.counts.passed, failed: sum.failed + r.counts.failed, skipped: sum.skipped + r.counts.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
console.log(line(total));
process.exit(results.every((r) => r.ok) ? 0 : 1);
