/**
 * What the contract does not cover, through the real mongoose and driver against the fake
 * wire server: what goes over the wire (the tenant filter on every command), error
 * translation (validation, duplicate-key races, retryable server errors), connection loss and
 * recovery, start-up failure, close, index sync, documents stored before the billing and
 * privacy work, the write order of multi-document operations under a crash at each step
 * (standalone), and their transactions (the fake posing as a replica-set primary).
 */
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAppError, type AppError } from '../../errors.js';
import { draftContent, newAnswer, newEmail, newPass, newPurchase, newSession, tenantSettings } from '../contract/harness.js';
import type { ErasureInput, Learner } from '../records.js';
import { migrate, migrations } from '../sqlite/migrations.js';
import type { PurchaseFulfilment, Store, TenantStore } from '../store.js';
import { compileModels, createMongoStore, diffIndexes, syncIndexes } from './index.js';
import { runSyncIndexes } from './sync-indexes-cli.js';
import { startFakeMongo, type FakeMongoServer, type RecordedCommand } from './testing/fake-mongod.js';

let server: FakeMongoServer;
const stores: Store[] = [];
const freshDb = () => `is_adapter_${randomBytes(5).toString('hex')}`;

async function open(
  dbName = freshDb(),
  extra: { autoIndex?: boolean; clock?: () => Date } = {},
): Promise<{ store: Store; dbName: string }> {
  const store = await createMongoStore({ uri: server.uri(dbName), ...extra });
  stores.push(store);
  return { store, dbName };
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw error;
  return error;
}

const duplicateKey = (keyPattern: Record<string, 1>) => ({
  ok: 0,
  code: 11000,
  codeName: 'DuplicateKey',
  errmsg: 'E11000 duplicate key error (injected: a racing writer won)',
  keyPattern,
  keyValue: {},
});

/** The tenant ids a recorded command names in its filters or documents. */
function tenantsOf(command: RecordedCommand): unknown[] {
  const body = command.body as Record<string, any>;
  switch (command.name) {
    case 'find':
    case 'count':
      return [body.filter?.tenantId ?? body.query?.tenantId];
    case 'findAndModify':
      return [body.query.tenantId];
    case 'update':
      return body.updates.map((u: any) => u.q.tenantId);
    case 'delete':
      return body.deletes.map((d: any) => d.q.tenantId);
    case 'insert':
      return body.documents.map((d: any) => d.tenantId);
    case 'aggregate':
      return [body.pipeline[0]?.$match?.tenantId];
    default:
      return [`unexpected command ${command.name}`];
  }
}

const TENANT_COLLECTIONS = [
  'api_keys',
  'learners',
  'interview_sessions',
  'answers',
  'star_drafts',
  'passes',
  'seat_pools',
  'purchases',
  'outbox_emails',
  'usage_counters',
  'learner_erasures',
  'privacy_audit',
];

beforeAll(async () => {
  server = await startFakeMongo();
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});
afterAll(async () => {
  await server.stop();
});

describe('on the wire', () => {
  it('every command on tenant data carries the tenant id in its filter or documents, and no binding option', async () => {
    const { store, dbName } = await open();
    const tenantId = (await store.createTenant({ name: 'A', settings: tenantSettings() })).id;
    const t = store.forTenant(tenantId);
    const from = server.commands.length;

    const learner = await t.learners.upsertByExternalId({ externalId: 's1', email: 'a@x.edu' });
    await t.learners.get(learner.id);
    await t.learners.getByExternalId('s1');
    await t.learners.list({ limit: 5 });
    await t.learners.update(learner.id, { locale: 'cy' });
    await t.learners.touchActive(learner.id);
    const key = await t.apiKeys.create({ kind: 'secret', prefix: 'sk_x', hash: `h-${dbName}`, label: 'k' });
    await t.apiKeys.list();
    await t.apiKeys.touch(key.id);
    await t.apiKeys.revoke(key.id);
    const session = await t.sessions.create(newSession(learner.id));
    await t.sessions.listForLearner(learner.id, { limit: 5 });
    const answer = await t.answers.create(newAnswer(learner.id, session.id));
    await t.answers.listForSession(session.id);
    await t.answers.listForQuestion(session.id, 'q1');
    await t.answers.listForLearner(learner.id, { limit: 5 });
    await t.answers.setFeedback(answer.id, 'failed', null);
    await t.sessions.complete(session.id, null);
    await expect(t.sessions.complete(session.id, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    const draft = await t.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
    await t.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: 1, content: draftContent('B') });
    await t.starDrafts.listForLearner(learner.id);
    await t.starDrafts.delete(draft.id);
    const pass = await t.passes.create(newPass(learner.id));
    await t.passes.revoke(pass.id);
    await t.passes.listForLearner(learner.id);
    const purchase = await t.purchases.create(newPurchase(learner.id, `cs-${dbName}`));
    await t.purchases.getByCheckoutSession(`cs-${dbName}`);
    await t.purchases.setStatus(purchase.id, 'paid');
    await t.purchases.listForLearner(learner.id);
    await t.outbox.enqueue(newEmail('k1'));
    await t.outbox.list({ limit: 5 });
    await t.usage.increment('tenant', '2030-01', { feedback: 1 });
    await t.usage.get('tenant', '2030-01');
    await store.findApiKeyByHash(`h-${dbName}`);

    const sent = server.commands.slice(from).filter((c) => c.db === dbName && TENANT_COLLECTIONS.includes(String(c.body[c.name])));
    const byHash = sent.filter((c) => c.name === 'find' && c.body['filter'] && 'hash' in (c.body['filter'] as object));
    expect(byHash).toHaveLength(1); // the one deliberate cross-tenant read
    const unscoped = sent.filter((c) => !byHash.includes(c)).filter((c) => tenantsOf(c).some((id) => id !== tenantId));
    expect(unscoped.map((c) => c.body)).toEqual([]);
    expect(sent.length).toBeGreaterThan(35);
    expect(sent.filter((c) => 'tenantId' in c.body || 'crossTenant' in c.body)).toEqual([]);
  });

  it('stores times as BSON dates and the branding copy as entries (no dotted field names)', async () => {
    const { store, dbName } = await open();
    const tenant = await store.createTenant({ name: 'A', settings: tenantSettings() });
    const [doc] = server.engine.documents(dbName, 'tenants') as [Record<string, any>];
    expect(doc['createdAt']).toBeInstanceOf(Date);
    expect(doc['settings'].branding.copy).toEqual([{ key: 'start.title', value: 'Practise an interview' }]);
    expect((await store.getTenant(tenant.id))?.settings.branding.copy).toEqual({ 'start.title': 'Practise an interview' });
  });
});

