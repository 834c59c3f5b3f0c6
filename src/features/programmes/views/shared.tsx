import { Tag } from '../../../platform/ui/components';
import { STATUS_NAMES } from '../programmes.schemas';
import type { ProgrammeStatus } from '../programmes.tables';

const STATUS_CLASSES: Record<ProgrammeStatus, string> = {
  draft: 'govuk-tag--grey',
  open: 'govuk-tag--green',
  archived: 'govuk-tag--orange',
};

/** Draft / Open / Archived, for programme leads. */
export function StatusTag(props: { status: ProgrammeStatus }) {
  return <Tag text={STATUS_NAMES[props.status]} classes={STATUS_CLASSES[props.status]} />;
}

/** Prose typed into a textarea, as paragraphs (blank lines separate them). */
export function Paragraphs(props: { text: string }) {
  const paragraphs = props.text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p) => (
        <p class="govuk-body">
          {p.split(/\r?\n/).map((line, i) => (i === 0 ? line : [<br />, line]))}
        </p>
      ))}
    </>
  );
}

/** A bulleted list, or nothing when empty. */
export function Bullets(props: { items: string[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {props.items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}
