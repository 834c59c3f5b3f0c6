import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { z } from 'zod';

export const emailSchema = z.object({
  to: z.string().min(3),
  subject: z.string().min(1),
  text: z.string(),
});
export type Email = z.infer<typeof emailSchema>;

export interface Mailer {
  send(email: Email): Promise<void>;
}

/** Sends through SMTP with nodemailer. */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
    },
  };
}

export interface StoredEmail extends Email {
  id: string;
  sentAt: string;
}

/** Writes each message as JSON under `dir`, for the demo and development (never production). */
export function fileMailer(dir: string): Mailer & { list(): Promise<StoredEmail[]> } {
  // Messages sent in the same millisecond still list newest first: the counter orders them.
  let sequence = 0;
  return {
    async send(email) {
      await mkdir(dir, { recursive: true });
      const sentAt = new Date().toISOString();
      sequence += 1;
      const id = `${sentAt.replace(/[:.]/g, '-')}-${String(sequence).padStart(8, '0')}-${Math.random().toString(36).slice(2, 8)}`;
      await writeFile(join(dir, `${id}.json`), JSON.stringify({ ...email, id, sentAt }, null, 2));
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

/** Keeps messages in memory; tests read `sent`. */
export function memoryMailer(): Mailer & { sent: Email[]; list(): Promise<StoredEmail[]> } {
  const sent: Email[] = [];
  return {
    sent,
    async send(email) {
      sent.push(email);
    },
    async list() {
      return sent.map((e, i) => ({ ...e, id: String(i), sentAt: '' })).reverse();
    },
  };
}
