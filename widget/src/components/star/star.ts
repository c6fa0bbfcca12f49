import { defineElement } from '../../define.js';
import { StarView } from './star.component.js';

export { StarView, STAR_PARTS, STAR_COMPETENCIES, BLANK_STORY } from './star.component.js';
defineElement('is-star-view', StarView);

declare global {
  interface HTMLElementTagNameMap {
    'is-star-view': StarView;
  }
}
