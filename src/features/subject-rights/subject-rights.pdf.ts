// The subject access export's summary as a tagged A4 PDF, beside summary.html: the same parts in the
// same order (what is withheld first, then each part of Waymark with what it keeps about the person),
// each record as one paragraph of "field: value" pairs. Text is set in the embedded Noto fonts
// (platform/documents/pdf.ts), so names and everything else print as written, in any script.

import type { PersonalDataExport } from '../../platform/module';
import { GREY, heading, list, paragraph, startDocument } from '../../platform/documents/pdf';

/** At most this many records of one kind are printed; the rest are in the part's JSON file. */
const ROWS_PRINTED = 200;
/** A longer value is cut short in the PDF (never in the JSON). */
const VALUE_PRINTED = 600;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > VALUE_PRINTED ? `${text.slice(0, VALUE_PRINTED)}… (in full in the JSON file)` : text;
}

function recordLine(row: unknown): string {
  if (!row || typeof row !== 'object') return show(row);
  return Object.entries(row as Record<string, unknown>)
    .map(([key, value]) => `${key.replaceAll('_', ' ')}: ${show(value)}`)
    .join(' · ');
}

export async function summaryPdf(
  args: {
    personName: string;
    organisationName: string;
    madeAt: string;
    parts: { feature: string; title: string; holds: string[]; part: PersonalDataExport }[];
  },
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const title = `Personal data held about ${args.personName}`;
  const { doc, document, finish } = await startDocument({ title, subject: args.organisationName, compress: options.compress });

  heading(doc, document, 1, title);
  paragraph(
    doc,
    document,
    `Everything Waymark, the leadership development service of ${args.organisationName}, holds about ${args.personName}, as it stood on ${args.madeAt.slice(0, 10)} at ${args.madeAt.slice(11, 16)} (UTC). The same is in summary.html, and as data in the data folder; files are in the files folder.`,
  );
  heading(doc, document, 2, 'What is withheld, and why');
  const withheld = args.parts.flatMap((p) => p.part.withheld.map((w) => `${p.title}: ${w}`));
  if (withheld.length === 0) paragraph(doc, document, 'Nothing is withheld.');
  else list(doc, document, withheld, 'bullet');

  for (const p of args.parts.filter((p) => Object.keys(p.part.data).length > 0 || p.part.files.length > 0)) {
    heading(doc, document, 2, p.title);
    paragraph(doc, document, `What this part of Waymark keeps: ${p.holds.join('; ') || 'nothing about people'}.`, { colour: GREY, size: 10 });
    for (const [key, rows] of Object.entries(p.part.data)) {
      const records = Array.isArray(rows) ? rows : [rows];
      heading(doc, document, 3, `${key} (${records.length})`);
      for (const row of records.slice(0, ROWS_PRINTED)) paragraph(doc, document, recordLine(row), { size: 9 });
      if (records.length > ROWS_PRINTED)
        paragraph(doc, document, `And ${records.length - ROWS_PRINTED} more: see data/${p.feature}.json.`, { colour: GREY, size: 9 });
    }
    if (p.part.files.length > 0) {
      heading(doc, document, 3, 'Files');
      list(
        doc,
        document,
        p.part.files.map((f) => `${f.name} (files/${p.feature}/${f.fileId}-${f.name})`),
        'bullet',
      );
    }
  }
  return finish();
}
