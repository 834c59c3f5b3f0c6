import { Table } from '../../../platform/ui/components';
import { buildProgressChart, type ProgressData } from '../progress-chart';
import { CHECKPOINT_TITLES, ratingText } from '../self-assessment.schemas';

/** The progress chart (inline SVG, no script) followed by the same figures as a table. */
export function ProgressView(props: { data: ProgressData; idPrefix?: string }) {
  const chart = buildProgressChart(props.data);
  const id = props.idPrefix ?? 'progress';
  return (
    <>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        width="100%"
        font-size="14"
        class="govuk-!-margin-bottom-6"
      >
        <title id={`${id}-title`}>{chart.title}</title>
        <desc id={`${id}-desc`}>{chart.desc}</desc>
        {chart.axis.map((tick) => (
          <>
            <line x1={tick.x} y1={tick.top} x2={tick.x} y2={tick.bottom} stroke="#b1b4b6" stroke-width="1" />
            <text x={tick.x} y={chart.axisLabelY} text-anchor="middle" fill="#0b0c0c">
              {tick.label}
            </text>
          </>
        ))}
        {chart.groups.map((group) => (
          <>
            <text x="0" y={group.labelY} font-weight="bold" fill="#0b0c0c">
              {group.label}
            </text>
            {group.bars.map((bar) => (
              <>
                <text x="0" y={bar.labelY} fill="#0b0c0c">
                  {bar.label}
                </text>
                {bar.bar ? <rect x={bar.bar.x} y={bar.bar.y} width={bar.bar.width} height={bar.bar.height} fill={bar.bar.fill} /> : null}
                <text x={bar.valueX} y={bar.labelY} fill="#0b0c0c">
                  {bar.value}
                </text>
              </>
            ))}
          </>
        ))}
      </svg>
      <Table
        caption="Ratings by skill and checkpoint"
        captionClasses="govuk-table__caption--s"
        classes="govuk-table--small-text-until-tablet"
        firstCellIsHeader
        head={[{ text: 'Skill' }, ...props.data.checkpoints.map((c) => ({ text: CHECKPOINT_TITLES[c] }))]}
        rows={props.data.skills.map((skill) => [
          { text: `${skill.code} ${skill.title}` },
          ...props.data.checkpoints.map((c) => ({ text: ratingText(props.data.answers.get(c)?.get(skill.id)) })),
        ])}
      />
    </>
  );
}
