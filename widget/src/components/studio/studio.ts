// The root brings the home view with it (see view-loaders.ts); the other views load on demand.
import { defineElement } from '../../define.js';
import { InterviewStudio } from './studio.component.js';

export { InterviewStudio, type StudioMode, type StudioTheme } from './studio.component.js';
defineElement('interview-studio', InterviewStudio);

declare global {
  interface HTMLElementTagNameMap {
    'interview-studio': InterviewStudio;
  }
}
