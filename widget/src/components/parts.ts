/**
 * Every `part` name the widget exposes. They are public API: a host page styles them with
 * `interview-studio::part(name)`. Views and inner elements forward all of them to the root
 * (`exportparts`), so one selector reaches e.g. every primary button of every view.
 */
export const PARTS = [
  // shell
  'base', 'header', 'logo', 'title', 'nav', 'nav-item', 'view', 'footer', 'launcher', 'dialog', 'close-button',
  // building blocks
  'heading', 'button', 'button-primary', 'button-secondary', 'retry-button', 'card', 'input', 'select', 'textarea',
  'label', 'hint', 'field-error', 'loading', 'empty', 'error', 'notice', 'disclaimer', 'tag',
  // home
  'readiness', 'readiness-score', 'readiness-parts', 'next-practice', 'entitlement', 'continue',
  // setup, question
  'setup-form', 'progress', 'question', 'guidance', 'editor', 'word-count', 'timer', 'warning', 'star-picker',
  // feedback, compare, summary
  'feedback', 'score', 'criterion', 'criterion-score', 'evidence', 'answer-text', 'strengths', 'improvements',
  'outline', 'streaming', 'compare-table', 'summary',
  // STAR builder
  'star-list', 'star-item', 'star-editor', 'star-part', 'save-status', 'suggestions', 'conflict',
  // history
  'chart', 'chart-line', 'chart-point', 'chart-grid', 'history-list', 'history-item',
  // passes, privacy, the age confirmation and the end states
  'pass', 'pass-offer', 'pass-product', 'checkout-status', 'privacy', 'privacy-section', 'restricted', 'confirm-dialog',
  'age-gate', 'closed',
] as const;

export type PartName = (typeof PARTS)[number];

/** The value for `exportparts` on a child element: forwards every part unchanged. */
export const EXPORT_PARTS = PARTS.join(', ');
