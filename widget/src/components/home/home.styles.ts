import { css } from 'lit';

export const homeStyles = css`
  .grid {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
  }
  .readiness {
    display: flex;
    gap: 1.25em;
    align-items: center;
    flex-wrap: wrap;
  }
  .ring {
    width: 7.5em;
    height: 7.5em;
    flex: none;
    color: var(--_primary-text);
  }
  .ring .track {
    stroke: var(--_surface-strong);
  }
  .ring .value {
    stroke: currentColor;
    transition: stroke-dasharray 400ms ease;
  }
  .ring text {
    fill: var(--_text);
    font-family: inherit;
  }
  .ring .number {
    font-size: 26px;
    font-weight: 700;
  }
  .ring .of {
    font-size: 11px;
    fill: var(--_muted);
  }
  dl {
    margin: 0;
    flex: 1 1 12em;
    display: grid;
    gap: 0.5em;
  }
  dl div {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.2em 0.75em;
    align-items: center;
  }
  dt {
    font-size: 0.875em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  dl .bar {
    grid-column: 1 / -1;
  }
  .actions {
    margin-block-start: var(--_gap);
  }
  .entitlement {
    margin-block-start: 0.75em;
    gap: 0.25em 0.6em;
  }
  .entitlement p {
    margin: 0;
  }
  .entitlement .btn {
    min-height: 2.25em;
  }
`;
