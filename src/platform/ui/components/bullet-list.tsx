import type { Child } from 'hono/jsx';

/**
 * A GOV.UK bulleted list (`govuk-list govuk-list--bullet`), or nothing when there are no items.
 * Not a govuk-frontend macro: the Design System styles lists with classes only.
 */
export function BulletList(props: { items: readonly Child[] }) {
  if (props.items.length === 0) return null;
  return (
    <ul class="govuk-list govuk-list--bullet">
      {props.items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}
