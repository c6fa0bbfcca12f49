/**
 * Picks the coach that serves one learner of one tenant — the only place that decides whether
 * a learner's text may go to an AI provider:
 *
 * 1. restricted processing → a coach that refuses every call with PROCESSING_RESTRICTED: no
 *    provider call and no offline scoring either (privacy/restriction.ts); no adapter is built;
 * 2. which key: the tenant's own (sealed in its record, unsealed here) when it set one — and
 *    then only that key, so the deployment never pays for a tenant that chose to pay itself —
 *    else the deployment's `ANTHROPIC_API_KEY`, else none: the offline coach, as it always was;
 * 3. Claude with the tenant's models (or the deployment's defaults), learner text redacted
 *    (identifiers, and the learner's own name), token usage added to the tenant's monthly
 *    counters, and the offline coach answering — with a notice — past the monthly token budget
 *    or whenever Claude fails. A tenant key that cannot be unsealed (TENANT_SECRETS_KEY lost or
 *    changed without TENANT_SECRETS_PREVIOUS_KEYS) is such a failure: logged, and offline.
 */
import { TENANT_SUBJECT, usagePeriod } from '../practice/entitlement.js';
import { redactPersonalIdentifiers } from '../practice/domain/confidential.js';
import type { Tenant } from '../store/records.js';
import type { Store, TenantStore } from '../store/store.js';
import { ANTHROPIC_KEY_SECRET, unsealTenantKey } from '../tenancy/tenant-ai-key.js';
import type { SecretBox } from '../tenancy/secret-box.js';
import { createAnthropicCoach } from './anthropic/anthropic-coach.js';
import type { AnthropicConnection, AnthropicDeployment } from './anthropic/deployment.js';
import type { AnthropicSettings } from './anthropic/settings.js';
import { refusingCoach } from '../privacy/restriction.js';
import { withOfflineFallback, type FallbackReason } from './anthropic/offline-fallback.js';
import { AiCounter, usageCounterDeltas } from './anthropic/usage.js';
import type { Coach } from './coach.js';

export interface CoachSelectionDeps {
  offline: Coach;
  /** Null: Claude is off for everyone (tests of the offline paths). */
  anthropic: AnthropicDeployment | null;
  /** Unseals tenants' own keys; null when the deployment has no TENANT_SECRETS_KEY. */
  secretBox: SecretBox | null;
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

export type KeySource = 'tenant' | 'deployment';

type Route =
  | { kind: 'claude'; connection: AnthropicConnection; keySource: KeySource }
  | { kind: 'offline' }
  | { kind: 'unsealable' };

/** Which key serves the tenant; see the header. */
function route(deps: CoachSelectionDeps, anthropic: AnthropicDeployment, tenant: Tenant): Route {
  const sealed = tenant.secrets.anthropicApiKey;
  if (!sealed) return anthropic.shared ? { kind: 'claude', connection: anthropic.shared, keySource: 'deployment' } : { kind: 'offline' };
  try {
    const connection = anthropic.tenantConnection(tenant.id, sealed.sealed, () => unsealTenantKey(deps.secretBox, tenant.id, sealed));
    return { kind: 'claude', connection, keySource: 'tenant' };
  } catch (error) {
    // The error says why (no box, unknown key id, altered value); it never holds the key.
    deps.logger?.error({ err: error, tenantId: tenant.id, secret: ANTHROPIC_KEY_SECRET }, "tenant's Anthropic key cannot be unsealed");
    return { kind: 'unsealable' };
  }
}

export function selectCoach(deps: CoachSelectionDeps, tenant: Tenant, learner: CoachLearner): Coach {
  if (learner.restricted) return refusingCoach();
  const anthropic = deps.anthropic;
  if (!anthropic) return deps.offline;
  const chosen = route(deps, anthropic, tenant);
  if (chosen.kind === 'offline') return deps.offline;
  if (chosen.kind === 'unsealable') {
    return withOfflineFallback({ primary: deps.offline, fallback: deps.offline, gate: async () => 'not-authorised' });
  }

  const { settings } = anthropic;
  const tenantStore = deps.store.forTenant(tenant.id);
  const budget = monthlyTokenBudget(tenant, settings.defaultMonthlyTokenBudget, chosen.keySource);
  const names = learner.names.filter((n) => n.trim().length > 0);

  const primary = createAnthropicCoach({
    client: chosen.connection.client,
    breaker: chosen.connection.breaker,
    models: tenantModels(tenant, settings),
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
      deps.logger?.warn(
        { err: error ?? undefined, tenantId: tenant.id, keySource: chosen.keySource, method, reason },
        'AI coach fell back to the offline coach',
      ),
  });
}

/** The models serving the tenant: its AI settings' choice, else the deployment's defaults. */
export function tenantModels(tenant: Tenant, settings: AnthropicSettings): { feedback: string; questions: string } {
  return {
    feedback: tenant.settings.ai.feedbackModel ?? settings.feedbackModel,
    questions: tenant.settings.ai.questionModel ?? settings.questionModel,
  };
}

/**
 * The tenant's own budget when its AI settings set one; otherwise the deployment's default, but
 * only on the deployment's key: that default caps what the deployment pays, and a tenant on its
 * own key pays its own bill.
 */
export function monthlyTokenBudget(tenant: Tenant, deploymentDefault: number | null, keySource: KeySource): number | null {
  return tenant.settings.ai.monthlyTokenBudget ?? (keySource === 'deployment' ? deploymentDefault : null);
}

/** `coachFor` for `AppDeps`: binds the deployment once. */
export function createCoachSelector(deps: CoachSelectionDeps): (tenant: Tenant, learner: CoachLearner) => Coach {
  return (tenant, learner) => selectCoach(deps, tenant, learner);
}
