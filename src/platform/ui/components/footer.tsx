import { Logo } from './logo';
import { attrs, cx, htmlOrText, njLength, s, spaced, type Attributes, type TextOrHtml } from './shared';

/** A footer link. */
export interface FooterLink {
  href?: string;
  text?: string;
  attributes?: Attributes;
}

/** A navigation section of the footer. */
export interface FooterNavigation {
  title?: string;
  /** Number of columns for the links. */
  columns?: number | string;
  /** Grid column width class suffix, e.g. `one-half`, default `full`. */
  width?: string;
  items?: FooterLink[];
}

/** The footer's meta section (support links and custom content). */
export interface FooterMeta extends TextOrHtml {
  visuallyHiddenTitle?: string;
  items?: FooterLink[];
}

/** Params of the `govukFooter` macro. */
export interface FooterParams {
  meta?: FooterMeta;
  navigation?: FooterNavigation[];
  /** Licence text; `null` removes the licence, omitted shows the Open Government Licence. */
  contentLicence?: TextOrHtml | null;
  /** Copyright text, default "© Crown copyright". */
  copyright?: TextOrHtml;
  containerClasses?: string;
  classes?: string;
  attributes?: Attributes;
}

const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';
const CROWN_COPYRIGHT_URL =
  'https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/';
const LICENCE_LOGO_PATH =
  'M421.5 142.8V.1l-50.7 32.3v161.1h112.4v-50.7zm-122.3-9.6A47.12 47.12 0 0 1 221 97.8c0-26 21.1-47.1 47.1-47.1 16.7 0 31.4 8.7 39.7 21.8l42.7-27.2A97.63 97.63 0 0 0 268.1 0c-36.5 0-68.3 20.1-85.1 49.7A98 98 0 0 0 97.8 0C43.9 0 0 43.9 0 97.8s43.9 97.8 97.8 97.8c36.5 0 68.3-20.1 85.1-49.7a97.76 97.76 0 0 0 149.6 25.4l19.4 22.2h3v-87.8h-80l24.3 27.5zM97.8 145c-26 0-47.1-21.1-47.1-47.1s21.1-47.1 47.1-47.1 47.2 21 47.2 47S123.8 145 97.8 145';

/** GOV.UK footer (`govukFooter`). */
export function Footer(params: FooterParams) {
  const meta = params.meta;
  const licence = params.contentLicence;
  return (
    <div {...attrs(params.attributes)} class={cx('govuk-footer', params.classes)}>
      <div class={cx('govuk-width-container', params.containerClasses)}>
        <Logo classes="govuk-footer__crown" useLogotype={false} />
        {njLength(params.navigation) ? (
          <>
            <div class="govuk-footer__navigation">
              {spaced(
                (params.navigation ?? []).map((nav) => (
                  <div class={`govuk-footer__section govuk-grid-column-${nav.width || 'full'}`}>
                    <h2 class="govuk-footer__heading govuk-heading-m">{nav.title}</h2>
                    {njLength(nav.items) ? (
                      <ul class={cx('govuk-footer__list', nav.columns && `govuk-footer__list--columns-${nav.columns}`)}>
                        {spaced(
                          (nav.items ?? []).map((item) =>
                            item.href && item.text ? (
                              <li class="govuk-footer__list-item">
                                <a {...attrs(item.attributes)} class="govuk-footer__link" href={item.href}>
                                  {item.text}
                                </a>
                              </li>
                            ) : null,
                          ),
                        )}
                      </ul>
                    ) : null}
                  </div>
                )),
              )}
            </div>
            <hr class="govuk-footer__section-break" />
          </>
        ) : null}
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {meta ? (
              <>
                <h2 class="govuk-visually-hidden">{meta.visuallyHiddenTitle || 'Support links'}</h2>
                {njLength(meta.items) ? (
                  <ul class="govuk-footer__inline-list">
                    {spaced(
                      (meta.items ?? []).map((item) => (
                        <li class="govuk-footer__inline-list-item">
                          <a {...attrs(item.attributes)} class="govuk-footer__link" href={s(item.href)}>
                            {item.text}
                          </a>
                        </li>
                      )),
                    )}
                  </ul>
                ) : null}
                {meta.text || meta.html ? <div class="govuk-footer__meta-custom">{htmlOrText(meta.html, meta.text)}</div> : null}
              </>
            ) : null}
            {licence !== null ? (
              <>
                <svg
                  aria-hidden="true"
                  focusable="false"
                  class="govuk-footer__licence-logo"
                  xmlns="http://www.w3.org/2000/svg"
                  viewBox="0 0 483.2 195.7"
                  height="17"
                  width="41"
                >
                  <path fill="currentColor" d={LICENCE_LOGO_PATH} />
                </svg>{' '}
                <span class="govuk-footer__licence-description">
                  {licence?.html || licence?.text ? (
                    htmlOrText(licence.html, licence.text)
                  ) : (
                    <>
                      All content is available under the{' '}
                      <a class="govuk-footer__link" href={OGL_URL} rel="license">
                        Open Government Licence v3.0
                      </a>
                      , except where otherwise stated
                    </>
                  )}
                </span>
              </>
            ) : null}
          </div>
          <div class="govuk-footer__meta-item">
            <a class="govuk-footer__link govuk-footer__copyright-logo" href={CROWN_COPYRIGHT_URL}>
              {params.copyright?.html || params.copyright?.text ? htmlOrText(params.copyright.html, params.copyright.text) : '© Crown copyright'}
            </a>
          </div>
        </div>
      </div>
    </div>
  );
}
