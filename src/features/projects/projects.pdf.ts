// A project's public summary as a tagged A4 PDF: headings, paragraphs, lists and tables in the
// structure tree, and each impact chart as a figure with its description as alternative text, so
// screen readers and text extraction read it in order. It prints only the public summary
// (projects.summary.ts), never the private working.

import { formatDate } from '../../platform/dates';
import { buildImpactChart, withUnit, type MeasureSeries } from './impact-chart';
import { STATUS_TEXT } from './projects.lifecycle';
import { JUDGEMENTS } from './projects.schemas';
import type { ProjectPublicSummary } from './projects.summary';
import {
  BLACK,
  type Doc,
  GREY,
  heading,
  keepRoom,
  label,
  list,
  MARGIN,
  paragraph,
  printable,
  type StructureElement,
  table,
  startDocument,
} from '../../platform/documents/pdf';

/** Draws one measure's chart, as on the page, scaled to the text width; a figure whose alternative text is the chart's description. */
function chart(doc: Doc, parent: StructureElement, series: MeasureSeries) {
  const c = buildImpactChart(series);
  const scale = (doc.page.width - 2 * MARGIN) / c.width;
  keepRoom(doc, c.height * scale + 10);
  const top = doc.y;
  const figure = doc.struct('Figure', { alt: printable(c.desc) }, () => {
    doc.save();
    doc.translate(MARGIN, top).scale(scale);
    doc.lineWidth(1).strokeColor('#b1b4b6');
    for (const tick of c.ticks) doc.moveTo(c.plot.left, tick.y).lineTo(c.plot.right, tick.y).stroke();
    for (const tick of c.ticks) label(doc, tick.label, 0, tick.y - 6, { size: 13, width: c.plot.left - 6, align: 'right' });
    doc.lineWidth(2).strokeColor('#00703c').dash(6, { space: 4 }).moveTo(c.target.x1, c.target.y).lineTo(c.target.x2, c.target.y).stroke().undash();
    label(doc, c.target.label, c.target.x2 - 200, c.target.y - 18, { size: 13, weight: 'bold', colour: '#00703c', width: 200, align: 'right' });
    doc.lineWidth(3).strokeColor('#1d70b8');
    for (const [i, p] of c.points.entries()) {
      if (i === 0) doc.moveTo(p.x, p.y);
      else doc.lineTo(p.x, p.y);
    }
    if (c.points.length > 1) doc.stroke();
    for (const p of c.points) {
      if (p.baseline) doc.rect(p.x - 5, p.y - 5, 10, 10).fill(BLACK);
      else doc.circle(p.x, p.y, 5).fill('#1d70b8');
      label(doc, p.label, p.x - 50, p.labelY - 10, { size: 13, width: 100, align: 'center' });
    }
    for (const d of c.dates) {
      const x = d.anchor === 'start' ? d.x : d.anchor === 'end' ? d.x - 160 : d.x - 80;
      label(doc, d.label, x, c.plot.bottom + 12, { size: 13, width: 160, align: d.anchor === 'start' ? 'left' : d.anchor === 'end' ? 'right' : 'center' });
    }
    doc.restore();
  });
  parent.add(figure);
  doc.y = top + c.height * scale + 8;
  doc.x = MARGIN;
}

/** Renders the public summary as a tagged A4 PDF. `compress: false` (for tests) leaves the text streams readable. */
export async function renderProjectPdf(
  summary: ProjectPublicSummary,
  meta: { participantName: string; organisationName: string; programmeTitle: string | null },
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const title = `Project summary: ${summary.title}`;
  const { doc, document, finish } = await startDocument({ title, author: meta.participantName, subject: meta.organisationName, compress: options.compress });

  paragraph(doc, document, `${meta.organisationName}${meta.programmeTitle ? ` · ${meta.programmeTitle}` : ''}`, { colour: GREY });
  heading(doc, document, 1, title);
  paragraph(doc, document, `${meta.participantName}. ${STATUS_TEXT[summary.status]}.`);
  heading(doc, document, 2, 'Aim');
  paragraph(doc, document, summary.aim);
  paragraph(doc, document, `Who it is for: ${summary.peopleAffected}`);
  heading(doc, document, 2, 'Success criteria');
  list(doc, document, summary.criteria, 'numbered');

  heading(doc, document, 2, 'Impact');
  if (summary.measures.length === 0) paragraph(doc, document, 'No impact measures were recorded.');
  for (const m of summary.measures) {
    heading(doc, document, 3, `${m.name} (${m.unit})`);
    chart(doc, document, m);
    table(
      doc,
      document,
      ['Date', 'Figure'],
      [
        [`${formatDate(m.baselineOn)} (baseline)`, withUnit(m.baselineValue, m.unit)],
        ...m.outcomes.map((o) => [formatDate(o.measuredOn), withUnit(o.value, m.unit)]),
        ['Target', withUnit(m.targetValue, m.unit)],
      ],
      ['*', 120],
    );
  }

  heading(doc, document, 2, 'Assessment');
  if (!summary.assessment) paragraph(doc, document, 'Not assessed yet.');
  else {
    paragraph(
      doc,
      document,
      `Assessed on ${formatDate(summary.assessment.assessedAt)}: ${summary.assessment.outcome === 'met' ? 'every success criterion met' : 'not yet met'}.`,
    );
    table(
      doc,
      document,
      ['Success criterion', 'Judgement'],
      summary.assessment.criteria.map((c) => [c.text, JUDGEMENTS[c.judgement]]),
      ['*', 90],
    );
  }
  return finish();
}
