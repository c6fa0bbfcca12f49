/**
 * A tenant's own Anthropic API key: what a valid one looks like, and sealing it for the store
 * (tenancy/secret-box.ts) bound to the tenant, so the store only ever holds ciphertext and a hint.
 */
import { z } from 'zod';
import type { SealedSecret, TenantSecretName } from '../store/records.js';
import type { Store } from '../store/store.js';
import { SecretUnreadable, sealedKeyId, secretHint, type SecretBox } from './secret-box.js';

export const ANTHROPIC_KEY_SECRET = 'anthropicApiKey' satisfies TenantSecretName;

/** An API key of the Claude API (`sk-ant-api03-…`); Admin API keys cannot call models. */
export const anthropicApiKeySchema = z
  .string()
  .trim()
  .regex(/^sk-ant-[A-Za-z0-9_-]{16,256}$/, 'must be an Anthropic API key (sk-ant-…)')
  .refine((key) => !key.startsWith('sk-ant-admin'), 'is an Admin API key; use an API key from the Console’s API keys page');

export function sealTenantKey(box: SecretBox, tenantId: string, apiKey: string, now: Date): SealedSecret {
  return {
    sealed: box.seal(apiKey, { tenantId, name: ANTHROPIC_KEY_SECRET }),
    hint: secretHint(apiKey),
    setAt: now.toISOString(),
  };
}

export function unsealTenantKey(box: SecretBox | null, tenantId: string, sealed: SealedSecret): string {
  if (!box) throw new SecretUnreadable('this server has no TENANT_SECRETS_KEY');
  return box.open(sealed.sealed, { tenantId, name: ANTHROPIC_KEY_SECRET });
}

export interface ResealReport {
  resealed: string[];
  alreadyCurrent: string[];
  /** Tenants whose key opens under none of this server's keys: left as they are. */
  unreadable: string[];
}

/**
 * After rotating TENANT_SECRETS_KEY (old value in TENANT_SECRETS_PREVIOUS_KEYS): seals every
 * tenant's key again under the current key, keeping its hint and date, so the previous key can
 * then be dropped. Safe to run again; a tenant that fails is reported and left unchanged.
 */
export async function resealTenantKeys(store: Store, box: SecretBox): Promise<ResealReport> {
  const report: ResealReport = { resealed: [], alreadyCurrent: [], unreadable: [] };
  for (const tenant of await store.listTenants()) {
    const sealed = tenant.secrets.anthropicApiKey;
    if (!sealed) continue;
    if (sealedKeyId(sealed.sealed) === box.keyId) {
      report.alreadyCurrent.push(tenant.id);
      continue;
    }
    let apiKey: string;
    try {
      apiKey = unsealTenantKey(box, tenant.id, sealed);
    } catch {
      report.unreadable.push(tenant.id);
      continue;
    }
    await store.setTenantSecret(tenant.id, ANTHROPIC_KEY_SECRET, {
      ...sealed,
      sealed: box.seal(apiKey, { tenantId: tenant.id, name: ANTHROPIC_KEY_SECRET }),
    });
    report.resealed.push(tenant.id);
  }
  return report;
}
