import { css } from 'lit';

export const summaryStyles = css`
  .result {
    display: flex;
    flex-wrap: wrap;
    gap: 1.25em;
    align-items: center;
  }
  .big {
    font-size: 2.5em;
    font-weight: 750;
    line-height: 1;
    color: var(--_primary-text);
  }
  h3.questions {
    margin-block-start: var(--_gap);
  }
  ol {
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    padding-block: 0.6em;
    border-block-end: 1px solid var(--_border);
  }
  .item p {
    margin: 0;
    flex: 1 1 16em;
  }
  .actions {
    margin-block-start: var(--_gap);
  }
`;
