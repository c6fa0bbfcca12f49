/**
 * Request context in two layers (tRPC's habit): the inner context has no HTTP in it, so tests
 * build it directly and call procedures through `createCaller`; `createRequestContext` fills
 * it from a Fastify request.
 */
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import type { Config } from '../config.js';
import type { Coach } from '../coach/coach.js';
import type { AnthropicKeyAdmin } from '../coach/anthropic/deployment.js';
import type { SecretBox } from '../tenancy/secret-box.js';
import type { OriginRegistry } from '../http/cors.js';
import type { FeedbackRuns } from '../practice/feedback-runs.js';
import type { Learner, Tenant } from '../store/records.js';
import type { AuthCache } from '../identity/auth-cache.js';
import type { ClerkVerifier } from '../identity/clerk.js';
import type { LearnerTokenSigner } from '../identity/learner-token.js';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Analytics } from '../observability/analytics.js';
import type { ErrorMonitor } from '../observability/error-monitor.js';
import type { Erasure } from '../privacy/erasure.js';
import type { PassEvents } from '../billing/pass-events.js';
import type { Payments } from '../billing/payments.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { Mailer } from '../mail/mailer.js';

/** Long-lived services the procedures use; built once by `buildApp`. */
export interface AppDeps {
  config: Config;
  store: Store;
  logger: AppLogger;
  tokens: LearnerTokenSigner;
  clerk: ClerkVerifier | null;
  clock: () => Date;
  /** Origins some tenant allows (CORS preflights); `authCache.invalidateTenant` refreshes it. */
  origins: OriginRegistry;
  /**
   * API keys and tenants as authentication sees them, cached for a few seconds. After changing
   * a tenant record call `invalidateTenant(id)`; after revoking a key, `invalidateKey(id)`.
   */
  authCache: AuthCache;
  /** The coach that serves this tenant (offline, or a model provider per its AI settings). */
  coachFor(tenant: Tenant, learner: Learner): Coach;
  /** Claude's settings, and the check of a key a tenant brings. */
  anthropic: AnthropicKeyAdmin;
  /** Seals tenants' own credentials; null in production without TENANT_SECRETS_KEY. */
  secretBox: SecretBox | null;
  /** Feedback generations in progress, shared by their subscribers. */
  feedbackRuns: FeedbackRuns;
  /** Null: no way to buy passes (production without Stripe keys). */
  payments: Payments | null;
  mailer: Mailer;
  /** Periodic jobs under store leases; register more with `jobs.register(job)`. */
  jobs: Scheduler;
  passEvents: PassEvents;
  /** Learner erasure and the sign-in check against erased accounts (privacy/erasure.ts). */
  erasure: Erasure;
  /** Product analytics (off unless POSTHOG_KEY); `capture` honours opt-outs itself. */
  analytics: Analytics;
  /** Error monitoring (off unless SENTRY_DSN); reports are scrubbed before they leave. */
  errors: ErrorMonitor;
}

/** What the caller presented. Nothing here is trusted until a middleware verifies it. */
export interface Credentials {
  /** `pk_…` or `sk_…`, from the `x-api-key` header or subscription connection params. */
  apiKey: string | null;
  /** A learner token or a Clerk session token, from `Authorization: Bearer …`. */
  bearer: string | null;
  /** The browser's Origin header; null for server-to-server calls. */
  origin: string | null;
}

export interface Context {
  deps: AppDeps;
  credentials: Credentials;
}

export function createInnerContext(deps: AppDeps, credentials: Partial<Credentials> = {}): Context {
  return {
    deps,
    credentials: { apiKey: credentials.apiKey ?? null, bearer: credentials.bearer ?? null, origin: credentials.origin ?? null },
  };
}

function header(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first && first.length > 0 ? first : null;
}

export function bearerFrom(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1] ?? null;
}

export function createRequestContextFactory(deps: AppDeps) {
  return ({ req, info }: CreateFastifyContextOptions): Context => {
    // Browsers' EventSource cannot send headers, so subscriptions carry credentials in
    // connection params instead.
    const params = info.connectionParams ?? {};
    return createInnerContext(deps, {
      apiKey: header(req.headers['x-api-key']) ?? params.apiKey ?? null,
      bearer: bearerFrom(header(req.headers.authorization)) ?? params.token ?? null,
      origin: header(req.headers.origin),
    });
  };
}
