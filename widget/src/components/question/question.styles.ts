import { css } from 'lit';

export const questionStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    justify-content: space-between;
    margin-block-end: 0.75em;
  }
  .top h2 {
    margin: 0;
  }
  .progress {
    margin-block-end: 1em;
  }
  .question {
    font-size: 1.1875em;
    line-height: 1.45;
    font-weight: 600;
    margin-block: 0.25em 0.75em;
  }
  details {
    margin-block-end: 1em;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary-text);
    padding-block: 0.25em;
  }
  textarea {
    min-height: 12em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em;
    margin-block: 0.4em 1em;
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .over {
    color: var(--_danger);
    font-weight: 600;
  }
  .warning {
    margin-block: 1em;
  }
  .warning:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .picker {
    margin-block: 0.5em 1em;
    padding: 0.75em;
  }
  .picker ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .picker li + li {
    margin-block-start: 0.4em;
  }
`;
