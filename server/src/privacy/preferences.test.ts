/**
 * Rectification, consent and objection (privacy policy sections 4 and 7), and the audit trail
 * of every privacy action: who, when, what — never content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectAppError, type AppCaller, type TestApp } from '../test-support/test-app.js';
import { AI_SCORE_DISCLAIMER } from './export.js';

describe('privacy preferences', () => {
  let t: TestApp;
  let learner: AppCaller;
  let learnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({
      externalId: 'student-7',
      name: 'Sam Original',
      email: 'sam.original@example.edu',
    });
    learner = t.caller({ apiKey: t.a.pk, bearer: token });
    learnerId = (await learner.learner.me()).learner.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the panel its state and the disclosures', async () => {
    const settings = await learner.privacy.settings();
    expect(settings).toMatchObject({
      processingRestricted: false,
      analyticsOptOut: false,
      marketingConsent: false,
      profile: { name: 'Sam Original', email: 'sam.original@example.edu', editedAt: null },
      age: { minimumAge: 16 },
      retention: { inactiveLearnerDays: 730, reminderDaysBefore: 14 },
      erasurePurgeDays: 30,
    });
    expect(settings.notices.aiScores).toBe(AI_SCORE_DISCLAIMER);
    expect(settings.notices.textOnly).toMatch(/text only/);
    expect(settings.notices.confidentialMaterial).toMatch(/confidential/);
  });

  it('records marketing consent with its time, and lets the learner withdraw it', async () => {
    const near = (iso: string | null | undefined) => Math.abs(Date.parse(iso ?? '') - t.now().getTime()) < 5_000;
    const given = await learner.privacy.setPreferences({ marketingConsent: true });
    expect(given.marketingConsent).toBe(true);
    expect(near(given.marketingConsentAt)).toBe(true);
    t.advance(60_000);
    const withdrawn = await learner.privacy.setPreferences({ marketingConsent: false });
    expect(withdrawn).toMatchObject({ marketingConsent: false, marketingConsentAt: null });
    const [withdrawal, consent] = (await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId })).items;
    expect(withdrawal).toMatchObject({ action: 'marketing.withdraw', actor: { kind: 'learner' } });
    expect(consent).toMatchObject({ action: 'marketing.consent', actor: { kind: 'learner' } });
    expect(near(withdrawal?.createdAt)).toBe(true);
    expect(Date.parse(withdrawal!.createdAt) - Date.parse(consent!.createdAt)).toBeGreaterThanOrEqual(60_000);
  });

  it('records an analytics opt-out, and a repeat changes and records nothing', async () => {
    const before = (await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId })).items.length;
    expect((await learner.privacy.setPreferences({ analyticsOptOut: true })).analyticsOptOut).toBe(true);
    await learner.privacy.setPreferences({ analyticsOptOut: true });
    const audit = (await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId })).items;
    expect(audit.length).toBe(before + 1);
    expect(audit[0]?.action).toBe('analytics.opt-out');
  });

  it('lets the learner correct their name and e-mail, and the site’s token no longer overwrites them', async () => {
    const updated = await learner.privacy.updateProfile({ name: 'Sam Corrected', email: 'sam.new@example.edu' });
    expect(updated.profile).toMatchObject({ name: 'Sam Corrected', email: 'sam.new@example.edu', editedAt: expect.any(String) });
    // The same token still carries the old name and e-mail.
    expect((await learner.learner.me()).learner).toMatchObject({ name: 'Sam Corrected', email: 'sam.new@example.edu' });
    await expectAppError(learner.privacy.updateProfile({ email: 'not an e-mail' }), 'VALIDATION_FAILED');
    const entry = (await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId })).items[0];
    expect(entry).toMatchObject({ action: 'profile.rectify', details: { fields: ['name', 'email'] } });
  });

  it('keeps the audit trail free of content, pages it, and keeps it per tenant', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin.privacy;
    const first = await admin.audit({ limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await admin.audit({ limit: 2, cursor: first.nextCursor });
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    const everything = JSON.stringify((await admin.audit({ limit: 100 })).items);
    for (const content of ['Sam Corrected', 'sam.new@example.edu', 'Sam Original', 'sam.original@example.edu']) {
      expect(everything).not.toContain(content);
    }
    expect((await t.caller({ apiKey: t.b.sk }).admin.privacy.audit({})).items).toEqual([]);
    await expectAppError(t.caller({ apiKey: t.a.pk }).admin.privacy.audit({}), 'FORBIDDEN');
  });

  it('has nothing to show a learner whose account does not exist, and creates none', async () => {
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'never-used' });
    await expectAppError(t.caller({ apiKey: t.a.pk, bearer: token }).privacy.settings(), 'NOT_FOUND');
    expect(await t.store.forTenant(t.a.tenant.id).learners.getByExternalId('never-used')).toBeNull();
  });
});
