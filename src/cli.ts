import 'dotenv/config';
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { loadConfig, ConfigError, type Config } from './config';
import { features } from './features';
import { anyOrganisationExists, createOrganisation, findOrganisationIdByName, listAllOrganisations } from './features/organisations';
import { createAdmin } from './features/staff';
import { endEverySignInSession } from './features/auth';
import { importStaffFile } from './features/staff-import';
import { loadEstablishmentFile, formatLoadResult } from './features/establishments';
import { systemClock } from './platform/db/clock';
import { migrateToLatest } from './platform/db/migrate';
import { backupSqlite, restoreSqlite } from './platform/db/backup';
import { connectDatabase } from './platform/db/connect';
import { copyDatabase } from './platform/db/copy';
import type { Database } from './platform/db/database';
import { assertSchemaCurrent, shapeToShip } from './platform/db/schema-check';
import { startWorker } from './platform/jobs/outbox';
import { DEMO_PASSWORD, seedDemo } from './platform/demo';
import { openRuntime, startServer } from './server';

const HELP = `Usage: waymark <command>

Commands:
  demo                      migrate, seed the demo trust if the database is empty, and serve
                            (its own database, DATA_DIR/demo.sqlite, unless DATABASE_URL is set;
                            never in production)
  serve                     start the web server (migrates first unless MIGRATE_ON_START=false)
  migrate                   run pending database migrations
  seed-demo                 add the demo trust (Riverside Learning Trust) to an empty database
                            (never in production: its accounts share a published password)
  organisations             list the organisations, with the ids other commands take
  create-admin              create an organisation admin (asks for the details, or use
                            --org "Name" --email a@b --given Ann --family Lee; password from
                            WAYMARK_ADMIN_PASSWORD or asked; --new-organisation to create an
                            organisation when others exist already)
  import-staff FILE         import a staff CSV (--org-id ID to choose the organisation,
                            --school "Name" for rows without a school, --staff-type
                            teaching|support|job-title for a file with no staff type column)
  schools load FILE         load the school list from the Department for Education's "Get
                            information about schools" establishment file (edubasealldata….csv):
                            all rows or none; reloading updates schools by URN
  worker                    run the outbox worker on its own (set WORKER=off on web servers)
  backup FILE               copy the SQLite database to FILE, safely while Waymark is serving
  restore FILE              put a backup in place of the SQLite database (stop Waymark first;
                            the database it replaces is kept as <file>.before-restore)
  copy-database FROM TO     copy every row of one database into a new, empty one: a SQLite
                            path or a postgres:// URL each way (stop Waymark first)
  sign-out-everyone         end every sign-in session: everyone must sign in again
  schema-shape              print the tables and columns this release's migrations define, as
                            JSON (the build ships it, so the start-up schema check needn't work it out)

Settings come from environment variables or a .env file: see docs/operating.md.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return 0;
  }
  if (command === 'copy-database') return copyDatabaseCommand(args);
  if (command === 'schema-shape') {
    console.log(JSON.stringify(await shapeToShip(features.migrations)));
    return 0;
  }
  const config = configFor(command);
  if ((command === 'demo' || command === 'seed-demo') && config.NODE_ENV === 'production')
    throw new ConfigError(
      `The demo is never run in production: its accounts share the password published in the README. Unset NODE_ENV to try the demo on its own database.`,
    );
  // Backup and restore work on the file itself, without opening it as the running database would.
  if (command === 'backup' || command === 'restore') return backupCommand(command, args[0], config);
  const runtime = openRuntime(config);
  const { db, logger } = runtime;

  switch (command) {
    case 'migrate': {
      const applied = await migrateToLatest(db, features.migrations);
      if (applied.length) console.log(`Applied: ${applied.join(', ')}`);
      try {
        await assertSchemaCurrent(db, features.migrations);
      } finally {
        await db.destroy();
      }
      if (!applied.length) console.log('The database is up to date.');
      return 0;
    }
    case 'seed-demo': {
      await migrateToLatest(db, features.migrations);
      if (await anyOrganisationExists(db)) {
        console.log('The database already has data, so the demo was not added.');
      } else {
        printSignIns(await seedDemo(db, systemClock, features.demoSteps), config.BASE_URL);
      }
      await db.destroy();
      return 0;
    }
    case 'demo': {
      // The demo's terminal is for the sign-in details; request logs only when asked for.
      if (!process.env.LOG_LEVEL) runtime.logger.level = 'warn';
      await migrateToLatest(db, features.migrations);
      const signIns = (await anyOrganisationExists(db)) ? null : await seedDemo(db, systemClock, features.demoSteps);
      await startServer(runtime, {
        onListening: (url) => {
          console.log(`\nWaymark is running at ${url}\n`);
          if (signIns) printSignIns(signIns, url);
          else console.log(`The demo data was already there. Demo sign-ins use the password: ${DEMO_PASSWORD}`);
          if (!config.SMTP_URL) console.log(`\nEmails (sign-in links, invitations) are not sent: read them at ${url}/dev/mail\nPress Ctrl+C to stop.\n`);
        },
      });
      return -1;
    }
    case 'organisations': {
      await migrateToLatest(db, features.migrations);
      const organisations = await listAllOrganisations(db);
      if (organisations.length === 0) console.log('There are no organisations yet: create one with waymark create-admin.');
      for (const organisation of organisations) console.log(`${organisation.id}  ${organisation.name}`);
      await db.destroy();
      return 0;
    }
    case 'serve': {
      await startServer(runtime);
      return -1;
    }
    case 'worker': {
      await migrateToLatest(db, features.migrations);
      await assertSchemaCurrent(db, features.migrations);
      const worker = startWorker({
        db,
        clock: systemClock,
        handlers: features.outboxHandlers({ db, clock: systemClock, mailer: runtime.mailer, config, logger }),
        logger,
        sweeps: features.sweeps(config),
      });
      logger.info('outbox worker running');
      for (const signal of ['SIGINT', 'SIGTERM'] as const)
        process.once(
          signal,
          () =>
            void worker
              .stop()
              .then(() => db.destroy())
              .then(() => process.exit(0)),
        );
      return -1;
    }
    case 'create-admin': {
      await migrateToLatest(db, features.migrations);
      const given = {
        organisationName: option(args, 'org'),
        email: option(args, 'email'),
        givenName: option(args, 'given'),
        familyName: option(args, 'family'),
        password: process.env.WAYMARK_ADMIN_PASSWORD,
      };
      if (!process.stdin.isTTY) {
        const missing = [
          !given.organisationName && '--org',
          !given.email && '--email',
          !given.givenName && '--given',
          !given.familyName && '--family',
          !given.password && 'WAYMARK_ADMIN_PASSWORD',
        ].filter(Boolean);
        if (missing.length) throw new ConfigError(`Nothing was created: without a terminal to ask at, give ${missing.join(', ')} (see waymark help).`);
      }
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const ask = async (label: string, value?: string) => value ?? (await rl.question(`${label}: `)).trim();
      const organisationName = await ask('Organisation name', given.organisationName);
      const email = await ask('Email address', given.email);
      const givenName = await ask('First name', given.givenName);
      const familyName = await ask('Last name', given.familyName);
      const password = given.password ?? (await rl.question('Password (12 characters or more): '));
      rl.close();
      if (!organisationName || !email || !givenName || !familyName) throw new ConfigError('Organisation, email, first name and last name are all needed.');
      if (password.length < 12) throw new ConfigError('The password must be 12 characters or more.');
      const existing = await findOrganisationIdByName(db, organisationName);
      if (!existing && !args.includes('--new-organisation') && (await anyOrganisationExists(db))) {
        const names = (await listAllOrganisations(db)).map((o) => `  ${o.name}`).join('\n');
        throw new ConfigError(
          `No organisation is called “${organisationName}”, so nothing was created. The organisations are:\n${names}\nGive one of these names exactly, or add --new-organisation to create “${organisationName}”.`,
        );
      }
      const organisationId = existing ?? (await createOrganisation(db, systemClock, organisationName));
      await createAdmin(db, systemClock, { organisationId, givenName, familyName, email, password });
      console.log(`${email} is now an organisation admin of ${organisationName}${existing ? '' : ' (new organisation)'}.`);
      await db.destroy();
      return 0;
    }
    case 'import-staff': {
      const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
      if (!file) throw new ConfigError('Give the CSV file: waymark import-staff staff.csv');
      await migrateToLatest(db, features.migrations);
      const result = await importStaffFile(runtime, {
        file,
        organisationId: option(args, 'org-id') ?? option(args, 'organisation'),
        schoolName: option(args, 'school'),
        staffType: option(args, 'staff-type'),
      });
      console.log(result.report);
      await db.destroy();
      if (result.imported === 0 && result.rejected > 0) {
        console.error('Every row was rejected, so nothing was imported. Correct the rows above and run the import again.');
        return 1;
      }
      return 0;
    }
    case 'schools': {
      const [action, file] = args;
      if (action !== 'load' || !file) throw new ConfigError('Give the file: waymark schools load edubasealldata20261204.csv');
      await migrateToLatest(db, features.migrations);
      const result = await loadEstablishmentFile(db, systemClock, file);
      await db.destroy();
      const report = formatLoadResult(result);
      if (result.ok) console.log(report);
      else console.error(report);
      return result.ok ? 0 : 1;
    }
    case 'sign-out-everyone': {
      const ended = await endEverySignInSession(db, systemClock);
      await db.destroy();
      console.log(`Ended ${ended} sign-in session${ended === 1 ? '' : 's'}: everyone must sign in again.`);
      return 0;
    }
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      await db.destroy();
      return 1;
  }
}

async function backupCommand(command: 'backup' | 'restore', file: string | undefined, config: Config): Promise<number> {
  if (!file) throw new ConfigError(`Give the file: waymark ${command} backups/waymark-2026-12-03.sqlite`);
  if (command === 'backup') {
    const { pages } = await backupSqlite(config.DATABASE_URL, file);
    console.log(`Backed up ${config.DATABASE_URL} to ${file} (${pages} pages).`);
  } else {
    const { kept } = await restoreSqlite(config.DATABASE_URL, file, features.migrations);
    console.log(`Restored ${file} to ${config.DATABASE_URL}.${kept ? ` The database it replaced is kept as ${kept}.` : ''}`);
  }
  return 0;
}

/** `waymark copy-database FROM TO`: each a SQLite path or a postgres:// URL, checked as DATABASE_URL is. */
async function copyDatabaseCommand(args: string[]): Promise<number> {
  const [fromUrl, toUrl] = args;
  if (!fromUrl || !toUrl) throw new ConfigError('Give both databases: waymark copy-database data/waymark.sqlite postgres://waymark@db/waymark');
  for (const url of [fromUrl, toUrl]) loadConfig({ DATABASE_URL: url });
  if (fromUrl === toUrl) throw new ConfigError('FROM and TO are the same database.');
  const from = connectDatabase<Database>(fromUrl);
  const to = connectDatabase<Database>(toUrl);
  try {
    let total = 0;
    await copyDatabase(from, to, features.migrations, ({ table, rows }) => {
      total += rows;
      if (rows > 0) console.log(`  ${table}: ${rows}`);
    });
    console.log(`Copied ${total} rows. Point DATABASE_URL at the new database and start Waymark.`);
    return 0;
  } finally {
    await from.destroy();
    await to.destroy();
  }
}

/**
 * The settings for a command. The demo keeps its own database (DATA_DIR/demo.sqlite) unless
 * DATABASE_URL is given, so trying the demo never touches a real install's data/waymark.sqlite.
 */
function configFor(command: string): Config {
  if (command !== 'demo' || process.env.DATABASE_URL) return loadConfig();
  const dataDir = process.env.DATA_DIR || 'data';
  return loadConfig({ ...process.env, DATABASE_URL: join(dataDir, 'demo.sqlite') });
}

function printSignIns(signIns: { who: string; email: string }[], url: string) {
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const s of signIns) console.log(`  ${s.who.padEnd(48)} ${s.email}`);
  console.log(`Sign in at ${url}/sign-in`);
}

main(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exit(code);
  })
  .catch((error: unknown) => {
    // A plain message for people; the stack only when asked for with LOG_LEVEL=debug.
    if (error instanceof Error && !(process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace')) console.error(`waymark: ${error.message}`);
    else console.error(error);
    process.exit(1);
  });
