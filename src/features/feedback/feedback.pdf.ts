// The 360 report as a tagged A4 PDF (headings, paragraphs, lists and tables in the structure tree, so
// screen readers and text extraction read it in order). It holds the same content as the page: every
// figure comes from `reportSeries`, which leaves folded groups out, exactly as the page's tables do.

import { reportSeries } from './feedback.chart';
import { formatMean, type FeedbackReport } from './feedback.report';
import { aboutAnonymity, closingDateText, DEVELOP_QUESTION, gapSentence, marginSentences, skillList, STRENGTHS_QUESTION } from './views/report';
import { GREY, heading, list, paragraph, table, startDocument } from '../../platform/documents/pdf';

export interface ReportPdfMeta {
  participantName: string;
  roundTitle: string;
  /** The closing date, YYYY-MM-DD (an ISO timestamp or text already formatted also work). */
  closedOn: string;
  organisationName: string;
}

/** Renders the report as a tagged A4 PDF. `compress: false` (for tests) leaves the text streams readable. */
export async function renderReportPdf(report: FeedbackReport, meta: ReportPdfMeta, options: { compress?: boolean } = {}): Promise<Buffer> {
  const title = `360 feedback report: ${meta.participantName}`;
  const { doc, document, finish } = await startDocument({ title, author: meta.organisationName, subject: meta.roundTitle, compress: options.compress });

  paragraph(doc, document, `${meta.organisationName} · ${meta.roundTitle}`, { colour: GREY, size: 11 });
  heading(doc, document, 1, title);
  paragraph(
    doc,
    document,
    `Feedback closed on ${closingDateText(meta.closedOn)}. ${report.totalResponses === 1 ? '1 person answered.' : `${report.totalResponses} people answered.`}${
      report.selfRated ? '' : ' The participant did not rate themselves.'
    }`,
  );

  heading(doc, document, 2, 'Who answered');
  table(
    doc,
    document,
    ['Group', 'Responses'],
    report.responses.map((count) => [count.anonymous ? count.label : `${count.label} (named, not anonymous)`, String(count.count)]),
    ['*', 90],
  );
  paragraph(doc, document, aboutAnonymity(report));
  for (const text of report.explanations) paragraph(doc, document, text);

  heading(doc, document, 2, 'Summary');
  heading(doc, document, 3, 'Highest and lowest rated by others');
  if (report.rankingNote) paragraph(doc, document, report.rankingNote);
  else list(doc, document, [`Highest rated: ${skillList(report.highest)}`, `Lowest rated: ${skillList(report.lowest)}`], 'bullet');
  heading(doc, document, 3, 'Blind spots and hidden strengths');
  const flags = marginSentences(report.margin);
  paragraph(doc, document, `${flags.blindSpot} ${flags.hiddenStrength}`);
  list(
    doc,
    document,
    [
      `Blind spots: ${report.blindSpots.length > 0 ? skillList(report.blindSpots) : 'none'}`,
      `Hidden strengths: ${report.hiddenStrengths.length > 0 ? skillList(report.hiddenStrengths) : 'none'}`,
    ],
    'bullet',
  );

  heading(doc, document, 2, 'Skills');
  for (const result of report.skills) {
    const flag = result.flag === 'blind_spot' ? ' (blind spot)' : result.flag === 'hidden_strength' ? ' (hidden strength)' : '';
    heading(doc, document, 3, `${result.skill.code ? `${result.skill.code} ` : ''}${result.skill.title}${flag}`);
    const rows = reportSeries(result).map((item) => [
      item.label,
      item.count === null ? String(item.value) : formatMean(item.value),
      item.basis ?? 'Own rating',
    ]);
    if (report.selfRated && result.self === null) rows.unshift(['Self', 'Not rated', 'Own rating']);
    if (rows.length === 0) paragraph(doc, document, 'No figures can be shown for this skill.');
    else table(doc, document, ['Who', 'Average (1 to 5)', 'Based on'], rows, ['*', 110, 110]);
    if (result.gap !== null) paragraph(doc, document, gapSentence(result.gap));
    for (const note of result.notes) paragraph(doc, document, note, { colour: GREY, size: 10 });
  }

  if (report.pupilQuestions) {
    heading(doc, document, 2, 'What students said');
    paragraph(
      doc,
      document,
      'Students answered their own questions, not the skills above, on a scale from 1 (never) to 5 (always). Their answers are shown only as their own group and are in no other figure.',
    );
    table(
      doc,
      document,
      ['Question', 'Average (1 to 5)', 'Based on'],
      report.pupilQuestions.map((result) => [
        result.question.text,
        result.figure ? formatMean(result.figure.mean) : 'Not shown',
        result.figure ? `${result.figure.count} students` : (result.note ?? ''),
      ]),
      ['*', 110, 110],
    );
  }

  heading(doc, document, 2, 'Comments');
  if (report.comments.status === 'shown') {
    paragraph(doc, document, 'Comments are shown as written, in a random order, and never say who wrote them.');
    for (const [question, comments] of [
      [STRENGTHS_QUESTION, report.comments.strengths],
      [DEVELOP_QUESTION, report.comments.develop],
    ] as const) {
      heading(doc, document, 3, question);
      if (comments.length === 0) paragraph(doc, document, 'Nobody answered this question.');
      else list(doc, document, comments, 'bullet');
    }
  } else {
    paragraph(doc, document, report.comments.reason);
  }
  if (report.studentComments) {
    heading(doc, document, 2, 'Comments from students');
    paragraph(doc, document, 'Students’ comments are kept apart from everyone else’s, as written, in a random order.');
    for (const [question, comments] of [
      [STRENGTHS_QUESTION, report.studentComments.strengths],
      [DEVELOP_QUESTION, report.studentComments.develop],
    ] as const) {
      heading(doc, document, 3, question);
      if (comments.length === 0) paragraph(doc, document, 'Nobody answered this question.');
      else list(doc, document, comments, 'bullet');
    }
  }

  return finish();
}
