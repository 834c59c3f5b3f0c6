import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { sql } from 'kysely';
import { connectDatabase } from './db/connect';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forwardedClientAddress } from './http/request';
import { redactTokens } from './http/tokens';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { fileMailer, messageIdFor, transportMailer } from './mail/mailer';
import { describeEachEngine } from '../../test/support/app';
import { createTestDatabase } from '../../test/support/database';
import { makeOrganisation } from '../../test/support/factories';
import { ConfigError, DEVELOPMENT_SIGNING_KEYS_SECRET, loadConfig } from '../config';
import { composeFeatures } from './compose';
import { addDays, formatDate, formatDateTime, londonDate, parseDateParts, wholeYearsBetween } from './dates';
import { isUniqueViolation } from './db/errors';
import { newId } from './db/ids';
import { drainOutbox, enqueue, MAX_ATTEMPTS, retryDelayMs, startWorker } from './jobs/outbox';
import { FixedClock, HOUR } from './db/clock';
import { silentLogger } from './log';

describe('configuration', () => {
  it('defaults give a working development setup', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('data/waymark.sqlite');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('each bad value is named with a readable reason', () => {
    expect(() => loadConfig({ PORT: 'eighty', BASE_URL: 'not a url', SMTP_URL: 'mail.example.org' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '70000', BASE_URL: 'not a url', SMTP_URL: 'mail.example.org' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT: PORT must be between 1 and 65535 (got "70000")');
      expect(message).toContain('BASE_URL: BASE_URL must be a full URL');
      expect(message).toContain('SMTP_URL: SMTP_URL must start with smtp://');
    }
  });

  it('TRUST_PROXY is how many proxies stand in front: true is one, false none', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be false, true \(one proxy\) or how many proxies are in front of Waymark/);
  });

  it('BASE_URL loses a trailing slash, so emailed links never hold //', () => {
    expect(loadConfig({ BASE_URL: 'https://waymark.example.org/' }).BASE_URL).toBe('https://waymark.example.org');
    expect(loadConfig({ BASE_URL: 'https://example.org/waymark//' }).BASE_URL).toBe('https://example.org/waymark');
    expect(() => loadConfig({ BASE_URL: 'ftp://example.org' })).toThrow(/BASE_URL must start with https:\/\//);
  });

  it('with BASE_URL unset outside production, links follow the port the server listens on', () => {
    expect(loadConfig({ PORT: '3101' }).BASE_URL).toBe('http://localhost:3101');
    expect(loadConfig({}).BASE_URL).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '3101', BASE_URL: 'https://waymark.example.org' }).BASE_URL).toBe('https://waymark.example.org');
  });

  it('DATABASE_URL is a postgres URL or a SQLite path, nothing else', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://waymark@db.internal:5432/waymark' }).DATABASE_URL).toContain('postgres://');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/waymark' }).DATABASE_URL).toContain('postgresql://');
    expect(loadConfig({ DATABASE_URL: '/var/lib/waymark/waymark.sqlite' }).DATABASE_URL).toBe('/var/lib/waymark/waymark.sqlite');
    expect(loadConfig({ DATABASE_URL: 'sqlite:data/w.sqlite' }).DATABASE_URL).toBe('sqlite:data/w.sqlite');
    expect(loadConfig({ DATABASE_URL: ':memory:' }).DATABASE_URL).toBe(':memory:');
    for (const wrong of ['postgres//waymark@db/waymark', 'mysql://root@db/waymark', 'mariadb://db/w', 'http://db/w', 'postgres:/db'])
      expect(() => loadConfig({ DATABASE_URL: wrong }), wrong).toThrow(
        /DATABASE_URL must be a postgres:\/\/ \(or postgresql:\/\/\) URL, or the path of a SQLite file/,
      );
  });

  it('a bad setting that holds a password is reported without the password', () => {
    try {
      loadConfig({ SMTP_URL: 'smtp//mailer:s3cret-pass@mail.example.org', DATABASE_URL: 'mysql://root:db-s3cret@db/w' });
      expect.unreachable('the settings are wrong');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('SMTP_URL must start with smtp://');
      expect(message).toContain('DATABASE_URL must be a postgres://');
      expect(message).not.toContain('s3cret');
      expect(message).toContain('mailer:***@');
    }
  });

  it('production refuses to start without an https BASE_URL, saying why', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:25', SIGNING_KEYS_SECRET: 'an-example-secret-of-at-least-32-characters' };
    expect(() => loadConfig(production)).toThrow(/BASE_URL is required/);
    expect(() => loadConfig({ ...production, BASE_URL: 'http://waymark.example.org' })).toThrow(
      /BASE_URL must start with https:\/\/\. Sign-in cookies are only sent over HTTPS/,
    );
    expect(loadConfig({ ...production, BASE_URL: 'https://waymark.example.org/' }).BASE_URL).toBe('https://waymark.example.org');
  });

  it('production refuses to start without its own secret for the signing keys, and never echoes one back', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org:25', BASE_URL: 'https://waymark.example.org' };
    expect(() => loadConfig(production)).toThrow(/SIGNING_KEYS_SECRET is required/);
    expect(() => loadConfig({ ...production, SIGNING_KEYS_SECRET: DEVELOPMENT_SIGNING_KEYS_SECRET })).toThrow(/SIGNING_KEYS_SECRET is required/);
    try {
      loadConfig({ SIGNING_KEYS_SECRET: 'too-short-s3cret' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('SIGNING_KEYS_SECRET must be at least 32 characters');
      expect((error as Error).message).not.toContain('s3cret');
    }
    expect(loadConfig({}).SIGNING_KEYS_SECRET).toBe(DEVELOPMENT_SIGNING_KEYS_SECRET);
  });

  it('each process opens at most 10 PostgreSQL connections unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(loadConfig({ DATABASE_POOL_SIZE: '4' }).DATABASE_POOL_SIZE).toBe(4);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE must be between 1 and 100/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('sent emails are kept 30 days by default, and never fewer than 14', () => {
    expect(loadConfig({}).OUTBOX_KEEP_DAYS).toBe(30);
    expect(loadConfig({ OUTBOX_KEEP_DAYS: '90' }).OUTBOX_KEEP_DAYS).toBe(90);
    expect(() => loadConfig({ OUTBOX_KEEP_DAYS: '7' })).toThrow(/OUTBOX_KEEP_DAYS must be 14 or more/);
    expect(() => loadConfig({ OUTBOX_KEEP_DAYS: 'a month' })).toThrow(/OUTBOX_KEEP_DAYS/);
  });

  it('the worker tidies the outbox, whatever features there are', () => {
    expect(
      composeFeatures([])
        .sweeps(loadConfig({}))
        .map((sweep) => sweep.name),
    ).toEqual(['outbox-tidy']);
  });

  it('production needs a mail server, so mail is never written to disk there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SMTP_URL is required/);
  });
});