describe('errors', () => {
  it('a document the schema refuses is VALIDATION_FAILED and nothing is written', async () => {
    const { store, dbName } = await open();
    const bad = tenantSettings({ minimumAge: 10 });
    expect((await appError(store.createTenant({ name: 'A', settings: bad }))).code).toBe('VALIDATION_FAILED');
    expect(server.engine.documents(dbName, 'tenants')).toEqual([]);
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    const learner = await tenant.learners.upsertByExternalId({ externalId: 's' });
    const session = newSession(learner.id, { seniority: 'wizard' as never });
    expect((await appError(tenant.sessions.create(session))).code).toBe('VALIDATION_FAILED');
  });

  it('an update the schema refuses is VALIDATION_FAILED (update validators run) and changes nothing', async () => {
    const { store } = await open();
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    const learner = await tenant.learners.upsertByExternalId({ externalId: 's' });
    expect((await appError(tenant.learners.update(learner.id, { extendedTimeMultiplier: 9 }))).code).toBe('VALIDATION_FAILED');
    expect((await appError(tenant.learners.update(learner.id, { locale: 'not a locale' }))).code).toBe('VALIDATION_FAILED');
    expect(await tenant.learners.get(learner.id)).toEqual(learner);
  });

  it('a counter name that cannot be a field path is VALIDATION_FAILED', async () => {
    const { store } = await open();
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    for (const name of ['a.b', '$inc', '']) {
      expect((await appError(tenant.usage.increment('tenant', '2030-01', { [name]: 1 }))).code).toBe('VALIDATION_FAILED');
    }
    expect(await tenant.usage.increment('tenant', '2030-01', {})).toEqual({ subject: 'tenant', period: '2030-01', counters: {} });
  });

  it('a learner upsert that loses a first-sight race (E11000) runs again and returns the learner', async () => {
    const { store } = await open();
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    server.failNext('findAndModify', duplicateKey({ tenantId: 1, externalId: 1 }));
    const learner = await tenant.learners.upsertByExternalId({ externalId: 'race', name: 'Ada' });
    expect(learner).toMatchObject({ externalId: 'race', name: 'Ada' });
  });

  it('an enqueue that loses the dedupe race returns the winner, and a usage increment that loses the insert race counts once', async () => {
    const { store } = await open();
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    const first = await tenant.outbox.enqueue(newEmail('receipt:1'));
    server.failNext('findAndModify', duplicateKey({ tenantId: 1, dedupeKey: 1 }));
    expect(await tenant.outbox.enqueue(newEmail('receipt:1'))).toEqual(first);
    server.failNext('findAndModify', duplicateKey({ tenantId: 1, subject: 1, period: 1 }));
    expect((await tenant.usage.increment('tenant', '2030-01', { feedback: 1 })).counters).toEqual({ feedback: 1 });
  });

  it('concurrent answers to one question race on the unique attempt index and retry until numbered', async () => {
    const { store, dbName } = await open();
    const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
    const learner = await tenant.learners.upsertByExternalId({ externalId: 's' });
    const session = await tenant.sessions.create(newSession(learner.id));
    const from = server.commands.length;
    const answers = await Promise.all(Array.from({ length: 8 }, () => tenant.answers.create(newAnswer(learner.id, session.id))));
    expect(answers.map((a) => a.attempt).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const inserts = server.commands.slice(from).filter((c) => c.db === dbName && c.name === 'insert');
    expect(inserts.length).toBeGreaterThan(8); // some writers lost on the index and tried again
  });

  it('a retryable server error is retried once by the driver; twice in a row it is a retryable UNAVAILABLE', async () => {
    const { store } = await open();
    const tenant = await store.createTenant({ name: 'A', settings: tenantSettings() });
    const stepDown = { ok: 0, code: 189, codeName: 'PrimarySteppedDown', errmsg: 'injected step-down' };
    server.failNext('find', stepDown);
    expect(await store.getTenant(tenant.id)).toEqual(tenant);
    server.failNext('find', stepDown);
    server.failNext('find', stepDown);
    const error = await appError(store.getTenant(tenant.id));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.details).toEqual({ retryable: true });
  });

  it('a server error that is not about availability is left for the app to report as INTERNAL', async () => {
    const { store } = await open();
    server.failNext('find', { ok: 0, code: 2, codeName: 'BadValue', errmsg: 'injected bad value' });
    const error = await store.getTenant('ten_x').catch((e: unknown) => e);
    expect(isAppError(error)).toBe(false);
    expect(error).toBeInstanceOf(mongoose.mongo.MongoServerError);
  });
});

