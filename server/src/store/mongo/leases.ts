import type { Store } from '../store.js';
import type { JobLease } from '../records.js';
import type { LeaseDoc } from './documents.js';
import { isDuplicateKey, translated } from './errors.js';
import type { MongoContext } from './models.js';

type LeaseOperations = Pick<Store, 'acquireLease' | 'releaseLease' | 'getLease'>;

export function prepareLeases({ models: { JobLease }, clock }: MongoContext): LeaseOperations {
  return {
    /**
     * One atomic findOneAndUpdate: it matches the lease only when it is ours or has expired,
     * and otherwise tries to insert it. The insert fails on the `_id` (the job name) exactly
     * when another holder's unexpired lease exists, so a duplicate key means "taken".
     */
    acquireLease: (name, holder, ttlMs) =>
      translated(async () => {
        const now = clock();
        const expiresAt = new Date(now.getTime() + ttlMs);
        try {
          await JobLease.findOneAndUpdate(
            { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] },
            { $set: { holder, expiresAt } },
            { upsert: true },
          );
          return true;
        } catch (error) {
          if (isDuplicateKey(error, '_id')) return false;
          throw error;
        }
      }),
    releaseLease: (name, holder) =>
      translated(async () => {
        await JobLease.deleteOne({ _id: name, holder });
      }),
    getLease: (name) =>
      translated(async () => {
        const doc = await JobLease.findOne({ _id: name }).lean<LeaseDoc>();
        return doc ? ({ name: doc._id, holder: doc.holder, expiresAt: doc.expiresAt.toISOString() } satisfies JobLease) : null;
      }),
  };
}
