/**
 * The events `<interview-studio>` fires for the host page. All bubble, cross shadow roots
 * (`composed`), carry a typed `detail`, and are listed in `GlobalEventHandlersEventMap`, so
 * `el.addEventListener('is-feedback', (e) => e.detail.overallScore)` type-checks.
 *
 * Details hold ids, counts and scores, never the text a learner wrote: host pages forward
 * these to analytics.
 */
import type { StudioErrorCode } from './core/errors.js';

export type ViewName =
  | 'home'
  | 'setup'
  | 'question'
  | 'feedback'
  | 'compare'
  | 'summary'
  | 'star'
  | 'history'
  | 'pass'
  | 'privacy'
  | 'signin'
  /** The age confirmation on first use. */
  | 'age'
  /** The end: the account was deleted, or the learner is under the minimum age. */
  | 'closed';

export interface StudioEventDetails {
  /** The widget has its tenant and learner and has drawn its first view. */
  'is-ready': { tenantId: string; locale: string; guest: boolean; view: ViewName };
  /** The learner started an interview session. */
  'is-session-start': { sessionId: string; mode: 'practice' | 'mock'; questionCount: number; interviewType: string };
  /** An answer was stored (its feedback follows). */
  'is-answer-submit': {
    sessionId: string;
    questionId: string;
    answerId: string;
    attempt: number;
    wordCount: number;
    late: boolean;
    warningCount: number;
  };
  /** Feedback for an answer finished streaming. */
  'is-feedback': { sessionId: string; questionId: string; answerId: string; attempt: number; overallScore: number; source: string };
  /** The learner finished a session (a mock interview has its overall score by now). */
  'is-session-complete': { sessionId: string; mode: 'practice' | 'mock'; answeredCount: number; mockScore: number | null };
  /** The learner needs a pass to continue; the host may show its own offer. */
  'is-pass-required': { action: string | null; period: string | null; billingMode: string };
  /**
   * A pass the learner bought in the checkout window is active: its type and when it ends
   * (`expiresAt`; ISO 8601). The widget has returned the learner to what they were doing.
   */
  'is-purchase-complete': { passType: 'day' | 'week' | 'month'; startsAt: string; expiresAt: string };
  /**
   * The widget has no usable learner token: none was given (`missing`), or the server refused
   * it and `getToken` could not provide another (`rejected`). Call `setToken()` to continue.
   */
  'is-token-expired': { reason: 'missing' | 'rejected' };
  /** A call failed; `message` is the learner-facing sentence that was shown. */
  'is-error': { code: StudioErrorCode; message: string; operation: string };
}

export type StudioEventName = keyof StudioEventDetails;

export type StudioEvent<K extends StudioEventName> = CustomEvent<StudioEventDetails[K]>;

export const STUDIO_EVENTS: readonly StudioEventName[] = [
  'is-ready',
  'is-session-start',
  'is-answer-submit',
  'is-feedback',
  'is-session-complete',
  'is-pass-required',
  'is-purchase-complete',
  'is-token-expired',
  'is-error',
];

export function createStudioEvent<K extends StudioEventName>(name: K, detail: StudioEventDetails[K]): StudioEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false });
}

declare global {
  interface GlobalEventHandlersEventMap {
    'is-ready': StudioEvent<'is-ready'>;
    'is-session-start': StudioEvent<'is-session-start'>;
    'is-answer-submit': StudioEvent<'is-answer-submit'>;
    'is-feedback': StudioEvent<'is-feedback'>;
    'is-session-complete': StudioEvent<'is-session-complete'>;
    'is-pass-required': StudioEvent<'is-pass-required'>;
    'is-purchase-complete': StudioEvent<'is-purchase-complete'>;
    'is-token-expired': StudioEvent<'is-token-expired'>;
    'is-error': StudioEvent<'is-error'>;
  }
}
