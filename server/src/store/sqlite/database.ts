import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/** What every aggregate module of the SQLite store is built from. */
export interface SqliteContext {
  readonly db: Database.Database;
  /** The injected clock, as the ISO string every timestamp column holds. */
  now(): string;
  clock(): Date;
}

/**
 * Opens (creating if needed) the database file, sets the connection pragmas and applies any
 * pending migrations. `':memory:'` gives a private in-memory database.
 */
export function openSqliteDatabase(file: string, clock: () => Date = () => new Date()): Database.Database {
  if (file !== ':memory:' && file !== '' && !file.startsWith('file:')) {
    mkdirSync(dirname(file), { recursive: true });
  }
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only power loss can drop the
    // last commits, in exchange for no fsync per transaction.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not left in free pages: an erased learner's
    // answers must not survive in the file (privacy/erasure.ts).
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, undefined, clock);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
