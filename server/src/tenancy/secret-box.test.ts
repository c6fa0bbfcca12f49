/**
 * The secret box keeps tenants' credentials out of the database in the clear: sealed values
 * open only for the tenant and name they were sealed for, only if unaltered, and still after
 * TENANT_SECRETS_KEY is rotated (with the old key kept as a previous key).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretBox, resolveSecretsKey, secretHint, SecretUnreadable } from './secret-box.js';

const KEY = 'a-deployment-secrets-key-of-at-least-32-characters';
const NEXT_KEY = 'the-rotated-deployment-secrets-key-32-characters-plus';
const SECRET = 'sk-ant-api03-Tenant0wnKey_abcdefghijklmnopqrstuvwxyz-x7Qa';
const ALPHA = { tenantId: 'ten_alpha', name: 'anthropicApiKey' };

const dir = mkdtempSync(join(tmpdir(), 'secret-box-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createSecretBox', () => {
  const box = createSecretBox({ current: KEY });

  it('opens what it sealed, and the sealed form holds no part of the secret', () => {
    const sealed = box.seal(SECRET, ALPHA);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('Tenant0wnKey');
    expect(sealed).not.toContain('x7Qa');
    expect(box.open(sealed, ALPHA)).toBe(SECRET);
  });

  it('seals the same secret differently every time (a fresh IV)', () => {
    expect(box.seal(SECRET, ALPHA)).not.toBe(box.seal(SECRET, ALPHA));
  });

  it.each([
    ['another tenant', { tenantId: 'ten_beta', name: 'anthropicApiKey' }],
    ['another secret name', { tenantId: 'ten_alpha', name: 'otherSecret' }],
  ])('does not open for %s', (_label, context) => {
    expect(() => box.open(box.seal(SECRET, ALPHA), context)).toThrow(SecretUnreadable);
  });

  it('does not open an altered value', () => {
    const parts = box.seal(SECRET, ALPHA).split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[3] = ciphertext.toString('base64url');
    expect(() => box.open(parts.join('.'), ALPHA)).toThrow(/does not authenticate/);
    expect(() => box.open('not-a-sealed-value', ALPHA)).toThrow(/unknown format/);
  });

  it('does not open a value sealed under a key it does not have, and says why', () => {
    const sealed = createSecretBox({ current: NEXT_KEY }).seal(SECRET, ALPHA);
    expect(() => box.open(sealed, ALPHA)).toThrow(/TENANT_SECRETS_KEY changed/);
  });

  it('after rotation, opens values sealed under a previous key and seals new ones under the current key', () => {
    const old = box.seal(SECRET, ALPHA);
    const rotated = createSecretBox({ current: NEXT_KEY, previous: [KEY] });
    expect(rotated.open(old, ALPHA)).toBe(SECRET);
    const fresh = rotated.seal(SECRET, ALPHA);
    expect(fresh.split('.')[1]).not.toBe(old.split('.')[1]);
    expect(() => box.open(fresh, ALPHA)).toThrow(SecretUnreadable);
  });
});

describe('resolveSecretsKey', () => {
  it('uses the configured key', () => {
    expect(resolveSecretsKey(KEY, { dataDir: join(dir, 'configured'), production: true })).toBe(KEY);
  });

  it('is null in production without a configured key: no key is made up', () => {
    expect(resolveSecretsKey(null, { dataDir: join(dir, 'prod'), production: true })).toBeNull();
  });

  it('outside production, generates one in DATA_DIR readable by the owner only, and reuses it', () => {
    const dataDir = join(dir, 'dev');
    const first = resolveSecretsKey(null, { dataDir, production: false });
    expect(first!.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'tenant-secrets-key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSecretsKey(null, { dataDir, production: false })).toBe(first);
  });
});

it('secretHint shows the kind and the last four characters only', () => {
  expect(secretHint(SECRET)).toBe('sk-ant-…x7Qa');
  expect(secretHint('abcdefgh')).toBe('…efgh');
});
