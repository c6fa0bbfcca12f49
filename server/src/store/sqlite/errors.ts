import { AppError } from '../../errors.js';

function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * Runs a write and turns the driver's constraint errors into the store's own vocabulary:
 * a broken unique index is CONFLICT (with `conflictMessage`), and a missing tenant row behind a
 * foreign key is NOT_FOUND. Anything else is rethrown as is.
 */
export function translateConstraints<T>(conflictMessage: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new AppError('CONFLICT', conflictMessage, { cause: error });
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError('NOT_FOUND', 'The tenant does not exist.', { cause: error });
    }
    throw error;
  }
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} was not found.`);
}
