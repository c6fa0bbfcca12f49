/**
 * The widget speaks the server's error vocabulary: every failure becomes one stable code, which
 * the locale tables turn into a sentence a learner can act on. `MISCONFIGURED` is the widget's
 * own, for a page that embedded it without a usable key or URL.
 */
import { getErrorCode, type ErrorCode } from '@interview-studio/sdk';

export type StudioErrorCode = ErrorCode | 'MISCONFIGURED';

export const STUDIO_ERROR_CODES: readonly StudioErrorCode[] = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FORBIDDEN_ORIGIN',
  'NOT_FOUND',
  'CONFLICT',
  'PASS_REQUIRED',
  'PROCESSING_RESTRICTED',
  'AGE_CONFIRMATION_REQUIRED',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
  'MISCONFIGURED',
];

/** An error the widget raises itself, recognisable across bundles by `kind`. */
export class StudioError extends Error {
  readonly kind = 'InterviewStudioWidgetError' as const;
  constructor(
    readonly code: StudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}

/** The stable code of anything a call rejected with; unknown exceptions count as INTERNAL. */
export function errorCodeOf(error: unknown): StudioErrorCode {
  if (typeof error === 'object' && error !== null && (error as { kind?: unknown }).kind === 'InterviewStudioWidgetError') {
    return (error as StudioError).code;
  }
  return getErrorCode(error) ?? 'INTERNAL';
}

/** Details the server attached to an error (such as `{ action: 'feedback' }` on PASS_REQUIRED). */
export function errorDetailsOf(error: unknown): Record<string, unknown> {
  const details = (error as { details?: unknown } | null)?.details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

/** True for a call the widget itself cancelled (navigating away); such failures are not shown. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}
