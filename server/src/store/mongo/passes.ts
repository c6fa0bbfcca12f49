import type { PassGrant, TenantStore } from '../store.js';
import type { Pass } from '../records.js';
import { passWindow } from '../../billing/pass-window.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { PassDoc, PendingGrantDoc, SeatPoolDoc } from './documents.js';
import { translated } from './errors.js';
import type { MongoContext } from './models.js';
import { newestFirst } from './paging.js';
import { finishSeatReturns, revokePassDoc } from './pass-revocation.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull, toDate } from './transform.js';
import { inSession, isTolerableDuplicate, type Session } from './write-units.js';

export function toPass(doc: PassDoc): Pass {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    type: doc.type,
    source: doc.source,
    startsAt: iso(doc.startsAt),
    expiresAt: iso(doc.expiresAt),
    revokedAt: isoOrNull(doc.revokedAt),
    purchaseId: doc.purchaseId,
    reminderSentAt: isoOrNull(doc.reminderSentAt),
    // A seat on its way back is back: the revocation that returns it is committed (pass-revocation.ts).
    seat: doc.seat === 'returning' ? 'returned' : (doc.seat ?? null),
    createdAt: iso(doc.createdAt),
  };
}

function noSeats(message: string): AppError {
  return new AppError('CONFLICT', message, { details: { reason: 'no-seats' } });
}

/**
 * The learner's unrevoked passes that have not ended at `now`: what a new pass stacks after
 * (`passWindow`). Served by `passes_tenant_learner_created`.
 */
export async function livePasses(context: MongoContext, tenantId: string, learnerId: string, now: Date, session: Session): Promise<Pass[]> {
  const docs = await context.models.Pass.find(
    { learnerId, revokedAt: null, expiresAt: { $gt: now } },
    null,
    inTenant(tenantId, inSession(session)),
  ).lean<PassDoc[]>();
  return docs.map(toPass);
}

/** Journaled grants (pendingGrants) are seat grants: their pass holds the seat. */
function grantedPass(tenantId: string, grant: PendingGrantDoc, seat: 'held' | null = 'held'): PassDoc {
  return {
    _id: grant.passId,
    tenantId,
    learnerId: grant.learnerId,
    type: grant.type,
    source: grant.source,
    startsAt: grant.startsAt,
    expiresAt: grant.expiresAt,
    revokedAt: null,
    purchaseId: null,
    reminderSentAt: null,
    seat,
    createdAt: grant.createdAt,
  };
}

/**
 * Seat grants. A grant that uses a seat writes two documents: the tenant's seat pool and the
 * pass. In a transaction (replica set) they commit together. Without one (standalone) the
 * order below makes the outcome exactly-once whatever point a crash stops it at:
 *
 * 1. take the seat and, in the same single-document update, journal the pass to create
 *    (`pendingGrants` in the pool: its id, learner, type and window);
 * 2. insert the pass under that id (a duplicate `_id` means it already exists);
 * 3. remove the journal entry.
 *
 * A crash after 1 leaves a taken seat with its pass journaled; `completePendingGrants` (run by
 * the next grant, `seats.balance` or `seats.adjust` of the tenant) replays 2 and 3, so every
 * taken seat ends as exactly one pass. Replaying is harmless while the original grant is still
 * running: both insert the same `_id`. Erasure drops a learner's journal entries with their
 * passes (privacy.ts), so a replay can never bring an erased learner's pass back.
 *
 * Revoking (the seat given back, the queue moved up) has its own order: pass-revocation.ts.
 */
