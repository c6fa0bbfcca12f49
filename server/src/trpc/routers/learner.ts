import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import { isAgeGateEnforced } from '../../privacy/age-gate.js';
import type { Learner } from '../../store/records.js';
import { learnerProcedure, router, tenantProcedure } from '../init.js';

/** The learner's own view of their profile. */
export function learnerProfile(learner: Learner) {
  const { id, externalId, email, name, guest, locale, extendedTimeMultiplier, createdAt } = learner;
  return { id, externalId, email, name, guest, locale, extendedTimeMultiplier, createdAt };
}

export const learnerRouter = router({
  me: learnerProcedure.query(({ ctx }) => ({
    learner: learnerProfile(ctx.learner),
    tokenExpiresAt: ctx.tokenExpiresAt?.toISOString() ?? null,
  })),

  /** Starts a guest learner where the tenant allows it; the widget keeps the token. */
  startGuest: tenantProcedure.mutation(async ({ ctx }) => {
    if (!ctx.tenant.settings.guestAccess) {
      throw new AppError('FORBIDDEN', 'Guest access is turned off for this site. Please sign in.');
    }
    const { deps, tenant } = ctx;
    const externalId = `guest:${randomUUID()}`;
    // Behind the age gate nothing is stored yet: privacy.confirmAge creates the guest.
    const learner = isAgeGateEnforced(tenant) ? null : await ctx.tenantStore.learners.upsertByExternalId({ externalId, guest: true });
    const { token, expiresAt } = await deps.tokens.sign(
      { tenantId: tenant.id, externalId, email: null, name: null, guest: true, keyId: null },
      deps.config.guestTokenTtlSeconds,
    );
    return { token, expiresAt: expiresAt.toISOString(), learner: learner ? learnerProfile(learner) : null };
  }),

  /** Renews a guest's token before it expires (members get theirs from the tenant). */
  refreshGuestToken: learnerProcedure.mutation(async ({ ctx }) => {
    if (!ctx.learner.guest) throw new AppError('FORBIDDEN', "Only guest tokens are renewed here; ask the site's sign-in.");
    const { deps, tenant, learner } = ctx;
    const { token, expiresAt } = await deps.tokens.sign(
      { tenantId: tenant.id, externalId: learner.externalId, email: null, name: null, guest: true, keyId: null },
      deps.config.guestTokenTtlSeconds,
    );
    return { token, expiresAt: expiresAt.toISOString() };
  }),
});
