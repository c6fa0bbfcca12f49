/**
 * `TenantStore.privacy` and the learner's privacy fields: erasure, the purge that completes it,
 * inactive learners for retention, the learner's e-mails, and the audit trail.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErasureInput, Learner } from '../records.js';
import type { TenantStore } from '../store.js';
import {
  collectPages,
  createLearner,
  createTenant,
  draftContent,
  expectAppError,
  newAnswer,
  newEmail,
  newPass,
  newPurchase,
  newSession,
  type ContractHarness,
} from './harness.js';

const DAY = 86_400_000;

function erasureInput(h: ContractHarness, overrides: Partial<ErasureInput> = {}): ErasureInput {
  const at = h.clock.now().getTime();
  return {
    subjectHash: 'subject-hash-1',
    reference: 'erased_ref_1',
    purgeDueAt: new Date(at + 30 * DAY).toISOString(),
    forgetAt: new Date(at + 31 * DAY).toISOString(),
    audit: { actor: { kind: 'learner' }, details: { reason: 'learner-request' } },
    ...overrides,
  };
}

/** Everything a learner can own, so erasure has something to remove. */
async function fill(tenant: TenantStore, learner: Learner) {
  const session = await tenant.sessions.create(newSession(learner.id));
  const answer = await tenant.answers.create(newAnswer(learner.id, session.id));
  const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
  const pass = await tenant.passes.create(newPass(learner.id));
  const purchase = await tenant.purchases.create(newPurchase(learner.id));
  await tenant.usage.increment(`learner:${learner.id}`, '2030-01', { feedback: 2 });
  const queued = await tenant.outbox.enqueue(newEmail(undefined, learner.id));
  // Queued without the learner id but to their address: still theirs.
  const byAddress = await tenant.outbox.enqueue({ ...newEmail(), to: (learner.email ?? '').toUpperCase() });
  const audit = await tenant.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });
  return { session, answer, draft, pass, purchase, queued, byAddress, audit };
}