describe('connection loss', () => {
  it('ping and operations fail with a retryable UNAVAILABLE while the server is gone, and recover when it is back', async () => {
    const { store } = await open();
    const tenant = await store.createTenant({ name: 'A', settings: tenantSettings() });
    await store.ping();
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await server.stop();
      expect((await appError(store.ping())).code).toBe('UNAVAILABLE');
      const failed = await appError(store.getTenant(tenant.id));
      expect(failed).toMatchObject({ code: 'UNAVAILABLE', details: { retryable: true } });
      expect((await appError(store.forTenant(tenant.id).learners.upsertByExternalId({ externalId: 'x' }))).code).toBe('UNAVAILABLE');
    } finally {
      await server.start();
    }
    await vi.waitFor(() => store.ping(), { timeout: 15_000, interval: 250 });
    expect(await store.getTenant(tenant.id)).toEqual(tenant);
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  }, 30_000);

  it('start-up against an unreachable server rejects with UNAVAILABLE and does not print the password', async () => {
    const error = await appError(
      createMongoStore({ uri: 'mongodb://app:s3cret@127.0.0.1:9/x?directConnection=true&serverSelectionTimeoutMS=300' }),
    );
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toContain('mongodb://***@127.0.0.1:9');
    expect(error.message).not.toContain('s3cret');
  });

  it('after close, ping and operations reject with UNAVAILABLE instead of crashing', async () => {
    const { store } = await open();
    await store.close();
    expect((await appError(store.ping())).code).toBe('UNAVAILABLE');
    expect((await appError(store.listTenants())).code).toBe('UNAVAILABLE');
  });
});

describe('options and indexes', () => {
  it('refuses unknown options and needs exactly one of uri and connection', async () => {
    await expect(createMongoStore({ uri: server.uri('x'), autoindex: true } as never)).rejects.toThrow(/unknown option/);
    await expect(createMongoStore({})).rejects.toThrow(/exactly one/);
  });

  it('uses a given connection and leaves it open on close', async () => {
    const connection = await mongoose.createConnection(server.uri(freshDb()), { bufferCommands: false }).asPromise();
    const store = await createMongoStore({ connection });
    await store.createTenant({ name: 'A', settings: tenantSettings() });
    await store.close();
    await expect(store.ping()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(connection.readyState).toBe(mongoose.ConnectionStates.connected);
    await connection.close();
  });

  it('with autoIndex off nothing is built at start-up; syncIndexes builds exactly the declared indexes and drops strays', async () => {
    const dbName = freshDb();
    const from = server.commands.length;
    await open(dbName, { autoIndex: false });
    expect(server.commands.slice(from).filter((c) => c.db === dbName && ['createIndexes', 'create'].includes(c.name))).toEqual([]);

    const connection = await mongoose.createConnection(server.uri(dbName), { autoIndex: false, autoCreate: false }).asPromise();
    try {
      const models = compileModels(connection, () => new Date());
      await models.Learner.collection.createIndex({ email: 1 }, { name: 'stray_by_hand' });
      const planned = await diffIndexes(models);
      expect(planned.find((c) => c.collection === 'learners')).toEqual({
        collection: 'learners',
        toCreate: ['learners_tenant_external_id', 'learners_tenant_created', 'learners_tenant_last_active'],
        toDrop: ['stray_by_hand'],
      });
      await syncIndexes(models);
      expect((await diffIndexes(models)).every((c) => c.toCreate.length === 0 && c.toDrop.length === 0)).toBe(true);
      const unique = server.engine.indexes(dbName, 'api_keys').find((index) => index.name === 'api_keys_hash');
      expect(unique).toMatchObject({ key: { hash: 1 }, unique: true });
    } finally {
      await connection.close();
    }
  });

  it('the db:sync-indexes command syncs the database at MONGODB_URI, and says so when it is not set', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errorLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const uri = server.uri(freshDb());
      expect(await runSyncIndexes(['--dry-run'], { MONGODB_URI: uri })).toBe(0);
      expect(String(log.mock.calls.at(-1)?.[0])).toContain('+ learners.learners_tenant_external_id');
      expect(await runSyncIndexes([], { MONGODB_URI: uri })).toBe(0);
      expect(await runSyncIndexes(['--dry-run'], { MONGODB_URI: uri })).toBe(0);
      expect(String(log.mock.calls.at(-1)?.[0])).toContain('already in sync');
      expect(await runSyncIndexes([], {})).toBe(78);
    } finally {
      log.mockRestore();
      errorLog.mockRestore();
    }
  });
});

// ---------- billing and privacy: documents, scoping, crashes, transactions ----------

const DAY = 86_400_000;
/** Stands in for the process stopping just before this write: the write never happens. */
const crash = { ok: 0, code: 2, codeName: 'BadValue', errmsg: 'injected: the process stopped before this write' };

