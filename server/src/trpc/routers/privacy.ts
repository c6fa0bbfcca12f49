/**
 * The learner's privacy panel: the age gate, preferences (restriction, analytics opt-out,
 * marketing consent), rectification, export and deletion. Every procedure here works on the
 * learner's own record only, and none of them needs the age confirmation first: a learner can
 * always see, download or delete what is stored about them.
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { ageGateStatus, confirmAge } from '../../privacy/age-gate.js';
import { LEARNER_ACTOR, recordPrivacyAction } from '../../privacy/audit.js';
import { buildLearnerExport } from '../../privacy/export.js';
import { privacySettingsView, rectifyProfile, setPreferences, setRestriction } from '../../privacy/preferences.js';
import { MIN_AGE_FLOOR } from '../../privacy/settings.js';
import type { Learner } from '../../store/records.js';
import { learnerIdentityProcedure, router } from '../init.js';
import { learnerProfile } from './learner.js';

/** The privacy procedures need an account to act on; before the first use there is none. */
function accountOf(learner: Learner | null): Learner {
  if (!learner) throw new AppError('NOT_FOUND', 'There is no account for you here yet, so nothing is stored about you.');
  return learner;
}

const accountProcedure = learnerIdentityProcedure.use(({ ctx, next }) => next({ ctx: { learner: accountOf(ctx.learner) } }));

export const privacyRouter = router({
  /** Whether to show the age confirmation: the minimum age, and whether this learner confirmed it. */
  ageStatus: learnerIdentityProcedure.query(({ ctx }) => ageGateStatus(ctx.tenant, ctx.learner)),

  /**
   * The learner's answer to "I am at least `minimumAge`". Yes: the account is created (or
   * marked confirmed). No: nothing is created or stored, and an existing account is erased.
   */
  confirmAge: learnerIdentityProcedure
    .input(z.strictObject({ minimumAge: z.number().int().min(MIN_AGE_FLOOR).max(21), confirmed: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const result = await confirmAge({ ...ctx, erasure: ctx.deps.erasure, ...input, now: ctx.deps.clock() });
      return result.allowed
        ? { allowed: true as const, minimumAge: result.minimumAge, learner: learnerProfile(result.learner) }
        : { allowed: false as const, minimumAge: result.minimumAge };
    }),

  /** Everything the privacy panel shows. */
  settings: accountProcedure.query(({ ctx }) => privacySettingsView(ctx.tenant, ctx.learner, ctx.deps.erasure.purgeAfterDays)),

  /** Analytics opt-out and marketing consent (each recorded with its time; withdraw with false). */
  setPreferences: accountProcedure
    .input(z.strictObject({ analyticsOptOut: z.boolean().optional(), marketingConsent: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const learner = await setPreferences(ctx.tenantStore, ctx.learner, input, LEARNER_ACTOR, ctx.deps.clock());
      return privacySettingsView(ctx.tenant, learner, ctx.deps.erasure.purgeAfterDays);
    }),

  /** Restricts processing: data is kept, nothing is scored or generated (PROCESSING_RESTRICTED). */
  restrict: accountProcedure.mutation(async ({ ctx }) => {
    const learner = await setRestriction(ctx.tenantStore, ctx.learner, true, LEARNER_ACTOR, ctx.deps.clock());
    return privacySettingsView(ctx.tenant, learner, ctx.deps.erasure.purgeAfterDays);
  }),

  unrestrict: accountProcedure.mutation(async ({ ctx }) => {
    const learner = await setRestriction(ctx.tenantStore, ctx.learner, false, LEARNER_ACTOR, ctx.deps.clock());
    return privacySettingsView(ctx.tenant, learner, ctx.deps.erasure.purgeAfterDays);
  }),

  /** Rectification of name and e-mail (null clears). */
  updateProfile: accountProcedure
    .input(
      z.strictObject({
        name: z.string().trim().min(1).max(200).nullable().optional(),
        email: z.email().max(254).nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const learner = await rectifyProfile(ctx.tenantStore, ctx.learner, input, LEARNER_ACTOR, ctx.deps.clock());
      return privacySettingsView(ctx.tenant, learner, ctx.deps.erasure.purgeAfterDays);
    }),

  /** One JSON document of everything stored about the learner (see privacy/export.ts). */
  export: accountProcedure.mutation(async ({ ctx }) => {
    const document = await buildLearnerExport({ ...ctx, now: ctx.deps.clock() });
    await recordPrivacyAction(ctx.tenantStore, ctx.learner.id, 'export', LEARNER_ACTOR);
    return document;
  }),

  /** Step one of deletion: a token valid for five minutes, sent back to `deleteAccount`. */
  requestDeletion: accountProcedure.mutation(({ ctx }) => {
    const { token, expiresAt } = ctx.deps.erasure.confirmationToken(ctx.learner);
    return { confirmationToken: token, expiresAt, purgeAfterDays: ctx.deps.erasure.purgeAfterDays };
  }),

  /** Step two: erases the account now. Its tokens stop working at once. */
  deleteAccount: accountProcedure
    .input(z.strictObject({ confirmationToken: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      ctx.deps.erasure.checkConfirmation(ctx.learner, input.confirmationToken);
      const outcome = await ctx.deps.erasure.erase(ctx.tenantStore, ctx.learner, LEARNER_ACTOR, 'learner-request');
      return { deleted: true as const, ...outcome };
    }),
});
