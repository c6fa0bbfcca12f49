import type { Store } from '../store.js';
import type { Tenant, TenantSecrets, TenantSettings } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound } from './errors.js';
import { fromJson, patchField, toJson } from './transform.js';

interface TenantRow {
  id: string;
  name: string;
  settings: string;
  secrets: string;
  created_at: string;
  updated_at: string;
}

function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    name: row.name,
    settings: fromJson<TenantSettings>(row.settings),
    secrets: { anthropicApiKey: null, ...fromJson<Partial<TenantSecrets>>(row.secrets) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type TenantOperations = Pick<Store, 'createTenant' | 'getTenant' | 'listTenants' | 'updateTenant' | 'setTenantSecret'>;

export function prepareTenants({ db, now }: SqliteContext): TenantOperations {
  const insert = db.prepare<TenantRow>(
    `INSERT INTO tenants (id, name, settings, secrets, created_at, updated_at)
     VALUES (@id, @name, @settings, @secrets, @created_at, @updated_at)`,
  );
  const byId = db.prepare<[string], TenantRow>('SELECT * FROM tenants WHERE id = ?');
  const all = db.prepare<[], TenantRow>('SELECT * FROM tenants ORDER BY created_at DESC, id DESC');
  const update = db.prepare<Record<string, unknown>, TenantRow>(
    `UPDATE tenants
     SET name = IIF(@has_name, @name, name),
         settings = IIF(@has_settings, @settings, settings),
         updated_at = @now
     WHERE id = @id
     RETURNING *`,
  );
  // One key of the JSON object changes; the others stay as they are.
  const setSecret = db.prepare<{ id: string; path: string; value: string | null; now: string }, TenantRow>(
    `UPDATE tenants
     SET secrets = json_set(secrets, @path, json(@value)), updated_at = @now
     WHERE id = @id
     RETURNING *`,
  );

  return {
    async createTenant(input) {
      const at = now();
      const row: TenantRow = {
        id: newId('ten'),
        name: input.name,
        settings: toJson(input.settings),
        secrets: toJson({ anthropicApiKey: null } satisfies TenantSecrets),
        created_at: at,
        updated_at: at,
      };
      insert.run(row);
      return toTenant(row);
    },
    async getTenant(id) {
      const row = byId.get(id);
      return row ? toTenant(row) : null;
    },
    async listTenants() {
      return all.all().map(toTenant);
    },
    async updateTenant(id, patch) {
      const row = update.get({
        id,
        now: now(),
        ...patchField('name', patch.name),
        ...patchField('settings', patch.settings === undefined ? undefined : toJson(patch.settings)),
      });
      if (!row) throw notFound('Tenant');
      return toTenant(row);
    },
    async setTenantSecret(id, name, value) {
      const row = setSecret.get({ id, path: `$.${name}`, value: toJson(value), now: now() });
      if (!row) throw notFound('Tenant');
      return toTenant(row);
    },
  };
}
