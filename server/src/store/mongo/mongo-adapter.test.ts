/**
 * What the contract does not cover, through the real mongoose and driver against the fake
 * wire server: what goes over the wire (the tenant filter on every command), error
 * translation (validation, duplicate-key races, retryable server errors), connection loss and
 * recovery, start-up failure, close, and index sync.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isAppError, type AppError } from '../../errors.js';
import { draftContent, newAnswer, newEmail, newPass, newPurchase, newSession, tenantSettings } from '../contract/harness.js';
import type { Store } from '../store.js';
import { compileModels, createMongoStore, diffIndexes, syncIndexes } from './index.js';
import { runSyncIndexes } from './sync-indexes-cli.js';
import { startFakeMongo, type FakeMongoServer } from './testing/fake-mongod.js';

let server: FakeMongoServer;
const stores: Store[] = [];
const freshDb = () => `is_adapter_${randomBytes(5).toString('hex')}`;

async function open(dbName = freshDb(), extra: { autoIndex?: boolean } = {}): Promise<{ store: Store; dbName: string }> {
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

    const tenantCollections = ['api_keys', 'learners', 'interview_sessions', 'answers', 'star_drafts', 'passes', 'purchases', 'outbox_emails', 'usage_counters'];
    const sent = server.commands.slice(from).filter((c) => c.db === dbName && tenantCollections.includes(String(c.body[c.name])));
    const tenantsOf = (command: (typeof sent)[number]): unknown[] => {
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
    };
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
        toCreate: ['learners_tenant_external_id', 'learners_tenant_created'],
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
