/**
 * E-mail over a real SMTP conversation (nodemailer against a local `smtp-server`), alone and
 * through the outbox delivery job: retries only what certainly was not delivered, with
 * backoff, and never sends an e-mail twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxDeliveryJob, retryDelayMs } from '../jobs/outbox-delivery.js';
import { TestClock, tenantSettings } from '../store/contract/harness.js';
import type { OutboxEmail, Purchase, Tenant } from '../store/records.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { isMailDeliveryError, type MailMessage } from './mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';
import { renderReceipt } from './templates.js';
import { silentLogger, startSmtpServer, type TestSmtpServer } from './testing.js';

const dir = mkdtempSync(join(tmpdir(), 'smtp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tenant: Tenant = {
  id: 'ten_alpha',
  name: 'Alpha University',
  settings: tenantSettings(),
  secrets: { anthropicApiKey: null },
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

function paidPurchase(tenantId: string, at: string): Purchase {
  return {
    id: 'pur_1',
    tenantId,
    learnerId: 'lrn_1',
    learnerRef: null,
    passType: 'week',
    amount: 699,
    currency: 'gbp',
    provider: 'stripe',
    checkoutSessionId: 'cs_1',
    paymentRef: 'pi_1',
    status: 'paid',
    createdAt: at,
    updatedAt: at,
  };
}

function receiptMessage(): MailMessage {
  const rendered = renderReceipt({ tenant, purchase: paidPurchase(tenant.id, '2030-01-01T10:00:00.000Z'), pass: null, product: { name: 'Week pass', durationDays: 7 } });
  return {
    from: { name: 'Careers Practice', address: 'receipts@alpha.example' },
    to: 'ada@alpha.example',
    ...rendered,
    messageId: '<eml_1@interview-studio>',
    meta: { outboxEmailId: 'eml_1', tenantId: tenant.id, kind: 'receipt' },
  };
}

const servers: TestSmtpServer[] = [];
async function smtp(script: Parameters<typeof startSmtpServer>[0] = []) {
  const server = await startSmtpServer(script);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

describe('SMTP mailer', () => {
  it('delivers the branded receipt as plain text and HTML in one SMTP conversation', async () => {
    const server = await smtp();
    await createSmtpMailer({ url: server.url }).send(receiptMessage());
    expect(server.accepted).toHaveLength(1);
    const [message] = server.accepted;
    expect(message?.from).toBe('receipts@alpha.example');
    expect(message?.to).toEqual(['ada@alpha.example']);
    expect(message?.raw).toMatch(/^From: Careers Practice <receipts@alpha\.example>$/m);
    expect(message?.raw).toMatch(/^Message-ID: <eml_1@interview-studio>$/m);
    expect(message?.raw).toMatch(/^Subject: Your Careers Practice receipt: Week pass$/m);
    expect(message?.raw).toContain('multipart/alternative');
    expect(message?.raw).toContain('text/plain');
    expect(message?.raw).toContain('text/html');
  });

  it('a 4xx refusal is retryable, a 5xx is final', async () => {
    const server = await smtp([{ code: 451, message: 'Try again later' }, { code: 550, message: 'No such user' }]);
    const mailer = createSmtpMailer({ url: server.url });
    const first = await mailer.send(receiptMessage()).catch((e: unknown) => e);
    expect(isMailDeliveryError(first) && first.retryable).toBe(true);
    const second = await mailer.send(receiptMessage()).catch((e: unknown) => e);
    expect(isMailDeliveryError(second) && !second.retryable).toBe(true);
    expect(server.accepted).toEqual([]);
  });

  it('no server listening is retryable (nothing was handed over)', async () => {
    const server = await smtp();
    const url = server.url;
    await server.stop();
    servers.pop();
    const error = await createSmtpMailer({ url, connectionTimeoutMs: 2000 }).send(receiptMessage()).catch((e: unknown) => e);
    expect(isMailDeliveryError(error) && error.retryable).toBe(true);
  });

  it('a server that takes the message and never answers is final (it may have delivered it)', async () => {
    const server = await smtp(['hang']);
    const error = await createSmtpMailer({ url: server.url, socketTimeoutMs: 300 }).send(receiptMessage()).catch((e: unknown) => e);
    expect(isMailDeliveryError(error) && !error.retryable).toBe(true);
  });
});

describe('outbox delivery over SMTP', () => {
  let clock: TestClock;
  let store: Store;
  let email: OutboxEmail;
  beforeEach(async () => {
    clock = new TestClock();
    store = createSqliteStore({ file: join(dir, `outbox-${Math.random().toString(36).slice(2)}.db`), clock: clock.now });
    const created = await store.createTenant({ name: 'Alpha University', settings: tenantSettings() });
    const rendered = renderReceipt({ tenant: created, purchase: paidPurchase(created.id, clock.iso()), pass: null, product: { name: 'Week pass', durationDays: 7 } });
    email = await store.forTenant(created.id).outbox.enqueue({ learnerId: null, dedupeKey: 'receipt:pur_1', kind: 'receipt', to: 'ada@alpha.example', ...rendered });
  });
  afterEach(() => store.close());

  const run = (url: string, socketTimeoutMs?: number) =>
    createOutboxDeliveryJob({
      store,
      mailer: createSmtpMailer({ url, ...(socketTimeoutMs ? { socketTimeoutMs } : {}) }),
      mailFrom: 'Interview Studio <receipts@alpha.example>',
    }).run({ signal: new AbortController().signal, now: clock.now, logger: silentLogger() });

  const current = async () => (await store.forTenant(email.tenantId).outbox.list({ limit: 1 })).items[0];

  it('a server that fails twice then accepts: sent on the third attempt, after backing off, exactly once', async () => {
    const server = await smtp([
      { code: 451, message: 'Greylisted, try again later' },
      { code: 421, message: 'Too busy' },
    ]);
    await run(server.url);
    expect(await current()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('451'), nextAttemptAt: new Date(Date.parse(clock.iso()) + retryDelayMs(1)).toISOString() });

    await run(server.url);
    expect(server.attempts).toBe(1);
    clock.advance(retryDelayMs(1));
    await run(server.url);
    expect(await current()).toMatchObject({ status: 'pending', attempts: 2, lastError: expect.stringContaining('421') });

    clock.advance(retryDelayMs(2));
    await run(server.url);
    expect(await current()).toMatchObject({ status: 'sent', attempts: 3, sentAt: clock.iso(), lastError: null });
    expect(server.attempts).toBe(3);
    expect(server.accepted).toHaveLength(1);
    expect(server.accepted[0]?.raw).toMatch(/^From: Careers Practice <receipts@alpha\.example>$/m);

    clock.advance(24 * 3_600_000);
    await run(server.url);
    expect(server.accepted).toHaveLength(1);
  });

  it('a permanent refusal fails the e-mail at once, without retrying', async () => {
    const server = await smtp([{ code: 550, message: 'Mailbox unavailable' }]);
    await run(server.url);
    clock.advance(retryDelayMs(6));
    await run(server.url);
    expect(await current()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(server.attempts).toBe(1);
  });

  it('an unknown outcome is never retried: at most once', async () => {
    const server = await smtp(['hang']);
    await run(server.url, 300);
    clock.advance(retryDelayMs(6));
    await run(server.url);
    expect(await current()).toMatchObject({ status: 'failed', attempts: 1 });
    expect(server.attempts).toBe(1);
  });

  it('two delivery runs at once send the e-mail once', async () => {
    const server = await smtp();
    await Promise.all([run(server.url), run(server.url)]);
    expect(server.accepted).toHaveLength(1);
    expect(await current()).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
