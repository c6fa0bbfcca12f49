import { defineElement } from '../../define.js';
import { CompareView } from './compare.component.js';

export { CompareView } from './compare.component.js';
defineElement('is-compare-view', CompareView);

declare global {
  interface HTMLElementTagNameMap {
    'is-compare-view': CompareView;
  }
}
