import type { TenantStore } from '../store.js';
import type { UsageCounters } from '../records.js';
import { AppError } from '../../errors.js';
import type { SqliteContext } from './database.js';
import { fromJson, toJson } from './transform.js';

interface UsageKey {
  tenantId: string;
  subject: string;
  period: string;
}

type Counters = Record<string, number>;

export function prepareUsage({ db, now }: SqliteContext): (tenantId: string) => TenantStore['usage'] {
  const read = db.prepare<UsageKey, { counters: string }>(
    'SELECT counters FROM usage_counters WHERE tenant_id = @tenantId AND subject = @subject AND period = @period',
  );
  const write = db.prepare<UsageKey & { counters: string; now: string }>(
    `INSERT INTO usage_counters (tenant_id, subject, period, counters, updated_at)
     VALUES (@tenantId, @subject, @period, @counters, @now)
     ON CONFLICT (tenant_id, subject, period) DO UPDATE SET counters = excluded.counters, updated_at = excluded.updated_at`,
  );

  function countersOf(key: UsageKey): Counters {
    const row = read.get(key);
    return row ? fromJson<Counters>(row.counters) : {};
  }

  // Read, add, write back: IMMEDIATE so concurrent increments from other connections serialise.
  const increment = db.transaction((key: UsageKey, deltas: Counters): Counters => {
    const counters = countersOf(key);
    for (const [name, delta] of Object.entries(deltas)) {
      counters[name] = (counters[name] ?? 0) + delta;
    }
    write.run({ ...key, counters: toJson(counters), now: now() });
    return counters;
  });

  return (tenantId) => ({
    async increment(subject, period, deltas) {
      for (const [name, delta] of Object.entries(deltas)) {
        if (!Number.isFinite(delta)) {
          throw new AppError('VALIDATION_FAILED', `The usage delta for "${name}" is not a number.`);
        }
      }
      const counters = increment.immediate({ tenantId, subject, period }, deltas);
      return { subject, period, counters } satisfies UsageCounters;
    },
    async get(subject, period) {
      return { subject, period, counters: countersOf({ tenantId, subject, period }) };
    },
  });
}
