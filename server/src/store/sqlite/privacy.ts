/**
 * Data-subject operations of the SQLite store: erasure, the purge that completes it, the
 * inactive-learner query of retention, and the privacy audit trail.
 *
 * Every table that can hold a learner's data is listed in `LEARNER_TABLES` (deleted) or handled
 * by name below (purchases and audit entries are kept with the learner link severed). A new
 * table holding learner data must be added here; the privacy tests scan every table of the file
 * after a purge and fail otherwise.
 */
import type { TenantStore } from '../store.js';
import type { ErasureResult, LearnerErasure, PrivacyActor, PrivacyAuditEntry } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound } from './errors.js';
import { toLearner, type LearnerRow } from './learners.js';
import { toOutboxEmail, type OutboxRow } from './outbox.js';
import { preparePagedQuery } from './paging.js';
import { fromJson, toJson } from './transform.js';

/** Tables whose rows belong to one learner through `learner_id`; erasure deletes them. */
const LEARNER_TABLES = ['answers', 'interview_sessions', 'star_drafts', 'passes'] as const;

interface ErasureRow {
  id: string;
  tenant_id: string;
  learner_id: string | null;
  subject_hash: string;
  erased_at: string;
  purge_due_at: string;
  forget_at: string;
  purged_at: string | null;
}

interface AuditRow {
  id: string;
  tenant_id: string;
  learner_id: string | null;
  learner_ref: string | null;
  action: string;
  actor_kind: string;
  actor_id: string | null;
  details: string;
  created_at: string;
}

function toErasure(row: ErasureRow): LearnerErasure {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    subjectHash: row.subject_hash,
    erasedAt: row.erased_at,
    purgeDueAt: row.purge_due_at,
    forgetAt: row.forget_at,
    purgedAt: row.purged_at,
  };
}

function toActor(kind: string, id: string | null): PrivacyActor {
  if (kind === 'learner') return { kind: 'learner' };
  return { kind: kind as 'admin' | 'system', id: id ?? '' };
}

function toAuditEntry(row: AuditRow): PrivacyAuditEntry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    learnerRef: row.learner_ref,
    action: row.action as PrivacyAuditEntry['action'],
    actor: toActor(row.actor_kind, row.actor_id),
    details: fromJson<PrivacyAuditEntry['details']>(row.details),
    createdAt: row.created_at,
  };
}

/** Usage counters of one learner are kept under this subject (practice/entitlement.ts). */
const usageSubject = (learnerId: string) => `learner:${learnerId}`;

/** A reference for purchases written for an erased learner after the erasure (no link to anything). */
const strayReference = () => newId('erased');

