/**
 * The offline coach: the embedded default `Coach`. Questions come from the curated bank, feedback
 * from the rubric scorer, STAR help and mock summaries from rules. Deterministic, no network, no
 * timers; feedback is still streamed part by part (a microtask apart) so callers exercise the
 * same code path as with a model-backed coach.
 */
import type { MockSummary, Question, StarDraftContent } from '../../store/records.js';
import {
  feedbackParts,
  type AnswerContext,
  type Coach,
  type FeedbackEvent,
  type MockSummaryInput,
  type QuestionSpec,
  type StarSuggestions,
} from '../coach.js';
import { summariseMockSession } from './mock-summary.js';
import { OFFLINE_PROMPT_VERSION, offlineFeedback, scoreAnswer } from './score-answer.js';
import { selectQuestions } from './select-questions.js';
import { suggestForStarDraft } from './star-suggestions.js';

export { OFFLINE_PROMPT_VERSION };

const ENGLISH_ONLY_NOTICE = 'The offline coach writes its feedback in English.';

function isEnglish(locale: string): boolean {
  return locale.trim() === '' || locale.toLowerCase().startsWith('en');
}

export function createOfflineCoach(): Coach {
  return {
    name: 'offline',

    async generateQuestions(spec: QuestionSpec, signal?: AbortSignal): Promise<Question[]> {
      signal?.throwIfAborted();
      return selectQuestions(spec);
    },

    async *evaluateAnswer(
      question: Question,
      answerText: string,
      context: AnswerContext,
      signal?: AbortSignal,
    ): AsyncGenerator<FeedbackEvent> {
      signal?.throwIfAborted();
      const score = scoreAnswer(question, answerText, { interviewType: context.interviewType });
      const notices = [score.notice, isEnglish(context.locale) ? null : ENGLISH_ONLY_NOTICE].filter(
        (n): n is string => n !== null,
      );
      const notice = notices.length > 0 ? notices.join(' ') : null;

      const step = async (event: FeedbackEvent): Promise<FeedbackEvent> => {
        await Promise.resolve();
        signal?.throwIfAborted();
        return event;
      };

      const feedback = offlineFeedback(score, notice);
      for (const part of feedbackParts(feedback)) yield await step({ type: 'part', part });
      yield await step({ type: 'done', feedback });
    },

    async suggestStar(draft: StarDraftContent, locale: string, signal?: AbortSignal): Promise<StarSuggestions> {
      signal?.throwIfAborted();
      return suggestForStarDraft(draft, locale);
    },

    async summariseMock(input: MockSummaryInput, signal?: AbortSignal): Promise<MockSummary> {
      signal?.throwIfAborted();
      return summariseMockSession(input);
    },
  };
}
