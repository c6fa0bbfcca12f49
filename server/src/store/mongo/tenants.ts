import type { Store } from '../store.js';
import type { PassProduct, SealedSecret, Tenant, TenantPrivacySettings, TenantSettings } from '../records.js';
import { newId } from '../ids.js';
import type { SealedSecretDoc, StoredSettings, TenantDoc } from './documents.js';
import { notFound, translated } from './errors.js';
import type { MongoContext } from './models.js';
import { iso } from './transform.js';

function toStoredSettings(settings: TenantSettings): StoredSettings {
  const { copy, ...branding } = settings.branding;
  return {
    ...settings,
    branding: { ...branding, copy: Object.entries(copy).map(([key, value]) => ({ key, value })) },
  };
}

/**
 * What a tenant stored before pass products or privacy settings existed reads as: the defaults
 * of that time, the very values the SQLite migrations v2 and v3 backfilled (also today's
 * defaults of billing/products.ts and privacy/settings.ts). Kept as constants, as a migration
 * would: changing a default later must not change what an old tenant already had.
 */
const LEGACY_PASS_PRODUCTS: readonly PassProduct[] = [
  { type: 'day', name: 'Day pass', durationDays: 1, amount: 299, currency: 'gbp', stripePriceId: null },
  { type: 'week', name: 'Week pass', durationDays: 7, amount: 699, currency: 'gbp', stripePriceId: null },
  { type: 'month', name: 'Month pass', durationDays: 30, amount: 1499, currency: 'gbp', stripePriceId: null },
];
const LEGACY_PRIVACY: TenantPrivacySettings = { requireAgeConfirmation: false, inactiveLearnerDays: 730, retentionReminderDays: 14 };

function fromStoredSettings(stored: StoredSettings): TenantSettings {
  const { copy, ...branding } = stored.branding;
  return {
    ...stored,
    branding: { ...branding, copy: Object.fromEntries(copy.map((entry) => [entry.key, entry.value])) },
    passProducts: stored.passProducts ?? LEGACY_PASS_PRODUCTS.map((product) => ({ ...product })),
    privacy: stored.privacy ?? { ...LEGACY_PRIVACY },
  };
}

function toSealedSecret(doc: SealedSecretDoc | null | undefined): SealedSecret | null {
  return doc ? { sealed: doc.sealed, hint: doc.hint, setAt: iso(doc.setAt) } : null;
}

function toTenant(doc: TenantDoc): Tenant {
  return {
    id: doc._id,
    name: doc.name,
    settings: fromStoredSettings(doc.settings),
    secrets: { anthropicApiKey: toSealedSecret(doc.secrets?.anthropicApiKey) },
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}

type TenantOperations = Pick<Store, 'createTenant' | 'getTenant' | 'listTenants' | 'updateTenant' | 'setTenantSecret'>;

export function prepareTenants({ models: { Tenant } }: MongoContext): TenantOperations {
  return {
    createTenant: (input) =>
      translated(async () => {
        const doc = await Tenant.create({ _id: newId('ten'), name: input.name, settings: toStoredSettings(input.settings) });
        return toTenant(doc.toObject());
      }),
    getTenant: (id) =>
      translated(async () => {
        const doc = await Tenant.findOne({ _id: id }).lean<TenantDoc>();
        return doc ? toTenant(doc) : null;
      }),
    listTenants: () =>
      translated(async () => {
        const docs = await Tenant.find({}, null, { sort: { createdAt: -1, _id: -1 } }).lean<TenantDoc[]>();
        return docs.map(toTenant);
      }),
    updateTenant: (id, patch) =>
      translated(async () => {
        const set: Record<string, unknown> = {};
        if (patch.name !== undefined) set['name'] = patch.name;
        if (patch.settings !== undefined) set['settings'] = toStoredSettings(patch.settings);
        // An empty patch still moves updatedAt (the timestamps option adds it), as in SQLite.
        const doc = await Tenant.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after' }).lean<TenantDoc>();
        if (!doc) throw notFound('Tenant');
        return toTenant(doc);
      }),
    setTenantSecret: (id, name, value) =>
      translated(async () => {
        const stored: SealedSecretDoc | null = value ? { sealed: value.sealed, hint: value.hint, setAt: new Date(value.setAt) } : null;
        const doc = await Tenant.findOneAndUpdate(
          { _id: id },
          { $set: { [`secrets.${name}`]: stored } },
          { returnDocument: 'after' },
        ).lean<TenantDoc>();
        if (!doc) throw notFound('Tenant');
        return toTenant(doc);
      }),
  };
}
