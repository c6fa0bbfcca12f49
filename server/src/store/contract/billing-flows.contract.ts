/**
 * The payment, pass-grant, seat, reminder and outbox-delivery operations (billing issue).
 * Every adapter must pass these; an adapter that does not have an operation yet has its tests
 * reported as skipped with the operation's name, never as passed.
 */
import { beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { Learner, Pass } from '../records.js';
import type { PurchaseFulfilment, Store, TenantStore } from '../store.js';
import { createLearner, createTenant, expectAppError, newEmail, newPurchase, unique, type ContractHarness } from './harness.js';

const DAY = 86_400_000;

type Operation =
  | 'fulfilPurchase'
  | 'markPurchaseUnpaid'
  | 'refundPayment'
  | 'listPassesDueForReminder'
  | 'claimDueEmails'
  | 'settleEmail'
  | 'passes.grant'
  | 'passes.markReminded'
  | 'seats';

function implemented(store: Store, tenant: TenantStore, op: Operation): boolean {
  if (op === 'passes.grant') return typeof tenant.passes.grant === 'function';
  if (op === 'passes.markReminded') return typeof tenant.passes.markReminded === 'function';
  if (op === 'seats') return typeof tenant.seats?.balance === 'function';
  return typeof store[op] === 'function';
}

export function describeBillingFlows(h: ContractHarness): void {
  let tenant: TenantStore;
  let learner: Learner;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
    learner = await createLearner(tenant);
  });

  /** `it` that reports a skip naming the missing operations instead of failing on undefined. */
  function flow(name: string, ops: Operation[], body: () => Promise<void>): void {
    it(name, async (context: TestContext) => {
      const missing = ops.filter((op) => !implemented(h.store, tenant, op));
      if (missing.length > 0) context.skip(`not implemented by this adapter yet: ${missing.join(', ')}`);
      await body();
    });
  }

  const at = (offsetMs: number) => new Date(Date.parse(h.clock.iso()) + offsetMs).toISOString();

  function fulfilment(overrides: Partial<PurchaseFulfilment> = {}): PurchaseFulfilment {
    return {
      event: { provider: 'stripe', id: unique('evt'), type: 'checkout.session.completed' },
      tenantId: tenant.tenantId,
      checkoutSessionId: unique('cs'),
      provider: 'stripe',
      paymentRef: unique('pi'),
      learnerId: learner.id,
      passType: 'week',
      amount: 699,
      currency: 'gbp',
      passDays: 7,
      ...overrides,
    };
  }

  describe('fulfilPurchase', () => {
    flow('creates the purchase as paid with one pass starting now, and records the event', ['fulfilPurchase'], async () => {
      const input = fulfilment();
      const result = await h.store.fulfilPurchase(input);
      expect(result.applied).toBe(true);
      expect(result.purchase).toEqual({
        id: expect.stringMatching(/^pur_/),
        tenantId: tenant.tenantId,
        learnerId: learner.id,
        learnerRef: null,
        passType: 'week',
        amount: 699,
        currency: 'gbp',
        provider: 'stripe',
        checkoutSessionId: input.checkoutSessionId,
        paymentRef: input.paymentRef,
        status: 'paid',
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(result.pass).toEqual({
        id: expect.stringMatching(/^pas_/),
        tenantId: tenant.tenantId,
        learnerId: learner.id,
        type: 'week',
        source: 'purchase',
        startsAt: h.clock.iso(),
        expiresAt: at(7 * DAY),
        revokedAt: null,
        purchaseId: result.purchase?.id,
        reminderSentAt: null,
        seat: null,
        createdAt: h.clock.iso(),
      });
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([result.pass]);
      expect(await h.store.recordWebhookEvent({ ...input.event, tenantId: null })).toBe(false);
    });

    flow('completes a pending purchase: paid, payment ref and amount set, its own learner kept', ['fulfilPurchase'], async () => {
      const pending = await tenant.purchases.create(newPurchase(learner.id));
      h.clock.advance(1000);
      const other = await createLearner(tenant);
      const result = await h.store.fulfilPurchase(
        fulfilment({ checkoutSessionId: pending.checkoutSessionId, learnerId: other.id, amount: 599, provider: 'demo' }),
      );
      expect(result.purchase).toMatchObject({ id: pending.id, status: 'paid', learnerId: learner.id, amount: 599, updatedAt: h.clock.iso() });
      expect(result.pass?.learnerId).toBe(learner.id);
      expect(await tenant.passes.listForLearner(other.id)).toEqual([]);
    });

    flow('a redelivered event changes nothing and returns the current purchase and pass', ['fulfilPurchase'], async () => {
      const input = fulfilment();
      const first = await h.store.fulfilPurchase(input);
      h.clock.advance(5000);
      const again = await h.store.fulfilPurchase(input);
      expect(again).toEqual({ applied: false, purchase: first.purchase, pass: first.pass });
      expect(await tenant.passes.listForLearner(learner.id)).toHaveLength(1);
    });

    flow('the same event delivered 10 times at once grants exactly one pass', ['fulfilPurchase'], async () => {
      const input = fulfilment();
      const results = await Promise.all(Array.from({ length: 10 }, () => h.store.fulfilPurchase(input)));
      expect(results.filter((r) => r.applied)).toHaveLength(1);
      expect(new Set(results.map((r) => r.pass?.id)).size).toBe(1);
      expect(await tenant.passes.listForLearner(learner.id)).toHaveLength(1);
    });

    flow('a second paying event for the same checkout (async success) keeps its one pass', ['fulfilPurchase'], async () => {
      const input = fulfilment();
      const first = await h.store.fulfilPurchase(input);
      const second = await h.store.fulfilPurchase({
        ...input,
        event: { provider: 'stripe', id: unique('evt'), type: 'checkout.session.async_payment_succeeded' },
      });
      expect(second.applied).toBe(true);
      expect(second.pass).toEqual(first.pass);
      expect(await tenant.passes.listForLearner(learner.id)).toHaveLength(1);
    });

    flow('a pass bought while others are active or queued starts when the last one ends', ['fulfilPurchase'], async () => {
      const current = (await h.store.fulfilPurchase(fulfilment({ passDays: 3 }))).pass as Pass;
      h.clock.advance(DAY);
      const queued = (await h.store.fulfilPurchase(fulfilment({ passDays: 7 }))).pass as Pass;
      expect(queued.startsAt).toBe(current.expiresAt);
      const third = (await h.store.fulfilPurchase(fulfilment({ passDays: 1, passType: 'day' }))).pass as Pass;
      expect(third.startsAt).toBe(queued.expiresAt);
      expect(Date.parse(third.expiresAt) - Date.parse(third.startsAt)).toBe(DAY);
    });

    flow('revoked and expired passes do not delay a new one', ['fulfilPurchase'], async () => {
      const revoked = (await h.store.fulfilPurchase(fulfilment())).pass as Pass;
      await tenant.passes.revoke(revoked.id);
      expect((await h.store.fulfilPurchase(fulfilment())).pass?.startsAt).toBe(h.clock.iso());
      h.clock.advance(8 * DAY);
      expect((await h.store.fulfilPurchase(fulfilment())).pass?.startsAt).toBe(h.clock.iso());
    });

    flow('without a learner (erased) the purchase is paid and no pass is made', ['fulfilPurchase'], async () => {
      const result = await h.store.fulfilPurchase(fulfilment({ learnerId: null }));
      expect(result).toMatchObject({ applied: true, pass: null, purchase: { status: 'paid', learnerId: null } });
    });

    flow('a checkout session id that belongs to another tenant is a CONFLICT and records nothing', ['fulfilPurchase'], async () => {
      const input = fulfilment();
      await h.store.fulfilPurchase(input);
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const event = { provider: 'stripe', id: unique('evt'), type: 'checkout.session.completed' };
      await expectAppError(h.store.fulfilPurchase({ ...input, event, tenantId: other.tenantId, learnerId: null }), 'CONFLICT');
      expect(await h.store.recordWebhookEvent({ ...event, tenantId: null })).toBe(true);
    });
  });

  describe('markPurchaseUnpaid', () => {
    flow('records a pending or failed checkout without a pass', ['markPurchaseUnpaid'], async () => {
      const pending = await h.store.markPurchaseUnpaid({ ...fulfilment(), status: 'pending' });
      expect(pending).toMatchObject({ applied: true, pass: null, purchase: { status: 'pending' } });
      const failed = await h.store.markPurchaseUnpaid({
        ...fulfilment({ checkoutSessionId: pending.purchase?.checkoutSessionId as string }),
        status: 'failed',
      });
      expect(failed.purchase).toMatchObject({ id: pending.purchase?.id, status: 'failed' });
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([]);
    });

    flow('never turns a paid purchase back into failed, and dedupes its event', ['markPurchaseUnpaid', 'fulfilPurchase'], async () => {
      const paid = await h.store.fulfilPurchase(fulfilment());
      const input = { ...fulfilment({ checkoutSessionId: paid.purchase?.checkoutSessionId as string }), status: 'failed' as const };
      const result = await h.store.markPurchaseUnpaid(input);
      expect(result).toMatchObject({ applied: true, purchase: { status: 'paid' }, pass: paid.pass });
      expect((await h.store.markPurchaseUnpaid(input)).applied).toBe(false);
    });
  });

  describe('refundPayment', () => {
    const refundOf = (paymentRef: string) => ({
      event: { provider: 'stripe', id: unique('evt'), type: 'charge.refunded' },
      provider: 'stripe' as const,
      paymentRef,
      tenantId: null,
    });

    flow('after completion: the purchase is refunded and its pass revoked, once', ['refundPayment', 'fulfilPurchase'], async () => {
      const paid = await h.store.fulfilPurchase(fulfilment());
      h.clock.advance(1000);
      const input = refundOf(paid.purchase?.paymentRef as string);
      const refund = await h.store.refundPayment(input);
      expect(refund.applied).toBe(true);
      expect(refund.purchase).toMatchObject({ id: paid.purchase?.id, status: 'refunded', updatedAt: h.clock.iso() });
      expect(refund.revoked).toEqual([{ ...paid.pass, revokedAt: h.clock.iso() }]);
      h.clock.advance(1000);
      expect(await h.store.refundPayment(input)).toEqual({ applied: false, purchase: refund.purchase, revoked: [] });
      expect((await tenant.passes.get(paid.pass?.id as string))?.revokedAt).toBe(refund.revoked[0]?.revokedAt);
    });

    flow('before completion: the later checkout event records a refunded purchase and no pass', ['refundPayment', 'fulfilPurchase'], async () => {
      const input = fulfilment();
      const refund = await h.store.refundPayment(refundOf(input.paymentRef as string));
      expect(refund).toEqual({ applied: true, purchase: null, revoked: [] });
      const late = await h.store.fulfilPurchase(input);
      expect(late).toMatchObject({ applied: true, pass: null, purchase: { status: 'refunded' } });
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([]);
    });

    flow('a refund of a refunded purchase is not granted again by a later paying event', ['refundPayment', 'fulfilPurchase'], async () => {
      const input = fulfilment();
      await h.store.fulfilPurchase(input);
      await h.store.refundPayment(refundOf(input.paymentRef as string));
      const late = await h.store.fulfilPurchase({ ...input, event: { provider: 'stripe', id: unique('evt'), type: 'checkout.session.async_payment_succeeded' } });
      expect(late.purchase?.status).toBe('refunded');
      expect((await tenant.passes.listForLearner(learner.id)).filter((p) => p.revokedAt === null)).toEqual([]);
    });
  });

  describe('markPurchaseUnpaid: expired (abandoned) checkouts', () => {
    const expiry = (checkoutSessionId: string) => ({
      ...fulfilment({ checkoutSessionId, paymentRef: null }),
      event: { provider: 'stripe', id: unique('evt'), type: 'checkout.session.expired' },
      status: 'expired' as const,
    });

    flow('a pending purchase becomes expired, with no pass; its event is deduplicated', ['markPurchaseUnpaid'], async () => {
      const pending = await tenant.purchases.create(newPurchase(learner.id));
      h.clock.advance(1000);
      const input = expiry(pending.checkoutSessionId);
      const result = await h.store.markPurchaseUnpaid(input);
      expect(result).toMatchObject({ applied: true, pass: null, purchase: { id: pending.id, status: 'expired', updatedAt: h.clock.iso() } });
      h.clock.advance(1000);
      expect(await h.store.markPurchaseUnpaid(input)).toEqual({ ...result, applied: false });
      expect(await tenant.purchases.listForLearner(learner.id)).toEqual([result.purchase]);
    });

    flow('an expiry never downgrades paid, refunded or failed', ['markPurchaseUnpaid', 'fulfilPurchase', 'refundPayment'], async () => {
      const paid = await h.store.fulfilPurchase(fulfilment());
      expect((await h.store.markPurchaseUnpaid(expiry(paid.purchase?.checkoutSessionId as string))).purchase?.status).toBe('paid');
      expect((await tenant.passes.listForLearner(learner.id)).map((p) => p.revokedAt)).toEqual([null]);

      const refunded = await h.store.fulfilPurchase(fulfilment());
      await h.store.refundPayment({ event: { provider: 'stripe', id: unique('evt'), type: 'charge.refunded' }, provider: 'stripe', paymentRef: refunded.purchase?.paymentRef as string, tenantId: null });
      expect((await h.store.markPurchaseUnpaid(expiry(refunded.purchase?.checkoutSessionId as string))).purchase?.status).toBe('refunded');

      const failed = await h.store.markPurchaseUnpaid({ ...fulfilment(), status: 'failed' });
      expect((await h.store.markPurchaseUnpaid(expiry(failed.purchase?.checkoutSessionId as string))).purchase?.status).toBe('failed');
    });

    flow('a late "pending" does not reopen an expired checkout, but money taken after it is honoured', ['markPurchaseUnpaid', 'fulfilPurchase'], async () => {
      const expired = await h.store.markPurchaseUnpaid(expiry(unique('cs')));
      const checkoutSessionId = expired.purchase?.checkoutSessionId as string;
      expect(expired.purchase).toMatchObject({ status: 'expired', learnerId: learner.id });
      expect((await h.store.markPurchaseUnpaid({ ...fulfilment({ checkoutSessionId }), status: 'pending' })).purchase?.status).toBe('expired');
      const paid = await h.store.fulfilPurchase(fulfilment({ checkoutSessionId }));
      expect(paid).toMatchObject({ applied: true, purchase: { id: expired.purchase?.id, status: 'paid' }, pass: { source: 'purchase' } });
    });
  });

  describe('revoking a pass moves the passes queued behind it up', () => {
    const refund = (paymentRef: string) =>
      h.store.refundPayment({ event: { provider: 'stripe', id: unique('evt'), type: 'charge.refunded' }, provider: 'stripe', paymentRef, tenantId: null });
    const live = async (learnerId = learner.id) =>
      (await tenant.passes.listForLearner(learnerId))
        .filter((p) => p.revokedAt === null)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
        .map((p) => ({ id: p.id, startsAt: p.startsAt, expiresAt: p.expiresAt }));

    flow('a refund of the running pass: the queued ones start now, back to back, each keeping its length', ['refundPayment', 'fulfilPurchase'], async () => {
      const running = await h.store.fulfilPurchase(fulfilment({ passDays: 3 }));
      const week = (await h.store.fulfilPurchase(fulfilment({ passDays: 7 }))).pass as Pass;
      const day = (await h.store.fulfilPurchase(fulfilment({ passDays: 1, passType: 'day' }))).pass as Pass;
      h.clock.advance(DAY);
      const input = running.purchase?.paymentRef as string;
      expect((await refund(input)).revoked.map((p) => p.id)).toEqual([running.pass?.id]);
      expect(await live()).toEqual([
        { id: week.id, startsAt: h.clock.iso(), expiresAt: at(7 * DAY) },
        { id: day.id, startsAt: at(7 * DAY), expiresAt: at(8 * DAY) },
      ]);
      h.clock.advance(DAY);
      expect((await refund(input)).revoked).toEqual([]); // another refund event of the same payment moves nothing
      expect((await live())[0]).toEqual({ id: week.id, startsAt: at(-DAY), expiresAt: at(6 * DAY) });
    });

    flow('a refund of a queued pass: the one after it closes up behind the running pass, which is unchanged', ['refundPayment', 'fulfilPurchase'], async () => {
      const running = (await h.store.fulfilPurchase(fulfilment({ passDays: 3 }))).pass as Pass;
      const queued = await h.store.fulfilPurchase(fulfilment({ passDays: 7 }));
      const last = (await h.store.fulfilPurchase(fulfilment({ passDays: 30, passType: 'month' }))).pass as Pass;
      h.clock.advance(DAY);
      await refund(queued.purchase?.paymentRef as string);
      expect(await live()).toEqual([
        { id: running.id, startsAt: running.startsAt, expiresAt: running.expiresAt },
        { id: last.id, startsAt: running.expiresAt, expiresAt: new Date(Date.parse(running.expiresAt) + 30 * DAY).toISOString() },
      ]);
    });

    flow('an admin revoke of the running pass: the queued grant starts now; another learner is untouched', ['passes.grant'], async () => {
      const grant = (learnerId: string, days: number) => tenant.passes.grant({ learnerId, type: 'week', days, source: 'grant', useSeat: false });
      const running = await grant(learner.id, 7);
      const queued = await grant(learner.id, 7);
      const other = await createLearner(tenant);
      await grant(other.id, 7);
      await grant(other.id, 7);
      const otherBefore = await live(other.id);
      h.clock.advance(2 * DAY);
      expect(await tenant.passes.revoke(running.id)).toMatchObject({ id: running.id, revokedAt: h.clock.iso(), startsAt: running.startsAt });
      expect(await live()).toEqual([{ id: queued.id, startsAt: h.clock.iso(), expiresAt: at(7 * DAY) }]);
      expect(await live(other.id)).toEqual(otherBefore);
      h.clock.advance(DAY);
      await tenant.passes.revoke(running.id);
      expect(await live()).toEqual([{ id: queued.id, startsAt: at(-DAY), expiresAt: at(6 * DAY) }]);
    });

    flow("another tenant's pass is NOT_FOUND and nothing moves", ['passes.grant'], async () => {
      const running = await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'grant', useSeat: false });
      await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'grant', useSeat: false });
      const before = await live();
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      await expectAppError(other.passes.revoke(running.id), 'NOT_FOUND');
      expect(await live()).toEqual(before);
    });
  });

  describe('revoking a seat pass gives the seat back before it starts or in its first hour', () => {
    const seatGrant = (learnerId = learner.id, days = 7) => tenant.passes.grant({ learnerId, type: 'week', days, source: 'sponsored', useSeat: true });

    flow('a seat grant holds its seat; a grant without one holds none', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(1);
      expect((await seatGrant()).seat).toBe('held');
      expect((await tenant.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: false })).seat).toBeNull();
    });

    flow('a queued seat pass revoked: its seat is back in the same write, once, and the pass says so', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(2);
      await seatGrant();
      const queued = await seatGrant();
      expect(await tenant.seats.balance()).toBe(0);
      h.clock.advance(DAY);
      expect(await tenant.passes.revoke(queued.id)).toMatchObject({ id: queued.id, seat: 'returned', revokedAt: h.clock.iso() });
      expect(await tenant.seats.balance()).toBe(1);
      h.clock.advance(1000);
      expect((await tenant.passes.revoke(queued.id)).seat).toBe('returned');
      expect(await tenant.seats.balance()).toBe(1);
      expect((await tenant.passes.get(queued.id))?.seat).toBe('returned');
    });

    flow('a running seat pass: back within its first hour, kept after it', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(2);
      const mistaken = await seatGrant();
      h.clock.advance(59 * 60_000);
      expect((await tenant.passes.revoke(mistaken.id)).seat).toBe('returned');
      expect(await tenant.seats.balance()).toBe(2);
      const used = await seatGrant((await createLearner(tenant)).id);
      h.clock.advance(60 * 60_000);
      expect((await tenant.passes.revoke(used.id)).seat).toBe('held');
      expect(await tenant.seats.balance()).toBe(1);
    });

    flow('revoking a running seat pass late keeps its seat; the queued seat pass behind it moves up and keeps its own', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(2);
      const running = await seatGrant();
      const queued = await seatGrant();
      h.clock.advance(DAY);
      await tenant.passes.revoke(running.id);
      expect(await tenant.passes.get(queued.id)).toMatchObject({ seat: 'held', startsAt: h.clock.iso(), expiresAt: at(7 * DAY) });
      expect(await tenant.seats.balance()).toBe(0);
    });

    flow('five revokes of one queued seat pass at once give exactly one seat back', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(2);
      await seatGrant();
      const queued = await seatGrant();
      const results = await Promise.all(Array.from({ length: 5 }, () => tenant.passes.revoke(queued.id)));
      expect(new Set(results.map((p) => p.revokedAt)).size).toBe(1);
      expect(await tenant.seats.balance()).toBe(1);
    });

    flow('a pass that took no seat returns none, and other tenants pools are untouched', ['passes.grant', 'seats'], async () => {
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      await other.seats.adjust(3);
      await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'grant', useSeat: false });
      const queued = await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: false });
      expect((await tenant.passes.revoke(queued.id)).seat).toBeNull();
      expect(await tenant.seats.balance()).toBe(0);
      expect(await other.seats.balance()).toBe(3);
    });
  });

  describe('passes.grant and seats', () => {
    flow('a grant stacks after the active pass and takes no seat', ['passes.grant', 'seats'], async () => {
      const first = await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'grant', useSeat: false });
      expect(first).toMatchObject({ source: 'grant', startsAt: h.clock.iso(), expiresAt: at(7 * DAY), purchaseId: null });
      const second = await tenant.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: false });
      expect(second.startsAt).toBe(first.expiresAt);
      expect(await tenant.seats.balance()).toBe(0);
    });

    flow('a seat grant takes one seat, and with none left is a CONFLICT that grants nothing', ['passes.grant', 'seats'], async () => {
      await expectAppError(tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true }), 'CONFLICT');
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([]);
      expect(await tenant.seats.adjust(2)).toBe(2);
      await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true });
      expect(await tenant.seats.balance()).toBe(1);
    });

    flow('five grants racing for two seats: exactly two passes', ['passes.grant', 'seats'], async () => {
      await tenant.seats.adjust(2);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, async () =>
          tenant.passes.grant({ learnerId: (await createLearner(tenant)).id, type: 'day', days: 1, source: 'sponsored', useSeat: true }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
      expect(await tenant.seats.balance()).toBe(0);
    });

    flow('seats: adjust up and down, never below zero, per tenant', ['seats'], async () => {
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      expect(await tenant.seats.adjust(5)).toBe(5);
      await expectAppError(tenant.seats.adjust(-6), 'CONFLICT');
      expect(await tenant.seats.adjust(-5)).toBe(0);
      expect(await other.seats.balance()).toBe(0);
    });
  });

  describe('reminders', () => {
    flow('lists unrevoked, unreminded passes expiring within the window, soonest first, across tenants', ['listPassesDueForReminder', 'passes.grant', 'passes.markReminded'], async () => {
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const otherLearner = await createLearner(other);
      const grant = (t: TenantStore, learnerId: string, days: number) => t.passes.grant({ learnerId, type: 'day', days, source: 'grant', useSeat: false });
      const soon = await grant(tenant, learner.id, 2);
      const later = await grant(other, otherLearner.id, 3);
      await grant(tenant, (await createLearner(tenant)).id, 10);
      const revoked = await grant(tenant, (await createLearner(tenant)).id, 2);
      await tenant.passes.revoke(revoked.id);
      const reminded = await grant(tenant, (await createLearner(tenant)).id, 2);
      expect(await tenant.passes.markReminded(reminded.id)).toBe(true);

      const due = await h.store.listPassesDueForReminder(at(4 * DAY), 10);
      expect(due.map((p) => p.id)).toEqual([soon.id, later.id]);
      expect(await h.store.listPassesDueForReminder(at(4 * DAY), 1)).toEqual([soon]);
      h.clock.advance(2 * DAY);
      expect((await h.store.listPassesDueForReminder(at(4 * DAY), 10)).map((p) => p.id)).toEqual([later.id]);
    });

    flow('markReminded is true once, then false; unknown ids are false', ['passes.grant', 'passes.markReminded'], async () => {
      const pass = await tenant.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'grant', useSeat: false });
      expect(await tenant.passes.markReminded(pass.id)).toBe(true);
      h.clock.advance(1000);
      expect(await tenant.passes.markReminded(pass.id)).toBe(false);
      expect((await tenant.passes.get(pass.id))?.reminderSentAt).toBe(at(-1000));
      expect(await tenant.passes.markReminded('pas_missing')).toBe(false);
    });
  });

  describe('outbox delivery', () => {
    const stale = () => at(-3_600_000);

    flow('claims due e-mails once: sending, attempt counted; others get nothing', ['claimDueEmails', 'settleEmail'], async () => {
      const first = await tenant.outbox.enqueue(newEmail());
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const second = await other.outbox.enqueue(newEmail());
      const claimed = await h.store.claimDueEmails(10, stale());
      expect(claimed.map((e) => e.id).sort()).toEqual([first.id, second.id].sort());
      expect(claimed.find((e) => e.id === first.id)).toEqual({ ...first, status: 'sending', attempts: 1, nextAttemptAt: h.clock.iso() });
      expect(await h.store.claimDueEmails(10, stale())).toEqual([]);
    });

    flow('concurrent claims never share an e-mail', ['claimDueEmails'], async () => {
      for (let i = 0; i < 12; i++) await tenant.outbox.enqueue(newEmail());
      const batches = await Promise.all(Array.from({ length: 4 }, () => h.store.claimDueEmails(5, stale())));
      const ids = batches.flat().map((e) => e.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
    });

    flow('settle: sent once; a retry waits for its time; unknown is NOT_FOUND, settled is CONFLICT', ['claimDueEmails', 'settleEmail'], async () => {
      const email = await tenant.outbox.enqueue(newEmail());
      await h.store.claimDueEmails(1, stale());
      const retry = await h.store.settleEmail(email.id, { status: 'pending', nextAttemptAt: at(60_000), error: '451 try later' });
      expect(retry).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(60_000), lastError: '451 try later', sentAt: null });
      expect(await h.store.claimDueEmails(1, stale())).toEqual([]);
      h.clock.advance(60_000);
      expect((await h.store.claimDueEmails(1, stale()))[0]).toMatchObject({ id: email.id, attempts: 2 });
      const sent = await h.store.settleEmail(email.id, { status: 'sent' });
      expect(sent).toMatchObject({ status: 'sent', sentAt: h.clock.iso(), lastError: null });
      await expectAppError(h.store.settleEmail(email.id, { status: 'sent' }), 'CONFLICT');
      await expectAppError(h.store.settleEmail('eml_missing', { status: 'sent' }), 'NOT_FOUND');
      expect((await tenant.outbox.list({ limit: 10 })).items[0]).toEqual(sent);
    });

    flow('an e-mail left sending by a dead sender becomes failed, never sent again', ['claimDueEmails', 'settleEmail'], async () => {
      const email = await tenant.outbox.enqueue(newEmail());
      await h.store.claimDueEmails(1, stale());
      h.clock.advance(2 * 3_600_000);
      expect(await h.store.claimDueEmails(10, at(-3_600_000))).toEqual([]);
      const [listed] = (await tenant.outbox.list({ limit: 1 })).items;
      expect(listed).toMatchObject({ id: email.id, status: 'failed', lastError: expect.stringContaining('uncertain') });
    });
  });
}
