/**
 * Error monitoring (privacy policy section 5: "error logs do not contain interview answer
 * content"): the scrubber's rules, and a real @sentry/node client, pointed at a local fake
 * Sentry, receiving an error thrown while an answer was being stored — with no answer text,
 * e-mail, token or key in what arrives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { defaultPrivacySettings } from '../privacy/settings.js';
import { provisionTenant } from '../tenancy/provision.js';
import { scrubEvent } from './scrub.js';
import { startFakeCollector, type FakeCollector } from './testing/fake-collector.js';

const ANSWER =
  'At Zephyrine Labs I rebuilt the flaky nightly pipeline over three weeks and cut failures from thirty percent to four percent.';

describe('scrubEvent', () => {
  it('removes the request body, query, cookies, headers, user and breadcrumbs', () => {
    const event = scrubEvent({
      request: { url: '/trpc/answer.submit?input=secret', method: 'POST', data: { text: ANSWER }, cookies: { s: '1' }, headers: { authorization: 'Bearer x' }, query_string: 'input=secret' },
      user: { ip_address: '203.0.113.7', email: 'a@b.co' },
      breadcrumbs: [{ message: ANSWER }],
      exception: { values: [{ type: 'Error', value: 'boom' }] },
    });
    expect(event).toEqual({ request: { url: '/trpc/answer.submit', method: 'POST' }, exception: { values: [{ type: 'Error', value: 'boom' }] } });
  });

  it.each([
    ['answer and draft fields', { extra: { answer: ANSWER, situation: 'S', jobDescription: 'JD', text: 't' } }, { extra: { answer: '[redacted]', situation: '[redacted]', jobDescription: '[redacted]', text: '[redacted]' } }],
    ['tokens and keys by name', { extra: { token: 'eyJ', apiKey: 'pk_1', secretKey: 'sk', password: 'p' } }, { extra: { token: '[redacted]', apiKey: '[redacted]', secretKey: '[redacted]', password: '[redacted]' } }],
    ['contact details by name', { extra: { email: 'a@b.co', name: 'Wren', to: 'x@y.z' } }, { extra: { email: '[redacted]', name: '[redacted]', to: '[redacted]' } }],
    ['e-mail addresses anywhere', { tags: { note: 'mail wren.holt@example.org now' } }, { tags: { note: 'mail [email] now' } }],
    ['JWTs, API keys and bearer tokens anywhere', { tags: { a: 'eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl', b: 'key sk_live_abcdefghij', c: 'Bearer abc.def' } }, { tags: { a: '[token]', b: 'key [key]', c: 'Bearer [token]' } }],
  ])('replaces %s', (_name, input, expected) => {
    expect(scrubEvent(input)).toEqual(expected);
  });

  it('removes quoted input fragments, phone numbers and e-mails from exception messages', () => {
    const event = scrubEvent({
      exception: { values: [{ type: 'SyntaxError', value: `Unexpected token 'A', "At Zephyri"... is not valid JSON (call 07700 900123, wren@example.org)` }] },
    });
    const value = event.exception.values[0]?.value ?? '';
    expect(value).not.toContain('Zephyri');
    expect(value).not.toContain('07700 900123');
    expect(value).not.toContain('wren@example.org');
    expect(value).toContain('is not valid JSON');
  });

  it('replaces any string holding a stretch of the learner text in play, even unquoted or reflowed', () => {
    const event = scrubEvent(
      { exception: { values: [{ type: 'Error', value: `could not store: ${ANSWER.slice(20, 90).replace(/ /g, '\n')}` }] }, tags: { procedure: 'answer.submit' } },
      [ANSWER],
    );
    expect(event.exception.values[0]?.value).toBe('[redacted] (learner text)');
    expect(event.tags.procedure).toBe('answer.submit');
  });

  it('keeps stack frames, the SDK block and server contexts readable', () => {
    const event = scrubEvent({
      exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames: [{ filename: '/app/server/dist/main.js', function: 'submit', lineno: 3, vars: { text: ANSWER } }] } }] },
      sdk: { name: 'sentry.javascript.node', version: '11' },
      contexts: { runtime: { name: 'node', version: 'v20' } },
    });
    expect(event.exception.values[0]?.stacktrace.frames[0]).toEqual({ filename: '/app/server/dist/main.js', function: 'submit', lineno: 3, vars: '[redacted]' });
    expect(event.sdk).toEqual({ name: 'sentry.javascript.node', version: '11' });
    expect(event.contexts.runtime.name).toBe('node');
  });
});

describe('Sentry reports through the app (local fake Sentry)', () => {
  let fake: FakeCollector;
  let built: BuiltApp;
  let store: Store;
  let dir: string;
  let pk: string;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeCollector();
    dir = mkdtempSync(join(tmpdir(), 'is-sentry-'));
    const inner = createSqliteStore({ file: join(dir, 'test.sqlite') });
    // A store whose answer writes fail with a message that echoes the answer and an e-mail,
    // the worst case for what an error report could carry.
    store = {
      ...inner,
      forTenant(tenantId) {
        const tenantStore = inner.forTenant(tenantId);
        return {
          ...tenantStore,
          answers: {
            ...tenantStore.answers,
            create: async (input) => {
              throw new Error(`could not store the answer ${input.text} for wren.holt@example.org`);
            },
          },
        };
      },
    };
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dir,
      TOKEN_SIGNING_SECRET: 'sentry-test-signing-secret-with-32-characters',
      LOG_LEVEL: 'silent',
      SENTRY_DSN: `${fake.url.replace('http://', 'http://publickey@')}/7`,
    });
    built = await buildApp(config, { store });
    // No age confirmation: this test is about what reaches Sentry.
    const privacy = { ...defaultPrivacySettings(), requireAgeConfirmation: false };
    const tenant = await provisionTenant(store, { name: 'Alpha', allowedOrigins: [], settings: { privacy } });
    pk = tenant.publishableKey.key;
    ({ token } = await built.deps.tokens.sign(
      { tenantId: tenant.tenant.id, externalId: 'student-wren', email: 'wren.holt@example.org', name: 'Wren Holt', guest: false, keyId: null },
      900,
    ));
  });
  afterAll(async () => {
    await built?.app.close();
    await store?.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const call = (path: string, input: unknown) =>
    built.app.inject({
      method: 'POST',
      url: `/trpc/${path}`,
      headers: { 'x-api-key': pk, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify(input),
    });

  it('reports an error thrown while handling an answer, with no answer text in it', async () => {
    const session = (await call('session.create', { role: 'Data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' })).json().result.data;
    const failed = await call('answer.submit', { sessionId: session.id, questionId: session.questions[0].id, text: ANSWER });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain('Zephyrine');
    await built.deps.errors.flush();

    const envelope = await fake.waitFor((r) => r.path === '/api/7/envelope/');
    const lines = envelope.body.split('\n').filter((l) => l.trim().startsWith('{'));
    const event = lines.map((l) => JSON.parse(l) as Record<string, any>).find((item) => item['exception']);
    expect(event?.exception.values[0].type).toBe('Error');
    expect(event?.tags.procedure).toBe('answer.submit');
    expect(event?.exception.values[0].stacktrace.frames.length).toBeGreaterThan(0);
    for (const secret of ['Zephyrine', 'nightly pipeline', 'wren.holt@example.org', 'Wren Holt', token, pk]) {
      expect(envelope.body).not.toContain(secret);
    }
    expect(event).not.toHaveProperty('user');
    expect(event?.request?.data).toBeUndefined();
  });
});
