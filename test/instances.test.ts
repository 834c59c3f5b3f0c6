import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCheckInCode } from '../src/features/sessions/check-in';
import { createTestDatabase, type TestDatabase } from './support/database';
import { buildApplication, buildCohort, buildPerson, buildProgramme, buildSchool, type BuiltPerson } from './support/build';
import { makePerson, TEST_PASSWORD, type TestPerson } from './support/factories';
import { item, present } from './support/present';

/**
 * Two web instances and two workers, each a real `node bin/waymark.js` process, against one
 * PostgreSQL database, as a trust running Waymark at scale would have them behind a reverse
 * proxy. The test plays the proxy: it sends each request to one instance or the other.
 * PostgreSQL only: SQLite is one file on one machine, with one writer.
 */
const databaseUrl = process.env.TEST_DATABASE_URL;
if (!databaseUrl) console.log('test/instances.test.ts skipped: set TEST_DATABASE_URL to run two instances and two workers on PostgreSQL.');

/** Each process opens at most this many connections (DATABASE_POOL_SIZE): fewer than the requests sent to it at once. */
const POOL_SIZE = 2;
/** The public address both instances are configured with (the proxy's). */
const PUBLIC_URL = 'http://localhost:8080';

interface CapturedEmail {
  to: string;
  subject: string;
  messageId: string;
}

/** A tiny SMTP server on 127.0.0.1 that accepts everything and keeps each message's headers. */
function startSmtp(): Promise<{ server: Server; port: number; received: CapturedEmail[] }> {
  const received: CapturedEmail[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.localhost ESMTP');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const headers = (message.split('\r\n\r\n')[0] ?? '').replace(/\r\n[ \t]+/g, ' ');
          const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
          received.push({ to: header('To'), subject: header('Subject'), messageId: header('Message-ID') });
          reply('250 OK: queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-test.localhost\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 test.localhost');
        else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  server.on('close', () => {
    for (const socket of sockets) socket.destroy();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, received })));
}

