/**
 * The operator's tenant CLI (`npm run tenant`), against a real SQLite file: provisioning and
 * keys as documented in the README, and `secrets:reseal`, which moves tenants' own Anthropic
 * keys to a rotated TENANT_SECRETS_KEY so the previous key can be dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashApiKey } from '../identity/api-keys.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { createSecretBox, sealedKeyId } from '../tenancy/secret-box.js';
import { sealTenantKey, unsealTenantKey } from '../tenancy/tenant-ai-key.js';
import { defaultTenantSettings } from '../tenancy/tenant-settings.js';
import { runTenantCli } from './tenant.js';

const OLD_KEY = 'the-previous-tenant-secrets-key-32-characters';
const NEW_KEY = 'the-rotated-tenant-secrets-key-of-32-characters';

let dir: string;
let store: Store;
let lines: string[];
const out = (line: string) => lines.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tenant-cli-'));
  store = createSqliteStore({ file: join(dir, 'cli.sqlite') });
  lines = [];
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tenants and keys', () => {
  it('creates a tenant with both keys, lists it, and revokes a key', async () => {
    const deps = { store, secretBox: null };
    expect(await runTenantCli(['create', '--name', 'Northfield University', '--origin', 'https://careers.northfield.edu'], deps, out)).toBe(0);
    const secretKey = lines.find((l) => l.startsWith('Secret key:'))!.split(/\s+/).at(-1)!;
    const [tenant] = await store.listTenants();
    expect(tenant).toMatchObject({ name: 'Northfield University', settings: { allowedOrigins: ['https://careers.northfield.edu'] } });
    expect(await store.findApiKeyByHash(hashApiKey(secretKey))).toMatchObject({ tenantId: tenant!.id, kind: 'secret' });

    lines = [];
    await runTenantCli(['list'], deps, out);
    expect(lines).toEqual([`${tenant!.id}  Northfield University  origins: https://careers.northfield.edu`]);

    const key = (await store.findApiKeyByHash(hashApiKey(secretKey)))!;
    await runTenantCli(['keys:revoke', '--tenant', tenant!.id, '--key', key.id], deps, out);
    expect((await store.findApiKeyByHash(hashApiKey(secretKey)))!.revokedAt).not.toBeNull();
  });

  it('refuses an unknown command or a missing flag with a usage error', async () => {
    await expect(runTenantCli(['frobnicate'], { store, secretBox: null }, out)).rejects.toThrow(/unknown command/);
    await expect(runTenantCli(['keys:list'], { store, secretBox: null }, out)).rejects.toThrow(/--tenant is required/);
  });
});

describe('secrets:reseal', () => {
  it("seals every tenant's key under the current key, keeping hint and date, and is safe to run again", async () => {
    const oldBox = createSecretBox({ current: OLD_KEY });
    const rotated = createSecretBox({ current: NEW_KEY, previous: [OLD_KEY] });
    const a = await store.createTenant({ name: 'A', settings: defaultTenantSettings('Test', []) });
    const b = await store.createTenant({ name: 'B', settings: a.settings });
    const before = await store.setTenantSecret(a.id, 'anthropicApiKey', sealTenantKey(oldBox, a.id, 'sk-ant-api03-tenant-a-key-0000001', new Date('2030-01-01')));
    await store.setTenantSecret(b.id, 'anthropicApiKey', sealTenantKey(rotated, b.id, 'sk-ant-api03-tenant-b-key-0000002', new Date('2030-01-02')));

    expect(await runTenantCli(['secrets:reseal'], { store, secretBox: rotated }, out)).toBe(0);
    expect(lines[0]).toBe('Resealed under the current key: 1; already current: 1');
    const after = (await store.getTenant(a.id))!.secrets.anthropicApiKey!;
    expect(sealedKeyId(after.sealed)).toBe(rotated.keyId);
    expect(after).toMatchObject({ hint: before.secrets.anthropicApiKey!.hint, setAt: before.secrets.anthropicApiKey!.setAt });
    // The new key alone now opens it: the previous key can go.
    expect(unsealTenantKey(createSecretBox({ current: NEW_KEY }), a.id, after)).toBe('sk-ant-api03-tenant-a-key-0000001');

    lines = [];
    await runTenantCli(['secrets:reseal'], { store, secretBox: rotated }, out);
    expect(lines[0]).toBe('Resealed under the current key: 0; already current: 2');
  });

  it('reports keys it cannot open, leaves them unchanged and exits 1', async () => {
    const stranger = createSecretBox({ current: 'a-key-this-server-never-had-32-characters' });
    const tenant = await store.createTenant({ name: 'C', settings: defaultTenantSettings('Test', []) });
    const sealed = (await store.setTenantSecret(tenant.id, 'anthropicApiKey', sealTenantKey(stranger, tenant.id, 'sk-ant-api03-tenant-c-key-0000003', new Date()))).secrets;
    expect(await runTenantCli(['secrets:reseal'], { store, secretBox: createSecretBox({ current: NEW_KEY }) }, out)).toBe(1);
    expect(lines.at(-1)).toContain(tenant.id);
    expect((await store.getTenant(tenant.id))!.secrets).toEqual(sealed);
  });

  it('needs TENANT_SECRETS_KEY', async () => {
    await expect(runTenantCli(['secrets:reseal'], { store, secretBox: null }, out)).rejects.toThrow(/TENANT_SECRETS_KEY/);
  });
});

