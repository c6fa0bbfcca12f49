/**
 * The app picks the Claude coach when ANTHROPIC_API_KEY is set: feedback streamed through the
 * real `answer.feedback` procedure comes from the (fake) Messages API, carries the model and
 * prompt version, and the request that left the server holds no e-mail address or name.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FeedbackEvent } from '../coach.js';
import { createTestApp, type AppCaller, type TestApp } from '../../test-support/test-app.js';
import { startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';

let fake: FakeMessagesApi;
let t: TestApp;
let learner: AppCaller;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
  t = await createTestApp({ ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MAX_RETRIES: '0' });
  const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'claude-user', name: 'Priya Shah' });
  learner = t.caller({ apiKey: t.a.pk, bearer: token });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

it('streams feedback from Claude with its model and prompt version', async () => {
  const session = await learner.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
  const text =
    'I am Priya Shah (priya@example.com). In my internship I owned the flaky test suite: I tracked failures for a week, ' +
    'found three race conditions, fixed them and cut failed builds from 30% to 4%. I learned to measure before fixing.';
  const { answer } = await learner.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text });
  const events: FeedbackEvent[] = [];
  for await (const envelope of await learner.answer.feedback({ answerId: answer.id })) events.push((envelope as unknown as [string, FeedbackEvent])[1]);
  const done = events.at(-1) as Extract<FeedbackEvent, { type: 'done' }>;
  expect(done.type).toBe('done');
  expect(done.feedback).toMatchObject({ source: 'anthropic', model: 'claude-sonnet-4-6' });
  expect(done.feedback.promptVersion).toMatch(/^anthropic-feedback-/);

  const feedbackCall = fake.calls.find((c) => JSON.stringify(c.body).includes('flaky test suite'));
  expect(feedbackCall).toBeDefined();
  const sent = JSON.stringify(feedbackCall!.body);
  expect(sent).not.toContain('priya@example.com');
  expect(sent).not.toContain('Priya Shah');
  expect(feedbackCall!.body.metadata.user_id).toMatch(/^[0-9a-f]{16,}$/);
  expect((await learner.answer.get({ id: answer.id })).feedback?.source).toBe('anthropic');
});
