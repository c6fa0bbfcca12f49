/**
 * The offline coach stands in whenever the model cannot or may not answer: the learner has
 * restricted processing, the tenant's monthly token budget is spent, the circuit is open, or the
 * call failed (timeout, 429/5xx after retries, refusal, unusable output…). The learner always
 * gets feedback, marked `source: 'offline'` with a notice saying why; the answer itself was
 * stored before feedback started, so it is never lost.
 *
 * Not a fallback: the learner going away. When the caller's signal aborted, the abort
 * propagates and nothing more is generated.
 */
import type { Feedback, MockSummary, Question, StarDraftContent } from '../../store/records.js';
import type { AnswerContext, Coach, FeedbackEvent, MockSummaryInput, QuestionSpec, StarSuggestions } from '../coach.js';
import { CoachFailureReason, isCoachFailure } from './coach-failure.js';

export type FallbackReason = CoachFailureReason | 'restricted' | 'budget';

const UNAVAILABLE = 'The AI coach is unavailable right now, so the built-in coach answered instead.';

/** What the learner reads, per reason. Plain words; no internals. */
export const fallbackNotices: Record<FallbackReason, string> = {
  restricted:
    'You have restricted the processing of your data, so the built-in coach answered and nothing was sent to an AI provider.',
  budget: "Your institution's AI allowance for this month has been used up, so the built-in coach answered instead.",
  'circuit-open': UNAVAILABLE,
  timeout: 'The AI coach took too long to respond, so the built-in coach answered instead.',
  'first-token-timeout': 'The AI coach took too long to respond, so the built-in coach answered instead.',
  'rate-limited': 'The AI coach is busy right now, so the built-in coach answered instead.',
  overloaded: 'The AI coach is busy right now, so the built-in coach answered instead.',
  unavailable: UNAVAILABLE,
  'not-authorised': UNAVAILABLE,
  rejected: 'The AI coach could not take this request, so the built-in coach answered instead.',
  'invalid-output': 'The AI coach gave an unusable reply, so the built-in coach answered instead.',
  truncated: 'The AI coach gave an incomplete reply, so the built-in coach answered instead.',
  refusal: 'The AI coach could not assess this, so the built-in coach answered instead.',
};

export function fallbackReasonOf(error: unknown): FallbackReason {
  return isCoachFailure(error) ? error.reason : CoachFailureReason.UNAVAILABLE;
}

type Method = 'generateQuestions' | 'evaluateAnswer' | 'suggestStar' | 'summariseMock';

export interface FallbackOptions {
  primary: Coach;
  fallback: Coach;
  /** Asked before every call; a reason means the primary is not called at all. */
  gate?: () => Promise<FallbackReason | null>;
  /** For logs and metrics; must not throw. */
  onFallback?: (event: { method: Method; reason: FallbackReason; error: unknown }) => void;
}

function joinNotices(...notices: (string | null)[]): string | null {
  const present = notices.filter((n): n is string => Boolean(n));
  return present.length > 0 ? present.join(' ') : null;
}

/** The fallback's feedback, with the notice first (so it shows at once) and on the result. */
async function* noticedFeedback(
  fallback: Coach,
  notice: string,
  args: [Question, string, AnswerContext, AbortSignal | undefined],
): AsyncGenerator<FeedbackEvent> {
  yield { type: 'part', part: { kind: 'notice', message: notice } };
  for await (const event of fallback.evaluateAnswer(...args)) {
    if (event.type === 'done') {
      const feedback: Feedback = { ...event.feedback, source: 'offline', notice: joinNotices(notice, event.feedback.notice) };
      yield { type: 'done', feedback };
    } else {
      yield event;
    }
  }
}

async function noticedStar(fallback: Coach, notice: string, draft: StarDraftContent, locale: string, signal?: AbortSignal) {
  const suggestions = await fallback.suggestStar(draft, locale, signal);
  return { ...suggestions, overall: [notice, ...suggestions.overall] };
}

async function noticedSummary(fallback: Coach, notice: string, input: MockSummaryInput, signal?: AbortSignal) {
  const summary = await fallback.summariseMock(input, signal);
  return { ...summary, summary: `${summary.summary} ${notice}` };
}

/** Every call answered by `fallback`, marked with the notice for `reason` (e.g. 'restricted'). */
export function offlineWithNotice(fallback: Coach, reason: FallbackReason): Coach {
  const notice = fallbackNotices[reason];
  return {
    name: fallback.name,
    generateQuestions: (spec, signal) => fallback.generateQuestions(spec, signal),
    evaluateAnswer: (question, answerText, context, signal) =>
      noticedFeedback(fallback, notice, [question, answerText, context, signal]),
    suggestStar: (draft, locale, signal) => noticedStar(fallback, notice, draft, locale, signal),
    summariseMock: (input, signal) => noticedSummary(fallback, notice, input, signal),
  };
}

/** `primary`, with `fallback` answering (and saying so) whenever the primary may not or cannot. */
export function withOfflineFallback(options: FallbackOptions): Coach {
  const { primary, fallback } = options;
  const gate = options.gate ?? (async () => null);
  const report = (method: Method, reason: FallbackReason, error: unknown) => options.onFallback?.({ method, reason, error });

  /** Runs the primary unless gated; returns its result, or the reason to fall back. */
  async function attempt<T>(method: Method, signal: AbortSignal | undefined, run: () => Promise<T>) {
    signal?.throwIfAborted();
    const gated = await gate();
    if (gated) {
      report(method, gated, null);
      return { ok: false as const, reason: gated };
    }
    try {
      return { ok: true as const, value: await run() };
    } catch (error) {
      if (signal?.aborted) throw error;
      const reason = fallbackReasonOf(error);
      report(method, reason, error);
      return { ok: false as const, reason };
    }
  }

  return {
    name: primary.name,

    async generateQuestions(spec: QuestionSpec, signal?: AbortSignal): Promise<Question[]> {
      const result = await attempt('generateQuestions', signal, () => primary.generateQuestions(spec, signal));
      // Questions carry their source (a bank id), which is notice enough.
      return result.ok ? result.value : fallback.generateQuestions(spec, signal);
    },

    async *evaluateAnswer(question, answerText, context, signal): AsyncGenerator<FeedbackEvent> {
      signal?.throwIfAborted();
      const gated = await gate();
      let reason: FallbackReason;
      if (gated) {
        reason = gated;
        report('evaluateAnswer', gated, null);
      } else {
        try {
          for await (const event of primary.evaluateAnswer(question, answerText, context, signal)) yield event;
          return;
        } catch (error) {
          if (signal?.aborted) throw error;
          reason = fallbackReasonOf(error);
          report('evaluateAnswer', reason, error);
        }
      }
      yield* noticedFeedback(fallback, fallbackNotices[reason], [question, answerText, context, signal]);
    },

    async suggestStar(draft: StarDraftContent, locale: string, signal?: AbortSignal): Promise<StarSuggestions> {
      const result = await attempt('suggestStar', signal, () => primary.suggestStar(draft, locale, signal));
      return result.ok ? result.value : noticedStar(fallback, fallbackNotices[result.reason], draft, locale, signal);
    },

    async summariseMock(input: MockSummaryInput, signal?: AbortSignal): Promise<MockSummary> {
      const result = await attempt('summariseMock', signal, () => primary.summariseMock(input, signal));
      return result.ok ? result.value : noticedSummary(fallback, fallbackNotices[result.reason], input, signal);
    },
  };
}
