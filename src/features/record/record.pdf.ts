// The leadership record as a tagged A4 PDF: what the person chose to include, each item with where
// it came from, and each certificate's check link. Headings, paragraphs and lists sit in the
// structure tree, so screen readers and text extraction read it in order.

import { formatDate } from '../../platform/dates';
import { GREY, heading, list, paragraph, startDocument } from '../../platform/documents/pdf';
import type { ComposedRecord } from './record.service';

/** Renders the record. `compress: false` (for tests) leaves the text streams readable. */
export async function renderRecordPdf(record: ComposedRecord, baseUrl: string, options: { compress?: boolean; madeOn: string }): Promise<Buffer> {
  const title = `Leadership record: ${record.personName}`;
  const { doc, document, finish } = await startDocument({ title, author: record.personName, compress: options.compress });

  heading(doc, document, 1, title);
  paragraph(doc, document, `Made on ${formatDate(options.madeOn)} from Waymark. It shows what ${record.givenName} chose to include.`, { colour: GREY });
  if (record.statement) {
    heading(doc, document, 2, 'Personal statement');
    paragraph(doc, document, record.statement);
  }
  heading(doc, document, 2, 'Certificates');
  if (record.certificates.length === 0) paragraph(doc, document, 'No certificates included.');
  list(
    doc,
    document,
    record.certificates.map(
      (c) =>
        `${c.programme_title}${c.stage ? ` (${c.stage})` : ''}: completed ${formatDate(c.completed_at)}, issued by ${c.issuer_name} on ${formatDate(c.issued_at)}.${
          c.revoked_at ? ` Revoked by the issuer on ${formatDate(c.revoked_at)}.` : ''
        } Check it at ${baseUrl}/certificates/${c.code}`,
    ),
    'bullet',
  );
  heading(doc, document, 2, 'Professional development');
  if (record.entries.length === 0) paragraph(doc, document, 'No portfolio entries included.');
  for (const e of record.entries) {
    heading(doc, document, 3, e.title);
    const when = e.endedOn && e.endedOn !== e.startedOn ? `${formatDate(e.startedOn)} to ${formatDate(e.endedOn)}` : formatDate(e.startedOn);
    paragraph(doc, document, `${e.kind}, ${when}${e.hours !== null ? `, ${e.hours} ${e.hours === 1 ? 'hour' : 'hours'}` : ''}.`, { colour: GREY });
    if (e.reflection) paragraph(doc, document, `What changed, and for whom: ${e.reflection}`);
    paragraph(doc, document, e.source === 'waymark' ? `Recorded by Waymark from ${record.organisationName}’s records.` : `Added by ${record.givenName}.`);
    paragraph(
      doc,
      document,
      e.verification
        ? `Verified by ${e.verification.name}, ${e.verification.role ?? e.verification.relationship.toLowerCase()}, ${formatDate(e.verification.on)}${
            e.verification.statement ? `: “${e.verification.statement}”` : '.'
          }`
        : 'Not verified by anyone else.',
    );
  }
  if (record.imported.length > 0) {
    heading(doc, document, 2, 'Brought from other organisations');
    list(
      doc,
      document,
      record.imported.map(
        (i) =>
          `${i.title}${i.certificate ? `, issued by ${i.certificate.issuedBy}` : ''}. ${
            i.verified
              ? `Brought from ${i.broughtFrom}, verified on import on ${formatDate(i.importedAt)}.`
              : `Brought from ${i.broughtFrom}; could not be verified on import: ${i.reason ?? ''}`
          }`,
      ),
      'bullet',
    );
  }
  return finish();
}
