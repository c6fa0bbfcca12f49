/**
 * `POST /webhooks/stripe`. The signature covers the exact bytes Stripe sent, so this route
 * (and only this route, through an encapsulated plugin) takes the body as a raw buffer. It
 * answers 2xx only after `applyPaymentEvent` has committed; any failure is a 5xx, and Stripe
 * delivers again. Bad or stale signatures are 400 `VALIDATION_FAILED`.
 */
import type { FastifyInstance } from 'fastify';
import { applyPaymentEvent, type FulfilmentDeps } from '../billing/fulfilment.js';
import type { StripePayments } from '../billing/stripe/stripe-payments.js';
import { AppError } from '../errors.js';

export const STRIPE_WEBHOOK_PATH = '/webhooks/stripe';
/** Stripe events are a few kilobytes; this leaves room for large checkout sessions. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export async function registerStripeWebhook(
  app: FastifyInstance,
  deps: { payments: StripePayments; fulfilment: FulfilmentDeps; clock: () => Date },
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post(STRIPE_WEBHOOK_PATH, async (request, reply) => {
      const signature = request.headers['stripe-signature'];
      if (typeof signature !== 'string' || !Buffer.isBuffer(request.body)) {
        throw new AppError('VALIDATION_FAILED', 'A Stripe event with its Stripe-Signature header is required.');
      }
      const event = deps.payments.parseWebhook(request.body, signature, deps.clock());
      const report = await applyPaymentEvent(deps.fulfilment, event);
      return reply.code(200).send({ received: true, outcome: report.outcome });
    });
  });
}
