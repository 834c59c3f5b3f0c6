// Fonts for text in any script. Noto Sans covers Latin, Greek and Cyrillic; the scripts most often
// written by staff in England's schools beyond those each have a Noto font of their own, shipped in a
// registry package and embedded (subset) in the PDF only when the text needs it. A piece of text is
// cut into runs, each set in the first font that has every one of its characters; spaces and
// punctuation stay with the run they are in. PDFKit lays each run out with fontkit, which shapes joined
// scripts (Arabic, the Indic scripts) and sets right-to-left runs right to left.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font as FontkitFont } from 'fontkit';
/** A PDFKit document (as `pdf.ts`'s `Doc`; named here so the two files don't import each other). */
type Doc = PDFKit.PDFDocument;

const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

interface ScriptFont {
  /** The name the font is registered under in a PDF (with the weight). */
  key: string;
  files: Record<Weight, string>;
}

const expo = (family: string, file: string): Record<Weight, string> => ({
  regular: `@expo-google-fonts/${family}/400Regular/${file}_400Regular.ttf`,
  bold: `@expo-google-fonts/${family}/700Bold/${file}_700Bold.ttf`,
});

/** In the order they are tried: the first font with a character sets it. */
const SCRIPT_FONTS: readonly ScriptFont[] = [
  { key: 'latin', files: expo('noto-sans', 'NotoSans') },
  { key: 'arabic', files: expo('noto-sans-arabic', 'NotoSansArabic') },
  { key: 'hebrew', files: expo('noto-sans-hebrew', 'NotoSansHebrew') },
  { key: 'devanagari', files: expo('noto-sans-devanagari', 'NotoSansDevanagari') },
  { key: 'bengali', files: expo('noto-sans-bengali', 'NotoSansBengali') },
  { key: 'gurmukhi', files: expo('noto-sans-gurmukhi', 'NotoSansGurmukhi') },
  { key: 'gujarati', files: expo('noto-sans-gujarati', 'NotoSansGujarati') },
  { key: 'tamil', files: expo('noto-sans-tamil', 'NotoSansTamil') },
  { key: 'thai', files: expo('noto-sans-thai', 'NotoSansThai') },
  { key: 'chinese-japanese', files: expo('noto-sans-sc', 'NotoSansSC') },
  { key: 'korean', files: expo('noto-sans-kr', 'NotoSansKR') },
];

const RIGHT_TO_LEFT = new Set(['arabic', 'hebrew']);

/** The scripts a PDF can print, for the documentation and tests. */
export const PRINTABLE_SCRIPTS = SCRIPT_FONTS.map((font) => font.key);

const loaded = new Map<string, FontkitFont>();
let fontkit: typeof import('fontkit') | undefined;

/** Loads the font parser (fontkit) once; every function below that takes no promise needs it loaded first. */
export async function loadFonts(): Promise<void> {
  fontkit ??= await import('fontkit');
}

/**
 * One font, read and parsed once (fontkit) and shared by every PDF: parsing a font file again for
 * each document took most of its time. The large ones (Chinese and Japanese, Korean: about 10 MB each)
 * are read only when some text needs them.
 */
function load(font: ScriptFont, weight: Weight): FontkitFont {
  const name = `${weight}:${font.key}`;
  let parsed = loaded.get(name);
  if (!parsed) {
    if (!fontkit) throw new Error('loadFonts() must be awaited before a font is used');
    parsed = fontkit.create(readFileSync(require.resolve(font.files[weight])));
    loaded.set(name, parsed);
  }
  return parsed;
}

