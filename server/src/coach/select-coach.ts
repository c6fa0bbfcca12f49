/**
 * Picks the coach that serves one learner of one tenant — the only place that decides whether
 * a learner's text may go to an AI provider:
 *
 * 1. restricted processing → a coach that refuses every call with PROCESSING_RESTRICTED: no
 *    provider call and no offline scoring either (privacy/restriction.ts); no adapter is built;
 * 2. no Anthropic deployment (no `ANTHROPIC_API_KEY`) → the offline coach, as it always was;
 * 3. otherwise Claude with the tenant's models (or the deployment's defaults), learner text
 *    redacted (identifiers, and the learner's own name), token usage added to the tenant's
 *    monthly counters, and the offline coach answering — with a notice — past the monthly token
 *    budget or whenever Claude fails.
 */
import { TENANT_SUBJECT, usagePeriod } from '../practice/entitlement.js';
import { redactPersonalIdentifiers } from '../practice/domain/confidential.js';
import type { Tenant } from '../store/records.js';
import type { Store, TenantStore } from '../store/store.js';
import { createAnthropicCoach } from './anthropic/anthropic-coach.js';
import type { AnthropicDeployment } from './anthropic/deployment.js';
import { refusingCoach } from '../privacy/restriction.js';
import { withOfflineFallback, type FallbackReason } from './anthropic/offline-fallback.js';
import { AiCounter, usageCounterDeltas } from './anthropic/usage.js';
import type { Coach } from './coach.js';

export interface CoachSelectionDeps {
  offline: Coach;
  /** Null when no API key is configured. */
  anthropic: AnthropicDeployment | null;
  store: Store;
  clock: () => Date;
  logger?: {
    warn(details: object, message: string): void;
    error(details: object, message: string): void;
  };
}

/** What the coach may know of the learner it serves. */
export interface CoachLearner {
  /** `learnerRef(learner)`: a pseudonym; the provider sees only a hash of it. */
  ref: string;
  /** The learner's own name(s), redacted from their text before it leaves the server. */
  names: readonly string[];
  /** For results whose input carries no locale (mock summaries). */
  locale: string;
  /** The learner restricted processing of their data: nothing may process it, offline or not. */
  restricted: boolean;
}

/** Tokens the tenant has used this month (every kind: input, output, cache writes and reads). */
export async function tokensUsedThisMonth(tenantStore: TenantStore, now: Date): Promise<number> {
  const usage = await tenantStore.usage.get(TENANT_SUBJECT, usagePeriod(now));
  return usage.counters[AiCounter.TOKENS] ?? 0;
}

export function selectCoach(deps: CoachSelectionDeps, tenant: Tenant, learner: CoachLearner): Coach {
  if (learner.restricted) return refusingCoach();
  const anthropic = deps.anthropic;
  if (!anthropic) return deps.offline;

  const { settings } = anthropic;
  const tenantStore = deps.store.forTenant(tenant.id);
  const budget = tenant.settings.ai.monthlyTokenBudget ?? settings.defaultMonthlyTokenBudget;
  const names = learner.names.filter((n) => n.trim().length > 0);

  const primary = createAnthropicCoach({
    client: anthropic.client,
    breaker: anthropic.breaker,
    models: {
      feedback: tenant.settings.ai.feedbackModel ?? settings.feedbackModel,
      questions: tenant.settings.ai.questionModel ?? settings.questionModel,
    },
    timeouts: { totalMs: settings.totalTimeoutMs, firstTokenMs: settings.firstTokenTimeoutMs },
    redact: (text) => redactPersonalIdentifiers(text, { names }),
    learnerRef: learner.ref,
    locale: learner.locale,
    // Counted per attempt, failed and aborted ones too: what was billed counts.
    onUsage: async (usage, { model }) => {
      try {
        await tenantStore.usage.increment(TENANT_SUBJECT, usagePeriod(deps.clock()), usageCounterDeltas(model, usage));
      } catch (error) {
        deps.logger?.error({ err: error, tenantId: tenant.id }, 'could not record AI token usage');
      }
    },
  });

  return withOfflineFallback({
    primary,
    fallback: deps.offline,
    gate:
      budget === null
        ? undefined
        : async (): Promise<FallbackReason | null> =>
            (await tokensUsedThisMonth(tenantStore, deps.clock())) >= budget ? 'budget' : null,
    onFallback: ({ method, reason, error }) =>
      deps.logger?.warn({ err: error ?? undefined, tenantId: tenant.id, method, reason }, 'AI coach fell back to the offline coach'),
  });
}

/** `coachFor` for `AppDeps`: binds the deployment once. */
export function createCoachSelector(deps: CoachSelectionDeps): (tenant: Tenant, learner: CoachLearner) => Coach {
  return (tenant, learner) => selectCoach(deps, tenant, learner);
}
