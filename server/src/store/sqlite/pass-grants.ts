/**
 * Passes an institution hands out (grants and seats), reminder bookkeeping, and the seat pool.
 * A grant stacks like a purchase (`passWindow`) and, for seats, takes the seat in the same
 * transaction, so two admins granting the last seat at once give out exactly one.
 */
import { passWindow } from '../../billing/pass-window.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { TenantStore } from '../store.js';
import type { SqliteContext } from './database.js';
import { translateConstraints } from './errors.js';
import { toPass, type PassRow } from './passes.js';

type PassGrantOperations = Pick<TenantStore['passes'], 'grant' | 'markReminded'>;

export function preparePassGrants({ db, now }: SqliteContext): {
  passes: (tenantId: string) => PassGrantOperations;
  seats: (tenantId: string) => TenantStore['seats'];
} {
  const livePasses = db.prepare<{ tenantId: string; learnerId: string; now: string }, PassRow>(
    `SELECT * FROM passes WHERE tenant_id = @tenantId AND learner_id = @learnerId AND revoked_at IS NULL
       AND expires_at > @now`,
  );
  const insertPass = db.prepare<PassRow>(
    `INSERT INTO passes (id, tenant_id, learner_id, type, source, starts_at, expires_at, revoked_at, purchase_id,
       reminder_sent_at, seat, created_at)
     VALUES (@id, @tenant_id, @learner_id, @type, @source, @starts_at, @expires_at, @revoked_at, @purchase_id,
       @reminder_sent_at, @seat, @created_at)`,
  );
  const markReminded = db.prepare<{ tenantId: string; id: string; now: string }>(
    'UPDATE passes SET reminder_sent_at = @now WHERE tenant_id = @tenantId AND id = @id AND reminder_sent_at IS NULL',
  );
  const balance = db.prepare<{ tenantId: string }, { balance: number }>(
    'SELECT balance FROM seat_pools WHERE tenant_id = @tenantId',
  );
  const takeSeat = db.prepare<{ tenantId: string; now: string }>(
    'UPDATE seat_pools SET balance = balance - 1, updated_at = @now WHERE tenant_id = @tenantId AND balance > 0',
  );
  // Insert-or-update as two statements: SQLite checks `balance >= 0` on an upsert's candidate row.
  const setBalance = db.prepare<{ tenantId: string; balance: number; now: string }>(
    `INSERT INTO seat_pools (tenant_id, balance, updated_at) VALUES (@tenantId, @balance, @now)
     ON CONFLICT (tenant_id) DO UPDATE SET balance = excluded.balance, updated_at = excluded.updated_at`,
  );

  const grant = db.transaction((tenantId: string, input: Parameters<PassGrantOperations['grant']>[0]): PassRow => {
    const at = now();
    if (input.useSeat && takeSeat.run({ tenantId, now: at }).changes === 0) {
      throw new AppError('CONFLICT', 'No seats are left in the pool. Add seats before granting more passes.', {
        details: { reason: 'no-seats' },
      });
    }
    const window = passWindow(livePasses.all({ tenantId, learnerId: input.learnerId, now: at }).map(toPass), new Date(at), input.days);
    const row: PassRow = {
      id: newId('pas'),
      tenant_id: tenantId,
      learner_id: input.learnerId,
      type: input.type,
      source: input.source,
      starts_at: window.startsAt,
      expires_at: window.expiresAt,
      revoked_at: null,
      purchase_id: null,
      reminder_sent_at: null,
      seat: input.useSeat ? 'held' : null,
      created_at: at,
    };
    insertPass.run(row);
    return row;
  });

  const adjustSeats = db.transaction((tenantId: string, delta: number): number => {
    const current = balance.get({ tenantId })?.balance ?? 0;
    if (current + delta < 0) {
      throw new AppError('CONFLICT', `The pool has ${current} seats; it cannot lose ${-delta}.`, { details: { reason: 'no-seats' } });
    }
    translateConstraints('The seat pool changed.', () => setBalance.run({ tenantId, balance: current + delta, now: now() }));
    return current + delta;
  });

  return {
    passes: (tenantId) => ({
      async grant(input) {
        if (!Number.isInteger(input.days) || input.days < 1) throw new AppError('VALIDATION_FAILED', 'A pass lasts at least one whole day.');
        return toPass(grant.immediate(tenantId, input));
      },
      async markReminded(id) {
        return markReminded.run({ tenantId, id, now: now() }).changes === 1;
      },
    }),
    seats: (tenantId) => ({
      async balance() {
        return balance.get({ tenantId })?.balance ?? 0;
      },
      async adjust(delta) {
        if (!Number.isInteger(delta)) throw new AppError('VALIDATION_FAILED', 'Seats are whole numbers.');
        return adjustSeats.immediate(tenantId, delta);
      },
    }),
  };
}
