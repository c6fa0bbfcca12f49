/**
 * The `Coach` port: everything Interview Studio asks of an interview coach.
 *
 * Two adapters implement it: `offline` (the embedded default — a curated question bank and a
 * rubric scorer, deterministic, no network) and `anthropic` (Claude through `@anthropic-ai/sdk`).
 * Both pass the same contract suite in `./contract/coach-contract.ts`.
 *
 * - `generateQuestions(spec)` returns exactly `spec.count` questions (1-15) with distinct ids,
 *   avoiding the ids/texts in `spec.avoidQuestionIds` where it can.
 * - `evaluateAnswer(question, answer, context)` streams feedback: zero or more `part` events as
 *   they are produced (criteria, overall, strengths, improvements, outline, notice — in any
 *   order an adapter finds natural), then exactly one `done` event, last, carrying the complete
 *   `Feedback`. Callers that only want the result use `collectFeedback`.
 *   Criterion scores are 1-5, the overall score 0-100, and every evidence quote is a verbatim
 *   substring of the whitespace-normalised answer.
 * - `suggestStar(draft, locale)` returns suggestions for every STAR part plus overall notes.
 * - `summariseMock({ session, answers })` scores and summarises a finished mock interview.
 *
 * Every method honours an `AbortSignal`: an already-aborted signal rejects at once (or, for the
 * stream, throws before any `done`), with the signal's reason.
 */
import type {
  Answer,
  CriterionScore,
  Feedback,
  InterviewSession,
  InterviewType,
  MockSummary,
  Question,
  Seniority,
  StarDraftContent,
} from '../store/records.js';

/** The five criteria every adapter scores, in the order the widget shows them. */
export const feedbackCriteria = ['structure', 'relevance', 'specificity', 'impact', 'clarity'] as const;
export type FeedbackCriterion = (typeof feedbackCriteria)[number];

export const MIN_QUESTION_COUNT = 1;
export const MAX_QUESTION_COUNT = 15;

export interface QuestionSpec {
  role: string;
  seniority: Seniority;
  interviewType: InterviewType;
  company: string | null;
  jobDescription: string | null;
  /** How many questions to return, 1-15. */
  count: number;
  /** Same spec and seed → same questions (for the offline coach). */
  seed: string;
  /** Question ids or texts used in the learner's recent sessions; avoided where possible. */
  avoidQuestionIds: string[];
  locale: string;
}

export interface AnswerContext {
  role: string;
  seniority: Seniority;
  interviewType: InterviewType;
  jobDescription: string | null;
  locale: string;
  /** A hashed learner id; never the learner's name or e-mail. */
  learnerRef: string;
}

export type FeedbackPart =
  | { kind: 'criterion'; criterion: CriterionScore }
  | { kind: 'overall'; overallScore: number }
  | { kind: 'strengths'; items: string[] }
  | { kind: 'improvements'; items: string[] }
  | { kind: 'outline'; items: string[] }
  | { kind: 'notice'; message: string };

export type FeedbackEvent = { type: 'part'; part: FeedbackPart } | { type: 'done'; feedback: Feedback };

export const starParts = ['situation', 'task', 'action', 'result', 'reflection'] as const;
export type StarPart = (typeof starParts)[number];

/** Suggestions per STAR part (never missing, possibly a "looks good" note) plus overall notes. */
export type StarSuggestions = Record<StarPart, string[]> & { overall: string[] };

export interface MockSummaryInput {
  session: InterviewSession;
  /** Every attempt in the session; the latest attempt per question counts. */
  answers: Answer[];
}

export interface Coach {
  /** The adapter's name: 'offline' | 'anthropic'. */
  readonly name: string;
  generateQuestions(spec: QuestionSpec, signal?: AbortSignal): Promise<Question[]>;
  evaluateAnswer(
    question: Question,
    answerText: string,
    context: AnswerContext,
    signal?: AbortSignal,
  ): AsyncIterable<FeedbackEvent>;
  suggestStar(draft: StarDraftContent, locale: string, signal?: AbortSignal): Promise<StarSuggestions>;
  summariseMock(input: MockSummaryInput, signal?: AbortSignal): Promise<MockSummary>;
}

/** The parts a finished feedback consists of, in the order the widget shows them. */
export function feedbackParts(feedback: Feedback): FeedbackPart[] {
  const parts: FeedbackPart[] = feedback.criteria.map((criterion) => ({ kind: 'criterion', criterion }));
  parts.push({ kind: 'overall', overallScore: feedback.overallScore });
  parts.push({ kind: 'strengths', items: feedback.strengths });
  parts.push({ kind: 'improvements', items: feedback.improvements });
  parts.push({ kind: 'outline', items: feedback.outline });
  if (feedback.notice) parts.push({ kind: 'notice', message: feedback.notice });
  return parts;
}

/** Drains a feedback stream and returns the `done` feedback; throws if the stream has none. */
export async function collectFeedback(events: AsyncIterable<FeedbackEvent>): Promise<Feedback> {
  let feedback: Feedback | null = null;
  for await (const event of events) {
    if (event.type === 'done') feedback = event.feedback;
  }
  if (!feedback) throw new Error('The coach finished without a feedback result.');
  return feedback;
}

/** Collapses runs of whitespace and trims: the text evidence quotes are checked against. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
