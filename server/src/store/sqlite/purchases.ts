import type { TenantStore } from '../store.js';
import type { PassType, Purchase, PurchaseStatus } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';

export interface PurchaseRow {
  id: string;
  tenant_id: string;
  learner_id: string | null;
  learner_ref: string | null;
  pass_type: string;
  amount: number;
  currency: string;
  provider: string;
  checkout_session_id: string;
  payment_ref: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

interface Key {
  tenantId: string;
  id: string;
}

export function toPurchase(row: PurchaseRow): Purchase {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    learnerRef: row.learner_ref,
    passType: row.pass_type as PassType,
    amount: row.amount,
    currency: row.currency,
    provider: row.provider as Purchase['provider'],
    checkoutSessionId: row.checkout_session_id,
    paymentRef: row.payment_ref,
    status: row.status as PurchaseStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function preparePurchases({ db, now }: SqliteContext): (tenantId: string) => TenantStore['purchases'] {
  const insert = db.prepare<PurchaseRow>(
    `INSERT INTO purchases (id, tenant_id, learner_id, learner_ref, pass_type, amount, currency, provider,
       checkout_session_id, payment_ref, status, created_at, updated_at)
     VALUES (@id, @tenant_id, @learner_id, @learner_ref, @pass_type, @amount, @currency, @provider,
       @checkout_session_id, @payment_ref, @status, @created_at, @updated_at)`,
  );
  const byId = db.prepare<Key, PurchaseRow>('SELECT * FROM purchases WHERE tenant_id = @tenantId AND id = @id');
  const byCheckoutSession = db.prepare<{ tenantId: string; checkoutSessionId: string }, PurchaseRow>(
    'SELECT * FROM purchases WHERE tenant_id = @tenantId AND checkout_session_id = @checkoutSessionId',
  );
  const forLearner = db.prepare<{ tenantId: string; learnerId: string }, PurchaseRow>(
    `SELECT * FROM purchases WHERE tenant_id = @tenantId AND learner_id = @learnerId
     ORDER BY created_at DESC, id DESC`,
  );
  const setStatus = db.prepare<Key & { now: string; status: string }, PurchaseRow>(
    `UPDATE purchases SET status = @status, updated_at = @now
     WHERE tenant_id = @tenantId AND id = @id RETURNING *`,
  );

  return (tenantId) => ({
    async create(input) {
      const at = now();
      const row: PurchaseRow = {
        id: newId('pur'),
        tenant_id: tenantId,
        learner_id: input.learnerId,
        learner_ref: null,
        pass_type: input.passType,
        amount: input.amount,
        currency: input.currency,
        provider: input.provider,
        checkout_session_id: input.checkoutSessionId,
        payment_ref: null,
        status: input.status,
        created_at: at,
        updated_at: at,
      };
      translateConstraints('A purchase for this checkout session already exists.', () => insert.run(row));
      return toPurchase(row);
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toPurchase(row) : null;
    },
    async getByCheckoutSession(checkoutSessionId) {
      const row = byCheckoutSession.get({ tenantId, checkoutSessionId });
      return row ? toPurchase(row) : null;
    },
    async listForLearner(learnerId) {
      return forLearner.all({ tenantId, learnerId }).map(toPurchase);
    },
    async setStatus(id, status) {
      const row = setStatus.get({ tenantId, id, now: now(), status });
      if (!row) throw notFound('Purchase');
      return toPurchase(row);
    },
  });
}
