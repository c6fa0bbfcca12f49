/**
 * Why the Anthropic coach could not answer. Every failure becomes one of these (or, when the
 * learner went away, the caller's own abort reason), so the fallback wrapper can tell the
 * learner plainly what happened and the circuit breaker can tell provider trouble from a bad
 * reply.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';

export const CoachFailureReason = {
  /** The breaker is open after repeated provider failures; no request was sent. */
  CIRCUIT_OPEN: 'circuit-open',
  /** The whole call (retries and the repair attempt included) exceeded its deadline. */
  TIMEOUT: 'timeout',
  /** The model produced nothing within the first-token deadline. */
  FIRST_TOKEN_TIMEOUT: 'first-token-timeout',
  RATE_LIMITED: 'rate-limited',
  OVERLOADED: 'overloaded',
  /** Connection failures and 5xx after the SDK's retries. */
  UNAVAILABLE: 'unavailable',
  /** 401/403: the deployment's key is wrong or lacks access. */
  NOT_AUTHORISED: 'not-authorised',
  /** Other 4xx (unknown model, request too large): specific to this request or tenant. */
  REJECTED: 'rejected',
  /** The reply was not valid structured output, even after one repair attempt. */
  INVALID_OUTPUT: 'invalid-output',
  /** The reply hit `max_tokens`, even after one retry with a larger limit. */
  TRUNCATED: 'truncated',
  /** The model declined (`stop_reason: refusal`). */
  REFUSAL: 'refusal',
} as const;
export type CoachFailureReason = (typeof CoachFailureReason)[keyof typeof CoachFailureReason];

/** Reasons that say the provider (not this request) is unwell: they count toward the breaker. */
const PROVIDER_TROUBLE: ReadonlySet<CoachFailureReason> = new Set([
  CoachFailureReason.TIMEOUT,
  CoachFailureReason.FIRST_TOKEN_TIMEOUT,
  CoachFailureReason.RATE_LIMITED,
  CoachFailureReason.OVERLOADED,
  CoachFailureReason.UNAVAILABLE,
  CoachFailureReason.NOT_AUTHORISED,
]);

export class CoachFailure extends Error {
  /** Checked by `isCoachFailure`: `instanceof` breaks across bundles. */
  readonly kind = 'CoachFailure' as const;
  constructor(
    readonly reason: CoachFailureReason,
    message: string,
    options?: { cause?: unknown; status?: number | undefined; requestId?: string | null | undefined },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoachFailure';
    this.status = options?.status;
    this.requestId = options?.requestId ?? null;
  }
  readonly status: number | undefined;
  readonly requestId: string | null;

  get providerTrouble(): boolean {
    return PROVIDER_TROUBLE.has(this.reason);
  }
}

export function isCoachFailure(error: unknown): error is CoachFailure {
  return typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'CoachFailure';
}

/** Maps an SDK error (after its own retries) to a failure reason. */
export function failureFromSdkError(error: unknown): CoachFailure {
  if (isCoachFailure(error)) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new CoachFailure(CoachFailureReason.TIMEOUT, 'The AI provider did not answer in time.', { cause: error });
  }
  if (error instanceof APIConnectionError) {
    return new CoachFailure(CoachFailureReason.UNAVAILABLE, 'Could not reach the AI provider.', { cause: error });
  }
  if (error instanceof APIError) {
    const details = { cause: error, status: error.status, requestId: error.requestID };
    // An in-stream `event: error` has no HTTP status; its type says what happened.
    const type = error.type;
    if (error instanceof RateLimitError || type === 'rate_limit_error') {
      return new CoachFailure(CoachFailureReason.RATE_LIMITED, 'The AI provider is rate limiting us.', details);
    }
    if (error.status === 529 || type === 'overloaded_error') {
      return new CoachFailure(CoachFailureReason.OVERLOADED, 'The AI provider is overloaded.', details);
    }
    if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
      return new CoachFailure(CoachFailureReason.NOT_AUTHORISED, 'The AI provider refused our credentials.', details);
    }
    if (error.status === undefined || error.status >= 500) {
      return new CoachFailure(CoachFailureReason.UNAVAILABLE, 'The AI provider failed.', details);
    }
    return new CoachFailure(CoachFailureReason.REJECTED, `The AI provider rejected the request (${error.status}).`, details);
  }
  return new CoachFailure(CoachFailureReason.UNAVAILABLE, 'The AI coach failed unexpectedly.', { cause: error });
}
