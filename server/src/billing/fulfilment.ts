/**
 * The one code path from "the provider says" to passes: the Stripe webhook and the demo
 * checkout both end here. The store applies each event atomically and idempotently (see
 * `Store.fulfilPurchase`); what follows the commit (the receipt, waking the learner's widget)
 * is idempotent too and runs again on every redelivery, so a crash after the commit but before
 * the provider got its 2xx is completed by the provider's retry, exactly once.
 */
import type { AppLogger } from '../logger.js';
import type { Analytics } from '../observability/analytics.js';
import { renderReceipt } from '../mail/templates.js';
import type { Pass, PassType, Purchase, Tenant } from '../store/records.js';
import type { PaymentEventRef, Store, TenantStore } from '../store/store.js';
import type { PassEvents } from './pass-events.js';
import type { PaymentEvent } from './payments.js';
import { DEFAULT_DURATION_DAYS, findProduct } from './products.js';

export interface FulfilmentDeps {
  store: Store;
  logger: AppLogger;
  passEvents: PassEvents;
  analytics: Analytics;
}

/** granted: a pass was created; recorded: the purchase changed without a pass; duplicate: seen before. */
export type FulfilmentOutcome = 'granted' | 'recorded' | 'refunded' | 'ignored' | 'duplicate';

export interface FulfilmentReport {
  outcome: FulfilmentOutcome;
  purchase: Purchase | null;
  pass: Pass | null;
}

export const receiptDedupeKey = (purchaseId: string) => `receipt:${purchaseId}`;

const typeName = (type: PassType) => `${type[0]?.toUpperCase()}${type.slice(1)} pass`;

export async function applyPaymentEvent(deps: FulfilmentDeps, event: PaymentEvent): Promise<FulfilmentReport> {
  const { store, logger, passEvents, analytics } = deps;
  const ref: PaymentEventRef = { provider: event.provider, id: event.eventId, type: event.eventType };

  if (event.kind === 'ignored') {
    const fresh = await store.recordWebhookEvent({ ...ref, tenantId: event.tenantId });
    if (fresh) logger.info({ eventId: event.eventId, eventType: event.eventType, reason: event.reason }, 'payment event ignored');
    return { outcome: fresh ? 'ignored' : 'duplicate', purchase: null, pass: null };
  }

  if (event.kind === 'refund') {
    const result = await store.refundPayment({ event: ref, provider: event.provider, paymentRef: event.paymentRef, tenantId: event.tenantId });
    for (const pass of result.revoked) passEvents.notify(pass.tenantId, pass.learnerId);
    if (result.applied) {
      logger.info({ eventId: event.eventId, purchaseId: result.purchase?.id ?? null, revoked: result.revoked.length }, 'payment refunded');
    }
    return { outcome: result.applied ? 'refunded' : 'duplicate', purchase: result.purchase, pass: null };
  }

  const checkout = event.checkout;
  const tenant = await store.getTenant(checkout.tenantId);
  if (!tenant) {
    logger.error({ eventId: event.eventId, tenantId: checkout.tenantId }, 'payment for a tenant that does not exist');
    const { provider, eventId, eventType } = event;
    return applyPaymentEvent(deps, { provider, eventId, eventType, kind: 'ignored', reason: 'unknown tenant', tenantId: null });
  }
  const tenantStore = store.forTenant(tenant.id);
  const learner = await tenantStore.learners.get(checkout.learnerId);
  const facts = {
    event: ref,
    tenantId: tenant.id,
    checkoutSessionId: checkout.checkoutSessionId,
    provider: event.provider,
    paymentRef: checkout.paymentRef,
    learnerId: learner?.id ?? null,
    passType: checkout.passType,
    amount: checkout.amount,
    currency: checkout.currency,
  };

  if (event.outcome !== 'paid') {
    const result = await store.markPurchaseUnpaid({ ...facts, status: event.outcome });
    return { outcome: result.applied ? 'recorded' : 'duplicate', purchase: result.purchase, pass: result.pass };
  }

  const passDays = checkout.passDays ?? findProduct(tenant, checkout.passType)?.durationDays ?? DEFAULT_DURATION_DAYS[checkout.passType];
  const result = await store.fulfilPurchase({ ...facts, passDays });
  if (result.purchase?.status === 'paid') {
    await queueReceipt({ tenant, tenantStore, purchase: result.purchase, pass: result.pass, passDays, customerEmail: checkout.customerEmail, logger });
  }
  if (result.pass) passEvents.notify(tenant.id, result.pass.learnerId);
  // Counted once: only the delivery that granted the pass (redeliveries are not applied).
  if (result.applied && result.pass && learner) {
    analytics.capture('pass purchased', { tenantId: tenant.id, learner }, { passType: checkout.passType, provider: event.provider });
  }
  if (result.applied) {
    logger.info({ eventId: event.eventId, purchaseId: result.purchase?.id, passId: result.pass?.id ?? null, status: result.purchase?.status }, 'checkout fulfilled');
  }
  return { outcome: !result.applied ? 'duplicate' : result.pass ? 'granted' : 'recorded', purchase: result.purchase, pass: result.pass };
}

async function queueReceipt(input: {
  tenant: Tenant;
  tenantStore: TenantStore;
  purchase: Purchase;
  pass: Pass | null;
  passDays: number;
  customerEmail: string | null;
  logger: AppLogger;
}): Promise<void> {
  const { tenant, tenantStore, purchase, pass, customerEmail } = input;
  const learner = purchase.learnerId ? await tenantStore.learners.get(purchase.learnerId) : null;
  // A guest has no e-mail until they give one at checkout: keep it for the expiry reminder.
  if (learner && !learner.email && customerEmail) await tenantStore.learners.update(learner.id, { email: customerEmail });
  const to = learner?.email ?? customerEmail;
  if (!to) {
    input.logger.info({ purchaseId: purchase.id }, 'no e-mail address for the receipt');
    return;
  }
  const product = findProduct(tenant, purchase.passType);
  const rendered = renderReceipt({
    tenant,
    purchase,
    pass,
    product: { name: product?.name ?? typeName(purchase.passType), durationDays: input.passDays },
  });
  await tenantStore.outbox.enqueue({ learnerId: purchase.learnerId, dedupeKey: receiptDedupeKey(purchase.id), kind: 'receipt', to, ...rendered });
}
