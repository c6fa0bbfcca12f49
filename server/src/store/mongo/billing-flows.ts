/**
 * The payment operations of the MongoDB store (contract: billing-flows.contract.ts). Each one
 * writes several documents (purchase, pass, refund marker, webhook event) as one write unit
 * (write-units.ts): a transaction on a replica set, and on a standalone server this order of
 * idempotent writes, each keyed by a natural unique id:
 *
 *   fulfilPurchase / markPurchaseUnpaid
 *     0. event already recorded?  -> nothing to do: return the current state (applied: false)
 *     1. upsert the purchase by its checkout session id (unique), then move its status up only
 *        (`settledStatus`: pending < expired < failed < paid < refunded) with a compare-and-set
 *     2. (fulfil, when paid and the learner is known) upsert its pass by the purchase id: the
 *        unique (tenantId, purchaseId) index lets a purchase have one pass, ever
 *     3. record the webhook event (unique provider + event id) LAST
 *
 *   refundPayment
 *     0. event already recorded?  -> return the current state
 *     1. upsert the refund marker (unique provider + payment ref)
 *     2. the purchase with that payment ref, if any: mark it refunded, revoke its pass, and
 *        move the learner's passes queued behind it up (`rechainLearner`, pass-revocation.ts;
 *        on every run, so a redelivery completes a re-chain a crash interrupted)
 *     3. record the webhook event LAST
 *
 * The event record is what marks the work done. A crash before step 3 leaves the event
 * unrecorded, so the provider's redelivery (the endpoint answered no 2xx) runs every step
 * again; each finds its own earlier write and changes nothing twice (one purchase, one pass).
 * Concurrent deliveries of one event all run the steps, write the same documents, and exactly
 * one records the event: it alone reports `applied: true`.
 *
 * A refund and its checkout completion may run at the same time and miss each other (the
 * refund finds no purchase yet, the fulfilment no marker yet; in a transaction too, since
 * snapshot isolation allows that). Both therefore check again once their writes are done
 * (committed): fulfilment for a marker of its payment, refund for the purchase of its payment,
 * and whichever runs second applies the refund. The check runs on every delivery, redelivered
 * ones too, so a crash right after the writes is repaired by the redelivery.
 */
