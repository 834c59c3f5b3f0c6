import { cx, htmlOrText, withAttrs, type ContentBlock } from './shared';

/** Params of the `govukErrorMessage` macro. */
export interface ErrorMessageParams extends ContentBlock {
  id?: string;
  /** Visually hidden prefix, default `Error`. Pass `false` or `''` to remove it. */
  visuallyHiddenText?: string | false | null;
}

/** GOV.UK error message (`govukErrorMessage`). */
export function ErrorMessage(params: ErrorMessageParams) {
  const visuallyHiddenText = params.visuallyHiddenText === undefined ? 'Error' : params.visuallyHiddenText;
  const content = htmlOrText(params.html, params.text);
  return (
    <p {...withAttrs(params.attributes, { id: params.id || undefined, class: cx('govuk-error-message', params.classes) })}>
      {visuallyHiddenText ? (
        <>
          <span class="govuk-visually-hidden">{visuallyHiddenText}:</span> {content}
        </>
      ) : (
        content
      )}
    </p>
  );
}
