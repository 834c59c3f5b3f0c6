// Every PDF Waymark writes prints a person's name as written, in whatever script: the 360 report, a
// project's summary, the leadership record, the subject access summary and a certificate all set their
// text in the embedded Noto fonts (src/platform/documents/fonts.ts), never Helvetica, and stay tagged.
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../src/features/certificates/certificates.pdf';
import type { Certificate } from '../src/features/certificates/certificates.tables';
import { renderProjectPdf } from '../src/features/projects/projects.pdf';
import { renderRecordPdf } from '../src/features/record/record.pdf';
import { summaryPdf } from '../src/features/subject-rights/subject-rights.pdf';
import { isTagged, NAMES_IN_SCRIPTS, pdfFonts, pdfText } from './support/pdf';

const made: Record<string, (name: string) => Promise<Buffer>> = {
  'a project’s summary': (name) =>
    renderProjectPdf(
      {
        projectId: 'p1',
        personId: 'x',
        organisationId: 'o1',
        skills: [{ code: '1.1', title: 'Vision' }],
        enrolmentId: null,
        title: 'Reading for pleasure',
        aim: `Led by ${name}: more pupils read at home`,
        peopleAffected: 'Year 7',
        status: 'met',
        criteria: [`${name} reports termly`],
        measures: [
          {
            name: 'Pupils reading',
            unit: '%',
            baselineValue: 20,
            baselineOn: '2026-01-10',
            targetValue: 40,
            outcomes: [{ measuredOn: '2026-06-10', value: 35 }],
          },
        ],
        assessment: { outcome: 'met', assessedAt: '2026-07-01T10:00:00.000Z', criteria: [{ text: `${name} reports termly`, judgement: 'met' }] },
      },
      { participantName: name, organisationName: 'Riverside Learning Trust', programmeTitle: 'Middle leadership' },
      { compress: false },
    ),
  'the leadership record': (name) =>
    renderRecordPdf(
      {
        personName: name,
        givenName: name,
        organisationName: 'Riverside Learning Trust',
        statement: `I am ${name}.`,
        certificates: [],
        imported: [],
        entries: [
          {
            id: 'e1',
            kind: 'Training delivered',
            title: `INSET by ${name}`,
            reflection: 'Colleagues plan for the range of pupils.',
            startedOn: '2026-11-02',
            endedOn: null,
            hours: 3,
            source: 'own',
            verification: { name, relationship: 'Line manager', role: 'Head of English', statement: 'I saw it.', on: '2026-11-20T09:00:00.000Z' },
          },
        ],
        roles: [],
        programmes: [],
        projects: [],
      } as unknown as Parameters<typeof renderRecordPdf>[0],
      'https://waymark.example.org',
      { compress: false, madeOn: '2026-11-24T10:00:00.000Z' },
    ),
  'the subject access summary': (name) =>
    summaryPdf(
      {
        personName: name,
        organisationName: 'Riverside Learning Trust',
        madeAt: '2026-11-24T10:00:00.000Z',
        parts: [
          {
            feature: 'people',
            title: 'People',
            holds: ['names'],
            part: { data: { people: [{ display_name: name }] }, files: [], withheld: [`${name}’s colleagues’ notes`] } as never,
          },
        ],
      },
      { compress: false },
    ),
  'a certificate': (name) =>
    renderCertificatePdf(
      {
        code: 'c0de',
        recipient_name: name,
        issuer_name: 'Riverside Learning Trust',
        programme_title: 'Middle leadership',
        stage: null,
        cohort_name: 'Cohort 2026',
        started_on: '2026-01-05',
        completed_at: '2026-07-01T00:00:00.000Z',
        issued_at: '2026-07-02T10:00:00.000Z',
        skills: '[]',
        project_title: null,
      } as unknown as Certificate,
      'https://waymark.example/certificates/c0de',
      { compress: false },
    ),
};

describe.each(Object.keys(made))(
  '%s',
  (which) => {
    it.each(NAMES_IN_SCRIPTS)('prints %s as written, in embedded Noto fonts, and stays tagged', async (name) => {
      const pdf = await (made[which] as (name: string) => Promise<Buffer>)(name);
      expect(pdfText(pdf)).toContain(name);
      expect(pdfText(pdf)).not.toContain('?');
      expect(isTagged(pdf)).toBe(true);
      const fonts = pdfFonts(pdf);
      expect(fonts).not.toContain('Helvetica');
      expect(fonts.every((font) => font.startsWith('NotoSans'))).toBe(true);
    });
  },
  60_000,
);
