/**
 * Seals the credentials a tenant gives us (its own Anthropic API key) so only ciphertext is ever
 * stored: AES-256-GCM under a key derived (HKDF-SHA256) from TENANT_SECRETS_KEY, with the tenant
 * id and the secret's name as associated data — a sealed value copied into another tenant's
 * record, or under another name, does not open.
 *
 * Sealed form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id names the
 * deployment key that sealed it, so TENANT_SECRETS_KEY can be rotated: the old value moves to
 * TENANT_SECRETS_PREVIOUS_KEYS, values sealed under it still open, and new ones use the new key.
 *
 * A development server without TENANT_SECRETS_KEY keeps a generated one in DATA_DIR (as it does
 * the token signing secret); production without it has no box, and tenant keys cannot be set.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const HKDF_INFO = 'interview-studio/tenant-secrets/v1';

/** What a sealed value is bound to. */
export interface SecretContext {
  tenantId: string;
  name: string;
}

export interface SecretBox {
  /** Names the key new values are sealed under (the second part of a sealed value). */
  readonly keyId: string;
  seal(plaintext: string, context: SecretContext): string;
  /** Throws `SecretUnreadable` for a value that is tampered with, foreign, or sealed by an unknown key. */
  open(sealed: string, context: SecretContext): string;
}

export class SecretUnreadable extends Error {
  constructor(reason: string) {
    super(`The stored secret cannot be opened: ${reason}.`);
    this.name = 'SecretUnreadable';
  }
}

interface DerivedKey {
  id: string;
  key: Buffer;
}

function derive(material: string): DerivedKey {
  const key = Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), HKDF_INFO, 32));
  // Names the key without revealing it: a hash of the derived key, never of the material.
  const id = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return { id, key };
}

function associatedData(context: SecretContext): Buffer {
  return Buffer.from(`${VERSION}\u0000${context.tenantId}\u0000${context.name}`, 'utf8');
}

export function createSecretBox(keys: { current: string; previous?: readonly string[] }): SecretBox {
  const current = derive(keys.current);
  const byId = new Map<string, Buffer>([[current.id, current.key]]);
  for (const material of keys.previous ?? []) {
    const older = derive(material);
    if (!byId.has(older.id)) byId.set(older.id, older.key);
  }

  return {
    keyId: current.id,

    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(associatedData(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
    },

    open(sealed, context) {
      const parts = sealed.split('.');
      if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretUnreadable('unknown format');
      const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
      const key = byId.get(keyId);
      if (!key) throw new SecretUnreadable('it was sealed with a key this server does not have (TENANT_SECRETS_KEY changed?)');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(associatedData(context));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretUnreadable('it does not authenticate (altered, or not this tenant’s)');
      }
    },
  };
}

/** The key a sealed value was sealed under, or null if it is not a sealed value. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split('.');
  return parts.length === 5 && parts[0] === VERSION ? parts[1]! : null;
}

/**
 * The key material: TENANT_SECRETS_KEY when set; otherwise, outside production, one generated
 * and kept in DATA_DIR so sealed values survive restarts; otherwise null (no box).
 */
export function resolveSecretsKey(configured: string | null, options: { dataDir: string; production: boolean }): string | null {
  if (configured) return configured;
  if (options.production) return null;
  const file = join(options.dataDir, 'tenant-secrets-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first run: fall through and create it
  }
  mkdirSync(options.dataDir, { recursive: true });
  const material = randomBytes(32).toString('base64url');
  writeFileSync(file, `${material}\n`, { mode: 0o600 });
  return material;
}

/** The box for this deployment's configuration; null in production without TENANT_SECRETS_KEY. */
export function secretBoxFromConfig(config: Pick<Config, 'tenantSecrets' | 'dataDir' | 'env'>): SecretBox | null {
  const key = resolveSecretsKey(config.tenantSecrets.key, { dataDir: config.dataDir, production: config.env === 'production' });
  return key ? createSecretBox({ current: key, previous: config.tenantSecrets.previousKeys }) : null;
}

/** Shown instead of a secret: its kind and last four characters ("sk-ant-…x7Qa"). */
export function secretHint(secret: string): string {
  const prefix = secret.startsWith('sk-ant-') ? 'sk-ant-' : '';
  return `${prefix}…${secret.slice(-4)}`;
}
