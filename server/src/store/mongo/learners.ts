import type { TenantStore } from '../store.js';
import type { Learner, LearnerPatch, LearnerProfileInput } from '../records.js';
import { newId } from '../ids.js';
import type { LearnerDoc } from './documents.js';
import { isDuplicateKey, notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { findPage } from './paging.js';
import { inTenant } from './tenant-scope.js';
import { definedOnly, iso, isoOrNull, toDate } from './transform.js';

export function toLearner(doc: LearnerDoc): Learner {
  return {
    id: doc._id,
    tenantId: doc.tenantId,
    externalId: doc.externalId,
    email: doc.email,
    name: doc.name,
    guest: doc.guest,
    locale: doc.locale,
    extendedTimeMultiplier: doc.extendedTimeMultiplier,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
    lastActiveAt: iso(doc.lastActiveAt),
    restrictedAt: isoOrNull(doc.restrictedAt),
    analyticsOptOutAt: isoOrNull(doc.analyticsOptOutAt),
    marketingConsentAt: isoOrNull(doc.marketingConsentAt),
    ageConfirmedAt: isoOrNull(doc.ageConfirmedAt),
    ageConfirmedMinimum: doc.ageConfirmedMinimum ?? null,
    profileEditedAt: isoOrNull(doc.profileEditedAt),
    retentionReminderAt: isoOrNull(doc.retentionReminderAt),
  };
}

/** A privacy time of a patch: undefined keeps the field, null clears it. */
function patchTime(value: string | null | undefined, what: string): Date | null | undefined {
  return value === undefined || value === null ? value : toDate(value, what);
}

/** The `$set` of a patch: only the keys present (absent keeps, null clears). */
function patchSet(patch: LearnerPatch): Record<string, unknown> {
  return definedOnly({
    email: patch.email,
    name: patch.name,
    locale: patch.locale,
    extendedTimeMultiplier: patch.extendedTimeMultiplier,
    restrictedAt: patchTime(patch.restrictedAt, 'restrictedAt'),
    analyticsOptOutAt: patchTime(patch.analyticsOptOutAt, 'analyticsOptOutAt'),
    marketingConsentAt: patchTime(patch.marketingConsentAt, 'marketingConsentAt'),
    ageConfirmedAt: patchTime(patch.ageConfirmedAt, 'ageConfirmedAt'),
    ageConfirmedMinimum: patch.ageConfirmedMinimum,
    profileEditedAt: patchTime(patch.profileEditedAt, 'profileEditedAt'),
    retentionReminderAt: patchTime(patch.retentionReminderAt, 'retentionReminderAt'),
  });
}

export function prepareLearners({ models: { Learner }, clock }: MongoContext): (tenantId: string) => TenantStore['learners'] {
  /**
   * One atomic upsert on the (tenantId, externalId) unique index: the first sight inserts with
   * the defaults (and, on creation only, the age the learner confirmed before the account
   * existed), later sights set only the e-mail and name given. Two first sights at once may
   * both try to insert; the loser gets a duplicate key (servers since 4.2 retry such an upsert
   * themselves) and simply runs again, now as an update.
   */
  async function upsert(tenantId: string, input: LearnerProfileInput): Promise<LearnerDoc> {
    const now = clock();
    const given = definedOnly({ email: input.email, name: input.name });
    const changes = Object.keys(given).length > 0;
    const update = {
      ...(changes ? { $set: { ...given, updatedAt: now } } : {}),
      $setOnInsert: {
        _id: newId('lrn'),
        ...(given.email === undefined ? { email: null } : {}),
        ...(given.name === undefined ? { name: null } : {}),
        guest: input.guest ?? false,
        locale: null,
        extendedTimeMultiplier: 1,
        createdAt: now,
        lastActiveAt: now,
        restrictedAt: null,
        analyticsOptOutAt: null,
        marketingConsentAt: null,
        ageConfirmedAt: input.ageConfirmedMinimum === undefined ? null : now,
        ageConfirmedMinimum: input.ageConfirmedMinimum ?? null,
        profileEditedAt: null,
        retentionReminderAt: null,
        ...(changes ? {} : { updatedAt: now }),
      },
    };
    // timestamps: false because a repeat sight without changes must not move updatedAt.
    const options = inTenant(tenantId, { upsert: true, returnDocument: 'after' as const, timestamps: false });
    for (let attempt = 1; ; attempt += 1) {
      try {
        const doc = await Learner.findOneAndUpdate({ externalId: input.externalId }, update, options).lean<LearnerDoc>();
        if (!doc) throw notFound('Learner');
        return doc;
      } catch (error) {
        if (attempt < 3 && isDuplicateKey(error, 'externalId')) continue;
        throw error;
      }
    }
  }

  return (tenantId) => ({
    upsertByExternalId: (input) =>
      translated(async () => toLearner(await upsert(tenantId, input)), 'A learner with this external id already exists.'),
    get: (id) =>
      translated(async () => {
        const doc = await Learner.findOne({ _id: id }, null, inTenant(tenantId)).lean<LearnerDoc>();
        return doc ? toLearner(doc) : null;
      }),
    getByExternalId: (externalId) =>
      translated(async () => {
        const doc = await Learner.findOne({ externalId }, null, inTenant(tenantId)).lean<LearnerDoc>();
        return doc ? toLearner(doc) : null;
      }),
    list: (page) => translated(() => findPage(Learner, tenantId, {}, page, toLearner)),
    update: (id, patch) =>
      translated(async () => {
        const doc = await Learner.findOneAndUpdate(
          { _id: id },
          { $set: patchSet(patch) },
          inTenant(tenantId, { returnDocument: 'after' as const }),
        ).lean<LearnerDoc>();
        if (!doc) throw notFound('Learner');
        return toLearner(doc);
      }),
    touchActive: (id) =>
      translated(async () => {
        // Activity is not an edit: updatedAt stays.
        const result = await Learner.updateOne(
          { _id: id },
          { $set: { lastActiveAt: clock() } },
          inTenant(tenantId, { timestamps: false }),
        );
        if (result.matchedCount === 0) throw notFound('Learner');
      }),
  });
}