async function tenantWithLearner(store: Store): Promise<{ tenant: TenantStore; learner: Learner }> {
  const tenant = store.forTenant((await store.createTenant({ name: 'A', settings: tenantSettings() })).id);
  const learner = await tenant.learners.upsertByExternalId({ externalId: `s-${randomBytes(4).toString('hex')}`, email: 'ada@example.edu' });
  return { tenant, learner };
}

let serial = 0;
function fulfilment(tenant: TenantStore, learner: Learner, overrides: Partial<PurchaseFulfilment> = {}): PurchaseFulfilment {
  serial += 1;
  return {
    event: { provider: 'stripe', id: `evt_${serial}`, type: 'checkout.session.completed' },
    tenantId: tenant.tenantId,
    checkoutSessionId: `cs_${serial}`,
    provider: 'stripe',
    paymentRef: `pi_${serial}`,
    learnerId: learner.id,
    passType: 'week',
    amount: 699,
    currency: 'gbp',
    passDays: 7,
    ...overrides,
  };
}

const refundOf = (paymentRef: string, id = `evt_r_${paymentRef}`) => ({
  event: { provider: 'stripe', id, type: 'charge.refunded' },
  provider: 'stripe' as const,
  paymentRef,
  tenantId: null,
});

function erasureInput(overrides: Partial<ErasureInput> = {}): ErasureInput {
  return {
    subjectHash: 'subject',
    reference: `erased_${randomBytes(6).toString('hex')}`,
    purgeDueAt: new Date(Date.now() + 30 * DAY).toISOString(),
    forgetAt: new Date(Date.now() + 31 * DAY).toISOString(),
    audit: { actor: { kind: 'admin', id: 'key:k1' }, details: { reason: 'admin-request' } },
    ...overrides,
  };
}

/** Something of the learner's in every collection erasure covers. */
async function fillLearner(t: TenantStore, learner: Learner) {
  const session = await t.sessions.create(newSession(learner.id));
  await t.answers.create(newAnswer(learner.id, session.id));
  await t.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
  await t.passes.create(newPass(learner.id));
  const purchase = await t.purchases.create(newPurchase(learner.id, `cs-${randomBytes(4).toString('hex')}`));
  await t.usage.increment(`learner:${learner.id}`, '2030-01', { feedback: 1 });
  await t.outbox.enqueue(newEmail(undefined, learner.id));
  await t.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });
  return { purchase };
}

async function expectNothingLeftOf(t: TenantStore, learner: Learner, purchaseId: string): Promise<void> {
  expect(await t.learners.get(learner.id)).toBeNull();
  expect((await t.sessions.listForLearner(learner.id, { limit: 10 })).items).toEqual([]);
  expect((await t.answers.listForLearner(learner.id, { limit: 10 })).items).toEqual([]);
  expect(await t.starDrafts.listForLearner(learner.id)).toEqual([]);
  expect(await t.passes.listForLearner(learner.id)).toEqual([]);
  expect((await t.usage.get(`learner:${learner.id}`, '2030-01')).counters).toEqual({});
  expect(await t.privacy.listEmailsForLearner(learner.id)).toEqual([]);
  expect((await t.privacy.listAudit({ limit: 10, learnerId: learner.id })).items).toEqual([]);
  expect(await t.purchases.get(purchaseId)).toMatchObject({ learnerId: null, learnerRef: expect.any(String) });
}

