// A certificate as a tagged A4 landscape PDF: the person's name, programme and stage, dates, skills,
// issuer, and the verification link with its QR code. Text is set in the Noto fonts, embedded from
// their registry packages (never the PDF's built-in Helvetica, which prints only Windows-1252
// characters), so names print as written in Latin, Greek, Cyrillic, Arabic (and Urdu), Hebrew, the
// Indic scripts, Thai, Chinese, Japanese and Korean (src/platform/documents/fonts.ts).

import { formatDate } from '../../platform/dates';
import type { Weight } from '../../platform/documents/fonts';
import { BLACK, type Doc, features, GREY, MARGIN, runsFor, startDocument, textElement } from '../../platform/documents/pdf';
import { parseSkills } from './certificates.service';
import type { Certificate } from './certificates.tables';

/** The QR code's modules (true = dark), from the qrcode package (loaded on first use). */
async function qrMatrix(text: string): Promise<{ size: number; dark(row: number, col: number): boolean }> {
  const { default: QRCode } = await import('qrcode');
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: code.modules.size, dark: (row, col) => code.modules.get(row, col) === 1 };
}

/**
 * A line (or lines) of text centred on the page, each run in the font of its script. Text in one
 * script wraps as usual; text mixing scripts is set on one line, smaller if it would not fit.
 */
function centred(
  doc: Doc,
  parent: PDFKit.PDFStructureElement,
  text: string,
  options: { font: Weight; size: number; colour?: string; type?: string; gap?: number },
) {
  const runs = runsFor(doc, text, options.font);
  const width = doc.page.width - 2 * MARGIN;
  const type = options.type ?? 'P';
  doc.fillColor(options.colour ?? BLACK);
  const [only] = runs;
  if (runs.length === 1 && only) {
    doc.font(only.font).fontSize(options.size);
    doc.text(only.text, MARGIN, doc.y, { width, align: 'center', structParent: parent, structType: type, ...features(only) });
  } else if (runs.length > 1) {
    const measure = (size: number) => runs.reduce((sum, run) => sum + doc.font(run.font).fontSize(size).widthOfString(run.text, features(run)), 0);
    const size = Math.min(options.size, (options.size * width) / measure(options.size));
    const element = doc.struct(type);
    parent.add(element);
    const y = doc.y;
    let x = MARGIN + (width - measure(size)) / 2;
    for (const run of runs) {
      doc.font(run.font).fontSize(size);
      doc.text(run.text, x, y, { lineBreak: false, structParent: element, structType: 'Span', ...features(run) });
      x += doc.widthOfString(run.text, features(run));
    }
    element.end();
    doc.x = MARGIN;
    doc.y = y + doc.currentLineHeight(true);
  }
  doc.moveDown(options.gap ?? 0.4);
}

/** The name of the credential file embedded in the PDF. */
export const EMBEDDED_CREDENTIAL_NAME = 'open-badge-credential.json';

/**
 * Renders the certificate. `verifyUrl` is its public verification page. `credential`, the signed
 * Open Badges credential (JSON), is embedded: as an associated file of the document (PDF/A-3's way
 * of carrying the data a document shows) named `open-badge-credential.json`, with its id in the
 * document information. `compress: false` (for tests) leaves the text streams readable.
 */
export async function renderCertificatePdf(
  certificate: Certificate,
  verifyUrl: string,
  options: { compress?: boolean; credential?: string } = {},
): Promise<Buffer> {
  const qr = await qrMatrix(verifyUrl);
  const { doc, document, finish } = await startDocument({
    title: `Certificate: ${certificate.programme_title}`,
    author: certificate.issuer_name,
    subject: certificate.recipient_name,
    layout: 'landscape',
    compress: options.compress,
    ...(options.credential ? { keywords: `OpenBadgeCredential ${(JSON.parse(options.credential) as { id: string }).id}` } : {}),
  });
  if (options.credential) {
    // PDFKit takes the associated file's relationship to the document, which its types leave out.
    const attachment: PDFKit.Mixins.PDFAttachmentOptions & { relationship: 'Data' } = {
      name: EMBEDDED_CREDENTIAL_NAME,
      type: 'application/json',
      relationship: 'Data',
      description: 'The signed Open Badges 3.0 credential for this certificate (W3C Verifiable Credential)',
      creationDate: new Date(certificate.issued_at),
    };
    doc.file(Buffer.from(options.credential, 'utf8'), attachment);
  }
  doc.y = MARGIN + 10;
  centred(doc, document, certificate.issuer_name, { font: 'regular', size: 14, colour: GREY, gap: 1 });
  centred(doc, document, 'Certificate of completion', { font: 'bold', size: 30, type: 'H1', gap: 0.6 });
  centred(doc, document, 'This certifies that', { font: 'regular', size: 13, colour: GREY });
  centred(doc, document, certificate.recipient_name, { font: 'bold', size: 26, gap: 0.4 });
  centred(doc, document, 'has completed', { font: 'regular', size: 13, colour: GREY });
  centred(doc, document, certificate.programme_title, { font: 'bold', size: 20, gap: 0.2 });
  if (certificate.stage) centred(doc, document, certificate.stage, { font: 'regular', size: 13 });
  centred(doc, document, `${certificate.cohort_name}: ${formatDate(certificate.started_on)} to ${formatDate(certificate.completed_at)}`, {
    font: 'regular',
    size: 12,
    gap: 0.8,
  });
  const skills = parseSkills(certificate.skills);
  if (skills.length > 0) {
    centred(doc, document, 'Skills developed', { font: 'bold', size: 12, type: 'H2', gap: 0.2 });
    centred(doc, document, skills.map((s) => s.title).join(' · '), { font: 'regular', size: 10, gap: 0.6 });
  }
  if (certificate.project_title) centred(doc, document, `Project: ${certificate.project_title}`, { font: 'regular', size: 11, gap: 0.6 });

  // The verification block: the QR code (an artifact for screen readers: the link beside it says the same) and the link.
  const cell = 2.2;
  const qrSize = qr.size * cell;
  const top = doc.page.height - MARGIN - qrSize;
  const left = MARGIN;
  // A long list of skills can reach the foot of the page: the verification block then goes on a page of its own.
  if (doc.y > top - 8) doc.addPage();
  doc.markContent('Artifact', { type: 'Layout' });
  for (let row = 0; row < qr.size; row++)
    for (let col = 0; col < qr.size; col++) if (qr.dark(row, col)) doc.rect(left + col * cell, top + row * cell, cell, cell);
  doc.fillColor(BLACK).fill();
  doc.endMarkedContent();
  const textLeft = left + qrSize + 16;
  const textWidth = doc.page.width - MARGIN - textLeft;
  document.add(
    textElement(
      doc,
      'P',
      `Issued by ${certificate.issuer_name} on ${formatDate(certificate.issued_at)}. Check this certificate is genuine, and has not been revoked, at:`,
      {
        size: 10,
        colour: GREY,
        x: textLeft,
        y: top + 4,
        width: textWidth,
      },
    ),
  );
  doc.moveDown(0.3);
  doc
    .font(runsFor(doc, verifyUrl, 'regular')[0]?.font ?? 'regular:latin')
    .fontSize(10)
    .fillColor(BLACK);
  doc.text(verifyUrl, textLeft, doc.y, { width: textWidth, link: verifyUrl, underline: true, structParent: document, structType: 'P' });

  return finish();
}
