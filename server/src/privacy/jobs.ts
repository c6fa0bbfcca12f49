/**
 * The privacy jobs, for the lease-holding scheduler (jobs/scheduler.ts): the purge completes
 * erasures (hourly, so an erasure is complete within `ERASURE_PURGE_DAYS` plus an hour) and
 * retention reminds and erases inactive learners (every six hours).
 */
import type { Job } from '../jobs/scheduler.js';
import type { Analytics } from '../observability/analytics.js';
import type { Store } from '../store/store.js';
import type { Erasure } from './erasure.js';
import { runPurge } from './purge.js';
import { runRetention } from './retention.js';

export const PURGE_JOB = 'privacy-purge';
export const RETENTION_JOB = 'privacy-retention';

export interface PrivacyJobDeps {
  store: Store;
  erasure: Erasure;
  analytics: Pick<Analytics, 'deletePerson'>;
}

export function createPrivacyJobs(deps: PrivacyJobDeps, intervals: { purgeMs?: number; retentionMs?: number } = {}): Job[] {
  return [
    {
      name: PURGE_JOB,
      intervalMs: intervals.purgeMs ?? 3_600_000,
      async run({ now, logger, signal }) {
        const totals = await runPurge(deps.store, now(), { analytics: deps.analytics, logger, signal });
        if (totals.swept || totals.completed || totals.forgotten || totals.expired) logger.info(totals, 'privacy purge ran');
      },
    },
    {
      name: RETENTION_JOB,
      intervalMs: intervals.retentionMs ?? 6 * 3_600_000,
      async run({ now, logger, signal }) {
        const totals = await runRetention(deps.store, deps.erasure, now(), { signal });
        if (totals.reminded || totals.erased) logger.info(totals, 'retention ran');
      },
    },
  ];
}