describe('documents stored before the billing and privacy work', () => {
  it('a tenant reads with the pass products and privacy settings SQLite backfills and no secrets; a learner with no privacy choices', async () => {
    const { store, dbName } = await open();
    const { passProducts: _products, privacy: _privacy, ...legacy } = tenantSettings();
    const at = new Date('2029-06-01T00:00:00.000Z');
    const raw = await mongoose.createConnection(server.uri(dbName)).asPromise();
    try {
      await raw.collection('tenants').insertOne({
        _id: 'ten_legacy' as never,
        name: 'Old',
        settings: { ...legacy, branding: { ...legacy.branding, copy: [] } },
        createdAt: at,
        updatedAt: at,
      });
      await raw.collection('learners').insertOne({
        _id: 'lrn_legacy' as never,
        tenantId: 'ten_legacy',
        externalId: 'old',
        email: null,
        name: null,
        guest: false,
        locale: null,
        extendedTimeMultiplier: 1,
        createdAt: at,
        updatedAt: at,
        lastActiveAt: at,
      });
    } finally {
      await raw.close();
    }

    // The same tenant in SQLite: a row of the first schema, then the migrations v2 and v3.
    const sqlite = new Database(':memory:');
    let backfilled: { passProducts: unknown; privacy: unknown };
    try {
      migrate(sqlite, migrations.slice(0, 1));
      sqlite
        .prepare('INSERT INTO tenants (id, name, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run('ten_legacy', 'Old', JSON.stringify({ ...legacy, branding: { ...legacy.branding, copy: {} } }), at.toISOString(), at.toISOString());
      migrate(sqlite);
      backfilled = JSON.parse((sqlite.prepare('SELECT settings FROM tenants').get() as { settings: string }).settings);
    } finally {
      sqlite.close();
    }

    const tenant = await store.getTenant('ten_legacy');
    expect(tenant?.settings).toEqual({ ...legacy, branding: { ...legacy.branding, copy: {} }, ...backfilled });
    expect(tenant?.secrets).toEqual({ anthropicApiKey: null });
    // Setting a secret on such a document creates its secrets and keeps the rest.
    const sealed = { sealed: 'v1.abc123def456.aXY.Y2lwaGVy.dGFn', hint: 'sk-ant-…x7Qa', setAt: '2029-07-01T00:00:00.000Z' };
    const updated = await store.setTenantSecret('ten_legacy', 'anthropicApiKey', sealed);
    expect(updated.secrets.anthropicApiKey).toEqual(sealed);
    expect(updated.settings).toEqual(tenant?.settings);
    expect(tenant?.settings.privacy).toEqual({ requireAgeConfirmation: false, inactiveLearnerDays: 730, retentionReminderDays: 14 });
    expect(tenant?.settings.passProducts.map((p) => [p.type, p.durationDays, p.amount])).toEqual([
      ['day', 1, 299],
      ['week', 7, 699],
      ['month', 30, 1499],
    ]);
    expect(await store.forTenant('ten_legacy').learners.get('lrn_legacy')).toMatchObject({
      restrictedAt: null,
      analyticsOptOutAt: null,
      marketingConsentAt: null,
      ageConfirmedAt: null,
      ageConfirmedMinimum: null,
      profileEditedAt: null,
      retentionReminderAt: null,
    });
    // Saving the tenant's settings stores them as read.
    const saved = await store.updateTenant('ten_legacy', { settings: tenant!.settings });
    expect(saved.settings).toEqual(tenant?.settings);
    expect((server.engine.documents(dbName, 'tenants')[0] as Record<string, any>)['settings'].privacy).toEqual(tenant?.settings.privacy);
  });
});

describe('passes and seat pools stored before seats were recorded', () => {
  it('an old pass holds no seat and returns none; an old pool takes a returned seat', async () => {
    const { store, dbName } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const at = new Date(Date.now() + 30 * DAY);
    const raw = await mongoose.createConnection(server.uri(dbName)).asPromise();
    try {
      await raw.collection('seat_pools').insertOne({ tenantId: t.tenantId, balance: 1, pendingGrants: [], updatedAt: at });
      await raw.collection('passes').insertOne({
        _id: 'pas_legacy' as never,
        tenantId: t.tenantId,
        learnerId: learner.id,
        type: 'week',
        source: 'sponsored',
        startsAt: at,
        expiresAt: new Date(at.getTime() + 7 * DAY),
        revokedAt: null,
        purchaseId: null,
        reminderSentAt: null,
        createdAt: at,
      });
    } finally {
      await raw.close();
    }
    expect((await t.passes.get('pas_legacy'))?.seat).toBeNull();
    expect((await t.passes.revoke('pas_legacy')).seat).toBeNull();
    expect(await t.seats.balance()).toBe(1);
    const granted = await t.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: true });
    expect(await t.seats.balance()).toBe(0);
    expect((await t.passes.revoke(granted.id)).seat).toBe('returned');
    expect(await t.seats.balance()).toBe(1);
  });
});

describe('billing and privacy on the wire', () => {
  it('every command names the tenant, except the declared cross-tenant reads of webhooks and jobs', async () => {
    const { store, dbName } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const from = server.commands.length;

    await t.seats.adjust(2);
    await t.seats.balance();
    const granted = await t.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: true });
    await t.passes.markReminded(granted.id);
    const input = fulfilment(t, learner);
    await store.fulfilPurchase(input);
    await store.markPurchaseUnpaid({ ...input, event: { ...input.event, id: `${input.event.id}-failed` }, status: 'failed' });
    await store.refundPayment(refundOf(input.paymentRef as string));
    await store.listPassesDueForReminder(new Date(Date.now() + 30 * DAY).toISOString(), 10);
    const email = await t.outbox.enqueue(newEmail('k1', learner.id));
    await store.claimDueEmails(10, new Date(0).toISOString());
    await store.settleEmail(email.id, { status: 'sent' });
    await t.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });
    await t.privacy.listAudit({ limit: 5 });
    await t.privacy.listAudit({ limit: 5, learnerId: learner.id });
    await t.privacy.listEmailsForLearner(learner.id);
    await t.privacy.listInactiveLearners(new Date().toISOString(), 10);
    await t.privacy.erase(learner.id, erasureInput());
    await t.privacy.findErasure('subject');
    await t.privacy.purge(new Date(Date.now() + 40 * DAY).toISOString());
    await t.privacy.expireSeveredRecords(new Date(0).toISOString());

    const sent = server.commands.slice(from).filter((c) => c.db === dbName && TENANT_COLLECTIONS.includes(String(c.body[c.name])));
    expect(sent.length).toBeGreaterThan(60);
    expect(sent.filter((c) => 'tenantId' in c.body || 'crossTenant' in c.body)).toEqual([]);
    const unscoped = sent.filter((c) => tenantsOf(c).some((id) => id !== t.tenantId));
    // Reads only, and only these: the rest of every operation names the tenant.
    expect(unscoped.filter((c) => c.name !== 'find').map((c) => c.body)).toEqual([]);
    const described = new Set(unscoped.map((c) => `${String(c.body['find'])} by ${Object.keys(c.body['filter'] as object).sort().join(', ')}`));
    expect([...described].sort()).toEqual([
      'outbox_emails by _id', // settleEmail names the e-mail only
      'outbox_emails by nextAttemptAt, status', // the delivery job's scans
      'passes by expiresAt, reminderSentAt, revokedAt', // the reminder job's scan
      'purchases by checkoutSessionId', // fulfilment: is the checkout another tenant's?
      'purchases by paymentRef, provider', // a refund names the payment
    ]);
  });

  it('on a standalone server no operation asks for a transaction', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const dbName = freshDb();
    const store = await createMongoStore({ uri: server.uri(dbName), logger });
    stores.push(store);
    expect(logger.info).toHaveBeenCalledWith({ transactions: false }, expect.stringContaining('standalone'));
    const { tenant: t, learner } = await tenantWithLearner(store);
    const from = server.commands.length;
    await store.fulfilPurchase(fulfilment(t, learner));
    await t.privacy.erase(learner.id, erasureInput());
    const sent = server.commands.slice(from).filter((c) => c.db === dbName || c.db === 'admin');
    expect(sent.filter((c) => 'autocommit' in c.body || 'startTransaction' in c.body || c.name === 'commitTransaction')).toEqual([]);
  });
});

