import { css } from 'lit';

export const trendChartStyles = css`
  :host {
    display: block;
    color: var(--_primary-text, #1d4ed8);
  }
  figure {
    margin: 0;
    max-width: 46em;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .grid {
    stroke: var(--_border, #e5e7eb);
    stroke-width: 1;
  }
  .axis-label {
    fill: var(--_muted, #4b5563);
    font-size: 11px;
    font-family: inherit;
  }
  .line {
    fill: none;
    stroke: currentColor;
    stroke-width: 2.5;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .area {
    fill: currentColor;
    opacity: 0.08;
  }
  .point {
    fill: var(--_bg, #fff);
    stroke: currentColor;
    stroke-width: 2;
  }
  figcaption {
    font-size: 0.875em;
    color: var(--_muted, #4b5563);
    margin-block-start: 0.4em;
  }
`;
