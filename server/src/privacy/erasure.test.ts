/**
 * Right to erasure and data retention after deletion (privacy policy sections 6 and 7): the
 * account stops working at once, its content disappears from every read, the purge leaves no
 * row of the learner in any table (and no trace in the database file) within 30 days, and the
 * purchase survives for financial records with no link back to the learner.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { appCodeOf, createTestApp, expectAppError, type TestApp } from '../test-support/test-app.js';
import { runPurge } from './purge.js';
import { everyRow } from './testing/db-rows.js';
import { seedLearner, type SeededLearner } from './testing/seed-learner.js';

const DAY = 86_400_000;

function tracesOf(learner: SeededLearner): string[] {
  return [
    learner.learnerId,
    learner.externalId,
    learner.email,
    learner.name,
    learner.answerText.slice(0, 30),
    `Situation ${learner.tag}`,
    `Analyst ${learner.tag}`,
    `Job description ${learner.tag}`,
    learner.sessionId,
    learner.answerId,
    learner.draftId,
    learner.passId,
    learner.emailId,
  ];
}

async function deleteOwnAccount(learner: SeededLearner) {
  const { confirmationToken } = await learner.caller.privacy.requestDeletion();
  return learner.caller.privacy.deleteAccount({ confirmationToken });
}

describe('erasure by the learner', () => {
  let t: TestApp;
  let ada: SeededLearner;
  let bob: SeededLearner;
  let deleted: Awaited<ReturnType<typeof deleteOwnAccount>>;

  beforeAll(async () => {
    t = await createTestApp();
    ada = await seedLearner(t, t.a, 'ada');
    bob = await seedLearner(t, t.a, 'bob');
    deleted = await deleteOwnAccount(ada);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers with when the purge completes: within 30 days', () => {
    expect(deleted.deleted).toBe(true);
    expect(Date.parse(deleted.purgeBy) - Date.parse(deleted.erasedAt)).toBeLessThanOrEqual(30 * DAY);
  });

  it('stops the account at once: its token no longer works anywhere', async () => {
    for (const call of [
      () => ada.caller.learner.me(),
      () => ada.caller.session.list({}),
      () => ada.caller.privacy.export(),
      () => ada.caller.privacy.ageStatus(),
    ]) {
      let caught: unknown = null;
      await call().catch((error: unknown) => (caught = error));
      expect(appCodeOf(caught)).toBe('UNAUTHENTICATED');
      expect(JSON.stringify((caught as { cause?: { details?: unknown } }).cause?.details)).toContain('account-deleted');
    }
  });

  it('removes its content from every read', async () => {
    const store = t.store.forTenant(t.a.tenant.id);
    expect(await store.learners.get(ada.learnerId)).toBeNull();
    expect(await store.learners.getByExternalId(ada.externalId)).toBeNull();
    expect(await store.sessions.get(ada.sessionId)).toBeNull();
    expect(await store.answers.get(ada.answerId)).toBeNull();
    expect(await store.starDrafts.get(ada.draftId)).toBeNull();
    expect(await store.passes.get(ada.passId)).toBeNull();
    expect((await store.sessions.listForLearner(ada.learnerId, { limit: 10 })).items).toEqual([]);
    expect((await store.answers.listForLearner(ada.learnerId, { limit: 10 })).items).toEqual([]);
    expect(await store.starDrafts.listForLearner(ada.learnerId)).toEqual([]);
    expect(await store.passes.listForLearner(ada.learnerId)).toEqual([]);
    expect(await store.purchases.listForLearner(ada.learnerId)).toEqual([]);

    const admin = t.caller({ apiKey: t.a.sk }).admin;
    await expectAppError(admin.learners.get({ id: ada.learnerId }), 'NOT_FOUND');
    await expectAppError(admin.learners.export({ id: ada.learnerId }), 'NOT_FOUND');
    expect((await admin.learners.list({ limit: 100 })).items.map((l) => l.id)).not.toContain(ada.learnerId);
    // The other learner keeps everything.
    expect((await bob.caller.privacy.export()).answers).toHaveLength(1);
  });

  it('drops e-mails queued to the learner', async () => {
    const emails = (await t.store.forTenant(t.a.tenant.id).outbox.list({ limit: 100 })).items;
    expect(emails.map((e) => e.id)).not.toContain(ada.emailId);
    expect(emails.map((e) => e.to)).not.toContain(ada.email);
    expect(emails.map((e) => e.id)).toContain(bob.emailId);
  });

  it('keeps the purchase with the learner link replaced by an irreversible reference', async () => {
    const purchase = await t.store.forTenant(t.a.tenant.id).purchases.get(ada.purchaseId);
    expect(purchase).toMatchObject({ id: ada.purchaseId, amount: 699, currency: 'gbp', status: 'paid', learnerId: null });
    expect(purchase?.learnerRef).toMatch(/^erased_[A-Za-z0-9_-]{24}$/);
    for (const trace of [ada.learnerId, ada.externalId, ada.email, ada.name]) expect(JSON.stringify(purchase)).not.toContain(trace);
  });

  it('records who erased the account and why, under the same reference and nothing else', async () => {
    const purchase = await t.store.forTenant(t.a.tenant.id).purchases.get(ada.purchaseId);
    const audit = await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({});
    const entry = audit.items.find((e) => e.action === 'erasure');
    expect(entry).toMatchObject({ learnerId: null, learnerRef: purchase?.learnerRef, actor: { kind: 'learner' }, details: { reason: 'learner-request' } });
    expect(JSON.stringify(audit)).not.toContain(ada.learnerId);
  });

  it('sweeps rows written after the erasure by requests that were in flight', async () => {
    const store = t.store.forTenant(t.a.tenant.id);
    const straggler = await store.usage.increment(`learner:${ada.learnerId}`, '2030-01', { feedback: 1 });
    expect(straggler.counters).toEqual({ feedback: 1 });
    const totals = await runPurge(t.store, t.now());
    expect(totals.swept).toBeGreaterThanOrEqual(1);
    expect((await store.usage.get(`learner:${ada.learnerId}`, '2030-01')).counters).toEqual({});
  });

  it('purges for good within 30 days: no row of the learner in any table, no trace in the file', async () => {
    const file = join(t.dir, 'test.sqlite');
    // Before the purge the erasure record still holds the learner id (for sweeping).
    expect(everyRow(file).some(({ row }) => row.includes(ada.learnerId))).toBe(true);

    t.advance(30 * DAY);
    const totals = await runPurge(t.store, t.now());
    expect(totals.completed).toBe(1);

    const rows = everyRow(file);
    expect(new Set(rows.map((r) => r.table)).size).toBeGreaterThan(5);
    for (const trace of tracesOf(ada)) {
      const found = rows.filter(({ row }) => row.includes(trace));
      expect(found, `"${trace}" is still stored`).toEqual([]);
    }
    // The other learner is untouched.
    expect(rows.some(({ row }) => row.includes(bob.answerText.slice(0, 30)))).toBe(true);
    // secure_delete and the WAL checkpoint leave no copy in the file's free pages or log.
    const bytes = Buffer.concat([file, `${file}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)));
    for (const trace of [ada.answerText.slice(0, 30), `Situation ${ada.tag}`, ada.email]) expect(bytes.includes(trace), trace).toBe(false);
    expect(bytes.includes(bob.answerText.slice(0, 30))).toBe(true);
    // The purchase is still there for the financial record.
    expect(rows.some(({ table, row }) => table === 'purchases' && row.includes(ada.purchaseId))).toBe(true);
  });

  it('deletes the kept purchase and the erasure audit entry once their 7 years are up', async () => {
    const store = t.store.forTenant(t.a.tenant.id);
    t.advance(6 * 365 * DAY);
    expect((await runPurge(t.store, t.now())).expired).toBe(0);
    expect(await store.purchases.get(ada.purchaseId)).not.toBeNull();
    t.advance(2 * 365 * DAY);
    expect((await runPurge(t.store, t.now())).expired).toBe(2);
    expect(await store.purchases.get(ada.purchaseId)).toBeNull();
    expect(await store.purchases.get(bob.purchaseId)).not.toBeNull();
    expect((await store.privacy.listAudit({ limit: 100 })).items.filter((e) => e.action === 'erasure')).toEqual([]);
  });
});

describe('erasure safeguards', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('deletes nothing without a valid, current confirmation for this learner', async () => {
    const eve = await seedLearner(t, t.a, 'eve');
    const fay = await seedLearner(t, t.a, 'fay');
    await expectAppError(eve.caller.privacy.deleteAccount({ confirmationToken: 'made-up' }), 'VALIDATION_FAILED');
    const forFay = await fay.caller.privacy.requestDeletion();
    await expectAppError(eve.caller.privacy.deleteAccount({ confirmationToken: forFay.confirmationToken }), 'VALIDATION_FAILED');
    const forEve = await eve.caller.privacy.requestDeletion();
    t.advance(6 * 60_000);
    await expectAppError(eve.caller.privacy.deleteAccount({ confirmationToken: forEve.confirmationToken }), 'VALIDATION_FAILED');
    expect((await eve.caller.learner.me()).learner.id).toBe(eve.learnerId);
    expect((await fay.caller.learner.me()).learner.id).toBe(fay.learnerId);
  });

  it('lets a tenant admin erase a learner, recorded as theirs with the reason', async () => {
    const gus = await seedLearner(t, t.a, 'gus');
    const admin = t.caller({ apiKey: t.a.sk }).admin;
    await expectAppError(t.caller({ apiKey: t.b.sk }).admin.learners.delete({ id: gus.learnerId }), 'NOT_FOUND');
    const result = await admin.learners.delete({ id: gus.learnerId, reason: 'under-age' });
    expect(result.deleted).toBe(true);
    await expectAppError(gus.caller.learner.me(), 'UNAUTHENTICATED');
    const entry = (await admin.privacy.audit({})).items.find((e) => e.action === 'erasure');
    expect(entry).toMatchObject({ actor: { kind: 'admin', id: `key:${t.a.secretKeyId}` }, details: { reason: 'under-age' } });
  });

  it('lets a token minted after the erasure start a new, empty account, while older tokens stay refused', async () => {
    const hal = await seedLearner(t, t.a, 'hal');
    await deleteOwnAccount(hal);
    t.advance(2_000);
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: hal.externalId });
    const fresh = t.caller({ apiKey: t.a.pk, bearer: token });
    const me = await fresh.learner.me();
    expect(me.learner.id).not.toBe(hal.learnerId);
    expect((await fresh.session.list({})).items).toEqual([]);
    expect((await fresh.privacy.export()).answers).toEqual([]);
    await expectAppError(hal.caller.learner.me(), 'UNAUTHENTICATED');
  });

  it('never lets the purge wait longer than 30 days', () => {
    expect(loadConfig({ ERASURE_PURGE_DAYS: '7' }).privacy.purgeAfterDays).toBe(7);
    expect(loadConfig({}).privacy.purgeAfterDays).toBe(30);
    expect(() => loadConfig({ ERASURE_PURGE_DAYS: '31' })).toThrow(ConfigError);
  });
});
