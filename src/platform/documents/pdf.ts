// The building blocks of Waymark's tagged PDFs (the 360 report, a project's summary, the leadership
// record, the subject access summary, a certificate): headings, paragraphs, lists, tables and lines of
// text placed in the structure tree, so that screen readers and text extraction read them in order.
// All text is set in the Noto fonts (fonts.ts), never PDFKit's built-in Helvetica, so names and
// everything else print as written in any script: text mixing scripts is set run by run, each run in
// the font that has its characters, wrapping as one paragraph.

import { loadFonts, registerFonts, type Run, runsOf, type Weight } from './fonts';
import { loadPdfKit } from './lazy';

export type Doc = PDFKit.PDFDocument;
export type StructureElement = PDFKit.PDFStructureElement;

export const BLACK = '#0b0c0c';
export const GREY = '#505a5f';
export const MARGIN = 56;

/** The text as it is printed: composed (NFC), tabs as spaces, other control characters left out. */
export function printable(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || code >= 0x20) out += code === 0x7f ? '' : char;
    else if (char === '\t') out += ' ';
  }
  return out;
}

/** The fonts registered with each document (each embedded once, as a subset of what it prints). */
const registered = new WeakMap<Doc, Set<string>>();

/** The text cut into runs by font, each font registered with the document. */
export function runsFor(doc: Doc, text: string, weight: Weight): Run[] {
  const runs = runsOf(printable(text), weight);
  let fonts = registered.get(doc);
  if (!fonts) {
    fonts = new Set();
    registered.set(doc, fonts);
  }
  registerFonts(doc, runs, fonts);
  return runs;
}

/** PDFKit's text option for a run's features (its types list an array; fontkit takes an object too). */
export function features(run: Run): PDFKit.Mixins.TextOptions {
  // Always given, so a run never takes on the features of the run before it in a paragraph.
  return { features: { ...(run.features ?? {}) } } as unknown as PDFKit.Mixins.TextOptions;
}

export interface TextStyle {
  weight?: Weight;
  size?: number;
  colour?: string;
}

function setStyle(doc: Doc, style: TextStyle) {
  doc.fontSize(style.size ?? 11).fillColor(style.colour ?? BLACK);
}

/**
 * Writes the text at (x, y), wrapping within `width`, run by run; untagged (the caller marks it).
 * Leaves `doc.y` below it.
 */
function writeRuns(doc: Doc, runs: Run[], x: number, y: number, width: number, options: PDFKit.Mixins.TextOptions = {}) {
  runs.forEach((run, index) => {
    doc.font(run.font);
    const last = index === runs.length - 1;
    if (index === 0) doc.text(run.text, x, y, { width, ...options, ...features(run), continued: !last });
    else doc.text(run.text, { ...features(run), continued: !last });
  });
}

/**
 * A structure element of `type` holding the text, set at (x, y) within `width` (the text width from the
 * margin when not given); to be added to its parent, which writes it. Empty text writes nothing.
 */
export function textElement(
  doc: Doc,
  type: string,
  text: string,
  style: TextStyle & { x?: number; y?: number; width?: number; align?: 'left' | 'center' | 'right' } = {},
): StructureElement {
  const runs = runsFor(doc, text, style.weight ?? 'regular');
  return doc.struct(type, {}, () => {
    setStyle(doc, style);
    const x = style.x ?? MARGIN;
    writeRuns(doc, runs, x, style.y ?? doc.y, style.width ?? doc.page.width - MARGIN - x, style.align ? { align: style.align } : {});
  });
}

/**
 * Untagged text (within a figure, whose alternative text says the same): one line at (x, y), in a box
 * `width` wide aligned as asked.
 */
export function label(doc: Doc, text: string, x: number, y: number, options: TextStyle & { width: number; align?: 'left' | 'center' | 'right' }) {
  const runs = runsFor(doc, text, options.weight ?? 'regular');
  setStyle(doc, options);
  const [only] = runs;
  if (!only) return;
  if (runs.length === 1) {
    doc.font(only.font).text(only.text, x, y, { width: options.width, align: options.align ?? 'left', lineBreak: false, ...features(only) });
    return;
  }
  const widths = runs.map((run) => doc.font(run.font).widthOfString(run.text, features(run)));
  const total = widths.reduce((a, b) => a + b, 0);
  let at = options.align === 'right' ? x + options.width - total : options.align === 'center' ? x + (options.width - total) / 2 : x;
  runs.forEach((run, index) => {
    doc.font(run.font).text(run.text, at, y, { lineBreak: false, ...features(run) });
    at += widths[index] ?? 0;
  });
}

/** Starts a new page when less than `height` points are left, so a heading never ends a page. */
export function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Doc, parent: StructureElement, level: 1 | 2 | 3, text: string) {
  const size = level === 1 ? 20 : level === 2 ? 15 : 12;
  if (level > 1) doc.moveDown(level === 2 ? 1 : 0.6);
  keepRoom(doc, size * 4);
  parent.add(textElement(doc, `H${level}`, text, { weight: 'bold', size }));
  doc.moveDown(0.3);
}

