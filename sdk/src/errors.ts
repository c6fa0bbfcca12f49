/**
 * One error vocabulary with the server: every failed call rejects with an
 * `InterviewStudioError` whose `code` is one of the server's `ErrorCode`s. It still is a
 * `TRPCClientError` (tRPC tooling keeps working); recognise it with `isInterviewStudioError`,
 * which checks a `kind` field because `instanceof` fails across bundles (ESM next to CJS, two
 * copies of the SDK on one page).
 */
import type { AppRouter } from '@interview-studio/server';
import { ErrorCode, isErrorCode } from '@interview-studio/server/errors';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { inferRouterError } from '@trpc/server';
import { observable } from '@trpc/server/observable';

export { ErrorCode };

/** The `data` the server adds to every error (see the server's error formatter). */
type ServerErrorData = inferRouterError<AppRouter>['data'];

/** One problem with a call's input, such as `{ path: 'externalId', message: 'Too small' }`. */
export type ValidationIssue = NonNullable<ServerErrorData['issues']>[number];

/** Statuses of responses that carry no `appCode` (such as a proxy's 502) mapped to codes. */
const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  402: 'PASS_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

/** The code for an HTTP status without an `appCode`: unknown 4xx are the caller's, the rest the server's. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
}

interface ErrorFacts {
  code: ErrorCode;
  httpStatus: number | null;
  issues: ValidationIssue[] | undefined;
  details: Record<string, unknown> | undefined;
  path: string | null;
}

/**
 * What every failed Interview Studio call rejects with.
 *
 * @example
 * try { await client.learner.me.query() }
 * catch (e) { if (getErrorCode(e) === ErrorCode.UNAUTHENTICATED) signIn() }
 */
export class InterviewStudioError extends TRPCClientError<AppRouter> {
  /** Marks these errors across bundles; check it with `isInterviewStudioError`. */
  readonly kind = 'InterviewStudioError' as const;
  /** The stable code: branch on this, never on `message`. */
  readonly code: ErrorCode;
  /** The response's HTTP status; null when no response arrived (network failure). */
  readonly httpStatus: number | null;
  /** For `VALIDATION_FAILED`: which input fields were wrong and why. */
  readonly issues: ValidationIssue[] | undefined;
  /** Extra machine-readable facts the server attached, such as `{ reason: 'token-invalid' }`. */
  readonly details: Record<string, unknown> | undefined;
  /** The procedure that failed, such as `learner.me`; null when unknown. */
  readonly path: string | null;

  /** @internal The client creates these; user code only reads them. */
  constructor(message: string, facts: ErrorFacts, source: TRPCClientError<AppRouter>) {
    super(message, { result: source.shape ? { error: source.shape } : null, cause: source.cause, meta: source.meta });
    // TRPCClientError's constructor resets the prototype to its own, which would drop ours.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'InterviewStudioError';
    this.code = facts.code;
    this.httpStatus = facts.httpStatus;
    this.issues = facts.issues;
    this.details = facts.details;
    this.path = facts.path;
    if (source.stack) this.stack = source.stack.replace(/^[^\n]*/, `${this.name}: ${message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** True for an error a client of this SDK (any copy, any bundle) rejected with. */
export function isInterviewStudioError(error: unknown): error is InterviewStudioError {
  return isObject(error) && error.kind === 'InterviewStudioError' && isErrorCode(error.code);
}

function isAbort(error: Record<string, unknown>): boolean {
  return isObject(error.cause) && error.cause.name === 'AbortError';
}

/** Reads the facts of a tRPC error (typed or not), the server's `AppError`, or null for anything else. */
function factsOf(error: unknown): ErrorFacts | null {
  if (!isObject(error)) return null;
  if (isInterviewStudioError(error)) return error;
  if (error.kind === 'AppError' && isErrorCode(error.code)) {
    // The server's own error class, for code shared between server and client.
    const status = typeof error.status === 'number' ? error.status : null;
    const details = isObject(error.details) ? error.details : undefined;
    return { code: error.code, httpStatus: status, issues: undefined, details, path: null };
  }
  const isTrpcError = error instanceof TRPCClientError || error.name === 'TRPCClientError';
  if (!isTrpcError || isAbort(error)) return null;
  const data = isObject(error.data) ? error.data : {};
  const response = isObject(error.meta) && isObject(error.meta.response) ? error.meta.response : {};
  const httpStatus =
    typeof data.httpStatus === 'number' ? data.httpStatus : typeof response.status === 'number' ? response.status : null;
  const code = isErrorCode(data.appCode) ? data.appCode : httpStatus === null ? 'UNAVAILABLE' : codeForStatus(httpStatus);
  return {
    code,
    httpStatus,
    issues: Array.isArray(data.issues) ? (data.issues as ValidationIssue[]) : undefined,
    details: isObject(data.details) ? data.details : undefined,
    path: typeof data.path === 'string' ? data.path : null,
  };
}

/**
 * The `ErrorCode` of anything a call rejected with (also a plain `TRPCClientError` or the
 * server's `AppError`), or null when the value is not an Interview Studio API error: an aborted
 * call, or an ordinary exception from your own code.
 */
export function getErrorCode(error: unknown): ErrorCode | null {
  return factsOf(error)?.code ?? null;
}

/** Thrown by the client when the caller's `getToken` fails, so the error says whose fault it is. */
export class TokenGetterError extends Error {
  readonly kind = 'InterviewStudioTokenGetterError' as const;
  constructor(cause: unknown) {
    super(`getToken() failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'TokenGetterError';
  }
}

/** Converts a failed call's error; aborts and already converted errors pass through unchanged. */
export function toInterviewStudioError(error: TRPCClientError<AppRouter>, endpoint: string): TRPCClientError<AppRouter> {
  if (isInterviewStudioError(error)) return error;
  const cause = error.cause;
  if (isObject(cause) && cause.kind === 'InterviewStudioTokenGetterError') {
    const facts: ErrorFacts = { code: 'UNAUTHENTICATED', httpStatus: null, issues: undefined, details: undefined, path: null };
    return new InterviewStudioError(cause.message as string, facts, error);
  }
  const facts = factsOf(error);
  if (!facts) return error;
  let message = error.message;
  if (facts.httpStatus === null && !error.shape) {
    message = `Could not reach Interview Studio at ${endpoint}: ${error.message}`;
  } else if (facts.issues?.length) {
    message = `${message} (${facts.issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')})`;
  }
  return new InterviewStudioError(message, facts, error);
}

/** Codes a subscription keeps reconnecting through; any other ends it (see `errorLink`). */
const RECONNECTABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['UNAVAILABLE', 'INTERNAL', 'RATE_LIMITED']);

/**
 * The first link of the client's chain: every error that reaches the caller is converted,
 * including the errors of a subscription's connection state.
 */
export function errorLink(endpoint: string): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next(envelope) {
            const result = envelope.result;
            if (!('type' in result) || result.type !== 'state' || !result.error) return observer.next(envelope);
            const error = toInterviewStudioError(result.error, endpoint);
            // Workaround: the server sends an AppError thrown inside a subscription's generator
            // (such as NOT_FOUND for an unknown answer) as INTERNAL_SERVER_ERROR, which tRPC
            // retries forever. A code that reconnecting cannot fix ends the subscription instead.
            if (isInterviewStudioError(error) && !RECONNECTABLE.has(error.code)) return observer.error(error);
            observer.next({ ...envelope, result: { ...result, error } });
          },
          error: (error) => observer.error(toInterviewStudioError(error, endpoint)),
          complete: () => observer.complete(),
        }),
      );
}
