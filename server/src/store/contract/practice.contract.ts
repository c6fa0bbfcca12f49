import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_SESSIONS_PER_READ, type TenantStore } from '../store.js';
import type { Feedback, Learner } from '../records.js';
import {
  createLearner,
  createTenant,
  draftContent,
  expectAppError,
  newAnswer,
  newSession,
  type ContractHarness,
} from './harness.js';

const feedback: Feedback = {
  overallScore: 3.5,
  criteria: [{ criterion: 'structure', score: 4, reason: 'Clear STAR.', evidence: ['In my placement'] }],
  strengths: ['Specific'],
  improvements: ['Quantify the result'],
  outline: ['Situation', 'Task'],
  source: 'offline',
  model: null,
  promptVersion: 'v1',
  notice: null,
};

export function describePractice(h: ContractHarness): void {
  let tenant: TenantStore;
  let learner: Learner;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
    learner = await createLearner(tenant);
  });

  describe('sessions', () => {
    it('creates an active session with a ses_ id, its questions and no summary', async () => {
      const input = newSession(learner.id);
      const session = await tenant.sessions.create(input);
      expect(session).toEqual({
        ...input,
        id: expect.stringMatching(/^ses_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        status: 'active',
        summary: null,
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
        completedAt: null,
      });
      expect(await tenant.sessions.get(session.id)).toEqual(session);
    });

    it('keeps nulls and a practice session without a time limit', async () => {
      const input = newSession(learner.id, { mode: 'practice', questionTimeLimitSec: null, company: null });
      const session = await tenant.sessions.create(input);
      expect(await tenant.sessions.get(session.id)).toMatchObject({
        mode: 'practice',
        questionTimeLimitSec: null,
        company: null,
        jobDescription: null,
      });
    });

    it('get of an unknown id is null', async () => {
      expect(await tenant.sessions.get('ses_missing')).toBeNull();
    });

    it('complete marks the session completed with its summary and time', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      h.clock.advance(600_000);
      const summary = { overallScore: 3.2, summary: 'Solid.', answeredCount: 2, lateCount: 1 };
      const completed = await tenant.sessions.complete(session.id, summary);
      expect(completed).toEqual({
        ...session,
        status: 'completed',
        summary,
        completedAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(await tenant.sessions.get(session.id)).toEqual(completed);
    });

    it('complete accepts a null summary (practice mode)', async () => {
      const session = await tenant.sessions.create(newSession(learner.id, { mode: 'practice' }));
      expect(await tenant.sessions.complete(session.id, null)).toMatchObject({ status: 'completed', summary: null });
    });

    it('completing a completed session is a CONFLICT and keeps the first completion', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const first = await tenant.sessions.complete(session.id, null);
      h.clock.advance(1000);
      const summary = { overallScore: 1, summary: 'x', answeredCount: 0, lateCount: 0 };
      await expectAppError(tenant.sessions.complete(session.id, summary), 'CONFLICT');
      expect(await tenant.sessions.get(session.id)).toEqual(first);
    });

    it('complete of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.sessions.complete('ses_missing', null), 'NOT_FOUND');
    });

    it('listForLearner returns only that learner sessions, newest first', async () => {
      const other = await createLearner(tenant);
      const first = await tenant.sessions.create(newSession(learner.id));
      h.clock.advance(1000);
      await tenant.sessions.create(newSession(other.id));
      h.clock.advance(1000);
      const third = await tenant.sessions.create(newSession(learner.id));
      expect(await tenant.sessions.listForLearner(learner.id, { limit: 10 })).toEqual({
        items: [third, first],
        nextCursor: null,
      });
    });
  });

  describe('answers', () => {
    it('creates attempt 1 with an ans_ id and pending feedback', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const input = newAnswer(learner.id, session.id, 'q1');
      const answer = await tenant.answers.create({ ...input, late: true });
      expect(answer).toEqual({
        ...input,
        late: true,
        id: expect.stringMatching(/^ans_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        attempt: 1,
        feedbackStatus: 'pending',
        feedback: null,
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(await tenant.answers.get(answer.id)).toEqual(answer);
    });

    it('numbers attempts per question and per session, starting at 1', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const other = await tenant.sessions.create(newSession(learner.id));
      const attempts = [];
      for (const [sessionId, questionId] of [
        [session.id, 'q1'],
        [session.id, 'q1'],
        [session.id, 'q2'],
        [session.id, 'q1'],
        [other.id, 'q1'],
      ] as const) {
        attempts.push((await tenant.answers.create(newAnswer(learner.id, sessionId, questionId))).attempt);
      }
      expect(attempts).toEqual([1, 2, 1, 3, 1]);
    });

    it('get of an unknown id is null', async () => {
      expect(await tenant.answers.get('ans_missing')).toBeNull();
    });

    it('listForSession returns every answer of the session only, newest first', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const other = await tenant.sessions.create(newSession(learner.id));
      const a = await tenant.answers.create(newAnswer(learner.id, session.id, 'q1'));
      h.clock.advance(1000);
      await tenant.answers.create(newAnswer(learner.id, other.id, 'q1'));
      h.clock.advance(1000);
      const b = await tenant.answers.create(newAnswer(learner.id, session.id, 'q2'));
      expect(await tenant.answers.listForSession(session.id)).toEqual([b, a]);
    });

    it('listForSessions returns every answer of the sessions given only, newest first, in one read', async () => {
      const first = await tenant.sessions.create(newSession(learner.id));
      const second = await tenant.sessions.create(newSession(learner.id));
      const left = await tenant.sessions.create(newSession(learner.id));
      const a = await tenant.answers.create(newAnswer(learner.id, first.id, 'q1'));
      h.clock.advance(1000);
      await tenant.answers.create(newAnswer(learner.id, left.id, 'q1'));
      h.clock.advance(1000);
      const b = await tenant.answers.create(newAnswer(learner.id, second.id, 'q1'));
      h.clock.advance(1000);
      const c = await tenant.answers.create(newAnswer(learner.id, first.id, 'q2'));
      expect(await tenant.answers.listForSessions([first.id, second.id, 'ses_missing'])).toEqual([c, b, a]);
      expect(await tenant.answers.listForSessions([])).toEqual([]);
    });

    it('listForSessions refuses more than MAX_SESSIONS_PER_READ ids', async () => {
      const ids = Array.from({ length: MAX_SESSIONS_PER_READ + 1 }, (_, i) => `ses_${i}`);
      await expectAppError(tenant.answers.listForSessions(ids), 'VALIDATION_FAILED');
    });

    it('listForQuestion returns the attempts at one question, newest first', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const first = await tenant.answers.create(newAnswer(learner.id, session.id, 'q1'));
      await tenant.answers.create(newAnswer(learner.id, session.id, 'q2'));
      const second = await tenant.answers.create(newAnswer(learner.id, session.id, 'q1'));
      expect(await tenant.answers.listForQuestion(session.id, 'q1')).toEqual([second, first]);
      expect(await tenant.answers.listForQuestion(session.id, 'q9')).toEqual([]);
    });

    it('listForLearner returns only that learner answers, newest first', async () => {
      const other = await createLearner(tenant);
      const session = await tenant.sessions.create(newSession(learner.id));
      const otherSession = await tenant.sessions.create(newSession(other.id));
      const a = await tenant.answers.create(newAnswer(learner.id, session.id, 'q1'));
      await tenant.answers.create(newAnswer(other.id, otherSession.id, 'q1'));
      h.clock.advance(1000);
      const b = await tenant.answers.create(newAnswer(learner.id, session.id, 'q2'));
      expect(await tenant.answers.listForLearner(learner.id, { limit: 10 })).toEqual({ items: [b, a], nextCursor: null });
    });

    it('setFeedback stores the status and feedback and moves updatedAt', async () => {
      const session = await tenant.sessions.create(newSession(learner.id));
      const answer = await tenant.answers.create(newAnswer(learner.id, session.id));
      h.clock.advance(4000);
      const ready = await tenant.answers.setFeedback(answer.id, 'ready', feedback);
      expect(ready).toEqual({ ...answer, feedbackStatus: 'ready', feedback, updatedAt: h.clock.iso() });
      expect(await tenant.answers.get(answer.id)).toEqual(ready);
      const failed = await tenant.answers.setFeedback(answer.id, 'failed', null);
      expect(failed).toMatchObject({ feedbackStatus: 'failed', feedback: null });
    });

    it('setFeedback of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.answers.setFeedback('ans_missing', 'ready', feedback), 'NOT_FOUND');
    });
  });

  describe('starDrafts', () => {
    it('saving with id null and revision 0 creates revision 1', async () => {
      const content = draftContent();
      const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content });
      expect(draft).toEqual({
        ...content,
        id: expect.stringMatching(/^star_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        learnerId: learner.id,
        revision: 1,
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(await tenant.starDrafts.get(draft.id)).toEqual(draft);
    });

    it('creating with a non-zero expected revision is a CONFLICT and creates nothing', async () => {
      const save = tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 2, content: draftContent() });
      await expectAppError(save, 'CONFLICT');
      expect(await tenant.starDrafts.listForLearner(learner.id)).toEqual([]);
    });

    it('saving with the current revision replaces the content and increments the revision', async () => {
      const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
      h.clock.advance(1000);
      const content = { ...draftContent('Renamed'), competency: null };
      const saved = await tenant.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: 1, content });
      expect(saved).toEqual({ ...draft, ...content, revision: 2, updatedAt: h.clock.iso() });
      const again = await tenant.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: 2, content });
      expect(again.revision).toBe(3);
      expect(await tenant.starDrafts.get(draft.id)).toEqual(again);
    });

    it('a stale STAR revision is rejected and changes nothing', async () => {
      const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
      const current = await tenant.starDrafts.save({
        id: draft.id,
        learnerId: learner.id,
        expectedRevision: 1,
        content: draftContent('Second'),
      });
      h.clock.advance(1000);
      for (const stale of [0, 1, 3]) {
        await expectAppError(
          tenant.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: stale, content: draftContent('Lost') }),
          'CONFLICT',
        );
      }
      expect(await tenant.starDrafts.get(draft.id)).toEqual(current);
    });

    it('saving an id that does not exist is NOT_FOUND', async () => {
      const save = tenant.starDrafts.save({ id: 'star_missing', learnerId: learner.id, expectedRevision: 1, content: draftContent() });
      await expectAppError(save, 'NOT_FOUND');
    });

    it("saving another learner's draft is NOT_FOUND and changes nothing", async () => {
      const other = await createLearner(tenant);
      const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
      const save = tenant.starDrafts.save({ id: draft.id, learnerId: other.id, expectedRevision: 1, content: draftContent('Hijack') });
      await expectAppError(save, 'NOT_FOUND');
      expect(await tenant.starDrafts.get(draft.id)).toEqual(draft);
    });

    it('get of an unknown id is null', async () => {
      expect(await tenant.starDrafts.get('star_missing')).toBeNull();
    });

    it('listForLearner returns only that learner drafts, newest first', async () => {
      const other = await createLearner(tenant);
      const first = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent('A') });
      h.clock.advance(1000);
      await tenant.starDrafts.save({ id: null, learnerId: other.id, expectedRevision: 0, content: draftContent('B') });
      const second = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent('C') });
      expect(await tenant.starDrafts.listForLearner(learner.id)).toEqual([second, first]);
    });

    it('delete removes the draft and is true; deleting again or an unknown id is false', async () => {
      const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
      expect(await tenant.starDrafts.delete(draft.id)).toBe(true);
      expect(await tenant.starDrafts.get(draft.id)).toBeNull();
      expect(await tenant.starDrafts.delete(draft.id)).toBe(false);
      expect(await tenant.starDrafts.delete('star_missing')).toBe(false);
    });
  });
}
