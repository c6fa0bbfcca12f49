/**
 * The `Payments` port: start a checkout for one pass, and (per adapter) turn the provider's
 * notification of its outcome into a `PaymentEvent`. Adapters: `stripe` (Stripe Checkout +
 * signed webhooks) and `demo` (a local page that completes the purchase, for `npm start`).
 * Both feed the same `applyPaymentEvent` (fulfilment.ts): the one code path that grants.
 */
import type { Learner, PassProduct, PassType, Purchase, Tenant } from '../store/records.js';

export type PaymentProvider = Purchase['provider'];

export interface CheckoutRequest {
  tenant: Tenant;
  learner: Learner;
  product: PassProduct;
  /** The same key for the same learner, product and moment: a double click makes one session. */
  idempotencyKey: string;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutSession {
  id: string;
  /** Where the learner pays; the widget opens it in a new window. */
  url: string;
}

export interface Payments {
  readonly provider: PaymentProvider;
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
}

/** What a checkout says about itself; `tenantId`, `learnerId`, `passType` come from our own metadata. */
export interface CheckoutDetails {
  tenantId: string;
  learnerId: string;
  passType: PassType;
  /** The duration the learner was offered; null falls back to the tenant's product. */
  passDays: number | null;
  checkoutSessionId: string;
  paymentRef: string | null;
  amount: number;
  currency: string;
  /** Where the receipt goes when the learner record has no e-mail. */
  customerEmail: string | null;
}

interface EventBase {
  provider: PaymentProvider;
  eventId: string;
  eventType: string;
}

export type PaymentEvent =
  /** `expired`: the checkout was abandoned (closed unpaid); its pending purchase becomes `expired`. */
  | (EventBase & { kind: 'checkout'; outcome: 'paid' | 'pending' | 'failed' | 'expired'; checkout: CheckoutDetails })
  | (EventBase & { kind: 'refund'; paymentRef: string; tenantId: string | null })
  | (EventBase & { kind: 'ignored'; reason: string; tenantId: string | null });

/** The metadata every checkout carries (Stripe: session and payment intent), read back by the webhook. */
export interface CheckoutMetadata {
  tenantId: string;
  learnerId: string;
  passType: PassType;
  passDays: string;
}
