import { defineElement } from '../../define.js';
import { MockTimer } from './mock-timer.component.js';

export { MockTimer, formatClock, LOW_TIME_SECONDS } from './mock-timer.component.js';
defineElement('is-mock-timer', MockTimer);

declare global {
  interface HTMLElementTagNameMap {
    'is-mock-timer': MockTimer;
  }
}