export function prepareErasureAndAudit({ db, now }: SqliteContext): (tenantId: string) => TenantStore['privacy'] {
  type Scope = { tenantId: string; learnerId: string };
  const learnerById = db.prepare<Scope, LearnerRow>('SELECT * FROM learners WHERE tenant_id = @tenantId AND id = @learnerId');
  const deleteFrom = LEARNER_TABLES.map((table) => ({
    table,
    statement: db.prepare<Scope>(`DELETE FROM ${table} WHERE tenant_id = @tenantId AND learner_id = @learnerId`),
  }));
  const deleteUsage = db.prepare<{ tenantId: string; subject: string }>(
    'DELETE FROM usage_counters WHERE tenant_id = @tenantId AND subject = @subject',
  );
  const deleteEmails = db.prepare<Scope & { email: string | null }>(
    `DELETE FROM outbox_emails WHERE tenant_id = @tenantId
       AND (learner_id = @learnerId OR (@email IS NOT NULL AND lower(recipient) = lower(@email)))`,
  );
  const severPurchases = db.prepare<Scope & { reference: string; now: string }>(
    `UPDATE purchases SET learner_id = NULL, learner_ref = @reference, updated_at = @now
     WHERE tenant_id = @tenantId AND learner_id = @learnerId`,
  );
  const severAudit = db.prepare<Scope & { reference: string | null }>(
    `UPDATE privacy_audit SET learner_id = NULL, learner_ref = COALESCE(@reference, learner_ref)
     WHERE tenant_id = @tenantId AND learner_id = @learnerId`,
  );
  const deleteLearner = db.prepare<Scope>('DELETE FROM learners WHERE tenant_id = @tenantId AND id = @learnerId');
  const insertErasure = db.prepare<ErasureRow>(
    `INSERT INTO learner_erasures (id, tenant_id, learner_id, subject_hash, erased_at, purge_due_at, forget_at, purged_at)
     VALUES (@id, @tenant_id, @learner_id, @subject_hash, @erased_at, @purge_due_at, @forget_at, @purged_at)`,
  );
  const latestErasure = db.prepare<{ tenantId: string; subjectHash: string }, ErasureRow>(
    `SELECT * FROM learner_erasures WHERE tenant_id = @tenantId AND subject_hash = @subjectHash
     ORDER BY erased_at DESC, id DESC LIMIT 1`,
  );
  const openErasures = db.prepare<{ tenantId: string }, ErasureRow>(
    'SELECT * FROM learner_erasures WHERE tenant_id = @tenantId AND learner_id IS NOT NULL',
  );
  const completeErasure = db.prepare<{ id: string; now: string }>(
    'UPDATE learner_erasures SET learner_id = NULL, purged_at = @now WHERE id = @id',
  );
  const forgetErasures = db.prepare<{ tenantId: string; now: string }>(
    'DELETE FROM learner_erasures WHERE tenant_id = @tenantId AND learner_id IS NULL AND forget_at <= @now',
  );
  const expirePurchases = db.prepare<{ tenantId: string; before: string }>(
    'DELETE FROM purchases WHERE tenant_id = @tenantId AND learner_id IS NULL AND created_at < @before',
  );
  const expireAudit = db.prepare<{ tenantId: string; before: string }>(
    'DELETE FROM privacy_audit WHERE tenant_id = @tenantId AND learner_id IS NULL AND created_at < @before',
  );
  const expire = db.transaction(
    (tenantId: string, before: string) => expirePurchases.run({ tenantId, before }).changes + expireAudit.run({ tenantId, before }).changes,
  );
  const inactive = db.prepare<{ tenantId: string; before: string; limit: number }, LearnerRow>(
    `SELECT * FROM learners WHERE tenant_id = @tenantId AND last_active_at < @before
     ORDER BY last_active_at, id LIMIT @limit`,
  );
  const emailsFor = db.prepare<Scope, OutboxRow>(
    `SELECT * FROM outbox_emails WHERE tenant_id = @tenantId AND learner_id = @learnerId
     ORDER BY created_at DESC, id DESC`,
  );
  const insertAudit = db.prepare<AuditRow>(
    `INSERT INTO privacy_audit (id, tenant_id, learner_id, learner_ref, action, actor_kind, actor_id, details, created_at)
     VALUES (@id, @tenant_id, @learner_id, @learner_ref, @action, @actor_kind, @actor_id, @details, @created_at)`,
  );
  const auditPage = preparePagedQuery<{ tenantId: string }, AuditRow, PrivacyAuditEntry>(
    db,
    'SELECT * FROM privacy_audit WHERE tenant_id = @tenantId',
    toAuditEntry,
  );
  const learnerAuditPage = preparePagedQuery<{ tenantId: string; learnerId: string }, AuditRow, PrivacyAuditEntry>(
    db,
    'SELECT * FROM privacy_audit WHERE tenant_id = @tenantId AND learner_id = @learnerId',
    toAuditEntry,
  );

  function auditRow(
    tenantId: string,
    entry: { learnerId: string | null; learnerRef: string | null; action: string; actor: PrivacyActor; details: object },
  ): AuditRow {
    return {
      id: newId('aud'),
      tenant_id: tenantId,
      learner_id: entry.learnerId,
      learner_ref: entry.learnerRef,
      action: entry.action,
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.kind === 'learner' ? null : entry.actor.id,
      details: toJson(entry.details),
      created_at: now(),
    };
  }

  /** Deletes the learner's own rows; returns the count per kind. */
  function deleteRowsOf(scope: Scope, email: string | null): Record<string, number> {
    const removed: Record<string, number> = {};
    for (const { table, statement } of deleteFrom) removed[table] = statement.run(scope).changes;
    removed['usage_counters'] = deleteUsage.run({ tenantId: scope.tenantId, subject: usageSubject(scope.learnerId) }).changes;
    removed['outbox_emails'] = deleteEmails.run({ ...scope, email }).changes;
    return removed;
  }

  const erase = db.transaction((scope: Scope, input: Parameters<TenantStore['privacy']['erase']>[1]): ErasureResult => {
    const learner = learnerById.get(scope);
    if (!learner) throw notFound('Learner');
    const at = now();
    const removed = deleteRowsOf(scope, learner.email);
    removed['purchases_severed'] = severPurchases.run({ ...scope, reference: input.reference, now: at }).changes;
    removed['audit_severed'] = severAudit.run({ ...scope, reference: input.reference }).changes;
    insertAudit.run(
      auditRow(scope.tenantId, { learnerId: null, learnerRef: input.reference, action: 'erasure', actor: input.audit.actor, details: input.audit.details }),
    );
    removed['learners'] = deleteLearner.run(scope).changes;
    const row: ErasureRow = {
      id: newId('era'),
      tenant_id: scope.tenantId,
      learner_id: scope.learnerId,
      subject_hash: input.subjectHash,
      erased_at: at,
      purge_due_at: input.purgeDueAt,
      forget_at: input.forgetAt,
      purged_at: null,
    };
    insertErasure.run(row);
    return { erasure: toErasure(row), removed };
  });

  const purge = db.transaction((tenantId: string, at: string) => {
    let swept = 0;
    const completed: string[] = [];
    const open = openErasures.all({ tenantId });
    for (const erasure of open) {
      const scope = { tenantId, learnerId: erasure.learner_id as string };
      swept += Object.values(deleteRowsOf(scope, null)).reduce((a, b) => a + b, 0);
      swept += severPurchases.run({ ...scope, reference: strayReference(), now: at }).changes;
      swept += severAudit.run({ ...scope, reference: null }).changes;
      swept += deleteLearner.run(scope).changes;
      if (erasure.purge_due_at <= at) {
        completeErasure.run({ id: erasure.id, now: at });
        completed.push(scope.learnerId);
      }
    }
    const forgotten = forgetErasures.run({ tenantId, now: at }).changes;
    return { swept, completed, forgotten, touched: open.length > 0 || forgotten > 0 };
  });

  return (tenantId) => ({
    async erase(learnerId, input) {
      return erase.immediate({ tenantId, learnerId }, input);
    },
    async findErasure(subjectHash) {
      const row = latestErasure.get({ tenantId, subjectHash });
      return row ? toErasure(row) : null;
    },
    async purge(at) {
      const { touched, ...report } = purge.immediate(tenantId, at);
      // secure_delete zeroes the pages, but the WAL still holds their earlier images until a
      // checkpoint copies the new ones back and the log is truncated.
      if (touched) db.pragma('wal_checkpoint(TRUNCATE)');
      return report;
    },
    async expireSeveredRecords(before) {
      const expired = expire.immediate(tenantId, before);
      if (expired > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return expired;
    },
    async listInactiveLearners(before, limit) {
      return inactive.all({ tenantId, before, limit: Math.max(1, Math.min(1000, Math.floor(limit))) }).map(toLearner);
    },
    async listEmailsForLearner(learnerId) {
      return emailsFor.all({ tenantId, learnerId }).map(toOutboxEmail);
    },
    async recordAudit(entry) {
      const row = auditRow(tenantId, { ...entry, learnerRef: null });
      insertAudit.run(row);
      return toAuditEntry(row);
    },
    async listAudit(request) {
      return request.learnerId
        ? learnerAuditPage({ tenantId, learnerId: request.learnerId }, request)
        : auditPage({ tenantId }, request);
    },
  });
}