/** Characters every font's run may take in: spaces, joiners and common punctuation. */
function isNeutral(char: string): boolean {
  return char === '\u200c' || char === '\u200d' || /^[\s\u00b7\-'’.,:;()]$/u.test(char);
}

// Which font has a character is cheap to ask but asked for every character; the answers are kept.
const coverage = new Map<string, number>();
const MAX_REMEMBERED = 20_000;

function fontIndexFor(char: string, weight: Weight): number {
  const remembered = coverage.get(`${weight}${char}`);
  if (remembered !== undefined) return remembered;
  const code = char.codePointAt(0) ?? 0;
  let found = 0; // no font has it: Noto Sans prints its "missing character" box
  for (const [index, font] of SCRIPT_FONTS.entries()) {
    if (load(font, weight).hasGlyphForCodePoint(code)) {
      found = index;
      break;
    }
  }
  if (coverage.size >= MAX_REMEMBERED) coverage.clear();
  coverage.set(`${weight}${char}`, found);
  return found;
}

export interface Run {
  /** The registered font name, `weight:script`. */
  font: string;
  text: string;
  /** OpenType features to turn off for this run (PDFKit's `features` text option), when it needs any. */
  features?: Record<string, boolean>;
}

// fontkit 2 fails on a few fonts' mark anchors that are left empty (Noto Sans Gurmukhi, for one:
// "Cannot read properties of null"). Such a run is laid out without mark positioning, which still
// joins and substitutes its letters; the marks sit where the font draws them by default.
const WITHOUT_MARK_POSITIONING = () => ({ abvm: false, blwm: false, mark: false, mkmk: false });

/** Whether fontkit lays out the text (and each word of it, which PDFKit measures on its own). */
function laysOut(font: FontkitFont, text: string, features?: Record<string, boolean>): boolean {
  try {
    for (const piece of [text, ...text.split(/\s+/u)]) if (piece) font.layout(piece, features ? { ...features } : undefined);
    return true;
  } catch {
    return false;
  }
}

/** Cuts the text into runs by the font that prints them (one run for text in one script). */
export async function fontRuns(text: string, weight: Weight): Promise<Run[]> {
  await loadFonts();
  return runsOf(text, weight);
}

/** As `fontRuns`, once `loadFonts()` has been awaited. */
export function runsOf(text: string, weight: Weight): Run[] {
  const runs: { index: number; text: string }[] = [];
  for (const char of text.normalize('NFC')) {
    const last = runs.at(-1);
    if (last && (isNeutral(char) || /\p{M}/u.test(char))) {
      last.text += char;
      continue;
    }
    const index = isNeutral(char) ? 0 : fontIndexFor(char, weight);
    if (last && last.index === index) last.text += char;
    else runs.push({ index, text: char });
  }
  const shaped: Run[] = [];
  for (const run of runs) {
    const font = SCRIPT_FONTS[run.index] ?? (SCRIPT_FONTS[0] as ScriptFont);
    const parsed = load(font, weight);
    const name = `${weight}:${font.key}`;
    // PDFKit lays text out a word at a time unless it is given features, and then puts the words in
    // reading order left to right: right-to-left text is laid out whole instead, so its words read right to left.
    if (laysOut(parsed, run.text)) shaped.push({ font: name, text: run.text, ...(RIGHT_TO_LEFT.has(font.key) ? { features: {} } : {}) });
    else if (laysOut(parsed, run.text, WITHOUT_MARK_POSITIONING())) shaped.push({ font: name, text: run.text, features: WITHOUT_MARK_POSITIONING() });
    // Never seen, but a name must never stop a certificate: Noto Sans draws it as missing-character boxes.
    else shaped.push({ font: `${weight}:latin`, text: run.text });
  }
  return shaped;
}

/** Registers with the document every font the runs use (each embedded once, as a subset). */
export async function registerRunFonts(doc: Doc, runs: readonly Run[], registered: Set<string>) {
  await loadFonts();
  registerFonts(doc, runs, registered);
}

/** As `registerRunFonts`, once `loadFonts()` has been awaited. */
export function registerFonts(doc: Doc, runs: readonly Run[], registered: Set<string>) {
  for (const run of runs) {
    if (registered.has(run.font)) continue;
    const [weight, key] = run.font.split(':') as [Weight, string];
    const font = SCRIPT_FONTS.find((f) => f.key === key) ?? (SCRIPT_FONTS[0] as ScriptFont);
    // PDFKit takes a parsed fontkit font as it is (its types list only files and bytes).
    doc.registerFont(run.font, load(font, weight) as unknown as Parameters<Doc['registerFont']>[1]);
    registered.add(run.font);
  }
}
