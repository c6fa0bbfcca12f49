import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantSettings } from '../../store/contract/harness.js';
import type { Learner, PassProduct, Tenant } from '../../store/records.js';
import { FAKE_STRIPE_KEY, FAKE_WEBHOOK_SECRET, startFakeStripe, type FakeStripe } from './fake-stripe-api.js';
import { createStripePayments, type StripePayments } from './stripe-payments.js';

const tenant: Tenant = {
  id: 'ten_alpha',
  name: 'Alpha University',
  settings: tenantSettings(),
  secrets: { anthropicApiKey: null },
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};
const learner = { id: 'lrn_ada', email: 'ada@alpha.example' } as Learner;
const week: PassProduct = { type: 'week', name: 'Week pass', durationDays: 7, amount: 699, currency: 'gbp', stripePriceId: null };

describe('Stripe payments adapter (real SDK against a local fake)', () => {
  let fake: FakeStripe;
  let payments: StripePayments;
  beforeAll(async () => {
    fake = await startFakeStripe();
    payments = createStripePayments({ secretKey: FAKE_STRIPE_KEY, webhookSecret: FAKE_WEBHOOK_SECRET, api: fake.sdkOptions });
  });
  afterAll(() => fake.stop());

  const request = (idempotencyKey: string, product = week) =>
    payments.createCheckout({ tenant, learner, product, idempotencyKey, successUrl: 'https://s.example/ok', cancelUrl: 'https://s.example/no' });

  it('creates a payment-mode Checkout Session with our reference, metadata and idempotency key', async () => {
    const session = await request('key-one');
    expect(session).toEqual({ id: expect.stringMatching(/^cs_test_/), url: expect.stringMatching(/^https:\/\/checkout\.stripe\.test\//) });
    const sent = fake.requests.at(-1);
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/v1/checkout/sessions');
    expect(sent?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent?.headers.authorization).toBe(`Bearer ${FAKE_STRIPE_KEY}`);
    expect(sent?.headers['idempotency-key']).toBe('key-one');
    expect(sent?.headers['stripe-version']).toMatch(/^\d{4}-\d{2}-\d{2}\./);
    const metadata = { tenantId: 'ten_alpha', learnerId: 'lrn_ada', passType: 'week', passDays: '7' };
    expect(sent?.body).toEqual({
      mode: 'payment',
      line_items: [
        { quantity: '1', price_data: { currency: 'gbp', unit_amount: '699', product_data: { name: 'Careers Practice: Week pass' } } },
      ],
      success_url: 'https://s.example/ok',
      cancel_url: 'https://s.example/no',
      client_reference_id: 'lrn_ada',
      customer_email: 'ada@alpha.example',
      metadata,
      payment_intent_data: { metadata },
    });
  });

  it('the same idempotency key returns the same session (a double click makes one)', async () => {
    const first = await request('key-double');
    const second = await request('key-double');
    expect(second).toEqual(first);
  });

  it('charges a configured Stripe Price instead of an inline price', async () => {
    await request('key-price', { ...week, stripePriceId: 'price_123' });
    expect(fake.requests.at(-1)?.body['line_items']).toEqual([{ price: 'price_123', quantity: '1' }]);
  });

  it('retries a 5xx with the same idempotency key', async () => {
    fake.failNext(1, 503);
    const before = fake.requests.length;
    await request('key-retry');
    const attempts = fake.requests.slice(before);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['key-retry']));
  });

  describe('parseWebhook', () => {
    it('reads a correctly signed event', async () => {
      const session = await request('key-hook');
      const { payload, signature } = fake.sign(fake.completedEvent(session.id));
      expect(payments.parseWebhook(Buffer.from(payload), signature, new Date())).toMatchObject({
        kind: 'checkout',
        outcome: 'paid',
        checkout: { tenantId: 'ten_alpha', learnerId: 'lrn_ada', checkoutSessionId: session.id, passDays: 7 },
      });
    });

    it('refuses a wrong secret, a changed body and a stale timestamp with VALIDATION_FAILED', async () => {
      const session = await request('key-hook-2');
      const event = fake.completedEvent(session.id);
      const wrongSecret = fake.sign(event, { secret: 'whsec_other' });
      const good = fake.sign(event);
      const stale = fake.sign(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
      for (const [body, signature] of [
        [wrongSecret.payload, wrongSecret.signature],
        [good.payload.replace('"paid"', '"unpaid"'), good.signature],
        [stale.payload, stale.signature],
        [good.payload, ''],
      ] as const) {
        expect(() => payments.parseWebhook(Buffer.from(body), signature, new Date())).toThrow(
          expect.objectContaining({ code: 'VALIDATION_FAILED' }),
        );
      }
    });

    it('judges the age of a signature against the time it is given (the app clock)', async () => {
      const session = await request('key-hook-3');
      const { payload, signature } = fake.sign(fake.completedEvent(session.id), { timestamp: 1_900_000_000 });
      expect(payments.parseWebhook(Buffer.from(payload), signature, new Date(1_900_000_100_000)).kind).toBe('checkout');
      expect(() => payments.parseWebhook(Buffer.from(payload), signature, new Date(1_900_000_400_000))).toThrow();
    });
  });
});
