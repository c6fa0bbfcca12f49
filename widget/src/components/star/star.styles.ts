import { css } from 'lit';

export const starStyles = css`
  .bar-top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    justify-content: space-between;
    margin-block-end: 0.75em;
  }
  .bar-top h2 {
    margin: 0;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-size: 0.875em;
    padding: 0.25em 0.7em;
    border-radius: 999px;
    background: var(--_surface-strong);
  }
  .status::before {
    content: '';
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    background: var(--_muted);
  }
  .status.saved::before {
    background: var(--_success);
  }
  .status.unsaved::before,
  .status.saving::before {
    background: var(--_warning-border);
  }
  .status.error::before,
  .status.conflict::before {
    background: var(--_danger);
  }
  .stories {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.6em;
  }
  .story {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em 1em;
  }
  .story p {
    margin: 0;
  }
  .parts {
    display: grid;
    gap: 1.1em;
    margin-block-start: 1em;
  }
  .star-part textarea {
    min-height: 6em;
  }
  .letter {
    display: inline-grid;
    place-items: center;
    width: 1.6em;
    height: 1.6em;
    border-radius: 50%;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
    margin-inline-end: 0.4em;
  }
  .suggestions {
    margin-block-start: 0.4em;
    padding: 0.6em 0.8em;
    border-inline-start: 3px solid var(--_primary);
    background: var(--_surface);
    border-radius: var(--_radius-small);
  }
  .suggestions ul {
    margin: 0;
  }
  .two {
    display: grid;
    gap: 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
  }
  .actions {
    margin-block-start: 1.25em;
  }
`;
