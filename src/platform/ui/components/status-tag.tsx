import { cx } from './shared';
import { Tag, type TagParams } from './tag';

/**
 * The colours a GOV.UK tag comes in (govuk-frontend 6). Blue is the tag's own colour; each of the
 * others is a `govuk-tag--<colour>` modifier class.
 */
export type TagColour = 'blue' | 'grey' | 'green' | 'teal' | 'purple' | 'magenta' | 'red' | 'orange' | 'yellow';

/** How a status is shown: its words and its colour. Each feature maps its own statuses to these. */
export interface StatusDisplay {
  text: string;
  colour: TagColour;
}

/**
 * The `govukTag` params for a status, for a component that takes a tag's params rather than a
 * tag (a task list item's `status.tag`). `classes` are added after the colour's, e.g. spacing.
 */
export function statusTagParams(status: StatusDisplay, classes?: string): TagParams {
  return { text: status.text, classes: cx(status.colour !== 'blue' && `govuk-tag--${status.colour}`, classes) || undefined };
}

/** A status as a GOV.UK tag, in the colour the feature chose for it. */
export function StatusTag(props: StatusDisplay & { classes?: string }) {
  return <Tag {...statusTagParams(props, props.classes)} />;
}
