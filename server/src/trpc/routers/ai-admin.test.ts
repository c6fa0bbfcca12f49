/**
 * `admin.ai`: a tenant brings its own Anthropic API key. Pinned here, through the real app and
 * a real SQLite file, with the (fake) Anthropic API:
 * - the key is checked with Anthropic before it is stored, and a bad one changes nothing;
 * - it is write-only: no answer, log line or database byte holds it, only its hint;
 * - once set, the tenant's learners get Claude on that key — even with no deployment key — and
 *   other tenants are untouched; removing it returns the tenant to the deployment's choice;
 * - only the tenant's own secret key may do this, and a server without TENANT_SECRETS_KEY
 *   (production) refuses to store keys.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../../coach/coach.js';
import { apiKeyOf, startFakeMessagesApi, type FakeMessagesApi } from '../../coach/anthropic/fake-messages-api.js';
import { createTestApp, expectAppError, type AppCaller, type TestApp } from '../../test-support/test-app.js';

const TENANT_KEY = 'sk-ant-api03-alpha-university-own-key-Zq9x';
const SECRETS_KEY = 'ai-admin-test-tenant-secrets-key-32-characters';

let fake: FakeMessagesApi;
let t: TestApp;
let admin: AppCaller;
const logLines: string[] = [];

async function feedbackSourceFor(tenant: 'a' | 'b', externalId: string): Promise<string> {
  const { token } = await t.caller({ apiKey: t[tenant].sk }).admin.learners.createToken({ externalId });
  const learner = t.caller({ apiKey: t[tenant].pk, bearer: token });
  const session = await learner.session.create({ role: 'Analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
  const text = 'In my placement I automated the weekly report in Python, which cut two days of work to twenty minutes for the team.';
  const { answer } = await learner.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text });
  let done: Extract<FeedbackEvent, { type: 'done' }> | null = null;
  for await (const envelope of await learner.answer.feedback({ answerId: answer.id })) {
    const event = (envelope as unknown as [string, FeedbackEvent])[1];
    if (event.type === 'done') done = event;
  }
  return done!.feedback.source;
}

beforeAll(async () => {
  fake = await startFakeMessagesApi();
  const sink = new Writable({
    write(chunk, _encoding, next) {
      logLines.push(String(chunk));
      next();
    },
  });
  // No deployment key: only a tenant's own key brings Claude.
  t = await createTestApp({ ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MAX_RETRIES: '0', TENANT_SECRETS_KEY: SECRETS_KEY, LOG_LEVEL: 'info' }, sink);
  admin = t.caller({ apiKey: t.a.sk });
});
afterEach(async () => {
  await admin.admin.ai.removeAnthropicKey();
  fake.calls.length = 0;
  fake.modelLookups.length = 0;
  fake.rejectKeys();
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

describe('status', () => {
  it('says the built-in coach answers when neither the deployment nor the tenant has a key', async () => {
    expect(await admin.admin.ai.status()).toMatchObject({
      provider: 'offline',
      keySource: null,
      tenantKey: null,
      tenantKeysSupported: true,
      models: { feedback: 'claude-sonnet-4-6', questions: 'claude-haiku-4-5' },
      monthlyTokenBudget: null,
      usageThisMonth: { tokens: 0, requests: 0, estimatedCostUsd: 0 },
    });
  });
});

describe('setAnthropicKey', () => {
  it('checks the key with Anthropic for each model the tenant uses, stores it sealed and answers with its hint only', async () => {
    const status = await admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    expect(status).toMatchObject({ provider: 'anthropic', keySource: 'tenant', tenantKey: { hint: 'sk-ant-…Zq9x', usable: true } });
    expect(Math.abs(Date.parse(status.tenantKey!.setAt) - t.now().getTime())).toBeLessThan(60_000);
    expect(fake.modelLookups).toEqual([
      { model: 'claude-sonnet-4-6', apiKey: TENANT_KEY },
      { model: 'claude-haiku-4-5', apiKey: TENANT_KEY },
    ]);
    expect(JSON.stringify(status)).not.toContain(TENANT_KEY);
    expect(JSON.stringify(await admin.admin.settings.get())).not.toContain(TENANT_KEY);
    expect(JSON.stringify(await admin.admin.ai.status())).not.toContain(TENANT_KEY);
  });

  it('never writes the key in the clear: not in the database files, not in the logs', async () => {
    await admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    expect(await feedbackSourceFor('a', 'clear-text-check')).toBe('anthropic');
    const stored = (await t.store.getTenant(t.a.tenant.id))!.secrets.anthropicApiKey!;
    expect(stored.sealed).toMatch(/^v1\./);
    for (const file of readdirSync(t.dir)) {
      const bytes = readFileSync(join(t.dir, file));
      expect(bytes.includes(TENANT_KEY), file).toBe(false);
      expect(bytes.includes('alpha-university-own-key'), file).toBe(false);
    }
    const logs = logLines.join('');
    expect(logs).toContain("tenant's Anthropic API key set");
    expect(logs).not.toContain('alpha-university-own-key');
  });

  it("serves the tenant's learners with Claude on its key, while the other tenant stays on the built-in coach", async () => {
    expect(await feedbackSourceFor('a', 'before-key')).toBe('offline');
    const before = (await admin.admin.ai.status()).usageThisMonth;
    await admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    expect(await feedbackSourceFor('a', 'after-key')).toBe('anthropic');
    expect(await feedbackSourceFor('b', 'other-tenant')).toBe('offline');
    expect(fake.calls.map((c) => apiKeyOf(c.headers))).toEqual(fake.calls.map(() => TENANT_KEY));
    expect(fake.calls.length).toBeGreaterThan(0);

    const status = await admin.admin.ai.status();
    expect(status.usageThisMonth.requests - before.requests).toBe(fake.calls.length);
    expect(status.usageThisMonth.tokens).toBeGreaterThan(before.tokens);
    expect(status.usageThisMonth.estimatedCostUsd).toBeGreaterThan(before.estimatedCostUsd);
  });

  it('removing the key returns the tenant to the built-in coach at once', async () => {
    await admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    expect(await admin.admin.ai.removeAnthropicKey()).toMatchObject({ provider: 'offline', keySource: null, tenantKey: null });
    expect((await t.store.getTenant(t.a.tenant.id))!.secrets.anthropicApiKey).toBeNull();
    fake.calls.length = 0;
    expect(await feedbackSourceFor('a', 'after-removal')).toBe('offline');
    expect(fake.calls).toHaveLength(0);
  });

  it('a key Anthropic rejects is VALIDATION_FAILED and changes nothing', async () => {
    await admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    const before = await t.store.getTenant(t.a.tenant.id);
    fake.rejectKeys('sk-ant-api03-revoked-key-0000000000');
    await expectAppError(admin.admin.ai.setAnthropicKey({ apiKey: 'sk-ant-api03-revoked-key-0000000000' }), 'VALIDATION_FAILED');
    expect(await t.store.getTenant(t.a.tenant.id)).toEqual(before);
  });

  it("a key that cannot use the tenant's model is VALIDATION_FAILED, naming the model", async () => {
    const { settings } = await admin.admin.settings.get();
    await admin.admin.settings.update({ settings: { ...settings, ai: { ...settings.ai, feedbackModel: 'claude-unreleased-9' } } });
    try {
      await expect(admin.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY })).rejects.toThrow(/claude-unreleased-9/);
      expect((await t.store.getTenant(t.a.tenant.id))!.secrets.anthropicApiKey).toBeNull();
    } finally {
      await admin.admin.settings.update({ settings });
    }
  });

  it('Anthropic unreachable is UNAVAILABLE and stores nothing; verify: false stores the key unchecked', async () => {
    const offlineApi = await createTestApp({ ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_MAX_RETRIES: '0', TENANT_SECRETS_KEY: SECRETS_KEY });
    try {
      const caller = offlineApi.caller({ apiKey: offlineApi.a.sk });
      await expectAppError(caller.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY }), 'UNAVAILABLE');
      expect((await offlineApi.store.getTenant(offlineApi.a.tenant.id))!.secrets.anthropicApiKey).toBeNull();
      expect(await caller.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY, verify: false })).toMatchObject({ keySource: 'tenant' });
    } finally {
      await offlineApi.close();
    }
  });

  it.each([
    ['not an Anthropic key', 'pk_live_not-anthropic-at-all'],
    ['too short', 'sk-ant-short'],
    ['an Admin API key', 'sk-ant-admin01-abcdefghijklmnopqrstuvwxyz'],
  ])('refuses %s with VALIDATION_FAILED before calling Anthropic', async (_label, apiKey) => {
    await expectAppError(admin.admin.ai.setAnthropicKey({ apiKey }), 'VALIDATION_FAILED');
    expect(fake.modelLookups).toHaveLength(0);
  });

  it("only the tenant's secret key may set or remove it, and never for another tenant", async () => {
    await expectAppError(t.caller({ apiKey: t.a.pk }).admin.ai.setAnthropicKey({ apiKey: TENANT_KEY }), 'FORBIDDEN');
    await expectAppError(t.caller({ apiKey: t.a.pk }).admin.ai.removeAnthropicKey(), 'FORBIDDEN');
    await t.caller({ apiKey: t.b.sk }).admin.ai.setAnthropicKey({ apiKey: TENANT_KEY });
    try {
      expect((await t.store.getTenant(t.a.tenant.id))!.secrets.anthropicApiKey).toBeNull();
      expect(await admin.admin.ai.status()).toMatchObject({ keySource: null });
    } finally {
      await t.caller({ apiKey: t.b.sk }).admin.ai.removeAnthropicKey();
    }
  });
});

describe('a production server without TENANT_SECRETS_KEY', () => {
  it('says tenant keys are not supported and refuses to store one', async () => {
    const production = await createTestApp({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://studio.example',
      ANTHROPIC_BASE_URL: fake.url,
    });
    try {
      const caller = production.caller({ apiKey: production.a.sk });
      expect(await caller.admin.ai.status()).toMatchObject({ tenantKeysSupported: false, provider: 'offline' });
      await expectAppError(caller.admin.ai.setAnthropicKey({ apiKey: TENANT_KEY }), 'UNAVAILABLE');
      expect(fake.modelLookups).toHaveLength(0);
      expect((await production.store.getTenant(production.a.tenant.id))!.secrets.anthropicApiKey).toBeNull();
    } finally {
      await production.close();
    }
  });
});
