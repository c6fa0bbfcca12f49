import type { TenantStore } from '../store.js';
import type { UsageCounters } from '../records.js';
import { AppError } from '../../errors.js';
import type { UsageDoc } from './documents.js';
import { isDuplicateKey, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { inTenant } from './tenant-scope.js';

/** Counter names become field paths (`counters.<name>`): no dots, no leading `$`. */
const COUNTER_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_:-]{0,63}$/;

function countersOf(doc: Pick<UsageDoc, 'counters'> | null): Record<string, number> {
  if (!doc) return {};
  const counters = doc.counters instanceof Map ? Object.fromEntries(doc.counters) : doc.counters;
  return { ...counters };
}

function checkDeltas(deltas: Record<string, number>): void {
  for (const [name, delta] of Object.entries(deltas)) {
    if (!Number.isFinite(delta)) throw new AppError('VALIDATION_FAILED', `The usage delta for "${name}" is not a number.`);
    if (!COUNTER_NAME.test(name)) throw new AppError('VALIDATION_FAILED', `"${name}" is not a usable counter name.`);
  }
}

export function prepareUsage({ models: { UsageCounter } }: MongoContext): (tenantId: string) => TenantStore['usage'] {
  async function read(tenantId: string, subject: string, period: string): Promise<Record<string, number>> {
    return countersOf(await UsageCounter.findOne({ subject, period }, { counters: 1 }, inTenant(tenantId)).lean<UsageDoc>());
  }

  /** `$inc` on one document: the server adds concurrent increments without losing any. */
  async function increment(tenantId: string, subject: string, period: string, deltas: Record<string, number>) {
    const inc = Object.fromEntries(Object.entries(deltas).map(([name, delta]) => [`counters.${name}`, delta]));
    const options = inTenant(tenantId, { upsert: true, returnDocument: 'after' as const });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const doc = await UsageCounter.findOneAndUpdate({ subject, period }, { $inc: inc }, options).lean<UsageDoc>();
        return countersOf(doc);
      } catch (error) {
        // Two first increments may both try to insert; the loser's retry is a plain $inc.
        if (attempt < 3 && isDuplicateKey(error, 'subject')) continue;
        throw error;
      }
    }
  }

  return (tenantId) => ({
    increment: (subject, period, deltas) =>
      translated(async () => {
        checkDeltas(deltas);
        const counters =
          Object.keys(deltas).length === 0
            ? await read(tenantId, subject, period)
            : await increment(tenantId, subject, period, deltas);
        return { subject, period, counters } satisfies UsageCounters;
      }),
    get: (subject, period) => translated(async () => ({ subject, period, counters: await read(tenantId, subject, period) })),
  });
}
