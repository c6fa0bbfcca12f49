// An ESM user of the built package: mints a learner token on "their server" with the secret
// key, then calls as the learner with the publishable key. Prints what it saw as JSON.
import { createInterviewStudioClient, ErrorCode, getErrorCode, isInterviewStudioError } from '@interview-studio/sdk';

const { IS_URL: url, IS_PUBLISHABLE_KEY: publishableKey, IS_SECRET_KEY: secretKey } = process.env;

const server = createInterviewStudioClient({ url, secretKey });
const { token, expiresAt } = await server.admin.learners.createToken.mutate({ externalId: 'esm-user', name: 'Esm User' });

const learner = createInterviewStudioClient({ url, publishableKey, getToken: async () => token });
const me = await learner.learner.me.query();
const forbidden = await learner.admin.keys.list.query().catch((error) => error);
const invalid = await server.admin.learners.createToken.mutate({ externalId: '' }).catch((error) => error);

// A subscription (Server-Sent Events; Node 20 has no EventSource, so the SDK brings one).
const missing = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the subscription did not end')), 5000);
  const subscription = learner.answer.feedback.subscribe(
    { answerId: 'no-such-answer' },
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

console.log(
  JSON.stringify({
    format: typeof require === 'undefined' ? 'esm' : 'cjs',
    me: { externalId: me.learner.externalId, name: me.learner.name, guest: me.learner.guest, tokenExpiresAt: me.tokenExpiresAt },
    expiresAt,
    forbidden: { code: getErrorCode(forbidden), isError: isInterviewStudioError(forbidden), httpStatus: forbidden.httpStatus },
    invalid: { code: invalid.code, paths: invalid.issues.map((issue) => issue.path) },
    subscription: { code: getErrorCode(missing), path: missing.path },
    knownCodes: Object.keys(ErrorCode).length,
  }),
);