export function paragraph(doc: Doc, parent: StructureElement, text: string, options: { colour?: string; size?: number } = {}) {
  if (printable(text) === '') return;
  parent.add(textElement(doc, 'P', text, { size: options.size ?? 11, colour: options.colour ?? BLACK }));
  doc.moveDown(0.4);
}

/** A bulleted or numbered list (each item a label and its body); nothing when there are no items. */
export function list(doc: Doc, parent: StructureElement, items: string[], kind: 'bullet' | 'numbered') {
  if (items.length === 0) return;
  const element = doc.struct('L');
  parent.add(element);
  const indent = kind === 'bullet' ? 14 : 18;
  const width = doc.page.width - 2 * MARGIN - indent;
  for (const [index, item] of items.entries()) {
    doc.fontSize(11);
    keepRoom(doc, doc.currentLineHeight(true) * 2);
    const top = doc.y;
    const li = doc.struct('LI');
    element.add(li);
    li.add(textElement(doc, 'Lbl', kind === 'bullet' ? '•' : `${index + 1}.`, { size: 11, x: MARGIN, y: top, width: indent }));
    li.add(textElement(doc, 'LBody', item, { size: 11, x: MARGIN + indent, y: top, width }));
    li.end();
    doc.y += 4;
  }
  element.end();
  doc.x = MARGIN;
  doc.moveDown(0.4);
}

const CELL_PADDING = { x: 6, y: 4 };

/** A table with a header row; each row's first cell is its header. `widths`: points, or '*' to share what is left. */
export function table(doc: Doc, parent: StructureElement, head: string[], rows: string[][], widths: (number | string)[]) {
  const total = doc.page.width - 2 * MARGIN;
  const fixed = widths.reduce<number>((sum, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const shared = widths.filter((w) => typeof w !== 'number').length;
  const columns = widths.map((w) => (typeof w === 'number' ? w : (total - fixed) / Math.max(1, shared)));
  keepRoom(doc, 20 * Math.min(rows.length + 1, 4) + 10);
  const element = doc.struct('Table');
  parent.add(element);
  const row = (cells: string[], header: boolean) => {
    // A row is kept on one page: as tall as its tallest cell.
    doc.fontSize(10);
    const height =
      Math.max(
        ...cells.map((text, index) => {
          const [first] = runsFor(doc, text, header ? 'bold' : 'regular');
          if (first) doc.font(first.font);
          return doc.heightOfString(printable(text) || ' ', { width: (columns[index] ?? 0) - 2 * CELL_PADDING.x });
        }),
      ) +
      2 * CELL_PADDING.y;
    keepRoom(doc, height);
    const top = doc.y;
    let bottom = top + height;
    const tr = doc.struct('TR');
    element.add(tr);
    let x = MARGIN;
    for (const [index, text] of cells.entries()) {
      const width = columns[index] ?? 0;
      const cell = textElement(doc, header || index === 0 ? 'TH' : 'TD', text, {
        weight: header ? 'bold' : 'regular',
        size: 10,
        x: x + CELL_PADDING.x,
        y: top + CELL_PADDING.y,
        width: width - 2 * CELL_PADDING.x,
      });
      if (header || index === 0)
        (cell as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: header ? 'Column' : 'Row' };
      tr.add(cell);
      bottom = Math.max(bottom, doc.y + CELL_PADDING.y);
      x += width;
    }
    tr.end();
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#b1b4b6')
      .moveTo(MARGIN, bottom)
      .lineTo(MARGIN + total, bottom)
      .stroke()
      .restore();
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = bottom;
  };
  row(head, true);
  for (const cells of rows) row(cells, false);
  element.end();
  doc.x = MARGIN;
  doc.moveDown(0.6);
}

/**
 * A tagged A4 document (UK English, its title shown), its structure root, and `finish()`, which ends
 * both and gives the bytes. The fonts are loaded before it starts. `compress: false` (for tests)
 * leaves the text streams readable.
 */
export async function startDocument(options: {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string;
  layout?: 'portrait' | 'landscape';
  compress?: boolean;
}): Promise<{ doc: Doc; document: StructureElement; finish(): Promise<Buffer> }> {
  const [PDFDocument] = await Promise.all([loadPdfKit(), loadFonts()]);
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: MARGIN,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    compress: options.compress ?? true,
    // No font is set up front: PDFKit would otherwise embed nothing but still list its Helvetica.
    font: null as unknown as string,
    info: {
      Title: printable(options.title),
      ...(options.author === undefined ? {} : { Author: printable(options.author) }),
      ...(options.subject === undefined ? {} : { Subject: printable(options.subject) }),
      ...(options.keywords === undefined ? {} : { Keywords: printable(options.keywords) }),
      Creator: 'Waymark',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  runsFor(doc, ' ', 'regular');
  doc.font('regular:latin');
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
