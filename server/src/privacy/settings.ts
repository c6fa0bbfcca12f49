/**
 * A tenant's privacy settings (the age gate and the retention of inactive learners) and the
 * deployment-wide limits they live within.
 */
import { z } from 'zod';
import type { Tenant, TenantPrivacySettings } from '../store/records.js';

/** The policy's promise: an erased account is purged within 30 days. Never configurable above. */
export const MAX_PURGE_DAYS = 30;
/** No tenant may set a minimum age below this. */
export const MIN_AGE_FLOOR = 13;

export const tenantPrivacySettingsSchema = z
  .strictObject({
    requireAgeConfirmation: z.boolean(),
    inactiveLearnerDays: z.number().int().min(30).max(3650).nullable(),
    retentionReminderDays: z.number().int().min(1).max(60),
  })
  .refine((s) => s.inactiveLearnerDays === null || s.retentionReminderDays < s.inactiveLearnerDays, {
    message: 'the reminder must go out before the erasure (retentionReminderDays < inactiveLearnerDays)',
    path: ['retentionReminderDays'],
  }) satisfies z.ZodType<TenantPrivacySettings>;

/**
 * Defaults of a new tenant. The age gate is on: the policy promises a 16+ confirmation on first
 * use, and the widget shows the confirmation screen (see PRIVACY-MAP.md). Retention erases
 * learners after two years without use.
 */
export function defaultPrivacySettings(): TenantPrivacySettings {
  return { requireAgeConfirmation: true, inactiveLearnerDays: 730, retentionReminderDays: 14 };
}

/** The tenant's settings, with the defaults for a tenant stored before they existed. */
export function privacySettingsOf(tenant: Tenant): TenantPrivacySettings {
  return tenant.settings.privacy ?? defaultPrivacySettings();
}

/** The age a learner of this tenant must confirm (the tenant's, never below 13). */
export function minimumAgeOf(tenant: Tenant): number {
  return Math.max(MIN_AGE_FLOOR, tenant.settings.minimumAge);
}

export const privacyEnvShape = {
  /** Days after an erasure within which the purge completes it; the policy allows at most 30. */
  ERASURE_PURGE_DAYS: z.coerce.number().int().min(1).max(MAX_PURGE_DAYS).default(MAX_PURGE_DAYS),
};
