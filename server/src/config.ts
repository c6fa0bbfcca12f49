/**
 * Configuration from the environment, validated once at start-up. Every optional service has an
 * embedded default (see DESIGN.md), so an empty environment runs the whole product locally.
 */
import { z } from 'zod';
import { anthropicEnvShape, anthropicSettingsFrom, type AnthropicSettings } from './coach/anthropic/settings.js';

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
  LEARNER_TOKEN_TTL_SECONDS: positiveInt.max(86_400).default(900),
  GUEST_TOKEN_TTL_SECONDS: positiveInt.max(90 * 86_400).default(30 * 86_400),
  CLERK_JWT_KEY: z.string().includes('PUBLIC KEY', { message: 'must be a PEM public key' }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: positiveInt.default(256 * 1024),
  RATE_LIMIT_PER_KEY_PER_MINUTE: positiveInt.default(6000),
  RATE_LIMIT_PER_LEARNER_PER_MINUTE: positiveInt.default(600),
  SEED_DEMO_TENANT: boolean.optional(),
  TRUST_PROXY: boolean.default(false),
  ...anthropicEnvShape,
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
  /** Null: no ANTHROPIC_API_KEY, the offline coach serves everyone. */
  anthropic: AnthropicSettings | null;
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
  if (e.MONGODB_URI) {
    problems.push('MONGODB_URI: the MongoDB store is not part of this build yet; unset it to use SQLite');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    dataDir: e.DATA_DIR,
    store: { kind: 'sqlite', file: `${e.DATA_DIR}/interview-studio.sqlite` },
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
  };
}

/** Names and defaults of every variable, for the README table and `--help`. */
export const configVariables = Object.keys(envSchema.shape);
