import { attrs, cx, htmlOrText, type Attributes, type Html } from './shared';

/** Params of the `govukGenericHeader` macro (a header without the GOV.UK crown). */
export interface GenericHeaderParams {
  /** Homepage link, default `/`. */
  url?: string;
  logoText?: string;
  logoHtml?: Html;
  /** Classes of the container, default `govuk-width-container`. */
  containerClasses?: string;
  classes?: string;
  attributes?: Attributes;
  /** Private: class namespace (default `govuk-generic`). */
  _namespace?: string;
}

/** GOV.UK generic header (`govukGenericHeader`). */
export function GenericHeader(params: GenericHeaderParams) {
  const namespace = params._namespace !== undefined ? params._namespace : 'govuk-generic';
  return (
    <div {...attrs(params.attributes)} class={cx(`${namespace}-header`, params.classes)}>
      <div class={`${namespace}-header__container ${params.containerClasses || 'govuk-width-container'}`}>
        <div class={`${namespace}-header__logo`}>
          <a href={params.url || '/'} class={`${namespace}-header__homepage-link`}>
            {htmlOrText(params.logoHtml, params.logoText)}
          </a>
        </div>
      </div>
    </div>
  );
}