describe('a crash at any step (standalone: ordered idempotent writes)', () => {
  it.each([
    ['the purchase write', 'findAndModify', 'purchases'],
    ['the pass write', 'findAndModify', 'passes'],
    ['the event record', 'update', 'webhook_events'],
  ])('fulfilPurchase stopped before %s: the redelivery grants exactly one pass and records the event', async (_step, command, collection) => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const input = fulfilment(t, learner);
    server.failNext(command, crash, collection);
    await expect(store.fulfilPurchase(input)).rejects.toThrow(/injected/);
    const redelivered = await store.fulfilPurchase(input);
    expect(redelivered).toMatchObject({ applied: true, purchase: { status: 'paid', paymentRef: input.paymentRef }, pass: { source: 'purchase' } });
    expect(await t.passes.listForLearner(learner.id)).toEqual([redelivered.pass]);
    expect(await store.fulfilPurchase(input)).toEqual({ ...redelivered, applied: false });
  });

  it.each([
    ['the refund marker', 'update', 'payment_refunds'],
    ['the purchase write', 'findAndModify', 'purchases'],
    ['the pass revocation', 'findAndModify', 'passes'],
    ['the event record', 'update', 'webhook_events'],
  ])('refundPayment stopped before %s: the redelivery refunds and revokes, once', async (_step, command, collection) => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const paid = await store.fulfilPurchase(fulfilment(t, learner));
    const refund = refundOf(paid.purchase?.paymentRef as string);
    server.failNext(command, crash, collection);
    await expect(store.refundPayment(refund)).rejects.toThrow(/injected/);
    const redelivered = await store.refundPayment(refund);
    expect(redelivered.applied).toBe(true);
    expect(redelivered.purchase).toMatchObject({ id: paid.purchase?.id, status: 'refunded' });
    expect((await t.passes.listForLearner(learner.id)).map((p) => p.revokedAt === null)).toEqual([false]);
    expect(await store.refundPayment(refund)).toMatchObject({ applied: false, revoked: [] });
    // And a later paying event for the same checkout does not grant it again.
    const late = await store.fulfilPurchase({ ...fulfilment(t, learner), checkoutSessionId: paid.purchase?.checkoutSessionId as string, paymentRef: paid.purchase?.paymentRef as string });
    expect(late.purchase?.status).toBe('refunded');
    expect((await t.passes.listForLearner(learner.id)).filter((p) => p.revokedAt === null)).toEqual([]);
  });

  it('refundPayment stopped before the re-chain: the redelivery moves the queued pass up', async () => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const paid = await store.fulfilPurchase(fulfilment(t, learner));
    const queued = (await store.fulfilPurchase(fulfilment(t, learner))).pass;
    const refund = refundOf(paid.purchase?.paymentRef as string);
    server.failNext('update', crash, 'passes');
    await expect(store.refundPayment(refund)).rejects.toThrow(/injected/);
    expect((await t.passes.get(queued?.id as string))?.startsAt).toBe(queued?.startsAt);
    expect((await store.refundPayment(refund)).applied).toBe(true);
    const moved = await t.passes.get(queued?.id as string);
    expect(Date.parse(moved?.startsAt as string)).toBeLessThan(Date.parse(queued?.startsAt as string));
    expect(Date.parse(moved?.expiresAt as string) - Date.parse(moved?.startsAt as string)).toBe(7 * DAY);
  });

  it('a refund racing its checkout completion ends refunded with no live pass, whichever step it lands between', async () => {
    const { store } = await open();
    const { tenant: t } = await tenantWithLearner(store);
    /** Starts `operation` after `commands` other round trips, to land it between the other's steps. */
    const after = async <T>(commands: number, operation: () => Promise<T>): Promise<T> => {
      for (let i = 0; i < commands; i += 1) await store.ping();
      return operation();
    };
    for (let offset = -12; offset <= 12; offset += 1) {
      const learner = await t.learners.upsertByExternalId({ externalId: `race-${offset}` });
      const input = fulfilment(t, learner);
      await Promise.all([
        after(Math.max(0, -offset), () => store.fulfilPurchase(input)),
        after(Math.max(0, offset), () => store.refundPayment(refundOf(input.paymentRef as string))),
      ]);
      expect((await t.purchases.getByCheckoutSession(input.checkoutSessionId))?.status, `offset ${offset}`).toBe('refunded');
      expect((await t.passes.listForLearner(learner.id)).filter((p) => p.revokedAt === null), `offset ${offset}`).toEqual([]);
    }
  });

  it('a seat grant stopped after taking the seat is finished by the next seat operation: one pass per seat taken', async () => {
    const { store, dbName } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    await t.seats.adjust(2);
    server.failNext('insert', crash, 'passes');
    await expect(t.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true })).rejects.toThrow(/injected/);
    expect(await t.passes.listForLearner(learner.id)).toEqual([]);
    expect(await t.seats.balance()).toBe(1);
    expect(await t.passes.listForLearner(learner.id)).toMatchObject([{ type: 'week', source: 'sponsored', revokedAt: null }]);
    expect((server.engine.documents(dbName, 'seat_pools')[0] as Record<string, any>)['pendingGrants']).toEqual([]);
    // The journal is replayed once: the next grant takes the last seat, and then there are none.
    await t.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: true });
    expect(await t.passes.listForLearner(learner.id)).toHaveLength(2);
    await expect(t.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'no-seats' },
    });
  });

  /** Seats 3; a running seat pass, then two queued behind it. Revoking the middle one returns its seat and moves the last up. */
  async function seatChain(t: TenantStore, learner: Learner) {
    await t.seats.adjust(3);
    const grant = () => t.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true });
    const running = await grant();
    const middle = await grant();
    const last = await grant();
    return { running, middle, last };
  }

  it.each([
    ['the seat pool write', 'update', 'seat_pools'],
    ['the re-chain', 'update', 'passes'],
  ])('a revoke stopped before %s: revoking again completes it, with exactly one seat back', async (_step, command, collection) => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const { running, middle, last } = await seatChain(t, learner);
    server.failNext(command, crash, collection);
    await expect(t.passes.revoke(middle.id)).rejects.toThrow(/injected/);
    expect((await t.passes.get(middle.id))?.revokedAt).not.toBeNull();
    const again = await t.passes.revoke(middle.id);
    expect(again).toMatchObject({ id: middle.id, seat: 'returned' });
    expect(await t.passes.get(last.id)).toMatchObject({ startsAt: running.expiresAt, seat: 'held' });
    await t.passes.revoke(middle.id);
    expect(await t.seats.balance()).toBe(1);
  });

  it('a revoke stopped before the seat pool write is completed by the next seat operation, once', async () => {
    const { store, dbName } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const { running, middle, last } = await seatChain(t, learner);
    server.failNext('update', crash, 'seat_pools');
    await expect(t.passes.revoke(middle.id)).rejects.toThrow(/injected/);
    expect(server.engine.documents(dbName, 'passes').find((d: Record<string, any>) => d['_id'] === middle.id)).toMatchObject({ seat: 'returning' });
    // Read meanwhile, the seat already counts as returned: the revocation that returns it is written.
    expect((await t.passes.get(middle.id))?.seat).toBe('returned');
    expect(await t.seats.balance()).toBe(1);
    expect(await t.seats.balance()).toBe(1);
    expect(server.engine.documents(dbName, 'passes').find((d: Record<string, any>) => d['_id'] === middle.id)).toMatchObject({ seat: 'returned' });
    expect(await t.passes.get(last.id)).toMatchObject({ startsAt: running.expiresAt });
  });

  it('erasing a learner drops their journaled seat grant, so it never brings a pass back', async () => {
    const { store, dbName } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    await t.seats.adjust(1);
    server.failNext('insert', crash, 'passes');
    await expect(t.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true })).rejects.toThrow(/injected/);
    await t.privacy.erase(learner.id, erasureInput());
    expect(await t.seats.balance()).toBe(0);
    expect(server.engine.documents(dbName, 'passes')).toEqual([]);
  });

  it.each([
    ['the erasure record', 'findAndModify', 'learner_erasures'],
    ['the erasure audit entry', 'update', 'privacy_audit'],
    ['the answers', 'delete', 'answers'],
    ['the e-mails', 'delete', 'outbox_emails'],
    ['severing the purchases', 'update', 'purchases'],
    ['the learner', 'delete', 'learners'],
  ])('erase stopped before %s: erasing again finishes the same erasure, with one audit entry', async (_step, command, collection) => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const { purchase } = await fillLearner(t, learner);
    server.failNext(command, crash, collection);
    await expect(t.privacy.erase(learner.id, erasureInput())).rejects.toThrow(/injected/);
    const recorded = await t.privacy.findErasure('subject');
    const again = await t.privacy.erase(learner.id, erasureInput());
    if (recorded) expect(again.erasure).toEqual(recorded);
    expect(await t.privacy.findErasure('subject')).toEqual(again.erasure);
    await expectNothingLeftOf(t, learner, purchase.id);
    const audit = (await t.privacy.listAudit({ limit: 10 })).items;
    expect(audit.filter((e) => e.action === 'erasure')).toHaveLength(1);
    expect(audit.every((e) => e.learnerId === null)).toBe(true);
  });

  it('an erasure stopped mid-way is already recorded (sign-in refuses the subject), and the purge finishes it', async () => {
    const { store } = await open();
    const { tenant: t, learner } = await tenantWithLearner(store);
    const { purchase } = await fillLearner(t, learner);
    server.failNext('delete', crash, 'answers');
    await expect(t.privacy.erase(learner.id, erasureInput())).rejects.toThrow(/injected/);
    expect((await t.privacy.findErasure('subject'))?.learnerId).toBe(learner.id);
    const report = await t.privacy.purge(new Date().toISOString());
    expect(report.swept).toBeGreaterThanOrEqual(8);
    expect(report.completed).toEqual([]);
    await expectNothingLeftOf(t, learner, purchase.id);
  });
});

