/**
 * The authentication cache: what it keeps (keys with their tenant, minting keys, passed erasure
 * checks), for how long (AUTH_CACHE_TTL_MS for changes made elsewhere, not a request longer for
 * changes made here), and what it must never do (answer for another tenant, keep a record a
 * concurrent change made stale, stand between an erasure and the tokens it ends).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app.js';
import type { Learner } from '../store/records.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { provisionTenant, type ProvisionedTenant } from '../tenancy/provision.js';
import { appRouter } from '../trpc/app-router.js';
import { createInnerContext, type Credentials } from '../trpc/context.js';
import { createCallerFactory } from '../trpc/init.js';
import { appCodeOf, createTestApp, expectAppError, ORIGIN_A, type TestApp } from '../test-support/test-app.js';
import { hashApiKey } from './api-keys.js';
import { AUTH_CACHE_TTL_MS, createAuthCache, type AuthCacheOptions } from './auth-cache.js';

describe('createAuthCache', () => {
  let dir: string;
  let store: Store;
  let now: number;
  let reads: { byHash: number; tenant: number; key: number };
  let alpha: ProvisionedTenant;
  let beta: ProvisionedTenant;

  /** The store, counting the reads the cache exists to save. */
  function countingStore(): Store {
    return {
      ...store,
      async findApiKeyByHash(hash) {
        reads.byHash++;
        return store.findApiKeyByHash(hash);
      },
      async getTenant(id) {
        reads.tenant++;
        return store.getTenant(id);
      },
      forTenant(tenantId) {
        const scoped = store.forTenant(tenantId);
        return {
          ...scoped,
          apiKeys: {
            ...scoped.apiKeys,
            async get(id) {
              reads.key++;
              return scoped.apiKeys.get(id);
            },
          },
        };
      },
    };
  }

  function cache(options: Partial<AuthCacheOptions> = {}) {
    return createAuthCache({ store: countingStore(), clock: () => new Date(now), ...options });
  }

  const hashOf = (issued: { key: string }) => hashApiKey(issued.key);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'is-auth-cache-'));
    store = createSqliteStore({ file: join(dir, 'test.sqlite') });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    now = Date.parse('2030-01-01T00:00:00Z');
    reads = { byHash: 0, tenant: 0, key: 0 };
    alpha = await provisionTenant(store, { name: 'Alpha', allowedOrigins: ['https://alpha.example'] });
    beta = await provisionTenant(store, { name: 'Beta', allowedOrigins: ['https://beta.example'] });
  });

  it('reads a key and its tenant once, then answers from memory until the TTL has passed', async () => {
    const auth = cache();
    const first = await auth.keyByHash(hashOf(alpha.publishableKey));
    expect(first?.apiKey.id).toBe(alpha.publishableKey.record.id);
    expect(first?.tenant.id).toBe(alpha.tenant.id);
    expect(first?.tenantStore.tenantId).toBe(alpha.tenant.id);

    // Another instance (or the CLI) changes the tenant: this one may not see it yet...
    await store.updateTenant(alpha.tenant.id, { name: 'Alpha renamed' });
    now += AUTH_CACHE_TTL_MS - 1;
    expect((await auth.keyByHash(hashOf(alpha.publishableKey)))?.tenant.name).toBe('Alpha');
    expect(reads).toMatchObject({ byHash: 1, tenant: 1 });

    // ...but sees it once the TTL has passed.
    now += 1;
    expect((await auth.keyByHash(hashOf(alpha.publishableKey)))?.tenant.name).toBe('Alpha renamed');
    expect(reads).toMatchObject({ byHash: 2, tenant: 2 });
  });

  it('sees a revocation on the next lookup after invalidateKey, by hash and as a minting key', async () => {
    const auth = cache();
    const secret = alpha.secretKey.record;
    const alphaStore = countingStore().forTenant(alpha.tenant.id);
    expect((await auth.keyByHash(hashOf(alpha.secretKey)))?.apiKey.revokedAt).toBeNull();
    expect((await auth.tenantKey(alphaStore, secret.id))?.revokedAt).toBeNull();
    expect((await auth.tenantKey(alphaStore, secret.id))?.revokedAt).toBeNull();
    expect(reads).toMatchObject({ byHash: 1, key: 1 });

    await alphaStore.apiKeys.revoke(secret.id);
    auth.invalidateKey(secret.id);

    expect((await auth.keyByHash(hashOf(alpha.secretKey)))?.apiKey.revokedAt).not.toBeNull();
    expect((await auth.tenantKey(alphaStore, secret.id))?.revokedAt).not.toBeNull();
  });

  it("sees a tenant's new settings on the next lookup after invalidateTenant, and refreshes the other caches of it", async () => {
    const refreshed: string[] = [];
    const auth = cache({ onInvalidateTenant: (tenantId) => refreshed.push(tenantId) });
    await auth.keyByHash(hashOf(alpha.publishableKey));
    await auth.keyByHash(hashOf(beta.publishableKey));

    const settings = { ...alpha.tenant.settings, guestAccess: !alpha.tenant.settings.guestAccess };
    await store.updateTenant(alpha.tenant.id, { settings });
    auth.invalidateTenant(alpha.tenant.id);

    expect((await auth.keyByHash(hashOf(alpha.publishableKey)))?.tenant.settings.guestAccess).toBe(settings.guestAccess);
    expect(refreshed).toEqual([alpha.tenant.id]);
    // Only that tenant is read again.
    await auth.keyByHash(hashOf(beta.publishableKey));
    expect(reads).toMatchObject({ byHash: 3, tenant: 3 });
  });

  it('does not remember a read that was under way when the key was invalidated', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Store = {
      ...countingStore(),
      // Reads the record now, answers later: the revocation lands in between.
      async findApiKeyByHash(hash) {
        reads.byHash++;
        const record = await store.findApiKeyByHash(hash);
        await gate;
        return record;
      },
    };
    const auth = createAuthCache({ store: slow, clock: () => new Date(now) });
    const inFlight = auth.keyByHash(hashOf(alpha.publishableKey));
    await store.forTenant(alpha.tenant.id).apiKeys.revoke(alpha.publishableKey.record.id);
    auth.invalidateKey(alpha.publishableKey.record.id);
    release();

    // The request that was already under way is answered with what it read...
    expect((await inFlight)?.apiKey.revokedAt).toBeNull();
    // ...but the next one reads the store again and sees the revocation.
    expect((await auth.keyByHash(hashOf(alpha.publishableKey)))?.apiKey.revokedAt).not.toBeNull();
    expect(reads.byHash).toBe(2);
  });

  it("never answers with another tenant's key", async () => {
    const auth = cache();
    const alphaKeyId = alpha.secretKey.record.id;
    expect(await auth.tenantKey(store.forTenant(alpha.tenant.id), alphaKeyId)).not.toBeNull();
    // The same key id asked for in tenant B's scope, with tenant A's entry in memory.
    expect(await auth.tenantKey(store.forTenant(beta.tenant.id), alphaKeyId)).toBeNull();
    // A key comes with its own tenant, whichever tenant was looked up before.
    expect((await auth.keyByHash(hashOf(beta.publishableKey)))?.tenant.id).toBe(beta.tenant.id);
    expect((await auth.keyByHash(hashOf(alpha.publishableKey)))?.tenant.id).toBe(alpha.tenant.id);
  });

  it('answers null for an unknown key, and asks the store again next time', async () => {
    const auth = cache();
    expect(await auth.keyByHash(hashApiKey(`pk_${'x'.repeat(32)}`))).toBeNull();
    expect(await auth.keyByHash(hashApiKey(`pk_${'x'.repeat(32)}`))).toBeNull();
    expect(reads.byHash).toBe(2);
  });

  it('keeps at most maxEntries keys, dropping the oldest first', async () => {
    const auth = cache({ maxEntries: 2 });
    await auth.keyByHash(hashOf(alpha.publishableKey));
    await auth.keyByHash(hashOf(alpha.secretKey));
    await auth.keyByHash(hashOf(beta.publishableKey));
    expect(reads.byHash).toBe(3);
    await auth.keyByHash(hashOf(beta.publishableKey));
    await auth.keyByHash(hashOf(alpha.secretKey));
    expect(reads.byHash).toBe(3);
    await auth.keyByHash(hashOf(alpha.publishableKey));
    expect(reads.byHash).toBe(4);
  });

  it('reads the store on every lookup with ttlMs 0', async () => {
    const auth = cache({ ttlMs: 0 });
    await auth.keyByHash(hashOf(alpha.publishableKey));
    await auth.keyByHash(hashOf(alpha.publishableKey));
    const alphaStore = countingStore().forTenant(alpha.tenant.id);
    await auth.tenantKey(alphaStore, alpha.secretKey.record.id);
    await auth.tenantKey(alphaStore, alpha.secretKey.record.id);
    expect(reads).toEqual({ byHash: 2, tenant: 2, key: 2 });
  });

  it('hands out frozen records: no request can change what the next one sees', async () => {
    const auth = cache();
    const resolved = (await auth.keyByHash(hashOf(alpha.publishableKey)))!;
    expect(Object.isFrozen(resolved.apiKey)).toBe(true);
    expect(Object.isFrozen(resolved.tenant.settings.allowedOrigins)).toBe(true);
    expect(() => resolved.tenant.settings.allowedOrigins.push('https://evil.example')).toThrow(TypeError);
  });

  it('remembers a passed erasure check for one learner record and one issue time only', () => {
    const auth = cache();
    const learner = { id: 'lrn_1', tenantId: alpha.tenant.id } as Learner;
    const issuedAt = new Date(now - 60_000);
    auth.rememberNotErased(learner, issuedAt);

    expect(auth.knownNotErased(learner, issuedAt)).toBe(true);
    expect(auth.knownNotErased(learner, new Date(now - 120_000))).toBe(false);
    expect(auth.knownNotErased(learner, null)).toBe(false);
    // A new account with the same external id has a new id.
    expect(auth.knownNotErased({ ...learner, id: 'lrn_2' }, issuedAt)).toBe(false);
    expect(auth.knownNotErased({ ...learner, tenantId: beta.tenant.id }, issuedAt)).toBe(false);
  });
});

