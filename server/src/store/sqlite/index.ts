/**
 * The embedded `Store` adapter: one SQLite file through better-sqlite3 (WAL). Statements are
 * prepared once per store; `forTenant` only binds the tenant id into closures over them, so
 * every tenant-scoped statement filters by `tenant_id` here and never in the caller.
 */
import type { Store, TenantStore } from '../store.js';
import { AppError } from '../../errors.js';
import { openSqliteDatabase, type SqliteContext } from './database.js';
import { prepareAnswers } from './answers.js';
import { prepareApiKeys } from './api-keys.js';
import { prepareBillingFlows } from './billing-flows.js';
import { prepareLearners } from './learners.js';
import { prepareLeases } from './leases.js';
import { prepareOutbox } from './outbox.js';
import { prepareOutboxDelivery } from './outbox-delivery.js';
import { preparePassGrants } from './pass-grants.js';
import { preparePassRevocation } from './pass-revocation.js';
import { preparePasses } from './passes.js';
import { prepareErasureAndAudit } from './privacy.js';
import { preparePurchases } from './purchases.js';
import { prepareSessions } from './sessions.js';
import { prepareStarDrafts } from './star-drafts.js';
import { prepareTenants } from './tenants.js';
import { prepareUsage } from './usage.js';
import { prepareWebhooks } from './webhooks.js';

export interface SqliteStoreOptions {
  /** Path of the database file (its folder is created), or `':memory:'`. */
  file: string;
  /** Source of every timestamp the store writes; defaults to the system clock. */
  clock?: () => Date;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  const clock = options.clock ?? (() => new Date());
  const db = openSqliteDatabase(options.file, clock);
  const context: SqliteContext = { db, clock, now: () => clock().toISOString() };

  const tenants = prepareTenants(context);
  const apiKeys = prepareApiKeys(context);
  const learners = prepareLearners(context);
  const sessions = prepareSessions(context);
  const answers = prepareAnswers(context);
  const starDrafts = prepareStarDrafts(context);
  const passes = preparePasses(context);
  const purchases = preparePurchases(context);
  const outbox = prepareOutbox(context);
  const usage = prepareUsage(context);
  const leases = prepareLeases(context);
  const privacy = prepareErasureAndAudit(context);
  const passGrants = preparePassGrants(context);
  const passRevocation = preparePassRevocation(context);
  const ping = db.prepare('SELECT 1');

  return {
    kind: 'sqlite',
    ...tenants,
    findApiKeyByHash: apiKeys.findByHash,
    recordWebhookEvent: prepareWebhooks(context),
    ...leases,
    ...prepareBillingFlows(context),
    ...prepareOutboxDelivery(context),
    forTenant(tenantId): TenantStore {
      return {
        tenantId,
        apiKeys: apiKeys.forTenant(tenantId),
        learners: learners(tenantId),
        sessions: sessions(tenantId),
        answers: answers(tenantId),
        starDrafts: starDrafts(tenantId),
        passes: { ...passes(tenantId), ...passGrants.passes(tenantId), ...passRevocation(tenantId) },
        seats: passGrants.seats(tenantId),
        purchases: purchases(tenantId),
        outbox: outbox(tenantId),
        usage: usage(tenantId),
        privacy: privacy(tenantId),
      };
    },
    async ping() {
      try {
        ping.get();
      } catch (error) {
        throw new AppError('UNAVAILABLE', 'The SQLite store cannot serve reads.', { cause: error });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

export { openSqliteDatabase, BUSY_TIMEOUT_MS } from './database.js';
export { migrate, migrations, type Migration } from './migrations.js';
