/**
 * The Anthropic adapter of the `Coach` port: questions, feedback, STAR help and mock summaries
 * from Claude through `@anthropic-ai/sdk`.
 *
 * This adapter only talks to the provider; it never falls back. It throws a `CoachFailure`
 * (or, when the caller's signal aborted, that signal's reason) and `withOfflineFallback`
 * (./offline-fallback.ts) turns every failure into the offline coach's answer with a notice.
 *
 * Structured output: each task's zod schema goes out as `output_config.format` (the SDK's
 * `zodOutputFormat`); the reply is parsed and validated here, scores are clamped, lists trimmed,
 * evidence grounded (./outputs.ts). An unusable reply gets one repair attempt (the problem is
 * quoted back to the model; a `max_tokens` cut is retried with twice the limit); a refusal is
 * not retried.
 *
 * Streaming feedback: the JSON text streams in as `text_delta`s and `createJsonFieldReader`
 * reports each criterion (and then the overall score, strengths, improvements and outline) as
 * soon as its closing bracket arrives; the matching part is yielded at once. If a repair attempt
 * follows, its parts are sent again and replace the earlier ones; `done` is always the
 * authoritative result.
 *
 * Privacy: every piece of learner or job-board text passes through `redact` before it is put in
 * a request, and `metadata.user_id` is a hash of the pseudonymous learner ref (never a name or
 * an e-mail address).
 */
import { createHash } from 'node:crypto';
import type Anthropic from '@anthropic-ai/sdk';
import type { MessageParam, TextBlockParam } from '@anthropic-ai/sdk/resources/messages/messages';
import type { z } from 'zod';
import type { Feedback, MockSummary, Question, StarDraftContent } from '../../store/records.js';
import {
  normaliseWhitespace,
  type AnswerContext,
  type Coach,
  type FeedbackEvent,
  type FeedbackPart,
  type MockSummaryInput,
  type QuestionSpec,
  type StarSuggestions,
} from '../coach.js';
import { summariseMockSession } from '../offline/mock-summary.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { CoachFailure, CoachFailureReason, isCoachFailure } from './coach-failure.js';
import { createJsonFieldReader, type JsonField } from './json-fields.js';
import { jsonAttempt, streamAttempt, type AttemptResult, type ModelRequest, type UsageSink } from './model-call.js';
import {
  clampScore,
  criterionOutputSchema,
  feedbackOutputSchema,
  lostEvidence,
  mendFeedback,
  mendList,
  mendQuestions,
  mendStar,
  mendSummary,
  mockSummaryOutputSchema,
  OutputProblem,
  outputFormats,
  parseOutput,
  questionsOutputSchema,
  starOutputSchema,
  toCriterionScore,
} from './outputs.js';
import {
  feedbackPrompt,
  mockSummaryPrompt,
  PromptVersion,
  questionsPrompt,
  starPrompt,
  type MockAttemptLine,
  type PromptTask,
} from './prompts.js';
import { addUsage, ZERO_USAGE, type TokenUsage } from './usage.js';

export const DEFAULT_MAX_TOKENS: Record<PromptTask, number> = {
  feedback: 2000,
  questions: 2500,
  star: 1200,
  mockSummary: 700,
};

export interface AnthropicCoachOptions {
  client: Anthropic;
  /** Shared by every coach of the deployment (see ./circuit-breaker.ts). */
  breaker: CircuitBreaker;
  models: { feedback: string; questions: string };
  timeouts: {
    /** Whole call: SDK retries, the repair attempt and streaming included. */
    totalMs: number;
    /** Streamed feedback: from sending the request to the first content delta. */
    firstTokenMs: number;
  };
  /** Applied to every piece of learner or job-board text before it goes into a request. */
  redact: (text: string) => string;
  /** The pseudonymous learner ref for calls whose input carries none (questions, STAR, mock). */
  learnerRef?: string | null;
  /** The learner's locale for calls whose input carries none (mock summaries); default `en`. */
  locale?: string;
  /** Every attempt's usage, failed and aborted attempts included. */
  onUsage?: UsageSink;
  maxTokens?: Partial<Record<PromptTask, number>>;
}

/**
 * Feedback with the tokens that produced it (every attempt, the repair included); `usage` is
 * the field proposed for `Feedback`. Cost stays out of it: learners see the feedback, and the
 * estimated cost belongs to the tenant's counters.
 */
