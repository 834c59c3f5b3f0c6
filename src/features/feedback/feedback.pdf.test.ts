import { describe, expect, it } from 'vitest';
import type { Rating, RaterGroup, SubmittedResponse } from './feedback.model';
import { renderReportPdf } from './feedback.pdf';
import { buildReport } from './feedback.report';
import { isTagged, NAMES_IN_SCRIPTS, pdfFonts, pdfText } from '../../../test/support/pdf';

const skills = [
  { id: 'culture', code: '1', title: 'School culture' },
  { id: 'teaching', code: '2', title: 'Teaching' },
];

function response(group: RaterGroup, rating: Rating, strengths = '', develop = ''): SubmittedResponse {
  return { group, ratings: { culture: rating, teaching: rating }, strengths, develop };
}

const report = buildReport({
  skills,
  groups: [
    { group: 'line_manager', minimum: 1, anonymous: false },
    { group: 'peer', minimum: 3, anonymous: true },
    { group: 'direct_report', minimum: 3, anonymous: true },
    { group: 'student', minimum: 3, anonymous: true },
  ],
  self: { culture: 5, teaching: 1 },
  responses: [
    response('line_manager', 4, 'Clear vision for the school', 'Delegate more'),
    // Two direct reports (mean 1.5): below the minimum, so in no figure: "1.5" must appear nowhere.
    response('direct_report', 1, 'Always makes time for us'),
    response('direct_report', 2),
    ...[3, 3, 3].map((r) => response('peer', r as Rating, 'Listens well')),
    // Five students: their own group (5.0), never part of "All others".
    ...[5, 5, 5, 5, 5].map((r) => response('student', r as Rating, '', 'More feedback on homework')),
  ],
  margin: 1.3,
  seed: 'round-1',
});

const meta = { participantName: 'Jane Smith', roundTitle: 'NPQH 360 feedback', closedOn: '2026-11-20', organisationName: 'Oak Learning Trust' };

describe('the report as a PDF', () => {
  it('is a tagged A4 PDF with the participant, round, closing date and figures', async () => {
    const pdf = await renderReportPdf(report, meta, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(isTagged(pdf)).toBe(true);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);

    const text = pdfText(pdf);
    expect(text).toContain('360 feedback report: Jane Smith');
    expect(text).toContain('Oak Learning Trust · NPQH 360 feedback');
    expect(text).toContain('Feedback closed on 20 November 2026. 11 people answered.');
    expect(text).toContain('Fewer than 3 direct reports answered, so their scores are not shown and not counted in any figure');
    for (const expected of [
      '1 School culture (blind spot)',
      '2 Teaching (hidden strength)',
      'Line manager',
      'Students',
      'All others',
      '4.0',
      '5.0',
      '3.0',
      '3.3',
      '4 people answered',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('Listens well');
    expect(text).toContain('More feedback on homework');
  });

  it('never prints a folded group’s figure', async () => {
    const text = pdfText(await renderReportPdf(report, meta, { compress: false }));
    const skillsSection = text.slice(text.indexOf('Skills 1 School culture'), text.indexOf('Comments'));
    expect(skillsSection.length).toBeGreaterThan(0);
    expect(skillsSection).not.toContain('Direct reports');
    expect(text).not.toContain('1.5');
  });

  it('says why comments are withheld when too few people answered', async () => {
    const small = buildReport({
      skills,
      groups: [
        { group: 'line_manager', minimum: 1, anonymous: false },
        { group: 'peer', minimum: 3, anonymous: true },
      ],
      self: null,
      responses: [response('line_manager', 3, 'Secret praise'), response('peer', 4, 'Also secret')],
      margin: 1.3,
      seed: 's',
    });
    const text = pdfText(await renderReportPdf(small, meta, { compress: false }));
    expect(text).not.toContain('Secret praise');
    expect(text).not.toContain('Also secret');
    expect(text).toContain('Comments are shown only when at least 3 people other than the line manager have answered');
  });

  it('compresses by default', async () => {
    const pdf = await renderReportPdf(report, meta);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });

  it('prints names and comments in any script as written, in embedded Noto fonts, never Helvetica', async () => {
    const unusual = buildReport({
      skills,
      groups: [{ group: 'peer', minimum: 3, anonymous: true }],
      self: null,
      responses: [response('peer', 4, 'Zoë’s “open door” – always €-wise'), response('peer', 4, 'Très bien ✓'), response('peer', 4, 'Dziękuję, 王芳')],
      margin: 1.3,
      seed: 's',
    });
    for (const name of NAMES_IN_SCRIPTS) {
      const pdf = await renderReportPdf(unusual, { ...meta, participantName: name }, { compress: false });
      const text = pdfText(pdf);
      expect(text).toContain(`360 feedback report: ${name}`);
      expect(text).toContain('Zoë’s “open door” – always €-wise');
      expect(text).toContain('Dziękuję, 王芳');
      expect(isTagged(pdf)).toBe(true);
      expect(pdfFonts(pdf)).not.toContain('Helvetica');
      expect(pdfFonts(pdf)).toContain('NotoSans-Bold');
    }
  });
}, 60_000);
