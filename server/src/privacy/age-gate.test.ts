/**
 * Children (privacy policy section 11) and the age confirmation of issue 7: a learner confirms
 * the tenant's minimum age (16 by default, never below 13) on first use; below it no account is
 * created and nothing at all is stored.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectAppError, ORIGIN_A, type TestApp } from '../test-support/test-app.js';
import { provisionTenant } from '../tenancy/provision.js';
import { everyRow } from './testing/db-rows.js';

const ORIGIN_C = 'https://careers.gamma.example';

const snapshot = (t: TestApp) => everyRow(join(t.dir, 'test.sqlite')).map(({ table, row }) => `${table} ${row}`);

async function mint(t: TestApp, externalId: string) {
  const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId, email: `${externalId}@example.edu`, name: 'Young Person' });
  return t.caller({ apiKey: t.a.pk, bearer: token, origin: ORIGIN_A });
}

async function setPrivacy(t: TestApp, patch: { requireAgeConfirmation?: boolean; minimumAge?: number }) {
  const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
  const { settings } = await admin.get();
  await admin.update({
    settings: {
      ...settings,
      minimumAge: patch.minimumAge ?? settings.minimumAge,
      privacy: { ...settings.privacy, requireAgeConfirmation: patch.requireAgeConfirmation ?? settings.privacy.requireAgeConfirmation },
    },
  });
}

describe('age confirmation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the widget the minimum age before anything is stored', async () => {
    const learner = await mint(t, 'newcomer');
    expect(await learner.privacy.ageStatus()).toEqual({ minimumAge: 16, accountExists: false, confirmed: false, enforced: false });
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('newcomer')).toBeNull();
  });

  it('stores nothing at all when the learner is under the minimum age', async () => {
    const learner = await mint(t, 'under-age');
    await learner.privacy.ageStatus(); // the key's first use is recorded before the snapshot
    const before = snapshot(t);
    expect(await learner.privacy.confirmAge({ minimumAge: 16, confirmed: false })).toEqual({ allowed: false, minimumAge: 16 });
    expect(snapshot(t)).toEqual(before);
    expect(snapshot(t).some((row) => row.includes('under-age'))).toBe(false);
  });

  it('creates the account, with the confirmation and its time, when the learner confirms', async () => {
    const learner = await mint(t, 'old-enough');
    const result = await learner.privacy.confirmAge({ minimumAge: 16, confirmed: true });
    expect(result).toMatchObject({ allowed: true, minimumAge: 16, learner: { externalId: 'old-enough' } });
    const stored = await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('old-enough');
    expect(stored).toMatchObject({ ageConfirmedAt: expect.any(String), ageConfirmedMinimum: 16 });
    expect(await learner.privacy.ageStatus()).toMatchObject({ accountExists: true, confirmed: true });
    const audit = await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId: stored!.id });
    expect(audit.items[0]).toMatchObject({ action: 'age.confirm', details: { minimumAge: 16 } });
  });

  it('erases an account that existed already when its learner says they are under age', async () => {
    const learner = await mint(t, 'existing-young');
    const { learner: profile } = await learner.learner.me();
    expect((await learner.privacy.confirmAge({ minimumAge: 16, confirmed: false })).allowed).toBe(false);
    expect(await t.store.forTenant(t.a.tenant.id).learners.get(profile.id)).toBeNull();
    await expectAppError(learner.learner.me(), 'UNAUTHENTICATED');
  });

  it('never accepts a minimum below 13, nor an answer to a lower minimum than the tenant’s', async () => {
    const learner = await mint(t, 'asked-wrong');
    await expectAppError(learner.privacy.confirmAge({ minimumAge: 12, confirmed: true }), 'VALIDATION_FAILED');
    await expectAppError(learner.privacy.confirmAge({ minimumAge: 15, confirmed: true }), 'CONFLICT');
    await expectAppError(setPrivacy(t, { minimumAge: 12 }), 'VALIDATION_FAILED');
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('asked-wrong')).toBeNull();
  });
});

describe('age gate enforced by the tenant (privacy.requireAgeConfirmation)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is on for a new tenant: a 16+ confirmation on first use', async () => {
    // The test app's own tenants turn it off; a tenant provisioned as the CLI does has it on.
    const { tenant, publishableKey } = await provisionTenant(t.store, { name: 'Gamma College', allowedOrigins: [ORIGIN_C], settings: { guestAccess: true } });
    expect(tenant.settings.privacy).toMatchObject({ requireAgeConfirmation: true });
    expect(tenant.settings.minimumAge).toBe(16);
    const guest = await t.caller({ apiKey: publishableKey.key, origin: ORIGIN_C }).learner.startGuest();
    expect(guest.learner).toBeNull();
    const caller = t.caller({ apiKey: publishableKey.key, origin: ORIGIN_C, bearer: guest.token });
    expect(await caller.privacy.ageStatus()).toEqual({ minimumAge: 16, accountExists: false, confirmed: false, enforced: true });
    await expectAppError(caller.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
  });

  it('serves no learner call and creates no account before the confirmation', async () => {
    const existing = await mint(t, 'before-the-gate');
    await existing.learner.me();
    await setPrivacy(t, { requireAgeConfirmation: true });

    const learner = await mint(t, 'gated');
    await learner.privacy.ageStatus();
    const before = snapshot(t);
    await expectAppError(learner.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
    await expectAppError(
      learner.session.create({ role: 'Analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' }),
      'AGE_CONFIRMATION_REQUIRED',
    );
    expect(await learner.privacy.confirmAge({ minimumAge: 16, confirmed: false })).toMatchObject({ allowed: false });
    await expectAppError(learner.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
    expect(snapshot(t)).toEqual(before);

    expect((await learner.privacy.confirmAge({ minimumAge: 16, confirmed: true })).allowed).toBe(true);
    expect((await learner.learner.me()).learner.externalId).toBe('gated');

    // A learner from before the gate is asked too, but can still see and take their data.
    await expectAppError(existing.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
    expect((await existing.privacy.export()).profile.externalId).toBe('before-the-gate');
  });

  it('starts a guest without storing anything until the guest confirms', async () => {
    const anonymous = t.caller({ apiKey: t.a.pk, origin: ORIGIN_A });
    const before = snapshot(t);
    const guest = await anonymous.learner.startGuest();
    expect(guest.learner).toBeNull();
    expect(snapshot(t)).toEqual(before);
    const caller = t.caller({ apiKey: t.a.pk, origin: ORIGIN_A, bearer: guest.token });
    await expectAppError(caller.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
    await caller.privacy.confirmAge({ minimumAge: 16, confirmed: true });
    expect((await caller.learner.me()).learner.guest).toBe(true);
  });

  it('asks again when the tenant raises its minimum age', async () => {
    const learner = await mint(t, 'raised');
    await learner.privacy.confirmAge({ minimumAge: 16, confirmed: true });
    await setPrivacy(t, { minimumAge: 18 });
    try {
      await expectAppError(learner.learner.me(), 'AGE_CONFIRMATION_REQUIRED');
      await learner.privacy.confirmAge({ minimumAge: 18, confirmed: true });
      expect((await learner.learner.me()).learner.externalId).toBe('raised');
    } finally {
      await setPrivacy(t, { minimumAge: 16 });
    }
  });
});
