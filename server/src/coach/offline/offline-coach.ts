/**
 * The offline coach: the embedded default `Coach`. Questions come from the curated bank, feedback
 * from the rubric scorer, STAR help and mock summaries from rules. Deterministic, no network, no
 * timers; feedback is still streamed part by part (a microtask apart) so callers exercise the
 * same code path as with a model-backed coach.
 */
import type { Feedback, MockSummary, Question, StarDraftContent } from '../../store/records.js';
import type {
  AnswerContext,
  Coach,
  FeedbackEvent,
  MockSummaryInput,
  QuestionSpec,
  StarSuggestions,
} from '../coach.js';
import { summariseMockSession } from './mock-summary.js';
import { OFFLINE_PROMPT_VERSION, scoreAnswer } from './score-answer.js';
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

      for (const criterion of score.criteria) yield await step({ type: 'part', part: { kind: 'criterion', criterion } });
      yield await step({ type: 'part', part: { kind: 'overall', overallScore: score.overallScore } });
      yield await step({ type: 'part', part: { kind: 'strengths', items: score.strengths } });
      yield await step({ type: 'part', part: { kind: 'improvements', items: score.improvements } });
      yield await step({ type: 'part', part: { kind: 'outline', items: score.outline } });
      if (notice) yield await step({ type: 'part', part: { kind: 'notice', message: notice } });

      const feedback: Feedback = {
        overallScore: score.overallScore,
        criteria: score.criteria,
        strengths: score.strengths,
        improvements: score.improvements,
        outline: score.outline,
        source: 'offline',
        model: null,
        promptVersion: OFFLINE_PROMPT_VERSION,
        notice,
      };
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