describe('authentication with the cache, through the app', () => {
  let t: TestApp;
  /** A second instance on the same store, as behind a load balancer. */
  let other: BuiltApp;
  const createCaller = createCallerFactory(appRouter);
  const callerOf = (built: BuiltApp, credentials: Partial<Credentials>) => createCaller(createInnerContext(built.deps, credentials));

  beforeEach(async () => {
    t = await createTestApp();
    other = await buildApp(t.config, { store: t.store, clock: t.now });
  });
  afterEach(async () => {
    await other.app.close();
    await t.close();
  });

  it('applies a settings change to the very next request on this instance', async () => {
    const { token } = await t.caller({ apiKey: t.a.pk }).learner.startGuest();
    const guest = t.caller({ apiKey: t.a.pk, bearer: token, origin: ORIGIN_A });
    await guest.learner.me();

    const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
    const { settings } = await admin.get();
    await admin.update({ settings: { ...settings, guestAccess: false, allowedOrigins: ['https://new.alpha.example'] } });

    await expectAppError(t.caller({ apiKey: t.a.pk, bearer: token }).learner.me(), 'UNAUTHENTICATED');
    await expectAppError(guest.learner.me(), 'FORBIDDEN_ORIGIN');
  });

  it('sees a change made on another instance within AUTH_CACHE_TTL_MS', async () => {
    const config = () => callerOf(other, { apiKey: t.a.pk }).tenant.config();
    expect((await config()).name).toBe('Alpha University');

    await t.caller({ apiKey: t.a.sk }).admin.settings.update({ name: 'Alpha College' });
    expect((await t.caller({ apiKey: t.a.pk }).tenant.config()).name).toBe('Alpha College');
    // The other instance answers from memory for at most the TTL...
    expect((await config()).name).toBe('Alpha University');
    t.advance(AUTH_CACHE_TTL_MS);
    expect((await config()).name).toBe('Alpha College');
  });

  it('refuses a revoked key on the next request here, and within the TTL on another instance', async () => {
    const extra = await t.caller({ apiKey: t.a.sk }).admin.keys.create({ kind: 'secret', label: 'backend 2' });
    const { token } = await t.caller({ apiKey: extra.key }).admin.learners.createToken({ externalId: 'minted-by-extra' });
    const here = () => t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
    const there = () => callerOf(other, { apiKey: t.a.pk, bearer: token }).learner.me();
    await here();
    await there();

    await t.caller({ apiKey: t.a.sk }).admin.keys.revoke({ id: extra.record.id });
    await expectAppError(here(), 'UNAUTHENTICATED');
    await expectAppError(t.caller({ apiKey: extra.key }).admin.keys.list(), 'UNAUTHENTICATED');
    t.advance(AUTH_CACHE_TTL_MS);
    await expectAppError(there(), 'UNAUTHENTICATED');
  });

  it('ends the tokens of an account erased on another instance at once, though their check was remembered', async () => {
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'erased-elsewhere' });
    // The token predates the account (it is first used a second later), so sign-in checks erasures.
    t.advance(1_000);
    const me = () => t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
    const { learner } = await me();
    await me();

    await callerOf(other, { apiKey: t.a.sk }).admin.learners.delete({ id: learner.id });
    await expectAppError(me(), 'UNAUTHENTICATED');
  });

  it('does not let a token from before an erasure into the account created after it', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin.learners;
    const before = await admin.createToken({ externalId: 'comes-back' });
    t.advance(1_000);
    const first = await t.caller({ apiKey: t.a.pk, bearer: before.token }).learner.me();
    // The second use passes the erasure check with the account in place, and is remembered.
    await t.caller({ apiKey: t.a.pk, bearer: before.token }).learner.me();
    await admin.delete({ id: first.learner.id });

    t.advance(1_000);
    const after = await admin.createToken({ externalId: 'comes-back' });
    const second = await t.caller({ apiKey: t.a.pk, bearer: after.token }).learner.me();
    expect(second.learner.id).not.toBe(first.learner.id);

    try {
      await t.caller({ apiKey: t.a.pk, bearer: before.token }).learner.me();
      expect.unreachable();
    } catch (error) {
      expect(appCodeOf(error)).toBe('UNAUTHENTICATED');
      expect((error as { cause: { details: unknown } }).cause.details).toEqual({ reason: 'account-deleted' });
    }
  });
});
