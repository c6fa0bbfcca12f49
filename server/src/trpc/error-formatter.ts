/**
 * The one place that turns failures into what callers see: every tRPC error carries
 * `data.appCode` (an `ErrorCode`), validation errors list their issues, and internal
 * messages are masked outside development.
 */
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { AppError, ErrorCode, errorTable, isAppError } from '../errors.js';

const appCodeByTrpcCode: Partial<Record<TRPCError['code'], ErrorCode>> = {
  BAD_REQUEST: 'VALIDATION_FAILED',
  PARSE_ERROR: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_SUPPORTED: 'VALIDATION_FAILED',
  CONFLICT: 'CONFLICT',
  PAYMENT_REQUIRED: 'PASS_REQUIRED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'VALIDATION_FAILED',
  UNPROCESSABLE_CONTENT: 'VALIDATION_FAILED',
  PRECONDITION_FAILED: 'CONFLICT',
  NOT_IMPLEMENTED: 'NOT_FOUND',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  TIMEOUT: 'UNAVAILABLE',
  CLIENT_CLOSED_REQUEST: 'UNAVAILABLE',
  BAD_GATEWAY: 'UNAVAILABLE',
  SERVICE_UNAVAILABLE: 'UNAVAILABLE',
  GATEWAY_TIMEOUT: 'UNAVAILABLE',
};

/** Converts an AppError into the TRPCError whose HTTP status matches its code. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: errorTable[error.code].trpc, message: error.message, cause: error });
}

export interface ErrorData {
  appCode: ErrorCode;
  issues?: { path: string; message: string }[];
  details?: Record<string, unknown>;
}

/** What every error shape adds to tRPC's default one. */
export function describeError(
  error: TRPCError,
  maskInternal: boolean,
): { message: string; data: ErrorData } {
  const cause = error.cause;
  let appCode: ErrorCode = appCodeByTrpcCode[error.code] ?? 'INTERNAL';
  let message = error.message;
  const data: ErrorData = { appCode };
  if (isAppError(cause)) {
    data.appCode = appCode = cause.code;
    if (cause.details) data.details = cause.details;
  } else if (cause instanceof ZodError) {
    data.appCode = appCode = 'VALIDATION_FAILED';
    message = errorTable.VALIDATION_FAILED.message;
    data.issues = cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  if (appCode === 'INTERNAL' && maskInternal) message = errorTable.INTERNAL.message;
  return { message, data };
}
