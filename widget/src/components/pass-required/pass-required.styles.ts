import { css } from 'lit';

export const passRequiredStyles = css`
  section + section,
  .card + section,
  section + .institution,
  .card + .institution {
    margin-block-start: var(--_gap);
  }
  .institution {
    margin-block: 1em;
    padding: 1em;
    border: 1px dashed var(--_border-strong);
    border-radius: var(--_radius);
  }
  .products {
    list-style: none;
    margin: 0 0 0.75em;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11em, 1fr));
    gap: 0.75em;
  }
  .products li + li {
    margin: 0;
  }
  .product {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .product h4 {
    margin: 0;
  }
  .product .price {
    font-size: 1.5em;
    font-weight: 700;
    margin: 0;
  }
  .product .btn {
    margin-block-start: auto;
  }
  .pending h3 {
    margin: 0;
  }
  .pending > .row:first-child {
    margin-block-end: 0.5em;
  }
  .actions {
    margin-block-start: var(--_gap);
  }
`;
