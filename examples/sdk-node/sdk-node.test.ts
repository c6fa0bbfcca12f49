/** Runs the example as a user would (`node index.mjs` against a running server) and checks what it prints. */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureSdkBuilt } from '../../sdk/test/support/built-sdk.js';
import { startTestServer, type TestServer } from '../../sdk/test/support/test-server.js';

const run = promisify(execFile);
const script = join(dirname(fileURLToPath(import.meta.url)), 'index.mjs');
let server: TestServer;

beforeAll(async () => {
  await ensureSdkBuilt();
  server = await startTestServer({ requireAgeConfirmation: true });
});

afterAll(async () => {
  await server?.close();
});

it('mints a token, reads the learner, lists keys and shows a bad token as UNAUTHENTICATED', async () => {
  const env = {
    ...process.env,
    INTERVIEW_STUDIO_URL: server.url,
    INTERVIEW_STUDIO_SECRET_KEY: server.secretKey,
    INTERVIEW_STUDIO_PUBLISHABLE_KEY: server.publishableKey,
  };
  const { stdout } = await run(process.execPath, [script], { env });
  const [minted, age, me, keyCount, firstKey, secondKey, badToken, ...rest] = stdout.trim().split('\n');
  expect(minted).toMatch(/^Minted a learner token for user-42, valid until \d{4}-\d\d-\d\dT.+Z\.$/);
  expect(age).toBe('The student confirmed they are 16 or older.');
  expect(me).toMatch(/^learner\.me: Ada Lovelace \(externalId user-42, id \S+\)\.$/);
  expect(keyCount).toBe('admin.keys.list: 2 keys');
  // Both keys are made in the same millisecond, so their order is not fixed.
  expect([firstKey, secondKey].sort()).toEqual([
    `  publishable ${server.publishableKey.slice(0, 11)}…  default publishable key`,
    `  secret      ${server.secretKey.slice(0, 11)}…  default secret key`,
  ]);
  expect(badToken).toMatch(/^With a bad token, learner\.me fails with UNAUTHENTICATED: .+/);
  expect(rest).toEqual([]);
});

it('says which variable is missing', async () => {
  const env = { ...process.env, INTERVIEW_STUDIO_URL: server.url, INTERVIEW_STUDIO_SECRET_KEY: '' };
  const failure = await run(process.execPath, [script], { env }).catch((error: { code: number; stderr: string }) => error);
  expect(failure).toMatchObject({ code: 1, stderr: 'Set INTERVIEW_STUDIO_SECRET_KEY (see README.md).\n' });
});
