import type { Child } from 'hono/jsx';
import { heading } from './heading';
import { attrs, cx, htmlOrText, njLength, rawHtml, spaced, type Attributes, type TextOrHtml } from './shared';

/** An action link (e.g. "Change") of a row or card. */
export interface SummaryListAction extends TextOrHtml {
  href?: string;
  /** Visually hidden text appended to the link, e.g. the row's key. */
  visuallyHiddenText?: string;
  classes?: string;
  attributes?: Attributes;
}

/** A set of action links. */
export interface SummaryListActions {
  items?: SummaryListAction[];
  classes?: string;
}

/** One row of a summary list. */
export interface SummaryListRow {
  classes?: string;
  key?: TextOrHtml & { classes?: string };
  value?: TextOrHtml & { classes?: string };
  actions?: SummaryListActions;
}

/** The title of a summary card. */
export interface SummaryCardTitle extends TextOrHtml {
  headingLevel?: number | string;
  classes?: string;
}

/** The `card` option: wraps the list in a summary card. */
export interface SummaryCardParams {
  title?: SummaryCardTitle;
  actions?: SummaryListActions;
  classes?: string;
  attributes?: Attributes;
}

/** Params of the `govukSummaryList` macro. */
export interface SummaryListParams {
  rows?: (SummaryListRow | null | undefined | false)[];
  card?: SummaryCardParams;
  classes?: string;
  attributes?: Attributes;
}

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle?: SummaryCardTitle }) {
  return (
    <a {...attrs(action.attributes)} class={cx('govuk-link', action.classes)} href={action.href ?? ''}>
      {action.html ? rawHtml(action.html) : action.text}
      {action.visuallyHiddenText || cardTitle ? (
        <span class="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({cardTitle.html ? rawHtml(cardTitle.html) : cardTitle.text})</> : null}
        </span>
      ) : null}
    </a>
  );
}

/**
 * The summary card of `govukSummaryList`'s `card` option on its own, for a card whose content is
 * more than one summary list (a list and a form, say): the same markup, with the content as children.
 * The card's title goes in the hidden text of the card's own action links, as the macro does (not
 * in those of a list's rows: only the macro, given the list, adds it there).
 */
export function SummaryCard({ children, ...card }: SummaryCardParams & { children?: Child }) {
  const headingLevel = card.title?.headingLevel ? card.title.headingLevel : 2;
  const actions = card.actions?.items ?? [];
  const [onlyAction, ...otherActions] = actions;
  return (
    <div {...attrs(card.attributes)} class={cx('govuk-summary-card', card.classes)}>
      <div class="govuk-summary-card__title-wrapper">
        {card.title
          ? heading(headingLevel, { class: cx('govuk-summary-card__title', card.title.classes) }, htmlOrText(card.title.html, card.title.text))
          : null}
        {actions.length ? (
          onlyAction && otherActions.length === 0 ? (
            <div class={cx('govuk-summary-card__actions', card.actions?.classes)}>
              <ActionLink action={onlyAction} cardTitle={card.title} />
            </div>
          ) : (
            <ul class={cx('govuk-summary-card__actions', card.actions?.classes)}>
              {spaced(
                actions.map((action) => (
                  <li class="govuk-summary-card__action">
                    <ActionLink action={action} cardTitle={card.title} />
                  </li>
                )),
              )}
            </ul>
          )
        ) : null}
      </div>
      <div class="govuk-summary-card__content">{children}</div>
    </div>
  );
}

/** GOV.UK summary list (`govukSummaryList`), optionally inside a summary card (`card`). */
export function SummaryList(params: SummaryListParams) {
  const rows = params.rows ?? [];
  const anyRowHasActions = rows.some((row) => row && njLength(row.actions?.items) > 0);
  const cardTitle = params.card?.title;

  const list = (
    <dl {...attrs(params.attributes)} class={cx('govuk-summary-list', params.classes)}>
      {rows.map((row) => {
        if (!row) return null;
        const actions = row.actions?.items ?? [];
        const [onlyAction, ...otherActions] = actions;
        return (
          <div class={cx('govuk-summary-list__row', anyRowHasActions && !row.actions?.items && 'govuk-summary-list__row--no-actions', row.classes)}>
            <dt class={cx('govuk-summary-list__key', row.key?.classes)}>{htmlOrText(row.key?.html, row.key?.text)}</dt>
            <dd class={cx('govuk-summary-list__value', row.value?.classes)}>{htmlOrText(row.value?.html, row.value?.text)}</dd>
            {actions.length ? (
              <dd class={cx('govuk-summary-list__actions', row.actions?.classes)}>
                {onlyAction && otherActions.length === 0 ? (
                  <ActionLink action={onlyAction} cardTitle={cardTitle} />
                ) : (
                  <ul class="govuk-summary-list__actions-list">
                    {spaced(
                      actions.map((action) => (
                        <li class="govuk-summary-list__actions-list-item">
                          <ActionLink action={action} cardTitle={cardTitle} />
                        </li>
                      )),
                    )}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );

  return params.card ? <SummaryCard {...params.card}>{list}</SummaryCard> : list;
}
