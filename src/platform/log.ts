import pino, { type Logger } from 'pino';

export type { Logger };

/** The process logger; request handlers use a child with the request id bound. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'waymark' }, redact: ['password', '*.password', 'token', '*.token'] });
}

/** A logger that drops everything, for tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
