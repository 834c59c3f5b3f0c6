// The building blocks of Waymark's tagged A4 PDFs (the 360 report, a project's summary): headings,
// paragraphs, lists and tables placed in the structure tree, so that screen readers and text
// extraction read them in order. Text is set in PDFKit's built-in Helvetica.

import { loadPdfKit } from './lazy';

export type Doc = PDFKit.PDFDocument;
export type StructureElement = PDFKit.PDFStructureElement;

export const BLACK = '#0b0c0c';
export const GREY = '#505a5f';
export const MARGIN = 56;

// The built-in Helvetica only has the Windows-1252 characters; anything else would print as the wrong
// glyph, so it becomes "?" (the pages themselves keep every character).
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0);
    if (code === undefined) continue;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)) out += char;
    else if (char === '\t') out += ' ';
    else if (code >= 0x20) out += '?';
  }
  return out;
}

/** Starts a new page when less than `height` points are left, so a heading never ends a page. */
export function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

export function heading(doc: Doc, parent: StructureElement, level: 1 | 2 | 3, text: string) {
  const size = level === 1 ? 20 : level === 2 ? 15 : 12;
  if (level > 1) doc.moveDown(level === 2 ? 1 : 0.6);
  keepRoom(doc, size * 4);
  doc.font('Helvetica-Bold').fontSize(size).fillColor(BLACK);
  doc.text(printable(text), MARGIN, doc.y, { structParent: parent, structType: `H${level}` });
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, parent: StructureElement, text: string, options: { colour?: string; size?: number } = {}) {
  doc
    .font('Helvetica')
    .fontSize(options.size ?? 11)
    .fillColor(options.colour ?? BLACK);
  doc.text(printable(text), MARGIN, doc.y, { structParent: parent, structType: 'P' });
  doc.moveDown(0.4);
}

/** A bulleted or numbered list; nothing when there are no items. */
export function list(doc: Doc, parent: StructureElement, items: string[], kind: 'bullet' | 'numbered') {
  if (items.length === 0) return;
  doc.font('Helvetica').fontSize(11).fillColor(BLACK);
  const element = doc.struct('L');
  parent.add(element);
  const style = kind === 'bullet' ? { listType: 'bullet', bulletRadius: 2, textIndent: 14 } : { listType: 'numbered', textIndent: 18 };
  doc.list(items.map(printable), MARGIN, doc.y, { structParent: element, ...style, paragraphGap: 4 } as PDFKit.Mixins.TextOptions);
  doc.moveDown(0.4);
}

/** A table with a header row; each row's first cell is its header. */
export function table(doc: Doc, parent: StructureElement, head: string[], rows: string[][], widths: (number | string)[]) {
  keepRoom(doc, 20 * (rows.length + 1) + 10);
  doc.font('Helvetica').fontSize(10).fillColor(BLACK);
  const options = {
    structParent: parent,
    position: { x: MARGIN, y: doc.y },
    columnStyles: widths,
    defaultStyle: { padding: [4, 6], border: [0, 0, 0.5, 0], borderColor: '#b1b4b6' },
    data: [
      head.map((text) => ({ text: printable(text), type: 'TH' as const, font: { src: 'Helvetica-Bold' } })),
      ...rows.map((row) => row.map((text, index) => ({ text: printable(text), type: index === 0 ? ('TH' as const) : ('TD' as const) }))),
    ],
  };
  doc.table(options as unknown as PDFKit.Mixins.TableOptionsWithData);
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

/**
 * A tagged A4 portrait document (UK English, its title shown), its structure root, and `finish()`,
 * which ends both and gives the bytes. `compress: false` (for tests) leaves the text streams readable.
 */
export async function startDocument(options: {
  title: string;
  author?: string;
  subject?: string;
  compress?: boolean;
}): Promise<{ doc: Doc; document: StructureElement; finish(): Promise<Buffer> }> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    compress: options.compress ?? true,
    info: {
      Title: printable(options.title),
      ...(options.author === undefined ? {} : { Author: printable(options.author) }),
      ...(options.subject === undefined ? {} : { Subject: printable(options.subject) }),
      Creator: 'Waymark',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const document = doc.struct('Document');
  doc.addStructure(document);
  return {
    doc,
    document,
    finish() {
      document.end();
      doc.end();
      return done;
    },
  };
}
