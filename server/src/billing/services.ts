/**
 * Billing's part of `buildApp`: the adapters chosen from the config (Stripe or the demo
 * checkout; SMTP or the outbox), its periodic jobs, and its HTTP routes. Kept here so app.ts
 * only calls in.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { registerBillingPages } from '../http/billing-pages.js';
import { registerDemoCheckout } from '../http/demo-checkout.js';
import { registerDevOutbox } from '../http/dev-outbox.js';
import { registerStripeWebhook } from '../http/stripe-webhook.js';
import { createExpiryReminderJob } from '../jobs/expiry-reminders.js';
import { createOutboxDeliveryJob } from '../jobs/outbox-delivery.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { AppLogger } from '../logger.js';
import type { Analytics } from '../observability/analytics.js';
import type { Mailer } from '../mail/mailer.js';
import { selectMailer } from '../mail/select-mailer.js';
import type { Store } from '../store/store.js';
import { createDemoPayments, type DemoPayments } from './demo/demo-payments.js';
import { createPassEvents, type PassEvents } from './pass-events.js';
import { createStripePayments, type StripePayments } from './stripe/stripe-payments.js';

export interface BillingServices {
  payments: StripePayments | DemoPayments | null;
  mailer: Mailer;
  passEvents: PassEvents;
}

/** Stripe when its keys are set; otherwise the demo checkout, except in production (no way to buy). */
export function selectPayments(config: Config, logger: AppLogger): StripePayments | DemoPayments | null {
  if (config.stripe) return createStripePayments(config.stripe);
  if (config.env === 'production') {
    logger.warn('STRIPE_SECRET_KEY is not set: learners cannot buy passes (grants, seats and sponsorship still work)');
    return null;
  }
  return createDemoPayments({ publicUrl: config.publicUrl });
}

export function createBillingServices(config: Config, logger: AppLogger, overrides: Partial<BillingServices> = {}): BillingServices {
  return {
    payments: overrides.payments !== undefined ? overrides.payments : selectPayments(config, logger),
    mailer: overrides.mailer ?? selectMailer(config, logger),
    passEvents: overrides.passEvents ?? createPassEvents(),
  };
}

export function registerBillingJobs(jobs: Scheduler, deps: { store: Store; mailer: Mailer; config: Config }): void {
  jobs.register(createOutboxDeliveryJob({ store: deps.store, mailer: deps.mailer, mailFrom: deps.config.mail.from }));
  jobs.register(createExpiryReminderJob({ store: deps.store }));
}

export async function registerBillingRoutes(
  app: FastifyInstance,
  deps: BillingServices & { store: Store; logger: AppLogger; clock: () => Date; config: Config; analytics: Analytics },
): Promise<void> {
  const fulfilment = { store: deps.store, logger: deps.logger, passEvents: deps.passEvents, analytics: deps.analytics };
  registerBillingPages(app);
  if (deps.payments?.provider === 'stripe') await registerStripeWebhook(app, { payments: deps.payments, fulfilment, clock: deps.clock });
  if (deps.payments?.provider === 'demo') await registerDemoCheckout(app, { payments: deps.payments, fulfilment, store: deps.store });
  if (deps.config.env !== 'production') registerDevOutbox(app, deps.store);
}
