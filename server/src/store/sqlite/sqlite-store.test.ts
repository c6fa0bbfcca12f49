import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { runStoreContract } from '../contract/store-contract.js';
import { newSession, tenantSettings } from '../contract/harness.js';
import type { Store } from '../store.js';
import { createSqliteStore, migrate, migrations, openSqliteDatabase, BUSY_TIMEOUT_MS } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
let fileCount = 0;
const newFile = () => join(dir, `store-${++fileCount}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite (file)', async ({ clock }) => createSqliteStore({ file: newFile(), clock }));
runStoreContract('sqlite (:memory:)', async ({ clock }) => createSqliteStore({ file: ':memory:', clock }));

describe('sqlite store', () => {
  const opened: { close(): unknown }[] = [];
  function open(file: string, clock?: () => Date): Store {
    const store = createSqliteStore(clock ? { file, clock } : { file });
    opened.push(store);
    return store;
  }
  function raw(file: string): Database.Database {
    const db = new Database(file);
    opened.push(db);
    return db;
  }
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });

  describe('migrations', () => {
    it('records every migration, and re-opening applies nothing new and keeps the data', async () => {
      const file = newFile();
      const first = open(file, () => new Date('2030-01-01T00:00:00.000Z'));
      const tenant = await first.createTenant({ name: 'Kept', settings: tenantSettings() });
      await first.close();
      const recorded = raw(file).prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
      expect(recorded).toEqual(migrations.map((m) => ({ version: m.version, applied_at: '2030-01-01T00:00:00.000Z' })));

      const reopened = open(file, () => new Date('2031-06-01T00:00:00.000Z'));
      expect(await reopened.getTenant(tenant.id)).toEqual(tenant);
      await reopened.close();
      expect(raw(file).prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(
        recorded,
      );
    });

    it('migration 5: passes granted before it hold no seat (revoking them returns none); a seat grant after it does', async () => {
      const file = newFile();
      const old = raw(file);
      migrate(old, migrations.filter((m) => m.version < 5));
      const settings = JSON.stringify(tenantSettings({ billingMode: 'seats' }));
      old.prepare("INSERT INTO tenants (id, name, settings, created_at, updated_at) VALUES ('ten_old', 'Old', ?, '2030-01-01T00:00:00.000Z', '2030-01-01T00:00:00.000Z')").run(settings);
      old.prepare("INSERT INTO seat_pools (tenant_id, balance, updated_at) VALUES ('ten_old', 1, '2030-01-01T00:00:00.000Z')").run();
      old.prepare(
        `INSERT INTO passes (id, tenant_id, learner_id, type, source, starts_at, expires_at, created_at)
         VALUES ('pas_old', 'ten_old', 'lrn_old', 'week', 'sponsored', '2031-01-01T00:00:00.000Z', '2031-01-08T00:00:00.000Z', '2030-01-01T00:00:00.000Z')`,
      ).run();
      old.close();

      const store = open(file, () => new Date('2030-06-01T00:00:00.000Z'));
      const tenant = store.forTenant('ten_old');
      expect((await tenant.passes.get('pas_old'))?.seat).toBeNull();
      expect((await tenant.passes.revoke('pas_old')).seat).toBeNull();
      expect(await tenant.seats.balance()).toBe(1);
      const granted = await tenant.passes.grant({ learnerId: 'lrn_old', type: 'day', days: 1, source: 'sponsored', useSeat: true });
      expect(granted.seat).toBe('held');
      expect((await tenant.passes.revoke(granted.id)).seat).toBe('returned');
      expect(await tenant.seats.balance()).toBe(1);
    });

    it('migrate applies only the migrations newer than the database', () => {
      const db = openSqliteDatabase(newFile());
      opened.push(db);
      expect(migrate(db)).toEqual([]);
      const next = [...migrations, { version: 1000, name: 'add notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT' }];
      expect(migrate(db, next)).toEqual([1000]);
      expect(migrate(db, next)).toEqual([]);
      expect(db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({ version: 1000 });
    });

    it('a failing migration rolls back every migration of its run', () => {
      const db = openSqliteDatabase(newFile());
      opened.push(db);
      const broken = [
        ...migrations,
        { version: 1000, name: 'fine', sql: 'CREATE TABLE fine (id TEXT) STRICT' },
        { version: 1001, name: 'broken', sql: 'CREATE TABLE broken (id TEXT) STRICT; SELECT * FROM no_such_table' },
      ];
      expect(() => migrate(db, broken)).toThrow(/no_such_table/);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('fine', 'broken')").all();
      expect(tables).toEqual([]);
      expect(db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({
        version: migrations.at(-1)?.version,
      });
    });

    it('v4 gives tenants stored before it no secrets, and keeps their settings', async () => {
      const file = newFile();
      const db = new Database(file);
      migrate(db, migrations.filter((m) => m.version < 4));
      const settings = tenantSettings();
      db.prepare("INSERT INTO tenants (id, name, settings, created_at, updated_at) VALUES ('ten_old', 'Old', ?, 'x', 'x')").run(
        JSON.stringify(settings),
      );
      db.close();
      const tenant = await open(file).getTenant('ten_old');
      expect(tenant).toMatchObject({ name: 'Old', settings, secrets: { anthropicApiKey: null } });
    });

    it('refuses a migration list that is not in increasing version order', () => {
      const db = new Database(':memory:');
      opened.push(db);
      const list = [
        { version: 2, name: 'b', sql: 'SELECT 1' },
        { version: 1, name: 'a', sql: 'SELECT 1' },
      ];
      expect(() => migrate(db, list)).toThrow(/increasing order/);
    });
  });

  it('data survives close and reopen', async () => {
    const file = newFile();
    const store = open(file);
    const tenant = await store.createTenant({ name: 'Durable', settings: tenantSettings() });
    const scoped = store.forTenant(tenant.id);
    const learner = await scoped.learners.upsertByExternalId({ externalId: 'ext-1', email: 'a@x.edu' });
    const session = await scoped.sessions.create(newSession(learner.id));
    await scoped.usage.increment(learner.id, '2030-01', { feedback: 2 });
    await store.recordWebhookEvent({ id: 'evt_1', provider: 'stripe', type: 't', tenantId: tenant.id });
    await store.close();

    const reopened = open(file).forTenant(tenant.id);
    expect(await reopened.learners.get(learner.id)).toEqual(learner);
    expect(await reopened.sessions.get(session.id)).toEqual(session);
    expect((await reopened.usage.get(learner.id, '2030-01')).counters).toEqual({ feedback: 2 });
    expect(await open(file).recordWebhookEvent({ id: 'evt_1', provider: 'stripe', type: 't', tenantId: null })).toBe(false);
  });

  it('creates the folder of the database file', async () => {
    const file = join(dir, 'nested', 'deeper', 'store.db');
    await open(file).ping();
    expect(existsSync(file)).toBe(true);
  });

  it('runs in WAL mode with NORMAL sync, foreign keys on and a busy timeout', () => {
    const file = newFile();
    const db = openSqliteDatabase(file);
    opened.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    // WAL is a property of the file: a fresh connection sees it too.
    expect(raw(file).pragma('journal_mode', { simple: true })).toBe('wal');
  });

  describe('schema', () => {
    const globalUniqueIndexes = new Set([
      'api_keys_hash',
      'purchases_checkout_session_id',
      // Payments arrive without a tenant we can trust before lookup: refunds name the payment.
      'purchases_provider_payment_ref',
      'passes_purchase_id',
      // Scans of the background jobs, which serve every tenant (Store.listPassesDueForReminder, claimDueEmails).
      'passes_reminder_due',
      'outbox_emails_status_next_attempt',
    ]);

    function tenantTables(db: Database.Database): string[] {
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .all()
        .map((row) => row.name);
      return tables.filter((table) =>
        (db.pragma(`table_info(${table})`) as { name: string; notnull: number }[]).some(
          (column) => column.name === 'tenant_id' && column.notnull === 1,
        ),
      );
    }

    it('every tenant table has a NOT NULL tenant_id', () => {
      const db = openSqliteDatabase(':memory:');
      opened.push(db);
      expect(tenantTables(db)).toEqual([
        'answers',
        'api_keys',
        'interview_sessions',
        'learner_erasures',
        'learners',
        'outbox_emails',
        'passes',
        'privacy_audit',
        'purchases',
        'seat_pools',
        'star_drafts',
        'usage_counters',
      ]);
    });

    it('every index of a tenant table is led by tenant_id, except the global unique ones', () => {
      const db = openSqliteDatabase(':memory:');
      opened.push(db);
      for (const table of tenantTables(db)) {
        const indexes = db.pragma(`index_list(${table})`) as { name: string; origin: string }[];
        const tenantLed = indexes.filter((index) => {
          const columns = db.pragma(`index_info(${index.name})`) as { seqno: number; name: string }[];
          return columns.find((column) => column.seqno === 0)?.name === 'tenant_id';
        });
        expect(tenantLed.length, `${table} has an index led by tenant_id`).toBeGreaterThan(0);
        const others = indexes
          .filter((index) => index.origin !== 'pk' && !tenantLed.includes(index))
          .map((index) => index.name);
        expect(others.filter((name) => !globalUniqueIndexes.has(name)), `indexes of ${table}`).toEqual([]);
      }
    });

    it('the unique rules are enforced by unique indexes', () => {
      const db = openSqliteDatabase(':memory:');
      opened.push(db);
      const uniqueColumns = (table: string) =>
        (db.pragma(`index_list(${table})`) as { name: string; unique: number }[])
          .filter((index) => index.unique === 1)
          .map((index) => (db.pragma(`index_info(${index.name})`) as { name: string }[]).map((c) => c.name).join(','));
      expect(uniqueColumns('api_keys')).toContain('hash');
      expect(uniqueColumns('learners')).toContain('tenant_id,external_id');
      expect(uniqueColumns('webhook_events')).toContain('provider,id');
      expect(uniqueColumns('purchases')).toContain('checkout_session_id');
      expect(uniqueColumns('outbox_emails')).toContain('tenant_id,dedupe_key');
      expect(uniqueColumns('usage_counters')).toContain('tenant_id,subject,period');
      expect(uniqueColumns('answers')).toContain('tenant_id,session_id,question_id,attempt');
    });

    it('a later page of a tenant list is an index range read with no sort', () => {
      const db = openSqliteDatabase(':memory:');
      opened.push(db);
      const plan = db
        .prepare<[string, string, string], { detail: string }>(
          `EXPLAIN QUERY PLAN SELECT * FROM answers WHERE tenant_id = ? AND learner_id = ?
           AND (created_at, id) < (?, 'x') ORDER BY created_at DESC, id DESC LIMIT 21`,
        )
        .all('ten_a', 'lrn_a', '2030-01-01T00:00:00.000Z')
        .map((row) => row.detail)
        .join('\n');
      expect(plan).toContain('answers_tenant_learner_created');
      expect(plan).not.toContain('TEMP B-TREE');
    });
  });

  it('writes under a tenant that does not exist are NOT_FOUND', async () => {
    const store = open(newFile());
    const error = await store
      .forTenant('ten_missing')
      .learners.upsertByExternalId({ externalId: 'x' })
      .catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('NOT_FOUND');
  });

  it('ping rejects with UNAVAILABLE once closed', async () => {
    const store = open(newFile());
    await store.close();
    const error = await store.ping().catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('UNAVAILABLE');
  });

  it('two stores on one file see each other: a lease held by one refuses the other', async () => {
    const file = newFile();
    const one = open(file);
    const two = open(file);
    expect(await one.acquireLease('nightly', 'one', 60_000)).toBe(true);
    expect(await two.acquireLease('nightly', 'two', 60_000)).toBe(false);
    const tenant = await one.createTenant({ name: 'Shared', settings: tenantSettings() });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? one : two).forTenant(tenant.id).usage.increment('tenant', '2030-01', { n: 1 }),
      ),
    );
    expect((await one.forTenant(tenant.id).usage.get('tenant', '2030-01')).counters).toEqual({ n: 20 });
  });

  it('a write waits for another connection that holds the write lock instead of failing', async () => {
    const file = newFile();
    const store = open(file);
    const tenant = await store.createTenant({ name: 'Busy', settings: tenantSettings() });
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file);
       db.exec('BEGIN IMMEDIATE');
       parentPort.postMessage('locked');
       setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released'); }, 300);`,
      { eval: true, workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } },
    );
    try {
      await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      const started = Date.now();
      const result = await store.forTenant(tenant.id).usage.increment('tenant', '2030-01', { n: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      expect(result.counters).toEqual({ n: 1 });
    } finally {
      await worker.terminate();
    }
  });
});
