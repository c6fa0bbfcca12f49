/**
 * What a tenant admin can do for a data-subject request (the SDK with the secret key, or a
 * Clerk admin): export or erase one learner, restrict their processing, and read the privacy
 * audit trail. Every action is recorded with the admin as the actor.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { adminActor, auditView, recordPrivacyAction } from '../../privacy/audit.js';
import { buildLearnerExport } from '../../privacy/export.js';
import { privacySettingsView, setRestriction } from '../../privacy/preferences.js';
import type { Learner } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import { adminProcedure, router } from '../init.js';

const id = z.string().min(1).max(64);

async function learnerById(tenantStore: TenantStore, learnerId: string): Promise<Learner> {
  const learner = await tenantStore.learners.get(learnerId);
  if (!learner) throw new AppError('NOT_FOUND', 'No such learner.');
  return learner;
}

/** Merged into `admin.learners`. */
export const learnerPrivacyAdminProcedures = {
  /** The learner's export document (the same one the learner downloads). */
  export: adminProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
    const learner = await learnerById(ctx.tenantStore, input.id);
    const document = await buildLearnerExport({ tenant: ctx.tenant, tenantStore: ctx.tenantStore, learner, now: ctx.deps.clock() });
    await recordPrivacyAction(ctx.tenantStore, learner.id, 'export', adminActor(ctx.admin));
    return document;
  }),

  /** Erases the learner now (their tokens stop working at once); the purge completes it. */
  delete: adminProcedure
    .input(z.strictObject({ id, reason: z.enum(['data-subject-request', 'under-age', 'other']).default('data-subject-request') }))
    .mutation(async ({ ctx, input }) => {
      const learner = await learnerById(ctx.tenantStore, input.id);
      const reason = input.reason === 'under-age' ? 'under-age' : 'admin-request';
      const outcome = await ctx.deps.erasure.erase(ctx.tenantStore, learner, adminActor(ctx.admin), reason);
      return { deleted: true as const, ...outcome };
    }),

  /** Restriction of processing on the learner's behalf (a request made to the institution). */
  setRestricted: adminProcedure.input(z.strictObject({ id, restricted: z.boolean() })).mutation(async ({ ctx, input }) => {
    const learner = await learnerById(ctx.tenantStore, input.id);
    const updated = await setRestriction(ctx.tenantStore, learner, input.restricted, adminActor(ctx.admin), ctx.deps.clock());
    return privacySettingsView(ctx.tenant, updated, ctx.deps.erasure.purgeAfterDays);
  }),
};

export const adminPrivacyRouter = router({
  /** Privacy actions, newest first: who, when, what (never content). `learnerId` narrows to one learner. */
  audit: adminProcedure
    .input(
      z.strictObject({
        learnerId: id.optional(),
        limit: z.number().int().min(1).max(100).default(25),
        cursor: z.string().max(200).nullish(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await ctx.tenantStore.privacy.listAudit({ limit: input.limit, cursor: input.cursor ?? null, learnerId: input.learnerId ?? null });
      return { items: page.items.map(auditView), nextCursor: page.nextCursor };
    }),
});
