/**
 * Learner tokens: short-lived HS256 JWTs this server signs. A tenant's backend mints one with
 * its secret key; the widget presents it with the tenant's publishable key. The audience is
 * the tenant id, so a token from tenant A never authenticates against tenant B, and `kid`
 * names the minting key, so revoking that key ends the tokens it minted.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { AppError } from '../errors.js';

export const LEARNER_TOKEN_ISSUER = 'interview-studio';

export interface LearnerClaims {
  tenantId: string;
  externalId: string;
  email: string | null;
  name: string | null;
  guest: boolean;
  /** Id of the API key that minted the token (null for guest tokens). */
  keyId: string | null;
  expiresAt: Date;
  /** `iat`: sign-in refuses tokens issued before their account was erased. */
  issuedAt: Date;
}

export interface LearnerTokenSigner {
  sign(claims: Omit<LearnerClaims, 'expiresAt' | 'issuedAt'>, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string, tenantId: string): Promise<LearnerClaims>;
  /**
   * The claims of a token that verified before for this tenant and has not expired; null when
   * it would have to be verified (or is not one of these tokens at all).
   */
  recall(token: string, tenantId: string): LearnerClaims | null;
  /**
   * Whom a token that verified before names, for any tenant: for choosing a rate-limit bucket
   * without decoding the token again, never for authenticating. Null when not remembered.
   */
  knownSubject(token: string): { tenantId: string; externalId: string } | null;
}

// HMAC verification through WebCrypto costs ~90 µs, most of an authenticated read. A token
// that verified once stays valid until it expires, so verified claims are remembered by the
// exact token string (bounded; oldest entries go first).
const VERIFIED_CACHE_SIZE = 10_000;

export function createLearnerTokenSigner(secret: string, now: () => Date = () => new Date()): LearnerTokenSigner {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, LearnerClaims>();

  function remember(token: string, claims: LearnerClaims): void {
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value as string);
    verified.set(token, claims);
  }

  function recall(token: string, tenantId: string): LearnerClaims | null {
    const cached = verified.get(token);
    if (!cached) return null;
    if (cached.expiresAt.getTime() <= now().getTime()) {
      verified.delete(token);
      return null;
    }
    return cached.tenantId === tenantId ? cached : null;
  }

  return {
    recall,

    knownSubject(token) {
      return verified.get(token) ?? null;
    },

    async sign(claims, ttlSeconds) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const exp = issuedAt + ttlSeconds;
      const token = await new SignJWT({
        email: claims.email ?? undefined,
        name: claims.name ?? undefined,
        guest: claims.guest || undefined,
        kid: claims.keyId ?? undefined,
      })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(LEARNER_TOKEN_ISSUER)
        .setAudience(claims.tenantId)
        .setSubject(claims.externalId)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000) };
    },

    async verify(token, tenantId) {
      const cached = recall(token, tenantId);
      if (cached) return cached;
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: LEARNER_TOKEN_ISSUER,
          audience: tenantId,
          algorithms: ['HS256'],
          currentDate: now(),
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        const claims: LearnerClaims = {
          tenantId,
          externalId: payload.sub as string,
          email: typeof payload.email === 'string' ? payload.email : null,
          name: typeof payload.name === 'string' ? payload.name : null,
          guest: payload.guest === true,
          keyId: typeof payload.kid === 'string' ? payload.kid : null,
          expiresAt: new Date((payload.exp as number) * 1000),
          issuedAt: new Date((payload.iat as number) * 1000),
        };
        remember(token, claims);
        return claims;
      } catch (error) {
        const expired = error instanceof joseErrors.JWTExpired;
        throw new AppError('UNAUTHENTICATED', expired ? 'The learner token has expired.' : 'The learner token is not valid.', {
          details: { reason: expired ? 'token-expired' : 'token-invalid' },
        });
      }
    },
  };
}

/**
 * Reads a JWT's claims WITHOUT verifying anything: only to choose a verifier or a rate-limit
 * bucket, never to trust. Null when the token is not a JWT.
 */
export function peekClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null ? (decoded as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The issuer, read without verifying, to choose which verifier to use. */
export function peekIssuer(token: string): string | null {
  const iss = peekClaims(token)?.iss;
  return typeof iss === 'string' ? iss : null;
}
