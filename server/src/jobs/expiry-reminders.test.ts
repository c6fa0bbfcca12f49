/**
 * The pass-expiry reminder: about a day before a pass ends, once, whoever runs the job and
 * however often; none for day passes, for a pass another one carries on from, or without an
 * e-mail address. Through the real app and its SQLite store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../mail/testing.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { EXPIRY_REMINDER_JOB, createExpiryReminderJob, reminderDedupeKey } from './expiry-reminders.js';
import { OUTBOX_DELIVERY_JOB } from './outbox-delivery.js';
import { createScheduler } from './scheduler.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const admin = () => t.caller({ apiKey: t.a.sk }).admin;
const outbox = async () => (await t.store.forTenant(t.a.tenant.id).outbox.list({ limit: 100 })).items;
const reminders = async () => (await outbox()).filter((e) => e.kind === 'pass-expiry-reminder');

async function learnerWithPass(externalId: string, type: 'day' | 'week' | 'month', email: string | null = `${externalId}@alpha.example`) {
  const { token } = await admin().learners.createToken({ externalId, ...(email ? { email } : {}) });
  await t.caller({ apiKey: t.a.pk, bearer: token }).learner.me();
  return admin().passes.grant({ learner: { externalId }, type });
}

const runReminders = () => t.deps.jobs.runNow(EXPIRY_REMINDER_JOB);

describe('expiry reminders', () => {
  it('a week pass: nothing at the start, one reminder a day before it ends, sent once', async () => {
    const { pass } = await learnerWithPass('ada', 'week');
    await runReminders();
    expect(await reminders()).toEqual([]);

    t.advance(6 * DAY - HOUR);
    await runReminders();
    expect(await reminders()).toEqual([]);

    t.advance(2 * HOUR);
    await runReminders();
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({ dedupeKey: reminderDedupeKey(pass.id), to: 'ada@alpha.example', status: 'pending' });
    expect(reminder?.subject).toContain('ends on');
    expect(reminder?.text).toContain('Your week pass for Alpha University Interview Studio ends on');
    expect((await t.store.forTenant(t.a.tenant.id).passes.get(pass.id))?.reminderSentAt).not.toBeNull();

    t.advance(10 * 60_000);
    await runReminders();
    await runReminders();
    expect(await reminders()).toHaveLength(1);

    await t.deps.jobs.runNow(OUTBOX_DELIVERY_JOB);
    expect((await reminders())[0]?.status).toBe('sent');
  });

  it('two instances running the job at once queue one reminder', async () => {
    await learnerWithPass('bea', 'month');
    t.advance(29 * DAY + HOUR);
    const other = createScheduler({ store: t.store, clock: t.now, logger: silentLogger(), holder: 'other-instance' });
    other.register(createExpiryReminderJob({ store: t.store }));
    await Promise.all([runReminders(), other.runNow(EXPIRY_REMINDER_JOB), runReminders()]);
    t.advance(60 * 60_000);
    await Promise.all([other.runNow(EXPIRY_REMINDER_JOB), runReminders()]);
    await other.stop();
    expect(await reminders()).toHaveLength(1);
  });

  it('no reminder for a day pass, for a pass another carries on from, or without an e-mail', async () => {
    await learnerWithPass('day-only', 'day');
    const first = await learnerWithPass('stacked', 'week');
    const second = await admin().passes.grant({ learner: { externalId: 'stacked' }, type: 'week' });
    expect(second.pass.startsAt).toBe(first.pass.expiresAt);
    await learnerWithPass('no-email', 'week', null);

    t.advance(6 * DAY + HOUR);
    await runReminders();
    expect(await reminders()).toEqual([]);

    t.advance(7 * DAY);
    await runReminders();
    expect((await reminders()).map((r) => r.dedupeKey)).toEqual([reminderDedupeKey(second.pass.id)]);
  });

  it('a revoked pass gets no reminder', async () => {
    const { pass } = await learnerWithPass('revoked', 'week');
    await admin().passes.revoke({ passId: pass.id });
    t.advance(6 * DAY + HOUR);
    await runReminders();
    expect(await reminders()).toEqual([]);
  });
});