export type FeedbackWithUsage = Feedback & { usage: TokenUsage | null };

/** What Anthropic sees as `metadata.user_id`: a one-way hash of the pseudonymous learner ref. */
export function providerUserId(learnerRef: string): string {
  return createHash('sha256').update(`interview-studio/anthropic-user/v1:${learnerRef}`).digest('hex').slice(0, 32);
}

type Verdict<T> =
  | { ok: true; value: T }
  | { ok: false; failure: CoachFailure; repair: { kind: 'more-tokens' } | { kind: 'fix'; problem: string; text: string } | null };

function judge<T>(result: AttemptResult, mend: (text: string) => T): Verdict<T> {
  if (result.stopReason === 'refusal') {
    return { ok: false, failure: new CoachFailure(CoachFailureReason.REFUSAL, 'The AI coach declined to answer.'), repair: null };
  }
  if (result.stopReason === 'max_tokens' || result.stopReason === 'model_context_window_exceeded') {
    return {
      ok: false,
      failure: new CoachFailure(CoachFailureReason.TRUNCATED, 'The AI coach reply was cut off.'),
      repair: result.stopReason === 'max_tokens' ? { kind: 'more-tokens' } : null,
    };
  }
  try {
    return { ok: true, value: mend(result.text) };
  } catch (error) {
    if (!(error instanceof OutputProblem)) throw error;
    return {
      ok: false,
      failure: new CoachFailure(CoachFailureReason.INVALID_OUTPUT, `The AI coach reply was unusable: ${error.message}`, { cause: error }),
      repair: { kind: 'fix', problem: error.message, text: result.text },
    };
  }
}

/** The request for the repair attempt, or null when the failure is final. */
function repaired(request: ModelRequest, verdict: Verdict<unknown>): ModelRequest | null {
  if (verdict.ok || !verdict.repair) return null;
  if (verdict.repair.kind === 'more-tokens') return { ...request, maxTokens: request.maxTokens * 2 };
  const previous = verdict.repair.text.trim().slice(0, 12_000) || '(empty reply)';
  const messages: MessageParam[] = [
    ...request.messages,
    { role: 'assistant', content: previous },
    {
      role: 'user',
      content: `That reply could not be used. ${verdict.repair.problem} Reply again with the complete JSON object only, following the schema and every rule above.`,
    },
  ];
  return { ...request, messages };
}

interface Call {
  signal: AbortSignal;
  /** A response came back: the provider is reachable (for the breaker). */
  responded(): void;
  /** Maps an error to what the caller should see, noting provider trouble for the breaker. */
  fail(error: unknown): unknown;
  end(): void;
}

