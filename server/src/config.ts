/**
 * Configuration from the environment, validated once at start-up. Every optional service has an
 * embedded default (see DESIGN.md), so an empty environment runs the whole product locally.
 */
import { z } from 'zod';
import { anthropicEnvShape, anthropicSettingsFrom, type AnthropicSettings } from './coach/anthropic/settings.js';
import type { AnalyticsSettings } from './observability/analytics.js';
import type { ErrorMonitorSettings } from './observability/error-monitor.js';
import { analyticsSettingsFrom, errorMonitorSettingsFrom, observabilityEnvShape } from './observability/settings.js';
import { privacyEnvShape } from './privacy/settings.js';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  TOKEN_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TENANT_SECRETS_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  TENANT_SECRETS_PREVIOUS_KEYS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()).filter((k) => k.length > 0))
    .pipe(z.array(z.string().min(32, 'each key must be at least 32 characters')).max(10))
    .optional(),
  LEARNER_TOKEN_TTL_SECONDS: positiveInt.max(86_400).default(900),
  GUEST_TOKEN_TTL_SECONDS: positiveInt.max(90 * 86_400).default(30 * 86_400),
  CLERK_JWT_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: positiveInt.default(256 * 1024),
  RATE_LIMIT_PER_KEY_PER_MINUTE: positiveInt.default(6000),
  RATE_LIMIT_PER_LEARNER_PER_MINUTE: positiveInt.default(600),
  SEED_DEMO_TENANT: boolean.optional(),
  TRUST_PROXY: boolean.default(false),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_\w+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)').optional(),
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).max(200).includes('@', { message: 'must hold an e-mail address' }).optional(),
  ...anthropicEnvShape,
  ...observabilityEnvShape,
  ...privacyEnvShape,
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Where browsers reach this server; the demo tenant's allowed origin. */
  publicUrl: string;
  dataDir: string;
  store: { kind: 'sqlite'; file: string } | { kind: 'mongo'; uri: string };
  /** Null means: generate one and keep it in DATA_DIR (single-instance development only). */
  tokenSigningSecret: string | null;
  learnerTokenTtlSeconds: number;
  guestTokenTtlSeconds: number;
  clerkJwtKey: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  rateLimit: { perKeyPerMinute: number; perLearnerPerMinute: number };
  seedDemoTenant: boolean;
  trustProxy: boolean;
  /** Always present: without ANTHROPIC_API_KEY only tenants with their own key use Claude. */
  anthropic: AnthropicSettings;
  /**
   * Seals tenants' own credentials (tenancy/secret-box.ts). A null key outside production means:
   * generate one and keep it in DATA_DIR; in production it means tenants cannot set keys.
   */
  tenantSecrets: { key: string | null; previousKeys: string[] };
  /** Null: no POSTHOG_KEY, no product analytics. */
  analytics: AnalyticsSettings | null;
  /** Null: no SENTRY_DSN, no error monitoring. */
  errorMonitoring: ErrorMonitorSettings | null;
  /** Erased accounts are purged for good within `purgeAfterDays` (1 to 30). */
  privacy: { purgeAfterDays: number };
  /** Null: no Stripe keys; passes sell through the demo checkout (not in production). */
  stripe: StripeSettings | null;
  mail: MailSettings;
}

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Where the Stripe API is (tests point it at a local fake); empty means api.stripe.com. */
  api: { host?: string; port?: number; protocol?: 'http' | 'https' };
}

export interface MailSettings {
  /** Null: e-mails stay in the outbox (logged, listed at /dev/outbox outside production). */
  smtpUrl: string | null;
  /** Sender address; the display name is each tenant's product name. */
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" (a common result of `FOO= npm start` and .env templates).
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.TOKEN_SIGNING_SECRET) {
    problems.push('TOKEN_SIGNING_SECRET: required in production (at least 32 random characters)');
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required in production (the https URL browsers use)');
  }
  if (Boolean(e.STRIPE_SECRET_KEY) !== Boolean(e.STRIPE_WEBHOOK_SECRET)) {
    problems.push('STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: set both (Stripe payments) or neither (demo checkout)');
  }
  if (e.NODE_ENV === 'production' && e.SMTP_URL && !e.MAIL_FROM) {
    problems.push('MAIL_FROM: required in production when SMTP_URL is set (an address your SMTP server may send from)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: e.DATA_DIR,
    store: e.MONGODB_URI ? { kind: 'mongo', uri: e.MONGODB_URI } : { kind: 'sqlite', file: `${e.DATA_DIR}/interview-studio.sqlite` },
    tokenSigningSecret: e.TOKEN_SIGNING_SECRET ?? null,
    learnerTokenTtlSeconds: e.LEARNER_TOKEN_TTL_SECONDS,
    guestTokenTtlSeconds: e.GUEST_TOKEN_TTL_SECONDS,
    clerkJwtKey: e.CLERK_JWT_KEY ?? null,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: {
      perKeyPerMinute: e.RATE_LIMIT_PER_KEY_PER_MINUTE,
      perLearnerPerMinute: e.RATE_LIMIT_PER_LEARNER_PER_MINUTE,
    },
    seedDemoTenant: e.SEED_DEMO_TENANT ?? e.NODE_ENV !== 'production',
    trustProxy: e.TRUST_PROXY,
    anthropic: anthropicSettingsFrom(e),
    tenantSecrets: { key: e.TENANT_SECRETS_KEY ?? null, previousKeys: e.TENANT_SECRETS_PREVIOUS_KEYS ?? [] },
    analytics: analyticsSettingsFrom(e),
    errorMonitoring: errorMonitorSettingsFrom(e),
    privacy: { purgeAfterDays: e.ERASURE_PURGE_DAYS },
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            api: {
              ...(e.STRIPE_API_HOST ? { host: e.STRIPE_API_HOST } : {}),
              ...(e.STRIPE_API_PORT ? { port: e.STRIPE_API_PORT } : {}),
              ...(e.STRIPE_API_PROTOCOL ? { protocol: e.STRIPE_API_PROTOCOL } : {}),
            },
          }
        : null,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM ?? 'Interview Studio <no-reply@localhost>' },
  };
}

/** Names and defaults of every variable, for the README table and `--help`. */
export const configVariables = Object.keys(envSchema.shape);
