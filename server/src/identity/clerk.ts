/**
 * Clerk session tokens, verified networklessly with the instance's PEM public key
 * (`CLERK_JWT_KEY`). A Clerk user becomes a learner of the tenant ("clerk:<user id>"); a member
 * of the tenant's Clerk organisation with the admin role becomes its admin.
 */
import { verifyToken } from '@clerk/backend';
import { AppError } from '../errors.js';

export interface ClerkIdentity {
  userId: string;
  orgId: string | null;
  /** Role without the "org:" prefix ("admin", "member"). */
  orgRole: string | null;
  /** The session token's `iat`, when it has one. */
  issuedAt: Date | null;
}

export interface ClerkVerifier {
  verify(token: string, authorizedParties: string[]): Promise<ClerkIdentity>;
}

export function createClerkVerifier(jwtKey: string): ClerkVerifier {
  return {
    async verify(token, authorizedParties) {
      let payload: Record<string, unknown>;
      try {
        payload = (await verifyToken(token, { jwtKey, authorizedParties })) as unknown as Record<string, unknown>;
      } catch (error) {
        const reason = (error as { reason?: unknown }).reason;
        throw new AppError('UNAUTHENTICATED', 'The Clerk session token is not valid.', {
          details: { reason: typeof reason === 'string' ? reason : 'token-invalid' },
        });
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') {
        throw new AppError('UNAUTHENTICATED', 'The Clerk session token has no user.');
      }
      // Session token claims v2 carry the active organisation in `o`; v1 in org_id/org_role.
      const o = (payload.o ?? null) as { id?: unknown; rol?: unknown } | null;
      const orgId = typeof o?.id === 'string' ? o.id : typeof payload.org_id === 'string' ? payload.org_id : null;
      const rawRole = typeof o?.rol === 'string' ? o.rol : typeof payload.org_role === 'string' ? payload.org_role : null;
      const issuedAt = typeof payload.iat === 'number' ? new Date(payload.iat * 1000) : null;
      return { userId: payload.sub, orgId, orgRole: rawRole ? rawRole.replace(/^org:/, '') : null, issuedAt };
    },
  };
}
