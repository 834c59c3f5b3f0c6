import { attrs, cx, htmlOrText, s, spaced, type Attributes, type TextOrHtml } from './shared';

/** One breadcrumb; without `href` it is the current page. */
export interface BreadcrumbsItem extends TextOrHtml {
  href?: string;
  attributes?: Attributes;
}

/** Params of the `govukBreadcrumbs` macro. */
export interface BreadcrumbsParams {
  items?: BreadcrumbsItem[];
  collapseOnMobile?: boolean;
  /** `aria-label` of the `<nav>`, default "Breadcrumb". */
  labelText?: string;
  classes?: string;
  attributes?: Attributes;
}

/** GOV.UK breadcrumbs (`govukBreadcrumbs`). */
export function Breadcrumbs(params: BreadcrumbsParams) {
  return (
    <nav
      {...attrs(params.attributes)}
      class={cx('govuk-breadcrumbs', params.classes, params.collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')}
      aria-label={params.labelText === undefined ? 'Breadcrumb' : s(params.labelText)}
    >
      <ol class="govuk-breadcrumbs__list">
        {spaced(
          (params.items ?? []).map((item) =>
            item?.href ? (
              <li class="govuk-breadcrumbs__list-item">
                <a {...attrs(item.attributes)} class="govuk-breadcrumbs__link" href={item.href}>
                  {htmlOrText(item.html, item.text)}
                </a>
              </li>
            ) : (
              <li class="govuk-breadcrumbs__list-item" aria-current="page">
                {htmlOrText(item?.html, item?.text)}
              </li>
            ),
          ),
        )}
      </ol>
    </nav>
  );
}
