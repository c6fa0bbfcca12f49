/**
 * Paging shared by every `Store` adapter: lists are newest first by (createdAt, id), and a
 * cursor is the opaque position of the last item a page returned.
 */
import { AppError } from '../errors.js';

export const MIN_PAGE_LIMIT = 1;
export const MAX_PAGE_LIMIT = 100;

/** Where a page ended: the last item's creation time and id (the id breaks ties). */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

/** Bounds a requested page size to 1..100 (a fraction rounds down; nonsense gives the max). */
export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_PAGE_LIMIT;
  return Math.min(MAX_PAGE_LIMIT, Math.max(MIN_PAGE_LIMIT, Math.floor(limit)));
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** Throws VALIDATION_FAILED for anything `encodeCursor` did not produce. */
export function decodeCursor(cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  ) {
    throw new AppError('VALIDATION_FAILED', 'The page cursor is not valid.');
  }
  return { createdAt: parsed[0], id: parsed[1] };
}
