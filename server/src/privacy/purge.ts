/**
 * The purge completes erasures: it sweeps rows that requests in flight wrote for an erased
 * learner after the erasure, drops the learner id from erasure records whose purge is due
 * (`ERASURE_PURGE_DAYS`, at most 30 days after the erasure), asks analytics once more to delete
 * the person, and deletes erasure records once no token issued before them can still be valid.
 * It also deletes the purchase and audit records kept after an erasure once their 7 years are up.
 * Run by the `privacy-purge` job (privacy/jobs.ts); safe to run any number of times.
 */
import type { Analytics } from '../observability/analytics.js';
import type { Store } from '../store/store.js';

export interface PurgeTotals {
  swept: number;
  completed: number;
  forgotten: number;
  /** Severed purchases and audit entries past `FINANCIAL_RECORD_YEARS`. */
  expired: number;
}

/** Payment records are kept this long (privacy policy section 6, UK financial rules), then deleted. */
export const FINANCIAL_RECORD_YEARS = 7;

export function financialRecordCutoff(now: Date): string {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - FINANCIAL_RECORD_YEARS);
  return cutoff.toISOString();
}

export async function runPurge(
  store: Store,
  now: Date,
  options: {
    analytics?: Pick<Analytics, 'deletePerson'>;
    logger?: { warn(details: object, message: string): void };
    signal?: AbortSignal;
  } = {},
): Promise<PurgeTotals> {
  const totals: PurgeTotals = { swept: 0, completed: 0, forgotten: 0, expired: 0 };
  for (const tenant of await store.listTenants()) {
    if (options.signal?.aborted) break;
    const privacy = store.forTenant(tenant.id).privacy;
    const report = await privacy.purge(now.toISOString());
    totals.expired += await privacy.expireSeveredRecords(financialRecordCutoff(now));
    totals.swept += report.swept;
    totals.completed += report.completed.length;
    totals.forgotten += report.forgotten;
    for (const learnerId of report.completed) {
      try {
        await options.analytics?.deletePerson(tenant.id, learnerId);
      } catch (error) {
        options.logger?.warn({ err: error, tenantId: tenant.id }, 'could not delete an erased learner from analytics');
      }
    }
  }
  return totals;
}
