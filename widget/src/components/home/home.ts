import { defineElement } from '../../define.js';
import { HomeView } from './home.component.js';

export { HomeView } from './home.component.js';
defineElement('is-home-view', HomeView);

declare global {
  interface HTMLElementTagNameMap {
    'is-home-view': HomeView;
  }
}
