/**
 * Stops calling the provider for a cool-down after `failureThreshold` consecutive failures,
 * then lets one trial request through (half-open): success closes the circuit, failure opens
 * it again. Only provider trouble counts (timeouts, 429, 5xx, 529, bad credentials); a bad
 * reply or one tenant's unknown model does not, because the breaker is shared by every tenant.
 *
 * Per process by design: each instance judges the provider by what it sees itself, and losing
 * the state on restart only costs a few more failed calls.
 */
export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  readonly state: CircuitState;
  /** True if a call may go out now (in half-open, only the one trial call). */
  tryAcquire(): boolean;
  recordSuccess(): void;
  recordFailure(): void;
  /** The call ended without telling anything about the provider (the learner left). */
  release(): void;
}

export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const now = options.now ?? Date.now;
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const open = () => {
    state = 'open';
    openedAt = now();
    trialInFlight = false;
  };

  return {
    get state() {
      if (state === 'open' && now() - openedAt >= options.cooldownMs) return 'half-open';
      return state;
    },
    tryAcquire() {
      if (state === 'closed') return true;
      if (state === 'open') {
        if (now() - openedAt < options.cooldownMs) return false;
        state = 'half-open';
      }
      if (trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    recordSuccess() {
      state = 'closed';
      failures = 0;
      trialInFlight = false;
    },
    recordFailure() {
      if (state === 'half-open') return open();
      failures++;
      if (failures >= options.failureThreshold) open();
    },
    release() {
      if (state === 'half-open') trialInFlight = false;
    },
  };
}
