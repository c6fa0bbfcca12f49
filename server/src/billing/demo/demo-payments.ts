/**
 * The `demo` Payments adapter, the embedded default outside production: the "checkout" is a
 * page this server serves (http/demo-checkout.ts), clearly labelled as taking no payment. Its
 * Pay button produces the same `PaymentEvent` a paid Stripe checkout does, and its Cancel
 * button the one an abandoned (expired) Stripe checkout does, for the same
 * `applyPaymentEvent`, so the demo exercises the real paths.
 */
import { createHash } from 'node:crypto';
import type { Purchase } from '../../store/records.js';
import type { PaymentEvent, Payments } from '../payments.js';

export interface DemoPayments extends Payments {
  readonly provider: 'demo';
  /** The event a completed demo checkout sends; the same id every time for the same session. */
  completion(purchase: Purchase, input: { customerEmail: string | null; passDays: number }): PaymentEvent;
  /**
   * The event a cancelled demo checkout sends: the session is closed, as Stripe closes an
   * abandoned one (`checkout.session.expired`). The same id every time for the same session.
   */
  abandonment(purchase: Purchase): PaymentEvent;
}

export const demoCheckoutPath = (tenantId: string, sessionId: string) =>
  `/demo/checkout/${encodeURIComponent(tenantId)}/${encodeURIComponent(sessionId)}`;

/** The event a demo checkout sends, shaped as the Stripe adapter shapes its checkout events. */
function checkoutEvent(
  purchase: Purchase,
  event: { eventPrefix: string; eventType: string; outcome: 'paid' | 'expired'; passDays?: number; customerEmail?: string | null },
): PaymentEvent {
  const suffix = purchase.checkoutSessionId.replace(/^cs_demo_/, '');
  return {
    provider: 'demo',
    eventId: `${event.eventPrefix}${suffix}`,
    eventType: event.eventType,
    kind: 'checkout',
    outcome: event.outcome,
    checkout: {
      tenantId: purchase.tenantId,
      learnerId: purchase.learnerId ?? '',
      passType: purchase.passType,
      passDays: event.passDays ?? null,
      checkoutSessionId: purchase.checkoutSessionId,
      paymentRef: event.outcome === 'paid' ? `pay_demo_${suffix}` : null,
      amount: purchase.amount,
      currency: purchase.currency,
      customerEmail: event.customerEmail ?? null,
    },
  };
}

export function createDemoPayments(options: { publicUrl: string }): DemoPayments {
  return {
    provider: 'demo',
    async createCheckout({ tenant, idempotencyKey }) {
      // Derived from the idempotency key, so a double click lands on the same session.
      const id = `cs_demo_${createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 32)}`;
      return { id, url: `${options.publicUrl}${demoCheckoutPath(tenant.id, id)}` };
    },
    abandonment(purchase) {
      return checkoutEvent(purchase, { eventPrefix: 'evt_demo_expired_', eventType: 'checkout.session.expired', outcome: 'expired' });
    },
    completion(purchase, { customerEmail, passDays }) {
      return checkoutEvent(purchase, { eventPrefix: 'evt_demo_', eventType: 'checkout.session.completed', outcome: 'paid', passDays, customerEmail });
    },
  };
}
