/**
 * Right of access and to data portability (privacy policy section 7): one machine-readable
 * document with everything held about the learner, and nothing about anyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectAppError, type TestApp } from '../test-support/test-app.js';
import { EXPORT_SCHEMA, EXPORT_SCHEMA_VERSION } from './export.js';
import { seedLearner, type SeededLearner } from './testing/seed-learner.js';

describe('privacy.export', () => {
  let t: TestApp;
  let ada: SeededLearner;
  let bob: SeededLearner;
  let cyd: SeededLearner;

  beforeAll(async () => {
    t = await createTestApp();
    ada = await seedLearner(t, t.a, 'ada');
    bob = await seedLearner(t, t.a, 'bob');
    cyd = await seedLearner(t, t.b, 'cyd');
    await ada.caller.privacy.setPreferences({ marketingConsent: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is one JSON document with a schema and version', async () => {
    const document = await ada.caller.privacy.export();
    expect(document.schema).toBe(EXPORT_SCHEMA);
    expect(document.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it('holds every kind of record kept about the learner', async () => {
    const document = await ada.caller.privacy.export();
    expect(document.profile).toMatchObject({ id: ada.learnerId, externalId: ada.externalId, email: ada.email, name: ada.name });
    expect(document.preferences.marketingEmails).toEqual({ consented: true, since: expect.any(String) });
    expect(document.sessions).toHaveLength(1);
    expect(document.sessions[0]).toMatchObject({ id: ada.sessionId, role: 'Analyst ada', jobDescription: 'Job description ada' });
    expect(document.sessions[0]?.questions.length).toBe(2);
    expect(document.answers).toHaveLength(1);
    expect(document.answers[0]).toMatchObject({ id: ada.answerId, text: ada.answerText, feedbackStatus: 'ready' });
    expect(document.answers[0]?.feedback).toHaveProperty('model');
    expect(document.answers[0]?.feedback).toHaveProperty('promptVersion');
    expect(document.answers[0]?.feedback?.source).toBe('offline');
    expect(document.starDrafts).toEqual([expect.objectContaining({ id: ada.draftId, situation: 'Situation ada', reflection: 'Reflection ada' })]);
    expect(document.readiness.current.score).toEqual(expect.any(Number));
    expect(document.readiness.history.length).toBeGreaterThan(0);
    expect(document.passes).toEqual([expect.objectContaining({ id: ada.passId, purchaseId: ada.purchaseId })]);
    expect(document.purchases).toEqual([expect.objectContaining({ id: ada.purchaseId, amount: 699, currency: 'gbp' })]);
    expect(document.usage).toEqual([expect.objectContaining({ counters: expect.objectContaining({ questionSets: 1, feedback: 1 }) })]);
    expect(document.emails).toEqual([expect.objectContaining({ id: ada.emailId, to: ada.email, kind: 'receipt' })]);
    expect(document.privacyActivity.map((e) => e.action)).toContain('marketing.consent');
    expect(document.service.aiScoreDisclaimer).toMatch(/no standing with any employer/);
  });

  it('holds no card data', async () => {
    const keys: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          keys.push(key);
          walk(item);
        }
      }
    };
    walk(await ada.caller.privacy.export());
    expect(keys.filter((k) => /card|cvc|cvv|pan$|last4|exp_?(month|year)|iban|sort_?code/i.test(k))).toEqual([]);
  });

  it('holds nothing of another learner or another tenant', async () => {
    const text = JSON.stringify(await ada.caller.privacy.export());
    for (const other of [bob, cyd]) {
      for (const value of [other.tag, other.learnerId, other.externalId, other.email, other.sessionId, other.answerId, other.draftId, other.purchaseId]) {
        expect(text).not.toContain(value);
      }
    }
    expect(text).not.toContain(t.b.tenant.id);
  });

  it('is recorded in the audit trail, without content', async () => {
    await ada.caller.privacy.export();
    const audit = await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId: ada.learnerId });
    const entry = audit.items.find((e) => e.action === 'export');
    expect(entry).toMatchObject({ actor: { kind: 'learner' }, learnerId: ada.learnerId, details: {} });
    expect(JSON.stringify(audit)).not.toContain('Answer ada');
  });

  it('is available to a tenant admin for a data-subject request, and recorded as theirs', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin;
    const document = await admin.learners.export({ id: ada.learnerId });
    expect(document.answers[0]?.text).toBe(ada.answerText);
    const audit = await admin.privacy.audit({ learnerId: ada.learnerId });
    expect(audit.items[0]).toMatchObject({ action: 'export', actor: { kind: 'admin', id: `key:${t.a.secretKeyId}` } });
    // Another tenant's admin cannot reach this learner.
    await expectAppError(t.caller({ apiKey: t.b.sk }).admin.learners.export({ id: ada.learnerId }), 'NOT_FOUND');
  });
});
