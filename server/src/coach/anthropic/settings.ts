/**
 * Deployment settings of the Anthropic coach, read from the environment by `config.ts` (which
 * spreads `anthropicEnvShape` into its schema and calls `anthropicSettingsFrom`). Without
 * `ANTHROPIC_API_KEY` there is no deployment key: the offline coach serves every tenant that has
 * not set its own key (admin `ai.setAnthropicKey`); those tenants get Claude with these settings.
 */
import { z } from 'zod';

export const ANTHROPIC_DEFAULTS = {
  feedbackModel: 'claude-sonnet-4-6',
  questionModel: 'claude-haiku-4-5',
  totalTimeoutMs: 60_000,
  firstTokenTimeoutMs: 15_000,
  maxRetries: 2,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
} as const;

/** Models past (or near) the end of their life: used anyway, but warned about. */
export const MODEL_END_OF_LIFE: Readonly<Record<string, string>> = {
  'claude-sonnet-4-5': '2026-11-30',
};

const positiveInt = z.coerce.number().int().positive();
const modelId = z.string().regex(/^[a-z0-9][a-z0-9.@:_-]{1,99}$/, 'must be a model id such as claude-sonnet-4-6');

/** Spread into `config.ts`'s env schema. */
export const anthropicEnvShape = {
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  ANTHROPIC_FEEDBACK_MODEL: modelId.default(ANTHROPIC_DEFAULTS.feedbackModel),
  ANTHROPIC_QUESTION_MODEL: modelId.default(ANTHROPIC_DEFAULTS.questionModel),
  ANTHROPIC_TIMEOUT_MS: positiveInt.max(600_000).default(ANTHROPIC_DEFAULTS.totalTimeoutMs),
  ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS: positiveInt.max(600_000).default(ANTHROPIC_DEFAULTS.firstTokenTimeoutMs),
  ANTHROPIC_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(ANTHROPIC_DEFAULTS.maxRetries),
  ANTHROPIC_BREAKER_THRESHOLD: positiveInt.max(1000).default(ANTHROPIC_DEFAULTS.breakerThreshold),
  ANTHROPIC_BREAKER_COOLDOWN_MS: positiveInt.max(3_600_000).default(ANTHROPIC_DEFAULTS.breakerCooldownMs),
  AI_MONTHLY_TOKEN_BUDGET: positiveInt.optional(),
};

export type AnthropicEnv = z.output<z.ZodObject<typeof anthropicEnvShape>>;

export interface AnthropicSettings {
  /** The deployment's key; null: only tenants with their own key use Claude. */
  apiKey: string | null;
  /** Null: the SDK's default (https://api.anthropic.com). */
  baseURL: string | null;
  feedbackModel: string;
  questionModel: string;
  totalTimeoutMs: number;
  firstTokenTimeoutMs: number;
  maxRetries: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  /**
   * For tenants whose AI settings set no budget and who use the deployment's key (a tenant on
   * its own key pays its own bill); null means unlimited.
   */
  defaultMonthlyTokenBudget: number | null;
}

export function anthropicSettingsFrom(env: AnthropicEnv): AnthropicSettings {
  return {
    apiKey: env.ANTHROPIC_API_KEY ?? null,
    baseURL: env.ANTHROPIC_BASE_URL ?? null,
    feedbackModel: env.ANTHROPIC_FEEDBACK_MODEL,
    questionModel: env.ANTHROPIC_QUESTION_MODEL,
    totalTimeoutMs: env.ANTHROPIC_TIMEOUT_MS,
    firstTokenTimeoutMs: Math.min(env.ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS, env.ANTHROPIC_TIMEOUT_MS),
    maxRetries: env.ANTHROPIC_MAX_RETRIES,
    breakerThreshold: env.ANTHROPIC_BREAKER_THRESHOLD,
    breakerCooldownMs: env.ANTHROPIC_BREAKER_COOLDOWN_MS,
    defaultMonthlyTokenBudget: env.AI_MONTHLY_TOKEN_BUDGET ?? null,
  };
}

/** A warning for a model at or near its end of life (within 30 days), else null. */
export function endOfLifeWarning(model: string, now: Date): string | null {
  const eol = MODEL_END_OF_LIFE[model];
  if (!eol) return null;
  const days = Math.ceil((Date.parse(`${eol}T00:00:00Z`) - now.getTime()) / 86_400_000);
  if (days > 30) return null;
  return days > 0
    ? `${model} reaches end of life on ${eol} (${days} days); choose a current model such as ${ANTHROPIC_DEFAULTS.feedbackModel}.`
    : `${model} reached end of life on ${eol}; requests will fail and fall back to the offline coach. Choose a current model such as ${ANTHROPIC_DEFAULTS.feedbackModel}.`;
}
