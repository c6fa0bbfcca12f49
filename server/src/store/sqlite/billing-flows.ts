/**
 * The payment operations of the SQLite store. Each one is a single IMMEDIATE transaction that
 * records the provider event and applies its effect: a crash anywhere inside leaves neither,
 * and a redelivered event finds its id taken and changes nothing.
 */
import { passWindow } from '../../billing/pass-window.js';
import { settledStatus } from '../../billing/purchase-status.js';
import { newId } from '../ids.js';
import type { Pass, PurchaseStatus } from '../records.js';
import type { CheckoutFacts, FulfilmentResult, PaymentEventRef, RefundResult, Store } from '../store.js';
import type { SqliteContext } from './database.js';
import { translateConstraints } from './errors.js';
import { prepareRechain } from './pass-revocation.js';
import { toPass, type PassRow } from './passes.js';
import { toPurchase, type PurchaseRow } from './purchases.js';

type BillingFlowOperations = Pick<Store, 'fulfilPurchase' | 'markPurchaseUnpaid' | 'refundPayment' | 'listPassesDueForReminder'>;

export function prepareBillingFlows(context: SqliteContext): BillingFlowOperations {
  const { db, now } = context;
  const rechain = prepareRechain(context);
  const recordEvent = db.prepare<{ provider: string; id: string; type: string; tenantId: string | null; now: string }>(
    `INSERT INTO webhook_events (provider, id, type, tenant_id, received_at)
     VALUES (@provider, @id, @type, @tenantId, @now)
     ON CONFLICT (provider, id) DO NOTHING`,
  );
  const purchaseByCheckout = db.prepare<{ tenantId: string; checkoutSessionId: string }, PurchaseRow>(
    'SELECT * FROM purchases WHERE tenant_id = @tenantId AND checkout_session_id = @checkoutSessionId',
  );
  const purchaseByPaymentRef = db.prepare<{ provider: string; paymentRef: string }, PurchaseRow>(
    'SELECT * FROM purchases WHERE provider = @provider AND payment_ref = @paymentRef',
  );
  const insertPurchase = db.prepare<PurchaseRow>(
    `INSERT INTO purchases (id, tenant_id, learner_id, learner_ref, pass_type, amount, currency, provider,
       checkout_session_id, payment_ref, status, created_at, updated_at)
     VALUES (@id, @tenant_id, @learner_id, @learner_ref, @pass_type, @amount, @currency, @provider,
       @checkout_session_id, @payment_ref, @status, @created_at, @updated_at)`,
  );
  const updatePurchase = db.prepare<
    { id: string; status: string; paymentRef: string | null; amount: number; currency: string; now: string },
    PurchaseRow
  >(
    `UPDATE purchases SET status = @status, payment_ref = COALESCE(payment_ref, @paymentRef), amount = @amount,
       currency = @currency, updated_at = @now
     WHERE id = @id RETURNING *`,
  );
  const refundMarked = db.prepare<{ provider: string; paymentRef: string }, { one: number }>(
    'SELECT 1 AS one FROM payment_refunds WHERE provider = @provider AND payment_ref = @paymentRef',
  );
  const markRefund = db.prepare<{ provider: string; paymentRef: string; tenantId: string | null; now: string }>(
    `INSERT INTO payment_refunds (provider, payment_ref, tenant_id, refunded_at) VALUES (@provider, @paymentRef, @tenantId, @now)
     ON CONFLICT (provider, payment_ref) DO NOTHING`,
  );
  const setRefunded = db.prepare<{ id: string; now: string }, PurchaseRow>(
    "UPDATE purchases SET status = 'refunded', updated_at = @now WHERE id = @id RETURNING *",
  );
  const passForPurchase = db.prepare<{ purchaseId: string }, PassRow>('SELECT * FROM passes WHERE purchase_id = @purchaseId');
  const revokePassOf = db.prepare<{ purchaseId: string; now: string }, PassRow>(
    'UPDATE passes SET revoked_at = @now WHERE purchase_id = @purchaseId AND revoked_at IS NULL RETURNING *',
  );
  const livePasses = db.prepare<{ tenantId: string; learnerId: string; now: string }, PassRow>(
    `SELECT * FROM passes WHERE tenant_id = @tenantId AND learner_id = @learnerId AND revoked_at IS NULL
       AND expires_at > @now`,
  );
  const insertPass = db.prepare<PassRow>(
    `INSERT INTO passes (id, tenant_id, learner_id, type, source, starts_at, expires_at, revoked_at, purchase_id,
       reminder_sent_at, seat, created_at)
     VALUES (@id, @tenant_id, @learner_id, @type, @source, @starts_at, @expires_at, @revoked_at, @purchase_id,
       @reminder_sent_at, @seat, @created_at)`,
  );
  const dueForReminder = db.prepare<{ now: string; before: string; limit: number }, PassRow>(
    `SELECT * FROM passes WHERE reminder_sent_at IS NULL AND revoked_at IS NULL
       AND expires_at > @now AND expires_at <= @before
     ORDER BY expires_at, id LIMIT @limit`,
  );

  const eventIsNew = (event: PaymentEventRef, tenantId: string | null, at: string) =>
    recordEvent.run({ provider: event.provider, id: event.id, type: event.type, tenantId, now: at }).changes === 1;

  const currentState = (tenantId: string, checkoutSessionId: string): FulfilmentResult => {
    const purchase = purchaseByCheckout.get({ tenantId, checkoutSessionId });
    const pass = purchase ? passForPurchase.get({ purchaseId: purchase.id }) : undefined;
    return { applied: false, purchase: purchase ? toPurchase(purchase) : null, pass: pass ? toPass(pass) : null };
  };

  /** Creates the purchase or moves it to `status` (never back: `settledStatus`). */
  function upsertPurchase(facts: CheckoutFacts, status: PurchaseStatus, at: string): PurchaseRow {
    const existing = purchaseByCheckout.get({ tenantId: facts.tenantId, checkoutSessionId: facts.checkoutSessionId });
    if (!existing) {
      const row: PurchaseRow = {
        id: newId('pur'),
        tenant_id: facts.tenantId,
        learner_id: facts.learnerId,
        learner_ref: null,
        pass_type: facts.passType,
        amount: facts.amount,
        currency: facts.currency,
        provider: facts.provider,
        checkout_session_id: facts.checkoutSessionId,
        payment_ref: facts.paymentRef,
        status,
        created_at: at,
        updated_at: at,
      };
      translateConstraints('A purchase for this checkout session already exists.', () => insertPurchase.run(row));
      return row;
    }
    const next = settledStatus(existing.status as PurchaseStatus, status);
    return updatePurchase.get({
      id: existing.id,
      status: next,
      paymentRef: facts.paymentRef,
      amount: facts.amount,
      currency: facts.currency,
      now: at,
    }) as PurchaseRow;
  }

  const fulfil = db.transaction((input: Parameters<Store['fulfilPurchase']>[0]): FulfilmentResult => {
    const at = now();
    if (!eventIsNew(input.event, input.tenantId, at)) return currentState(input.tenantId, input.checkoutSessionId);
    const refunded =
      input.paymentRef !== null && refundMarked.get({ provider: input.provider, paymentRef: input.paymentRef }) !== undefined;
    const purchase = upsertPurchase(input, refunded ? 'refunded' : 'paid', at);
    const existingPass = passForPurchase.get({ purchaseId: purchase.id });
    if (existingPass || purchase.status !== 'paid' || purchase.learner_id === null) {
      return { applied: true, purchase: toPurchase(purchase), pass: existingPass ? toPass(existingPass) : null };
    }
    const live = livePasses.all({ tenantId: input.tenantId, learnerId: purchase.learner_id, now: at }).map(toPass);
    const window = passWindow(live, new Date(at), input.passDays);
    const row: PassRow = {
      id: newId('pas'),
      tenant_id: input.tenantId,
      learner_id: purchase.learner_id,
      type: purchase.pass_type,
      source: 'purchase',
      starts_at: window.startsAt,
      expires_at: window.expiresAt,
      revoked_at: null,
      purchase_id: purchase.id,
      reminder_sent_at: null,
      seat: null,
      created_at: at,
    };
    insertPass.run(row);
    return { applied: true, purchase: toPurchase(purchase), pass: toPass(row) };
  });

  const markUnpaid = db.transaction((input: Parameters<Store['markPurchaseUnpaid']>[0]): FulfilmentResult => {
    const at = now();
    if (!eventIsNew(input.event, input.tenantId, at)) return currentState(input.tenantId, input.checkoutSessionId);
    const purchase = upsertPurchase(input, input.status, at);
    const pass = passForPurchase.get({ purchaseId: purchase.id });
    return { applied: true, purchase: toPurchase(purchase), pass: pass ? toPass(pass) : null };
  });

  const refund = db.transaction((input: Parameters<Store['refundPayment']>[0]): RefundResult => {
    const at = now();
    const found = purchaseByPaymentRef.get({ provider: input.provider, paymentRef: input.paymentRef });
    if (!eventIsNew(input.event, input.tenantId ?? found?.tenant_id ?? null, at)) {
      return { applied: false, purchase: found ? toPurchase(found) : null, revoked: [] };
    }
    markRefund.run({ provider: input.provider, paymentRef: input.paymentRef, tenantId: input.tenantId, now: at });
    if (!found) return { applied: true, purchase: null, revoked: [] };
    const purchase = setRefunded.get({ id: found.id, now: at }) as PurchaseRow;
    const revoked: Pass[] = revokePassOf.all({ purchaseId: found.id, now: at }).map(toPass);
    for (const pass of revoked) rechain(pass.tenantId, pass.learnerId, at);
    return { applied: true, purchase: toPurchase(purchase), revoked };
  });

  return {
    async fulfilPurchase(input) {
      return fulfil.immediate(input);
    },
    async markPurchaseUnpaid(input) {
      return markUnpaid.immediate(input);
    },
    async refundPayment(input) {
      return refund.immediate(input);
    },
    async listPassesDueForReminder(expiresBefore, limit) {
      return dueForReminder.all({ now: now(), before: expiresBefore, limit }).map(toPass);
    },
  };
}
