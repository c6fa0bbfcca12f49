/**
 * Turns presented credentials into verified identities. The tRPC procedures in
 * `trpc/init.ts` call these; nothing else decides who a caller is.
 */
import { AppError } from '../errors.js';
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

  const apiKey = await deps.store.findApiKeyByHash(hashApiKey(rawKey));
  if (!apiKey || apiKey.kind !== kind) throw new AppError('UNAUTHENTICATED', 'The API key is not valid.');
  if (apiKey.revokedAt) throw new AppError('UNAUTHENTICATED', 'The API key has been revoked.');
  const tenant = await deps.store.getTenant(apiKey.tenantId);
  if (!tenant) throw new AppError('UNAUTHENTICATED', 'The API key is not valid.');

  if (credentials.origin !== null) {
    // A secret key in a browser is a leaked key; a publishable key only works on the
    // tenant's own sites. Calls without an Origin header are server-to-server.
    if (kind === 'secret') {
      throw new AppError('FORBIDDEN_ORIGIN', 'Secret keys must only be used from a server, never a browser.');
    }
    if (!isOriginAllowed(tenant, credentials.origin)) throw new AppError('FORBIDDEN_ORIGIN');
  }

  const tenantStore = deps.store.forTenant(tenant.id);
  touchKeyEventually(deps, tenantStore, apiKey.id);
  return { tenant, apiKey, tenantStore };
}

export function isOriginAllowed(tenant: Tenant, origin: string): boolean {
  return tenant.settings.allowedOrigins.includes(origin);
}

async function learnerFor(
  tenantStore: TenantStore,
  profile: { externalId: string; email: string | null; name: string | null; guest: boolean },
): Promise<Learner> {
  const existing = await tenantStore.learners.getByExternalId(profile.externalId);
  // Only write when something changed: most requests are reads by a known learner.
  const changed =
    existing !== null &&
    ((profile.email !== null && profile.email !== existing.email) ||
      (profile.name !== null && profile.name !== existing.name));
  if (existing && !changed) return existing;
  return tenantStore.learners.upsertByExternalId({
    externalId: profile.externalId,
    ...(profile.email !== null ? { email: profile.email } : {}),
    ...(profile.name !== null ? { name: profile.name } : {}),
    guest: profile.guest,
  });
}

export async function authenticateLearner(
  deps: AppDeps,
  credentials: Credentials,
  tenant: Tenant,
): Promise<LearnerAuth> {
  const bearer = credentials.bearer;
  if (!bearer) throw new AppError('UNAUTHENTICATED', 'A learner token is required (Authorization: Bearer …).');
  const tenantStore = deps.store.forTenant(tenant.id);

  if (peekIssuer(bearer) === LEARNER_TOKEN_ISSUER) {
    const claims = await deps.tokens.verify(bearer, tenant.id);
    if (claims.keyId) {
      const mintingKey = await tenantStore.apiKeys.get(claims.keyId);
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
    const learner = await learnerFor(tenantStore, claims);
    return { learner, tokenExpiresAt: claims.expiresAt };
  }

  if (deps.clerk) {
    const identity = await deps.clerk.verify(bearer, tenant.settings.allowedOrigins);
    const learner = await learnerFor(tenantStore, {
      externalId: `clerk:${identity.userId}`,
      email: null,
      name: null,
      guest: false,
    });
    return { learner, tokenExpiresAt: null };
  }

  throw new AppError('UNAUTHENTICATED', 'The learner token is not valid.', { details: { reason: 'token-invalid' } });
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
