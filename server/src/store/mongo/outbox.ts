import type { TenantStore } from '../store.js';
import type { NewOutboxEmail, OutboxEmail } from '../records.js';
import { newId } from '../ids.js';
import type { OutboxDoc } from './documents.js';
import { isDuplicateKey, notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { findPage } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull } from './transform.js';

export function toOutboxEmail(doc: OutboxDoc): OutboxEmail {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    dedupeKey: doc.dedupeKey,
    kind: doc.kind,
    to: doc.to,
    subject: doc.subject,
    text: doc.text,
    html: doc.html,
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: iso(doc.nextAttemptAt),
    lastError: doc.lastError,
    createdAt: iso(doc.createdAt),
    sentAt: isoOrNull(doc.sentAt),
  };
}

export function prepareOutbox({ models: { OutboxEmail }, clock }: MongoContext): (tenantId: string) => TenantStore['outbox'] {
  /**
   * Queues once per (tenant, dedupe key): an upsert that only ever inserts (`$setOnInsert`), so
   * a repeat returns the e-mail already queued, unchanged. A racing first enqueue that loses
   * on the unique index reads the winner's e-mail.
   */
  async function enqueue(tenantId: string, input: NewOutboxEmail): Promise<OutboxDoc> {
    const now = clock();
    const filter = { dedupeKey: input.dedupeKey };
    try {
      const doc = await OutboxEmail.findOneAndUpdate(
        filter,
        {
          $setOnInsert: {
            _id: newId('eml'),
            learnerId: input.learnerId,
            kind: input.kind,
            to: input.to,
            subject: input.subject,
            text: input.text,
            html: input.html,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            lastError: null,
            sentAt: null,
          },
        },
        inTenant(tenantId, { upsert: true, returnDocument: 'after' as const }),
      ).lean<OutboxDoc>();
      if (doc) return doc;
    } catch (error) {
      if (!isDuplicateKey(error, 'dedupeKey')) throw error;
    }
    const existing = await OutboxEmail.findOne(filter, null, inTenant(tenantId)).lean<OutboxDoc>();
    if (!existing) throw notFound('E-mail');
    return existing;
  }

  return (tenantId) => ({
    enqueue: (input) => translated(async () => toOutboxEmail(await enqueue(tenantId, input)), 'This e-mail is already queued.'),
    list: (page) => translated(() => findPage(OutboxEmail, tenantId, {}, page, toOutboxEmail)),
  });
}
