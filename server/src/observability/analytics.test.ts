/**
 * Analytics (privacy policy sections 3, 5 and 8): the real posthog-node client, pointed at a
 * local fake PostHog, receives product events only, under a hashed id, with no IP address and no
 * answer, question, role or STAR text; an opted-out learner sends nothing; erasure deletes the
 * person and their events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN_A, type TestApp } from '../test-support/test-app.js';
import { cleanProperties, scoreBand, wordCountBand } from './analytics.js';
import { startFakeCollector, type FakeCollector } from './testing/fake-collector.js';

const LEARNER_IP = '203.0.113.77';
const ROLE = 'Quantum Teapot Engineer';
const ANSWER =
  'At Zephyrine Labs I rebuilt the flaky nightly pipeline: I traced failures for a week, wrote contact me at wren.holt@example.org, and cut failures from 30% to 4%.';

interface CapturedEvent {
  event: string;
  distinct_id: string;
  properties: Record<string, unknown>;
}

function eventsIn(fake: FakeCollector): CapturedEvent[] {
  return fake.requests
    .filter((r) => r.path === '/batch/')
    .flatMap((r) => (JSON.parse(r.body) as { batch: CapturedEvent[] }).batch);
}

describe('cleanProperties', () => {
  it.each([
    ['keeps allowlisted labels, numbers and booleans', 'session started', { mode: 'mock', questionCount: 5 }, { mode: 'mock', questionCount: 5 }],
    ['drops keys the event does not allow', 'session started', { mode: 'mock', role: 'Data analyst', text: 'x' }, { mode: 'mock' }],
    ['drops long or prose-like strings even under an allowed key', 'session started', { mode: 'I led the migration of our billing system' }, {}],
    ['drops strings with punctuation that labels never have', 'pass purchased', { passType: 'week<script>' }, {}],
    ['drops objects and non-finite numbers', 'answer submitted', { attempt: Number.NaN, late: { a: 1 }, mode: 'practice' }, { mode: 'practice' }],
  ] as const)('%s', (_name, event, input, expected) => {
    expect(cleanProperties(event, input)).toEqual(expected);
  });

  it('bands word counts and scores instead of sending them', () => {
    expect([wordCountBand(10), wordCountBand(80), wordCountBand(200), wordCountBand(900)]).toEqual(['0-49', '50-149', '150-299', '300+']);
    expect([scoreBand(10), scoreBand(45), scoreBand(70), scoreBand(95)]).toEqual(['0-39', '40-59', '60-79', '80-100']);
  });
});

describe('PostHog events through the app (local fake PostHog)', () => {
  let fake: FakeCollector;
  let t: TestApp;
  let token: string;
  let learnerId: string;

  const call = (path: string, input: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/trpc/${path}`,
      headers: {
        'x-api-key': t.a.pk,
        authorization: `Bearer ${token}`,
        origin: ORIGIN_A,
        'content-type': 'application/json',
        'x-forwarded-for': LEARNER_IP,
        'user-agent': 'Mozilla/5.0 (Learner laptop)',
      },
      payload: JSON.stringify(input),
    });

  beforeAll(async () => {
    fake = await startFakeCollector();
    t = await createTestApp({
      POSTHOG_KEY: 'phc_testprojectkey',
      POSTHOG_HOST: fake.url,
      POSTHOG_PERSONAL_API_KEY: 'phx_personalkey',
      POSTHOG_PROJECT_ID: '42',
      POSTHOG_APP_HOST: fake.url,
      TRUST_PROXY: 'true',
    });
    ({ token } = await t.caller({ apiKey: t.a.sk }).admin.learners.createToken({ externalId: 'student-wren', name: 'Wren Holt', email: 'wren.holt@example.org' }));
    const session = (await call('session.create', { role: ROLE, seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' })).json().result.data;
    learnerId = (await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me()).learner.id;
    const submitted = (await call('answer.submit', { sessionId: session.id, questionId: session.questions[0].id, text: ANSWER })).json().result.data;
    expect((await call('answer.evaluate', { answerId: submitted.answer.id })).statusCode).toBe(200);
    await t.deps.analytics.flush();
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('sends the product events, and only those', () => {
    expect(eventsIn(fake).map((e) => e.event)).toEqual(['session started', 'answer submitted', 'feedback delivered']);
    const [started, submitted, delivered] = eventsIn(fake);
    expect(started?.properties).toMatchObject({ mode: 'practice', interviewType: 'behavioural', seniority: 'graduate', questionCount: 1 });
    expect(submitted?.properties).toMatchObject({ mode: 'practice', attempt: 1, late: false, wordCountBand: '0-49', confidentialWarnings: 1 });
    expect(delivered?.properties).toMatchObject({ source: 'offline', scoreBand: expect.stringMatching(/^\d+-\d+$/) });
  });

  it('identifies the learner by a keyed hash only, the same one every time', () => {
    const ids = new Set(eventsIn(fake).map((e) => e.distinct_id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toContain(learnerId);
  });

  it('carries no IP address (GeoIP off, no $ip) and no content, name, e-mail or ids', () => {
    const sent = fake.requests.map((r) => r.body).join('\n');
    for (const event of eventsIn(fake)) {
      expect(event.properties).not.toHaveProperty('$ip');
      expect(event.properties['$geoip_disable']).toBe(true);
    }
    for (const secret of [LEARNER_IP, ROLE, 'Zephyrine', 'wren.holt@example.org', 'Wren Holt', 'student-wren', learnerId, 'Mozilla/5.0']) {
      expect(sent).not.toContain(secret);
    }
    // The question text never leaves either.
    expect(sent).not.toMatch(/Tell me about|Describe a time/i);
  });

  it('sends nothing once the learner opts out', async () => {
    const before = eventsIn(fake).length;
    await t.caller({ apiKey: t.a.pk, bearer: token }).privacy.setPreferences({ analyticsOptOut: true });
    await call('session.create', { role: ROLE, seniority: 'graduate', interviewType: 'behavioural', questionCount: 1, mode: 'practice' });
    await t.deps.analytics.flush();
    expect(eventsIn(fake).length).toBe(before);
    await t.caller({ apiKey: t.a.pk, bearer: token }).privacy.setPreferences({ analyticsOptOut: false });
  });

  it('deletes the analytics person and their events when the account is erased', async () => {
    const distinctId = eventsIn(fake)[0]?.distinct_id;
    const learner = t.caller({ apiKey: t.a.pk, bearer: token });
    const { confirmationToken } = await learner.privacy.requestDeletion();
    await learner.privacy.deleteAccount({ confirmationToken });
    const deletion = await fake.waitFor((r) => r.path === '/api/projects/42/persons/bulk_delete/');
    expect(deletion.method).toBe('POST');
    expect(deletion.headers.authorization).toBe('Bearer phx_personalkey');
    expect(JSON.parse(deletion.body)).toEqual({ distinct_ids: [distinctId], delete_events: true });
  });
});
