/**
 * The one error vocabulary of Interview Studio. Every failure a caller can see carries one of
 * these codes; the SDK and the widget re-export them. A retired code is never reused.
 */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  FORBIDDEN_ORIGIN: 'FORBIDDEN_ORIGIN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PASS_REQUIRED: 'PASS_REQUIRED',
  /** The learner restricted processing of their data: no feedback, questions or suggestions. */
  PROCESSING_RESTRICTED: 'PROCESSING_RESTRICTED',
  /** The learner must confirm the tenant's minimum age (`privacy.confirmAge`) first. */
  AGE_CONFIRMATION_REQUIRED: 'AGE_CONFIRMATION_REQUIRED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

interface ErrorSpec {
  /** HTTP status used by plain routes and by tRPC's HTTP adapter. */
  status: number;
  /** The tRPC code whose HTTP status matches `status`. */
  trpc:
    | 'BAD_REQUEST'
    | 'UNAUTHORIZED'
    | 'FORBIDDEN'
    | 'NOT_FOUND'
    | 'CONFLICT'
    | 'PAYMENT_REQUIRED'
    | 'PAYLOAD_TOO_LARGE'
    | 'TOO_MANY_REQUESTS'
    | 'SERVICE_UNAVAILABLE'
    | 'INTERNAL_SERVER_ERROR';
  /** Safe to show to a learner; the widget has translations keyed by code. */
  message: string;
}

/** Code → status and default message, in one table (Fastify's habit). */
export const errorTable: Record<ErrorCode, ErrorSpec> = {
  VALIDATION_FAILED: { status: 400, trpc: 'BAD_REQUEST', message: 'The request was not valid.' },
  UNAUTHENTICATED: { status: 401, trpc: 'UNAUTHORIZED', message: 'Please sign in again.' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN', message: 'You do not have access to this.' },
  FORBIDDEN_ORIGIN: {
    status: 403,
    trpc: 'FORBIDDEN',
    message: 'This site is not allowed to use this Interview Studio key.',
  },
  NOT_FOUND: { status: 404, trpc: 'NOT_FOUND', message: 'That could not be found.' },
  CONFLICT: {
    status: 409,
    trpc: 'CONFLICT',
    message: 'This was changed somewhere else. Reload and try again.',
  },
  PASS_REQUIRED: {
    status: 402,
    trpc: 'PAYMENT_REQUIRED',
    message: 'You have used your free practice. A pass unlocks more.',
  },
  PROCESSING_RESTRICTED: {
    status: 403,
    trpc: 'FORBIDDEN',
    message:
      'You have restricted the processing of your data, so no questions, scores or feedback are produced. Lift the restriction in your privacy settings to practise again.',
  },
  AGE_CONFIRMATION_REQUIRED: {
    status: 403,
    trpc: 'FORBIDDEN',
    message: 'Please confirm your age before you start.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE', message: 'That is too long.' },
  RATE_LIMITED: {
    status: 429,
    trpc: 'TOO_MANY_REQUESTS',
    message: 'Too many requests. Please wait a moment.',
  },
  UNAVAILABLE: {
    status: 503,
    trpc: 'SERVICE_UNAVAILABLE',
    message: 'The service is briefly unavailable. Please try again.',
  },
  INTERNAL: { status: 500, trpc: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.' },
};

export interface AppErrorOptions {
  /** Extra machine-readable facts (never answer text, tokens or keys). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The only error class the app throws on purpose. Check it with `isAppError`, not instanceof. */
export class AppError extends Error {
  readonly kind = 'AppError' as const;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, options: AppErrorOptions = {}) {
    super(message ?? errorTable[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return errorTable[this.code].status;
  }
}

export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'AppError' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCode, value);
}
