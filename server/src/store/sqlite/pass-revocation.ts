/**
 * Revoking a pass in the SQLite store. One IMMEDIATE transaction sets `revoked_at`, gives the
 * seat back when the pass is `seatReturnable`, and moves the learner's queued passes up
 * (`rechainQueued`), so a crash leaves all of it or none. A refund (billing-flows.ts) re-chains
 * through the same `prepareRechain` inside its own transaction.
 */
import { rechainQueued, seatReturnable } from '../../billing/pass-window.js';
import type { TenantStore } from '../store.js';
import type { SqliteContext } from './database.js';
import { notFound } from './errors.js';
import { toPass, type PassRow } from './passes.js';

/** Runs inside the caller's transaction: moves the learner's queued passes up after a revocation at `at`. */
export function prepareRechain({ db }: SqliteContext): (tenantId: string, learnerId: string, at: string) => void {
  const livePasses = db.prepare<{ tenantId: string; learnerId: string; now: string }, PassRow>(
    `SELECT * FROM passes WHERE tenant_id = @tenantId AND learner_id = @learnerId AND revoked_at IS NULL
       AND expires_at > @now`,
  );
  const move = db.prepare<{ tenantId: string; id: string; startsAt: string; expiresAt: string }>(
    'UPDATE passes SET starts_at = @startsAt, expires_at = @expiresAt WHERE tenant_id = @tenantId AND id = @id',
  );
  return (tenantId, learnerId, at) => {
    const live = livePasses.all({ tenantId, learnerId, now: at }).map(toPass);
    for (const { id, startsAt, expiresAt } of rechainQueued(live, new Date(at))) move.run({ tenantId, id, startsAt, expiresAt });
  };
}

export function preparePassRevocation(context: SqliteContext): (tenantId: string) => Pick<TenantStore['passes'], 'revoke'> {
  const { db, now } = context;
  const rechain = prepareRechain(context);
  const byId = db.prepare<{ tenantId: string; id: string }, PassRow>('SELECT * FROM passes WHERE tenant_id = @tenantId AND id = @id');
  const setRevoked = db.prepare<{ tenantId: string; id: string; now: string; seat: string | null }, PassRow>(
    `UPDATE passes SET revoked_at = @now, seat = @seat
     WHERE tenant_id = @tenantId AND id = @id AND revoked_at IS NULL RETURNING *`,
  );
  const returnSeat = db.prepare<{ tenantId: string; now: string }>(
    `INSERT INTO seat_pools (tenant_id, balance, updated_at) VALUES (@tenantId, 1, @now)
     ON CONFLICT (tenant_id) DO UPDATE SET balance = balance + 1, updated_at = excluded.updated_at`,
  );

  const revoke = db.transaction((tenantId: string, id: string): PassRow => {
    const at = now();
    const row = byId.get({ tenantId, id });
    if (!row) throw notFound('Pass');
    // Revoking again keeps the first time; what followed from it was written with it.
    if (row.revoked_at !== null) return row;
    const seatBack = seatReturnable(toPass(row), new Date(at));
    const revoked = setRevoked.get({ tenantId, id, now: at, seat: seatBack ? 'returned' : row.seat }) as PassRow;
    if (seatBack) returnSeat.run({ tenantId, now: at });
    rechain(tenantId, row.learner_id, at);
    return revoked;
  });

  return (tenantId) => ({
    async revoke(id) {
      return toPass(revoke.immediate(tenantId, id));
    },
  });
}
