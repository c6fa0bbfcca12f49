/**
 * Stripe event → `PaymentEvent`. Pure, so every event shape is pinned by a table of cases.
 *
 * - `checkout.session.completed`: paid (or no payment required, e.g. a 100% coupon) grants;
 *   `unpaid` (a delayed method such as a bank debit) records a pending purchase.
 * - `checkout.session.async_payment_succeeded` grants; `…_failed` records the failure.
 * - `checkout.session.expired` (the learner abandoned the checkout; Stripe closes it unpaid,
 *   by default 24 hours after it was created) marks the pending purchase expired.
 * - `charge.refunded` for a full refund revokes; a partial refund keeps the pass (ignored).
 * - Sessions without our metadata (another integration on the same account), and every other
 *   type, are acknowledged and ignored.
 */
import type Stripe from 'stripe';
import { passTypes, type PassType } from '../../store/records.js';
import type { CheckoutDetails, PaymentEvent } from '../payments.js';

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : (value?.id ?? null);

function checkoutDetails(session: Stripe.Checkout.Session): CheckoutDetails | null {
  const meta = session.metadata ?? {};
  const passType = meta['passType'];
  if (!meta['tenantId'] || !meta['learnerId'] || !passTypes.includes(passType as PassType)) return null;
  const days = Number.parseInt(meta['passDays'] ?? '', 10);
  return {
    tenantId: meta['tenantId'],
    learnerId: meta['learnerId'],
    passType: passType as PassType,
    passDays: Number.isInteger(days) && days > 0 ? days : null,
    checkoutSessionId: session.id,
    paymentRef: idOf(session.payment_intent),
    amount: session.amount_total ?? 0,
    currency: session.currency ?? '',
    customerEmail: session.customer_details?.email ?? session.customer_email ?? null,
  };
}

export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const base = { provider: 'stripe' as const, eventId: event.id, eventType: event.type };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const session = event.data.object;
      const checkout = checkoutDetails(session);
      if (!checkout) return { ...base, kind: 'ignored', reason: 'not an Interview Studio checkout', tenantId: null };
      const outcome =
        event.type === 'checkout.session.expired'
          ? 'expired'
          : event.type === 'checkout.session.async_payment_failed'
            ? 'failed'
            : event.type === 'checkout.session.async_payment_succeeded' || session.payment_status !== 'unpaid'
              ? 'paid'
              : 'pending';
      return { ...base, kind: 'checkout', outcome, checkout };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentRef = idOf(charge.payment_intent);
      const tenantId = charge.metadata?.['tenantId'] ?? null;
      if (!paymentRef) return { ...base, kind: 'ignored', reason: 'refund of a charge without a payment intent', tenantId };
      if (!charge.refunded) return { ...base, kind: 'ignored', reason: 'partial refund: the pass is kept', tenantId };
      return { ...base, kind: 'refund', paymentRef, tenantId };
    }
    default:
      return { ...base, kind: 'ignored', reason: 'event type not used', tenantId: null };
  }
}
