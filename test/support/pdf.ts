// What a reader gets out of a PDF: its text as pdftotext (poppler-utils) extracts it, the way screen
// readers and search do, with runs of white space as one space and the direction marks it puts around
// right-to-left text left out.
import { execFileSync } from 'node:child_process';

export function pdfText(pdf: Buffer): string {
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The PDF's fonts, each as embedded (a subset's tag and the font's name). */
export function pdfFonts(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2] ?? '');
}

/** A PDF's tagged structure holds: a structure tree, marked content, its language. */
export function isTagged(pdf: Buffer): boolean {
  const raw = pdf.toString('latin1');
  return raw.includes('/StructTreeRoot') && raw.includes('/MarkInfo') && raw.includes('/Lang (en-GB)');
}

/** Names in the scripts staff write them in, for checking every PDF prints them as written. */
export const NAMES_IN_SCRIPTS = ['Zainab حسن', '王芳', 'Priya प्रिया'] as const;
