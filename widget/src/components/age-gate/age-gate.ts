import { defineElement } from '../../define.js';
import { AgeGate } from './age-gate.component.js';

export { AgeGate } from './age-gate.component.js';
defineElement('is-age-gate', AgeGate);

declare global {
  interface HTMLElementTagNameMap {
    'is-age-gate': AgeGate;
  }
}
