/**
 * Data-subject operations of the MongoDB store (contract: privacy.contract.ts): erasure, the
 * purge that completes it, the inactive-learner query of retention, and the privacy audit trail.
 *
 * Every collection that can hold a learner's data is handled here: `LEARNER_COLLECTIONS`
 * (deleted through their `tenantId, learnerId` indexes), usage counters (subject
 * `learner:<id>`), outbox e-mails (by learner id or address), the seat pool's journaled grants
 * (passes.ts), the learner document itself; purchases and audit entries are kept with the
 * learner link severed. A new collection holding learner data must be added here.
 *
 * Erasure writes many documents, as one write unit (write-units.ts): a transaction on a
 * replica set; on a standalone server this order, each step idempotent:
 *
 *   1. the `learner_erasures` record, FIRST (an open erasure of the same learner is reused:
 *      the unique partial `(tenantId, learnerId)` index allows one). From here on sign-in
 *      refuses the subject (`findErasure`) and the purge knows the learner id to sweep;
 *   2. the `erasure` audit entry, under an id derived from the erasure's, so it is written once;
 *   3. delete the learner's sessions, answers, STAR drafts, passes, usage counters, e-mails
 *      and journaled seat grants; sever their purchases and audit entries;
 *   4. delete the learner document, last.
 *
 * A crash mid-way leaves an open erasure: the purge (hourly) sweeps everything of that learner
 * again (step 3 and 4), exactly as it sweeps rows written by requests in flight at the moment
 * of the erasure, and an erase called again finishes the same record.
 *
 * What the adapter cannot remove: copies MongoDB itself keeps outside the collections (the
 * oplog of a replica set for its window, free pages until reused, backups). Their retention is
 * the operator's (README, "Running on MongoDB").
 */
import type { TenantStore } from '../store.js';
import type { ErasureInput, ErasureResult, LearnerErasure, PrivacyActor, PrivacyAuditEntry, PurgeReport } from '../records.js';
import { newId } from '../ids.js';
import type { AuditDoc, ErasureDoc, LearnerDoc, OutboxDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import { toLearner } from './learners.js';
import type { MongoContext } from './models.js';
import { toOutboxEmail } from './outbox.js';
import { findPage } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull, toDate } from './transform.js';
import { inSession, type Session } from './write-units.js';

function toErasure(doc: ErasureDoc): LearnerErasure {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    subjectHash: doc.subjectHash,
    erasedAt: iso(doc.erasedAt),
    purgeDueAt: iso(doc.purgeDueAt),
    forgetAt: iso(doc.forgetAt),
    purgedAt: isoOrNull(doc.purgedAt),
  };
}

function toActor(actor: AuditDoc['actor']): PrivacyActor {
  return actor.kind === 'learner' ? { kind: 'learner' } : { kind: actor.kind, id: actor.id ?? '' };
}

function toAuditEntry(doc: AuditDoc): PrivacyAuditEntry {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    learnerRef: doc.learnerRef,
    action: doc.action,
    actor: toActor(doc.actor),
    details: doc.details,
    createdAt: iso(doc.createdAt),
  };
}

/** Usage counters of one learner are kept under this subject (practice/entitlement.ts). */
const usageSubject = (learnerId: string) => `learner:${learnerId}`;

/** A reference for purchases written for an erased learner after the erasure (no link to anything). */
const strayReference = () => newId('erased');

/** The `erasure` audit entry's id: derived from the erasure's, so a repeated step 2 writes it once. */
const erasureAuditId = (erasureId: string) => `aud_${erasureId.slice(erasureId.indexOf('_') + 1)}`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whatever matches a learner's id, when set (the partial `… learnerId` indexes hold only those). */
const ofLearner = (learnerId: string) => ({ learnerId: { $eq: learnerId, $type: 'string' as const } });

