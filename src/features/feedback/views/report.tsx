import { formatDate } from '../../../platform/dates';
import { Button, InsetText, StatusTag, Table } from '../../../platform/ui/components';
import { FeedbackSkillChart, reportSeries } from '../feedback.chart';
import type { ReportSkill } from '../feedback.model';
import { formatMean, listInWords, type FeedbackReport, type SkillResult } from '../feedback.report';

export const STRENGTHS_QUESTION = 'What does this person do well?';
export const DEVELOP_QUESTION = 'What could they develop?';

/** "24 November 2026" from a YYYY-MM-DD date or an ISO timestamp; anything else as given. */
export function closingDateText(closedOn: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(closedOn) ? formatDate(closedOn) : closedOn;
}

/** "Curriculum and assessment", or "Curriculum, Behaviour and Teaching". */
export function skillList(skills: ReportSkill[]): string {
  return listInWords(skills.map((skill) => skill.title));
}

/** "Your own rating is at least 1.3 points above …", the meaning of the two flags. */
export function marginSentences(margin: number): { blindSpot: string; hiddenStrength: string } {
  return {
    blindSpot: `Blind spots: the participant's own rating is at least ${formatMean(margin)} points above the average of all others.`,
    hiddenStrength: `Hidden strengths: the average of all others is at least ${formatMean(margin)} points above the participant's own rating.`,
  };
}

/** "Own rating is 1.5 above all others." */
export function gapSentence(gap: number): string {
  if (gap === 0) return 'Own rating is the same as the average of all others.';
  return `Own rating is ${formatMean(Math.abs(gap))} ${gap > 0 ? 'above' : 'below'} the average of all others.`;
}

/** How anonymity works, in one paragraph (the page and the PDF say the same). */
export function aboutAnonymity(report: FeedbackReport): string {
  const named = report.responses.some((count) => !count.anonymous);
  return `${named ? "Answers are anonymous except the line manager's, who was told so. " : 'Answers are anonymous. '}A group's figures are shown on their own only when enough people in it gave a score; "Not observed" is never counted as a score.`;
}

function SkillFlagTag(props: { result: SkillResult }) {
  if (props.result.flag === 'blind_spot') return <StatusTag text="Blind spot" colour="orange" />;
  if (props.result.flag === 'hidden_strength') return <StatusTag text="Hidden strength" colour="green" />;
  return null;
}

/** The figures of one skill as a table: the text alternative to its chart. Folded groups are left out. */
export function SkillFiguresTable(props: { result: SkillResult; selfRated: boolean }) {
  const series = reportSeries(props.result);
  const rows = series.map((item) => [
    { text: item.label },
    { text: item.count === null ? String(item.value) : formatMean(item.value), format: 'numeric' },
    { text: item.basis ?? 'Own rating', format: 'numeric' },
  ]);
  if (props.selfRated && props.result.self === null) {
    rows.unshift([{ text: 'Self' }, { text: 'Not rated', format: 'numeric' }, { text: 'Own rating', format: 'numeric' }]);
  }
  if (rows.length === 0) return <p class="govuk-body">No figures can be shown for this skill.</p>;
  return (
    <Table
      caption={`Figures for ${props.result.skill.title}`}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={[{ text: 'Who' }, { text: 'Average (1 to 5)', format: 'numeric' }, { text: 'Based on', format: 'numeric' }]}
      rows={rows}
    />
  );
}

