/**
 * The one grant path counts a purchase for product analytics exactly once: on the delivery
 * that granted the pass, not on redeliveries, and never for an unpaid checkout.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Analytics } from '../observability/analytics.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { applyPaymentEvent } from './fulfilment.js';
import { createPassEvents } from './pass-events.js';
import type { PaymentEvent } from './payments.js';

let t: TestApp;
const captured: { event: string; properties: unknown }[] = [];
const analytics: Analytics = {
  enabled: true,
  capture: (event, _subject, properties) => void captured.push({ event, properties }),
  deletePerson: async () => undefined,
  flush: async () => undefined,
  shutdown: async () => undefined,
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it("captures 'pass purchased' once per granted pass, with only the pass type and provider", async () => {
  const learner = await t.store.forTenant(t.a.tenant.id).learners.upsertByExternalId({ externalId: 'buyer' });
  const deps = { store: t.store, logger: t.deps.logger, passEvents: createPassEvents(), analytics };
  const checkout = (outcome: 'paid' | 'pending', eventId: string, sessionId: string): PaymentEvent => ({
    provider: 'demo',
    eventId,
    eventType: 'checkout.session.completed',
    kind: 'checkout',
    outcome,
    checkout: {
      tenantId: t.a.tenant.id,
      learnerId: learner.id,
      passType: 'week',
      passDays: 7,
      checkoutSessionId: sessionId,
      paymentRef: `pi_${sessionId}`,
      amount: 1299,
      currency: 'gbp',
      customerEmail: null,
    },
  });

  expect((await applyPaymentEvent(deps, checkout('pending', 'evt_pending', 'cs_1'))).outcome).toBe('recorded');
  expect(captured).toEqual([]);
  expect((await applyPaymentEvent(deps, checkout('paid', 'evt_paid', 'cs_1'))).outcome).toBe('granted');
  expect((await applyPaymentEvent(deps, checkout('paid', 'evt_paid', 'cs_1'))).outcome).toBe('duplicate');
  expect(captured).toEqual([{ event: 'pass purchased', properties: { passType: 'week', provider: 'demo' } }]);
});
