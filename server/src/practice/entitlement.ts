/**
 * What a learner may do beyond the free tier, decided in one place. The free tier counts
 * question sets and feedback per learner per calendar month (UTC); an active pass or a
 * sponsoring institution lifts the limits. Passes come from purchases, grants and seats
 * (billing/); however a pass was obtained, this is the only place that reads it for access.
 */
import { coveredUntil } from '../billing/pass-window.js';
import { AppError } from '../errors.js';
import type { BillingMode, IsoTime, Learner, Pass, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';

export type MeteredAction = 'questionSets' | 'feedback';

export interface Entitlement {
  kind: 'sponsored' | 'pass' | 'free';
  pass: Pass | null;
  /** Remaining free uses this month; null when unlimited. */
  remaining: Record<MeteredAction, number | null>;
  period: string;
  billingMode: BillingMode;
  /** Where access ends: the active pass, or a pass queued right after it; null without a pass. */
  coveredUntil: IsoTime | null;
}

export interface EntitlementContext {
  tenant: Tenant;
  tenantStore: TenantStore;
  learner: Learner;
  now: Date;
}

export function usagePeriod(now: Date): string {
  return now.toISOString().slice(0, 7);
}

export const learnerSubject = (learnerId: string) => `learner:${learnerId}`;
export const TENANT_SUBJECT = 'tenant';

export function activePass(passes: readonly Pass[], now: Date): Pass | null {
  const t = now.getTime();
  return (
    passes
      .filter((p) => p.revokedAt === null && Date.parse(p.startsAt) <= t && t < Date.parse(p.expiresAt))
      .sort((a, b) => Date.parse(b.expiresAt) - Date.parse(a.expiresAt))[0] ?? null
  );
}

export async function getEntitlement(ctx: EntitlementContext): Promise<Entitlement> {
  const period = usagePeriod(ctx.now);
  const unlimited = { questionSets: null, feedback: null };
  const billingMode = ctx.tenant.settings.billingMode;
  if (billingMode === 'sponsored') return { kind: 'sponsored', pass: null, remaining: unlimited, period, billingMode, coveredUntil: null };
  const passes = await ctx.tenantStore.passes.listForLearner(ctx.learner.id);
  const pass = activePass(passes, ctx.now);
  if (pass) return { kind: 'pass', pass, remaining: unlimited, period, billingMode, coveredUntil: coveredUntil(passes, ctx.now) };
  const usage = await ctx.tenantStore.usage.get(learnerSubject(ctx.learner.id), period);
  const { questionSetsPerMonth, feedbackPerMonth } = ctx.tenant.settings.freeTier;
  return {
    kind: 'free',
    pass: null,
    remaining: {
      questionSets: Math.max(0, questionSetsPerMonth - (usage.counters.questionSets ?? 0)),
      feedback: Math.max(0, feedbackPerMonth - (usage.counters.feedback ?? 0)),
    },
    period,
    billingMode,
    coveredUntil: null,
  };
}

/** Throws PASS_REQUIRED (and changes nothing) when the learner has no use left for `action`. */
export async function requireEntitlement(ctx: EntitlementContext, action: MeteredAction): Promise<Entitlement> {
  const entitlement = await getEntitlement(ctx);
  const remaining = entitlement.remaining[action];
  if (remaining !== null && remaining <= 0) {
    throw new AppError('PASS_REQUIRED', undefined, {
      details: { action, period: entitlement.period, billingMode: entitlement.billingMode },
    });
  }
  return entitlement;
}

/** Counts a use for the learner (free tier) and the tenant (budgets and billing). */
export async function recordUsage(
  tenantStore: TenantStore,
  learnerId: string,
  now: Date,
  deltas: Partial<Record<MeteredAction | 'questions' | 'answers', number>>,
): Promise<void> {
  const period = usagePeriod(now);
  const clean = Object.fromEntries(Object.entries(deltas).filter(([, v]) => typeof v === 'number' && v !== 0)) as Record<string, number>;
  await tenantStore.usage.increment(learnerSubject(learnerId), period, clean);
  await tenantStore.usage.increment(TENANT_SUBJECT, period, clean);
}
