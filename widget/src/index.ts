/**
 * `@interview-studio/widget`: importing it defines `<interview-studio>` and its views.
 *
 *   import '@interview-studio/widget';
 *   <interview-studio publishable-key="pk_…" api-url="https://studio.example.com"></interview-studio>
 *
 * The script-tag bundle (`/widget.js`) is built from `embed/widget.ts` and adds the
 * `window.InterviewStudio` API on top of the same elements.
 */
import './components/studio/studio.js';

export { InterviewStudio, type StudioMode, type StudioTheme } from './components/studio/studio.js';
export { HomeView } from './components/home/home.js';
export { SetupView } from './components/setup/setup.js';
export { QuestionView } from './components/question/question.js';
export { FeedbackView } from './components/feedback/feedback.js';
export { CompareView } from './components/compare/compare.js';
export { SummaryView } from './components/summary/summary.js';
export { StarView } from './components/star/star.js';
export { HistoryView } from './components/history/history.js';
export { PassRequiredView } from './components/pass-required/pass-required.js';
export { PrivacyView } from './components/privacy/privacy.js';
export { AgeGate } from './components/age-gate/age-gate.js';
export { TrendChart, type TrendPoint } from './components/trend-chart/trend-chart.js';
export { MockTimer } from './components/mock-timer/mock-timer.js';
export { PARTS, type PartName } from './components/parts.js';
export { STUDIO_EVENTS, type StudioEvent, type StudioEventDetails, type StudioEventName, type ViewName } from './events.js';
export type { StudioApi } from './core/api.js';
export type { ViewState } from './core/context.js';
export type { StudioErrorCode } from './core/errors.js';
export type { GetToken, TokenRequestReason } from './core/token.js';
export { SUPPORTED_LOCALES, type Locale } from './i18n/index.js';
