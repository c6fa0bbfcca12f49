/**
 * The `stripe` Payments adapter: Stripe Checkout sessions, and signed webhooks turned into
 * `PaymentEvent`s. Tests point the real SDK at a local fake (`host`/`port`/`protocol`).
 */
import Stripe from 'stripe';
import type { StripeSettings } from '../../config.js';
import { AppError } from '../../errors.js';
import type { CheckoutMetadata, PaymentEvent, Payments } from '../payments.js';
import { toPaymentEvent } from './stripe-events.js';

/** Stripe's own default: signatures older than five minutes are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripePayments extends Payments {
  readonly provider: 'stripe';
  /** Verifies the signature (and its age against `receivedAt`) and reads the event; VALIDATION_FAILED otherwise. */
  parseWebhook(rawBody: Buffer, signature: string, receivedAt: Date): PaymentEvent;
}

export function createStripePayments(settings: StripeSettings): StripePayments {
  const stripe = new Stripe(settings.secretKey, {
    ...settings.api,
    timeout: 20_000,
    // Retries reuse the idempotency key, so they cannot create a second session.
    maxNetworkRetries: 2,
    appInfo: { name: 'Interview Studio' },
  });

  return {
    provider: 'stripe',
    async createCheckout({ tenant, learner, product, idempotencyKey, successUrl, cancelUrl }) {
      const metadata: CheckoutMetadata = {
        tenantId: tenant.id,
        learnerId: learner.id,
        passType: product.type,
        passDays: String(product.durationDays),
      };
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            product.stripePriceId
              ? { price: product.stripePriceId, quantity: 1 }
              : {
                  quantity: 1,
                  price_data: {
                    currency: product.currency,
                    unit_amount: product.amount,
                    product_data: { name: `${tenant.settings.branding.productName}: ${product.name}` },
                  },
                },
          ],
          success_url: successUrl,
          cancel_url: cancelUrl,
          client_reference_id: learner.id,
          ...(learner.email ? { customer_email: learner.email } : {}),
          metadata: { ...metadata },
          // Refund events carry the charge, which names the payment intent, not the session.
          payment_intent_data: { metadata: { ...metadata } },
        },
        { idempotencyKey },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL`);
      return { id: session.id, url: session.url };
    },
    parseWebhook(rawBody, signature, receivedAt) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          settings.webhookSecret,
          WEBHOOK_TOLERANCE_SECONDS,
          undefined,
          // Milliseconds: the SDK divides by 1000 itself.
          receivedAt.getTime(),
        );
      } catch (error) {
        throw new AppError('VALIDATION_FAILED', 'The Stripe signature is missing, wrong or too old.', { cause: error });
      }
      return toPaymentEvent(event);
    },
  };
}
