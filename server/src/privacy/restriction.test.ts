/**
 * Right to restrict processing (privacy policy section 7): while restricted, the learner's data
 * is kept but nothing processes it — no call reaches the AI provider (a local fake of the
 * Messages API counts them), and nothing is scored or generated offline either; the widget
 * gets PROCESSING_RESTRICTED to explain why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMessagesApi, type FakeMessagesApi } from '../coach/anthropic/fake-messages-api.js';
import { appCodeOf, createTestApp, expectAppError, type AppCaller, type TestApp } from '../test-support/test-app.js';

const ANSWER =
  'In my internship I owned the flaky test suite: I tracked failures for a week, found three race conditions, fixed them and cut failed builds from 30% to 4%.';

describe('restriction of processing (Claude configured, fake Messages API)', () => {
  let fake: FakeMessagesApi;
  let t: TestApp;
  let learner: AppCaller;
  let learnerId: string;

  beforeAll(async () => {
    fake = await startFakeMessagesApi();
    t = await createTestApp({ ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_MAX_RETRIES: '0' });
    const { token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'restricting', name: 'Priya Shah' });
    learner = t.caller({ apiKey: t.a.pk, bearer: token });
    learnerId = (await learner.learner.me()).learner.id;
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('uses the provider before the restriction (the fake is reachable)', async () => {
    const session = await learner.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    const { answer } = await learner.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text: ANSWER });
    expect((await learner.answer.evaluate({ answerId: answer.id })).source).toBe('anthropic');
    expect(fake.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('makes the coach unreachable while restricted: zero provider calls, no scoring, data kept', async () => {
    const mock = await learner.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'mock' });
    const draft = await learner.star.save({
      id: null,
      expectedRevision: 0,
      content: { title: 'Flaky tests', competency: 'problem-solving', situation: 'S', task: 'T', action: 'A', result: 'R', reflection: '' },
    });
    const settings = await learner.privacy.restrict();
    expect(settings.processingRestricted).toBe(true);
    const callsBefore = fake.calls.length;

    await expectAppError(
      learner.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' }),
      'PROCESSING_RESTRICTED',
    );
    // The answer itself is stored; only its processing is refused.
    const { answer } = await learner.answer.submit({ sessionId: mock.id, questionId: mock.questions[0]!.id, text: ANSWER });
    expect((await learner.answer.get({ id: answer.id })).text).toBe(ANSWER);
    await expectAppError(learner.answer.evaluate({ answerId: answer.id }), 'PROCESSING_RESTRICTED');
    let streamError: unknown = null;
    try {
      for await (const _event of await learner.answer.feedback({ answerId: answer.id })) {
        // no events expected
      }
    } catch (error) {
      streamError = error;
    }
    expect(appCodeOf(streamError)).toBe('PROCESSING_RESTRICTED');
    await expectAppError(learner.star.suggest({ id: draft.id }), 'PROCESSING_RESTRICTED');
    await expectAppError(learner.session.complete({ id: mock.id }), 'PROCESSING_RESTRICTED');

    expect(fake.calls.length).toBe(callsBefore);
    const stored = await t.store.forTenant(t.a.tenant.id).answers.get(answer.id);
    expect(stored?.feedback).toBeNull();
    expect((await learner.privacy.export()).answers.map((a) => a.id)).toContain(answer.id);
  });

  it('is recorded in the audit trail, and lifting it lets the coach work again', async () => {
    await learner.privacy.unrestrict();
    const audit = await t.caller({ apiKey: t.a.sk }).admin.privacy.audit({ learnerId });
    expect(audit.items.map((e) => e.action)).toEqual(['restriction.off', 'export', 'restriction.on']);
    const session = await learner.session.create({ role: 'Software engineer', seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    expect(session.questions).toHaveLength(1);
  });

  it('can be set by a tenant admin on the learner’s behalf', async () => {
    const admin = t.caller({ apiKey: t.a.sk }).admin;
    expect((await admin.learners.setRestricted({ id: learnerId, restricted: true })).processingRestricted).toBe(true);
    const callsBefore = fake.calls.length;
    const [draft] = await learner.star.list();
    await expectAppError(learner.star.suggest({ id: draft!.id }), 'PROCESSING_RESTRICTED');
    expect(fake.calls.length).toBe(callsBefore);
    const entry = (await admin.privacy.audit({ learnerId })).items[0];
    expect(entry).toMatchObject({ action: 'restriction.on', actor: { kind: 'admin', id: `key:${t.a.secretKeyId}` } });
    await admin.learners.setRestricted({ id: learnerId, restricted: false });
  });
});
