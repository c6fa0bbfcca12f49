/**
 * The Anthropic adapter against the fake Messages API: the real SDK, real HTTP, the documented
 * wire format. Success (JSON and streamed), retries, the breaker, timeouts, bad replies,
 * grounding, and a learner leaving mid-stream.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { normaliseWhitespace, type Coach, type FeedbackEvent } from '../coach.js';
import { createOfflineCoach } from '../offline/offline-coach.js';
import { createFeedbackRuns } from '../../practice/feedback-runs.js';
import { providerUserId, type FeedbackWithUsage } from './anthropic-coach.js';
import { CoachFailureReason, isCoachFailure, type CoachFailure } from './coach-failure.js';
import { startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';
import { fallbackNotices, withOfflineFallback } from './offline-fallback.js';
import { UNGROUNDED_NOTE } from './outputs.js';
import { PromptVersion } from './prompts.js';
import { scriptedFeedback, scriptedReply } from './scripted-model.js';
import { adapterOn, collect, doneOf, sampleAnswer, sampleContext, sampleQuestion, testDeployment } from './test-support.js';
import type { TokenUsage } from './usage.js';

let fake: FakeMessagesApi;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
});
afterEach(() => {
  fake.calls.length = 0;
  fake.respond(scriptedReply);
  fake.setTiming({ firstTokenDelayMs: 0, tokenDelayMs: 0 });
  fake.clearCache();
});
afterAll(async () => {
  await fake.close();
});

async function failureOf(promise: Promise<unknown>): Promise<CoachFailure> {
  try {
    await promise;
  } catch (error) {
    if (isCoachFailure(error)) return error;
    throw error;
  }
  throw new Error('expected a CoachFailure, but the call succeeded');
}

const evaluate = (coach: Coach, signal?: AbortSignal) => collect(coach.evaluateAnswer(sampleQuestion, sampleAnswer, sampleContext, signal));

function feedbackJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...scriptedFeedback(sampleAnswer), ...overrides });
}

describe('success', () => {
  it('generates questions from a JSON (non-streamed) reply, with the prompt cached and only a hashed learner id', async () => {
    const coach = adapterOn(testDeployment(fake.url), { learnerRef: 'learner-ref-42' });
    const questions = await coach.generateQuestions({
      role: 'Data Analyst',
      seniority: 'junior',
      interviewType: 'behavioural',
      company: null,
      jobDescription: null,
      count: 4,
      seed: 'seed-1',
      avoidQuestionIds: ['bank:teamwork-1', 'Tell me about a time you failed.'],
      locale: 'fr-FR',
    });
    expect(questions).toHaveLength(4);
    expect(questions.every((q) => q.source === 'claude-haiku-4-5' && q.id.startsWith('ai-'))).toBe(true);

    const [call] = fake.calls;
    expect(call!.body.stream).toBeUndefined();
    expect(call!.body.model).toBe('claude-haiku-4-5');
    expect(call!.body.system[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(call!.body.output_config.format.type).toBe('json_schema');
    expect(call!.body.metadata).toEqual({ user_id: providerUserId('learner-ref-42') });
    expect(call!.body.metadata.user_id).toMatch(/^[0-9a-f]{32}$/);
    const user: string = call!.body.messages[0].content;
    expect(user).toContain('French (France) (fr-FR)');
    expect(user).toContain('- Tell me about a time you failed.');
    expect(user).not.toContain('bank:teamwork-1');
  });

  it('streams feedback parts as the model writes them, then one done with model, prompt version and usage', async () => {
    fake.setTiming({ tokenDelayMs: 1 });
    const coach = adapterOn(testDeployment(fake.url));
    const arrivals: { event: FeedbackEvent; at: number }[] = [];
    for await (const event of coach.evaluateAnswer(sampleQuestion, sampleAnswer, sampleContext)) {
      arrivals.push({ event, at: performance.now() });
    }
    const [call] = fake.calls;
    expect(call!.body.stream).toBe(true);
    const lastWrite = call!.writes[call!.writes.length - 1]!.at;
    const firstCriterion = arrivals.find((a) => a.event.type === 'part' && a.event.part.kind === 'criterion')!;
    // The first criterion reached the caller while the model was still writing.
    expect(firstCriterion.at).toBeLessThan(lastWrite);
    expect(arrivals.map((a) => a.event.type === 'part' && a.event.part.kind)).toEqual([
      'criterion', 'criterion', 'criterion', 'criterion', 'criterion', 'overall', 'strengths', 'improvements', 'outline', false,
    ]);

    const feedback = doneOf(arrivals.map((a) => a.event)) as FeedbackWithUsage;
    expect(feedback).toMatchObject({ source: 'anthropic', model: 'claude-sonnet-4-6', promptVersion: PromptVersion.feedback, notice: null });
    expect(feedback.usage).toMatchObject({ cacheCreationInputTokens: expect.any(Number), cacheReadInputTokens: 0 });
    expect(feedback.usage!.inputTokens).toBeGreaterThan(0);
    expect(feedback.usage!.outputTokens).toBeGreaterThan(0);
    const normalised = normaliseWhitespace(sampleAnswer);
    for (const quote of feedback.criteria.flatMap((c) => c.evidence)) expect(normalised).toContain(quote);
  });

  it('reads the cached prompt prefix on the second call', async () => {
    const usages: TokenUsage[] = [];
    const coach = adapterOn(testDeployment(fake.url), { onUsage: (u) => void usages.push(u) });
    await evaluate(coach);
    await evaluate(coach);
    expect(usages[0]!.cacheCreationInputTokens).toBeGreaterThan(1000);
    expect(usages[0]!.cacheReadInputTokens).toBe(0);
    expect(usages[1]!.cacheCreationInputTokens).toBe(0);
    expect(usages[1]!.cacheReadInputTokens).toBe(usages[0]!.cacheCreationInputTokens);
  });
});

describe('provider faults', () => {
  it('retries a 429 after the retry-after the API asked for, then succeeds', async () => {
    fake.queue({ type: 'error', status: 429, errorType: 'rate_limit_error', headers: { 'retry-after': '1' } });
    const coach = adapterOn(testDeployment(fake.url, { maxRetries: 2 }));
    const feedback = doneOf(await evaluate(coach));
    expect(feedback.source).toBe('anthropic');
    expect(fake.calls).toHaveLength(2);
    // The SDK's own first backoff is at most 500 ms; one second means the header was honoured.
    expect(fake.calls[1]!.receivedAt - fake.calls[0]!.receivedAt).toBeGreaterThanOrEqual(990);
  });

  it('opens the circuit after repeated 529s and stops calling until the cool-down has passed', async () => {
    let now = 0;
    fake.respond(() => ({ type: 'error', status: 529, errorType: 'overloaded_error', headers: { 'retry-after-ms': '5' } }));
    const deployment = testDeployment(fake.url, { maxRetries: 1, breakerThreshold: 2, breakerCooldownMs: 10_000 }, () => now);
    const coach = adapterOn(deployment);

    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.OVERLOADED);
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.OVERLOADED);
    expect(fake.calls).toHaveLength(4); // two calls, each retried once by the SDK
    expect(deployment.shared!.breaker.state).toBe('open');

    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.CIRCUIT_OPEN);
    expect((await failureOf(coach.generateQuestions({ role: 'x', seniority: 'junior', interviewType: 'mixed', company: null, jobDescription: null, count: 1, seed: 's', avoidQuestionIds: [], locale: 'en' }))).reason).toBe(CoachFailureReason.CIRCUIT_OPEN);
    expect(fake.calls).toHaveLength(4);

    // The learner still gets feedback, from the offline coach, saying why.
    const fallback = withOfflineFallback({ primary: coach, fallback: createOfflineCoach() });
    const events = await evaluate(fallback);
    expect(events[0]).toEqual({ type: 'part', part: { kind: 'notice', message: fallbackNotices['circuit-open'] } });
    expect(doneOf(events)).toMatchObject({ source: 'offline', notice: expect.stringContaining(fallbackNotices['circuit-open']) });
    expect(fake.calls).toHaveLength(4);

    // After the cool-down one trial call goes out; the provider has recovered, so it closes.
    now += 10_000;
    fake.respond(scriptedReply);
    expect(doneOf(await evaluate(coach)).source).toBe('anthropic');
    expect(deployment.shared!.breaker.state).toBe('closed');
  });

  it('gives up on a stalled stream at the first-token timeout and closes the upstream request', async () => {
    fake.queue({ type: 'stall' });
    const coach = adapterOn(testDeployment(fake.url, { firstTokenTimeoutMs: 200 }));
    const started = performance.now();
    const failure = await failureOf(evaluate(coach));
    expect(failure.reason).toBe(CoachFailureReason.FIRST_TOKEN_TIMEOUT);
    expect(performance.now() - started).toBeLessThan(1500);
    await fake.calls[0]!.closed;
    expect(fake.calls[0]!.aborted).toBe(true);
  });

  it('stops at the total timeout when the model writes too slowly', async () => {
    fake.setTiming({ tokenDelayMs: 20 });
    const coach = adapterOn(testDeployment(fake.url, { totalTimeoutMs: 300 }));
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.TIMEOUT);
    await fake.calls[0]!.closed;
    expect(fake.calls[0]!.aborted).toBe(true);
  });

  it('treats an in-stream overloaded error as a provider failure', async () => {
    fake.queue({ type: 'stream-error', text: '{"criteria": [', errorType: 'overloaded_error' });
    const coach = adapterOn(testDeployment(fake.url));
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.OVERLOADED);
  });
});

describe('bad replies', () => {
  it('repairs malformed JSON once, quoting the problem back to the model', async () => {
    fake.queue({ type: 'message', text: '{"criteria": [{"criterion": "structure", "score": 4,, }' });
    const coach = adapterOn(testDeployment(fake.url));
    const feedback = doneOf(await evaluate(coach)) as FeedbackWithUsage;
    expect(feedback.source).toBe('anthropic');
    expect(fake.calls).toHaveLength(2);
    const repair = fake.calls[1]!.body.messages;
    expect(repair).toHaveLength(3);
    expect(repair[1]).toMatchObject({ role: 'assistant' });
    expect(repair[2].content).toContain('not valid JSON');
    // Usage covers both attempts.
    expect(feedback.usage!.inputTokens).toBeGreaterThan(0);
  });

  it('fails with invalid-output when the repair is unusable too, and the fallback answers', async () => {
    fake.respond(() => ({ type: 'message', text: JSON.stringify({ criteria: [], overallScore: 50, strengths: [], improvements: [], outline: [] }) }));
    const coach = adapterOn(testDeployment(fake.url));
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.INVALID_OUTPUT);
    expect(fake.calls).toHaveLength(2);

    const events = await evaluate(withOfflineFallback({ primary: coach, fallback: createOfflineCoach() }));
    expect(doneOf(events)).toMatchObject({ source: 'offline', notice: expect.stringContaining(fallbackNotices['invalid-output']) });
  });

  it('clamps out-of-range scores instead of rejecting them', async () => {
    const json = JSON.parse(feedbackJson({ overallScore: 140 }));
    json.criteria[0].score = 9;
    json.criteria[1].score = -2;
    json.criteria[2].score = 3.6;
    fake.queue({ type: 'message', text: JSON.stringify(json) });
    const feedback = doneOf(await evaluate(adapterOn(testDeployment(fake.url))));
    expect(feedback.overallScore).toBe(100);
    expect(feedback.criteria.map((c) => c.score).slice(0, 3)).toEqual([5, 1, 4]);
  });

  it('retries a max_tokens cut with twice the limit', async () => {
    fake.queue({ type: 'message', text: feedbackJson().slice(0, 120), stopReason: 'max_tokens' });
    const coach = adapterOn(testDeployment(fake.url));
    expect(doneOf(await evaluate(coach)).source).toBe('anthropic');
    expect(fake.calls.map((c) => c.body.max_tokens)).toEqual([2000, 4000]);
  });

  it('fails with truncated when even the larger limit is not enough', async () => {
    const coach = adapterOn(testDeployment(fake.url), { maxTokens: { feedback: 40 } });
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.TRUNCATED);
    expect(fake.calls.map((c) => c.body.max_tokens)).toEqual([40, 80]);
  });

  it('does not retry a refusal, and the fallback says the AI coach could not assess it', async () => {
    fake.respond(() => ({ type: 'message', text: '', stopReason: 'refusal' }));
    const coach = adapterOn(testDeployment(fake.url));
    expect((await failureOf(evaluate(coach))).reason).toBe(CoachFailureReason.REFUSAL);
    expect(fake.calls).toHaveLength(1);
    const events = await evaluate(withOfflineFallback({ primary: coach, fallback: createOfflineCoach() }));
    expect(doneOf(events)).toMatchObject({ source: 'offline', notice: expect.stringContaining(fallbackNotices.refusal) });
  });
});

describe('grounding', () => {
  it('drops quotes the learner never wrote and marks the criterion, in the streamed part and the result', async () => {
    const json = JSON.parse(feedbackJson());
    json.criteria[2].evidence = ['I single-handedly rewrote the whole platform', 'fixed 41 of 43 failures'];
    json.criteria[3].evidence = ['"We fixed 41 of 43 failures in four days."'];
    fake.queue({ type: 'message', text: JSON.stringify(json) });
    const events = await evaluate(adapterOn(testDeployment(fake.url)));
    const feedback = doneOf(events);

    const specificity = feedback.criteria.find((c) => c.criterion === 'specificity')!;
    expect(specificity.evidence).toEqual(['fixed 41 of 43 failures']);
    expect(specificity.reason.endsWith(UNGROUNDED_NOTE)).toBe(true);
    // Quotation marks around a real quote are decoration, not invention.
    const impact = feedback.criteria.find((c) => c.criterion === 'impact')!;
    expect(impact.evidence).toEqual(['We fixed 41 of 43 failures in four days.']);
    expect(impact.reason).not.toContain(UNGROUNDED_NOTE);

    const streamed = events.find((e) => e.type === 'part' && e.part.kind === 'criterion' && e.part.criterion.criterion === 'specificity');
    expect(streamed).toEqual({ type: 'part', part: { kind: 'criterion', criterion: specificity } });
    expect(feedback.notice).toMatch(/did not match your answer/);
    const normalised = normaliseWhitespace(sampleAnswer);
    for (const quote of feedback.criteria.flatMap((c) => c.evidence)) expect(normalised).toContain(quote);
  });
});

describe('the learner leaving', () => {
  it('aborts the upstream request when the last subscriber disconnects mid-stream', async () => {
    fake.setTiming({ tokenDelayMs: 5 });
    const usages: { usage: TokenUsage; estimated: boolean }[] = [];
    const coach = adapterOn(testDeployment(fake.url), { onUsage: (usage, d) => void usages.push({ usage, estimated: d.estimated }) });
    const runs = createFeedbackRuns();
    const subscriber = new AbortController();
    const received: FeedbackEvent[] = [];
    const following = (async () => {
      for await (const event of runs.follow('answer-1', (signal) => coach.evaluateAnswer(sampleQuestion, sampleAnswer, sampleContext, signal), subscriber.signal)) {
        received.push(event);
        if (received.length === 1) subscriber.abort(); // the learner closes the tab
      }
    })();
    await following;
    await fake.calls[0]!.closed;

    expect(received).toHaveLength(1);
    expect(fake.calls[0]!.aborted).toBe(true);
    expect(fake.calls[0]!.writes.length).toBeLessThan(Math.ceil(fake.calls[0]!.text.length / 4));
    expect(fake.calls).toHaveLength(1); // no repair, no retry
    await expect.poll(() => usages.length).toBe(1);
    expect(usages[0]!.estimated).toBe(true);
    expect(runs.size).toBe(0);
  });

  it('closes the upstream request and records usage when the caller simply stops reading', async () => {
    fake.setTiming({ tokenDelayMs: 5 });
    const usages: boolean[] = [];
    const coach = adapterOn(testDeployment(fake.url), { onUsage: (_u, d) => void usages.push(d.estimated) });
    for await (const event of coach.evaluateAnswer(sampleQuestion, sampleAnswer, sampleContext)) {
      expect(event.type).toBe('part');
      break;
    }
    await fake.calls[0]!.closed;
    expect(fake.calls[0]!.aborted).toBe(true);
    expect(usages).toEqual([true]);
  });

  it('does not fall back when the caller aborted', async () => {
    fake.setTiming({ tokenDelayMs: 5 });
    const fallback = withOfflineFallback({ primary: adapterOn(testDeployment(fake.url)), fallback: createOfflineCoach() });
    const controller = new AbortController();
    const events: FeedbackEvent[] = [];
    await expect(
      (async () => {
        for await (const event of fallback.evaluateAnswer(sampleQuestion, sampleAnswer, sampleContext, controller.signal)) {
          events.push(event);
          controller.abort(new Error('gone'));
        }
      })(),
    ).rejects.toThrow('gone');
    expect(events.some((e) => e.type === 'done')).toBe(false);
  });
});
