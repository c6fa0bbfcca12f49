/**
 * Passes and purchases, for the learner and the widget's pass-required view:
 *
 * 1. `billing.products`: what can be bought here (or that the institution covers it).
 * 2. `billing.checkout({ passType })`: a checkout URL; open it in a new window (the widget
 *    lives on a partner page). A double click returns the same session.
 * 3. Learn that the pass is active: subscribe to `billing.passUpdates` (SSE; an event on
 *    start and whenever passes or entitlement change), or poll `billing.checkoutStatus` /
 *    `progress.entitlement`. Then fire `is-purchase-complete`.
 * 4. `billing.passes` and `billing.purchases` (receipts: type, amount, date; no card data).
 */
import { createHash } from 'node:crypto';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { startCheckout } from '../../billing/checkout.js';
import { productsOf, formatPrice } from '../../billing/products.js';
import { passesView, passView, purchaseView } from '../../billing/views.js';
import { AppError } from '../../errors.js';
import { getEntitlement } from '../../practice/entitlement.js';
import { passTypes } from '../../store/records.js';
import type { Learner, Tenant } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import type { AppDeps } from '../context.js';
import { learnerProcedure, router, tenantProcedure } from '../init.js';

/** How often a pass-updates stream re-reads the store (changes made by another instance). */
export const PASS_UPDATES_POLL_MS = 5_000;

async function passSnapshot(ctx: { deps: AppDeps; tenant: Tenant; tenantStore: TenantStore; learner: Learner }) {
  const now = ctx.deps.clock();
  const e = await getEntitlement({ tenant: ctx.tenant, tenantStore: ctx.tenantStore, learner: ctx.learner, now });
  const passes = passesView(await ctx.tenantStore.passes.listForLearner(ctx.learner.id), now);
  return {
    entitlement: { kind: e.kind, period: e.period, remaining: e.remaining, billingMode: e.billingMode, coveredUntil: e.coveredUntil },
    passes,
  };
}

export const billingRouter = router({
  /** The tenant's passes for sale, and whether buying is possible here at all. */
  products: tenantProcedure.query(({ ctx }) => {
    const { billingMode, branding } = ctx.tenant.settings;
    const payments = ctx.deps.payments;
    const products = productsOf(ctx.tenant).map(({ type, name, durationDays, amount, currency }) => ({
      type,
      name,
      durationDays,
      amount,
      currency,
      /** Formatted in the tenant's locale, e.g. "£6.99". */
      price: formatPrice(amount, currency, branding.locale),
    }));
    return {
      billingMode,
      /** False when the institution covers learners (sponsored, seats) or payments are not set up. */
      canPurchase: billingMode === 'learner-pays' && payments !== null && products.length > 0,
      /** `demo`: checkout is a demonstration page and takes no money. */
      provider: payments?.provider ?? null,
      products: billingMode === 'learner-pays' ? products : [],
    };
  }),

  /** Starts a checkout and returns the URL to open in a new window. */
  checkout: learnerProcedure
    .input(z.strictObject({ passType: z.enum(passTypes), returnUrl: z.url({ protocol: /^https?$/ }).max(2000).optional() }))
    .mutation(({ ctx, input }) =>
      startCheckout(
        { payments: ctx.deps.payments, publicUrl: ctx.deps.config.publicUrl, clock: ctx.deps.clock, logger: ctx.deps.logger },
        { tenant: ctx.tenant, tenantStore: ctx.tenantStore, learner: ctx.learner, passType: input.passType, returnUrl: input.returnUrl ?? null },
      ),
    ),

  /** Where one of the learner's checkouts stands: pending until paid, then its pass. */
  checkoutStatus: learnerProcedure
    .input(z.strictObject({ checkoutSessionId: z.string().min(1).max(200) }))
    .query(async ({ ctx, input }) => {
      const purchase = await ctx.tenantStore.purchases.getByCheckoutSession(input.checkoutSessionId);
      if (!purchase || purchase.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such checkout.');
      const pass = (await ctx.tenantStore.passes.listForLearner(ctx.learner.id)).find((p) => p.purchaseId === purchase.id) ?? null;
      return { status: purchase.status, purchase: purchaseView(purchase), pass: pass ? passView(pass) : null };
    }),

  /** The active pass, passes queued after it, recent past ones, and where cover ends. */
  passes: learnerProcedure.query(async ({ ctx }) =>
    passesView(await ctx.tenantStore.passes.listForLearner(ctx.learner.id), ctx.deps.clock()),
  ),

  /** Receipts, newest first: pass type, amount, status, dates. Never card data. */
  purchases: learnerProcedure.query(async ({ ctx }) => (await ctx.tenantStore.purchases.listForLearner(ctx.learner.id)).map(purchaseView)),

  /**
   * Entitlement and passes now, then again whenever they change (a purchase completes, a pass
   * is granted, revoked or refunded, a pass starts or ends). Each event's id is a digest of
   * its content: resuming with `lastEventId` skips an unchanged first event.
   */
  passUpdates: learnerProcedure
    .input(z.strictObject({ lastEventId: z.string().max(100).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      let last = input?.lastEventId ?? null;
      while (!signal?.aborted) {
        const since = ctx.deps.passEvents.mark();
        const snapshot = await passSnapshot(ctx);
        const id = createHash('sha256').update(JSON.stringify(snapshot)).digest('base64url').slice(0, 22);
        if (id !== last) {
          last = id;
          yield tracked(id, snapshot);
        }
        await ctx.deps.passEvents.wait(ctx.tenant.id, ctx.learner.id, { since, timeoutMs: PASS_UPDATES_POLL_MS, ...(signal ? { signal } : {}) });
      }
    }),
});
