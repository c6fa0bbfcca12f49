/**
 * The age gate: a learner confirms they are at least the tenant's minimum age (16 by default,
 * never below 13) on first use. Below it, no account is created and nothing is stored.
 *
 * With the tenant's `privacy.requireAgeConfirmation` on, sign-in stores no learner until they
 * have confirmed (`privacy.confirmAge`), and refuses a learner whose confirmation is missing or
 * was for a lower minimum than the tenant's current one, with AGE_CONFIRMATION_REQUIRED.
 */
import { AppError } from '../errors.js';
import type { LearnerIdentity } from '../identity/authenticate.js';
import type { Learner, Tenant } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import { LEARNER_ACTOR, recordPrivacyAction } from './audit.js';
import type { Erasure } from './erasure.js';
import { minimumAgeOf, privacySettingsOf } from './settings.js';

export function isAgeGateEnforced(tenant: Tenant): boolean {
  return privacySettingsOf(tenant).requireAgeConfirmation;
}

/** True when the learner has confirmed the tenant's current minimum age. */
export function hasConfirmedAge(tenant: Tenant, learner: Pick<Learner, 'ageConfirmedAt' | 'ageConfirmedMinimum'>): boolean {
  return learner.ageConfirmedAt != null && (learner.ageConfirmedMinimum ?? 0) >= minimumAgeOf(tenant);
}

/** What the widget needs to show (or skip) the confirmation on first use. */
export function ageGateStatus(tenant: Tenant, learner: Learner | null) {
  return {
    minimumAge: minimumAgeOf(tenant),
    /** The learner has an account here. */
    accountExists: learner !== null,
    confirmed: learner !== null && hasConfirmedAge(tenant, learner),
    /** The server refuses every learner call until the age is confirmed. */
    enforced: isAgeGateEnforced(tenant),
  };
}

export interface AgeConfirmation {
  tenant: Tenant;
  tenantStore: TenantStore;
  erasure: Erasure;
  identity: LearnerIdentity;
  /** The stored learner, or null before their first use. */
  learner: Learner | null;
  /** The age the learner was asked about (what the widget showed). */
  minimumAge: number;
  /** True: "I am at least `minimumAge`". False: they are younger. */
  confirmed: boolean;
  now: Date;
}

export type AgeConfirmationResult = { allowed: true; minimumAge: number; learner: Learner } | { allowed: false; minimumAge: number };

/**
 * Records a confirmation, creating the learner if needed. Below the minimum nothing is created
 * and nothing is stored; an account that already existed is erased at once.
 */
export async function confirmAge(input: AgeConfirmation): Promise<AgeConfirmationResult> {
  const required = minimumAgeOf(input.tenant);
  if (input.minimumAge < required) {
    throw new AppError('CONFLICT', `The minimum age here is ${required}. Please answer again.`, { details: { minimumAge: required } });
  }
  if (!input.confirmed) {
    if (input.learner) await input.erasure.erase(input.tenantStore, input.learner, LEARNER_ACTOR, 'under-age');
    return { allowed: false, minimumAge: required };
  }
  const { identity } = input;
  let learner = input.learner;
  if (!learner) {
    learner = await input.tenantStore.learners.upsertByExternalId({
      externalId: identity.externalId,
      ...(identity.email !== null ? { email: identity.email } : {}),
      ...(identity.name !== null ? { name: identity.name } : {}),
      guest: identity.guest,
      ageConfirmedMinimum: input.minimumAge,
    });
  } else if (!hasConfirmedAge(input.tenant, learner) || (learner.ageConfirmedMinimum ?? 0) < input.minimumAge) {
    learner = await input.tenantStore.learners.update(learner.id, {
      ageConfirmedAt: input.now.toISOString(),
      ageConfirmedMinimum: input.minimumAge,
    });
  } else {
    return { allowed: true, minimumAge: required, learner };
  }
  await recordPrivacyAction(input.tenantStore, learner.id, 'age.confirm', LEARNER_ACTOR, { minimumAge: input.minimumAge });
  return { allowed: true, minimumAge: required, learner };
}
