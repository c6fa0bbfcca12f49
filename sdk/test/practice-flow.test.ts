/**
 * The practice engine end to end through the BUILT SDK against a running server (embedded
 * store, offline coach): create a session, submit answers, receive feedback streamed over SSE,
 * complete a mock interview, save and reuse a STAR draft, read readiness and history.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { createInterviewStudioClient as CreateClient } from '../src/index.js';
import { ensureSdkBuilt, sdkDir } from './support/built-sdk.js';
import { startTestServer, type TestServer } from './support/test-server.js';

type Client = ReturnType<typeof CreateClient>;
let server: TestServer;
let learner: Client;

const ANSWER =
  'In my final-year project our team of five was three weeks behind because two modules would not integrate. ' +
  'I was responsible for the data layer, so I set up a shared test harness and ran daily fifteen-minute integration checks. ' +
  'I also rewrote the API contract with the front-end lead. We caught 14 defects in the first week, shipped on time, ' +
  'and scored 78%, the highest in the cohort. I learned to make integration visible early.';

beforeAll(async () => {
  await ensureSdkBuilt();
  const sdk = (await import(`${sdkDir}/dist/index.js`)) as { createInterviewStudioClient: typeof CreateClient };
  server = await startTestServer({ requireAgeConfirmation: true });
  const admin = sdk.createInterviewStudioClient({ url: server.url, secretKey: server.secretKey });
  const { settings } = await admin.admin.settings.get.query();
  await admin.admin.settings.update.mutate({ settings: { ...settings, freeTier: { questionSetsPerMonth: 10, feedbackPerMonth: 20 } } });
  const { token } = await admin.admin.learners.createToken.mutate({ externalId: 'sdk-practice', name: 'Sam' });
  learner = sdk.createInterviewStudioClient({ url: server.url, publishableKey: server.publishableKey, token });
  // First use: the learner confirms the minimum age, as the widget asks them to.
  expect(await learner.privacy.confirmAge.mutate({ minimumAge: 16, confirmed: true })).toMatchObject({ allowed: true });
});

afterAll(async () => {
  await server?.close();
});

/** Collects one answer's streamed feedback events until the final `done`. */
function streamFeedback(answerId: string): Promise<{ types: string[]; score: number }> {
  return new Promise((resolve, reject) => {
    const types: string[] = [];
    const timer = setTimeout(() => reject(new Error('no feedback within 10 s')), 10_000);
    const sub = learner.answer.feedback.subscribe(
      { answerId },
      {
        onData(envelope) {
          const event = envelope.data;
          types.push(event.type === 'part' ? event.part.kind : 'done');
          if (event.type === 'done') {
            clearTimeout(timer);
            sub.unsubscribe();
            resolve({ types, score: event.feedback.overallScore });
          }
        },
        onError(error) {
          clearTimeout(timer);
          reject(error);
        },
      },
    );
  });
}

it('practises a session with streamed feedback', async () => {
  const session = await learner.session.create.mutate({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' });
  expect(session.questions).toHaveLength(2);
  const { answer } = await learner.answer.submit.mutate({ sessionId: session.id, questionId: session.questions[0]!.id, text: ANSWER });
  const streamed = await streamFeedback(answer.id);
  expect(streamed.types.filter((t) => t === 'criterion')).toHaveLength(5);
  expect(streamed.types.at(-1)).toBe('done');
  expect((await learner.answer.get.query({ id: answer.id })).feedback?.overallScore).toBe(streamed.score);
  await learner.session.complete.mutate({ id: session.id });
});

it('completes a mock interview with a summary', async () => {
  const mock = await learner.session.create.mutate({ role: 'Data analyst', seniority: 'graduate', interviewType: 'mixed', questionCount: 2, mode: 'mock', questionTimeLimitSec: 120 });
  expect(mock.mock?.currentDeadline).not.toBeNull();
  for (const q of mock.questions) await learner.answer.submit.mutate({ sessionId: mock.id, questionId: q.id, text: ANSWER });
  const done = await learner.session.complete.mutate({ id: mock.id });
  expect(done.summary).toMatchObject({ answeredCount: 2, lateCount: 0 });
});

it('saves a STAR draft and reuses it as an answer', async () => {
  const draft = await learner.star.save.mutate({
    id: null,
    expectedRevision: 0,
    content: { title: 'Integration rescue', competency: 'problem-solving', situation: 'Two modules would not integrate.', task: 'Own the data layer.', action: 'I built a shared test harness.', result: '14 defects caught; shipped on time.', reflection: 'Make integration visible early.' },
  });
  const { text } = await learner.star.toAnswer.query({ id: draft.id });
  const session = await learner.session.create.mutate({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
  const { answer } = await learner.answer.submit.mutate({ sessionId: session.id, questionId: session.questions[0]!.id, text });
  expect(answer.text).toContain('I built a shared test harness.');
});

it('reads readiness and history', async () => {
  const readiness = await learner.progress.readiness.query();
  expect(readiness.score).toBeGreaterThan(0);
  const history = await learner.progress.history.query();
  expect(history.points.at(-1)?.score).toBe(readiness.score);
  expect(history.sessions.length).toBeGreaterThanOrEqual(3);
});
