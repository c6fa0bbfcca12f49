/**
 * Loading, empty and error blocks every view uses, so they look and read the same everywhere.
 * Parts: `loading`, `empty`, `error`, `retry-button`, `restricted` (processing is restricted).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from '../core/context.js';
import type { I18n } from '../i18n/index.js';

export function loadingBlock(i18n: I18n, label?: string): TemplateResult {
  return html`<div class="state" part="loading" role="status">
    <span class="spinner" aria-hidden="true"></span>
    <p class="muted">${label ?? i18n.t('state.loading')}</p>
    <span class="skeleton" aria-hidden="true"></span>
    <span class="skeleton wide" aria-hidden="true"></span>
  </div>`;
}

export function errorBlock(i18n: I18n, failure: Failure, retry?: () => void): TemplateResult {
  if (failure.code === 'PROCESSING_RESTRICTED') return restrictedBlock(i18n, failure, retry);
  return html`<div class="state state-error" part="error" role="alert">
    <p><strong>${i18n.t('state.errorTitle')}</strong></p>
    <p>${failure.message}</p>
    <p class="error-code">${i18n.t('state.errorCode', { code: failure.code })}</p>
    ${retry
      ? html`<button type="button" class="btn btn-secondary" part="button retry-button" @click=${retry}>${i18n.t('action.retry')}</button>`
      : nothing}
  </div>`;
}

/**
 * Not an error but the learner's own choice: processing is restricted, so nothing is scored or
 * generated (answers are still stored). Says so, and links to lifting the restriction.
 */
function restrictedBlock(i18n: I18n, failure: Failure, retry?: () => void): TemplateResult {
  return html`<div class="state notice" part="notice restricted" role="status">
    <p><strong>${i18n.t('restricted.title')}</strong></p>
    <p>${failure.message}</p>
    <div class="row center">
      ${failure.link
        ? html`<button type="button" class="btn btn-primary" part="button button-primary" @click=${failure.link.go}>${failure.link.label}</button>`
        : nothing}
      ${retry
        ? html`<button type="button" class="btn btn-secondary" part="button retry-button" @click=${retry}>${i18n.t('action.retry')}</button>`
        : nothing}
    </div>
  </div>`;
}

export function emptyBlock(title: string, body: string, action?: TemplateResult): TemplateResult {
  return html`<div class="state card" part="empty">
    <p><strong>${title}</strong></p>
    <p class="muted">${body}</p>
    ${action ?? nothing}
  </div>`;
}
