/**
 * What revoking a pass writes in the MongoDB store besides `revokedAt`: the learner's queued
 * passes move up (`rechainQueued`), and a seat pass revoked early gives its seat back
 * (`seatReturnable`). One write unit (write-units.ts); on a standalone server, this order of
 * idempotent writes:
 *
 *   1. the pass: `revokedAt` set only while unset, so of racing revokes exactly one matches; a
 *      seat pass that may return its seat (`seat: 'held'`, started after `seatReturnCutoff`)
 *      goes to `seat: 'returning'` in that same single-document update
 *   2. (returning) the seat pool: `$inc balance` with `$push returnedSeats: passId`, only while
 *      the id is not in `returnedSeats`: a pass gives its seat back once, however often this
 *      step runs or races itself (the list is why: without a transaction nothing else can tie
 *      the pool's counter to the pass)
 *   3. (returning) the pass: `seat: 'returned'`
 *   4. the learner's queued passes: each set to the window `rechainQueued` computes, with a
 *      compare-and-set on its old window, so a racing re-chain that moved it first wins
 *
 * Steps 2 to 4 run on every revoke of the pass, a repeated one too, so a crash after step 1 is
 * completed by revoking it again; `finishSeatReturns` (run by the tenant's `seats.balance`,
 * `seats.adjust` and seat grants) completes every pass left `returning` without that. A refund
 * (billing-flows.ts) runs step 4 after revoking the purchase's pass on every delivery of its
 * event, so the redelivery completes it.
 */
import { rechainQueued, seatReturnCutoff } from '../../billing/pass-window.js';
import type { PassDoc } from './documents.js';
import { notFound } from './errors.js';
import type { MongoContext } from './models.js';
import { inTenant } from './tenant-scope.js';
import { iso, toDate } from './transform.js';
import { inSession, type Session } from './write-units.js';

const AFTER = { returnDocument: 'after' as const };

/** Step 4: moves the learner's queued passes up after a revocation at `now`. */
export async function rechainLearner(context: MongoContext, tenantId: string, learnerId: string, now: Date, session: Session): Promise<void> {
  const { Pass } = context.models;
  const scope = inTenant(tenantId, inSession(session));
  const live = await Pass.find({ learnerId, revokedAt: null, expiresAt: { $gt: now } }, null, scope).lean<PassDoc[]>();
  const windows = live.map((doc) => ({ id: doc._id, startsAt: iso(doc.startsAt), expiresAt: iso(doc.expiresAt), revokedAt: null, createdAt: iso(doc.createdAt) }));
  const before = new Map(live.map((doc) => [doc._id, doc]));
  for (const move of rechainQueued(windows, now)) {
    const old = before.get(move.id) as PassDoc;
    await Pass.updateOne(
      { _id: move.id, revokedAt: null, startsAt: old.startsAt, expiresAt: old.expiresAt },
      { $set: { startsAt: toDate(move.startsAt, 'startsAt'), expiresAt: toDate(move.expiresAt, 'expiresAt') } },
      scope,
    );
  }
}

/** Steps 2 and 3 for a pass in `seat: 'returning'`. */
async function finishSeatReturn(context: MongoContext, tenantId: string, pass: PassDoc, session: Session): Promise<PassDoc> {
  const { Pass, SeatPool } = context.models;
  await SeatPool.updateOne(
    { returnedSeats: { $ne: pass._id } },
    { $inc: { balance: 1 }, $push: { returnedSeats: pass._id } },
    inTenant(tenantId, inSession(session)),
  );
  const done = await Pass.findOneAndUpdate(
    { _id: pass._id, seat: 'returning' },
    { $set: { seat: 'returned' } },
    inTenant(tenantId, { ...inSession(session), ...AFTER }),
  ).lean<PassDoc>();
  return done ?? { ...pass, seat: 'returned' };
}

/** Revokes the pass (steps 1 to 4). NOT_FOUND for an unknown id; revoking again keeps the first time. */
export async function revokePassDoc(context: MongoContext, tenantId: string, id: string): Promise<PassDoc> {
  const { models: { Pass }, clock, units } = context;
  return units.run(async (session) => {
    const now = clock();
    const scope = (extra: object = {}) => inTenant(tenantId, { ...inSession(session), ...extra });
    let doc =
      (await Pass.findOneAndUpdate(
        { _id: id, revokedAt: null, seat: 'held', startsAt: { $gt: toDate(seatReturnCutoff(now), 'cutoff') } },
        { $set: { revokedAt: now, seat: 'returning' } },
        scope(AFTER),
      ).lean<PassDoc>()) ??
      (await Pass.findOneAndUpdate({ _id: id, revokedAt: null }, { $set: { revokedAt: now } }, scope(AFTER)).lean<PassDoc>()) ??
      (await Pass.findOne({ _id: id }, null, scope()).lean<PassDoc>());
    if (!doc) throw notFound('Pass');
    if (doc.seat === 'returning') doc = await finishSeatReturn(context, tenantId, doc, session);
    await rechainLearner(context, tenantId, doc.learnerId, now, session);
    return doc;
  });
}

/** Completes the revocations a crash left with their seat `returning` (see the header). */
export async function finishSeatReturns(context: MongoContext, tenantId: string): Promise<void> {
  const { models: { Pass }, clock, units } = context;
  const stuck = await Pass.find({ seat: 'returning' }, null, inTenant(tenantId)).lean<PassDoc[]>();
  for (const pass of stuck) {
    await units.run(async (session) => {
      await finishSeatReturn(context, tenantId, pass, session);
      await rechainLearner(context, tenantId, pass.learnerId, clock(), session);
    });
  }
}
