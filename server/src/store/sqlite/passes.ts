import type { TenantStore } from '../store.js';
import type { Pass, PassSeat, PassSource, PassType } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { translateConstraints } from './errors.js';

export interface PassRow {
  id: string;
  tenant_id: string;
  learner_id: string;
  type: string;
  source: string;
  starts_at: string;
  expires_at: string;
  revoked_at: string | null;
  purchase_id: string | null;
  reminder_sent_at: string | null;
  seat: string | null;
  created_at: string;
}

interface Key {
  tenantId: string;
  id: string;
}

export function toPass(row: PassRow): Pass {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    type: row.type as PassType,
    source: row.source as PassSource,
    startsAt: row.starts_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    purchaseId: row.purchase_id,
    reminderSentAt: row.reminder_sent_at,
    seat: row.seat as PassSeat | null,
    createdAt: row.created_at,
  };
}

/** The plain reads and writes; `grant`, `markReminded` (pass-grants.ts) and `revoke` (pass-revocation.ts) write more. */
export function preparePasses({ db, now }: SqliteContext): (tenantId: string) => Omit<TenantStore['passes'], 'grant' | 'markReminded' | 'revoke'> {
  const insert = db.prepare<PassRow>(
    `INSERT INTO passes (id, tenant_id, learner_id, type, source, starts_at, expires_at, revoked_at, purchase_id,
       reminder_sent_at, seat, created_at)
     VALUES (@id, @tenant_id, @learner_id, @type, @source, @starts_at, @expires_at, @revoked_at, @purchase_id,
       @reminder_sent_at, @seat, @created_at)`,
  );
  const byId = db.prepare<Key, PassRow>('SELECT * FROM passes WHERE tenant_id = @tenantId AND id = @id');
  const forLearner = db.prepare<{ tenantId: string; learnerId: string }, PassRow>(
    `SELECT * FROM passes WHERE tenant_id = @tenantId AND learner_id = @learnerId
     ORDER BY created_at DESC, id DESC`,
  );

  return (tenantId) => ({
    async create(input) {
      const row: PassRow = {
        id: newId('pas'),
        tenant_id: tenantId,
        learner_id: input.learnerId,
        type: input.type,
        source: input.source,
        starts_at: input.startsAt,
        expires_at: input.expiresAt,
        revoked_at: null,
        purchase_id: input.purchaseId,
        reminder_sent_at: null,
        seat: null,
        created_at: now(),
      };
      translateConstraints('The pass already exists.', () => insert.run(row));
      return toPass(row);
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toPass(row) : null;
    },
    async listForLearner(learnerId) {
      return forLearner.all({ tenantId, learnerId }).map(toPass);
    },
  });
}
