/**
 * Creating tenants and keys. Used by the CLI, the demo seed and admin procedures, so a key is
 * made (and shown once) in exactly one way.
 */
import { generateApiKey } from '../identity/api-keys.js';
import type { ApiKey, ApiKeyKind, Tenant, TenantSettings } from '../store/records.js';
import type { Store } from '../store/store.js';
import { defaultTenantSettings, tenantSettingsSchema } from './tenant-settings.js';

export interface IssuedKey {
  record: ApiKey;
  /** The full key. It is not stored anywhere: show it once. */
  key: string;
}

export async function issueApiKey(store: Store, tenantId: string, kind: ApiKeyKind, label: string): Promise<IssuedKey> {
  const generated = generateApiKey(kind);
  const record = await store.forTenant(tenantId).apiKeys.create({
    kind,
    prefix: generated.prefix,
    hash: generated.hash,
    label,
  });
  return { record, key: generated.key };
}

export interface ProvisionedTenant {
  tenant: Tenant;
  publishableKey: IssuedKey;
  secretKey: IssuedKey;
}

export async function provisionTenant(
  store: Store,
  input: { name: string; allowedOrigins: string[]; settings?: Partial<TenantSettings> },
): Promise<ProvisionedTenant> {
  const settings = tenantSettingsSchema.parse({
    ...defaultTenantSettings(input.name, input.allowedOrigins),
    ...input.settings,
  });
  const tenant = await store.createTenant({ name: input.name, settings });
  const publishableKey = await issueApiKey(store, tenant.id, 'publishable', 'default publishable key');
  const secretKey = await issueApiKey(store, tenant.id, 'secret', 'default secret key');
  return { tenant, publishableKey, secretKey };
}
