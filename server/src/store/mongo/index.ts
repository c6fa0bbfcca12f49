/**
 * The production `Store` adapter: MongoDB through mongoose 9 (`MONGODB_URI`). One small module
 * per aggregate, like the SQLite adapter; `forTenant` binds the tenant id into closures whose
 * every query goes through the tenant-scope plugin (tenant-scope.ts), which refuses, before any
 * I/O, a query on tenant data that names no tenant.
 *
 * Atomicity: most operations write one document, and each read-then-write of the SQLite
 * adapter became one atomic single-document command (conditional findOneAndUpdate, upsert on a
 * unique index, `$inc`). The few that write several documents (payments, seat grants, erasure,
 * purge) run as write units (write-units.ts): a MongoDB transaction when the server is a
 * replica-set member or mongos (asked once at connect), otherwise an order of idempotent writes
 * that completes exactly once when run again after a crash (billing-flows.ts, passes.ts,
 * pass-revocation.ts, privacy.ts document their orders). So a standalone server works too, and the offline
 * contract suite (a standalone fake) exercises that path.
 */
import type { Connection } from 'mongoose';
import type { Store, TenantStore } from '../store.js';
import { AppError } from '../../errors.js';
import { prepareAnswers } from './answers.js';
import { prepareApiKeys } from './api-keys.js';
import { prepareBillingFlows } from './billing-flows.js';
import { openConnection, pingConnection, supportsTransactions, watchConnection, type StoreLogger } from './connection.js';
import { unavailable } from './errors.js';
import { prepareLearners } from './learners.js';
import { prepareLeases } from './leases.js';
import { compileModels, type MongoContext } from './models.js';
import { prepareOutbox } from './outbox.js';
import { prepareOutboxDelivery } from './outbox-delivery.js';
import { preparePasses } from './passes.js';
import { prepareErasureAndAudit } from './privacy.js';
import { preparePurchases } from './purchases.js';
import { prepareSessions } from './sessions.js';
import { prepareStarDrafts } from './star-drafts.js';
import { prepareTenants } from './tenants.js';
import { prepareUsage } from './usage.js';
import { prepareWebhooks } from './webhooks.js';
import { prepareWriteUnits } from './write-units.js';

export interface MongoStoreOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string (MONGODB_URI). Give this or `connection`. */
  uri?: string;
  /** An open mongoose connection to use instead of `uri`; the caller keeps it (close() leaves it open). */
  connection?: Connection;
  /** The database to use when the URI names none (mongoose's default is `test`). With `uri` only. */
  dbName?: string;
  /** Source of every timestamp the store writes; defaults to the system clock. */
  clock?: () => Date;
  /**
   * Create collections and build indexes at start-up (default true). Set false in production
   * and run `npm run db:sync-indexes` on deploy instead.
   */
  autoIndex?: boolean;
  /** Where connection events are logged (the app's pino logger). */
  logger?: StoreLogger;
}

const OPTION_KEYS = new Set(['uri', 'connection', 'dbName', 'clock', 'autoIndex', 'logger']);

function checkOptions(options: MongoStoreOptions): void {
  const unknown = Object.keys(options).filter((key) => !OPTION_KEYS.has(key));
  if (unknown.length > 0) throw new TypeError(`createMongoStore: unknown option(s) ${unknown.join(', ')}`);
  if ((options.uri === undefined) === (options.connection === undefined)) {
    throw new TypeError('createMongoStore: give exactly one of `uri` and `connection`');
  }
  if (options.dbName !== undefined && options.connection !== undefined) {
    throw new TypeError('createMongoStore: `dbName` goes with `uri`; a given connection has its database');
  }
}

/** Connects (rejecting with UNAVAILABLE if MongoDB cannot be reached) and returns the store. */
export async function createMongoStore(options: MongoStoreOptions): Promise<Store> {
  checkOptions(options);
  const clock = options.clock ?? (() => new Date());
  const autoIndex = options.autoIndex ?? true;
  const owned = options.connection === undefined;
  let connection: Connection;
  if (options.connection) {
    connection = options.connection;
    watchConnection(connection, options.logger);
  } else {
    connection = await openConnection(options.uri as string, { autoIndex, dbName: options.dbName, logger: options.logger });
  }

  const models = compileModels(connection, clock);
  let transactions: boolean;
  try {
    if (autoIndex) {
      // Unique indexes must exist before the first write relies on them.
      await Promise.all(Object.values(models).map((model: { init(): Promise<unknown> }) => model.init()));
    }
    transactions = await supportsTransactions(connection);
  } catch (error) {
    if (owned) await connection.close().catch(() => undefined);
    throw error;
  }
  options.logger?.info(
    { transactions },
    transactions
      ? 'MongoDB store: multi-document operations run as transactions'
      : 'MongoDB store: standalone server, multi-document operations run as ordered idempotent writes',
  );

  const context: MongoContext = { models, clock, units: prepareWriteUnits(connection, transactions) };
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
  const privacy = prepareErasureAndAudit(context);
  let closed = false;

  return {
    kind: 'mongo',
    ...tenants,
    findApiKeyByHash: apiKeys.findByHash,
    recordWebhookEvent: prepareWebhooks(context),
    ...prepareLeases(context),
    ...prepareBillingFlows(context),
    ...prepareOutboxDelivery(context),
    forTenant(tenantId): TenantStore {
      if (typeof tenantId !== 'string' || tenantId.length === 0) {
        throw new AppError('INTERNAL', 'forTenant needs a tenant id.');
      }
      return {
        tenantId,
        apiKeys: apiKeys.forTenant(tenantId),
        learners: learners(tenantId),
        sessions: sessions(tenantId),
        answers: answers(tenantId),
        starDrafts: starDrafts(tenantId),
        passes: passes.passes(tenantId),
        seats: passes.seats(tenantId),
        purchases: purchases(tenantId),
        outbox: outbox(tenantId),
        usage: usage(tenantId),
        privacy: privacy(tenantId),
      };
    },
    async ping() {
      if (closed) throw unavailable(undefined, 'The MongoDB store is closed.');
      await pingConnection(connection);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (owned) await connection.close();
    },
  };
}

export { compileModels, type StoreModels } from './models.js';
export { declaredIndexes, diffIndexes, syncIndexes, type DeclaredIndex, type IndexChanges } from './indexes.js';
export { openConnection, redactUri, type StoreLogger } from './connection.js';
export { TenantScopeViolation, inTenant, tenantScopePlugin } from './tenant-scope.js';
