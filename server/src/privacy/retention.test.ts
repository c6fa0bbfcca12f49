/**
 * Data retention (privacy policy section 6, "as long as your account is active"): per tenant,
 * learners inactive for `inactiveLearnerDays` are erased, after a reminder e-mail
 * `retentionReminderDays` before; using the product again keeps the account. The jobs run under
 * the lease-holding scheduler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { PURGE_JOB, RETENTION_JOB } from './jobs.js';
import { runRetention } from './retention.js';
import { seedLearner, type SeededLearner } from './testing/seed-learner.js';

const DAY = 86_400_000;

describe('retention of inactive learners', () => {
  let t: TestApp;
  let ivy: SeededLearner;
  let lee: SeededLearner;
  let joeId: string;
  let rex: SeededLearner;
  const retention = () => runRetention(t.store, t.deps.erasure, t.now());
  const outbox = () => t.store.forTenant(t.a.tenant.id).outbox.list({ limit: 100 });

  beforeAll(async () => {
    t = await createTestApp();
    const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
    const { settings } = await admin.get();
    await admin.update({ settings: { ...settings, privacy: { ...settings.privacy, inactiveLearnerDays: 60, retentionReminderDays: 14 } } });
    ivy = await seedLearner(t, t.a, 'ivy');
    lee = await seedLearner(t, t.a, 'lee');
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'joe-no-email' });
    joeId = (await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me()).learner.id;
    rex = await seedLearner(t, t.a, 'rex');
    await rex.caller.privacy.restrict();
    await seedLearner(t, t.b, 'bea'); // tenant B keeps the default of two years
  });
  afterAll(async () => {
    await t.close();
  });

  it('does nothing while learners are active', async () => {
    t.advance(40 * DAY);
    expect(await retention()).toEqual({ reminded: 0, erased: 0 });
  });

  it('sends one reminder, with the deletion date and no practice content, before erasing', async () => {
    t.advance(7 * DAY); // 47 days inactive: 13 days before the 60
    expect(await retention()).toEqual({ reminded: 2, erased: 0 });
    const reminder = (await outbox()).items.find((e) => e.kind === 'retention-reminder' && e.to === ivy.email);
    expect(reminder?.subject).toMatch(/will be deleted on/);
    expect(reminder?.text).toContain('open');
    for (const content of [ivy.answerText.slice(0, 20), `Situation ${ivy.tag}`, `Analyst ${ivy.tag}`]) expect(reminder?.text).not.toContain(content);
    // Once per stretch of inactivity.
    expect(await retention()).toEqual({ reminded: 0, erased: 0 });
    const audit = await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId: ivy.learnerId });
    expect(audit.items[0]).toMatchObject({ action: 'retention.remind', actor: { kind: 'system', id: 'retention' } });
  });

  it('keeps a learner who comes back after the reminder', async () => {
    t.advance(3 * DAY);
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: lee.externalId });
    await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
  });

  it('erases when the time is up and the notice period has passed; a learner without e-mail is erased unreminded', async () => {
    t.advance(11 * DAY); // 61 days since ivy's last use, 14 since her reminder
    expect(await retention()).toEqual({ reminded: 0, erased: 2 });
    const store = t.store.forTenant(t.a.tenant.id);
    expect(await store.learners.get(ivy.learnerId)).toBeNull();
    expect(await store.learners.get(joeId)).toBeNull();
    expect(await store.learners.get(lee.learnerId)).not.toBeNull();
    // Restriction asks for the data to be kept: neither reminded nor erased.
    expect(await store.learners.get(rex.learnerId)).toMatchObject({ retentionReminderAt: null });
    expect(await store.answers.get(lee.answerId)).not.toBeNull();
    const erasures = (await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({})).items.filter((e) => e.action === 'erasure');
    expect(erasures).toHaveLength(2);
    for (const entry of erasures) expect(entry).toMatchObject({ actor: { kind: 'system', id: 'retention' }, details: { reason: 'retention' } });
    // Tenant B's learner (two-year retention) is untouched.
    expect((await t.caller({ apiKey: t.b.sk }).admin.learners.list({ limit: 10 })).items).toHaveLength(1);
  });

  it('runs under the scheduler with the purge', async () => {
    expect(t.deps.jobs.jobs().map((j) => j.name)).toEqual(expect.arrayContaining([PURGE_JOB, RETENTION_JOB]));
    expect(await t.deps.jobs.runNow(RETENTION_JOB)).toBe(true);
    expect(await t.deps.jobs.runNow(PURGE_JOB)).toBe(true);
  });
});