export function prepareErasureAndAudit(context: MongoContext): (tenantId: string) => TenantStore['privacy'] {
  const {
    models: { Answer, InterviewSession, Learner, LearnerErasure, OutboxEmail, Pass, PrivacyAudit, Purchase, SeatPool, StarDraft, UsageCounter },
    clock,
    units,
  } = context;

  type Scope = ReturnType<typeof inTenant>;
  /** Collections whose documents belong to one learner through `learnerId`; erasure deletes them. */
  const LEARNER_COLLECTIONS: [string, (learnerId: string, scope: Scope) => Promise<{ deletedCount: number }>][] = [
    ['answers', (learnerId, scope) => Answer.deleteMany({ learnerId }, scope)],
    ['interview_sessions', (learnerId, scope) => InterviewSession.deleteMany({ learnerId }, scope)],
    ['star_drafts', (learnerId, scope) => StarDraft.deleteMany({ learnerId }, scope)],
    ['passes', (learnerId, scope) => Pass.deleteMany({ learnerId }, scope)],
  ];

  /** Step 3 (deletions): the learner's own documents; the count per kind. */
  async function deleteDocumentsOf(tenantId: string, learnerId: string, email: string | null, session: Session) {
    const scope = inTenant(tenantId, inSession(session));
    const removed: Record<string, number> = {};
    for (const [name, deleteOf] of LEARNER_COLLECTIONS) removed[name] = (await deleteOf(learnerId, scope)).deletedCount;
    removed['usage_counters'] = (await UsageCounter.deleteMany({ subject: usageSubject(learnerId) }, scope)).deletedCount;
    // E-mails to them: by learner id, or queued without it to their address (any case).
    const toThem = email === null ? [] : [{ to: { $regex: `^${escapeRegExp(email)}$`, $options: 'i' } }];
    removed['outbox_emails'] = (await OutboxEmail.deleteMany({ $or: [{ learnerId }, ...toThem] }, scope)).deletedCount;
    // Seat grants journaled for them (passes.ts) must not bring a pass back later.
    await SeatPool.updateOne({}, { $pull: { pendingGrants: { learnerId } } }, scope);
    return removed;
  }

  /** Step 3 (severing): purchases and audit entries stay, without the learner id. */
  async function severFrom(tenantId: string, learnerId: string, reference: string | null, purchaseReference: string, session: Session) {
    const scope = inTenant(tenantId, inSession(session));
    const purchases = await Purchase.updateMany({ learnerId }, { $set: { learnerId: null, learnerRef: purchaseReference } }, scope);
    // The audit keeps its reference when the sweep has none to give (COALESCE in the SQLite store).
    const audit = await PrivacyAudit.updateMany({ learnerId }, { $set: { learnerId: null, ...(reference ? { learnerRef: reference } : {}) } }, scope);
    return { purchases: purchases.modifiedCount, audit: audit.modifiedCount };
  }

  async function erase(tenantId: string, learnerId: string, input: ErasureInput, session: Session): Promise<ErasureResult> {
    const scope = (extra: object = {}) => inTenant(tenantId, { ...inSession(session), ...extra });
    const learner = await Learner.findOne({ _id: learnerId }, { email: 1 }, scope()).lean<Pick<LearnerDoc, 'email'>>();
    if (!learner) throw notFound('Learner');
    const now = clock();
    // 1. The erasure record (or the open one of an erasure a crash interrupted).
    const erasure = await LearnerErasure.findOneAndUpdate(
      { learnerId },
      {
        $setOnInsert: {
          _id: newId('era'),
          subjectHash: input.subjectHash,
          erasedAt: now,
          purgeDueAt: toDate(input.purgeDueAt, 'purgeDueAt'),
          forgetAt: toDate(input.forgetAt, 'forgetAt'),
          purgedAt: null,
        },
      },
      scope({ upsert: true, returnDocument: 'after' as const }),
    ).lean<ErasureDoc>();
    if (!erasure) throw notFound('Erasure');
    // 2. Who erased and why, under the reference, written once.
    await PrivacyAudit.updateOne(
      { _id: erasureAuditId(erasure._id) },
      {
        $setOnInsert: {
          learnerId: null,
          learnerRef: input.reference,
          action: 'erasure',
          actor: { kind: input.audit.actor.kind, id: input.audit.actor.kind === 'learner' ? null : input.audit.actor.id },
          details: input.audit.details,
          createdAt: now,
        },
      },
      scope({ upsert: true, timestamps: false }),
    );
    // 3.
    const removed = await deleteDocumentsOf(tenantId, learnerId, learner.email, session);
    const severed = await severFrom(tenantId, learnerId, input.reference, input.reference, session);
    removed['purchases_severed'] = severed.purchases;
    removed['audit_severed'] = severed.audit;
    // 4.
    removed['learners'] = (await Learner.deleteOne({ _id: learnerId }, scope())).deletedCount;
    return { erasure: toErasure(erasure), removed };
  }

  /** One open erasure: sweep again, then complete it when due (dropping the learner id, last). */
  async function purgeOne(tenantId: string, erasure: ErasureDoc, at: Date, session: Session): Promise<{ swept: number; completed: boolean }> {
    const learnerId = erasure.learnerId as string;
    const scope = inTenant(tenantId, inSession(session));
    const removed = await deleteDocumentsOf(tenantId, learnerId, null, session);
    const severed = await severFrom(tenantId, learnerId, null, strayReference(), session);
    const learners = (await Learner.deleteOne({ _id: learnerId }, scope)).deletedCount;
    const swept = Object.values(removed).reduce((a, b) => a + b, 0) + severed.purchases + severed.audit + learners;
    if (erasure.purgeDueAt.getTime() > at.getTime()) return { swept, completed: false };
    const done = await LearnerErasure.updateOne({ _id: erasure._id, ...ofLearner(learnerId) }, { $set: { learnerId: null, purgedAt: at } }, scope);
    return { swept, completed: done.modifiedCount === 1 };
  }

  async function purge(tenantId: string, now: string): Promise<PurgeReport> {
    const at = toDate(now, 'now');
    const open = await LearnerErasure.find({ learnerId: { $type: 'string' as const } }, null, inTenant(tenantId)).lean<ErasureDoc[]>();
    let swept = 0;
    const completed: string[] = [];
    for (const erasure of open) {
      const result = await units.run((session) => purgeOne(tenantId, erasure, at, session));
      swept += result.swept;
      if (result.completed) completed.push(erasure.learnerId as string);
    }
    const forgotten = (await LearnerErasure.deleteMany({ learnerId: null, forgetAt: { $lte: at } }, inTenant(tenantId))).deletedCount;
    return { swept, completed, forgotten };
  }

  return (tenantId) => ({
    erase: (learnerId, input) => translated(() => units.run((session) => erase(tenantId, learnerId, input, session))),
    findErasure: (subjectHash) =>
      translated(async () => {
        const doc = await LearnerErasure.findOne({ subjectHash }, null, inTenant(tenantId, { sort: { erasedAt: -1, _id: -1 } })).lean<ErasureDoc>();
        return doc ? toErasure(doc) : null;
      }),
    purge: (now) => translated(() => purge(tenantId, now)),
    expireSeveredRecords: (before) =>
      translated(() =>
        units.run(async (session) => {
          const filter = { learnerId: null, createdAt: { $lt: toDate(before, 'before') } };
          const scope = inTenant(tenantId, inSession(session));
          const purchases = await Purchase.deleteMany(filter, scope);
          const audit = await PrivacyAudit.deleteMany(filter, scope);
          return purchases.deletedCount + audit.deletedCount;
        }),
      ),
    listInactiveLearners: (before, limit) =>
      translated(async () => {
        const docs = await Learner.find(
          { lastActiveAt: { $lt: toDate(before, 'before') } },
          null,
          inTenant(tenantId, { sort: { lastActiveAt: 1, _id: 1 }, limit: Math.max(1, Math.min(1000, Math.floor(limit))) }),
        ).lean<LearnerDoc[]>();
        return docs.map(toLearner);
      }),
    listEmailsForLearner: (learnerId) =>
      translated(async () => {
        const docs = await OutboxEmail.find(ofLearner(learnerId), null, inTenant(tenantId, { sort: { createdAt: -1, _id: -1 } })).lean<
          OutboxDoc[]
        >();
        return docs.map(toOutboxEmail);
      }),
    recordAudit: (entry) =>
      translated(async () => {
        const doc = await PrivacyAudit.create({
          _id: newId('aud'),
          tenantId,
          learnerId: entry.learnerId,
          learnerRef: null,
          action: entry.action,
          actor: { kind: entry.actor.kind, id: entry.actor.kind === 'learner' ? null : entry.actor.id },
          details: entry.details,
        });
        return toAuditEntry(doc.toObject());
      }),
    listAudit: (request) =>
      translated(() =>
        findPage(PrivacyAudit, tenantId, request.learnerId ? { learnerId: request.learnerId } : {}, request, toAuditEntry),
      ),
  });
}
