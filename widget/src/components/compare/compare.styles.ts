import { css } from 'lit';

export const compareStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em 0.75em;
    border-block-end: 1px solid var(--_border);
  }
  thead th {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .up {
    color: var(--_success);
    font-weight: 600;
  }
  .down {
    color: var(--_danger);
    font-weight: 600;
  }
  .attempts {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18em), 1fr));
    margin-block-start: var(--_gap);
  }
  .answer {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
