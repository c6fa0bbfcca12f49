import { defineElement } from '../../define.js';
import { PassRequiredView } from './pass-required.component.js';

export { PassRequiredView } from './pass-required.component.js';
defineElement('is-pass-required-view', PassRequiredView);

declare global {
  interface HTMLElementTagNameMap {
    'is-pass-required-view': PassRequiredView;
  }
}
