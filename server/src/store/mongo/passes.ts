import type { TenantStore } from '../store.js';
import type { Pass } from '../records.js';
import { newId } from '../ids.js';
import type { PassDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { newestFirst } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { iso, isoOrNull, toDate } from './transform.js';

function toPass(doc: PassDoc): Pass {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    learnerId: doc.learnerId,
    type: doc.type,
    source: doc.source,
    startsAt: iso(doc.startsAt),
    expiresAt: iso(doc.expiresAt),
    revokedAt: isoOrNull(doc.revokedAt),
    purchaseId: doc.purchaseId,
    reminderSentAt: isoOrNull(doc.reminderSentAt),
    createdAt: iso(doc.createdAt),
  };
}

export function preparePasses({ models: { Pass }, clock }: MongoContext): (tenantId: string) => TenantStore['passes'] {
  return (tenantId) => ({
    create: (input) =>
      translated(async () => {
        const doc = await Pass.create({
          _id: newId('pas'),
          tenantId,
          learnerId: input.learnerId,
          type: input.type,
          source: input.source,
          startsAt: toDate(input.startsAt, 'startsAt'),
          expiresAt: toDate(input.expiresAt, 'expiresAt'),
          revokedAt: null,
          purchaseId: input.purchaseId,
          reminderSentAt: null,
        });
        return toPass(doc.toObject());
      }, 'The pass already exists.'),
    get: (id) =>
      translated(async () => {
        const doc = await Pass.findOne({ _id: id }, null, inTenant(tenantId)).lean<PassDoc>();
        return doc ? toPass(doc) : null;
      }),
    listForLearner: (learnerId) =>
      translated(async () => {
        const docs = await Pass.find({ learnerId }, null, inTenant(tenantId, newestFirst)).lean<PassDoc[]>();
        return docs.map(toPass);
      }),
    revoke: (id) =>
      translated(async () => {
        // Only an unrevoked pass changes, so revoking again keeps the first time.
        const revoked = await Pass.findOneAndUpdate(
          { _id: id, revokedAt: null },
          { $set: { revokedAt: clock() } },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<PassDoc>();
        const doc = revoked ?? (await Pass.findOne({ _id: id }, null, inTenant(tenantId)).lean<PassDoc>());
        if (!doc) throw notFound('Pass');
        return toPass(doc);
      }),
  });
}
