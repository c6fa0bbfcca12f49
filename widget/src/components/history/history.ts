import '../trend-chart/trend-chart.js';
import { defineElement } from '../../define.js';
import { HistoryView } from './history.component.js';

export { HistoryView } from './history.component.js';
defineElement('is-history-view', HistoryView);

declare global {
  interface HTMLElementTagNameMap {
    'is-history-view': HistoryView;
  }
}