describe('on a replica set (the fake posing as its primary: transactions are sent, not enforced)', () => {
  let replicaSet: FakeMongoServer;
  beforeAll(async () => {
    replicaSet = await startFakeMongo({ replicaSet: 'rs0' });
  });
  afterAll(async () => {
    await replicaSet.stop();
  });

  const txn = (c: RecordedCommand) => JSON.stringify([c.body['lsid'], String(c.body['txnNumber'])]);

  /** The commands of `operation` that ran inside transactions, by transaction, with their commits. */
  async function transactionsOf(operation: () => Promise<unknown>) {
    const from = replicaSet.commands.length;
    await operation();
    const sent = replicaSet.commands.slice(from);
    const inside = sent.filter((c) => c.body['autocommit'] === false && c.name !== 'commitTransaction');
    const groups = new Map<string, RecordedCommand[]>();
    for (const c of inside) groups.set(txn(c), [...(groups.get(txn(c)) ?? []), c]);
    const commits = sent.filter((c) => c.name === 'commitTransaction').map(txn);
    return { sent, groups: [...groups.entries()].map(([key, commands]) => ({ commands, committed: commits.includes(key) })) };
  }

  const writes = (commands: RecordedCommand[]) =>
    commands.filter((c) => ['insert', 'update', 'delete', 'findAndModify'].includes(c.name)).map((c) => `${c.name} ${String(c.body[c.name])}`);

  it('detects the replica set at connect and runs each payment as one committed transaction', async () => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const store = await createMongoStore({ uri: replicaSet.uri(freshDb()), logger });
    stores.push(store);
    expect(logger.info).toHaveBeenCalledWith({ transactions: true }, expect.stringContaining('transactions'));
    const { tenant: t, learner } = await tenantWithLearner(store);

    const input = fulfilment(t, learner);
    const fulfilled = await transactionsOf(() => store.fulfilPurchase(input));
    expect(fulfilled.groups).toHaveLength(1);
    const [unit] = fulfilled.groups;
    expect(unit?.committed).toBe(true);
    expect(unit?.commands[0]?.body['startTransaction']).toBe(true);
    expect(writes(unit?.commands ?? [])).toEqual(['findAndModify purchases', 'findAndModify passes', 'update webhook_events']);
    // Nothing of the unit ran outside it: every command before the commit (reads too) is inside.
    const commitAt = fulfilled.sent.findIndex((c) => c.name === 'commitTransaction');
    expect(fulfilled.sent.slice(0, commitAt).filter((c) => c.body['autocommit'] !== false).map((c) => c.name)).toEqual([]);
    expect(writes(fulfilled.sent.filter((c) => c.body['autocommit'] !== false))).toEqual([]);

    const refunded = await transactionsOf(() => store.refundPayment(refundOf(input.paymentRef as string)));
    expect(refunded.groups.map((g) => [g.committed, writes(g.commands)])).toEqual([
      [true, ['update payment_refunds', 'findAndModify purchases', 'findAndModify passes', 'update webhook_events']],
    ]);
  });

  it('runs a revoke that returns a seat and re-chains as one committed transaction', async () => {
    const store = await createMongoStore({ uri: replicaSet.uri(freshDb()) });
    stores.push(store);
    const { tenant: t, learner } = await tenantWithLearner(store);
    await t.seats.adjust(3);
    const grant = () => t.passes.grant({ learnerId: learner.id, type: 'week', days: 7, source: 'sponsored', useSeat: true });
    await grant();
    const middle = await grant();
    await grant();
    const revoked = await transactionsOf(() => t.passes.revoke(middle.id));
    expect(revoked.groups.map((g) => [g.committed, writes(g.commands)])).toEqual([
      [true, ['findAndModify passes', 'update seat_pools', 'findAndModify passes', 'update passes']],
    ]);
  });

  it('runs a seat grant and an erasure each as one committed transaction', async () => {
    const store = await createMongoStore({ uri: replicaSet.uri(freshDb()) });
    stores.push(store);
    const { tenant: t, learner } = await tenantWithLearner(store);
    await t.seats.adjust(1);
    const granted = await transactionsOf(() => t.passes.grant({ learnerId: learner.id, type: 'day', days: 1, source: 'sponsored', useSeat: true }));
    expect(granted.groups.map((g) => [g.committed, writes(g.commands)])).toEqual([
      [true, ['findAndModify seat_pools', 'insert passes', 'update seat_pools']],
    ]);

    await fillLearner(t, learner);
    const erased = await transactionsOf(() => t.privacy.erase(learner.id, erasureInput()));
    expect(erased.groups).toHaveLength(1);
    expect(erased.groups[0]?.committed).toBe(true);
    expect(writes(erased.groups[0]?.commands ?? [])).toEqual([
      'findAndModify learner_erasures',
      'update privacy_audit',
      'delete answers',
      'delete interview_sessions',
      'delete star_drafts',
      'delete passes',
      'delete usage_counters',
      'delete outbox_emails',
      'update seat_pools',
      'update purchases',
      'update privacy_audit',
      'delete learners',
    ]);
    expect(writes(erased.sent.filter((c) => c.body['autocommit'] !== false))).toEqual([]);
  });
});
