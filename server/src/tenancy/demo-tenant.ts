/**
 * The "Demo University" tenant `npm start` seeds on first run, so the demo page works with no
 * set-up. Its keys are kept in DATA_DIR (development only) so every start can print them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashApiKey } from '../identity/api-keys.js';
import type { Tenant } from '../store/records.js';
import type { Store } from '../store/store.js';
import { provisionTenant } from './provision.js';

export const DEMO_TENANT_NAME = 'Demo University';

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
    let tenant = existing;
    if (!existing.settings.allowedOrigins.includes(origin)) {
      tenant = await store.updateTenant(existing.id, {
        settings: { ...existing.settings, allowedOrigins: [...existing.settings.allowedOrigins, origin] },
      });
    }
    return { tenant, publishableKey: saved.publishableKey, secretKey: saved.secretKey, created: false };
  }

  const provisioned = await provisionTenant(store, {
    name: DEMO_TENANT_NAME,
    allowedOrigins: [new URL(publicUrl).origin],
    settings: { guestAccess: true },
  });
  const keys: DemoKeysFile = {
    tenantId: provisioned.tenant.id,
    publishableKey: provisioned.publishableKey.key,
    secretKey: provisioned.secretKey.key,
  };
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return { tenant: provisioned.tenant, publishableKey: keys.publishableKey, secretKey: keys.secretKey, created: true };
}
