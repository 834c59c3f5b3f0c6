import { z } from 'zod';

/** The signing keys' secret outside production (development, tests, the demo): never for real credentials. */
export const DEVELOPMENT_SIGNING_KEYS_SECRET = 'waymark-development-only-signing-keys-secret';

/** Environment variables Waymark reads, each with its meaning and default. */
const configSchema = z.object({
  /** `production` turns off the development mail page and forces secure cookies. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Port the web server listens on. */
  PORT: z.coerce.number().int().min(1, 'PORT must be between 1 and 65535').max(65535, 'PORT must be between 1 and 65535').default(3000),
  /** Address the web server binds to. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * The public address people use, for links in emails; a trailing slash is dropped. Unset outside
   * production, it is `http://localhost:PORT`, so links point where this server listens.
   */
  BASE_URL: z
    .url({ message: 'BASE_URL must be a full URL such as https://waymark.example.org' })
    .refine((v) => /^https?:\/\//i.test(v), 'BASE_URL must start with https:// (or http:// outside production)')
    .refine((v) => !/[?#]/.test(v), 'BASE_URL must not have a query or a fragment')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** `postgres://…` for PostgreSQL; otherwise a SQLite file path (default data/waymark.sqlite). */
  DATABASE_URL: z
    .string()
    .min(1)
    .refine(isDatabaseUrl, 'DATABASE_URL must be a postgres:// (or postgresql://) URL, or the path of a SQLite file such as data/waymark.sqlite')
    .default('data/waymark.sqlite'),
  /**
   * Most connections each process (web server or worker) opens to PostgreSQL. Several instances
   * share the server's max_connections: keep instances × this under it. Not used by SQLite.
   */
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int('DATABASE_POOL_SIZE must be a whole number of connections')
    .min(1, 'DATABASE_POOL_SIZE must be between 1 and 100')
    .max(100, 'DATABASE_POOL_SIZE must be between 1 and 100')
    .default(10),
  /** Folder for the SQLite file, written mail and other local files. */
  DATA_DIR: z.string().min(1).default('data'),
  /** `smtp://user:pass@host:port` or `smtps://…`; when unset, mail is written to DATA_DIR/mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  /** The From address on every email. */
  MAIL_FROM: z.string().min(3).default('Waymark <no-reply@waymark.localhost>'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `inline` runs the outbox worker inside the web process; `off` when a separate `waymark worker` runs. */
  WORKER: z.enum(['inline', 'off']).default('inline'),
  /** Run pending migrations when the server starts. */
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * How many reverse proxies stand in front of Waymark, each adding the address it saw to
   * X-Forwarded-For; the client's address is taken from the furthest of them. `true` means one,
   * `false` (the default) none: the connection's own address.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d{1,2})$/, 'TRUST_PROXY must be false, true (one proxy) or how many proxies are in front of Waymark, such as 2')
    .default('false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v))),
  /**
   * Days a sent email stays in the outbox (without its body) before it is deleted. At least 14:
   * reminders are kept from going twice by the sent messages' dedupe keys, up to 12 days back.
   */
  OUTBOX_KEEP_DAYS: z.coerce
    .number()
    .int('OUTBOX_KEEP_DAYS must be a whole number of days')
    .min(14, 'OUTBOX_KEEP_DAYS must be 14 or more (sent messages stop reminders being sent twice)')
    .max(3650, 'OUTBOX_KEEP_DAYS must be 3650 or fewer')
    .default(30),
  /**
   * Secret that encrypts each organisation's private signing key (for Open Badges credentials) in
   * the database: at least 32 characters. Required in production; keep it with the backups' keys,
   * apart from the database. Changing it makes the stored keys unreadable (docs/operating.md).
   */
  SIGNING_KEYS_SECRET: z
    .string()
    .min(32, 'SIGNING_KEYS_SECRET must be at least 32 characters (a long random text, such as the output of `openssl rand -base64 32`)')
    .default(DEVELOPMENT_SIGNING_KEYS_SECRET),
  /**
   * Microsoft Entra ID's sign-in address for single sign-on. Only tests and development point it
   * elsewhere (a local OpenID provider); in production it must be https.
   */
  SSO_MICROSOFT_AUTHORITY: z
    .url({ message: 'SSO_MICROSOFT_AUTHORITY must be a full URL such as https://login.microsoftonline.com' })
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://login.microsoftonline.com'),
  /** Google's OpenID issuer for single sign-on; as above, only tests and development change it. */
  SSO_GOOGLE_ISSUER: z
    .url({ message: 'SSO_GOOGLE_ISSUER must be a full URL such as https://accounts.google.com' })
    .transform((v) => v.replace(/\/+$/, ''))
    .default('https://accounts.google.com'),
  /** Largest staff CSV accepted, in megabytes. */
  IMPORT_MAX_MB: z.coerce.number().positive().max(200).default(10),
  /**
   * Where the careers feature imports leadership vacancies from: the base address of a Teaching
   * Vacancies-shaped feed (`<address>/api/v1/jobs.json?page=N`) the operator supplies. Unset (the
   * default), nothing is imported.
   */
  TEACHING_VACANCIES_URL: z
    .url({ message: 'TEACHING_VACANCIES_URL must be a full URL such as https://teaching-vacancies.service.gov.uk' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
});

export type Config = Readonly<Omit<z.infer<typeof configSchema>, 'BASE_URL'> & { BASE_URL: string }>;

/**
 * A postgres:// URL, or a SQLite file path (`sqlite:` prefix and `:memory:` allowed). Anything else that
 * looks like a URL (`mysql://…`, a mistyped `postgres//…`) is refused rather than opened as a SQLite file
 * named after it.
 */
function isDatabaseUrl(value: string): boolean {
  if (/^postgres(ql)?:\/\/[^/]/i.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^sqlite:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)) return false;
  return !/postgres|mysql|mariadb|\/\//i.test(value.replace(/^sqlite:(\/\/)?/i, ''));
}

/** Settings whose values may hold a password: never echoed back in an error. */
const SECRET_SETTINGS = new Set(['SMTP_URL', 'DATABASE_URL', 'SIGNING_KEYS_SECRET']);

function shown(name: string, value: string | undefined): string {
  if (value === undefined) return 'null';
  if (!SECRET_SETTINGS.has(name)) return JSON.stringify(value);
  if (name === 'SIGNING_KEYS_SECRET') return '"***"';
  return JSON.stringify(value.replace(/\/\/([^/@]*)@/, (_m, userInfo: string) => `//${userInfo.includes(':') ? `${userInfo.split(':')[0]}:***` : userInfo}@`));
}

export class ConfigError extends Error {}

/** Parses the environment once; throws a ConfigError listing every bad value in plain words. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message} (got ${shown(String(issue.path[0]), cleaned[String(issue.path[0])])})`,
    );
    throw new ConfigError(`Waymark cannot start: some settings are not valid.\n${lines.join('\n')}\nSee docs/operating.md for every setting.`);
  }
  if (result.data.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!result.data.SMTP_URL) problems.push('SMTP_URL is required (mail is never written to disk in production).');
    if (!cleaned.BASE_URL)
      problems.push('BASE_URL is required: the https:// address people use, for the links in emails (such as https://waymark.example.org).');
    else if (!(result.data.BASE_URL ?? '').toLowerCase().startsWith('https://'))
      problems.push(
        'BASE_URL must start with https://. Sign-in cookies are only sent over HTTPS in production, so over plain http nobody could stay signed in. Put Waymark behind a proxy that serves HTTPS (docs/operating.md).',
      );
    if (!cleaned.SIGNING_KEYS_SECRET || cleaned.SIGNING_KEYS_SECRET === DEVELOPMENT_SIGNING_KEYS_SECRET)
      problems.push(
        'SIGNING_KEYS_SECRET is required: a long random secret (at least 32 characters) that encrypts the keys certificates are signed with (such as the output of `openssl rand -base64 32`).',
      );
    for (const name of ['SSO_MICROSOFT_AUTHORITY', 'SSO_GOOGLE_ISSUER'] as const)
      if (!result.data[name].startsWith('https://'))
        problems.push(`${name} must start with https:// (single sign-on never talks to a provider over plain http in production).`);
    if (problems.length)
      throw new ConfigError(`Waymark cannot start in production:\n${problems.map((p) => `  ${p}`).join('\n')}\nSee docs/operating.md for every setting.`);
  }
  // Outside production an unset BASE_URL follows PORT, so `PORT=3101 npm run demo` emails links,
  // QR codes and calendar links that reach this server rather than port 3000.
  return Object.freeze({ ...result.data, BASE_URL: result.data.BASE_URL ?? `http://localhost:${result.data.PORT}` });
}
