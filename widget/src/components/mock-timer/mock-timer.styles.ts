import { css } from 'lit';

export const mockTimerStyles = css`
  :host {
    display: inline-block;
  }
  .timer {
    display: inline-flex;
    align-items: baseline;
    gap: 0.5em;
    padding: 0.35em 0.8em;
    border-radius: 999px;
    border: 1px solid var(--_border-strong);
    background: var(--_surface);
    font-variant-numeric: tabular-nums;
  }
  .time {
    font-weight: 700;
    font-size: 1.125em;
  }
  .low {
    border-color: var(--_warning-border);
    background: var(--_warning-surface);
    color: var(--_warning-text);
  }
  .over {
    border-color: var(--_danger);
    background: var(--_danger-surface);
    color: var(--_danger);
  }
`;
