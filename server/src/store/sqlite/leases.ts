import type { Store } from '../store.js';
import type { JobLease } from '../records.js';
import type { SqliteContext } from './database.js';

interface LeaseRow {
  name: string;
  holder: string;
  expires_at: string;
}

type LeaseOperations = Pick<Store, 'acquireLease' | 'releaseLease' | 'getLease'>;

export function prepareLeases({ db, clock }: SqliteContext): LeaseOperations {
  // One atomic upsert: insert when free, otherwise take over only if it is ours or has expired.
  // ISO-8601 UTC strings of equal shape compare correctly as text.
  const acquire = db.prepare<{ name: string; holder: string; now: string; expiresAt: string }>(
    `INSERT INTO job_leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
     WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= @now`,
  );
  const release = db.prepare<{ name: string; holder: string }>(
    'DELETE FROM job_leases WHERE name = @name AND holder = @holder',
  );
  const byName = db.prepare<[string], LeaseRow>('SELECT * FROM job_leases WHERE name = ?');

  return {
    async acquireLease(name, holder, ttlMs) {
      const at = clock();
      const expiresAt = new Date(at.getTime() + ttlMs).toISOString();
      return acquire.run({ name, holder, now: at.toISOString(), expiresAt }).changes === 1;
    },
    async releaseLease(name, holder) {
      release.run({ name, holder });
    },
    async getLease(name) {
      const row = byName.get(name);
      return row ? ({ name: row.name, holder: row.holder, expiresAt: row.expires_at } satisfies JobLease) : null;
    },
  };
}
