import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';

export const emailSchema = z.object({
  to: z.string().min(3),
  subject: z.string().min(1),
  text: z.string(),
});
export type Email = z.infer<typeof emailSchema>;

export interface Mailer {
  /**
   * Sends one email. `outboxId` is the outbox message it delivers: the email's Message-ID is made
   * from it, so if a worker dies after sending and the message is sent again, the repeat carries
   * the same Message-ID and mail systems (and people) can tell it is one.
   */
  send(email: Email, outboxId: string): Promise<void>;
}

/** Used for Message-IDs when no From address is given (development and tests). */
const LOCAL_FROM = 'Waymark <no-reply@waymark.localhost>';

/** The Message-ID of the email an outbox message delivers: its id, at the From address's domain. */
export function messageIdFor(outboxId: string, from: string = LOCAL_FROM): string {
  const domain = /@([^@\s<>]+)>?\s*$/.exec(from)?.[1] ?? 'waymark.localhost';
  return `<${outboxId}@${domain}>`;
}

/** Sends through a nodemailer transport (SMTP in production; tests may pass another). */
export function transportMailer(transport: Pick<Transporter, 'sendMail'>, from: string): Mailer {
  return {
    async send(email, outboxId) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text, messageId: messageIdFor(outboxId, from) });
    },
  };
}

/** Sends through SMTP with nodemailer. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  return transportMailer(nodemailer.createTransport(smtpUrl), from);
}

/** An email as sent, with its Message-ID. */
export interface SentEmail extends Email {
  messageId: string;
}

export interface StoredEmail extends SentEmail {
  id: string;
  sentAt: string;
}

/** Where mail is written when no mail server is set up: `DATA_DIR/mail`. */
export function fileMailDir(dataDir: string): string {
  return join(dataDir, 'mail');
}

/** Writes each message as JSON under `dir`, for the demo and development (never production). */
export function fileMailer(dir: string): Mailer & { list(): Promise<StoredEmail[]> } {
  // Messages sent in the same millisecond still list newest first: the counter orders them.
  let sequence = 0;
  return {
    async send(email, outboxId) {
      // Written mail holds sign-in links: readable by Waymark's own user only.
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const sentAt = new Date().toISOString();
      sequence += 1;
      const id = `${sentAt.replace(/[:.]/g, '-')}-${String(sequence).padStart(8, '0')}-${Math.random().toString(36).slice(2, 8)}`;
      const stored: StoredEmail = { ...email, messageId: messageIdFor(outboxId), id, sentAt };
      await writeFile(join(dir, `${id}.json`), JSON.stringify(stored, null, 2), { mode: 0o600 });
    },
    async list() {
      let names: string[] = [];
      try {
        names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
      } catch {
        return [];
      }
      names.sort().reverse();
      const emails = await Promise.all(names.slice(0, 200).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as StoredEmail));
      return emails;
    },
  };
}

/**
 * Deletes the messages `fileMailer` wrote under `dir` before `cutoff` (an ISO instant), by the time
 * at the start of each file's name; gives how many. A missing folder holds nothing.
 */
export async function forgetFileMailBefore(dir: string, cutoff: string): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return 0;
  }
  const before = cutoff.replace(/[:.]/g, '-');
  let deleted = 0;
  for (const name of names) {
    if (name.slice(0, before.length) >= before) continue;
    try {
      await unlink(join(dir, name));
      deleted += 1;
    } catch {
      // Deleted meanwhile (by another worker): nothing to do.
    }
  }
  return deleted;
}

/** Keeps messages in memory; tests read `sent`. */
export function memoryMailer(): Mailer & { sent: SentEmail[]; list(): Promise<StoredEmail[]> } {
  const sent: SentEmail[] = [];
  return {
    sent,
    async send(email, outboxId) {
      sent.push({ ...email, messageId: messageIdFor(outboxId) });
    },
    async list() {
      return sent.map((e, i) => ({ ...e, id: String(i), sentAt: '' })).reverse();
    },
  };
}