function Comment(props: { text: string }) {
  const lines = props.text.split(/\r?\n/);
  return (
    <li>
      {lines.map((line, index) => (
        <>
          {index > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </li>
  );
}

function CommentList(props: { comments: string[]; question: string; headingId: string }) {
  return (
    <>
      <h3 class="govuk-heading-s" id={props.headingId}>
        {props.question}
      </h3>
      {props.comments.length === 0 ? (
        <p class="govuk-body">Nobody answered this question.</p>
      ) : (
        <ul class="govuk-list govuk-list--bullet" aria-labelledby={props.headingId}>
          {props.comments.map((text) => (
            <Comment text={text} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The 360 report page's content (the route wraps it in `renderPage`). */
export function FeedbackReportView(props: { report: FeedbackReport; participantName: string; roundTitle: string; closedOn: string; pdfHref: string }) {
  const { report } = props;
  const flags = marginSentences(report.margin);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l">{props.roundTitle}</span>
        <h1 class="govuk-heading-l">360 feedback report: {props.participantName}</h1>
        <p class="govuk-body">
          Feedback closed on {closingDateText(props.closedOn)}.{' '}
          {report.totalResponses === 1 ? '1 person answered.' : `${report.totalResponses} people answered.`}
          {report.selfRated ? '' : ' The participant did not rate themselves.'}
        </p>
        <Button href={props.pdfHref} text="Download the report (PDF)" classes="govuk-button--secondary" />

        <h2 class="govuk-heading-m">Who answered</h2>
        <Table
          caption="Responses by group"
          captionClasses="govuk-visually-hidden"
          firstCellIsHeader
          head={[{ text: 'Group' }, { text: 'Responses', format: 'numeric' }]}
          rows={report.responses.map((count) => [
            { text: count.anonymous ? count.label : `${count.label} (named, not anonymous)` },
            { text: String(count.count), format: 'numeric' },
          ])}
        />
        <p class="govuk-body">{aboutAnonymity(report)}</p>
        {report.explanations.length > 0 ? (
          <InsetText>
            {report.explanations.map((text) => (
              <p class="govuk-body">{text}</p>
            ))}
          </InsetText>
        ) : null}

        <h2 class="govuk-heading-m">Summary</h2>
        <h3 class="govuk-heading-s">Highest and lowest rated by others</h3>
        {report.rankingNote ? (
          <p class="govuk-body">{report.rankingNote}</p>
        ) : (
          <ul class="govuk-list">
            <li>Highest rated: {skillList(report.highest)}</li>
            <li>Lowest rated: {skillList(report.lowest)}</li>
          </ul>
        )}
        <h3 class="govuk-heading-s">Blind spots and hidden strengths</h3>
        <p class="govuk-body">
          {flags.blindSpot} {flags.hiddenStrength}
        </p>
        <ul class="govuk-list">
          <li>Blind spots: {report.blindSpots.length > 0 ? skillList(report.blindSpots) : 'none'}</li>
          <li>Hidden strengths: {report.hiddenStrengths.length > 0 ? skillList(report.hiddenStrengths) : 'none'}</li>
        </ul>

        <h2 class="govuk-heading-m">Skills</h2>
        {report.skills.map((result, index) => (
          <section class="govuk-!-margin-bottom-8" aria-labelledby={`skill-${index}`}>
            <h3 class="govuk-heading-s" id={`skill-${index}`}>
              {result.skill.code ? `${result.skill.code} ` : ''}
              {result.skill.title} <SkillFlagTag result={result} />
            </h3>
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds-from-desktop">
                <FeedbackSkillChart result={result} id={`skill-${index}-chart`} />
              </div>
            </div>
            <SkillFiguresTable result={result} selfRated={report.selfRated} />
            {result.gap !== null ? <p class="govuk-body">{gapSentence(result.gap)}</p> : null}
            {result.notes.length > 0 ? (
              <ul class="govuk-list govuk-body-s">
                {result.notes.map((note) => (
                  <li>{note}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}

        {report.pupilQuestions ? (
          <>
            <h2 class="govuk-heading-m">What students said</h2>
            <p class="govuk-body">
              Students answered their own questions, not the skills above, on a scale from 1 (never) to 5 (always). Their answers are shown only as their own
              group and are in no other figure.
            </p>
            <Table
              caption="Students’ answers"
              captionClasses="govuk-table__caption--s"
              firstCellIsHeader
              head={[{ text: 'Question' }, { text: 'Average (1 to 5)', format: 'numeric' }, { text: 'Based on', format: 'numeric' }]}
              rows={report.pupilQuestions.map((result) => [
                { text: result.question.text },
                { text: result.figure ? formatMean(result.figure.mean) : 'Not shown', format: 'numeric' },
                { text: result.figure ? `${result.figure.count} students` : (result.note ?? ''), format: 'numeric' },
              ])}
            />
          </>
        ) : null}

        <h2 class="govuk-heading-m">Comments</h2>
        {report.comments.status === 'shown' ? (
          <>
            <p class="govuk-body">Comments are shown as written, in a random order, and never say who wrote them.</p>
            <CommentList comments={report.comments.strengths} question={STRENGTHS_QUESTION} headingId="comments-strengths" />
            <CommentList comments={report.comments.develop} question={DEVELOP_QUESTION} headingId="comments-develop" />
          </>
        ) : (
          <p class="govuk-body">{report.comments.reason}</p>
        )}
        {report.studentComments ? (
          <>
            <h2 class="govuk-heading-m">Comments from students</h2>
            <p class="govuk-body">Students’ comments are kept apart from everyone else’s, as written, in a random order.</p>
            <CommentList comments={report.studentComments.strengths} question={STRENGTHS_QUESTION} headingId="student-comments-strengths" />
            <CommentList comments={report.studentComments.develop} question={DEVELOP_QUESTION} headingId="student-comments-develop" />
          </>
        ) : null}
      </div>
    </div>
  );
}
