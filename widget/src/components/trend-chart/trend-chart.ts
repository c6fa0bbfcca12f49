import { defineElement } from '../../define.js';
import { TrendChart } from './trend-chart.component.js';

export { TrendChart, type TrendPoint } from './trend-chart.component.js';
defineElement('is-trend-chart', TrendChart);

declare global {
  interface HTMLElementTagNameMap {
    'is-trend-chart': TrendChart;
  }
}
