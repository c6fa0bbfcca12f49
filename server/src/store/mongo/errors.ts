/**
 * Driver quirks stay here: MongoDB and mongoose errors become the store's own vocabulary
 * (Payload's habit). A broken unique index is CONFLICT, a schema rule is VALIDATION_FAILED,
 * and anything that says "the database cannot be reached right now" is a retryable
 * UNAVAILABLE, so a lost connection fails the request (and /readyz) instead of the process.
 */
import mongoose from 'mongoose';
import { AppError } from '../../errors.js';
import { TenantScopeViolation } from './tenant-scope.js';

const { mongo } = mongoose;

/** Server codes for a duplicate key (11000 today; 11001 and 12582 from older servers). */
const DUPLICATE_KEY_CODES = new Set([11000, 11001, 12582]);

/**
 * Server error codes that mean "try again": the driver's retryable-read/write set (primary
 * stepped down, shutting down, host unreachable, network timeout, …) plus time limits.
 */
const RETRYABLE_SERVER_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  50, // MaxTimeMSExpired
  89, // NetworkTimeout
  91, // ShutdownInProgress
  134, // ReadConcernMajorityNotAvailableYet
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

/** Error labels the driver and server attach to errors worth retrying. */
const RETRYABLE_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResetPool', 'SystemOverloadedError'];

function codeOf(error: unknown): number | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : null;
}

/** True when `error` is a duplicate key; with `field`, only when that field is part of the key. */
export function isDuplicateKey(error: unknown, field?: string): boolean {
  const code = codeOf(error);
  if (code === null || !DUPLICATE_KEY_CODES.has(code)) return false;
  if (field === undefined) return true;
  const keyPattern = (error as { keyPattern?: unknown }).keyPattern;
  if (keyPattern && typeof keyPattern === 'object') return Object.hasOwn(keyPattern, field);
  // Servers before 4.4 send no keyPattern; the message names the index.
  return String((error as Error).message).includes(field);
}

function isValidation(error: unknown): boolean {
  return (
    error instanceof mongoose.Error.ValidationError ||
    error instanceof mongoose.Error.CastError ||
    error instanceof mongoose.Error.StrictModeError ||
    codeOf(error) === 121 // DocumentValidationFailure (a server-side validator)
  );
}

/** True when the database could not be reached, or asked to be retried. */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof mongo.MongoNetworkError || // includes MongoNetworkTimeoutError
    error instanceof mongo.MongoServerSelectionError ||
    error instanceof mongo.MongoNotConnectedError ||
    error instanceof mongo.MongoTopologyClosedError ||
    error instanceof mongo.MongoClientClosedError ||
    error instanceof mongo.MongoServerClosedError ||
    error instanceof mongo.MongoOperationTimeoutError ||
    error instanceof mongoose.Error.MongooseServerSelectionError
  ) {
    return true;
  }
  if (error instanceof mongo.MongoError && RETRYABLE_LABELS.some((label) => error.hasErrorLabel(label))) return true;
  const code = codeOf(error);
  return code !== null && RETRYABLE_SERVER_CODES.has(code);
}

export function unavailable(cause?: unknown, message = 'The MongoDB store cannot be reached right now.'): AppError {
  return new AppError('UNAVAILABLE', message, { cause, details: { retryable: true } });
}

/**
 * Turns a driver or mongoose error into an AppError; AppErrors and tenant-scope violations
 * (programming errors, logged as INTERNAL) pass through unchanged.
 */
export function translateError(error: unknown, conflictMessage = 'This record already exists.'): unknown {
  if (error instanceof AppError || error instanceof TenantScopeViolation) return error;
  if (isDuplicateKey(error)) return new AppError('CONFLICT', conflictMessage, { cause: error });
  if (isValidation(error)) {
    return new AppError('VALIDATION_FAILED', `The record is not valid: ${(error as Error).message}`, { cause: error });
  }
  if (isUnavailable(error)) return unavailable(error);
  return error;
}

/** Runs one store operation and translates whatever it throws. */
export async function translated<T>(
  operation: () => Promise<T>,
  conflictMessage = 'This record already exists.',
): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translateError(error, conflictMessage);
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found.`);
}
