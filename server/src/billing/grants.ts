/**
 * Passes an institution gives: a complimentary grant (learner-pays), a seat from its pool
 * (seats), or a sponsored pass (sponsored, where every learner is already covered). The seat is
 * taken in the same store write that creates the pass, and given back in the write that revokes
 * it when the pass is revoked before it starts or within its first hour (`seatReturnable`).
 */
import { AppError } from '../errors.js';
import type { Learner, Pass, PassType, Tenant } from '../store/records.js';
import type { PassGrant, TenantStore } from '../store/store.js';
import type { PassEvents } from './pass-events.js';
import { DEFAULT_DURATION_DAYS, findProduct } from './products.js';

export interface GrantContext {
  tenant: Tenant;
  tenantStore: TenantStore;
  passEvents: PassEvents;
}

export type LearnerSelector = { learnerId: string } | { externalId: string };

/** The learner must have used Interview Studio once (a learner record is never made here). */
export async function findLearner(tenantStore: TenantStore, who: LearnerSelector): Promise<Learner> {
  const learner = 'learnerId' in who ? await tenantStore.learners.get(who.learnerId) : await tenantStore.learners.getByExternalId(who.externalId);
  if (!learner) throw new AppError('NOT_FOUND', 'No such learner: they appear once they have opened Interview Studio.');
  return learner;
}

export function grantTerms(tenant: Tenant): Pick<PassGrant, 'source' | 'useSeat'> {
  switch (tenant.settings.billingMode) {
    case 'seats':
      return { source: 'sponsored', useSeat: true };
    case 'sponsored':
      return { source: 'sponsored', useSeat: false };
    default:
      return { source: 'grant', useSeat: false };
  }
}

export async function grantPass(ctx: GrantContext, input: { learner: Learner; type: PassType; days: number | null }): Promise<Pass> {
  const days = input.days ?? findProduct(ctx.tenant, input.type)?.durationDays ?? DEFAULT_DURATION_DAYS[input.type];
  const pass = await ctx.tenantStore.passes.grant({ learnerId: input.learner.id, type: input.type, days, ...grantTerms(ctx.tenant) });
  ctx.passEvents.notify(ctx.tenant.id, pass.learnerId);
  return pass;
}

/** Revokes the pass; the store moves the learner's queued passes up and returns an unused seat in the same write. */
export async function revokePass(ctx: GrantContext, passId: string): Promise<Pass> {
  const pass = await ctx.tenantStore.passes.revoke(passId);
  ctx.passEvents.notify(ctx.tenant.id, pass.learnerId);
  return pass;
}
