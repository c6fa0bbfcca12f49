/**
 * The audit trail of privacy actions: who (the learner, a tenant admin, a job), when, what.
 * Never content: details are flags, counts, reasons and the names of changed fields.
 */
import type { AdminPrincipal } from '../identity/authenticate.js';
import type { PrivacyAction, PrivacyActor, PrivacyAuditEntry } from '../store/records.js';
import type { TenantStore } from '../store/store.js';

export const LEARNER_ACTOR: PrivacyActor = { kind: 'learner' };

export function adminActor(admin: AdminPrincipal): PrivacyActor {
  return { kind: 'admin', id: admin.kind === 'secret-key' ? `key:${admin.keyId}` : `clerk:${admin.userId}` };
}

export function systemActor(job: string): PrivacyActor {
  return { kind: 'system', id: job };
}

export async function recordPrivacyAction(
  tenantStore: TenantStore,
  learnerId: string,
  action: PrivacyAction,
  actor: PrivacyActor,
  details: PrivacyAuditEntry['details'] = {},
): Promise<PrivacyAuditEntry> {
  return tenantStore.privacy.recordAudit({ learnerId, action, actor, details });
}

/** Every audit entry of one learner, oldest first (for their export). */
export async function auditTrailOf(tenantStore: TenantStore, learnerId: string): Promise<PrivacyAuditEntry[]> {
  const entries: PrivacyAuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await tenantStore.privacy.listAudit({ limit: 100, cursor, learnerId });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries.reverse();
}

/** An entry as admins and learners see it (the tenant id is implied). */
export function auditView(entry: PrivacyAuditEntry) {
  const { tenantId: _tenantId, ...rest } = entry;
  return rest;
}
