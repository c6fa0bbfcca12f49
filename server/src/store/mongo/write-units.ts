/**
 * Operations that write several documents (payments, seat grants, erasure, purge) run as one
 * "write unit". The same code serves both deployments:
 *
 * - Replica set or sharded cluster (detected once at connect, `hello`): the unit runs inside a
 *   MongoDB transaction (`connection.transaction()`, i.e. `session.withTransaction`), so its
 *   writes commit together or not at all. The driver retries the whole unit on transient errors
 *   (write conflicts, failover). A duplicate key aborts a transaction; since it means a racing
 *   writer committed first, the unit is run again once more on the now-committed state.
 * - Standalone server (no transactions): the unit's writes run in the order written, without a
 *   session. Every unit is therefore written as an order of idempotent writes keyed by natural
 *   unique ids (upserts with `$setOnInsert`, conditional updates), with the write that marks the
 *   work done last, so that running it again after a crash at any point completes the work
 *   exactly once. Each module documents its order next to the code.
 *
 * The offline contract suite runs against a standalone fake, so it exercises the second path;
 * the first is the same code inside a transaction (its wiring is checked by the adapter test
 * against the fake posing as a replica-set member, which cannot show isolation or rollback).
 */
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKey } from './errors.js';

/** A transaction's session, or null when the unit runs without one (standalone server). */
export type Session = mongo.ClientSession | null;

export interface WriteUnits {
  /** True when multi-document writes run as transactions (replica set or mongos). */
  readonly transactions: boolean;
  /** Runs `work` as one unit: in a transaction when available, else directly with `null`. */
  run<T>(work: (session: Session) => Promise<T>): Promise<T>;
}

/** How often a unit aborted by a duplicate key (a racing writer committed first) runs again. */
const DUPLICATE_KEY_RERUNS = 2;

export function prepareWriteUnits(connection: Connection, transactions: boolean): WriteUnits {
  return {
    transactions,
    async run<T>(work: (session: Session) => Promise<T>): Promise<T> {
      if (!transactions) return work(null);
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await connection.transaction<T>((session) => work(session));
        } catch (error) {
          if (attempt < DUPLICATE_KEY_RERUNS && isDuplicateKey(error)) continue;
          throw error;
        }
      }
    },
  };
}

/** The query or write options that put an operation into the unit's transaction, if any. */
export function inSession(session: Session): { session?: mongo.ClientSession } {
  return session ? { session } : {};
}

/**
 * True when `error` is a duplicate key the unit may treat as "already done". Only outside a
 * transaction: inside one the server has aborted the transaction, so the error must propagate
 * (the unit then runs again, see `run`).
 */
export function isTolerableDuplicate(error: unknown, session: Session, field?: string): boolean {
  return session === null && isDuplicateKey(error, field);
}
