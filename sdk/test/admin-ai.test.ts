/**
 * A tenant's own Anthropic key through the BUILT SDK over HTTP, as a partner's server sets it:
 * typed procedures under `admin.ai`, the key accepted but never sent back in any response, and
 * a malformed key refused as a typed VALIDATION_FAILED that does not echo it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { createInterviewStudioClient as CreateClient, InterviewStudioError } from '../src/index.js';
import { ensureSdkBuilt, sdkDir } from './support/built-sdk.js';
import { startTestServer, type TestServer } from './support/test-server.js';

type Client = ReturnType<typeof CreateClient>;
const TENANT_KEY = 'sk-ant-api03-partner-university-own-key-77Kq';

let server: TestServer;
let admin: Client;
const responses: string[] = [];

beforeAll(async () => {
  await ensureSdkBuilt();
  const sdk = (await import(`${sdkDir}/dist/index.js`)) as { createInterviewStudioClient: typeof CreateClient };
  server = await startTestServer();
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    responses.push(await response.clone().text());
    return response;
  };
  admin = sdk.createInterviewStudioClient({ url: server.url, secretKey: server.secretKey, fetch: recordingFetch });
});
afterAll(async () => {
  await server?.close();
});

it('sets, reports and removes the key; no response ever holds it', async () => {
  expect(await admin.admin.ai.status.query()).toMatchObject({ provider: 'offline', keySource: null, tenantKeysSupported: true });
  // verify: false — this machine cannot reach Anthropic to check it.
  const set = await admin.admin.ai.setAnthropicKey.mutate({ apiKey: TENANT_KEY, verify: false });
  expect(set).toMatchObject({ provider: 'anthropic', keySource: 'tenant', tenantKey: { hint: 'sk-ant-…77Kq', usable: true } });
  expect((await admin.admin.ai.status.query()).tenantKey?.hint).toBe('sk-ant-…77Kq');
  expect(await admin.admin.ai.removeAnthropicKey.mutate()).toMatchObject({ provider: 'offline', tenantKey: null });
  expect(responses.length).toBeGreaterThanOrEqual(4);
  for (const body of responses) expect(body).not.toContain('partner-university-own-key');
});

it('refuses a malformed key with VALIDATION_FAILED, without echoing it', async () => {
  const error = (await admin.admin.ai.setAnthropicKey.mutate({ apiKey: 'sk-ant-admin01-partner-admin-key-0000' }).catch((e: unknown) => e)) as InterviewStudioError;
  expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  expect(JSON.stringify({ message: error.message, issues: error.issues })).not.toContain('partner-admin-key');
  expect(error.message).toContain('Admin API key');
});
