import { StatusTag, type TagColour } from '../../../platform/ui/components';
import { STATUS_NAMES } from '../programmes.schemas';
import type { ProgrammeStatus } from '../programmes.tables';

/** The tag colour of each programme status. */
const PROGRAMME_STATUS_COLOURS: Record<ProgrammeStatus, TagColour> = {
  draft: 'grey',
  open: 'green',
  archived: 'orange',
};

/** Draft / Open / Archived, for programme leads. */
export function ProgrammeStatusTag(props: { status: ProgrammeStatus }) {
  return <StatusTag text={STATUS_NAMES[props.status]} colour={PROGRAMME_STATUS_COLOURS[props.status]} />;
}
