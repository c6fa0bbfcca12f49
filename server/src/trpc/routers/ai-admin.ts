/**
 * `admin.ai`: which AI serves the tenant and what it has used this month, and the tenant's own
 * Anthropic API key. The key is write-only: it is checked with Anthropic, sealed
 * (tenancy/secret-box.ts) and stored; nothing ever returns it, only a hint ("sk-ant-…x7Qa").
 */
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { TENANT_SUBJECT, usagePeriod } from '../../practice/entitlement.js';
import { AiCounter } from '../../coach/anthropic/usage.js';
import type { KeyCheck } from '../../coach/anthropic/deployment.js';
import { monthlyTokenBudget, tenantModels } from '../../coach/select-coach.js';
import type { Tenant } from '../../store/records.js';
import { ANTHROPIC_KEY_SECRET, anthropicApiKeySchema, sealTenantKey, unsealTenantKey } from '../../tenancy/tenant-ai-key.js';
import type { AppDeps } from '../context.js';
import { adminProcedure, router } from '../init.js';

function canUnseal(deps: AppDeps, tenant: Tenant): boolean {
  const sealed = tenant.secrets.anthropicApiKey;
  if (!sealed) return false;
  try {
    unsealTenantKey(deps.secretBox, tenant.id, sealed);
    return true;
  } catch {
    return false;
  }
}

async function aiStatus(deps: AppDeps, tenant: Tenant) {
  const own = tenant.secrets.anthropicApiKey;
  const keySource = own ? 'tenant' : deps.anthropic.hasDeploymentKey ? 'deployment' : null;
  const period = usagePeriod(deps.clock());
  const { counters } = await deps.store.forTenant(tenant.id).usage.get(TENANT_SUBJECT, period);
  const count = (name: string) => counters[name] ?? 0;
  return {
    /** Who answers: Claude (on the tenant's key or the deployment's), or the built-in coach. */
    provider: keySource ? ('anthropic' as const) : ('offline' as const),
    keySource,
    /** The tenant's own key, by hint only; `usable: false` means this server cannot unseal it. */
    tenantKey: own ? { hint: own.hint, setAt: own.setAt, usable: canUnseal(deps, tenant) } : null,
    /** False when the server has no TENANT_SECRETS_KEY (production): keys cannot be set. */
    tenantKeysSupported: deps.secretBox !== null,
    models: tenantModels(tenant, deps.anthropic.settings),
    /** Null: no monthly cap. */
    monthlyTokenBudget: keySource ? monthlyTokenBudget(tenant, deps.anthropic.settings.defaultMonthlyTokenBudget, keySource) : null,
    usageThisMonth: {
      period,
      tokens: count(AiCounter.TOKENS),
      inputTokens: count(AiCounter.INPUT),
      outputTokens: count(AiCounter.OUTPUT),
      cacheWriteTokens: count(AiCounter.CACHE_WRITE),
      cacheReadTokens: count(AiCounter.CACHE_READ),
      requests: count(AiCounter.REQUESTS),
      /** List prices; an estimate, not an invoice. */
      estimatedCostUsd: count(AiCounter.COST_MICRO_USD) / 1_000_000,
    },
  };
}

function keyCheckError(check: Exclude<KeyCheck, { ok: true }>): AppError {
  switch (check.problem) {
    case 'key-rejected':
      return new AppError('VALIDATION_FAILED', `Anthropic did not accept this API key (HTTP ${check.status}). Nothing was changed.`);
    case 'model-unavailable':
      return new AppError(
        'VALIDATION_FAILED',
        `This API key cannot use the model ${check.model}. Choose another model in the AI settings, or another key. Nothing was changed.`,
      );
    case 'unreachable':
      return new AppError(
        'UNAVAILABLE',
        `Anthropic could not be reached to check the key${check.status ? ` (HTTP ${check.status})` : ''}. Try again, or set it with verify: false. Nothing was changed.`,
      );
  }
}

export const adminAiRouter = router({
  status: adminProcedure.query(({ ctx }) => aiStatus(ctx.deps, ctx.tenant)),

  /**
   * Stores the tenant's own Anthropic API key: from then on only this key serves the tenant's
   * learners (the deployment's key no longer does). Checked first with Anthropic — the key is
   * accepted and may use the tenant's models — unless `verify` is false.
   */
  setAnthropicKey: adminProcedure
    .input(z.strictObject({ apiKey: anthropicApiKeySchema, verify: z.boolean().default(true) }))
    .mutation(async ({ ctx, input }) => {
      const { deps, tenant } = ctx;
      if (!deps.secretBox) {
        throw new AppError('UNAVAILABLE', 'This server cannot store tenant API keys: its operator has not set TENANT_SECRETS_KEY.');
      }
      if (input.verify) {
        const models = tenantModels(tenant, deps.anthropic.settings);
        const check = await deps.anthropic.checkKey(input.apiKey, [models.feedback, models.questions]);
        if (!check.ok) throw keyCheckError(check);
      }
      const sealed = sealTenantKey(deps.secretBox, tenant.id, input.apiKey, deps.clock());
      const updated = await deps.store.setTenantSecret(tenant.id, ANTHROPIC_KEY_SECRET, sealed);
      // The next request reads the tenant afresh, so its learners get the new key at once.
      deps.authCache.invalidateTenant(tenant.id);
      deps.logger.info({ tenantId: tenant.id, admin: ctx.admin, hint: sealed.hint, verified: input.verify }, "tenant's Anthropic API key set");
      return aiStatus(deps, updated);
    }),

  /** Removes the tenant's own key: the deployment's key (if any) serves the tenant again. */
  removeAnthropicKey: adminProcedure.mutation(async ({ ctx }) => {
    const { deps, tenant } = ctx;
    const updated = await deps.store.setTenantSecret(tenant.id, ANTHROPIC_KEY_SECRET, null);
    deps.authCache.invalidateTenant(tenant.id);
    if (tenant.secrets.anthropicApiKey) deps.logger.info({ tenantId: tenant.id, admin: ctx.admin }, "tenant's Anthropic API key removed");
    return aiStatus(deps, updated);
  }),
});
