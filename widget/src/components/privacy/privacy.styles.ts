import { css } from 'lit';

export const privacyStyles = css`
  dl {
    margin: 0;
  }
  dt {
    font-weight: 600;
    margin-block-start: 0.9em;
  }
  dt:first-child {
    margin-block-start: 0;
  }
  dd {
    margin: 0.2em 0 0;
  }
  .notice {
    margin-block-end: var(--_gap);
  }
  form .row {
    margin-block-start: 0.75em;
  }
  .saved {
    margin: 0;
    color: var(--_success);
    font-weight: 600;
  }
  .delete-intro {
    margin-block-start: 1.25em;
  }
  .retention {
    margin-block: 1em 0;
  }
  dialog {
    max-width: min(36em, calc(100vw - 2em));
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    padding: 1.25em 1.5em;
  }
  dialog::backdrop {
    background: rgb(15 23 42 / 0.55);
  }
  dialog h4 {
    margin-block-start: 1em;
  }
`;
