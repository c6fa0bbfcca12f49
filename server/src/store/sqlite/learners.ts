import type { TenantStore } from '../store.js';
import type { Learner, LearnerPatch, LearnerProfileInput } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';
import { preparePagedQuery } from './paging.js';
import { fromFlag, patchField, toFlag } from './transform.js';

export interface LearnerRow {
  id: string;
  tenant_id: string;
  external_id: string;
  email: string | null;
  name: string | null;
  guest: number;
  locale: string | null;
  extended_time_multiplier: number;
  created_at: string;
  updated_at: string;
  last_active_at: string;
  restricted_at: string | null;
  analytics_opt_out_at: string | null;
  marketing_consent_at: string | null;
  age_confirmed_at: string | null;
  age_confirmed_minimum: number | null;
  profile_edited_at: string | null;
  retention_reminder_at: string | null;
}

interface Key {
  tenantId: string;
  id: string;
}

export function toLearner(row: LearnerRow): Learner {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    externalId: row.external_id,
    email: row.email,
    name: row.name,
    guest: fromFlag(row.guest),
    locale: row.locale,
    extendedTimeMultiplier: row.extended_time_multiplier,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActiveAt: row.last_active_at,
    restrictedAt: row.restricted_at,
    analyticsOptOutAt: row.analytics_opt_out_at,
    marketingConsentAt: row.marketing_consent_at,
    ageConfirmedAt: row.age_confirmed_at,
    ageConfirmedMinimum: row.age_confirmed_minimum,
    profileEditedAt: row.profile_edited_at,
    retentionReminderAt: row.retention_reminder_at,
  };
}

/** The privacy columns of a patch (see `patchField`): undefined keeps, null clears. */
function privacyPatch(patch: LearnerPatch) {
  return {
    ...patchField('restricted_at', patch.restrictedAt),
    ...patchField('analytics_opt_out_at', patch.analyticsOptOutAt),
    ...patchField('marketing_consent_at', patch.marketingConsentAt),
    ...patchField('age_confirmed_at', patch.ageConfirmedAt),
    ...patchField('age_confirmed_minimum', patch.ageConfirmedMinimum),
    ...patchField('profile_edited_at', patch.profileEditedAt),
    ...patchField('retention_reminder_at', patch.retentionReminderAt),
  };
}

export function prepareLearners({ db, now }: SqliteContext): (tenantId: string) => TenantStore['learners'] {
  const insert = db.prepare<LearnerRow>(
    `INSERT INTO learners (id, tenant_id, external_id, email, name, guest, locale, extended_time_multiplier,
                           created_at, updated_at, last_active_at, restricted_at, analytics_opt_out_at,
                           marketing_consent_at, age_confirmed_at, age_confirmed_minimum, profile_edited_at,
                           retention_reminder_at)
     VALUES (@id, @tenant_id, @external_id, @email, @name, @guest, @locale, @extended_time_multiplier,
             @created_at, @updated_at, @last_active_at, @restricted_at, @analytics_opt_out_at,
             @marketing_consent_at, @age_confirmed_at, @age_confirmed_minimum, @profile_edited_at,
             @retention_reminder_at)`,
  );
  const byId = db.prepare<Key, LearnerRow>('SELECT * FROM learners WHERE tenant_id = @tenantId AND id = @id');
  const byExternalId = db.prepare<{ tenantId: string; externalId: string }, LearnerRow>(
    'SELECT * FROM learners WHERE tenant_id = @tenantId AND external_id = @externalId',
  );
  const update = db.prepare<Record<string, unknown>, LearnerRow>(
    `UPDATE learners
     SET email = IIF(@has_email, @email, email),
         name = IIF(@has_name, @name, name),
         locale = IIF(@has_locale, @locale, locale),
         extended_time_multiplier = IIF(@has_multiplier, @multiplier, extended_time_multiplier),
         restricted_at = IIF(@has_restricted_at, @restricted_at, restricted_at),
         analytics_opt_out_at = IIF(@has_analytics_opt_out_at, @analytics_opt_out_at, analytics_opt_out_at),
         marketing_consent_at = IIF(@has_marketing_consent_at, @marketing_consent_at, marketing_consent_at),
         age_confirmed_at = IIF(@has_age_confirmed_at, @age_confirmed_at, age_confirmed_at),
         age_confirmed_minimum = IIF(@has_age_confirmed_minimum, @age_confirmed_minimum, age_confirmed_minimum),
         profile_edited_at = IIF(@has_profile_edited_at, @profile_edited_at, profile_edited_at),
         retention_reminder_at = IIF(@has_retention_reminder_at, @retention_reminder_at, retention_reminder_at),
         updated_at = @now
     WHERE tenant_id = @tenantId AND id = @id
     RETURNING *`,
  );
  const touchActive = db.prepare<Key & { now: string }>(
    'UPDATE learners SET last_active_at = @now WHERE tenant_id = @tenantId AND id = @id',
  );
  const page = preparePagedQuery<{ tenantId: string }, LearnerRow, Learner>(
    db,
    'SELECT * FROM learners WHERE tenant_id = @tenantId',
    toLearner,
  );

  // Reads then writes: IMMEDIATE so a concurrent first sight from another connection waits.
  const upsert = db.transaction((tenantId: string, input: LearnerProfileInput): LearnerRow => {
    const at = now();
    const existing = byExternalId.get({ tenantId, externalId: input.externalId });
    if (existing) {
      if (input.email === undefined && input.name === undefined) return existing;
      const row = update.get({
        tenantId,
        id: existing.id,
        now: at,
        ...patchField('email', input.email),
        ...patchField('name', input.name),
        ...patchField('locale', undefined),
        ...patchField('multiplier', undefined),
        ...privacyPatch({}),
      });
      if (!row) throw notFound('Learner');
      return row;
    }
    const row: LearnerRow = {
      id: newId('lrn'),
      tenant_id: tenantId,
      external_id: input.externalId,
      email: input.email ?? null,
      name: input.name ?? null,
      guest: toFlag(input.guest ?? false),
      locale: null,
      extended_time_multiplier: 1,
      created_at: at,
      updated_at: at,
      last_active_at: at,
      restricted_at: null,
      analytics_opt_out_at: null,
      marketing_consent_at: null,
      age_confirmed_at: input.ageConfirmedMinimum === undefined ? null : at,
      age_confirmed_minimum: input.ageConfirmedMinimum ?? null,
      profile_edited_at: null,
      retention_reminder_at: null,
    };
    translateConstraints('A learner with this external id already exists.', () => insert.run(row));
    return row;
  });

  return (tenantId) => ({
    async upsertByExternalId(input) {
      return toLearner(upsert.immediate(tenantId, input));
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toLearner(row) : null;
    },
    async getByExternalId(externalId) {
      const row = byExternalId.get({ tenantId, externalId });
      return row ? toLearner(row) : null;
    },
    async list(request) {
      return page({ tenantId }, request);
    },
    async update(id, patch) {
      const row = update.get({
        tenantId,
        id,
        now: now(),
        ...patchField('email', patch.email),
        ...patchField('name', patch.name),
        ...patchField('locale', patch.locale),
        ...patchField('multiplier', patch.extendedTimeMultiplier),
        ...privacyPatch(patch),
      });
      if (!row) throw notFound('Learner');
      return toLearner(row);
    },
    async touchActive(id) {
      if (touchActive.run({ tenantId, id, now: now() }).changes === 0) throw notFound('Learner');
    },
  });
}
