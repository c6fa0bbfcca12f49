/**
 * What one deployment shares across all tenants: the SDK client (its connection pool and retry
 * policy) and the circuit breaker. Built once in `buildApp`.
 */
import Anthropic from '@anthropic-ai/sdk';
import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker.js';
import type { AnthropicSettings } from './settings.js';

export interface AnthropicDeployment {
  settings: AnthropicSettings;
  client: Anthropic;
  breaker: CircuitBreaker;
}

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
  const client = new Anthropic({
    apiKey: settings.apiKey,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    // Retries 408/409/429/5xx/529, honouring retry-after-ms / retry-after; our own deadline
    // (totalTimeoutMs) bounds the whole call, retries included.
    maxRetries: settings.maxRetries,
    // Per attempt, until response headers.
    timeout: settings.totalTimeoutMs,
    logLevel: 'warn',
    logger: options.logger ? sdkLogger(options.logger) : sdkLogger({ warn: () => undefined, error: () => undefined }),
  });
  const breaker = createCircuitBreaker({
    failureThreshold: settings.breakerThreshold,
    cooldownMs: settings.breakerCooldownMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return { settings, client, breaker };
}
