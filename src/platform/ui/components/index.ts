/**
 * GOV.UK Frontend components as typed hono/jsx components. Each one takes the
 * same params as the govuk-frontend Nunjucks macro and renders the same markup
 * (checked against govuk-frontend's fixtures by components.test.tsx). A few of Waymark's own
 * parts are built on them (StatusTag, Paragraphs, BulletList, PostLink; see the README).
 */
export * from './shared';
export * from './back-link';
export * from './breadcrumbs';
export * from './bullet-list';
export * from './button';
export * from './character-count';
export * from './checkboxes';
export * from './date-input';
export * from './details';
export * from './error-message';
export * from './error-summary';
export * from './fieldset';
export * from './file-upload';
export * from './footer';
export * from './generic-header';
export * from './hint';
export * from './input';
export * from './inset-text';
export * from './label';
export * from './logo';
export * from './notification-banner';
export * from './pagination';
export * from './paragraphs';
export * from './panel';
export * from './password-input';
export * from './phase-banner';
export * from './post-link';
export * from './radios';
export * from './select';
export * from './service-navigation';
export * from './skip-link';
export * from './status-tag';
export * from './summary-list';
export * from './table';
export * from './tag';
export * from './task-list';
export * from './textarea';
export * from './warning-text';
