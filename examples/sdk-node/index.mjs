/**
 * Interview Studio from your Node server, with the built SDK:
 *   1. mint a learner token for one of your signed-in users (secret key),
 *   2. call the API as that learner (publishable key + token), as your front end would,
 *   3. list the tenant's API keys (secret key),
 *   4. handle an error by its stable code.
 *
 * Run: INTERVIEW_STUDIO_URL=… INTERVIEW_STUDIO_SECRET_KEY=sk_… INTERVIEW_STUDIO_PUBLISHABLE_KEY=pk_… node index.mjs
 */
import { createInterviewStudioClient, ErrorCode, getErrorCode } from '@interview-studio/sdk';

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see README.md).`);
    process.exit(1);
  }
  return value;
}

const url = env('INTERVIEW_STUDIO_URL');
const secretKey = env('INTERVIEW_STUDIO_SECRET_KEY');
const publishableKey = env('INTERVIEW_STUDIO_PUBLISHABLE_KEY');

// 1. Server side: the secret key never leaves your server.
const server = createInterviewStudioClient({ url, secretKey });
const { token, expiresAt } = await server.admin.learners.createToken.mutate({ externalId: 'user-42', name: 'Ada Lovelace' });
console.log(`Minted a learner token for user-42, valid until ${expiresAt}.`);

// 2. Learner side: the publishable key plus the token (getToken is asked before every request).
const learner = createInterviewStudioClient({ url, publishableKey, getToken: () => token });
// Where the tenant requires it (the default), the student confirms the minimum age on first
// use; the widget asks them. Nothing about them is stored before that.
const { minimumAge, confirmed, enforced } = await learner.privacy.ageStatus.query();
if (enforced && !confirmed) {
  await learner.privacy.confirmAge.mutate({ minimumAge, confirmed: true });
  console.log(`The student confirmed they are ${minimumAge} or older.`);
}
const me = await learner.learner.me.query();
console.log(`learner.me: ${me.learner.name} (externalId ${me.learner.externalId}, id ${me.learner.id}).`);

// 3. Admin calls need the secret key.
const keys = await server.admin.keys.list.query();
console.log(`admin.keys.list: ${keys.length} keys`);
for (const key of keys) console.log(`  ${key.kind.padEnd(11)} ${key.prefix}…  ${key.label}${key.revokedAt ? ' (revoked)' : ''}`);

// 4. Errors carry a stable code: branch on it, not on the message.
try {
  await createInterviewStudioClient({ url, publishableKey, token: 'not-a-real-token' }).learner.me.query();
} catch (error) {
  const code = getErrorCode(error);
  if (code !== ErrorCode.UNAUTHENTICATED) throw error;
  console.log(`With a bad token, learner.me fails with ${code}: ${error.message}`);
}
