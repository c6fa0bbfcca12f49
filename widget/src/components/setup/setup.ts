import { defineElement } from '../../define.js';
import { SetupView } from './setup.component.js';

export { SetupView } from './setup.component.js';
defineElement('is-setup-view', SetupView);

declare global {
  interface HTMLElementTagNameMap {
    'is-setup-view': SetupView;
  }
}
