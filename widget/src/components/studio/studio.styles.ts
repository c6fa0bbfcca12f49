import { css } from 'lit';

/**
 * The root's styles, after `sharedStyles` (which brings box sizing, `.sr-only`, the buttons'
 * focus ring and reduced motion). `.base` resets everything the host page could pass down by
 * inheritance (`all: initial` — a host's `* { font: 30px serif; color: red }` reaches the host
 * element and would otherwise flow into the shadow tree), then maps the public `--is-*`
 * properties, with the tenant's `--_brand-*` values and built-in defaults behind them, onto the
 * internal `--_*` tokens every view uses.
 */
export const studioStyles = css`
  :host([hidden]) {
    display: none;
  }
  .base {
    all: initial;
    display: block;
    --_primary: var(--is-primary, var(--_brand-primary, #1d4ed8));
    --_on-primary: var(--is-on-primary, var(--_brand-on-primary, #ffffff));
    --_primary-text: var(--is-primary-text, var(--_brand-primary-text, #1d4ed8));
    --_accent: var(--is-accent, var(--_brand-accent, #1d4ed8));
    --_bg: var(--is-background, var(--_brand-background, #ffffff));
    --_surface: var(--is-surface, var(--_brand-surface, #f6f8fb));
    --_surface-strong: var(--is-surface-strong, var(--_brand-surface-strong, #e9eef5));
    --_text: var(--is-text, var(--_brand-text, #1f2937));
    --_muted: var(--is-muted, var(--_brand-muted, #4b5563));
    --_border: var(--is-border, var(--_brand-border, #e2e8f0));
    --_border-strong: var(--is-border-strong, var(--_brand-border-strong, #6b7280));
    --_field: var(--is-field, var(--_brand-field, #ffffff));
    --_focus: var(--is-focus, var(--_primary-text));
    --_danger: var(--is-danger, #b91c1c);
    --_danger-surface: #fef2f2;
    --_success: var(--is-success, #15803d);
    --_warning-border: #b45309;
    --_warning-surface: #fffbeb;
    --_warning-text: #78350f;
    --_mark: var(--is-highlight, #fde68a);
    --_mark-text: #1f2937;
    --_radius: var(--is-radius, var(--_brand-radius, 8px));
    --_radius-small: calc(var(--_radius) * 0.6);
    --_gap: var(--is-gap, 1em);
    font-family: var(--is-font-family, var(--_brand-font, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif));
    font-size: var(--is-font-size, 16px);
    font-weight: 400;
    line-height: 1.5;
    color: var(--_text);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  .base.dark {
    --_primary: var(--is-primary, var(--_brand-primary, #3b82f6));
    --_on-primary: var(--is-on-primary, var(--_brand-on-primary, #ffffff));
    --_primary-text: var(--is-primary-text, var(--_brand-primary-text, #93c5fd));
    --_bg: var(--is-background, #0f172a);
    --_surface: var(--is-surface, #172033);
    --_surface-strong: var(--is-surface-strong, #243049);
    --_text: var(--is-text, #e5e7eb);
    --_muted: var(--is-muted, #a3b1c6);
    --_border: var(--is-border, #2b3850);
    --_border-strong: var(--is-border-strong, #8391a7);
    --_field: var(--is-field, #0b1222);
    --_danger: var(--is-danger, #fca5a5);
    --_danger-surface: #3a1518;
    --_success: var(--is-success, #86efac);
    --_warning-border: #f59e0b;
    --_warning-surface: #33240a;
    --_warning-text: #fde68a;
    --_mark: var(--is-highlight, #854d0e);
    --_mark-text: #fef9c3;
    color-scheme: dark;
  }
  .shell {
    display: block;
    background: var(--_bg);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding: 0.6em 1em;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 0.6em;
    font-weight: 700;
    font-size: 1.0625em;
    min-width: 0;
  }
  .logo {
    height: 2em;
    width: auto;
    max-width: 8em;
    object-fit: contain;
  }
  nav li {
    margin: 0;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .nav-item {
    font: inherit;
    color: var(--_text);
    background: transparent;
    border: 0;
    border-radius: var(--_radius-small);
    padding: 0.45em 0.75em;
    min-height: 2.75em;
    cursor: pointer;
  }
  .nav-item:hover {
    background: var(--_surface-strong);
  }
  .nav-item[aria-current='page'] {
    color: var(--_primary-text);
    font-weight: 650;
    box-shadow: inset 0 -3px 0 var(--_primary);
  }
  .nav-item:focus-visible,
  .launcher:focus-visible,
  .close:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .view {
    padding: 1.25em;
    min-height: 12em;
  }
  footer {
    padding: 0.6em 1.25em;
    font-size: 0.8125em;
    color: var(--_muted);
    border-block-start: 1px solid var(--_border);
  }
  .launcher {
    position: fixed;
    inset-block-end: 1.25em;
    inset-inline-end: 1.25em;
    z-index: 2147483000;
    font: inherit;
    font-weight: 650;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.8em 1.3em;
    border-radius: 999px;
    border: 0;
    cursor: pointer;
    background: var(--_primary);
    color: var(--_on-primary);
    box-shadow: 0 6px 24px rgb(15 23 42 / 0.25);
  }
  .launcher svg {
    width: 1.2em;
    height: 1.2em;
  }
  dialog {
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    width: min(60em, calc(100vw - 2em));
    max-height: calc(100vh - 2em);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: 0 20px 60px rgb(15 23 42 / 0.35);
    overflow: auto;
  }
  dialog .shell {
    border: 0;
    border-radius: 0;
    overflow: visible;
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  .close {
    font: inherit;
    font-size: 1.5em;
    line-height: 1;
    width: 1.85em;
    height: 1.85em;
    border-radius: 50%;
    border: 1px solid var(--_border-strong);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
  }
  .boot {
    padding: 1.5em 1em;
    text-align: center;
  }
`;
