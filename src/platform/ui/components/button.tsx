import { cx, rawHtml, s, withAttrs, type ContentBlock } from './shared';

/** Params of the `govukButton` macro. */
export interface ButtonParams extends ContentBlock {
  /** Render a link styled as a button instead of a `<button>`. */
  href?: string;
  type?: string;
  name?: string;
  value?: string;
  disabled?: boolean;
  preventDoubleClick?: boolean;
  isStartButton?: boolean;
  id?: string;
}

function StartIcon() {
  return (
    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

/** GOV.UK button (`govukButton`): a `<button>`, or an `<a role="button">` when `href` is set. */
export function Button(params: ButtonParams) {
  const common = {
    class: cx('govuk-button', params.classes, params.isStartButton && 'govuk-button--start'),
    'data-module': 'govuk-button',
  };
  // In the template `id` comes after `attributes`, so an `id` in `attributes` wins
  const withId = (props: Record<string, string | number | boolean>) => {
    if (params.id && !('id' in props)) props.id = params.id;
    return props;
  };
  const content = params.html && params.isStartButton ? <span>{rawHtml(params.html)}</span> : params.html ? rawHtml(params.html) : params.text;
  const icon = params.isStartButton ? <StartIcon /> : null;

  if (params.href) {
    return (
      <a {...withId(withAttrs(params.attributes, { href: params.href, role: 'button', draggable: 'false', ...common }))}>
        {content}
        {icon}
      </a>
    );
  }
  return (
    <button
      {...withId(
        withAttrs(params.attributes, {
          type: params.type || 'submit',
          value: params.value || undefined,
          name: params.name || undefined,
          disabled: params.disabled ? true : undefined,
          'aria-disabled': params.disabled ? 'true' : undefined,
          'data-prevent-double-click': params.preventDoubleClick !== undefined ? s(params.preventDoubleClick) : undefined,
          ...common,
        }),
      )}
    >
      {content}
      {icon}
    </button>
  );
}
