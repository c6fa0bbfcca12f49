/**
 * The practice engine through tRPC callers on a real SQLite file: sessions, answers kept
 * before feedback, streamed and resumable feedback, mock interviews with time limits and late
 * answers, STAR drafts with revisions, readiness, free-tier limits, and bad input that writes
 * nothing and never crosses learners or tenants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackEvent } from '../../coach/coach.js';
import { createTestApp, expectAppError, type AppCaller, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let me: AppCaller;
let other: AppCaller;
let otherTenant: AppCaller;

async function learner(tenant: TestApp['a'], externalId: string): Promise<AppCaller> {
  const { token } = await t.caller({ apiKey: tenant.sk }).admin.learners.createToken({ externalId });
  return t.caller({ apiKey: tenant.pk, bearer: token });
}

beforeAll(async () => {
  t = await createTestApp();
  // Generous limits for these tests; the free-tier test sets its own.
  const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
  const { settings } = await admin.get();
  await admin.update({ settings: { ...settings, freeTier: { questionSetsPerMonth: 100, feedbackPerMonth: 100 } } });
  me = await learner(t.a, 'me');
  other = await learner(t.a, 'someone-else');
  otherTenant = await learner(t.b, 'me');
});
afterAll(async () => {
  await t.close();
});

const STRONG =
  'In my second year I led a team of four building a timetable app for our society when two members stopped contributing three weeks before the deadline. ' +
  'My task was to get the project back on track without losing the team. I met each of them separately, learned that one was overwhelmed by exams, ' +
  'and I re-split the work into smaller tickets with clear owners and a weekly fifteen-minute check-in. I took over the database work myself. ' +
  'We shipped on time, 240 students used the app in the first month, and our grade went from a predicted 58 to 72. I learned to ask early and plan for slack.';

async function collect(iterable: AsyncIterable<unknown>): Promise<FeedbackEvent[]> {
  const events: FeedbackEvent[] = [];
  // Through a caller, each tracked event arrives as its envelope: [id, data, marker].
  for await (const e of iterable) events.push((e as [string, FeedbackEvent])[1]);
  return events;
}

describe('sessions', () => {
  it('creates a session with the requested number of questions and lists it newest first', async () => {
    const first = await me.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' });
    const second = await me.session.create({ role: 'Data analyst', seniority: 'junior', interviewType: 'mixed', questionCount: 5, mode: 'practice', company: 'Acme', jobDescription: 'SQL, dashboards and stakeholder communication' });
    expect(first.questions).toHaveLength(3);
    expect(second.questions).toHaveLength(5);
    expect(new Set(second.questions.map((q) => q.id)).size).toBe(5);
    const list = await me.session.list({ limit: 10 });
    expect(list.items.slice(0, 2).map((s) => s.id)).toEqual([second.id, first.id]);
    expect(await me.session.get({ id: first.id })).toMatchObject({ id: first.id, status: 'active', answers: [] });
  });

  it("hides another learner's and another tenant's sessions as NOT_FOUND", async () => {
    const mine = await me.session.create({ role: 'Nurse', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    await expectAppError(other.session.get({ id: mine.id }), 'NOT_FOUND');
    await expectAppError(otherTenant.session.get({ id: mine.id }), 'NOT_FOUND');
    await expectAppError(other.session.complete({ id: mine.id }), 'NOT_FOUND');
    expect((await me.session.get({ id: mine.id })).status).toBe('active');
  });

  it.each([
    ['no role', { role: '', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' }],
    ['16 questions', { role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 16, mode: 'practice' }],
    ['an unknown type', { role: 'Engineer', seniority: 'graduate', interviewType: 'vibes', questionCount: 3, mode: 'practice' }],
    ['an unknown key', { role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice', admin: true }],
    ['control characters', { role: 'Engi\u0000neer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'practice' }],
  ])('refuses %s and writes nothing', async (_name, input) => {
    const before = (await me.session.list({ limit: 50 })).items.length;
    await expectAppError(me.session.create(input as never), 'VALIDATION_FAILED');
    expect((await me.session.list({ limit: 50 })).items.length).toBe(before);
  });
});

describe('answers and streamed feedback', () => {
  it('stores the answer, then streams feedback parts ending in one done event, and keeps it', async () => {
    const session = await me.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' });
    const q = session.questions[0]!;
    const { answer, warnings } = await me.answer.submit({ sessionId: session.id, questionId: q.id, text: STRONG });
    expect(answer).toMatchObject({ attempt: 1, feedbackStatus: 'pending', late: false });
    expect(answer.wordCount).toBeGreaterThan(90);
    expect(answer.speakingTimeSec).toBeGreaterThan(30);
    expect(warnings).toEqual([]);

    const events = await collect(await me.answer.feedback({ answerId: answer.id }));
    expect(events.length).toBeGreaterThan(5);
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    expect(events.at(-1)!.type).toBe('done');
    const done = events.at(-1) as Extract<FeedbackEvent, { type: 'done' }>;
    expect(done.feedback.criteria).toHaveLength(5);

    const stored = await me.answer.get({ id: answer.id });
    expect(stored.feedbackStatus).toBe('ready');
    expect(stored.feedback?.overallScore).toBe(done.feedback.overallScore);
    const view = await me.session.get({ id: session.id });
    expect(view.answers).toEqual([expect.objectContaining({ answerId: answer.id, overallScore: done.feedback.overallScore })]);
  });

  it('resumes a finished stream with the result only', async () => {
    const session = await me.session.create({ role: 'Analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    const { answer } = await me.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text: STRONG });
    await collect(await me.answer.feedback({ answerId: answer.id }));
    const resumed = await collect(await me.answer.feedback({ answerId: answer.id, lastEventId: '3' }));
    expect(resumed.map((e) => e.type)).toEqual(['done']);
  });

  it('keeps attempts side by side and warns about confidential material without refusing it', async () => {
    const session = await me.session.create({ role: 'Consultant', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    const questionId = session.questions[0]!.id;
    await me.answer.submit({ sessionId: session.id, questionId, text: 'First try: we did a project.' });
    const second = await me.answer.submit({ sessionId: session.id, questionId, text: `${STRONG} This was under NDA; mail me at sam@example.com.` });
    expect(second.answer.attempt).toBe(2);
    expect(second.warnings.map((w) => w.kind).sort()).toEqual(['confidential-wording', 'email']);
    expect(JSON.stringify(second.warnings)).not.toContain('sam@example.com');
    const attempts = await me.answer.listForQuestion({ sessionId: session.id, questionId });
    expect(attempts.map((a) => a.attempt)).toEqual([2, 1]);
  });

  it('stores markup as plain text', async () => {
    const session = await me.session.create({ role: 'Designer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    const text = '<img src=x onerror=alert(1)> I redesigned the sign-up form and conversion rose 12%.';
    const { answer } = await me.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text });
    expect((await me.answer.get({ id: answer.id })).text).toBe(text);
  });

  it.each([
    ['an empty answer', '   ', 'VALIDATION_FAILED'],
    ['an oversized answer', 'a'.repeat(5001), 'VALIDATION_FAILED'],
    ['a lone surrogate', 'bad \ud800', 'VALIDATION_FAILED'],
    ['a NUL byte', 'bad \u0000', 'VALIDATION_FAILED'],
  ])('refuses %s and writes nothing', async (_name, text, code) => {
    const session = await me.session.create({ role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    await expectAppError(me.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text }), code);
    expect((await me.session.get({ id: session.id })).answers).toEqual([]);
  });

  it('refuses unknown questions, other learners, other tenants and completed sessions', async () => {
    const session = await me.session.create({ role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    const questionId = session.questions[0]!.id;
    await expectAppError(me.answer.submit({ sessionId: session.id, questionId: 'nope', text: STRONG }), 'NOT_FOUND');
    await expectAppError(me.answer.submit({ sessionId: 'ses_nope', questionId, text: STRONG }), 'NOT_FOUND');
    await expectAppError(other.answer.submit({ sessionId: session.id, questionId, text: STRONG }), 'NOT_FOUND');
    await expectAppError(otherTenant.answer.submit({ sessionId: session.id, questionId, text: STRONG }), 'NOT_FOUND');
    const { answer } = await me.answer.submit({ sessionId: session.id, questionId, text: STRONG });
    await expectAppError(other.answer.get({ id: answer.id }), 'NOT_FOUND');
    await expectAppError(collect(await other.answer.feedback({ answerId: answer.id })), 'NOT_FOUND');
    await me.session.complete({ id: session.id });
    await expectAppError(me.answer.submit({ sessionId: session.id, questionId, text: STRONG }), 'CONFLICT');
    await expectAppError(me.session.complete({ id: session.id }), 'CONFLICT');
    expect((await me.answer.listForQuestion({ sessionId: session.id, questionId })).length).toBe(1);
  });
});

describe('mock interviews', () => {
  it('times each question with the extended-time multiplier, takes them once in order, records late answers and summarises', async () => {
    const learnerView = await me.learner.me();
    await t.caller({ apiKey: t.a.sk }).admin.learners.setAccommodations({ id: learnerView.learner.id, extendedTimeMultiplier: 1.5 });
    const session = await me.session.create({ role: 'Product manager', seniority: 'graduate', interviewType: 'behavioural', questionCount: 3, mode: 'mock', questionTimeLimitSec: 60 });
    expect(session.questionTimeLimitSec).toBe(90);
    expect(session.mock).toMatchObject({ currentIndex: 0 });
    const [q1, q2, q3] = session.questions;

    await expectAppError(me.answer.submit({ sessionId: session.id, questionId: q2!.id, text: STRONG }), 'CONFLICT');
    const a1 = await me.answer.submit({ sessionId: session.id, questionId: q1!.id, text: STRONG });
    expect(a1.answer.late).toBe(false);
    await expectAppError(me.answer.submit({ sessionId: session.id, questionId: q1!.id, text: STRONG }), 'CONFLICT');

    t.advance(95_000); // past the 90 s limit (+2 s grace)
    try {
      const a2 = await me.answer.submit({ sessionId: session.id, questionId: q2!.id, text: 'I would ask the team first and then decide.' });
      expect(a2.answer.late).toBe(true);
      const view = await me.session.get({ id: session.id });
      expect(view.mock).toMatchObject({ currentIndex: 2 });
      const completed = await me.session.complete({ id: session.id });
      expect(completed.status).toBe('completed');
      expect(completed.summary).toMatchObject({ answeredCount: 2, lateCount: 1 });
      expect(completed.summary!.overallScore).toBeGreaterThanOrEqual(0);
      expect(completed.summary!.summary.length).toBeGreaterThan(40);
      // Every answer was scored before the summary.
      expect((await me.answer.get({ id: a2.answer.id })).feedbackStatus).toBe('ready');
      expect(q3).toBeDefined();
    } finally {
      t.advance(-95_000);
      await t.caller({ apiKey: t.a.sk }).admin.learners.setAccommodations({ id: learnerView.learner.id, extendedTimeMultiplier: 1 });
    }
  });
});

describe('STAR drafts', () => {
  const content = { title: 'Society app rescue', competency: 'teamwork', situation: 'Two teammates stopped contributing.', task: 'Get the project back on track.', action: 'We talked.', result: 'It shipped.', reflection: '' };

  it('creates, updates with the right revision, refuses a stale one, suggests and becomes answer text', async () => {
    const created = await me.star.save({ id: null, expectedRevision: 0, content });
    expect(created.revision).toBe(1);
    const updated = await me.star.save({ id: created.id, expectedRevision: 1, content: { ...content, result: '240 students used it; grade up 14 points.' } });
    expect(updated.revision).toBe(2);
    await expectAppError(me.star.save({ id: created.id, expectedRevision: 1, content: { ...content, result: 'stale' } }), 'CONFLICT');
    expect((await me.star.get({ id: created.id })).result).toBe('240 students used it; grade up 14 points.');

    const suggestions = await me.star.suggest({ id: created.id });
    expect(suggestions.action.length).toBeGreaterThan(0);
    const { text } = await me.star.toAnswer({ id: created.id });
    expect(text).toContain('Two teammates stopped contributing.');
    expect(text.indexOf('Two teammates')).toBeLessThan(text.indexOf('240 students'));
  });

  it("keeps drafts to their learner and tenant", async () => {
    const draft = await me.star.save({ id: null, expectedRevision: 0, content });
    await expectAppError(other.star.get({ id: draft.id }), 'NOT_FOUND');
    await expectAppError(other.star.save({ id: draft.id, expectedRevision: 1, content }), 'NOT_FOUND');
    await expectAppError(other.star.delete({ id: draft.id }), 'NOT_FOUND');
    await expectAppError(otherTenant.star.get({ id: draft.id }), 'NOT_FOUND');
    expect((await other.star.list()).map((d) => d.id)).not.toContain(draft.id);
    expect((await me.star.delete({ id: draft.id })).deleted).toBe(true);
    await expectAppError(me.star.get({ id: draft.id }), 'NOT_FOUND');
  });
});

describe('readiness and history', () => {
  it('starts at zero and rises once answers are scored', async () => {
    const fresh = await learner(t.a, 'fresh-learner');
    const before = await fresh.progress.readiness();
    expect(before.score).toBe(0);
    expect(before.next?.reason).toBe('not-practised');
    const session = await fresh.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' });
    for (const q of session.questions) {
      const { answer } = await fresh.answer.submit({ sessionId: session.id, questionId: q.id, text: STRONG });
      await fresh.answer.evaluate({ answerId: answer.id });
    }
    const after = await fresh.progress.readiness();
    expect(after.score).toBeGreaterThan(0);
    expect(after.competencies.length).toBeGreaterThan(0);
    const history = await fresh.progress.history();
    expect(history.points).toHaveLength(12);
    expect(history.points.at(-1)!.score).toBe(after.score);
    expect(history.sessions[0]).toMatchObject({ id: session.id });
    expect(history.sessions[0]!.averageScore).toBeGreaterThan(0);
  });
});

describe('free tier', () => {
  it('answers PASS_REQUIRED past the monthly limits and writes nothing', async () => {
    const limited = await createTestApp();
    try {
      const admin = limited.caller({ apiKey: limited.a.sk }).admin.settings;
      const { settings } = await admin.get();
      await admin.update({ settings: { ...settings, freeTier: { questionSetsPerMonth: 1, feedbackPerMonth: 1 } } });
      const { token } = await limited.caller({ apiKey: limited.a.sk }).admin.learners.createToken({ externalId: 'free' });
      const free = limited.caller({ apiKey: limited.a.pk, bearer: token });
      const session = await free.session.create({ role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' });
      await expectAppError(free.session.create({ role: 'Engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' }), 'PASS_REQUIRED');
      const { answer } = await free.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text: STRONG });
      await free.answer.evaluate({ answerId: answer.id });
      expect((await free.progress.entitlement()).remaining).toEqual({ questionSets: 0, feedback: 0 });
      await expectAppError(free.answer.submit({ sessionId: session.id, questionId: session.questions[1]!.id, text: STRONG }), 'PASS_REQUIRED');
      expect((await free.session.get({ id: session.id })).answers).toHaveLength(1);
      expect((await free.session.list({ limit: 10 })).items).toHaveLength(1);
      const usage = await limited.store.forTenant(limited.a.tenant.id).usage.get('tenant', limited.now().toISOString().slice(0, 7));
      expect(usage.counters).toMatchObject({ questionSets: 1, questions: 2, feedback: 1 });
    } finally {
      await limited.close();
    }
  });
});
