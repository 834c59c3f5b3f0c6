import type { PipelineFlow } from '../reports.flow';
import { SUPPRESSED } from '../suppression';

/** A bar chart of each move between stages, one bar a year: an SVG with a title; the numbers (and what is hidden) are in the table below. */
function FlowChart(props: { moves: PipelineFlow['moves'] }) {
  const max = Math.max(1, ...props.moves.flatMap((m) => m.years.map((y) => (y.shown === SUPPRESSED ? 0 : y.shown))));
  const barHeight = 16;
  const labelHeight = 22;
  let y = 0;
  const groups = props.moves.map((move) => {
    const top = y;
    y += labelHeight + move.years.length * (barHeight + 4) + 10;
    return { move, top };
  });
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg
        role="img"
        aria-labelledby="flow-chart-title"
        viewBox={`0 0 400 ${Math.max(y, 20)}`}
        width="100%"
        class="waymark-chart"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="flow-chart-title">
          People who moved on from each stage to the next, by the academic year they completed the stage before; the same numbers are in the table below, and
          "c" marks a number hidden because it is small.
        </title>
        {groups.map(({ move, top }) => (
          <g>
            <text x="0" y={top + 15} font-size="12" fill="#0b0c0c">
              {move.label.length > 60 ? `${move.label.slice(0, 58)}…` : move.label}
            </text>
            {move.years.map((year, i) => {
              const barTop = top + labelHeight + i * (barHeight + 4);
              const width = year.shown === SUPPRESSED ? 0 : (year.shown / max) * 220;
              return (
                <g>
                  <text x="0" y={barTop + 12} font-size="11" fill="#0b0c0c">
                    {year.year}
                  </text>
                  {year.shown === SUPPRESSED || year.shown === 0 ? null : (
                    <rect x="90" y={barTop} width={Math.max(width, 1)} height={barHeight - 4} fill="#1d70b8" />
                  )}
                  <text x={94 + width} y={barTop + 11} font-size="11" fill="#0b0c0c">
                    {year.shown === SUPPRESSED ? 'c (hidden)' : String(year.shown)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The pipeline's flow between stages over the years: what it counts and its chart (the table and its download follow it). */
export function FlowSection(props: { flow: PipelineFlow }) {
  const { flow } = props;
  return (
    <>
      <h3 class="govuk-heading-s">Moving on to the next stage</h3>
      <p class="govuk-body">
        Of the people who completed a stage of a pathway in each academic year, how many then enrolled on the next stage, that year or later. Counts from 1 to{' '}
        {flow.threshold - 1} are hidden as <strong>c</strong>, with others where they would give a hidden count away.
      </p>
      {flow.moves.length > 0 ? <FlowChart moves={flow.moves} /> : null}
    </>
  );
}
