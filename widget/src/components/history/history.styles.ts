import { css } from 'lit';

export const historyStyles = css`
  .sessions {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1em;
    align-items: center;
    justify-content: space-between;
    padding-block: 0.7em;
    border-block-end: 1px solid var(--_border);
  }
  .session p {
    margin: 0;
  }
  .score {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  section + section {
    margin-block-start: var(--_gap);
  }
`;
