/** Params of a {@link PostLink}. */
export interface PostLinkParams {
  /** Where the form posts. */
  action: string;
  /** The words on the button, such as "Remove". */
  text: string;
  /** Words only screen readers hear after the text, naming what it acts on (a space is put before them). */
  visuallyHiddenText?: string;
  /** Hidden fields the form sends with it. */
  fields?: Record<string, string>;
  /** Classes of the form, such as `govuk-!-display-inline` to keep it in a line of text. */
  classes?: string;
}

/**
 * A button that looks like a link, for an action that changes something: a one-button form that
 * POSTs, so it works without JavaScript and is never followed by a crawler or a prefetch.
 * Not a govuk-frontend macro: Waymark's own part (`waymark-link-button` in app.scss).
 */
export function PostLink(params: PostLinkParams) {
  return (
    <form method="post" action={params.action} class={params.classes}>
      {Object.entries(params.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="waymark-link-button">
        {params.text}
        {params.visuallyHiddenText ? <span class="govuk-visually-hidden"> {params.visuallyHiddenText}</span> : null}
      </button>
    </form>
  );
}
