/**
 * A learner's privacy choices: restriction of processing, analytics opt-out, marketing consent
 * (recorded with its time, withdrawable), and rectification of name and e-mail. Each change is
 * written to the audit trail; setting what is already set changes and records nothing.
 */
import type { Learner, LearnerPatch, PrivacyAction, PrivacyActor, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import { hasConfirmedAge } from './age-gate.js';
import { recordPrivacyAction } from './audit.js';
import { AI_SCORE_DISCLAIMER } from './export.js';
import { minimumAgeOf, privacySettingsOf } from './settings.js';

export const TEXT_ONLY_NOTICE =
  'This service is text only: it never records or processes audio, video or biometric data.';
export const CONFIDENTIAL_NOTICE =
  'Avoid confidential employer information or commercially sensitive material in your answers. Answers are checked for obvious personal details and confidential wording before you submit, and personal identifiers are removed before text is sent to the AI provider.';

/** What the privacy panel shows. */
export function privacySettingsView(tenant: Tenant, learner: Learner, purgeAfterDays: number) {
  const retention = privacySettingsOf(tenant);
  return {
    processingRestricted: learner.restrictedAt !== null,
    restrictedAt: learner.restrictedAt,
    analyticsOptOut: learner.analyticsOptOutAt !== null,
    analyticsOptOutAt: learner.analyticsOptOutAt,
    marketingConsent: learner.marketingConsentAt !== null,
    marketingConsentAt: learner.marketingConsentAt,
    profile: { name: learner.name, email: learner.email, editedAt: learner.profileEditedAt },
    age: { minimumAge: minimumAgeOf(tenant), confirmed: hasConfirmedAge(tenant, learner), confirmedAt: learner.ageConfirmedAt },
    retention: {
      inactiveLearnerDays: retention.inactiveLearnerDays,
      reminderDaysBefore: retention.retentionReminderDays,
      lastActiveAt: learner.lastActiveAt,
    },
    /** An account deleted now is gone from every read at once and purged within this many days. */
    erasurePurgeDays: purgeAfterDays,
    notices: { aiScores: AI_SCORE_DISCLAIMER, textOnly: TEXT_ONLY_NOTICE, confidentialMaterial: CONFIDENTIAL_NOTICE },
  };
}

async function change(
  tenantStore: TenantStore,
  learner: Learner,
  patch: LearnerPatch,
  actions: { action: PrivacyAction; details?: Record<string, string | number | boolean | null | string[]> }[],
  actor: PrivacyActor,
): Promise<Learner> {
  if (Object.keys(patch).length === 0) return learner;
  const updated = await tenantStore.learners.update(learner.id, patch);
  for (const { action, details } of actions) await recordPrivacyAction(tenantStore, learner.id, action, actor, details);
  return updated;
}

export function setRestriction(tenantStore: TenantStore, learner: Learner, restricted: boolean, actor: PrivacyActor, now: Date) {
  if (restricted === (learner.restrictedAt !== null)) return Promise.resolve(learner);
  return change(
    tenantStore,
    learner,
    { restrictedAt: restricted ? now.toISOString() : null },
    [{ action: restricted ? 'restriction.on' : 'restriction.off' }],
    actor,
  );
}

export interface PreferencesInput {
  analyticsOptOut?: boolean | undefined;
  marketingConsent?: boolean | undefined;
}

export function setPreferences(tenantStore: TenantStore, learner: Learner, input: PreferencesInput, actor: PrivacyActor, now: Date) {
  const patch: LearnerPatch = {};
  const actions: { action: PrivacyAction }[] = [];
  const at = now.toISOString();
  if (input.analyticsOptOut !== undefined && input.analyticsOptOut !== (learner.analyticsOptOutAt !== null)) {
    patch.analyticsOptOutAt = input.analyticsOptOut ? at : null;
    actions.push({ action: input.analyticsOptOut ? 'analytics.opt-out' : 'analytics.opt-in' });
  }
  if (input.marketingConsent !== undefined && input.marketingConsent !== (learner.marketingConsentAt !== null)) {
    patch.marketingConsentAt = input.marketingConsent ? at : null;
    actions.push({ action: input.marketingConsent ? 'marketing.consent' : 'marketing.withdraw' });
  }
  return change(tenantStore, learner, patch, actions, actor);
}

export interface ProfileInput {
  name?: string | null | undefined;
  email?: string | null | undefined;
}

/** Rectification: after it, the tenant's token claims no longer overwrite name and e-mail. */
export function rectifyProfile(tenantStore: TenantStore, learner: Learner, input: ProfileInput, actor: PrivacyActor, now: Date) {
  const patch: LearnerPatch = {};
  const fields: string[] = [];
  if (input.name !== undefined && input.name !== learner.name) {
    patch.name = input.name;
    fields.push('name');
  }
  if (input.email !== undefined && input.email !== learner.email) {
    patch.email = input.email;
    fields.push('email');
  }
  if (fields.length === 0) return Promise.resolve(learner);
  patch.profileEditedAt = now.toISOString();
  return change(tenantStore, learner, patch, [{ action: 'profile.rectify', details: { fields } }], actor);
}
