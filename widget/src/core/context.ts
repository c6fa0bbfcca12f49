/**
 * What every view is given by the root `<interview-studio>`: the API, the tenant, navigation,
 * events for the host page, the live region, and one way to turn a failure into a message.
 */
import type { LearnerProfile, SessionView, StudioApi, TenantConfig } from './api.js';
import type { CheckoutWatch } from './checkout-watch.js';
import type { StudioErrorCode } from './errors.js';
import type { StudioEventDetails, StudioEventName, ViewName } from '../events.js';
import type { I18n } from '../i18n/index.js';

export type ViewState =
  | { name: 'home' }
  | { name: 'setup' }
  /** `questionId` names a question to (re)attempt; otherwise the next unanswered one. */
  | { name: 'question'; sessionId: string; questionId?: string }
  | { name: 'feedback'; sessionId: string; answerId: string }
  | { name: 'compare'; sessionId: string; questionId: string }
  | { name: 'summary'; sessionId: string }
  /** `draftId`: undefined lists the stories, null starts a new one. */
  | { name: 'star'; draftId?: string | null }
  | { name: 'history' }
  /**
   * The passes on offer. `action`/`period`: the free allowance that ran out (null when the
   * learner came to look); `resume`: where to return once a pass is active.
   */
  | { name: 'pass'; action: string | null; period: string | null; resume?: ViewState | null }
  | { name: 'privacy' };

/** A failure as a view shows it. */
export interface Failure {
  code: StudioErrorCode;
  message: string;
  /** A way out the learner can take, such as lifting a restriction in the privacy panel. */
  link?: { label: string; go(): void };
}

/** Why the widget stopped for good: the account was deleted, or the learner is under age. */
export type ClosedReason = 'deleted' | 'under-age';

/** What a view shows while it loads data. */
export type Load<T> = { status: 'loading' } | { status: 'error'; failure: Failure } | { status: 'ready'; data: T };

export interface StudioContext {
  readonly api: StudioApi;
  readonly tenant: TenantConfig;
  readonly learner: LearnerProfile | null;
  /** The view being shown. */
  readonly view: ViewState;
  /** The strings in the widget's language now, for code that outlives a view (views get `i18n` themselves). */
  readonly i18n: I18n;
  /**
   * Shows another view. Focus moves to its heading unless `focus` is false (the first view,
   * which must not steal focus from the host page).
   */
  navigate(view: ViewState, options?: { focus?: boolean }): void;
  /** Fires an event for the host page on the `<interview-studio>` element. */
  emit<K extends StudioEventName>(name: K, detail: StudioEventDetails[K]): void;
  /** Says something through the polite live region. */
  announce(message: string): void;
  /**
   * Turns a failed call into what the view shows; reports it (`is-error`) and, for
   * PASS_REQUIRED, opens the pass view. Returns null for calls the widget cancelled itself.
   */
  fail(error: unknown, operation: string): Failure | null;
  /** Local clock minus server clock, in ms, learned from fresh server timestamps. */
  readonly clockSkewMs: number;
  noteServerTime(iso: string, receivedAt?: number): void;
  /** Text to put into the next answer editor (a STAR story "used in an answer"). */
  pendingAnswerText: string | null;
  /**
   * Answers being written, by `sessionId/questionId`: kept when the learner leaves the question
   * (a pass to buy, a look at the privacy panel) and put back when they return.
   */
  readonly answerDrafts: Map<string, string>;
  /** The learner's answer to the age confirmation; resolves once the widget moved on. */
  confirmAge(confirmed: boolean): Promise<void>;
  /**
   * The account is gone (deleted; purged within `purgeAfterDays`) or may not exist (under
   * age): the widget drops the token (a guest's stored one too) and shows why it stopped.
   */
  closeAccount(reason: ClosedReason, purgeAfterDays?: number | null): void;
  /** The session the learner is in, if any (for "use in an answer"). */
  activeSessionId: string | null;
  /** Completes a session, tells the host page, and shows its summary. */
  completeSession(sessionId: string): Promise<SessionView>;
  /** The checkout started in this widget that is waiting for its pass, if any. */
  readonly checkout: CheckoutWatch | null;
  /**
   * Keeps a checkout's watch running for as long as the widget is on the page, whichever view is
   * shown, in place of any earlier one; null stops watching (the learner chose another pass).
   */
  watchCheckout(watch: CheckoutWatch | null): void;
  /** Tells the root that the view finished its first load (for `is-ready`). */
  settled(view: ViewName): void;
}
