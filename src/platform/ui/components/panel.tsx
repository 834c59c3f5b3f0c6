import type { Child } from 'hono/jsx';
import { Button } from './button';
import { heading } from './heading';
import { attrs, cx, hasChildren, htmlOrText, rawHtml, spaced, type Attributes, type Html } from './shared';

/** An action of an interruption panel: a button, or a link when `href` is set. */
export interface PanelAction {
  text?: string;
  href?: string;
  /** `button` (default) / `submit` renders a button; with `href` and no type it's a link. */
  type?: string;
  classes?: string;
  attributes?: Attributes;
}

/** Params of the `govukPanel` macro. */
export interface PanelParams {
  titleText?: string;
  titleHtml?: Html;
  headingLevel?: number | string;
  text?: string;
  html?: Html;
  classes?: string;
  attributes?: Attributes;
  /** Actions, only rendered for interruption panels (`classes: 'govuk-panel--interruption'`). */
  actions?: { items?: PanelAction[]; classes?: string; attributes?: Attributes };
  /** JSX body (the macro's `caller`); overrides `text`/`html`. */
  children?: Child;
}

function PanelActionItem({ action }: { action: PanelAction }) {
  if (!action.href || action.type === 'button') {
    return (
      <Button
        text={action.text}
        type={action.type ? action.type : 'button'}
        classes={cx('govuk-button--inverse', action.classes)}
        href={action.href}
        attributes={action.attributes}
      />
    );
  }
  return (
    <a {...attrs(action.attributes)} class={cx('govuk-link govuk-link--inverse', action.classes)} href={action.href}>
      {action.text}
    </a>
  );
}

/** GOV.UK panel (`govukPanel`): confirmation (default) or interruption panel. */
export function Panel(params: PanelParams) {
  const headingLevel = params.headingLevel ? params.headingLevel : 1;
  const isInterruption = !!params.classes && params.classes.indexOf('govuk-panel--interruption') !== -1;
  const withCaller = hasChildren(params.children);
  const actions = params.actions;

  return (
    <div {...attrs(params.attributes)} class={cx('govuk-panel', !isInterruption && 'govuk-panel--confirmation', params.classes)}>
      {heading(headingLevel, { class: 'govuk-panel__title' }, params.titleHtml ? rawHtml(params.titleHtml) : params.titleText)}
      {withCaller || params.html || params.text ? (
        <div class="govuk-panel__body">{withCaller ? params.children : htmlOrText(params.html, params.text)}</div>
      ) : null}
      {isInterruption && actions ? (
        <div {...attrs(actions.attributes)} class={cx('govuk-panel__actions', actions.classes)}>
          {actions.items?.length ? <div class="govuk-button-group">{spaced(actions.items.map((action) => <PanelActionItem action={action} />))}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
