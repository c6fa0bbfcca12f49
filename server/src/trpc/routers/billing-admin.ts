/**
 * Admin billing procedures (`admin.passes.*`, `admin.seats.*`): grant and revoke passes for
 * the tenant's learners, and keep the seat pool. The tenant's secret key (its backend or the
 * SDK) or a Clerk organisation admin.
 */
import { z } from 'zod';
import { findLearner, grantPass, grantTerms, revokePass } from '../../billing/grants.js';
import { adminPassView } from '../../billing/views.js';
import { passTypes } from '../../store/records.js';
import { adminProcedure, router } from '../init.js';

const id = z.string().min(1).max(64);
const externalId = z.string().trim().min(1).max(200);
const learnerSelector = z.union([z.strictObject({ learnerId: id }), z.strictObject({ externalId })]);

export const adminPassesRouter = router({
  /**
   * Gives a learner a pass. In `seats` mode it takes one seat (CONFLICT `no-seats` when the
   * pool is empty); a learner who already has a pass gets this one after it.
   */
  grant: adminProcedure
    .input(
      z.strictObject({
        learner: learnerSelector,
        type: z.enum(passTypes),
        /** Defaults to the tenant's product for the type. */
        days: z.number().int().min(1).max(366).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const learner = await findLearner(ctx.tenantStore, input.learner);
      const pass = await grantPass(
        { tenant: ctx.tenant, tenantStore: ctx.tenantStore, passEvents: ctx.deps.passEvents },
        { learner, type: input.type, days: input.days ?? null },
      );
      return { learnerId: learner.id, pass: adminPassView(pass), seatsLeft: grantTerms(ctx.tenant).useSeat ? await ctx.tenantStore.seats.balance() : null };
    }),

  /**
   * Ends a pass now; the learner's passes queued behind it move up, so they lose no time. A
   * seat pass revoked before it starts or within its first hour gives its seat back (`seat:
   * 'returned'`); later the seat stays used. A purchased pass is not refunded (refund it in
   * Stripe). Revoking again changes nothing.
   */
  revoke: adminProcedure.input(z.strictObject({ passId: id })).mutation(async ({ ctx, input }) =>
    adminPassView(await revokePass({ tenant: ctx.tenant, tenantStore: ctx.tenantStore, passEvents: ctx.deps.passEvents }, input.passId)),
  ),

  list: adminProcedure.input(z.strictObject({ learner: learnerSelector })).query(async ({ ctx, input }) => {
    const learner = await findLearner(ctx.tenantStore, input.learner);
    return { learnerId: learner.id, passes: (await ctx.tenantStore.passes.listForLearner(learner.id)).map(adminPassView) };
  }),
});

export const adminSeatsRouter = router({
  balance: adminProcedure.query(async ({ ctx }) => ({ billingMode: ctx.tenant.settings.billingMode, balance: await ctx.tenantStore.seats.balance() })),

  /** Adds seats (a negative delta removes unused ones; never below zero). */
  adjust: adminProcedure
    .input(z.strictObject({ delta: z.number().int().min(-100_000).max(100_000).refine((n) => n !== 0, 'must not be 0') }))
    .mutation(async ({ ctx, input }) => {
      return { balance: await ctx.tenantStore.seats.adjust(input.delta) };
    }),
});
