import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { toPaymentEvent } from './stripe-events.js';

const metadata = { tenantId: 'ten_a', learnerId: 'lrn_a', passType: 'week', passDays: '7' };
const session = (overrides: Record<string, unknown> = {}) => ({
  id: 'cs_1',
  object: 'checkout.session',
  payment_status: 'paid',
  metadata,
  payment_intent: 'pi_1',
  amount_total: 699,
  currency: 'gbp',
  customer_details: { email: 'ada@example.edu' },
  customer_email: null,
  ...overrides,
});
const event = (type: string, object: Record<string, unknown>) => ({ id: 'evt_1', type, data: { object } }) as unknown as Stripe.Event;

describe('Stripe event → payment event', () => {
  it.each([
    ['completed and paid grants', 'checkout.session.completed', session(), { kind: 'checkout', outcome: 'paid' }],
    ['completed with no payment required (100% coupon) grants', 'checkout.session.completed', session({ payment_status: 'no_payment_required' }), { kind: 'checkout', outcome: 'paid' }],
    ['completed but unpaid (delayed method) is pending', 'checkout.session.completed', session({ payment_status: 'unpaid', payment_intent: null }), { kind: 'checkout', outcome: 'pending' }],
    ['async payment succeeded grants', 'checkout.session.async_payment_succeeded', session(), { kind: 'checkout', outcome: 'paid' }],
    ['async payment failed records the failure', 'checkout.session.async_payment_failed', session({ payment_status: 'unpaid' }), { kind: 'checkout', outcome: 'failed' }],
    ['a session without our metadata is ignored', 'checkout.session.completed', session({ metadata: {} }), { kind: 'ignored' }],
    ['a session with an unknown pass type is ignored', 'checkout.session.completed', session({ metadata: { ...metadata, passType: 'year' } }), { kind: 'ignored' }],
    ['a full refund revokes', 'charge.refunded', { id: 'ch_1', payment_intent: 'pi_1', refunded: true, metadata }, { kind: 'refund', paymentRef: 'pi_1', tenantId: 'ten_a' }],
    ['a refund without tenant metadata still names the payment', 'charge.refunded', { id: 'ch_1', payment_intent: { id: 'pi_2' }, refunded: true, metadata: {} }, { kind: 'refund', paymentRef: 'pi_2', tenantId: null }],
    ['a partial refund keeps the pass', 'charge.refunded', { id: 'ch_1', payment_intent: 'pi_1', refunded: false, metadata }, { kind: 'ignored' }],
    ['other event types are ignored', 'customer.created', { id: 'cus_1' }, { kind: 'ignored' }],
    ['an expired (abandoned) session expires its purchase', 'checkout.session.expired', session({ status: 'expired', payment_status: 'unpaid', payment_intent: null }), { kind: 'checkout', outcome: 'expired', checkout: { checkoutSessionId: 'cs_1', paymentRef: null } }],
    ['an expired session without our metadata is ignored', 'checkout.session.expired', session({ status: 'expired', payment_status: 'unpaid', metadata: {} }), { kind: 'ignored' }],
  ])('%s', (_name, type, object, expected) => {
    expect(toPaymentEvent(event(type, object))).toMatchObject({ provider: 'stripe', eventId: 'evt_1', eventType: type, ...expected });
  });

  it('carries the checkout facts the store needs', () => {
    expect(toPaymentEvent(event('checkout.session.completed', session({ payment_intent: { id: 'pi_9' } })))).toEqual({
      provider: 'stripe',
      eventId: 'evt_1',
      eventType: 'checkout.session.completed',
      kind: 'checkout',
      outcome: 'paid',
      checkout: {
        tenantId: 'ten_a',
        learnerId: 'lrn_a',
        passType: 'week',
        passDays: 7,
        checkoutSessionId: 'cs_1',
        paymentRef: 'pi_9',
        amount: 699,
        currency: 'gbp',
        customerEmail: 'ada@example.edu',
      },
    });
  });
});
