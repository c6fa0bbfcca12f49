/**
 * The demo purchase flow `npm start` shows, server side: a guest uses up the free feedback,
 * buys a week pass through the demo checkout page (same grant path as the Stripe webhook),
 * finds the receipt in the outbox, and practises on. Plus the page's edges, and production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_DELIVERY_JOB } from '../jobs/outbox-delivery.js';
import { createTestApp, expectAppError, type AppCaller, type TestApp } from '../test-support/test-app.js';
import { DEMO_CHECKOUT_TITLE } from './demo-checkout.js';

const ANSWER =
  'In my placement I noticed our weekly report took two days to compile, so I wrote a small script that pulled the data automatically. ' +
  'I agreed the format with my manager, tested it against three old reports and documented it. The report now takes an hour and the team reuses the script.';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = t.caller({ apiKey: t.a.sk }).admin.settings;
  const { settings } = await admin.get();
  await admin.update({ settings: { ...settings, freeTier: { questionSetsPerMonth: 5, feedbackPerMonth: 1 } } });
});
afterAll(() => t.close());

async function guest(): Promise<AppCaller> {
  const { token } = await t.caller({ apiKey: t.a.pk }).learner.startGuest();
  return t.caller({ apiKey: t.a.pk, bearer: token });
}

const pathOf = (url: string) => new URL(url).pathname;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (url: string, fields: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: pathOf(url), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });

describe('demo purchase flow', () => {
  it('a guest runs out of free feedback, buys a week pass on the demo page, gets the receipt and practises on', async () => {
    const me = await guest();
    const session = await me.session.create({ role: 'Data analyst', seniority: 'graduate', interviewType: 'behavioural', questionCount: 2, mode: 'practice' });
    const first = await me.answer.submit({ sessionId: session.id, questionId: session.questions[0]!.id, text: ANSWER });
    await me.answer.evaluate({ answerId: first.answer.id });
    await expectAppError(me.answer.submit({ sessionId: session.id, questionId: session.questions[1]!.id, text: ANSWER }), 'PASS_REQUIRED');

    const offer = await me.billing.products();
    expect(offer).toMatchObject({ billingMode: 'learner-pays', canPurchase: true, provider: 'demo' });
    expect(offer.products.map((p) => p.type)).toEqual(['day', 'week', 'month']);

    const checkout = await me.billing.checkout({ passType: 'week' });
    expect(checkout.provider).toBe('demo');
    expect(checkout.url.startsWith(`${t.config.publicUrl}/demo/checkout/${t.a.tenant.id}/cs_demo_`)).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: pathOf(checkout.url) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain(`<title>${DEMO_CHECKOUT_TITLE}</title>`);
    expect(page.body).toContain('No payment is taken');
    expect(page.body).not.toMatch(/card number|cvc/i);

    const paid = await post(checkout.url, { action: 'pay', email: 'guest@example.edu' });
    expect(paid.statusCode).toBe(200);
    expect(paid.body).toContain('Demo purchase complete');

    expect(await me.progress.entitlement()).toMatchObject({ kind: 'pass', pass: { type: 'week', source: 'purchase' } });
    expect(await me.billing.checkoutStatus({ checkoutSessionId: checkout.checkoutSessionId })).toMatchObject({ status: 'paid' });
    expect((await me.learner.me()).learner.email).toBe('guest@example.edu');

    expect(await t.deps.jobs.runNow(OUTBOX_DELIVERY_JOB)).toBe(true);
    const outbox = (await (await t.app.inject({ method: 'GET', url: '/dev/outbox.json' })).json()) as { emails: { to: string; kind: string; status: string; subject: string; text: string }[] };
    const receipt = outbox.emails.find((e) => e.to === 'guest@example.edu');
    expect(receipt).toMatchObject({ kind: 'receipt', status: 'sent', subject: expect.stringContaining('[Demo]') });
    expect(receipt?.text).toContain('No money was charged');
    expect(receipt?.text).not.toContain(ANSWER.slice(0, 30));
    const html = await t.app.inject({ method: 'GET', url: '/dev/outbox' });
    expect(html.body).toContain('Week pass');

    const second = await me.answer.submit({ sessionId: session.id, questionId: session.questions[1]!.id, text: ANSWER });
    expect((await me.answer.evaluate({ answerId: second.answer.id })).overallScore).toBeGreaterThan(0);
  });

  it('paying twice (a resubmitted form) grants one pass and one receipt', async () => {
    const me = await guest();
    const { url } = await me.billing.checkout({ passType: 'day' });
    await post(url, { action: 'pay', email: 'twice@example.edu' });
    const again = await post(url, { action: 'pay', email: 'twice@example.edu' });
    expect(again.statusCode).toBe(200);
    expect((await me.billing.passes()).active).not.toBeNull();
    expect((await me.billing.passes()).upcoming).toEqual([]);
    const receipts = (await t.store.forTenant(t.a.tenant.id).outbox.list({ limit: 100 })).items.filter((e) => e.to === 'twice@example.edu');
    expect(receipts).toHaveLength(1);
    const reopened = await t.app.inject({ method: 'GET', url: pathOf(url) });
    expect(reopened.body).toContain('Demo purchase complete');
  });

  it('cancel buys nothing; a bad e-mail is shown again with an error; an unknown session is 404', async () => {
    const me = await guest();
    const { url, checkoutSessionId } = await me.billing.checkout({ passType: 'month' });
    const bad = await post(url, { action: 'pay', email: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('role="alert"');
    const cancelled = await post(url, { action: 'cancel' });
    expect(cancelled.body).toContain('Checkout cancelled');
    expect(await me.billing.checkoutStatus({ checkoutSessionId })).toMatchObject({ status: 'expired', pass: null });
    expect((await t.app.inject({ method: 'GET', url: `/demo/checkout/${t.a.tenant.id}/cs_demo_nope` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: pathOf(url).replace(t.a.tenant.id, t.b.tenant.id) })).statusCode).toBe(404);
  });

  it('cancel abandons the checkout like an expired Stripe session: it cannot be paid after, and buying again opens a new one', async () => {
    const me = await guest();
    const first = await me.billing.checkout({ passType: 'week' });
    await post(first.url, { action: 'cancel' });
    await post(first.url, { action: 'cancel' }); // a resubmitted cancel changes nothing
    const paidLate = await post(first.url, { action: 'pay', email: '' });
    expect(paidLate.body).toContain('Checkout cancelled');
    expect((await t.app.inject({ method: 'GET', url: pathOf(first.url) })).body).toContain('Checkout cancelled');
    expect(await me.billing.passes()).toMatchObject({ active: null, upcoming: [] });
    expect(await me.billing.purchases()).toEqual([expect.objectContaining({ status: 'expired', passType: 'week' })]);

    const second = await me.billing.checkout({ passType: 'week' });
    expect(second.checkoutSessionId).not.toBe(first.checkoutSessionId);
    expect((await post(second.url, { action: 'pay', email: '' })).body).toContain('Demo purchase complete');
    expect((await me.billing.purchases()).map((p) => p.status).sort()).toEqual(['expired', 'paid']);
  });

  it('cancelling a checkout that was paid meanwhile (another tab) keeps it paid', async () => {
    const me = await guest();
    const { url, checkoutSessionId } = await me.billing.checkout({ passType: 'day' });
    await post(url, { action: 'pay', email: '' });
    expect((await post(url, { action: 'cancel' })).body).toContain('Demo purchase complete');
    expect(await me.billing.checkoutStatus({ checkoutSessionId })).toMatchObject({ status: 'paid', pass: { type: 'day' } });
  });

  it('no e-mail given and none known: the pass is granted, no receipt is queued', async () => {
    const me = await guest();
    const { url } = await me.billing.checkout({ passType: 'day' });
    await post(url, { action: 'pay', email: '' });
    expect((await me.progress.entitlement()).kind).toBe('pass');
    expect((await me.learner.me()).learner.email).toBeNull();
  });
});

describe('in production without Stripe keys', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ NODE_ENV: 'production', PUBLIC_URL: 'https://studio.example.com' });
  });
  afterAll(() => prod.close());

  it('there is no demo checkout and no dev outbox, and checkout says payments are not set up', async () => {
    const { token } = await prod.caller({ apiKey: prod.a.sk }).admin.learners.createToken({ externalId: 'prod-learner' });
    const me = prod.caller({ apiKey: prod.a.pk, bearer: token });
    expect(await me.billing.products()).toMatchObject({ canPurchase: false, provider: null });
    await expectAppError(me.billing.checkout({ passType: 'week' }), 'UNAVAILABLE');
    expect((await prod.app.inject({ method: 'GET', url: `/demo/checkout/${prod.a.tenant.id}/cs_demo_x` })).statusCode).toBe(404);
    expect((await prod.app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(404);
    expect((await prod.app.inject({ method: 'POST', url: '/webhooks/stripe', payload: '{}' })).statusCode).toBe(404);
  });
});
