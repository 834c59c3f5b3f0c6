/**
 * Text someone typed, shown as they typed it: blank lines start a new paragraph, single line
 * breaks are kept. Not a govuk-frontend macro: Waymark's own part, built from `govuk-body`.
 */

/** Lines of text with a line break between each (a string is split at its line breaks). */
export function Lines(props: { text: string | readonly string[] }) {
  const lines = typeof props.text === 'string' ? props.text.split(/\r?\n/) : props.text;
  return <>{lines.map((line, index) => (index === 0 ? line : [<br />, line]))}</>;
}

/** Text typed into a textarea, as GOV.UK body paragraphs; nothing when it is blank. */
export function Paragraphs(props: { text: string | null | undefined }) {
  const paragraphs = (props.text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p) => (
        <p class="govuk-body">
          <Lines text={p} />
        </p>
      ))}
    </>
  );
}