describe('dates', () => {
  it('are shown the UK way in Europe/London', () => {
    expect(formatDate('2026-11-24')).toBe('24 November 2026');
    expect(formatDateTime('2026-07-01T12:30:00.000Z')).toBe('1 July 2026 at 1:30pm');
    expect(formatDateTime('2026-11-24T09:05:00.000Z')).toBe('24 November 2026 at 9:05am');
  });

  it('date inputs must make a real date', () => {
    expect(parseDateParts('1', '9', '2015')).toEqual({ date: '2015-09-01' });
    expect(parseDateParts('31', '2', '2020')).toHaveProperty('error');
    expect(parseDateParts('', '', '')).toEqual({ error: 'empty' });
  });

  it('today is the date in London, whatever the server’s zone', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('whole years count only completed years; days move across month ends', () => {
    expect(wholeYearsBetween('2019-09-01', '2026-08-31')).toBe(6);
    expect(wholeYearsBetween('2019-09-01', '2026-09-01')).toBe(7);
    expect(wholeYearsBetween('2027-01-01', '2026-09-01')).toBe(0);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('the development mailer', () => {
  it('lists the newest message first, even when several are sent in the same millisecond', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-mail-'));
    const mailer = fileMailer(dir);
    for (const n of [1, 2, 3, 4, 5]) await mailer.send({ to: 'a@example.org', subject: `Message ${n}`, text: 'Hello' }, `outbox-${n}`);
    expect((await mailer.list()).map((m) => m.subject)).toEqual(['Message 5', 'Message 4', 'Message 3', 'Message 2', 'Message 1']);
    expect((await mailer.list()).at(-1)?.messageId).toBe('<outbox-1@waymark.localhost>');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('files Waymark keeps on disk', () => {
  it('a new SQLite database, its folder, its journal and written mail are readable by Waymark’s own user only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-perms-'));
    const file = join(dir, 'data', 'waymark.sqlite');
    const db = connectDatabase<{ t: { id: number } }>(file);
    await sql`create table t (id integer)`.execute(db);
    await sql`insert into t values (1)`.execute(db);
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(modeOf(join(dir, 'data'))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    await db.destroy();
    const mailer = fileMailer(join(dir, 'mail'));
    await mailer.send({ to: 'a@example.org', subject: 'Sign in', text: 'https://example.org/sign-in/token' }, 'outbox-1');
    expect(modeOf(join(dir, 'mail'))).toBe(0o700);
    for (const name of readdirSync(join(dir, 'mail'))) expect(modeOf(join(dir, 'mail', name))).toBe(0o600);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('sending email', () => {
  it('every email has a Message-ID made from its outbox message, on the From address’s domain', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const raw: string[] = [];
    const mailer = transportMailer(
      {
        sendMail: async (mail) => {
          const info = await transport.sendMail(mail);
          raw.push(String(info.message));
          return info;
        },
      },
      'Riverside Trust <waymark@riverside.example.org>',
    );
    await mailer.send({ to: 'a@example.org', subject: 'Hello', text: 'Hello' }, '0194f0a2-1b2c-7d3e-8f40-123456789abc');
    await mailer.send({ to: 'a@example.org', subject: 'Hello', text: 'Hello' }, '0194f0a2-1b2c-7d3e-8f40-123456789abc');
    expect(raw).toHaveLength(2);
    for (const message of raw) expect(message).toContain('Message-ID: <0194f0a2-1b2c-7d3e-8f40-123456789abc@riverside.example.org>');
    expect(messageIdFor('x', 'no-reply@example.org')).toBe('<x@example.org>');
  });
});

describe('the client address behind proxies', () => {
  it('is the entry as many places from the right as there are trusted proxies, whatever the client put before it', () => {
    expect(forwardedClientAddress('198.51.100.7', 1)).toBe('198.51.100.7');
    expect(forwardedClientAddress('1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(forwardedClientAddress('1.2.3.4,5.6.7.8 ,  198.51.100.7, 10.0.0.2', 2)).toBe('198.51.100.7');
    // Fewer entries than proxies: the first one there is.
    expect(forwardedClientAddress('198.51.100.7', 2)).toBe('198.51.100.7');
    expect(forwardedClientAddress('198.51.100.7', 0)).toBeNull();
    expect(forwardedClientAddress(undefined, 1)).toBeNull();
    expect(forwardedClientAddress(' , ', 1)).toBeNull();
  });
});

describe('tokens in logs', () => {
  it('are replaced in logged paths, with any file ending kept', () => {
    const token = 'a'.repeat(43);
    expect(redactTokens(`/calendar/${token}.ics`)).toBe('/calendar/:token.ics');
    expect(redactTokens(`/feedback/respond/${token}`)).toBe('/feedback/respond/:token');
    expect(redactTokens('/sessions/0194f0a2-1b2c-7d3e-8f40-123456789abc')).toBe('/sessions/0194f0a2-1b2c-7d3e-8f40-123456789abc');
  });
});

describe('ids', () => {
  it('are UUID v7s that sort by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});

describeEachEngine('database platform', (ctx) => {
  it('a unique violation is recognised on this engine', async () => {
    const organisation = await makeOrganisation(ctx().db);
    const error = await ctx()
      .db.insertInto('organisations')
      .values({ id: organisation.id, name: 'Duplicate', created_at: '', updated_at: '' })
      .execute()
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('counts come back as numbers, not strings', async () => {
    const row = await ctx()
      .db.selectFrom('organisations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(typeof row.n).toBe('number');
  });

  it('the outbox sends each message once, retries failures with back-off, and gives up in the end', async () => {
    const { db, clock } = ctx();
    const delivered: string[] = [];
    // What the operator's log says: each send, and a message given up on as an error.
    const logged: { level: number; msg: string; kind?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    let failuresLeft = 2;
    const handlers = {
      note: async (payload: unknown) => {
        delivered.push(String((payload as { text: string }).text));
      },
      flaky: async () => {
        if (failuresLeft-- > 0) throw new Error('SMTP said no');
        delivered.push('flaky');
      },
      broken: async () => {
        throw new Error('always broken');
      },
    };
    await enqueue(db, clock, { kind: 'note', payload: { text: 'hello' }, dedupeKey: 'note-1' });
    await enqueue(db, clock, { kind: 'note', payload: { text: 'hello again' }, dedupeKey: 'note-1' });
    await enqueue(db, clock, { kind: 'flaky', payload: {} });
    await enqueue(db, clock, { kind: 'broken', payload: {} });
    await drainOutbox({ db, clock, handlers, logger });
    expect(delivered).toEqual(['hello']);
    await drainOutbox({ db, clock, handlers, logger });
    expect(delivered).toEqual(['hello']);
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      clock.advance(retryDelayMs(i) + 1);
      await drainOutbox({ db, clock, handlers, logger });
    }
    expect(delivered).toEqual(['hello', 'flaky']);
    const broken = await db.selectFrom('outbox').select(['status', 'attempts', 'last_error']).where('kind', '=', 'broken').executeTakeFirstOrThrow();
    expect(broken).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS, last_error: 'always broken' });
    expect(logged.filter((l) => l.msg === 'outbox message sent').map((l) => [l.level, l.kind])).toEqual([
      [30, 'note'],
      [30, 'flaky'],
    ]);
    expect(logged.filter((l) => l.msg === 'outbox message failed for good').map((l) => [l.level, l.kind])).toEqual([[50, 'broken']]);
    expect(JSON.stringify(logged)).not.toContain('hello');
  });
});

describe('the worker', () => {
  it('runs each sweep on its own timer and keeps going when one fails', async () => {
    const clock = new FixedClock();
    const ran: string[] = [];
    const database = await createTestDatabase('sqlite');
    const worker = startWorker({
      db: database.db,
      clock,
      handlers: {},
      logger: silentLogger,
      intervalMs: 5,
      sweeps: [
        {
          name: 'hourly',
          everyMs: HOUR,
          run: async () => {
            ran.push('hourly');
            return 1;
          },
        },
        {
          name: 'broken',
          everyMs: HOUR,
          run: async () => {
            ran.push('broken');
            throw new Error('boom');
          },
        },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ran.filter((r) => r === 'hourly')).toHaveLength(1);
    clock.advance(HOUR);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await worker.stop();
    await database.destroy();
    expect(ran.filter((r) => r === 'hourly')).toHaveLength(2);
    expect(ran.filter((r) => r === 'broken')).toHaveLength(2);
  });
});
