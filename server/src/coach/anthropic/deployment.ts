/**
 * The Anthropic side of one deployment, built once in `buildApp`: the connection on the
 * deployment's key (an SDK client — its connection pool and retry policy — and a circuit
 * breaker), and one connection per tenant that set its own key. Each key has its own breaker,
 * so a tenant whose key is revoked or out of credit opens only its own circuit.
 */
import Anthropic, { APIError } from '@anthropic-ai/sdk';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.js';
import type { AnthropicSettings } from './settings.js';

export interface AnthropicConnection {
  client: Anthropic;
  breaker: CircuitBreaker;
}

/** What Anthropic said of a key a tenant wants to use. */
export type KeyCheck =
  | { ok: true }
  | { ok: false; problem: 'key-rejected'; status: number }
  | { ok: false; problem: 'model-unavailable'; model: string }
  | { ok: false; problem: 'unreachable'; status: number | null };

/**
 * What the admin procedures use of a deployment. Free of SDK types on purpose: `AppDeps` is
 * part of the router's type, which the SDK's declarations inline for clients.
 */
export interface AnthropicKeyAdmin {
  settings: AnthropicSettings;
  /** True when ANTHROPIC_API_KEY is set. */
  readonly hasDeploymentKey: boolean;
  /** Asks Anthropic whether `apiKey` is accepted and may use each of `models`. */
  checkKey(apiKey: string, models: readonly string[]): Promise<KeyCheck>;
}

export interface AnthropicDeployment extends AnthropicKeyAdmin {
  /** The connection on the deployment's key; null without ANTHROPIC_API_KEY. */
  shared: AnthropicConnection | null;
  /**
   * The connection on a tenant's own key, reused while the tenant's sealed key is unchanged.
   * `open` unseals the key; it is only called when no connection for this `sealed` is cached.
   */
  tenantConnection(tenantId: string, sealed: string, open: () => string): AnthropicConnection;
}

/** Tenants with their own key whose connections are kept; the least recently used goes first. */
const MAX_TENANT_CONNECTIONS = 500;
const KEY_CHECK_TIMEOUT_MS = 10_000;

export interface DeploymentOptions {
  now?: () => number;
  /** Where the SDK's own warnings go (the app's pino logger); the SDK's default is the console. */
  logger?: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

/**
 * The SDK logs some failures with the offending payload as extra arguments (an unparseable
 * stream chunk can hold model output quoting an answer). Our logs never hold answer text, so
 * only the SDK's message string is kept.
 */
function sdkLogger(logger: NonNullable<DeploymentOptions['logger']>) {
  const drop = () => undefined;
  return {
    error: (message: string) => logger.error({ component: 'anthropic-sdk' }, String(message)),
    warn: (message: string) => logger.warn({ component: 'anthropic-sdk' }, String(message)),
    info: drop,
    debug: drop,
  };
}

export function createAnthropicDeployment(settings: AnthropicSettings, options: DeploymentOptions = {}): AnthropicDeployment {
  const logger = sdkLogger(options.logger ?? { warn: () => undefined, error: () => undefined });
  const clientFor = (apiKey: string, overrides: { maxRetries?: number; timeout?: number } = {}) =>
    new Anthropic({
      apiKey,
      ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
      // Retries 408/409/429/5xx/529, honouring retry-after-ms / retry-after; our own deadline
      // (totalTimeoutMs) bounds the whole call, retries included.
      maxRetries: overrides.maxRetries ?? settings.maxRetries,
      // Per attempt, until response headers.
      timeout: overrides.timeout ?? settings.totalTimeoutMs,
      logLevel: 'warn',
      logger,
    });
  const connectionFor = (apiKey: string): AnthropicConnection => ({
    client: clientFor(apiKey),
    breaker: createCircuitBreaker({
      failureThreshold: settings.breakerThreshold,
      cooldownMs: settings.breakerCooldownMs,
      ...(options.now ? { now: options.now } : {}),
    }),
  });

  const tenantConnections = new Map<string, { sealed: string; connection: AnthropicConnection }>();
  const shared = settings.apiKey ? connectionFor(settings.apiKey) : null;

  return {
    settings,
    shared,
    hasDeploymentKey: shared !== null,

    tenantConnection(tenantId, sealed, open) {
      const cached = tenantConnections.get(tenantId);
      tenantConnections.delete(tenantId);
      if (cached && cached.sealed === sealed) {
        tenantConnections.set(tenantId, cached); // most recently used goes last
        return cached.connection;
      }
      const entry = { sealed, connection: connectionFor(open()) };
      tenantConnections.set(tenantId, entry);
      if (tenantConnections.size > MAX_TENANT_CONNECTIONS) {
        tenantConnections.delete(tenantConnections.keys().next().value!);
      }
      return entry.connection;
    },

    async checkKey(apiKey, models) {
      const client = clientFor(apiKey, { maxRetries: 1, timeout: KEY_CHECK_TIMEOUT_MS });
      for (const model of new Set(models)) {
        try {
          await client.models.retrieve(model);
        } catch (error) {
          if (!(error instanceof APIError) || error.status === undefined) return { ok: false, problem: 'unreachable', status: null };
          if (error.status === 401 || error.status === 403) return { ok: false, problem: 'key-rejected', status: error.status };
          if (error.status === 404) return { ok: false, problem: 'model-unavailable', model };
          return { ok: false, problem: 'unreachable', status: error.status };
        }
      }
      return { ok: true };
    },
  };
}
