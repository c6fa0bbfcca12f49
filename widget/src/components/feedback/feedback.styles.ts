import { css } from 'lit';

export const feedbackStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    align-items: center;
    justify-content: space-between;
  }
  .score {
    display: inline-flex;
    align-items: baseline;
    gap: 0.25em;
    padding: 0.4em 0.9em;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .score .value {
    font-size: 2em;
    font-weight: 750;
    line-height: 1;
  }
  .streaming {
    display: inline-flex;
    gap: 0.5em;
    align-items: center;
    color: var(--_muted);
  }
  .layout {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
    align-items: start;
    margin-block-start: var(--_gap);
  }
  .criteria {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .criterion {
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .criterion:last-child {
    border-block-end: 0;
  }
  .criterion-head {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    align-items: center;
  }
  .dots {
    display: inline-flex;
    gap: 0.2em;
  }
  .dot {
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    border: 1.5px solid var(--_primary-text);
  }
  .dot.on {
    background: var(--_primary-text);
  }
  .criterion p {
    margin-block: 0.3em;
  }
  blockquote {
    margin: 0.3em 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_mark);
    color: var(--_muted);
    font-style: italic;
  }
  .answer {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    line-height: 1.6;
  }
  mark {
    background: var(--_mark);
    color: var(--_mark-text);
    border-radius: 2px;
    padding-inline: 0.1em;
  }
  mark.active {
    outline: 2px solid var(--_primary-text);
  }
  .lists {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
    margin-block-start: var(--_gap);
  }
  .actions {
    margin-block-start: var(--_gap);
  }
`;