export function describePrivacy(h: ContractHarness): void {
  let tenant: TenantStore;
  let learner: Learner;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
    learner = await createLearner(tenant);
  });

  describe('learner privacy fields', () => {
    it('a new learner has no privacy choices recorded', () => {
      expect(learner).toMatchObject({
        restrictedAt: null,
        analyticsOptOutAt: null,
        marketingConsentAt: null,
        ageConfirmedAt: null,
        ageConfirmedMinimum: null,
        profileEditedAt: null,
        retentionReminderAt: null,
      });
    });

    it('update sets and clears each privacy field', async () => {
      const at = h.clock.iso();
      const set = await tenant.learners.update(learner.id, {
        restrictedAt: at,
        analyticsOptOutAt: at,
        marketingConsentAt: at,
        ageConfirmedAt: at,
        ageConfirmedMinimum: 16,
        profileEditedAt: at,
        retentionReminderAt: at,
      });
      expect(set).toMatchObject({ restrictedAt: at, analyticsOptOutAt: at, marketingConsentAt: at, ageConfirmedMinimum: 16, retentionReminderAt: at });
      expect(await tenant.learners.get(learner.id)).toEqual(set);
      const cleared = await tenant.learners.update(learner.id, { restrictedAt: null, marketingConsentAt: null });
      expect(cleared).toMatchObject({ restrictedAt: null, marketingConsentAt: null, analyticsOptOutAt: at, ageConfirmedMinimum: 16 });
    });

    it('upsertByExternalId records the age a new learner confirmed, at the clock time', async () => {
      const created = await tenant.learners.upsertByExternalId({ externalId: 'confirmed', ageConfirmedMinimum: 18 });
      expect(created).toMatchObject({ ageConfirmedAt: h.clock.iso(), ageConfirmedMinimum: 18 });
    });
  });

  describe('erase', () => {
    it('deletes the learner and every record of theirs, and records the erasure', async () => {
      const owned = await fill(tenant, learner);
      const result = await tenant.privacy.erase(learner.id, erasureInput(h));
      expect(result.erasure).toEqual({
        id: expect.any(String),
        tenantId: tenant.tenantId,
        learnerId: learner.id,
        subjectHash: 'subject-hash-1',
        erasedAt: h.clock.iso(),
        purgeDueAt: erasureInput(h).purgeDueAt,
        forgetAt: erasureInput(h).forgetAt,
        purgedAt: null,
      });

      expect(await tenant.learners.get(learner.id)).toBeNull();
      expect(await tenant.learners.getByExternalId(learner.externalId)).toBeNull();
      expect(await tenant.sessions.get(owned.session.id)).toBeNull();
      expect(await tenant.answers.get(owned.answer.id)).toBeNull();
      expect(await tenant.starDrafts.get(owned.draft.id)).toBeNull();
      expect(await tenant.passes.get(owned.pass.id)).toBeNull();
      expect((await tenant.sessions.listForLearner(learner.id, { limit: 10 })).items).toEqual([]);
      expect((await tenant.answers.listForLearner(learner.id, { limit: 10 })).items).toEqual([]);
      expect(await tenant.starDrafts.listForLearner(learner.id)).toEqual([]);
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([]);
      expect((await tenant.usage.get(`learner:${learner.id}`, '2030-01')).counters).toEqual({});
      expect(await tenant.privacy.listEmailsForLearner(learner.id)).toEqual([]);
      const emails = (await tenant.outbox.list({ limit: 100 })).items.map((e) => e.id);
      expect(emails).not.toContain(owned.queued.id);
      expect(emails).not.toContain(owned.byAddress.id);
    });

    it('keeps purchases with the learner id replaced by the reference', async () => {
      const { purchase } = await fill(tenant, learner);
      await tenant.privacy.erase(learner.id, erasureInput(h));
      expect(await tenant.purchases.get(purchase.id)).toMatchObject({
        id: purchase.id,
        learnerId: null,
        learnerRef: 'erased_ref_1',
        amount: purchase.amount,
        status: purchase.status,
      });
      expect(await tenant.purchases.listForLearner(learner.id)).toEqual([]);
    });

    it("re-keys the learner's audit entries to the reference and adds the erasure entry", async () => {
      const { audit } = await fill(tenant, learner);
      await tenant.privacy.erase(learner.id, erasureInput(h, { audit: { actor: { kind: 'admin', id: 'key:k1' }, details: { reason: 'admin-request' } } }));
      const entries = (await tenant.privacy.listAudit({ limit: 10 })).items;
      expect(entries).toHaveLength(2);
      for (const entry of entries) expect(entry).toMatchObject({ learnerId: null, learnerRef: 'erased_ref_1' });
      expect(entries.map((e) => e.action).sort()).toEqual(['erasure', 'export']);
      expect(entries.find((e) => e.action === 'erasure')).toMatchObject({
        actor: { kind: 'admin', id: 'key:k1' },
        details: { reason: 'admin-request' },
        createdAt: h.clock.iso(),
      });
      expect(entries.find((e) => e.id === audit.id)).toBeDefined();
      expect((await tenant.privacy.listAudit({ limit: 10, learnerId: learner.id })).items).toEqual([]);
    });

    it("leaves other learners' records alone", async () => {
      const other = await createLearner(tenant);
      const theirs = await fill(tenant, other);
      await fill(tenant, learner);
      await tenant.privacy.erase(learner.id, erasureInput(h));
      expect(await tenant.learners.get(other.id)).toEqual(other);
      expect(await tenant.sessions.get(theirs.session.id)).toEqual(theirs.session);
      expect(await tenant.answers.get(theirs.answer.id)).toEqual(theirs.answer);
      expect(await tenant.starDrafts.get(theirs.draft.id)).toEqual(theirs.draft);
      expect(await tenant.passes.get(theirs.pass.id)).toEqual(theirs.pass);
      expect(await tenant.purchases.get(theirs.purchase.id)).toEqual(theirs.purchase);
      expect((await tenant.usage.get(`learner:${other.id}`, '2030-01')).counters).toEqual({ feedback: 2 });
      expect(await tenant.privacy.listEmailsForLearner(other.id)).toEqual([theirs.queued]);
      expect((await tenant.privacy.listAudit({ limit: 10, learnerId: other.id })).items).toEqual([theirs.audit]);
    });

    it('of an unknown learner is NOT_FOUND and changes nothing', async () => {
      await expectAppError(tenant.privacy.erase('lrn_missing', erasureInput(h)), 'NOT_FOUND');
      expect(await tenant.privacy.findErasure('subject-hash-1')).toBeNull();
      expect((await tenant.privacy.listAudit({ limit: 10 })).items).toEqual([]);
    });

    it('cannot reach a learner of another tenant', async () => {
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const outsider = await createLearner(other);
      await expectAppError(tenant.privacy.erase(outsider.id, erasureInput(h)), 'NOT_FOUND');
      expect(await other.learners.get(outsider.id)).toEqual(outsider);
    });

    it('findErasure finds the latest erasure of a subject, in this tenant only', async () => {
      await tenant.privacy.erase(learner.id, erasureInput(h));
      h.clock.advance(1000);
      const again = await createLearner(tenant, learner.externalId);
      const second = await tenant.privacy.erase(again.id, erasureInput(h));
      expect(await tenant.privacy.findErasure('subject-hash-1')).toEqual(second.erasure);
      expect(await tenant.privacy.findErasure('unknown')).toBeNull();
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      expect(await other.privacy.findErasure('subject-hash-1')).toBeNull();
    });
  });

  describe('purge', () => {
    it('sweeps rows written for the learner after the erasure', async () => {
      await tenant.privacy.erase(learner.id, erasureInput(h));
      // A request that was in flight when the erasure happened:
      const session = await tenant.sessions.create(newSession(learner.id));
      await tenant.answers.create(newAnswer(learner.id, session.id));
      const purchase = await tenant.purchases.create(newPurchase(learner.id));
      await tenant.usage.increment(`learner:${learner.id}`, '2030-01', { feedback: 1 });
      await tenant.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });

      const report = await tenant.privacy.purge(h.clock.iso());
      expect(report).toEqual({ swept: 5, completed: [], forgotten: 0 });
      expect(await tenant.sessions.get(session.id)).toBeNull();
      expect((await tenant.answers.listForLearner(learner.id, { limit: 10 })).items).toEqual([]);
      expect(await tenant.purchases.get(purchase.id)).toMatchObject({ learnerId: null, learnerRef: expect.any(String) });
      expect((await tenant.purchases.get(purchase.id))?.learnerRef).not.toBe('erased_ref_1');
      expect((await tenant.usage.get(`learner:${learner.id}`, '2030-01')).counters).toEqual({});
      expect((await tenant.privacy.listAudit({ limit: 10, learnerId: learner.id })).items).toEqual([]);
    });

    it('completes an erasure when it is due, dropping the learner id, and forgets it after forgetAt', async () => {
      await tenant.privacy.erase(learner.id, erasureInput(h));
      const dueAt = Date.parse(erasureInput(h).purgeDueAt);
      expect(await tenant.privacy.purge(new Date(dueAt - 1).toISOString())).toEqual({ swept: 0, completed: [], forgotten: 0 });
      expect((await tenant.privacy.findErasure('subject-hash-1'))?.learnerId).toBe(learner.id);

      const at = new Date(dueAt).toISOString();
      expect(await tenant.privacy.purge(at)).toEqual({ swept: 0, completed: [learner.id], forgotten: 0 });
      expect(await tenant.privacy.findErasure('subject-hash-1')).toMatchObject({ learnerId: null, purgedAt: at });
      // Completed erasures are not completed again.
      expect(await tenant.privacy.purge(at)).toEqual({ swept: 0, completed: [], forgotten: 0 });

      const forgetAt = new Date(dueAt + DAY).toISOString();
      expect(await tenant.privacy.purge(forgetAt)).toEqual({ swept: 0, completed: [], forgotten: 1 });
      expect(await tenant.privacy.findErasure('subject-hash-1')).toBeNull();
    });

    it("touches only this tenant's erasures", async () => {
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const outsider = await createLearner(other);
      await other.privacy.erase(outsider.id, erasureInput(h, { purgeDueAt: h.clock.iso(), forgetAt: h.clock.iso() }));
      expect(await tenant.privacy.purge(h.clock.iso())).toEqual({ swept: 0, completed: [], forgotten: 0 });
      expect(await other.privacy.purge(h.clock.iso())).toEqual({ swept: 0, completed: [outsider.id], forgotten: 1 });
    });
  });

  describe('expireSeveredRecords', () => {
    it('deletes purchases and audit entries with no learner created before the cutoff, and nothing else', async () => {
      const kept = await tenant.purchases.create(newPurchase(learner.id));
      const orphan = await tenant.purchases.create(newPurchase(null));
      const oldEntry = await tenant.privacy.recordAudit({ learnerId: null, action: 'erasure', actor: { kind: 'learner' }, details: {} });
      const liveEntry = await tenant.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      const theirs = await other.purchases.create(newPurchase(null));
      h.clock.advance(1000);
      const recent = await tenant.purchases.create(newPurchase(null));

      expect(await tenant.privacy.expireSeveredRecords(new Date(h.clock.now().getTime() - 500).toISOString())).toBe(2);
      expect(await tenant.purchases.get(orphan.id)).toBeNull();
      expect(await tenant.purchases.get(kept.id)).toEqual(kept);
      expect(await tenant.purchases.get(recent.id)).toEqual(recent);
      expect(await other.purchases.get(theirs.id)).toEqual(theirs);
      expect((await tenant.privacy.listAudit({ limit: 10 })).items).toEqual([liveEntry]);
      expect(oldEntry.learnerId).toBeNull();
    });
  });

  describe('listInactiveLearners', () => {
    it('returns learners last active before the cutoff, least recently active first, up to the limit', async () => {
      const a = await createLearner(tenant);
      h.clock.advance(DAY);
      const b = await createLearner(tenant);
      h.clock.advance(DAY);
      await tenant.learners.touchActive(learner.id);
      const cutoff = h.clock.iso();
      h.clock.advance(DAY);
      await createLearner(tenant);
      const inactive = await tenant.privacy.listInactiveLearners(cutoff, 10);
      expect(inactive.map((l) => l.id)).toEqual([a.id, b.id]);
      expect(await tenant.privacy.listInactiveLearners(cutoff, 1)).toEqual([a]);
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      expect(await other.privacy.listInactiveLearners(h.clock.iso(), 10)).toEqual([]);
    });
  });

  describe('listEmailsForLearner', () => {
    it('returns only that learner e-mails, newest first', async () => {
      const other = await createLearner(tenant);
      const first = await tenant.outbox.enqueue(newEmail(undefined, learner.id));
      await tenant.outbox.enqueue(newEmail(undefined, other.id));
      h.clock.advance(1000);
      const second = await tenant.outbox.enqueue(newEmail(undefined, learner.id));
      expect(await tenant.privacy.listEmailsForLearner(learner.id)).toEqual([second, first]);
    });
  });

  describe('audit trail', () => {
    it('records who, when and what, and lists newest first, optionally for one learner', async () => {
      const entry = await tenant.privacy.recordAudit({
        learnerId: learner.id,
        action: 'profile.rectify',
        actor: { kind: 'learner' },
        details: { fields: ['name', 'email'] },
      });
      expect(entry).toEqual({
        id: expect.stringMatching(/^aud_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        learnerId: learner.id,
        learnerRef: null,
        action: 'profile.rectify',
        actor: { kind: 'learner' },
        details: { fields: ['name', 'email'] },
        createdAt: h.clock.iso(),
      });
      h.clock.advance(1000);
      const other = await createLearner(tenant);
      const second = await tenant.privacy.recordAudit({ learnerId: other.id, action: 'restriction.on', actor: { kind: 'system', id: 'retention' }, details: {} });
      expect((await tenant.privacy.listAudit({ limit: 10 })).items).toEqual([second, entry]);
      expect((await tenant.privacy.listAudit({ limit: 10, learnerId: learner.id })).items).toEqual([entry]);
    });

    it('pages with an opaque cursor and stays within the tenant', async () => {
      for (let i = 0; i < 5; i++) {
        await tenant.privacy.recordAudit({ learnerId: learner.id, action: 'export', actor: { kind: 'learner' }, details: {} });
        h.clock.advance(10);
      }
      const { items, pages } = await collectPages((page) => tenant.privacy.listAudit(page), 2);
      expect(items).toHaveLength(5);
      expect(pages).toBe(3);
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      expect((await other.privacy.listAudit({ limit: 10 })).items).toEqual([]);
    });
  });
}
