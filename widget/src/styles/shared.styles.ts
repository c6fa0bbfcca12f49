/**
 * Styles every view shares: element resets, buttons, fields, cards, states. They read the
 * internal `--_*` tokens the root defines from the public `--is-*` properties (see
 * `studio.styles.ts`). Only `em` and `px` are used (never `rem`), so a host page's root font
 * size cannot resize the widget.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.5em;
    line-height: 1.25;
    font-weight: 650;
    color: var(--_text);
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  h4 {
    font-size: 1em;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 3px;
    border-radius: 2px;
  }
  p {
    margin: 0 0 0.75em;
  }
  ul,
  ol {
    margin: 0 0 0.75em;
    padding-inline-start: 1.4em;
  }
  li + li {
    margin-block-start: 0.3em;
  }
  a {
    color: var(--_primary-text);
  }
  .stack > * + * {
    margin-block-start: var(--_gap);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
  }
  .spread {
    justify-content: space-between;
  }
  .row.center {
    justify-content: center;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: 0.875em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1em;
  }
  .tag {
    display: inline-block;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    background: var(--_surface-strong);
    color: var(--_text);
    font-size: 0.8125em;
    font-weight: 600;
  }

  /* buttons */
  .btn {
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.75em;
    padding: 0.55em 1.1em;
    border-radius: var(--_radius);
    border: 1px solid transparent;
    cursor: pointer;
    text-decoration: none;
    transition: background-color 120ms ease, border-color 120ms ease;
  }
  .btn:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .btn[disabled],
  .btn[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .btn-primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
  }
  .btn-primary:hover:not([disabled]) {
    filter: brightness(0.93);
  }
  .btn-secondary {
    background: var(--_bg);
    color: var(--_primary-text);
    border-color: var(--_border-strong);
  }
  .btn-secondary:hover:not([disabled]) {
    background: var(--_surface);
  }
  .btn-quiet {
    background: transparent;
    color: var(--_primary-text);
    border-color: transparent;
    padding-inline: 0.5em;
  }
  .btn-quiet:hover:not([disabled]) {
    text-decoration: underline;
  }
  .btn-danger {
    background: var(--_bg);
    color: var(--_danger);
    border-color: var(--_danger);
  }

  /* fields */
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.3em;
  }
  .field + .field {
    margin-block-start: 1em;
  }
  .hint {
    display: block;
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_muted);
    margin-block-end: 0.35em;
  }
  input[type='text'],
  input[type='email'],
  input[type='number'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_field);
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius-small);
    padding: 0.5em 0.65em;
    width: 100%;
    min-height: 2.75em;
  }
  textarea {
    line-height: 1.5;
    resize: vertical;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-block-end: 0.3em;
  }
  .choice {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    font-weight: 400;
    margin-block: 0.25em;
  }
  .choice input {
    margin: 0.3em 0 0;
    width: 1.1em;
    height: 1.1em;
    accent-color: var(--_primary);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    margin-block-start: 0.3em;
  }

  /* states */
  .state {
    padding: 1.5em 1em;
    text-align: center;
  }
  .state p {
    margin-inline: auto;
    max-width: 36em;
  }
  .state-error {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_danger-surface);
  }
  .state-error .error-code {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  .spinner {
    display: inline-block;
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    border: 3px solid var(--_border);
    border-block-start-color: var(--_primary);
    animation: is-spin 800ms linear infinite;
    vertical-align: middle;
  }
  .skeleton {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: var(--_surface-strong);
    margin-block: 0.6em;
    animation: is-pulse 1.2s ease-in-out infinite;
  }
  .skeleton.wide {
    height: 3em;
  }
  @keyframes is-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @keyframes is-pulse {
    50% {
      opacity: 0.5;
    }
  }
  .notice {
    border-inline-start: 4px solid var(--_warning-border);
    background: var(--_warning-surface);
    color: var(--_warning-text);
    padding: 0.75em 1em;
    border-radius: var(--_radius-small);
  }
  .disclaimer {
    font-size: 0.8125em;
    color: var(--_muted);
    border-block-start: 1px solid var(--_border);
    padding-block-start: 0.75em;
    margin-block-start: 1.25em;
  }
  meter,
  progress {
    accent-color: var(--_primary);
  }
  .bar {
    display: block;
    height: 0.5em;
    border-radius: 999px;
    background: var(--_surface-strong);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--_primary);
    border-radius: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
    .spinner {
      animation: none;
    }
  }
`;
