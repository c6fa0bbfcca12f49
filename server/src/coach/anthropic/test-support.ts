/**
 * Shared set-up for the Anthropic coach's tests and bench: a deployment pointed at the fake
 * Messages API, and small helpers for streams.
 */
import type { Question } from '../../store/records.js';
import type { AnswerContext, FeedbackEvent } from '../coach.js';
import { createAnthropicCoach, type AnthropicCoachOptions } from './anthropic-coach.js';
import { createAnthropicDeployment, type AnthropicDeployment } from './deployment.js';
import type { AnthropicSettings } from './settings.js';

export function testSettings(baseURL: string, overrides: Partial<AnthropicSettings> = {}): AnthropicSettings {
  return {
    apiKey: 'sk-ant-test-key',
    baseURL,
    feedbackModel: 'claude-sonnet-4-6',
    questionModel: 'claude-haiku-4-5',
    totalTimeoutMs: 5_000,
    firstTokenTimeoutMs: 2_000,
    maxRetries: 0,
    breakerThreshold: 5,
    breakerCooldownMs: 30_000,
    defaultMonthlyTokenBudget: null,
    ...overrides,
  };
}

export function testDeployment(baseURL: string, overrides: Partial<AnthropicSettings> = {}, now?: () => number): AnthropicDeployment {
  return createAnthropicDeployment(testSettings(baseURL, overrides), now ? { now } : {});
}

/** The bare adapter (no fallback) on a deployment's own key, as the contract suite runs it. */
export function adapterOn(deployment: AnthropicDeployment, overrides: Partial<AnthropicCoachOptions> = {}) {
  const { settings, shared } = deployment;
  if (!shared) throw new Error('adapterOn needs a deployment with an API key');
  return createAnthropicCoach({
    client: shared.client,
    breaker: shared.breaker,
    models: { feedback: settings.feedbackModel, questions: settings.questionModel },
    timeouts: { totalMs: settings.totalTimeoutMs, firstTokenMs: settings.firstTokenTimeoutMs },
    redact: (text) => text,
    learnerRef: 'learner-ref-test',
    ...overrides,
  });
}

export async function collect(events: AsyncIterable<FeedbackEvent>): Promise<FeedbackEvent[]> {
  const out: FeedbackEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

export function doneOf(events: readonly FeedbackEvent[]) {
  const done = events.find((e) => e.type === 'done');
  if (done?.type !== 'done') throw new Error('the stream has no done event');
  return done.feedback;
}

export const sampleQuestion: Question = {
  id: 'q-teamwork-1',
  text: 'Tell me about a time you helped a team hit a deadline.',
  competency: 'teamwork',
  guidance: 'One real example; your part; the result.',
  source: 'bank:teamwork-1',
};

export const sampleAnswer = `In my final-year project our team of five had two weeks left and the test suite was failing.
I volunteered to own the failing tests, split them into three groups and paired with a teammate on the hardest group.
We fixed 41 of 43 failures in four days. As a result we submitted on time and scored 72%.`;

export const sampleContext: AnswerContext = {
  role: 'Graduate Software Engineer',
  seniority: 'graduate',
  interviewType: 'behavioural',
  jobDescription: null,
  locale: 'en-GB',
  learnerRef: 'learner-ref-test',
};
