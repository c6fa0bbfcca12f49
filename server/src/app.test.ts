/**
 * The HTTP surface through `app.inject()`: health, readiness, CORS per tenant, tRPC error
 * envelopes with stable codes, body cap, rate limits with Retry-After, and what logs may hold.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN_A, ORIGIN_B, type TestApp } from './test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('health', () => {
  it('answers /healthz while the process is up and /readyz while the store is reachable', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
  });

  it('fails /readyz with 503 when the store cannot be reached', async () => {
    const other = await createTestApp();
    await other.store.close();
    const ready = await other.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable' });
    await other.app.close();
  });
});

describe('tRPC over HTTP', () => {
  it('serves a query with the key in x-api-key', async () => {
    const res = await t.app.inject({ url: '/trpc/tenant.config', headers: { 'x-api-key': t.a.pk } });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.data.name).toBe('Alpha University');
  });

  it('answers errors with the HTTP status of their code and data.appCode', async () => {
    const res = await t.app.inject({ url: '/trpc/learner.me', headers: { 'x-api-key': t.a.pk, authorization: 'Bearer nope' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.data.appCode).toBe('UNAUTHENTICATED');
    const forbidden = await t.app.inject({ url: '/trpc/tenant.config', headers: { 'x-api-key': t.a.pk, origin: ORIGIN_B } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.data.appCode).toBe('FORBIDDEN_ORIGIN');
  });

  it('lists validation issues and masks nothing useful from the caller', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/trpc/admin.learners.createToken',
      headers: { 'x-api-key': t.a.sk, 'content-type': 'application/json' },
      payload: JSON.stringify({ externalId: '' }),
    });
    expect(res.statusCode).toBe(400);
    const data = res.json().error.data;
    expect(data.appCode).toBe('VALIDATION_FAILED');
    expect(data.issues[0].path).toBe('externalId');
    expect(data.stack).toBeUndefined();
  });

  it('refuses bodies over the cap with 413 PAYLOAD_TOO_LARGE in a tRPC envelope', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/trpc/admin.learners.createToken',
      headers: { 'x-api-key': t.a.sk, 'content-type': 'application/json' },
      payload: JSON.stringify({ externalId: 'x'.repeat(t.config.bodyLimitBytes) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.data.appCode).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a POST without a JSON content type with VALIDATION_FAILED, not an internal error', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/trpc/learner.startGuest', headers: { 'x-api-key': t.a.pk } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.data.appCode).toBe('VALIDATION_FAILED');
  });

  it('answers unknown procedures with NOT_FOUND', async () => {
    const res = await t.app.inject({ url: '/trpc/nothing.here', headers: { 'x-api-key': t.a.pk } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.data.appCode).toBe('NOT_FOUND');
  });

  it('serves batched calls, each with its own result', async () => {
    const res = await t.app.inject({
      url: `/trpc/tenant.config,learner.me?batch=1&input=${encodeURIComponent('{}')}`,
      headers: { 'x-api-key': t.a.pk },
    });
    const [config, me] = res.json();
    expect(config.result.data.name).toBe('Alpha University');
    expect(me.error.data.appCode).toBe('UNAUTHENTICATED');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    t.app.inject({
      method: 'OPTIONS',
      url: '/trpc/tenant.config',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
    });

  it("answers a preflight from a tenant's allowed origin", async () => {
    const res = await preflight(ORIGIN_A);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN_A);
    expect(String(res.headers['access-control-allow-headers'])).toContain('x-api-key');
  });

  it('refuses a preflight from an origin no tenant allows', async () => {
    const res = await preflight('https://evil.example');
    expect(res.statusCode).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.json().error.data.appCode).toBe('FORBIDDEN_ORIGIN');
  });

  it('sees a newly allowed origin at once after the tenant changes its settings', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
    expect((await preflight('https://new.alpha.example')).statusCode).toBe(403);
    const { settings } = await admin.get();
    await admin.update({ settings: { ...settings, allowedOrigins: [...settings.allowedOrigins, 'https://new.alpha.example'] } });
    expect((await preflight('https://new.alpha.example')).statusCode).toBe(204);
  });
});

describe('rate limits', () => {
  it('answers RATE_LIMITED with Retry-After once a key exceeds its budget', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_KEY_PER_MINUTE: '3' });
    try {
      const call = () => limited.app.inject({ url: '/trpc/tenant.config', headers: { 'x-api-key': limited.a.pk } });
      for (let i = 0; i < 3; i++) expect((await call()).statusCode).toBe(200);
      const res = await call();
      expect(res.statusCode).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json().error.data.appCode).toBe('RATE_LIMITED');
      // Another tenant's key has its own budget.
      expect((await limited.app.inject({ url: '/trpc/tenant.config', headers: { 'x-api-key': limited.b.pk } })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits each learner separately from the key', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_LEARNER_PER_MINUTE: '2' });
    try {
      const mint = (externalId: string) => limited.caller({ apiKey: limited.a.sk }).admin.learners.createToken({ externalId });
      const one = (await mint('one')).token;
      const two = (await mint('two')).token;
      const me = (token: string) =>
        limited.app.inject({ url: '/trpc/learner.me', headers: { 'x-api-key': limited.a.pk, authorization: `Bearer ${token}` } });
      expect((await me(one)).statusCode).toBe(200);
      expect((await me(one)).statusCode).toBe(200);
      expect((await me(one)).statusCode).toBe(429);
      expect((await me(two)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('logs', () => {
  it('never hold keys, tokens or query strings', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await createTestApp({ LOG_LEVEL: 'trace' }, sink);
    try {
      const { token } = await logged.caller({ apiKey: logged.a.sk }).admin.learners.createToken({ externalId: 'logged' });
      await logged.app.inject({
        url: `/trpc/learner.me?input=${encodeURIComponent(JSON.stringify({ secret: 'query-secret' }))}`,
        headers: { 'x-api-key': logged.a.pk, authorization: `Bearer ${token}` },
      });
      await logged.app.inject({ url: '/trpc/learner.me', headers: { 'x-api-key': logged.a.sk, authorization: 'Bearer bad' } });
      const all = lines.join('\n');
      expect(all).toContain('/trpc/learner.me');
      expect(all).not.toContain(token);
      expect(all).not.toContain(logged.a.pk);
      expect(all).not.toContain(logged.a.sk);
      expect(all).not.toContain('query-secret');
    } finally {
      await logged.close();
    }
  });
});
