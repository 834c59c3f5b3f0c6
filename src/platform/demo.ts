import type { Clock } from './db/clock';
import type { Db } from './db/database';
import { newId } from './db/ids';
import type { DemoContext, DemoSignIn, DemoStep } from './contributions';

/** Every demo account's password (printed by `waymark demo`). */
export const DEMO_PASSWORD = 'waymark-demo-password';

/**
 * The item `n` places along a fixed list, going round again past its end: how the demo spreads its
 * made-up comments and patterns over however many people it has. The list is never empty.
 */
export function inTurn<T>(list: readonly [T, ...T[]], n: number): T {
  return list[n % list.length] ?? list[0];
}

/** A small, real PDF with one line of text, so downloads open in a viewer. */
export function demoPdf(text: string): Uint8Array {
  const stream = `BT /F1 14 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/**
 * Seeds the demo trust: every module's demo step in list order, in one transaction (so a failure
 * leaves the database empty). Returns the sign-ins the steps want printed.
 */
export async function seedDemo(db: Db, clock: Clock, steps: readonly DemoStep[]): Promise<DemoSignIn[]> {
  const context: DemoContext = { organisationId: newId(), ids: new Map() };
  const signIns: DemoSignIn[] = [];
  await db.transaction().execute(async (trx) => {
    for (const step of steps) signIns.push(...((await step.seed(trx, clock, context)) ?? []));
  });
  return signIns;
}
