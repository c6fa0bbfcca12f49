import { css } from 'lit';

export const setupStyles = css`
  form {
    max-width: 40em;
  }
  .two {
    display: grid;
    gap: 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14em), 1fr));
    margin-block-start: 1em;
  }
  .two .field + .field {
    margin-block-start: 0;
  }
  fieldset.field,
  .two + .field {
    margin-block-start: 1.25em;
  }
  .modes {
    display: grid;
    gap: 0.5em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
  }
  .mode {
    border: 1px solid var(--_border-strong);
    border-radius: var(--_radius);
    padding: 0.75em;
    margin: 0;
  }
  .mode:has(input:checked) {
    border-color: var(--_primary);
    box-shadow: 0 0 0 1px var(--_primary);
  }
  .mode strong {
    display: block;
  }
  details {
    margin-block-start: 1em;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary-text);
    padding-block: 0.25em;
  }
  .submit {
    margin-block-start: 1.25em;
  }
`;