export function createAnthropicCoach(options: AnthropicCoachOptions): Coach {
  const { client, breaker, models, timeouts, redact } = options;
  const maxTokens = { ...DEFAULT_MAX_TOKENS, ...options.maxTokens };
  const onUsage: UsageSink = options.onUsage ?? (() => undefined);
  const defaultUserId = options.learnerRef ? providerUserId(options.learnerRef) : null;

  function begin(callerSignal: AbortSignal | undefined): Call {
    callerSignal?.throwIfAborted();
    if (!breaker.tryAcquire()) {
      throw new CoachFailure(CoachFailureReason.CIRCUIT_OPEN, 'The AI coach is paused after repeated provider failures.');
    }
    // Aborted when the call ends for any reason, so no request outlives it.
    const local = new AbortController();
    const deadline = setTimeout(
      () => local.abort(new CoachFailure(CoachFailureReason.TIMEOUT, `The AI coach took longer than ${timeouts.totalMs} ms.`)),
      timeouts.totalMs,
    );
    const signal = callerSignal ? AbortSignal.any([callerSignal, local.signal]) : local.signal;
    let outcome: 'neutral' | 'success' | 'failure' = 'neutral';
    return {
      signal,
      responded() {
        if (outcome === 'neutral') outcome = 'success';
      },
      fail(error) {
        if (callerSignal?.aborted) return callerSignal.reason;
        if (isCoachFailure(error) && error.providerTrouble) outcome = 'failure';
        return error;
      },
      end() {
        clearTimeout(deadline);
        local.abort();
        if (outcome === 'success') breaker.recordSuccess();
        else if (outcome === 'failure') breaker.recordFailure();
        else breaker.release();
      },
    };
  }

  function request(task: PromptTask, model: string, prompt: { system: TextBlockParam[]; user: string }, userId: string | null): ModelRequest {
    return {
      model,
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      maxTokens: maxTokens[task],
      format: outputFormats[task],
      userId,
    };
  }

  /** A non-streamed task with one repair attempt. */
  async function runJson<T>(task: PromptTask, first: ModelRequest, mend: (text: string) => T, signal?: AbortSignal): Promise<T> {
    const call = begin(signal);
    try {
      let req: ModelRequest | null = first;
      let verdict: Verdict<T> | null = null;
      for (let attempt = 0; attempt < 2 && req; attempt++) {
        const result = await jsonAttempt(client, req, call.signal, onUsage);
        call.responded();
        verdict = judge(result, mend);
        if (verdict.ok) return verdict.value;
        req = repaired(req, verdict);
      }
      throw (verdict as Extract<Verdict<T>, { ok: false }>).failure;
    } catch (error) {
      throw call.fail(error);
    } finally {
      call.end();
    }
  }

  function parseWith<S extends z.ZodType, T>(schema: S, mend: (value: z.infer<S>) => T): (text: string) => T {
    return (text) => mend(parseOutput(schema, text) as z.infer<S>);
  }

  return {
    name: 'anthropic',

    async generateQuestions(spec: QuestionSpec, signal?: AbortSignal): Promise<Question[]> {
      // Bank ids mean nothing to the model; recent question texts do.
      const avoid = spec.avoidQuestionIds.filter((entry) => /\s/.test(entry)).slice(0, 30).map(redact);
      const prompt = questionsPrompt({
        role: redact(spec.role),
        seniority: spec.seniority,
        interviewType: spec.interviewType,
        company: spec.company ? redact(spec.company) : null,
        jobDescription: spec.jobDescription ? redact(spec.jobDescription) : null,
        count: spec.count,
        avoid,
        locale: spec.locale,
      });
      const model = models.questions;
      const first = request('questions', model, prompt, defaultUserId);
      // Longer sets need more room than the default.
      first.maxTokens = Math.max(first.maxTokens, 250 * spec.count);
      return runJson('questions', first, parseWith(questionsOutputSchema, (o) => mendQuestions(o, spec.count, spec.seed, model)), signal);
    },

    async *evaluateAnswer(
      question: Question,
      answerText: string,
      context: AnswerContext,
      signal?: AbortSignal,
    ): AsyncGenerator<FeedbackEvent> {
      const call = begin(signal);
      try {
        const normalisedAnswer = normaliseWhitespace(answerText);
        const prompt = feedbackPrompt({
          question: { ...question, text: redact(question.text) },
          answer: redact(answerText),
          role: redact(context.role),
          seniority: context.seniority,
          interviewType: context.interviewType,
          jobDescription: context.jobDescription ? redact(context.jobDescription) : null,
          locale: context.locale,
        });
        let req: ModelRequest | null = request('feedback', options.models.feedback, prompt, providerUserId(context.learnerRef));
        let usage: TokenUsage = ZERO_USAGE;
        let failure: CoachFailure | null = null;
        const mend = parseWith(feedbackOutputSchema, (o) => mendFeedback(o, normalisedAnswer));

        for (let attempt = 0; attempt < 2 && req; attempt++) {
          const pending: FeedbackPart[] = [];
          const seen = new Set<string>();
          const reader = createJsonFieldReader((field) => {
            const part = partOf(field, normalisedAnswer, seen);
            if (part) pending.push(part);
          });
          const stream = streamAttempt(client, req, call.signal, timeouts.firstTokenMs, onUsage);
          let result: AttemptResult | undefined;
          try {
            for (;;) {
              const next = await stream.next();
              if (next.done) {
                result = next.value;
                break;
              }
              reader.push(next.value);
              while (pending.length > 0) yield { type: 'part', part: pending.shift()! };
            }
          } finally {
            // The caller stopped reading (or we threw): close the stream so its request is
            // aborted and its usage recorded now, not whenever it is collected.
            if (!result) await stream.return(undefined as never);
          }
          call.responded();
          usage = addUsage(usage, result.usage);
          const verdict = judge(result, mend);
          if (verdict.ok) {
            const notice = verdict.value.criteria.some(lostEvidence)
              ? 'Some quotes the AI coach attributed to you did not match your answer and were removed.'
              : null;
            if (notice) yield { type: 'part', part: { kind: 'notice', message: notice } };
            const feedback: FeedbackWithUsage = {
              ...verdict.value,
              source: 'anthropic',
              model: result.model ?? req.model,
              promptVersion: PromptVersion.feedback,
              notice,
              usage,
            };
            yield { type: 'done', feedback };
            return;
          }
          failure = verdict.failure;
          req = repaired(req, verdict);
        }
        throw failure!;
      } catch (error) {
        throw call.fail(error);
      } finally {
        call.end();
      }
    },

    async suggestStar(draft: StarDraftContent, locale: string, signal?: AbortSignal): Promise<StarSuggestions> {
      const prompt = starPrompt({
        title: redact(draft.title),
        competency: draft.competency,
        parts: {
          situation: redact(draft.situation),
          task: redact(draft.task),
          action: redact(draft.action),
          result: redact(draft.result),
          reflection: redact(draft.reflection),
        },
        locale,
      });
      return runJson('star', request('star', models.feedback, prompt, defaultUserId), parseWith(starOutputSchema, mendStar), signal);
    },

    async summariseMock(input: MockSummaryInput, signal?: AbortSignal): Promise<MockSummary> {
      // The scores are the offline rubric's rules over the stored feedback, so a mock scores the
      // same whichever coach summarises it; the model writes the words.
      const scored = summariseMockSession(input);
      const latest = latestAttempts(input);
      const attempts: MockAttemptLine[] = input.session.questions.map((q) => {
        const a = latest.get(q.id);
        return {
          question: redact(q.text),
          competency: q.competency,
          answered: Boolean(a),
          late: a?.late ?? false,
          score: a?.feedback?.overallScore ?? null,
          criteria: a?.feedback?.criteria.map((c) => ({ criterion: c.criterion, score: c.score })) ?? [],
          answer: a ? redact(truncate(a.text, 1500)) : null,
        };
      });
      const prompt = mockSummaryPrompt({
        role: redact(input.session.role),
        overallScore: scored.overallScore,
        answeredCount: scored.answeredCount,
        total: input.session.questions.length,
        lateCount: scored.lateCount,
        attempts,
        locale: options.locale ?? 'en',
      });
      const summary = await runJson(
        'mockSummary',
        request('mockSummary', models.feedback, prompt, defaultUserId),
        parseWith(mockSummaryOutputSchema, mendSummary),
        signal,
      );
      return { ...scored, summary };
    },
  };
}

