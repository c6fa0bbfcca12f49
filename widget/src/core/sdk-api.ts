/**
 * The real `StudioApi`: `@interview-studio/sdk` against the server, with the widget's token
 * policy. A call the server refuses with UNAUTHENTICATED is retried once after the token source
 * found a new token (`getToken` again, or a new guest); if it cannot, the host page is told
 * through `onTokenRefused` (the `is-token-expired` event).
 */
import { createInterviewStudioClient, type InterviewStudioClient } from '@interview-studio/sdk';
import type { FeedbackEvent, FeedbackHandlers, PassSnapshot, StreamHandlers, StudioApi, Unsubscribe } from './api.js';
import { errorCodeOf } from './errors.js';
import type { TokenSource } from './token.js';

export interface SdkApiOptions {
  url: string;
  publishableKey: string;
  tokens: TokenSource;
  /** The token was refused and no new one could be found. */
  onTokenRefused(): void;
}

export function createSdkApi(options: SdkApiOptions): StudioApi {
  const { url, publishableKey, tokens } = options;
  const client: InterviewStudioClient = createInterviewStudioClient({ url, publishableKey, getToken: () => tokens.current() });
  // Guest calls carry their own token (or none), so they never wait on the token source.
  const anonymous = createInterviewStudioClient({ url, publishableKey });

  async function call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (errorCodeOf(error) !== 'UNAUTHENTICATED') throw error;
      if (!(await tokens.renew().catch(() => false))) {
        options.onTokenRefused();
        throw error;
      }
      try {
        return await run();
      } catch (again) {
        if (errorCodeOf(again) === 'UNAUTHENTICATED') options.onTokenRefused();
        throw again;
      }
    }
  }

  interface Tracked<T> {
    id: string;
    data: T;
  }
  type Subscribe<T> = (
    lastEventId: string | null,
    callbacks: { onData(tracked: Tracked<T>): void; onError(error: unknown): void },
  ) => { unsubscribe(): void };

  /**
   * Follows a resumable subscription: resumes after the last event id it saw, renews a refused
   * token once (as `call` does), and ends when `onData` says the stream is complete.
   */
  function follow<T>(
    subscribe: Subscribe<T>,
    lastEventId: string | null,
    onData: (data: T, id: string) => 'continue' | 'complete',
    onError: (error: unknown) => void,
  ): Unsubscribe {
    let lastId = lastEventId;
    let renewed = false;
    let stopped = false;
    let subscription: { unsubscribe(): void } | null = null;
    const open = () => {
      subscription = subscribe(lastId, {
        onData(tracked) {
          lastId = tracked.id;
          if (stopped) return;
          if (onData(tracked.data, tracked.id) === 'complete') subscription?.unsubscribe();
        },
        onError(error) {
          subscription?.unsubscribe();
          if (stopped) return;
          if (errorCodeOf(error) === 'UNAUTHENTICATED' && !renewed) {
            renewed = true;
            void tokens.renew().then(
              (ok) => {
                if (stopped) return;
                if (ok) open();
                else {
                  options.onTokenRefused();
                  onError(error);
                }
              },
              () => onError(error),
            );
            return;
          }
          onError(error);
        },
      });
    };
    open();
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }

  function streamFeedback(answerId: string, handlers: FeedbackHandlers, lastEventId: string | null = null): Unsubscribe {
    return follow<FeedbackEvent>(
      (lastId, callbacks) => client.answer.feedback.subscribe({ answerId, lastEventId: lastId }, callbacks),
      lastEventId,
      (event, id) => {
        handlers.onEvent(event, id);
        return event.type === 'done' ? 'complete' : 'continue';
      },
      (error) => handlers.onError(error),
    );
  }

  /**
   * Follows `billing.passUpdates`, resuming after the last event it saw. A refused token is
   * renewed once, as for calls; other failures go to `onError` (the caller falls back to polling).
   */
  function passUpdates(handlers: StreamHandlers<PassSnapshot>): Unsubscribe {
    return follow<PassSnapshot>(
      (lastId, callbacks) => client.billing.passUpdates.subscribe({ lastEventId: lastId }, callbacks),
      null,
      (snapshot) => {
        handlers.onData(snapshot);
        return 'continue';
      },
      (error) => handlers.onError(error),
    );
  }

  return {
    tenantConfig: () => anonymous.tenant.config.query(),
    me: () => call(() => client.learner.me.query()),
    startGuest: () => anonymous.learner.startGuest.mutate(),
    refreshGuestToken: (token) => createInterviewStudioClient({ url, publishableKey, token }).learner.refreshGuestToken.mutate(),

    createSession: (input) => call(() => client.session.create.mutate(input)),
    getSession: (id) => call(() => client.session.get.query({ id })),
    listSessions: (input) => call(() => client.session.list.query(input)),
    completeSession: (id) => call(() => client.session.complete.mutate({ id })),

    checkAnswer: (text) => call(() => client.answer.check.mutate({ text })),
    submitAnswer: (input) => call(() => client.answer.submit.mutate(input)),
    getAnswer: (id) => call(() => client.answer.get.query({ id })),
    listAttempts: (sessionId, questionId) => call(() => client.answer.listForQuestion.query({ sessionId, questionId })),
    streamFeedback,

    listStar: () => call(() => client.star.list.query()),
    getStar: (id) => call(() => client.star.get.query({ id })),
    saveStar: (input) => call(() => client.star.save.mutate(input)),
    deleteStar: (id) => call(() => client.star.delete.mutate({ id })),
    suggestStar: (id) => call(() => client.star.suggest.mutate({ id })),
    starToAnswer: (id) => call(() => client.star.toAnswer.query({ id })),

    readiness: () => call(() => client.progress.readiness.query()),
    history: () => call(() => client.progress.history.query()),
    entitlement: () => call(() => client.progress.entitlement.query()),

    products: () => call(() => client.billing.products.query()),
    checkout: (input) => call(() => client.billing.checkout.mutate(input)),
    checkoutStatus: (checkoutSessionId) => call(() => client.billing.checkoutStatus.query({ checkoutSessionId })),
    passUpdates,

    ageStatus: () => call(() => client.privacy.ageStatus.query()),
    confirmAge: (input) => call(() => client.privacy.confirmAge.mutate(input)),
    privacySettings: () => call(() => client.privacy.settings.query()),
    setPreferences: (input) => call(() => client.privacy.setPreferences.mutate(input)),
    restrict: () => call(() => client.privacy.restrict.mutate()),
    unrestrict: () => call(() => client.privacy.unrestrict.mutate()),
    updateProfile: (input) => call(() => client.privacy.updateProfile.mutate(input)),
    exportData: () => call(() => client.privacy.export.mutate()),
    requestDeletion: () => call(() => client.privacy.requestDeletion.mutate()),
    deleteAccount: (confirmationToken) => call(() => client.privacy.deleteAccount.mutate({ confirmationToken })),
  };
}
