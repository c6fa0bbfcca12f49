import '../mock-timer/mock-timer.js';
import { defineElement } from '../../define.js';
import { QuestionView } from './question.component.js';

export { QuestionView, describeWarning, pickQuestion } from './question.component.js';
defineElement('is-question-view', QuestionView);

declare global {
  interface HTMLElementTagNameMap {
    'is-question-view': QuestionView;
  }
}
