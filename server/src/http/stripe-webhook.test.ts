/**
 * Stripe end to end, offline: `billing.checkout` through the real SDK to a local fake of the
 * Stripe API, then signed webhooks (the real signing scheme) into `POST /webhooks/stripe` of
 * the real app on a real SQLite file. Each scenario states what the learner ends up with.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../billing/stripe/fake-stripe-api.js';
import type { Store } from '../store/store.js';
import { createTestApp, type AppCaller, type TestApp } from '../test-support/test-app.js';

let fake: FakeStripe;
let t: TestApp;
let learnerCount = 0;

beforeAll(async () => {
  fake = await startFakeStripe();
  t = await createTestApp(fake.env);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

interface Buyer {
  caller: AppCaller;
  id: string;
  email: string;
}

async function buyer(): Promise<Buyer> {
  learnerCount += 1;
  const email = `student${learnerCount}@alpha.example`;
  const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: `student-${learnerCount}`, email });
  const caller = t.caller({ apiKey: t.a.pk, bearer: token });
  const { learner } = await caller.learner.me();
  return { caller, id: learner.id, email };
}

const tenantStore = () => t.store.forTenant(t.a.tenant.id);
const passesOf = (learnerId: string) => tenantStore().passes.listForLearner(learnerId);
const receiptsTo = async (email: string) => (await tenantStore().outbox.list({ limit: 100 })).items.filter((e) => e.kind === 'receipt' && e.to === email);

async function deliver(event: Stripe.Event, options: { secret?: string; timestamp?: number; signature?: string | null } = {}) {
  const signed = fake.sign(event, options);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (options.signature !== null) headers['stripe-signature'] = options.signature ?? signed.signature;
  return t.app.inject({ method: 'POST', url: '/webhooks/stripe', headers, payload: signed.payload });
}

async function startCheckout(b: Buyer): Promise<string> {
  return (await b.caller.billing.checkout({ passType: 'week' })).checkoutSessionId;
}

describe('checkout', () => {
  it('billing.checkout creates a Stripe session for the learner and records a pending purchase', async () => {
    const b = await buyer();
    const result = await b.caller.billing.checkout({ passType: 'week' });
    expect(result).toEqual({ checkoutSessionId: expect.stringMatching(/^cs_test_/), url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//), provider: 'stripe' });
    const sent = fake.requests.at(-1);
    expect(sent?.body).toMatchObject({
      mode: 'payment',
      client_reference_id: b.id,
      customer_email: b.email,
      metadata: { tenantId: t.a.tenant.id, learnerId: b.id, passType: 'week', passDays: '7' },
      success_url: `${t.config.publicUrl}/billing/return?status=success`,
    });
    expect(sent?.headers['idempotency-key']).toMatch(/^is-checkout-[0-9a-f]{48}$/);
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: result.checkoutSessionId })).toMatchObject({ status: 'pending', pass: null });
  });

  it('a double click makes one session and one purchase', async () => {
    const b = await buyer();
    const [first, second] = await Promise.all([b.caller.billing.checkout({ passType: 'week' }), b.caller.billing.checkout({ passType: 'week' })]);
    expect(second).toEqual(first);
    const keys = fake.requests.filter((r) => r.body['client_reference_id'] === b.id).map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(await b.caller.billing.purchases()).toHaveLength(1);
  });

  it('Stripe sends the window back to a page that says what happened', async () => {
    const success = await t.app.inject({ method: 'GET', url: '/billing/return?status=success' });
    expect(success.statusCode).toBe(200);
    expect(success.body).toContain('Your payment went through');
    expect((await t.app.inject({ method: 'GET', url: '/billing/return?status=cancelled' })).body).toContain('No payment was taken');
  });

  it('after a completed purchase the next checkout is a new session', async () => {
    const b = await buyer();
    const first = await startCheckout(b);
    await deliver(fake.completedEvent(first));
    expect(await startCheckout(b)).not.toBe(first);
  });
});

describe('POST /webhooks/stripe', () => {
  it('valid checkout.session.completed (paid): 200, one pass from now, a receipt queued', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    const response = await deliver(fake.completedEvent(session));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'granted' });
    const [pass] = await passesOf(b.id);
    expect(pass).toMatchObject({ type: 'week', source: 'purchase', revokedAt: null });
    expect(Date.parse(pass!.expiresAt) - Date.parse(pass!.startsAt)).toBe(7 * 86_400_000);
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'paid', pass: { id: pass!.id } });
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'pass', remaining: { feedback: null } });
    expect((await b.caller.billing.purchases())[0]).toMatchObject({ status: 'paid', amount: 699, currency: 'gbp', provider: 'stripe' });
    const receipts = await receiptsTo(b.email);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.text).toContain('Week pass');
  });

  it('a bad signature is 400 VALIDATION_FAILED and records nothing', async () => {
    const b = await buyer();
    const event = fake.completedEvent(await startCheckout(b));
    const response = await deliver(event, { secret: 'whsec_not_ours' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await passesOf(b.id)).toEqual([]);
    expect(await t.store.recordWebhookEvent({ provider: 'stripe', id: event.id, type: event.type, tenantId: null })).toBe(true);
  });

  it('a stale timestamp (older than 5 minutes) is 400 and records nothing', async () => {
    const b = await buyer();
    const response = await deliver(fake.completedEvent(await startCheckout(b)), { timestamp: Math.floor(t.now().getTime() / 1000) - 301 });
    expect(response.statusCode).toBe(400);
    expect(await passesOf(b.id)).toEqual([]);
  });

  it('a missing Stripe-Signature header is 400', async () => {
    const b = await buyer();
    const response = await deliver(fake.completedEvent(await startCheckout(b)), { signature: null });
    expect(response.statusCode).toBe(400);
  });

  it('the same event delivered 10 times in sequence: one pass, one receipt, 9 duplicates', async () => {
    const b = await buyer();
    const event = fake.completedEvent(await startCheckout(b));
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await deliver(event);
      expect(response.statusCode).toBe(200);
      outcomes.push(response.json().outcome);
    }
    expect(outcomes).toEqual(['granted', ...Array(9).fill('duplicate')]);
    expect(await passesOf(b.id)).toHaveLength(1);
    expect(await receiptsTo(b.email)).toHaveLength(1);
  });

  it('the same event delivered 10 times concurrently: one pass, one receipt', async () => {
    const b = await buyer();
    const event = fake.completedEvent(await startCheckout(b));
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(responses.map((r) => r.json().outcome).sort()).toEqual(['granted', ...Array(9).fill('duplicate')].sort());
    expect(await passesOf(b.id)).toHaveLength(1);
    expect(await receiptsTo(b.email)).toHaveLength(1);
  });

  it('a delayed payment: completed unpaid is pending, async_payment_succeeded grants', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    expect((await deliver(fake.completedEvent(session, { paymentStatus: 'unpaid' }))).json().outcome).toBe('recorded');
    expect(await passesOf(b.id)).toEqual([]);
    expect((await deliver(fake.asyncEvent(session, 'succeeded'))).json().outcome).toBe('granted');
    expect(await passesOf(b.id)).toHaveLength(1);
  });

  it('async_payment_failed records the failure and grants nothing', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    await deliver(fake.completedEvent(session, { paymentStatus: 'unpaid' }));
    expect((await deliver(fake.asyncEvent(session, 'failed'))).json().outcome).toBe('recorded');
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'failed', pass: null });
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'free' });
  });

  it('charge.refunded after completion: purchase refunded, pass revoked, back to the free tier', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    await deliver(fake.completedEvent(session));
    const refund = await deliver(fake.refundedEvent(session));
    expect(refund.json()).toEqual({ received: true, outcome: 'refunded' });
    expect((await passesOf(b.id))[0]?.revokedAt).not.toBeNull();
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'refunded' });
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'free' });
  });

  it('charge.refunded before completion: the late completion records a refunded purchase and no pass', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    const completed = fake.completedEvent(session);
    expect((await deliver(fake.refundedEvent(session))).json().outcome).toBe('refunded');
    expect((await deliver(completed)).json().outcome).toBe('recorded');
    expect(await passesOf(b.id)).toEqual([]);
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'refunded', pass: null });
    expect(await receiptsTo(b.email)).toEqual([]);
  });

  it('a partial refund keeps the pass', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    await deliver(fake.completedEvent(session));
    expect((await deliver(fake.refundedEvent(session, { full: false }))).json().outcome).toBe('ignored');
    expect((await passesOf(b.id))[0]?.revokedAt).toBeNull();
  });

  it('other event types are acknowledged and ignored (and deduplicated)', async () => {
    const event = fake.event('customer.created', { id: 'cus_1', object: 'customer' });
    expect((await deliver(event)).json()).toEqual({ received: true, outcome: 'ignored' });
    expect((await deliver(event)).json()).toEqual({ received: true, outcome: 'duplicate' });
  });

  it('a second pass bought while one is active starts when it ends', async () => {
    const b = await buyer();
    await deliver(fake.completedEvent(await startCheckout(b)));
    await deliver(fake.completedEvent(await startCheckout(b)));
    const [second, first] = await passesOf(b.id);
    expect(second?.startsAt).toBe(first?.expiresAt);
    expect(await b.caller.billing.passes()).toMatchObject({ active: { id: first?.id }, upcoming: [{ id: second?.id }], coveredUntil: second?.expiresAt });
  });
});

describe('checkout.session.expired (an abandoned checkout)', () => {
  it('the pending purchase becomes expired, once; the learner sees it in receipts, checkout status and export; nothing is granted', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    const expired = fake.expiredEvent(session);
    const response = await deliver(expired);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: true, outcome: 'recorded' });
    expect((await deliver(expired)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'expired', pass: null });
    expect(await b.caller.billing.purchases()).toEqual([expect.objectContaining({ status: 'expired', passType: 'week', provider: 'stripe' })]);
    const exported = await b.caller.privacy.export();
    expect(exported.purchases).toEqual([expect.objectContaining({ checkoutSessionId: session, status: 'expired' })]);
    expect(await passesOf(b.id)).toEqual([]);
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'free' });
    expect(await receiptsTo(b.email)).toEqual([]);
  });

  it('buying again after an expiry opens a new Stripe session (the expired one cannot be paid)', async () => {
    const b = await buyer();
    const first = await startCheckout(b);
    await deliver(fake.expiredEvent(first));
    const second = await startCheckout(b);
    expect(second).not.toBe(first);
    expect((await deliver(fake.completedEvent(second))).json().outcome).toBe('granted');
    expect((await b.caller.billing.purchases()).map((p) => p.status).sort()).toEqual(['expired', 'paid']);
  });

  it('a stray expiry for a paid checkout changes nothing: still paid, pass kept', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    await deliver(fake.completedEvent(session));
    const stray = fake.event('checkout.session.expired', { ...fake.sessions.get(session), status: 'expired', payment_status: 'unpaid', payment_intent: null });
    expect((await deliver(stray)).json()).toEqual({ received: true, outcome: 'recorded' });
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'paid', pass: { revokedAt: null } });
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'pass' });
  });

  it('an expired session of another integration on the account is acknowledged and ignored', async () => {
    const event = fake.event('checkout.session.expired', { id: 'cs_other_1', object: 'checkout.session', status: 'expired', payment_status: 'unpaid', metadata: {} });
    expect((await deliver(event)).json()).toEqual({ received: true, outcome: 'ignored' });
  });
});

describe('a refund brings the passes queued behind the refunded one forward', () => {
  const within = (iso: string | undefined, from: Date, to: Date) => {
    const at = Date.parse(iso ?? '');
    expect(at).toBeGreaterThanOrEqual(from.getTime());
    expect(at).toBeLessThanOrEqual(to.getTime());
  };

  it('the running pass refunded: the queued week pass starts now and keeps its 7 days, so no paid-for gap opens', async () => {
    const b = await buyer();
    const firstSession = await startCheckout(b);
    await deliver(fake.completedEvent(firstSession));
    await deliver(fake.completedEvent(await startCheckout(b)));
    const [queued, running] = await passesOf(b.id);
    expect(queued?.startsAt).toBe(running?.expiresAt);

    const before = t.now();
    expect((await deliver(fake.refundedEvent(firstSession))).json().outcome).toBe('refunded');
    const after = t.now();
    const moved = (await passesOf(b.id)).find((p) => p.id === queued?.id);
    within(moved?.startsAt, before, after);
    expect(Date.parse(moved!.expiresAt) - Date.parse(moved!.startsAt)).toBe(7 * 86_400_000);
    expect(await b.caller.billing.passes()).toMatchObject({ active: { id: queued?.id }, upcoming: [], coveredUntil: moved?.expiresAt });
    expect(await b.caller.progress.entitlement()).toMatchObject({ kind: 'pass', pass: { coveredUntil: moved?.expiresAt } });
  });

  it('a queued pass refunded: the running one is unchanged and the one after closes up behind it', async () => {
    const b = await buyer();
    await deliver(fake.completedEvent(await startCheckout(b)));
    const middleSession = await startCheckout(b);
    await deliver(fake.completedEvent(middleSession));
    await deliver(fake.completedEvent(await startCheckout(b)));
    const [last, , running] = await passesOf(b.id);
    await deliver(fake.refundedEvent(middleSession));
    const after = await passesOf(b.id);
    expect(after.find((p) => p.id === running?.id)).toEqual(running);
    expect(after.find((p) => p.id === last?.id)).toMatchObject({
      startsAt: running?.expiresAt,
      expiresAt: new Date(Date.parse(running!.expiresAt) + 7 * 86_400_000).toISOString(),
    });
    expect((await b.caller.billing.passes()).coveredUntil).toBe(after.find((p) => p.id === last?.id)?.expiresAt);
  });
});

describe('crashes', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });

  it('a crash after the purchase and pass are committed but before the answer: 500, then the redelivery completes it once', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    const event = fake.completedEvent(session);
    const store = t.store as { -readonly [K in keyof Store]: Store[K] };
    const original = store.fulfilPurchase;
    store.fulfilPurchase = async (input) => {
      await original(input);
      throw new Error('simulated crash after commit');
    };
    restore.push(() => (store.fulfilPurchase = original));

    expect((await deliver(event)).statusCode).toBe(500);
    expect(await passesOf(b.id)).toHaveLength(1);
    expect(await receiptsTo(b.email)).toEqual([]);
    restore.pop()?.();

    const redelivered = await deliver(event);
    expect(redelivered.statusCode).toBe(200);
    expect(redelivered.json().outcome).toBe('duplicate');
    await deliver(event);
    expect(await passesOf(b.id)).toHaveLength(1);
    expect(await receiptsTo(b.email)).toHaveLength(1);
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'paid' });
  });

  it('a crash inside the write (after the purchase row, at the pass) leaves nothing; the redelivery grants once', async () => {
    const b = await buyer();
    const session = await startCheckout(b);
    const event = fake.completedEvent(session);
    const db = new Database(join(t.dir, 'test.sqlite'));
    db.exec("CREATE TRIGGER crash_at_pass BEFORE INSERT ON passes BEGIN SELECT RAISE(ABORT, 'simulated crash'); END");
    restore.push(() => {
      db.exec('DROP TRIGGER IF EXISTS crash_at_pass');
      db.close();
    });

    expect((await deliver(event)).statusCode).toBe(500);
    expect(await passesOf(b.id)).toEqual([]);
    expect(await b.caller.billing.checkoutStatus({ checkoutSessionId: session })).toMatchObject({ status: 'pending' });
    restore.pop()?.();

    expect((await deliver(event)).json().outcome).toBe('granted');
    expect(await passesOf(b.id)).toHaveLength(1);
    expect(await receiptsTo(b.email)).toHaveLength(1);
  });
});
