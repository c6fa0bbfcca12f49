/** Document <-> record conversions shared by the aggregate modules. */
import { AppError } from '../../errors.js';

export function iso(date: Date): string {
  return date.toISOString();
}

export function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

/** An ISO time from a record as a BSON date; VALIDATION_FAILED when it is not a time. */
export function toDate(value: string, what: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('VALIDATION_FAILED', `${what} is not a valid time.`);
  return date;
}

/** Copies only the keys whose value is defined (a patch's undefined means "leave as is"). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
