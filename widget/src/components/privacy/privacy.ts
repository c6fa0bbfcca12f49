import { defineElement } from '../../define.js';
import { PrivacyView } from './privacy.component.js';

export { PrivacyView } from './privacy.component.js';
defineElement('is-privacy-view', PrivacyView);

declare global {
  interface HTMLElementTagNameMap {
    'is-privacy-view': PrivacyView;
  }
}
