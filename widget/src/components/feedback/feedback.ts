import { defineElement } from '../../define.js';
import { FeedbackView } from './feedback.component.js';

export { FeedbackView, applyPart, fromFeedback, EMPTY_FEEDBACK, type PartialFeedback } from './feedback.component.js';
defineElement('is-feedback-view', FeedbackView);

declare global {
  interface HTMLElementTagNameMap {
    'is-feedback-view': FeedbackView;
  }
}