interface Process {
  name: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startWaymark(name: string, command: 'serve' | 'worker', env: Record<string, string>): Process {
  const child = spawn(process.execPath, ['bin/waymark.js', command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, output: () => output, exited };
}

async function waitFor(process: Process, text: string, timeoutMs = 120_000) {
  for (let waited = 0; !process.output().includes(text); waited += 200) {
    if (waited > timeoutMs || process.child.exitCode !== null) throw new Error(`${process.name} did not say “${text}”:\n${process.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A browser: its own cookie jar, talking to whichever instance it is told to (as a proxy would pick). */
class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly address: string) {}

  async request(instance: string, path: string, form?: Record<string, string>) {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address, 'x-forwarded-proto': 'http' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers.origin = PUBLIC_URL;
    }
    const response = await fetch(`${instance}${path}`, {
      method: form ? 'POST' : 'GET',
      headers,
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', ...rest] = pair.split('=');
      const value = rest.join('=');
      if (!value || /max-age=0/i.test(cookie)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }
  get(instance: string, path: string) {
    return this.request(instance, path);
  }
  post(instance: string, path: string, form: Record<string, string> = {}) {
    return this.request(instance, path, form);
  }
}

/** Date and time parts in the UK, as the session form takes them. */
function ukParts(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: String(Number(parts.day)),
    month: String(Number(parts.month)),
    year: String(parts.year),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

function clockTime(hour: number, minute: number): string {
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
}

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!databaseUrl)('several instances on PostgreSQL: two web servers and two workers, one database', { timeout: 240_000 }, () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const processes: Process[] = [];
  const instances: string[] = [];
  let lead: TestPerson;
  let applicant: BuiltPerson;
  let staff: BuiltPerson[];
  let applicationId: string;
  /** People who only ask for a sign-in link, in the burst of emails. */
  let askers: TestPerson[];
  /** The most connections each process held at once, sampled from pg_stat_activity by application name. */
  const mostConnections = new Map<string, number>();
  let sampler: pg.Client | undefined;
  let sampling: Promise<void> | undefined;
  let stopSampling = false;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    smtp = await startSmtp();
    const db = database.db;
    const school = await buildSchool(db, { name: 'Harbour Academy' });
    lead = await makePerson(db, { organisationId: school.organisation.id, givenName: 'Priya', roles: [{ role: 'programme_lead' }] });
    staff = await Promise.all(
      ['Ada', 'Ben', 'Cai', 'Dee', 'Eli', 'Fay', 'Gus', 'Hana'].map((givenName) =>
        buildPerson(db, { school, givenName, email: `${givenName.toLowerCase()}@harbour.example.org` }),
      ),
    );
    askers = [];
    for (let i = 1; i <= 30; i++)
      askers.push(
        await makePerson(db, { organisationId: school.organisation.id, schoolId: school.id, email: `teacher${i}@harbour.example.org`, withPassword: false }),
      );
    const programme = await buildProgramme(db, { organisation: school.organisation });
    const cohort = await buildCohort(db, {
      programme,
      lead,
      opensOn: isoDate(-1),
      closesOn: isoDate(20),
      startsOn: isoDate(30),
      endsOn: isoDate(200),
      needsLineManager: false,
      needsHeadteacher: false,
    });
    applicant = await buildPerson(db, { school, givenName: 'Iris', email: 'iris@harbour.example.org' });
    applicationId = (await buildApplication(db, 'draft', { cohort, applicant })).id;

    const base = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      BASE_URL: PUBLIC_URL,
      TRUST_PROXY: '1',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Waymark <no-reply@waymark.example.org>',
      MIGRATE_ON_START: 'false',
    };
    // PGAPPNAME names each process's connections, so pg_stat_activity shows whose they are.
    for (const name of ['web-a', 'web-b']) {
      const port = String(20_000 + Math.floor(Math.random() * 20_000));
      processes.push(startWaymark(name, 'serve', { ...base, PORT: port, WORKER: 'off', PGAPPNAME: `waymark-${name}` }));
      instances.push(`http://127.0.0.1:${port}`);
    }
    for (const name of ['worker-1', 'worker-2']) processes.push(startWaymark(name, 'worker', { ...base, PGAPPNAME: `waymark-${name}` }));
    const activity = new pg.Client({ connectionString: databaseUrl });
    sampler = activity;
    await activity.connect();
    const name = new URL(database.url).pathname.slice(1);
    sampling = (async () => {
      while (!stopSampling) {
        const { rows } = await activity.query<{ application_name: string; connections: number }>(
          `select application_name, count(*)::int as connections from pg_stat_activity where datname = $1 and application_name like 'waymark-%' group by application_name`,
          [name],
        );
        for (const row of rows) mostConnections.set(row.application_name, Math.max(mostConnections.get(row.application_name) ?? 0, row.connections));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await Promise.all([
      waitFor(item(processes, 0), 'Waymark is listening'),
      waitFor(item(processes, 1), 'Waymark is listening'),
      waitFor(item(processes, 2), 'outbox worker running'),
      waitFor(item(processes, 3), 'outbox worker running'),
    ]);
  }, 240_000);

  afterAll(async () => {
    stopSampling = true;
    await sampling?.catch(() => undefined);
    await sampler?.end();
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => Promise.race([p.exited, new Promise((r) => setTimeout(r, 15_000))])));
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await new Promise((r) => smtp?.server.close(r));
    await database?.destroy();
  });

  /** The instance for the nth request: the proxy's round robin. */
  const on = (n: number) => item(instances, n % 2);

  /** Every message the workers sent, once they are all sent. */
  async function allSent(timeoutMs = 60_000) {
    for (let waited = 0; ; waited += 250) {
      const pending = await database.db.selectFrom('outbox').select('id').where('status', 'in', ['pending']).execute();
      if (pending.length === 0) return;
      if (waited > timeoutMs) throw new Error(`${pending.length} outbox messages still unsent`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const signedIn: Browser[] = [];

  it('a session made on one instance is valid on the other, and ended on one it is ended on both', async () => {
    const people = [lead, applicant, ...staff];
    for (const [i, person] of people.entries()) {
      const browser = new Browser(`203.0.113.${i + 10}`);
      const signIn = await browser.post(on(i), '/sign-in', { email: person.email, password: TEST_PASSWORD });
      expect(signIn.status, `${person.email} signs in`).toBe(303);
      for (const instance of instances) expect((await browser.get(instance, '/account')).status, `${person.email} on ${instance}`).toBe(200);
      signedIn.push(browser);
    }
    const leaving = new Browser('203.0.113.99');
    await leaving.post(on(0), '/sign-in', { email: item(staff, 0).email, password: TEST_PASSWORD });
    expect((await leaving.get(on(1), '/account')).status).toBe(200);
    expect((await leaving.post(on(1), '/sign-out')).status).toBe(303);
    expect((await leaving.get(on(0), '/account')).status).toBe(303);
  });

  it('an application submitted through one instance is decided through the other, with one email each way', async () => {
    const applicantBrowser = item(signedIn, 1);
    const leadBrowser = item(signedIn, 0);
    const submitted = await applicantBrowser.post(on(0), `/applications/${applicationId}/submit`);
    expect(submitted.status, submitted.text.slice(0, 2000)).toBe(303);
    expect((await leadBrowser.get(on(1), `/applications/${applicationId}`)).status).toBe(200);
    const decided = await leadBrowser.post(on(1), `/applications/${applicationId}/decision`, { decision: 'accept', reason: 'A strong application.' });
    expect(decided.status, decided.text.slice(0, 2000)).toBe(303);
    // Deciding twice at once, through both instances, decides once.
    const again = await Promise.all(
      instances.map((instance) => leadBrowser.post(instance, `/applications/${applicationId}/decision`, { decision: 'decline', reason: 'No.' })),
    );
    expect(again.map((r) => r.status)).toEqual([409, 409]);
    const row = await database.db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
  });

  let eventId: string;

  it('people booking the last places at once, through both instances, never over-fill the event', async () => {
    const now = ukParts(new Date(Date.now() + 5 * 60_000));
    const end = ukParts(new Date(Date.now() + 65 * 60_000));
    // Near midnight the hour would run into tomorrow: end the event at 11:59pm instead.
    const endTime = end.day === now.day ? clockTime(end.hour, end.minute) : '11:59pm';
    const created = await item(signedIn, 0).post(on(0), '/events', {
      title: 'Network meeting',
      description: 'Leaders from across the trust.',
      'date-day': now.day,
      'date-month': now.month,
      'date-year': now.year,
      startTime: clockTime(now.hour, now.minute),
      endTime,
      mode: 'in_person',
      venue: 'Harbour Academy, Hall',
      onlineUrl: '',
      kind: 'network',
      capacity: '3',
    });
    expect(created.status, created.text.slice(0, 3000)).toBe(303);
    eventId = item(present(created.location, 'event location').split('?')[0]?.split('/') ?? [], -1);
    const bookers = signedIn.slice(2);
    const results = await Promise.all(bookers.map((browser, i) => browser.post(on(i), `/sessions/${eventId}/book`)));
    expect(results.map((r) => r.status)).toEqual(bookers.map(() => 303));
    const outcomes = results.map((r) => r.location?.split('done=')[1]);
    expect(outcomes.filter((o) => o === 'booked')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'waiting')).toHaveLength(bookers.length - 3);
    const bookings = await database.db.selectFrom('session_bookings').select(['person_id', 'status']).where('session_id', '=', eventId).execute();
    expect(bookings.filter((b) => b.status === 'booked')).toHaveLength(3);
    expect(bookings.filter((b) => b.status === 'waiting')).toHaveLength(bookers.length - 3);
  });

  it('those with a place check in with the code, each through either instance, and are marked once', async () => {
    const secret = (await database.db.selectFrom('sessions_events').select('check_in_secret').where('id', '=', eventId).executeTakeFirstOrThrow())
      .check_in_secret;
    const booked = new Set(
      (await database.db.selectFrom('session_bookings').select('person_id').where('session_id', '=', eventId).where('status', '=', 'booked').execute()).map(
        (b) => b.person_id,
      ),
    );
    const browsers = signedIn.slice(2).filter((_, i) => booked.has(item(staff, i).id));
    expect(browsers).toHaveLength(3);
    const code = currentCheckInCode(secret, new Date());
    // Each checks in through both instances at once: one mark each, the other told they are marked.
    const results = await Promise.all(
      browsers.flatMap((browser) => instances.map((instance) => browser.post(instance, `/sessions/${eventId}/check-in`, { code }))),
    );
    expect(results.filter((r) => r.status === 303)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const marks = await database.db.selectFrom('session_attendance').select(['person_id', 'method']).where('session_id', '=', eventId).execute();
    expect(marks.map((m) => m.person_id).sort()).toEqual([...booked].sort());
    expect(new Set(marks.map((m) => m.method))).toEqual(new Set(['check_in']));
  });

  it('a burst of emails through both instances is sent once each by the two workers, each with its own Message-ID', async () => {
    const everyone = [...staff, applicant, ...askers];
    const burst = await Promise.all(everyone.map((person, i) => new Browser(`198.51.100.${i + 10}`).post(on(i), '/sign-in/link', { email: person.email })));
    expect(burst.map((r) => r.status)).toEqual(everyone.map(() => 200));
    await allSent();
    const sent = await database.db.selectFrom('outbox').select(['id', 'status']).execute();
    expect(sent.filter((m) => m.status !== 'sent')).toEqual([]);
    // Notifications that are emailed and account mail both reach the SMTP server: one email per outbox message at most.
    const ids = smtp.received.map((m) => m.messageId);
    expect(ids.length).toBeGreaterThanOrEqual(everyone.length);
    expect(new Set(ids).size).toBe(ids.length);
    const outboxIds = new Set(sent.map((m) => `<${m.id}@waymark.example.org>`));
    for (const id of ids) expect(outboxIds.has(id), id).toBe(true);
    // Everyone asked for one sign-in link and got one.
    for (const person of everyone)
      expect(
        smtp.received.filter((m) => m.to.includes(person.email) && /sign-in link/i.test(m.subject)),
        person.email,
      ).toHaveLength(1);
    // Nobody got the same email twice: every recipient and subject pair is unique (sign-in links,
    // the application's confirmation and decision, places and waiting-list notices).
    const pairs = smtp.received.map((m) => `${m.to} ${m.subject}`);
    expect(pairs.length - new Set(pairs).size, pairs.join('\n')).toBe(0);
    const applicantMail = smtp.received.filter((m) => m.to.includes(applicant.email)).map((m) => m.subject);
    expect(applicantMail.filter((subject) => /submitted/i.test(subject))).toHaveLength(1);
    expect(
      applicantMail.filter((subject) => /accepted|offered|place/i.test(subject)),
      applicantMail.join('\n'),
    ).toHaveLength(1);
    // Between them the two workers sent every outbox message once (both took a share).
    const workers = processes.slice(2).map((p) => (p.output().match(/outbox message sent/g) ?? []).length);
    expect(workers.reduce((a, b) => a + b, 0)).toBe(sent.length);
    console.log(`emails: ${ids.length}; outbox messages: ${sent.length}; sent by each worker: ${workers.join(', ')}`);
  });

  it('no process held more PostgreSQL connections than DATABASE_POOL_SIZE, though more requests came at once', () => {
    expect([...mostConnections.keys()].sort()).toEqual(['waymark-web-a', 'waymark-web-b', 'waymark-worker-1', 'waymark-worker-2']);
    for (const [name, most] of mostConnections) expect(most, name).toBeLessThanOrEqual(POOL_SIZE);
  });
});
