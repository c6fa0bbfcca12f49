/**
 * Subscriptions against a real server, over Server-Sent Events with the `eventsource` ponyfill
 * on Node 20: credentials travel as connection params, and failures end the subscription with
 * an `InterviewStudioError` instead of reconnecting forever.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInterviewStudioClient, type InterviewStudioClient } from '../src/index.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  const admin = createInterviewStudioClient({ url: server.url, secretKey: server.secretKey });
  ({ token } = await admin.admin.learners.createToken.mutate({ externalId: 'subscriber' }));
});

afterAll(async () => {
  await server?.close();
});

/** The error `answer.feedback` ends with; fails the test if it sends data or keeps going. */
function feedbackError(client: InterviewStudioClient, answerId: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the subscription neither failed nor ended')), 5_000);
    const subscription = client.answer.feedback.subscribe(
      { answerId },
      {
        onData: () => reject(new Error('unexpected data')),
        onError: (error) => {
          clearTimeout(timer);
          subscription.unsubscribe();
          resolve(error);
        },
      },
    );
  });
}

it('authenticates with connection params and ends with NOT_FOUND for an unknown answer', async () => {
  const learner = createInterviewStudioClient({ url: server.url, publishableKey: server.publishableKey, getToken: () => token });
  // UNAUTHENTICATED here would mean the key or token did not reach the server.
  expect(await feedbackError(learner, 'no-such-answer')).toMatchObject({
    kind: 'InterviewStudioError',
    code: 'NOT_FOUND',
    path: 'answer.feedback',
  });
});

it('ends with UNAUTHENTICATED for a bad token', async () => {
  const learner = createInterviewStudioClient({ url: server.url, publishableKey: server.publishableKey, token: 'not-a-token' });
  expect(await feedbackError(learner, 'any')).toMatchObject({ code: 'UNAUTHENTICATED', httpStatus: 401 });
});