import { passWindow } from '../../billing/pass-window.js';
import { settledStatus } from '../../billing/purchase-status.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { Pass, PurchaseStatus } from '../records.js';
import type { CheckoutFacts, FulfilmentResult, PaymentEventRef, PurchaseFulfilment, RefundResult, Store, UnpaidStatus } from '../store.js';
import type { PassDoc, PurchaseDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { rechainLearner } from './pass-revocation.js';
import { livePasses, toPass } from './passes.js';
import { toPurchase } from './purchases.js';
import { inTenant } from './tenant-scope.js';
import { toDate } from './transform.js';
import { inSession, isTolerableDuplicate, type Session } from './write-units.js';

type BillingFlowOperations = Pick<Store, 'fulfilPurchase' | 'markPurchaseUnpaid' | 'refundPayment' | 'listPassesDueForReminder'>;

const CHECKOUT_CONFLICT = 'A purchase for this checkout session already exists.';

/**
 * Equality on a field of a partial "when set" index, with the index's own filter spelled out so
 * the planner can use the partial index (an upsert's filter stays a plain equality instead: an
 * upsert copies only equalities into the document it inserts).
 */
const setTo = (value: string) => ({ $eq: value, $type: 'string' as const });
/** Enough for any real contention on one purchase's status. */
const MAX_STATUS_RACES = 20;

interface RefundEffect {
  purchase: PurchaseDoc | null;
  revoked: PassDoc[];
}

export function prepareBillingFlows(context: MongoContext): BillingFlowOperations {
  const {
    models: { Pass, Purchase, RefundMarker, WebhookEvent },
    clock,
    units,
  } = context;

  async function eventRecorded(event: PaymentEventRef, session: Session): Promise<boolean> {
    const doc = await WebhookEvent.findOne({ provider: event.provider, eventId: event.id }, { _id: 1 }, inSession(session)).lean();
    return doc !== null;
  }

  /** Step 3: true when this call recorded the event, false when a concurrent delivery did. */
  async function recordEvent(event: PaymentEventRef, tenantId: string | null, now: Date, session: Session): Promise<boolean> {
    try {
      const result = await WebhookEvent.updateOne(
        { provider: event.provider, eventId: event.id },
        { $setOnInsert: { type: event.type, tenantId, receivedAt: now } },
        { upsert: true, timestamps: false, ...inSession(session) },
      );
      return result.upsertedCount === 1;
    } catch (error) {
      if (isTolerableDuplicate(error, session)) return false;
      throw error;
    }
  }

  async function refundMarked(provider: string, paymentRef: string, session: Session): Promise<boolean> {
    return (await RefundMarker.findOne({ provider, paymentRef }, { _id: 1 }, inSession(session)).lean()) !== null;
  }

  async function purchaseByCheckout(tenantId: string, checkoutSessionId: string, session: Session): Promise<PurchaseDoc | null> {
    return Purchase.findOne({ checkoutSessionId }, null, inTenant(tenantId, inSession(session))).lean<PurchaseDoc>();
  }

  async function purchaseByPaymentRef(provider: PurchaseDoc['provider'], paymentRef: string, session: Session): Promise<PurchaseDoc | null> {
    // Global: a refund names the provider's payment, not the tenant (unique provider + paymentRef).
    return Purchase.findOne(
      { provider, paymentRef: setTo(paymentRef) },
      null,
      { crossTenant: 'a refund names the payment, not the tenant', ...inSession(session) },
    ).lean<PurchaseDoc>();
  }

  async function passOfPurchase(tenantId: string, purchaseId: string, session: Session): Promise<PassDoc | null> {
    return Pass.findOne({ purchaseId: setTo(purchaseId) }, null, inTenant(tenantId, inSession(session))).lean<PassDoc>();
  }

  async function currentState(tenantId: string, checkoutSessionId: string, session: Session): Promise<FulfilmentResult> {
    const purchase = await purchaseByCheckout(tenantId, checkoutSessionId, session);
    const pass = purchase ? await passOfPurchase(tenantId, purchase._id, session) : null;
    return { applied: false, purchase: purchase ? toPurchase(purchase) : null, pass: pass ? toPass(pass) : null };
  }

  /** Step 1: creates the purchase, or moves it to `status` (never to a lower-ranked one). */
  async function upsertPurchase(facts: CheckoutFacts, status: PurchaseStatus, now: Date, session: Session): Promise<PurchaseDoc> {
    const write = (extra: object = {}) =>
      inTenant(facts.tenantId, { ...inSession(session), returnDocument: 'after' as const, timestamps: false, ...extra });
    let existing = await purchaseByCheckout(facts.tenantId, facts.checkoutSessionId, session);
    if (!existing) {
      // Checkout session ids are unique across tenants: another tenant's is refused before anything is written.
      const elsewhere = await Purchase.findOne(
        { checkoutSessionId: facts.checkoutSessionId },
        { tenantId: 1 },
        { crossTenant: 'checkout session ids are unique across tenants', ...inSession(session) },
      ).lean();
      if (elsewhere) throw new AppError('CONFLICT', CHECKOUT_CONFLICT);
      const id = newId('pur');
      const doc = await Purchase.findOneAndUpdate(
        { checkoutSessionId: facts.checkoutSessionId },
        {
          $setOnInsert: {
            _id: id,
            learnerId: facts.learnerId,
            learnerRef: null,
            passType: facts.passType,
            amount: facts.amount,
            currency: facts.currency,
            provider: facts.provider,
            paymentRef: facts.paymentRef,
            status,
            createdAt: now,
            updatedAt: now,
          },
        },
        write({ upsert: true }),
      ).lean<PurchaseDoc>();
      if (doc && doc._id === id) return doc;
      existing = doc; // a concurrent delivery inserted it first: update it like any existing one
    }
    // Compare-and-set on (status, paymentRef): a racing writer makes it miss, and it reads again.
    for (let race = 0; existing && race < MAX_STATUS_RACES; race += 1) {
      const currentRef = existing.paymentRef ?? null;
      const set = {
        status: settledStatus(existing.status, status),
        amount: facts.amount,
        currency: facts.currency,
        updatedAt: now,
        // Kept once known (COALESCE in the SQLite store).
        ...(currentRef === null && facts.paymentRef !== null ? { paymentRef: facts.paymentRef } : {}),
      };
      const updated = await Purchase.findOneAndUpdate(
        { _id: existing._id, status: existing.status, paymentRef: currentRef },
        { $set: set },
        write(),
      ).lean<PurchaseDoc>();
      if (updated) return updated;
      existing = await Purchase.findOne({ _id: existing._id }, null, inTenant(facts.tenantId, inSession(session))).lean<PurchaseDoc>();
    }
    if (!existing) throw notFound('Purchase');
    throw new AppError('CONFLICT', 'The purchase kept changing; try again.');
  }

  /** Step 2 of a fulfilment: the purchase's one pass, stacked after the learner's live passes. */
  async function grantPurchasePass(purchase: PurchaseDoc, passDays: number, now: Date, session: Session): Promise<PassDoc> {
    const learnerId = purchase.learnerId as string;
    const window = passWindow(await livePasses(context, purchase.tenantId, learnerId, now, session), now, passDays);
    try {
      const doc = await Pass.findOneAndUpdate(
        { purchaseId: purchase._id },
        {
          $setOnInsert: {
            _id: newId('pas'),
            learnerId,
            type: purchase.passType,
            source: 'purchase',
            startsAt: toDate(window.startsAt, 'startsAt'),
            expiresAt: toDate(window.expiresAt, 'expiresAt'),
            revokedAt: null,
            reminderSentAt: null,
            createdAt: now,
          },
        },
        inTenant(purchase.tenantId, { ...inSession(session), upsert: true, returnDocument: 'after' as const, timestamps: false }),
      ).lean<PassDoc>();
      if (doc) return doc;
    } catch (error) {
      // Two first deliveries both missed and one lost on the unique index: the pass exists.
      if (!isTolerableDuplicate(error, session, 'purchaseId')) throw error;
    }
    const existing = await passOfPurchase(purchase.tenantId, purchase._id, session);
    if (!existing) throw notFound('Pass');
    return existing;
  }

  /**
   * Marks the purchase refunded, revokes its pass and re-chains the learner's queued passes.
   * `always` (the refund's own step) moves updatedAt like the SQLite store; otherwise (the
   * after-check) only what is not yet refunded or revoked changes.
   */
  async function applyRefund(tenantId: string, purchaseId: string, now: Date, session: Session, always: boolean): Promise<RefundEffect> {
    const scope = (extra: object = {}) => inTenant(tenantId, { ...inSession(session), ...extra });
    const purchase =
      (await Purchase.findOneAndUpdate(
        { _id: purchaseId, ...(always ? {} : { status: { $ne: 'refunded' } }) },
        { $set: { status: 'refunded', updatedAt: now } },
        scope({ returnDocument: 'after' as const, timestamps: false }),
      ).lean<PurchaseDoc>()) ?? (await Purchase.findOne({ _id: purchaseId }, null, scope()).lean<PurchaseDoc>());
    // Conditional on revokedAt: only the call that revoked it reports it.
    const revoked = await Pass.findOneAndUpdate(
      { purchaseId: setTo(purchaseId), revokedAt: null },
      { $set: { revokedAt: now } },
      scope({ returnDocument: 'after' as const }),
    ).lean<PassDoc>();
    const pass = revoked ?? (await passOfPurchase(tenantId, purchaseId, session));
    if (pass && pass.revokedAt !== null) await rechainLearner(context, tenantId, pass.learnerId, now, session);
    return { purchase, revoked: revoked ? [revoked] : [] };
  }

  async function fulfil(input: PurchaseFulfilment, session: Session): Promise<FulfilmentResult> {
    const now = clock();
    if (await eventRecorded(input.event, session)) return currentState(input.tenantId, input.checkoutSessionId, session);
    const refunded = input.paymentRef !== null && (await refundMarked(input.provider, input.paymentRef, session));
    const purchase = await upsertPurchase(input, refunded ? 'refunded' : 'paid', now, session);
    let pass = await passOfPurchase(purchase.tenantId, purchase._id, session);
    if (!pass && purchase.status === 'paid' && purchase.learnerId !== null) {
      pass = await grantPurchasePass(purchase, input.passDays, now, session);
    }
    if (!(await recordEvent(input.event, input.tenantId, now, session))) {
      return currentState(input.tenantId, input.checkoutSessionId, session);
    }
    return { applied: true, purchase: toPurchase(purchase), pass: pass ? toPass(pass) : null };
  }

  async function markUnpaid(input: CheckoutFacts & { status: UnpaidStatus }, session: Session): Promise<FulfilmentResult> {
    const now = clock();
    if (await eventRecorded(input.event, session)) return currentState(input.tenantId, input.checkoutSessionId, session);
    const purchase = await upsertPurchase(input, input.status, now, session);
    const pass = await passOfPurchase(purchase.tenantId, purchase._id, session);
    if (!(await recordEvent(input.event, input.tenantId, now, session))) {
      return currentState(input.tenantId, input.checkoutSessionId, session);
    }
    return { applied: true, purchase: toPurchase(purchase), pass: pass ? toPass(pass) : null };
  }

  async function refund(input: Parameters<Store['refundPayment']>[0], session: Session): Promise<RefundResult> {
    const now = clock();
    if (await eventRecorded(input.event, session)) {
      const found = await purchaseByPaymentRef(input.provider, input.paymentRef, session);
      return { applied: false, purchase: found ? toPurchase(found) : null, revoked: [] };
    }
    try {
      await RefundMarker.updateOne(
        { provider: input.provider, paymentRef: input.paymentRef },
        { $setOnInsert: { tenantId: input.tenantId, refundedAt: now } },
        { upsert: true, ...inSession(session) },
      );
    } catch (error) {
      if (!isTolerableDuplicate(error, session)) throw error; // a concurrent delivery wrote it
    }
    // Looked up after the marker is written, so a fulfilment that wrote its purchase too late
    // for this lookup finds the marker in its own after-check.
    const found = await purchaseByPaymentRef(input.provider, input.paymentRef, session);
    const effect: RefundEffect = found ? await applyRefund(found.tenantId, found._id, now, session, true) : { purchase: null, revoked: [] };
    if (!(await recordEvent(input.event, input.tenantId ?? found?.tenantId ?? null, now, session))) {
      return { applied: false, purchase: effect.purchase ? toPurchase(effect.purchase) : null, revoked: [] };
    }
    return { applied: true, purchase: effect.purchase ? toPurchase(effect.purchase) : null, revoked: effect.revoked.map(toPass) };
  }

  /** The fulfilment's after-check (see the header): a refund recorded meanwhile wins. */
  async function afterFulfilment(result: FulfilmentResult): Promise<FulfilmentResult> {
    const purchase = result.purchase;
    if (!purchase || purchase.paymentRef === null) return result;
    const passLive = result.pass !== null && result.pass.revokedAt === null;
    if (purchase.status === 'refunded' && !passLive) return result;
    if (!(await refundMarked(purchase.provider, purchase.paymentRef, null))) return result;
    const effect = await units.run((session) => applyRefund(purchase.tenantId, purchase.id, clock(), session, false));
    const revoked: Pass | undefined = effect.revoked.map(toPass)[0];
    return { ...result, purchase: effect.purchase ? toPurchase(effect.purchase) : purchase, pass: revoked ?? result.pass };
  }

  /** The refund's after-check: a purchase of this payment written meanwhile is refunded now. */
  async function afterRefund(input: Parameters<Store['refundPayment']>[0], result: RefundResult): Promise<RefundResult> {
    const found = await purchaseByPaymentRef(input.provider, input.paymentRef, null);
    if (!found) return result;
    const pass = await passOfPurchase(found.tenantId, found._id, null);
    if (found.status === 'refunded' && (!pass || pass.revokedAt !== null)) {
      return result.purchase ? result : { ...result, purchase: toPurchase(found) };
    }
    const effect = await units.run((session) => applyRefund(found.tenantId, found._id, clock(), session, false));
    return {
      ...result,
      purchase: effect.purchase ? toPurchase(effect.purchase) : toPurchase(found),
      revoked: [...result.revoked, ...effect.revoked.map(toPass)],
    };
  }

  return {
    fulfilPurchase: (input) =>
      translated(async () => afterFulfilment(await units.run((session) => fulfil(input, session))), CHECKOUT_CONFLICT),
    markPurchaseUnpaid: (input) => translated(() => units.run((session) => markUnpaid(input, session)), CHECKOUT_CONFLICT),
    refundPayment: (input) =>
      translated(async () => afterRefund(input, await units.run((session) => refund(input, session))), 'This payment is already recorded.'),
    listPassesDueForReminder: (expiresBefore, limit) =>
      translated(async () => {
        if (!(limit >= 1)) return [];
        const docs = await Pass.find(
          { reminderSentAt: null, revokedAt: null, expiresAt: { $gt: clock(), $lte: toDate(expiresBefore, 'expiresBefore') } },
          null,
          { crossTenant: 'the reminder job serves every tenant', sort: { expiresAt: 1, _id: 1 }, limit: Math.floor(limit) },
        ).lean<PassDoc[]>();
        return docs.map(toPass);
      }),
  };
}
