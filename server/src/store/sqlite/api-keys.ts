import type { TenantStore } from '../store.js';
import type { ApiKey, ApiKeyKind } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  kind: string;
  prefix: string;
  hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface Key {
  tenantId: string;
  id: string;
}

function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind as ApiKeyKind,
    prefix: row.prefix,
    hash: row.hash,
    label: row.label,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export interface ApiKeyOperations {
  findByHash(hash: string): Promise<ApiKey | null>;
  forTenant(tenantId: string): TenantStore['apiKeys'];
}

export function prepareApiKeys({ db, now }: SqliteContext): ApiKeyOperations {
  const insert = db.prepare<ApiKeyRow>(
    `INSERT INTO api_keys (id, tenant_id, kind, prefix, hash, label, created_at, last_used_at, revoked_at)
     VALUES (@id, @tenant_id, @kind, @prefix, @hash, @label, @created_at, @last_used_at, @revoked_at)`,
  );
  const byHash = db.prepare<[string], ApiKeyRow>('SELECT * FROM api_keys WHERE hash = ?');
  const byId = db.prepare<Key, ApiKeyRow>('SELECT * FROM api_keys WHERE tenant_id = @tenantId AND id = @id');
  const list = db.prepare<{ tenantId: string }, ApiKeyRow>(
    'SELECT * FROM api_keys WHERE tenant_id = @tenantId ORDER BY created_at DESC, id DESC',
  );
  const revoke = db.prepare<Key & { now: string }, ApiKeyRow>(
    `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @now)
     WHERE tenant_id = @tenantId AND id = @id RETURNING *`,
  );
  const touch = db.prepare<Key & { now: string }>(
    'UPDATE api_keys SET last_used_at = @now WHERE tenant_id = @tenantId AND id = @id',
  );

  return {
    async findByHash(hash) {
      const row = byHash.get(hash);
      return row ? toApiKey(row) : null;
    },
    forTenant: (tenantId) => ({
      async create(input) {
        const row: ApiKeyRow = {
          id: newId('key'),
          tenant_id: tenantId,
          kind: input.kind,
          prefix: input.prefix,
          hash: input.hash,
          label: input.label,
          created_at: now(),
          last_used_at: null,
          revoked_at: null,
        };
        translateConstraints('An API key with this hash already exists.', () => insert.run(row));
        return toApiKey(row);
      },
      async list() {
        return list.all({ tenantId }).map(toApiKey);
      },
      async get(id) {
        const row = byId.get({ tenantId, id });
        return row ? toApiKey(row) : null;
      },
      async revoke(id) {
        const row = revoke.get({ tenantId, id, now: now() });
        if (!row) throw notFound('API key');
        return toApiKey(row);
      },
      async touch(id) {
        if (touch.run({ tenantId, id, now: now() }).changes === 0) throw notFound('API key');
      },
    }),
  };
}
