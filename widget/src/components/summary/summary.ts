import { defineElement } from '../../define.js';
import { SummaryView } from './summary.component.js';

export { SummaryView, averageScore } from './summary.component.js';
defineElement('is-summary-view', SummaryView);

declare global {
  interface HTMLElementTagNameMap {
    'is-summary-view': SummaryView;
  }
}
