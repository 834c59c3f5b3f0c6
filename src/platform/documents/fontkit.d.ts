// Types for fontkit (the font parser PDFKit uses, which ships JavaScript only): just what Waymark uses.
declare module 'fontkit' {
  /** A parsed font; PDFKit's registerFont takes one as it is. */
  export interface Font {
    postscriptName: string;
    layout(text: string, features?: Record<string, boolean>): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
