/**
 * What authentication reads on every request and what rarely changes, kept in process memory
 * for `AUTH_CACHE_TTL_MS`: an API key (by its hash) with its tenant, and the keys that minted
 * learner tokens. Without it an authenticated read costs four store reads before the handler
 * runs. Learners are never kept here: their record is read on every request, so an erasure or
 * a restriction applies at once on every instance.
 *
 * How fresh it is:
 * - On this instance, changes take effect on the very next request: whoever revokes a key or
 *   changes a tenant calls `invalidateKey` / `invalidateTenant`. A read that was already under
 *   way when the change happened is served but not remembered, so it cannot put the old record
 *   back.
 * - A change made elsewhere (another instance, the tenant CLI) is seen within the TTL.
 *
 * Entries are keyed by what identifies them across tenants (a key's hash, or tenant id and key
 * id), and a key is only ever stored with the tenant it names, so no lookup can answer with
 * another tenant's key. Records are frozen: they are shared by every request of their tenant.
 */
import type { ApiKey, Learner, Tenant } from '../store/records.js';
import type { Store, TenantStore } from '../store/store.js';

/** How long a change made on another instance (or by the CLI) may take to be seen here. */
export const AUTH_CACHE_TTL_MS = 5_000;
/** Per map; the oldest entries go first. Tenants have a handful of keys each. */
const DEFAULT_MAX_ENTRIES = 10_000;

/** A key, its tenant and the store bound to that tenant, as `authenticateTenant` needs them. */
export interface ResolvedKey {
  apiKey: ApiKey;
  tenant: Tenant;
  tenantStore: TenantStore;
}

export interface AuthCache {
  /** The key with this hash, with its tenant; null when no such key (or tenant) exists. */
  keyByHash(hash: string): Promise<ResolvedKey | null>;
  /** One of this tenant's keys by id (the key that minted a learner token); null when none. */
  tenantKey(tenantStore: TenantStore, keyId: string): Promise<ApiKey | null>;
  /**
   * True when a credential issued at `issuedAt` passed the erasure check recently while this
   * very learner record (same id) existed (see `rememberNotErased`).
   */
  knownNotErased(learner: Learner, issuedAt: Date | null): boolean;
  /**
   * Remembers that no erasure stops a credential issued at `issuedAt` from signing in as
   * `learner`. That stays true for as long as the same learner record exists, which the caller
   * has just read: an erasure deletes the learner in the same store write that records it, and
   * an account created afterwards gets a new id. (Remembered for the TTL like the rest.)
   */
  rememberNotErased(learner: Learner, issuedAt: Date | null): void;
  /** Forget the tenant and its keys; call after changing the tenant record. */
  invalidateTenant(tenantId: string): void;
  /** Forget the key; call after revoking it (or changing it in any other way). */
  invalidateKey(keyId: string): void;
}

export interface AuthCacheOptions {
  store: Store;
  clock: () => Date;
  /** 0 turns caching off: every lookup reads the store. */
  ttlMs?: number;
  maxEntries?: number;
  /** Also run by `invalidateTenant`, for caches kept elsewhere (the CORS origin registry). */
  onInvalidateTenant?: (tenantId: string) => void;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/** A Map with expiry and a size bound; insertion order doubles as age. */
function boundedMap<T>(maxEntries: number) {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key: string, now: number): T | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt > now) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: T, expiresAt: number): void {
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, expiresAt });
    },
    deleteWhere(matches: (value: T) => boolean): void {
      for (const [key, entry] of entries) if (matches(entry.value)) entries.delete(key);
    },
  };
}

function deepFreeze<T>(value: T): T {
  // Records are plain data; a byte array could not be frozen and is left as it is.
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const scoped = (tenantId: string, id: string) => `${tenantId}\u0000${id}`;

export function createAuthCache(options: AuthCacheOptions): AuthCache {
  const { store, clock } = options;
  const ttlMs = options.ttlMs ?? AUTH_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const byHash = boundedMap<ResolvedKey>(maxEntries);
  const tenantKeys = boundedMap<ApiKey>(maxEntries);
  const notErased = boundedMap<true>(maxEntries);
  // Bumped by every invalidation: a store read that started before it is not remembered.
  let generation = 0;

  const now = () => clock().getTime();
  const erasureCheckKey = (learner: Learner, issuedAt: Date | null) =>
    `${scoped(learner.tenantId, learner.id)}\u0000${issuedAt === null ? 'none' : Math.floor(issuedAt.getTime() / 1000)}`;

  return {
    async keyByHash(hash) {
      const cached = byHash.get(hash, now());
      if (cached) return cached;
      const started = generation;
      const apiKey = await store.findApiKeyByHash(hash);
      const tenant = apiKey ? await store.getTenant(apiKey.tenantId) : null;
      if (!apiKey || !tenant) return null;
      const resolved: ResolvedKey = { apiKey: deepFreeze(apiKey), tenant: deepFreeze(tenant), tenantStore: store.forTenant(tenant.id) };
      if (ttlMs > 0 && started === generation) byHash.set(hash, resolved, now() + ttlMs);
      return resolved;
    },

    async tenantKey(tenantStore, keyId) {
      const key = scoped(tenantStore.tenantId, keyId);
      const cached = tenantKeys.get(key, now());
      if (cached) return cached;
      const started = generation;
      const apiKey = await tenantStore.apiKeys.get(keyId);
      if (!apiKey || apiKey.tenantId !== tenantStore.tenantId) return null;
      deepFreeze(apiKey);
      if (ttlMs > 0 && started === generation) tenantKeys.set(key, apiKey, now() + ttlMs);
      return apiKey;
    },

    knownNotErased(learner, issuedAt) {
      return notErased.get(erasureCheckKey(learner, issuedAt), now()) === true;
    },

    rememberNotErased(learner, issuedAt) {
      if (ttlMs > 0) notErased.set(erasureCheckKey(learner, issuedAt), true, now() + ttlMs);
    },

    invalidateTenant(tenantId) {
      generation++;
      byHash.deleteWhere((resolved) => resolved.tenant.id === tenantId);
      tenantKeys.deleteWhere((apiKey) => apiKey.tenantId === tenantId);
      options.onInvalidateTenant?.(tenantId);
    },

    invalidateKey(keyId) {
      generation++;
      byHash.deleteWhere((resolved) => resolved.apiKey.id === keyId);
      tenantKeys.deleteWhere((apiKey) => apiKey.id === keyId);
    },
  };
}
