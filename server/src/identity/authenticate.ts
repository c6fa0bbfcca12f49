/**
 * Turns presented credentials into verified identities. The tRPC procedures in
 * `trpc/init.ts` call these; nothing else decides who a caller is.
 */
import { AppError } from '../errors.js';
import { hasConfirmedAge, isAgeGateEnforced } from '../privacy/age-gate.js';
import { minimumAgeOf } from '../privacy/settings.js';
import type { ApiKey, Learner, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import type { AppDeps, Credentials } from '../trpc/context.js';
import { apiKeyKindOf, hashApiKey } from './api-keys.js';
import { LEARNER_TOKEN_ISSUER, peekIssuer } from './learner-token.js';

export interface TenantAuth {
  tenant: Tenant;
  apiKey: ApiKey;
  /** The store, bound to this tenant: handlers cannot reach another tenant's records. */
  tenantStore: TenantStore;
}

/** The tenant a learner credential is checked against, with the store bound to it. */
export type TenantScope = Pick<TenantAuth, 'tenant' | 'tenantStore'>;

export interface LearnerAuth {
  learner: Learner;
  /** When the presented token stops working; null for tokens without expiry information. */
  tokenExpiresAt: Date | null;
}

export type AdminPrincipal = { kind: 'secret-key'; keyId: string } | { kind: 'clerk'; userId: string };

export interface AdminAuth {
  admin: AdminPrincipal;
}

// `lastUsedAt` is informational: writing it on every request would cost a write per call.
const TOUCH_INTERVAL_MS = 60_000;
const lastTouched = new Map<string, number>();

function touchKeyEventually(deps: AppDeps, tenantStore: TenantStore, keyId: string): void {
  const now = deps.clock().getTime();
  const previous = lastTouched.get(keyId) ?? 0;
  if (now - previous < TOUCH_INTERVAL_MS) return;
  lastTouched.set(keyId, now);
  tenantStore.apiKeys.touch(keyId).catch((error: unknown) => {
    deps.logger.warn({ err: error, keyId }, 'could not record API key use');
  });
}

export async function authenticateTenant(deps: AppDeps, credentials: Credentials): Promise<TenantAuth> {
  const rawKey = credentials.apiKey;
  if (!rawKey) throw new AppError('UNAUTHENTICATED', 'An API key is required (x-api-key header).');
  const kind = apiKeyKindOf(rawKey);
  if (!kind) throw new AppError('UNAUTHENTICATED', 'The API key is not valid.');

  const resolved = await deps.authCache.keyByHash(hashApiKey(rawKey));
  if (!resolved || resolved.apiKey.kind !== kind) throw new AppError('UNAUTHENTICATED', 'The API key is not valid.');
  const { apiKey, tenant, tenantStore } = resolved;
  if (apiKey.revokedAt) throw new AppError('UNAUTHENTICATED', 'The API key has been revoked.');

  if (credentials.origin !== null) {
    // A secret key in a browser is a leaked key; a publishable key only works on the
    // tenant's own sites. Calls without an Origin header are server-to-server.
    if (kind === 'secret') {
      throw new AppError('FORBIDDEN_ORIGIN', 'Secret keys must only be used from a server, never a browser.');
    }
    if (!isOriginAllowed(tenant, credentials.origin)) throw new AppError('FORBIDDEN_ORIGIN');
  }

  touchKeyEventually(deps, tenantStore, apiKey.id);
  return { tenant, apiKey, tenantStore };
}

export function isOriginAllowed(tenant: Tenant, origin: string): boolean {
  return tenant.settings.allowedOrigins.includes(origin);
}

/** Who a learner credential names, verified, before any learner record is looked up. */
export interface LearnerIdentity {
  externalId: string;
  email: string | null;
  name: string | null;
  guest: boolean;
  /** When the credential was issued; null when it does not say. */
  issuedAt: Date | null;
}

export interface LearnerIdentityAuth {
  identity: LearnerIdentity;
  /** The stored learner, or null before their first use (nothing is stored before it). */
  learner: Learner | null;
  tokenExpiresAt: Date | null;
}

// `lastActiveAt` drives retention; recording it at most hourly costs one write per learner-hour.
const ACTIVITY_RESOLUTION_MS = 3_600_000;

const wholeSecond = (time: Date | string) => Math.floor(new Date(time).getTime() / 1000);

async function verifyLearnerCredential(
  deps: AppDeps,
  credentials: Credentials,
  { tenant, tenantStore }: TenantScope,
): Promise<{ identity: LearnerIdentity; tokenExpiresAt: Date | null }> {
  const bearer = credentials.bearer;
  if (!bearer) throw new AppError('UNAUTHENTICATED', 'A learner token is required (Authorization: Bearer …).');

  // A token seen before skips even the issuer peek; anything else is verified by its issuer.
  const claims =
    deps.tokens.recall(bearer, tenant.id) ??
    (peekIssuer(bearer) === LEARNER_TOKEN_ISSUER ? await deps.tokens.verify(bearer, tenant.id) : null);
  if (claims) {
    if (claims.keyId) {
      const mintingKey = await deps.authCache.tenantKey(tenantStore, claims.keyId);
      if (!mintingKey || mintingKey.revokedAt) {
        throw new AppError('UNAUTHENTICATED', 'The key that issued this learner token has been revoked.', {
          details: { reason: 'token-invalid' },
        });
      }
    }
    if (claims.guest && !tenant.settings.guestAccess) {
      throw new AppError('UNAUTHENTICATED', 'Guest access is turned off for this site.', {
        details: { reason: 'guest-disabled' },
      });
    }
    const { externalId, email, name, guest, issuedAt } = claims;
    return { identity: { externalId, email, name, guest, issuedAt }, tokenExpiresAt: claims.expiresAt };
  }

  if (deps.clerk) {
    const clerk = await deps.clerk.verify(bearer, tenant.settings.allowedOrigins);
    return {
      identity: { externalId: `clerk:${clerk.userId}`, email: null, name: null, guest: false, issuedAt: clerk.issuedAt },
      tokenExpiresAt: null,
    };
  }

  throw new AppError('UNAUTHENTICATED', 'The learner token is not valid.', { details: { reason: 'token-invalid' } });
}

/**
 * True when the account this credential names was erased at or after the credential was issued.
 * Only a credential issued before its current account (or before any account) can be one: a
 * later one cannot predate an erasure of it. And once a credential passed this check while a
 * learner record existed, it passes for as long as that same record does (see
 * `AuthCache.rememberNotErased`), so the lookup is not repeated on every request.
 */
async function erasedBeforeIssue(
  deps: AppDeps,
  tenantStore: TenantStore,
  identity: LearnerIdentity,
  existing: Learner | null,
): Promise<boolean> {
  const { issuedAt } = identity;
  const predatesAccount = !existing || issuedAt === null || wholeSecond(issuedAt) < wholeSecond(existing.createdAt);
  if (!predatesAccount) return false;
  if (existing && deps.authCache.knownNotErased(existing, issuedAt)) return false;
  const erased = await deps.erasure.erasedSince(tenantStore, identity.externalId, issuedAt);
  if (!erased && existing) deps.authCache.rememberNotErased(existing, issuedAt);
  return erased;
}

/**
 * The stored learner of this identity, or null, kept current (e-mail and name from the token
 * unless the learner corrected them, hourly activity). A credential issued before its
 * account was erased is refused: deleting an account ends its tokens at once, while a token
 * issued afterwards may start a new, empty account.
 */
async function storedLearner(deps: AppDeps, tenantStore: TenantStore, identity: LearnerIdentity): Promise<Learner | null> {
  const existing = await tenantStore.learners.getByExternalId(identity.externalId);
  if (await erasedBeforeIssue(deps, tenantStore, identity, existing)) {
    throw new AppError('UNAUTHENTICATED', 'This account has been deleted.', { details: { reason: 'account-deleted' } });
  }
  if (!existing) return null;

  let learner = existing;
  // Only write when something changed: most requests are reads by a known learner.
  const changed =
    existing.profileEditedAt == null &&
    ((identity.email !== null && identity.email !== existing.email) || (identity.name !== null && identity.name !== existing.name));
  if (changed) {
    learner = await tenantStore.learners.upsertByExternalId({
      externalId: identity.externalId,
      ...(identity.email !== null ? { email: identity.email } : {}),
      ...(identity.name !== null ? { name: identity.name } : {}),
    });
  }
  const now = deps.clock();
  if (now.getTime() - Date.parse(learner.lastActiveAt) >= ACTIVITY_RESOLUTION_MS) {
    try {
      await tenantStore.learners.touchActive(learner.id);
      learner = { ...learner, lastActiveAt: now.toISOString() };
    } catch (error) {
      deps.logger.warn({ err: error, learnerId: learner.id }, 'could not record learner activity');
    }
  }
  return learner;
}

function ageConfirmationRequired(tenant: Tenant): AppError {
  return new AppError('AGE_CONFIRMATION_REQUIRED', undefined, { details: { minimumAge: minimumAgeOf(tenant) } });
}

/**
 * A verified learner, created on first use. Where the tenant enforces the age gate, nobody is
 * created (and no call is served) before the learner confirms the minimum age.
 */
export async function authenticateLearner(deps: AppDeps, credentials: Credentials, scope: TenantScope): Promise<LearnerAuth> {
  const { tenant, tenantStore } = scope;
  const { identity, tokenExpiresAt } = await verifyLearnerCredential(deps, credentials, scope);
  let learner = await storedLearner(deps, tenantStore, identity);
  const gate = isAgeGateEnforced(tenant);
  if (!learner) {
    if (gate) throw ageConfirmationRequired(tenant);
    learner = await tenantStore.learners.upsertByExternalId({
      externalId: identity.externalId,
      ...(identity.email !== null ? { email: identity.email } : {}),
      ...(identity.name !== null ? { name: identity.name } : {}),
      guest: identity.guest,
    });
  }
  if (gate && !hasConfirmedAge(tenant, learner)) throw ageConfirmationRequired(tenant);
  return { learner, tokenExpiresAt };
}

/**
 * A verified learner credential and the learner it names if they exist, creating nothing:
 * for the calls that come before an account (the age confirmation).
 */
export async function authenticateLearnerIdentity(
  deps: AppDeps,
  credentials: Credentials,
  scope: TenantScope,
): Promise<LearnerIdentityAuth> {
  const { identity, tokenExpiresAt } = await verifyLearnerCredential(deps, credentials, scope);
  return { identity, learner: await storedLearner(deps, scope.tenantStore, identity), tokenExpiresAt };
}

export async function authenticateAdmin(
  deps: AppDeps,
  credentials: Credentials,
  tenant: Tenant,
  apiKey: ApiKey,
): Promise<AdminAuth> {
  if (apiKey.kind === 'secret') return { admin: { kind: 'secret-key', keyId: apiKey.id } };

  const orgId = tenant.settings.clerkOrganizationId;
  if (credentials.bearer && deps.clerk && orgId && peekIssuer(credentials.bearer) !== LEARNER_TOKEN_ISSUER) {
    const identity = await deps.clerk.verify(credentials.bearer, tenant.settings.allowedOrigins);
    if (identity.orgId === orgId && identity.orgRole === 'admin') {
      return { admin: { kind: 'clerk', userId: identity.userId } };
    }
  }
  throw new AppError('FORBIDDEN', "This call needs the tenant's secret key or an organisation admin.");
}
