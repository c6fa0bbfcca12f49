/**
 * API keys: publishable (`pk_…`, browser) and secret (`sk_…`, server to server). Keys are
 * 192-bit random strings; only their SHA-256 is stored (a fast hash is right for high-entropy
 * secrets), with a short visible prefix so people can tell their keys apart.
 */
import { hash, randomBytes } from 'node:crypto';
import type { ApiKeyKind } from '../store/records.js';

const kindPrefix: Record<ApiKeyKind, string> = { publishable: 'pk_', secret: 'sk_' };
const keyPattern = /^(pk|sk)_[A-Za-z0-9_-]{32}$/;
const visiblePrefixLength = 11;

export interface GeneratedApiKey {
  /** Shown once to the tenant, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateApiKey(kind: ApiKeyKind): GeneratedApiKey {
  const key = kindPrefix[kind] + randomBytes(24).toString('base64url');
  return { key, prefix: key.slice(0, visiblePrefixLength), hash: hashApiKey(key) };
}

// `hash` is the one-shot form of `createHash`: the same digest, without a Hash object per call
// (every API request hashes its key, twice: for its rate-limit bucket and to look the key up).
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The kind a well-formed key claims to be, or null for anything else. */
export function apiKeyKindOf(key: string): ApiKeyKind | null {
  if (!keyPattern.test(key)) return null;
  return key.startsWith('pk_') ? 'publishable' : 'secret';
}