export function preparePasses(context: MongoContext): {
  passes: (tenantId: string) => TenantStore['passes'];
  seats: (tenantId: string) => TenantStore['seats'];
} {
  const {
    models: { Pass, SeatPool },
    clock,
    units,
  } = context;

  /** Inserts the journaled pass unless it exists already. */
  async function insertGrantedPass(doc: PassDoc, session: Session): Promise<void> {
    try {
      await Pass.create([doc], inSession(session));
    } catch (error) {
      if (!isTolerableDuplicate(error, session, '_id')) throw error;
    }
  }

  async function dropJournalEntry(tenantId: string, passId: string, session: Session): Promise<void> {
    await SeatPool.updateOne({}, { $pull: { pendingGrants: { passId } } }, inTenant(tenantId, inSession(session)));
  }

  /** Finishes the seat grants a crash interrupted (see above); returns the pool as it is then. */
  async function completePendingGrants(tenantId: string): Promise<SeatPoolDoc | null> {
    const pool = await SeatPool.findOne({}, null, inTenant(tenantId)).lean<SeatPoolDoc>();
    if (!pool || pool.pendingGrants.length === 0) return pool;
    for (const grant of pool.pendingGrants) {
      await units.run(async (session) => {
        await insertGrantedPass(grantedPass(tenantId, grant), session);
        await dropJournalEntry(tenantId, grant.passId, session);
      });
    }
    return SeatPool.findOne({}, null, inTenant(tenantId)).lean<SeatPoolDoc>();
  }

  async function grant(tenantId: string, input: PassGrant): Promise<Pass> {
    if (input.useSeat) {
      await finishSeatReturns(context, tenantId);
      await completePendingGrants(tenantId);
    }
    return units.run(async (session) => {
      const now = clock();
      const window = passWindow(await livePasses(context, tenantId, input.learnerId, now, session), now, input.days);
      const entry: PendingGrantDoc = {
        passId: newId('pas'),
        learnerId: input.learnerId,
        type: input.type,
        source: input.source,
        startsAt: toDate(window.startsAt, 'startsAt'),
        expiresAt: toDate(window.expiresAt, 'expiresAt'),
        createdAt: now,
      };
      const doc = grantedPass(tenantId, entry, input.useSeat ? 'held' : null);
      // Refused before the seat is taken, so a pass that cannot be stored never costs a seat.
      await new Pass(doc).validate();
      if (!input.useSeat) {
        await Pass.create([doc], inSession(session));
        return toPass(doc);
      }
      // 1. One conditional $inc: of racing grants for the last seat exactly one matches.
      const taken = await SeatPool.findOneAndUpdate(
        { balance: { $gte: 1 } },
        { $inc: { balance: -1 }, $push: { pendingGrants: entry } },
        inTenant(tenantId, { ...inSession(session), projection: { _id: 1 } }),
      ).lean();
      if (!taken) throw noSeats('No seats are left in the pool. Add seats before granting more passes.');
      // 2 and 3.
      await insertGrantedPass(doc, session);
      await dropJournalEntry(tenantId, entry.passId, session);
      return toPass(doc);
    });
  }

  async function balance(tenantId: string): Promise<number> {
    await finishSeatReturns(context, tenantId);
    return (await completePendingGrants(tenantId))?.balance ?? 0;
  }

  /**
   * One `$inc` on the tenant's pool document. Adding upserts it (a racing first insert that
   * loses on the unique tenantId index runs again as an update); removing matches only while
   * enough seats remain, so the balance never drops below 0 however many callers race.
   */
  async function adjust(tenantId: string, delta: number): Promise<number> {
    const current = await balance(tenantId);
    if (delta === 0) return current;
    if (delta > 0) {
      const options = inTenant(tenantId, { upsert: true, returnDocument: 'after' as const });
      for (let attempt = 1; ; attempt += 1) {
        try {
          const pool = await SeatPool.findOneAndUpdate({}, { $inc: { balance: delta } }, options).lean<SeatPoolDoc>();
          return pool?.balance ?? delta;
        } catch (error) {
          if (attempt < 3 && isTolerableDuplicate(error, null, 'tenantId')) continue;
          throw error;
        }
      }
    }
    const pool = await SeatPool.findOneAndUpdate(
      { balance: { $gte: -delta } },
      { $inc: { balance: delta } },
      inTenant(tenantId, { returnDocument: 'after' as const }),
    ).lean<SeatPoolDoc>();
    if (pool) return pool.balance;
    const now = (await SeatPool.findOne({}, { balance: 1 }, inTenant(tenantId)).lean<Pick<SeatPoolDoc, 'balance'>>())?.balance ?? 0;
    throw noSeats(`The pool has ${now} seats; it cannot lose ${-delta}.`);
  }

  return {
    passes: (tenantId) => ({
      create: (input) =>
        translated(async () => {
          const doc = await Pass.create({
            _id: newId('pas'),
            tenantId,
            learnerId: input.learnerId,
            type: input.type,
            source: input.source,
            startsAt: toDate(input.startsAt, 'startsAt'),
            expiresAt: toDate(input.expiresAt, 'expiresAt'),
            revokedAt: null,
            purchaseId: input.purchaseId,
            reminderSentAt: null,
            seat: null,
          });
          return toPass(doc.toObject());
        }, 'The pass already exists.'),
      get: (id) =>
        translated(async () => {
          const doc = await Pass.findOne({ _id: id }, null, inTenant(tenantId)).lean<PassDoc>();
          return doc ? toPass(doc) : null;
        }),
      listForLearner: (learnerId) =>
        translated(async () => {
          const docs = await Pass.find({ learnerId }, null, inTenant(tenantId, newestFirst)).lean<PassDoc[]>();
          return docs.map(toPass);
        }),
      revoke: (id) => translated(async () => toPass(await revokePassDoc(context, tenantId, id))),
      grant: (input) =>
        translated(async () => {
          if (!Number.isInteger(input.days) || input.days < 1) {
            throw new AppError('VALIDATION_FAILED', 'A pass lasts at least one whole day.');
          }
          return grant(tenantId, input);
        }, 'The pass already exists.'),
      markReminded: (id) =>
        translated(async () => {
          // Conditional: of racing reminder runs only the first sets it.
          const result = await Pass.updateOne({ _id: id, reminderSentAt: null }, { $set: { reminderSentAt: clock() } }, inTenant(tenantId));
          return result.modifiedCount === 1;
        }),
    }),
    seats: (tenantId) => ({
      balance: () => translated(() => balance(tenantId)),
      adjust: (delta) =>
        translated(async () => {
          if (!Number.isInteger(delta)) throw new AppError('VALIDATION_FAILED', 'Seats are whole numbers.');
          return adjust(tenantId, delta);
        }, 'The seat pool changed.'),
    }),
  };
}
