import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { attrs, cx, htmlOrText, njLength, s, spaced, withAttrs, type Attributes, type TextOrHtml } from './shared';

/** The previous / next link. */
export interface PaginationLink extends TextOrHtml {
  href?: string;
  /** Label under the link text (block-level pagination only), e.g. the page title. */
  labelText?: string;
  attributes?: Attributes;
}

/** A numbered page link, or an ellipsis. */
export interface PaginationItem {
  number?: string | number;
  visuallyHiddenText?: string;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
  attributes?: Attributes;
}

/** Params of the `govukPagination` macro. */
export interface PaginationParams {
  items?: (PaginationItem | null | undefined)[];
  previous?: PaginationLink;
  next?: PaginationLink;
  /** `aria-label` of the `<nav>`, default "Pagination". */
  landmarkLabel?: string;
  classes?: string;
  attributes?: Attributes;
}

function Arrow({ type }: { type: 'prev' | 'next' }) {
  return type === 'prev' ? (
    <svg
      class="govuk-pagination__icon govuk-pagination__icon--prev"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
    </svg>
  ) : (
    <svg
      class="govuk-pagination__icon govuk-pagination__icon--next"
      xmlns="http://www.w3.org/2000/svg"
      height="13"
      width="15"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 15 13"
    >
      <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
    </svg>
  );
}

function ArrowLink(props: { link: PaginationLink; type: 'prev' | 'next'; blockLevel: boolean; children: Child }) {
  const { link, type, blockLevel } = props;
  return (
    <div class={`govuk-pagination__${type}`}>
      <a {...attrs(link.attributes)} class="govuk-link govuk-pagination__link" href={s(link.href)} rel={type}>
        {blockLevel || type === 'prev' ? <Arrow type={type} /> : null}{' '}
        <span class={cx('govuk-pagination__link-title', blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated')}>{props.children}</span>
        {link.labelText && blockLevel ? (
          <>
            {' '}
            <span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === 'next' ? (
          <>
            {' '}
            <Arrow type={type} />
          </>
        ) : null}
      </a>
    </div>
  );
}

function PageItem({ item }: { item: PaginationItem }) {
  return (
    <li class={cx('govuk-pagination__item', item.current && 'govuk-pagination__item--current', item.ellipsis && 'govuk-pagination__item--ellipsis')}>
      {item.ellipsis ? (
        raw('&ctdot;')
      ) : (
        <a
          {...withAttrs(item.attributes, {
            class: 'govuk-link govuk-pagination__link',
            href: s(item.href),
            'aria-label': item.visuallyHiddenText !== undefined ? s(item.visuallyHiddenText) : `Page ${item.number}`,
            'aria-current': item.current ? 'page' : undefined,
          })}
        >
          {item.number}
        </a>
      )}
    </li>
  );
}

/** GOV.UK pagination (`govukPagination`): numbered pages, or block-level previous/next links. */
export function Pagination(params: PaginationParams) {
  const blockLevel = !params.items && !!(params.next || params.previous);
  const { previous, next } = params;
  return (
    <nav
      {...attrs(params.attributes)}
      class={cx('govuk-pagination', blockLevel && 'govuk-pagination--block', params.classes)}
      aria-label={params.landmarkLabel || 'Pagination'}
    >
      {previous?.href ? (
        <ArrowLink link={previous} type="prev" blockLevel={blockLevel}>
          {previous.html || previous.text ? (
            htmlOrText(previous.html, previous.text)
          ) : (
            <>
              Previous<span class="govuk-visually-hidden"> page</span>
            </>
          )}
        </ArrowLink>
      ) : null}
      {params.items ? (
        <ul class="govuk-pagination__list">{spaced(params.items.map((item) => (item && njLength(item) > 0 ? <PageItem item={item} /> : null)))}</ul>
      ) : null}
      {next?.href ? (
        <ArrowLink link={next} type="next" blockLevel={blockLevel}>
          {next.html || next.text ? (
            htmlOrText(next.html, next.text)
          ) : (
            <>
              Next<span class="govuk-visually-hidden"> page</span>
            </>
          )}
        </ArrowLink>
      ) : null}
    </nav>
  );
}
