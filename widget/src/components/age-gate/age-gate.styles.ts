import { css } from 'lit';

export const ageGateStyles = css`
  .card {
    max-width: 36em;
  }
  .row {
    margin-block: 1em 0.25em;
  }
  .card + p {
    margin-block-start: 0.75em;
  }
`;
