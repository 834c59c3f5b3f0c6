import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from './certificates.pdf';
import type { Certificate } from './certificates.tables';

const certificate = {
  code: 'c0de',
  recipient_name: 'x',
  issuer_name: 'Riverside Learning Trust',
  programme_title: 'Middle leadership',
  stage: 'Stage 2',
  cohort_name: 'Cohort 2026',
  started_on: '2026-01-05',
  completed_at: '2026-07-01T00:00:00.000Z',
  issued_at: '2026-07-02T10:00:00.000Z',
  skills: '[]',
  project_title: null,
} as unknown as Certificate;

async function pdfFor(name: string): Promise<string> {
  return (await renderCertificatePdf({ ...certificate, recipient_name: name }, 'https://waymark.example/certificates/c0de', { compress: false })).toString(
    'latin1',
  );
}

/** The Unicode a PDF reader maps the name's glyphs back to, as the CMap writes it (lower-case hex). */
const mapped = (char: string) => `<${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}>`;

describe('names on a certificate print as written, in any script staff write them in', () => {
  it.each([
    ['Arabic (and Urdu)', 'أميرة حداد', 'NotoSansArabic-Bold', 'أ'],
    ['Urdu letters', 'عائشہ بیگم', 'NotoSansArabic-Bold', 'ہ'],
    ['Hebrew', 'נועה כהן', 'NotoSansHebrew-Bold', 'נ'],
    ['Bengali', 'সুমাইয়া বেগম', 'NotoSansBengali-Bold', 'স'],
    ['Gurmukhi (Punjabi)', 'ਹਰਪ੍ਰੀਤ ਕੌਰ', 'NotoSansGurmukhi-Bold', 'ਹ'],
    ['Gujarati', 'પ્રિયા પટેલ', 'NotoSansGujarati-Bold', 'પ'],
    ['Tamil', 'கவிதா ராஜ்', 'NotoSansTamil-Bold', 'க'],
    ['Thai', 'สมชาย ใจดี', 'NotoSansThai-Bold', 'ส'],
    ['Chinese', '王芳', 'NotoSansSC-Bold', '王'],
    ['Japanese', 'さくら 田中', 'NotoSansSC-Bold', 'さ'],
    ['Korean', '김민준', 'NotoSansKR-Bold', '김'],
  ])('a name in %s is set in an embedded Noto font that has it, and reads back as Unicode', async (_script, name, font, letter) => {
    const pdf = await pdfFor(name);
    expect(pdf).toMatch(new RegExp(`/BaseFont /[A-Z]{6}\\+${font}`));
    expect(pdf).toContain(mapped(letter));
    expect(pdf).not.toContain('Helvetica');
  });

  it('a name mixing scripts uses each script’s font on one line, and Devanagari and Latin stay in Noto Sans', async () => {
    const pdf = await pdfFor('Amira حداد');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Bold/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    const devanagari = await pdfFor('प्रिया शर्मा');
    expect(devanagari).toContain(mapped('य'));
    expect(devanagari).toContain(mapped('श'));
    expect(devanagari).not.toMatch(/NotoSansDevanagari/);
  });

  it('no name, whatever characters it holds, stops a certificate being made', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), async (name) => {
        const pdf = await renderCertificatePdf({ ...certificate, recipient_name: name }, 'https://waymark.example/certificates/c0de');
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }),
      { numRuns: 25 },
    );
  });
}, 120_000);
