// A CommonJS user of the built package, through require(): the same flow as esm.mjs, plus a
// bad learner token.
const { createInterviewStudioClient, getErrorCode, ErrorCode } = require('@interview-studio/sdk');

async function main() {
  const { IS_URL: url, IS_PUBLISHABLE_KEY: publishableKey, IS_SECRET_KEY: secretKey } = process.env;
  const server = createInterviewStudioClient({ url, secretKey });
  const { token } = await server.admin.learners.createToken.mutate({ externalId: 'cjs-user' });

  const me = await createInterviewStudioClient({ url, publishableKey, token }).learner.me.query();
  const badToken = await createInterviewStudioClient({ url, publishableKey, token: 'not-a-token' })
    .learner.me.query()
    .catch((error) => error);

  console.log(
    JSON.stringify({
      format: typeof require === 'function' ? 'cjs' : 'esm',
      me: { externalId: me.learner.externalId, name: me.learner.name },
      badToken: { code: getErrorCode(badToken), isUnauthenticated: getErrorCode(badToken) === ErrorCode.UNAUTHENTICATED },
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