/** The feedback part a completed JSON field makes, if any (criteria once each per attempt). */
function partOf(field: JsonField, normalisedAnswer: string, seen: Set<string>): FeedbackPart | null {
  if (field.kind === 'element') {
    if (field.key !== 'criteria') return null;
    const parsed = criterionOutputSchema.safeParse(field.value);
    if (!parsed.success || seen.has(parsed.data.criterion)) return null;
    seen.add(parsed.data.criterion);
    return { kind: 'criterion', criterion: toCriterionScore(parsed.data, normalisedAnswer) };
  }
  switch (field.key) {
    case 'overallScore':
      return typeof field.value === 'number' && Number.isFinite(field.value)
        ? { kind: 'overall', overallScore: clampScore(field.value, 0, 100) }
        : null;
    case 'strengths':
    case 'improvements':
    case 'outline':
      return Array.isArray(field.value) && field.value.every((item) => typeof item === 'string')
        ? { kind: field.key, items: mendList(field.key, field.value as string[]) }
        : null;
    default:
      return null;
  }
}

/** The latest attempt per question (the one a mock interview scores). */
function latestAttempts(input: MockSummaryInput): Map<string, MockSummaryInput['answers'][number]> {
  const latest = new Map<string, MockSummaryInput['answers'][number]>();
  for (const answer of input.answers) {
    if (answer.text.trim().length === 0) continue;
    const current = latest.get(answer.questionId);
    if (!current || answer.attempt > current.attempt) latest.set(answer.questionId, answer);
  }
  return latest;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
