/**
 * The "Demo University" tenant `npm start` seeds on first run, so the demo page works with no
 * set-up. Its keys are kept in DATA_DIR (development only) so every start can print them.
 *
 * Its free tier is small (three feedbacks a month), so the demo reaches the pass offer within a
 * few answers: a guest runs out, buys a pass through the demo checkout, and carries on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashApiKey } from '../identity/api-keys.js';
import { defaultPrivacySettings } from '../privacy/settings.js';
import type { Tenant, TenantSettings } from '../store/records.js';
import type { Store } from '../store/store.js';
import { provisionTenant } from './provision.js';

export const DEMO_TENANT_NAME = 'Demo University';

/** What the demo tenant has on top of a new tenant's defaults (which include the 16+ age gate). */
export const DEMO_TENANT_SETTINGS = {
  guestAccess: true,
  freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 3 },
} satisfies Partial<TenantSettings>;

/** A new tenant's free tier before the demo had its own: a demo tenant still on it was seeded by an earlier version. */
const FORMER_DEFAULT_FREE_TIER = { questionSetsPerMonth: 3, feedbackPerMonth: 10 };

/**
 * Brings a demo tenant seeded by an earlier version (the platform's free tier, no age gate) to
 * the demo's settings, once: a tenant whose free tier someone changed is left as it is.
 */
function upgradedSettings(settings: TenantSettings): TenantSettings | null {
  const { questionSetsPerMonth, feedbackPerMonth } = settings.freeTier;
  if (questionSetsPerMonth !== FORMER_DEFAULT_FREE_TIER.questionSetsPerMonth || feedbackPerMonth !== FORMER_DEFAULT_FREE_TIER.feedbackPerMonth) return null;
  const privacy = settings.privacy ?? defaultPrivacySettings();
  return { ...settings, freeTier: DEMO_TENANT_SETTINGS.freeTier, privacy: { ...privacy, requireAgeConfirmation: true } };
}

export interface DemoTenant {
  tenant: Tenant;
  publishableKey: string;
  secretKey: string;
  created: boolean;
}

interface DemoKeysFile {
  tenantId: string;
  publishableKey: string;
  secretKey: string;
}

function readKeysFile(file: string): DemoKeysFile | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DemoKeysFile;
  } catch {
    return null;
  }
}

async function keysStillValid(store: Store, keys: DemoKeysFile): Promise<boolean> {
  for (const key of [keys.publishableKey, keys.secretKey]) {
    const record = await store.findApiKeyByHash(hashApiKey(key));
    if (!record || record.revokedAt || record.tenantId !== keys.tenantId) return false;
  }
  return true;
}

export async function ensureDemoTenant(store: Store, dataDir: string, publicUrl: string): Promise<DemoTenant> {
  const file = join(dataDir, 'demo-keys.json');
  const saved = readKeysFile(file);
  const existing = saved ? await store.getTenant(saved.tenantId) : null;
  if (saved && existing && (await keysStillValid(store, saved))) {
    // The server may now run on another port: keep its own origin allowed.
    const origin = new URL(publicUrl).origin;
    let settings = upgradedSettings(existing.settings) ?? existing.settings;
    if (!settings.allowedOrigins.includes(origin)) settings = { ...settings, allowedOrigins: [...settings.allowedOrigins, origin] };
    const tenant = settings === existing.settings ? existing : await store.updateTenant(existing.id, { settings });
    return { tenant, publishableKey: saved.publishableKey, secretKey: saved.secretKey, created: false };
  }

  const provisioned = await provisionTenant(store, {
    name: DEMO_TENANT_NAME,
    allowedOrigins: [new URL(publicUrl).origin],
    settings: DEMO_TENANT_SETTINGS,
  });
  const keys: DemoKeysFile = {
    tenantId: provisioned.tenant.id,
    publishableKey: provisioned.publishableKey.key,
    secretKey: provisioned.secretKey.key,
  };
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return { tenant: provisioned.tenant, publishableKey: keys.publishableKey, secretKey: keys.secretKey, created: true };
}
