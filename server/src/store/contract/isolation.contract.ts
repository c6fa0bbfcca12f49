import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantStore } from '../store.js';
import type { Answer, ApiKey, InterviewSession, Learner, OutboxEmail, Pass, Purchase, StarDraft } from '../records.js';
import {
  createTenant,
  draftContent,
  expectAppError,
  newAnswer,
  newApiKey,
  newEmail,
  newPass,
  newPurchase,
  newSession,
  type ContractHarness,
} from './harness.js';

/** One of every tenant record, written under tenant A. */
interface TenantARecords {
  key: ApiKey;
  learner: Learner;
  session: InterviewSession;
  answer: Answer;
  draft: StarDraft;
  pass: Pass;
  purchase: Purchase;
  email: OutboxEmail;
}

/**
 * Every tenant-scoped read, update, revoke, delete and list of the port, run from tenant B
 * against records of tenant A: B sees nothing, and B's writes leave A's records as they were.
 */
export function describeTenantIsolation(h: ContractHarness): void {
  let a: TenantStore;
  let b: TenantStore;
  let recordsOfA: TenantARecords;

  beforeEach(async () => {
    a = h.store.forTenant((await createTenant(h.store, 'Tenant A')).id);
    b = h.store.forTenant((await createTenant(h.store, 'Tenant B')).id);
    const learner = await a.learners.upsertByExternalId({ externalId: 'shared-ext', email: 'a@a.edu', name: 'A' });
    const session = await a.sessions.create(newSession(learner.id));
    recordsOfA = {
      key: await a.apiKeys.create(newApiKey()),
      learner,
      session,
      answer: await a.answers.create(newAnswer(learner.id, session.id, 'q1')),
      draft: await a.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() }),
      pass: await a.passes.create(newPass(learner.id)),
      purchase: await a.purchases.create(newPurchase(learner.id, 'cs_tenant_a')),
      email: await a.outbox.enqueue(newEmail('dedupe-shared', learner.id)),
    };
    await a.usage.increment('tenant', '2030-01', { feedback: 3 });
    h.clock.advance(1000);
  });

  describe('apiKeys', () => {
    it("B cannot get or list A's key", async () => {
      expect(await b.apiKeys.get(recordsOfA.key.id)).toBeNull();
      expect(await b.apiKeys.list()).toEqual([]);
    });

    it("B cannot revoke or touch A's key, and A's key is unchanged", async () => {
      await expectAppError(b.apiKeys.revoke(recordsOfA.key.id), 'NOT_FOUND');
      await expectAppError(b.apiKeys.touch(recordsOfA.key.id), 'NOT_FOUND');
      expect(await a.apiKeys.get(recordsOfA.key.id)).toEqual(recordsOfA.key);
    });
  });

  describe('learners', () => {
    it("B cannot get, find by external id or list A's learner", async () => {
      expect(await b.learners.get(recordsOfA.learner.id)).toBeNull();
      expect(await b.learners.getByExternalId('shared-ext')).toBeNull();
      expect(await b.learners.list({ limit: 100 })).toEqual({ items: [], nextCursor: null });
    });

    it("B cannot update or touch A's learner, and A's learner is unchanged", async () => {
      await expectAppError(b.learners.update(recordsOfA.learner.id, { email: 'b@b.edu' }), 'NOT_FOUND');
      await expectAppError(b.learners.touchActive(recordsOfA.learner.id), 'NOT_FOUND');
      expect(await a.learners.get(recordsOfA.learner.id)).toEqual(recordsOfA.learner);
    });

    it("the same external id in B is a different learner and leaves A's untouched", async () => {
      const inB = await b.learners.upsertByExternalId({ externalId: 'shared-ext', email: 'b@b.edu' });
      expect(inB.id).not.toBe(recordsOfA.learner.id);
      expect(inB.tenantId).toBe(b.tenantId);
      expect(await a.learners.getByExternalId('shared-ext')).toEqual(recordsOfA.learner);
    });
  });

  describe('sessions', () => {
    it("B cannot get or list A's session", async () => {
      expect(await b.sessions.get(recordsOfA.session.id)).toBeNull();
      expect(await b.sessions.listForLearner(recordsOfA.learner.id, { limit: 100 })).toEqual({ items: [], nextCursor: null });
    });

    it("B cannot complete A's session, and it stays active", async () => {
      await expectAppError(b.sessions.complete(recordsOfA.session.id, null), 'NOT_FOUND');
      expect(await a.sessions.get(recordsOfA.session.id)).toEqual(recordsOfA.session);
    });
  });

  describe('answers', () => {
    it("B cannot get or list A's answer by session, question or learner", async () => {
      const { answer, session, learner } = recordsOfA;
      expect(await b.answers.get(answer.id)).toBeNull();
      expect(await b.answers.listForSession(session.id)).toEqual([]);
      expect(await b.answers.listForSessions([session.id])).toEqual([]);
      expect(await b.answers.listForQuestion(session.id, 'q1')).toEqual([]);
      expect(await b.answers.listForLearner(learner.id, { limit: 100 })).toEqual({ items: [], nextCursor: null });
    });

    it("B cannot set feedback on A's answer, and it stays pending", async () => {
      await expectAppError(b.answers.setFeedback(recordsOfA.answer.id, 'failed', null), 'NOT_FOUND');
      expect(await a.answers.get(recordsOfA.answer.id)).toEqual(recordsOfA.answer);
    });

    it("answers written in B do not move A's attempt numbering", async () => {
      const { session, learner } = recordsOfA;
      expect((await b.answers.create(newAnswer(learner.id, session.id, 'q1'))).attempt).toBe(1);
      expect((await a.answers.create(newAnswer(learner.id, session.id, 'q1'))).attempt).toBe(2);
      expect(await a.answers.listForQuestion(session.id, 'q1')).toHaveLength(2);
    });
  });

  describe('starDrafts', () => {
    it("B cannot get or list A's draft", async () => {
      expect(await b.starDrafts.get(recordsOfA.draft.id)).toBeNull();
      expect(await b.starDrafts.listForLearner(recordsOfA.learner.id)).toEqual([]);
    });

    it("B cannot save over or delete A's draft, and it is unchanged", async () => {
      const { draft, learner } = recordsOfA;
      await expectAppError(
        b.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: 1, content: draftContent('B') }),
        'NOT_FOUND',
      );
      expect(await b.starDrafts.delete(draft.id)).toBe(false);
      expect(await a.starDrafts.get(draft.id)).toEqual(draft);
    });
  });

  describe('passes', () => {
    it("B cannot get or list A's pass", async () => {
      expect(await b.passes.get(recordsOfA.pass.id)).toBeNull();
      expect(await b.passes.listForLearner(recordsOfA.learner.id)).toEqual([]);
    });

    it("B cannot revoke A's pass, and it stays valid", async () => {
      await expectAppError(b.passes.revoke(recordsOfA.pass.id), 'NOT_FOUND');
      expect(await a.passes.get(recordsOfA.pass.id)).toEqual(recordsOfA.pass);
    });
  });

  describe('purchases', () => {
    it("B cannot get, find by checkout session or list A's purchase", async () => {
      expect(await b.purchases.get(recordsOfA.purchase.id)).toBeNull();
      expect(await b.purchases.getByCheckoutSession('cs_tenant_a')).toBeNull();
      expect(await b.purchases.listForLearner(recordsOfA.learner.id)).toEqual([]);
    });

    it("B cannot change the status of A's purchase", async () => {
      await expectAppError(b.purchases.setStatus(recordsOfA.purchase.id, 'refunded'), 'NOT_FOUND');
      expect(await a.purchases.get(recordsOfA.purchase.id)).toEqual(recordsOfA.purchase);
    });
  });

  describe('outbox', () => {
    it("B does not list A's e-mails", async () => {
      expect(await b.outbox.list({ limit: 100 })).toEqual({ items: [], nextCursor: null });
    });

    it("the same dedupe key in B queues B's own e-mail and leaves A's alone", async () => {
      const inB = await b.outbox.enqueue(newEmail('dedupe-shared'));
      expect(inB.id).not.toBe(recordsOfA.email.id);
      expect(inB.tenantId).toBe(b.tenantId);
      expect((await a.outbox.list({ limit: 100 })).items).toEqual([recordsOfA.email]);
    });
  });

  describe('usage', () => {
    it("B does not see A's counters, and B's increments do not change them", async () => {
      expect((await b.usage.get('tenant', '2030-01')).counters).toEqual({});
      expect((await b.usage.increment('tenant', '2030-01', { feedback: 10 })).counters).toEqual({ feedback: 10 });
      expect((await a.usage.get('tenant', '2030-01')).counters).toEqual({ feedback: 3 });
    });
  });
}
