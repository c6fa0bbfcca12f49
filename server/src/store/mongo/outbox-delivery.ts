/**
 * The sending side of the outbox, used by the delivery job across all tenants. Each e-mail is
 * one document, so no transaction is needed: claiming is a conditional update (`status:
 * 'pending'` and due) that moves it to `sending`, and of two senders racing for one e-mail
 * exactly one matches. Nothing moves an e-mail out of `sending` except its settlement (or,
 * after a sender died, to `failed`), which keeps delivery at-most-once.
 *
 * The scans span tenants (reads with `crossTenant`, served by the global
 * `outbox_emails_status_next_attempt` index); every write names the e-mail's own tenant.
 */
import { AppError } from '../../errors.js';
import type { OutboxEmail } from '../records.js';
import type { Store } from '../store.js';
import type { OutboxDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { toOutboxEmail } from './outbox.js';
import { inTenant } from './tenant-scope.js';
import { toDate } from './transform.js';

type OutboxDeliveryOperations = Pick<Store, 'claimDueEmails' | 'settleEmail'>;

const SCAN = { crossTenant: 'the delivery job serves every tenant' } as const;
const STALE_ERROR = 'delivery uncertain: the sender stopped while sending';
/** A claimer that keeps losing every candidate to other claimers gives up after this many scans. */
const MAX_CLAIM_SCANS = 50;

type Ref = Pick<OutboxDoc, '_id' | 'tenantId'>;

export function prepareOutboxDelivery({ models: { OutboxEmail }, clock }: MongoContext): OutboxDeliveryOperations {
  /** E-mails left `sending` since before `staleBefore` (a sender died) become `failed`, not sent again. */
  async function failStale(staleBefore: Date): Promise<void> {
    const stale = await OutboxEmail.find({ status: 'sending', nextAttemptAt: { $lte: staleBefore } }, { _id: 1, tenantId: 1 }, SCAN).lean<Ref[]>();
    for (const email of stale) {
      await OutboxEmail.updateOne(
        { _id: email._id, status: 'sending', nextAttemptAt: { $lte: staleBefore } },
        { $set: { status: 'failed', lastError: STALE_ERROR } },
        inTenant(email.tenantId),
      );
    }
  }

  /** Claims one e-mail if it is still pending and due; while `sending`, nextAttemptAt holds the claim time. */
  async function claimOne(email: Ref, now: Date): Promise<OutboxDoc | null> {
    return OutboxEmail.findOneAndUpdate(
      { _id: email._id, status: 'pending', nextAttemptAt: { $lte: now } },
      { $set: { status: 'sending', nextAttemptAt: now }, $inc: { attempts: 1 } },
      inTenant(email.tenantId, { returnDocument: 'after' as const }),
    ).lean<OutboxDoc>();
  }

  async function claimDue(limit: number, staleBefore: Date): Promise<OutboxDoc[]> {
    await failStale(staleBefore);
    const now = clock();
    const claimed: OutboxDoc[] = [];
    // Candidates another claimer took in the meantime are skipped, and the scan looks further.
    for (let scan = 0; claimed.length < limit && scan < MAX_CLAIM_SCANS; scan += 1) {
      const candidates = await OutboxEmail.find(
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { _id: 1, tenantId: 1 },
        { ...SCAN, sort: { nextAttemptAt: 1, _id: 1 }, limit: limit - claimed.length },
      ).lean<Ref[]>();
      if (candidates.length === 0) break;
      for (const candidate of candidates) {
        const doc = await claimOne(candidate, now);
        if (doc) claimed.push(doc);
      }
    }
    return claimed;
  }

  return {
    claimDueEmails: (limit, staleBefore) =>
      translated(async () => {
        const docs = await claimDue(Math.max(0, Math.floor(limit)), toDate(staleBefore, 'staleBefore'));
        return docs
          .map(toOutboxEmail)
          .sort((a: OutboxEmail, b: OutboxEmail) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      }),
    settleEmail: (id, outcome) =>
      translated(async () => {
        const current = await OutboxEmail.findOne({ _id: id }, { tenantId: 1, status: 1 }, { crossTenant: 'settleEmail names the e-mail only' }).lean<
          Pick<OutboxDoc, '_id' | 'tenantId' | 'status'>
        >();
        if (!current) throw notFound('E-mail');
        const set = {
          status: outcome.status,
          lastError: outcome.status === 'sent' ? null : outcome.error,
          sentAt: outcome.status === 'sent' ? clock() : null,
          ...(outcome.status === 'pending' ? { nextAttemptAt: toDate(outcome.nextAttemptAt, 'nextAttemptAt') } : {}),
        };
        // Only an e-mail in `sending` can be settled: of two settlements one matches.
        const doc = await OutboxEmail.findOneAndUpdate(
          { _id: id, status: 'sending' },
          { $set: set },
          inTenant(current.tenantId, { returnDocument: 'after' as const }),
        ).lean<OutboxDoc>();
        if (doc) return toOutboxEmail(doc);
        const now = await OutboxEmail.findOne({ _id: id }, { status: 1 }, inTenant(current.tenantId)).lean<Pick<OutboxDoc, 'status'>>();
        throw new AppError('CONFLICT', `The e-mail is ${now?.status ?? current.status}, not sending.`);
      }),
  };
}
