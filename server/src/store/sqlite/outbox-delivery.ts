/**
 * The sending side of the outbox, used by the delivery job across all tenants. Claiming moves
 * an e-mail to `sending` in the same statement that selects it, so two senders never hold the
 * same e-mail; nothing ever moves an e-mail out of `sending` except its settlement (or, after a
 * sender died, to `failed`), which is what makes delivery at-most-once.
 */
import { AppError } from '../../errors.js';
import type { Store } from '../store.js';
import type { SqliteContext } from './database.js';
import { notFound } from './errors.js';
import { toOutboxEmail, type OutboxRow } from './outbox.js';

type OutboxDeliveryOperations = Pick<Store, 'claimDueEmails' | 'settleEmail'>;

export function prepareOutboxDelivery({ db, now }: SqliteContext): OutboxDeliveryOperations {
  const failStale = db.prepare<{ staleBefore: string }>(
    `UPDATE outbox_emails SET status = 'failed', last_error = 'delivery uncertain: the sender stopped while sending'
     WHERE status = 'sending' AND next_attempt_at <= @staleBefore`,
  );
  // While `sending`, next_attempt_at holds the claim time (what the stale check above reads).
  const claim = db.prepare<{ now: string; limit: number }, OutboxRow>(
    `UPDATE outbox_emails SET status = 'sending', attempts = attempts + 1, next_attempt_at = @now
     WHERE id IN (
       SELECT id FROM outbox_emails WHERE status = 'pending' AND next_attempt_at <= @now
       ORDER BY next_attempt_at, id LIMIT @limit
     )
     RETURNING *`,
  );
  const byId = db.prepare<[string], OutboxRow>('SELECT * FROM outbox_emails WHERE id = ?');
  const settle = db.prepare<
    { id: string; status: string; nextAttemptAt: string | null; error: string | null; sentAt: string | null },
    OutboxRow
  >(
    `UPDATE outbox_emails SET status = @status, next_attempt_at = COALESCE(@nextAttemptAt, next_attempt_at),
       last_error = @error, sent_at = @sentAt
     WHERE id = @id AND status = 'sending' RETURNING *`,
  );

  const claimDue = db.transaction((limit: number, staleBefore: string): OutboxRow[] => {
    failStale.run({ staleBefore });
    return claim.all({ now: now(), limit });
  });

  return {
    async claimDueEmails(limit, staleBefore) {
      return claimDue
        .immediate(limit, staleBefore)
        .map(toOutboxEmail)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    async settleEmail(id, outcome) {
      const row = settle.get({
        id,
        status: outcome.status,
        nextAttemptAt: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
        error: outcome.status === 'sent' ? null : outcome.error,
        sentAt: outcome.status === 'sent' ? now() : null,
      });
      if (row) return toOutboxEmail(row);
      const current = byId.get(id);
      if (!current) throw notFound('E-mail');
      throw new AppError('CONFLICT', `The e-mail is ${current.status}, not sending.`);
    },
  };
}
