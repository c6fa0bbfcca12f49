/**
 * Billing procedures through tRPC callers: what the widget's pass-required view reads
 * (products, checkout, pass updates), the billing modes (learner-pays, sponsored, seats), and
 * the admin grant/revoke/seat procedures, all within one tenant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPassProducts } from '../../billing/products.js';
import type { BillingMode } from '../../store/records.js';
import { ORIGIN_A, createTestApp, expectAppError, type AppCaller, type TestApp } from '../../test-support/test-app.js';
import { createInnerContext } from '../context.js';
import { createCallerFactory } from '../init.js';
import { appRouter } from '../app-router.js';

let t: TestApp;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const admin = () => t.caller({ apiKey: t.a.sk }).admin;

async function learner(): Promise<{ caller: AppCaller; token: string; externalId: string; id: string }> {
  n += 1;
  const externalId = `learner-${n}`;
  const { token } = await admin().learners.createToken({ externalId, email: `${externalId}@alpha.example` });
  const caller = t.caller({ apiKey: t.a.pk, bearer: token });
  return { caller, token, externalId, id: (await caller.learner.me()).learner.id };
}

async function setMode(billingMode: BillingMode, passProducts = defaultPassProducts()) {
  const { settings } = await admin().settings.get();
  await admin().settings.update({ settings: { ...settings, billingMode, passProducts } });
}

describe('products and checkout', () => {
  it('learner-pays: the products with prices in the tenant locale, buyable through the demo checkout', async () => {
    await setMode('learner-pays');
    const offer = await t.caller({ apiKey: t.a.pk, origin: ORIGIN_A }).billing.products();
    expect(offer).toEqual({
      billingMode: 'learner-pays',
      canPurchase: true,
      provider: 'demo',
      products: [
        { type: 'day', name: 'Day pass', durationDays: 1, amount: 299, currency: 'gbp', price: '£2.99' },
        { type: 'week', name: 'Week pass', durationDays: 7, amount: 699, currency: 'gbp', price: '£6.99' },
        { type: 'month', name: 'Month pass', durationDays: 30, amount: 1499, currency: 'gbp', price: '£14.99' },
      ],
    });
  });

  it('sponsored and seats: nothing to buy, checkout is FORBIDDEN', async () => {
    const me = await learner();
    for (const mode of ['sponsored', 'seats'] as const) {
      await setMode(mode);
      expect(await me.caller.billing.products()).toMatchObject({ billingMode: mode, canPurchase: false, products: [] });
      await expectAppError(me.caller.billing.checkout({ passType: 'week' }), 'FORBIDDEN');
    }
    await setMode('learner-pays');
  });

  it('a pass type the tenant does not sell is NOT_FOUND', async () => {
    await setMode('learner-pays', defaultPassProducts().filter((p) => p.type !== 'day'));
    const me = await learner();
    await expectAppError(me.caller.billing.checkout({ passType: 'day' }), 'NOT_FOUND');
    await setMode('learner-pays');
  });

  it('returnUrl must be on one of the tenant origins', async () => {
    const me = await learner();
    await expect(me.caller.billing.checkout({ passType: 'week', returnUrl: `${ORIGIN_A}/careers/practice` })).resolves.toMatchObject({ provider: 'demo' });
    await expectAppError(me.caller.billing.checkout({ passType: 'week', returnUrl: 'https://evil.example/steal' }), 'VALIDATION_FAILED');
  });

  it("another learner's checkout status is NOT_FOUND", async () => {
    const me = await learner();
    const other = await learner();
    const { checkoutSessionId } = await me.caller.billing.checkout({ passType: 'week' });
    await expectAppError(other.caller.billing.checkoutStatus({ checkoutSessionId }), 'NOT_FOUND');
  });

  it('pass products are validated: one per type, a real currency, a Stripe price id', async () => {
    const { settings } = await admin().settings.get();
    const week = defaultPassProducts()[1]!;
    for (const passProducts of [[week, week], [{ ...week, currency: 'GBP' }], [{ ...week, stripePriceId: 'prod_1' }], [{ ...week, amount: 0 }]]) {
      await expectAppError(admin().settings.update({ settings: { ...settings, passProducts } }), 'VALIDATION_FAILED');
    }
  });

  it('receipts list type, amount, status and dates, and nothing about cards', async () => {
    const me = await learner();
    await me.caller.billing.checkout({ passType: 'week' });
    const [receipt] = await me.caller.billing.purchases();
    expect(Object.keys(receipt ?? {}).sort()).toEqual(['amount', 'createdAt', 'currency', 'id', 'passType', 'provider', 'status', 'updatedAt']);
  });
});

describe('admin passes and seats', () => {
  it('learner-pays: a complimentary grant (source grant), stacked after an active pass', async () => {
    await setMode('learner-pays');
    const me = await learner();
    const first = await admin().passes.grant({ learner: { externalId: me.externalId }, type: 'week' });
    expect(first).toMatchObject({ learnerId: me.id, seatsLeft: null, pass: { type: 'week', source: 'grant' } });
    const second = await admin().passes.grant({ learner: { learnerId: me.id }, type: 'day', days: 2 });
    expect(second.pass.startsAt).toBe(first.pass.expiresAt);
    expect(await me.caller.progress.entitlement()).toMatchObject({ kind: 'pass', pass: { source: 'grant', coveredUntil: second.pass.expiresAt } });
  });

  it('seats: a grant takes a seat; with none left it is CONFLICT', async () => {
    await setMode('seats');
    const me = await learner();
    expect(await admin().seats.balance()).toEqual({ billingMode: 'seats', balance: 0 });
    await expectAppError(admin().passes.grant({ learner: { learnerId: me.id }, type: 'month' }), 'CONFLICT');
    expect(await me.caller.progress.entitlement()).toMatchObject({ kind: 'free' });
    expect(await admin().seats.adjust({ delta: 2 })).toEqual({ balance: 2 });
    const granted = await admin().passes.grant({ learner: { learnerId: me.id }, type: 'month' });
    expect(granted).toMatchObject({ seatsLeft: 1, pass: { source: 'sponsored', type: 'month' } });
    expect(await me.caller.progress.entitlement()).toMatchObject({ kind: 'pass' });
    await expectAppError(admin().seats.adjust({ delta: -2 }), 'CONFLICT');
    await setMode('learner-pays');
  });

  it('revoke ends the pass now; an unknown learner or pass is NOT_FOUND; other tenants cannot see it', async () => {
    const me = await learner();
    const { pass } = await admin().passes.grant({ learner: { learnerId: me.id }, type: 'week' });
    await expectAppError(t.caller({ apiKey: t.b.sk }).admin.passes.revoke({ passId: pass.id }), 'NOT_FOUND');
    await expectAppError(t.caller({ apiKey: t.b.sk }).admin.passes.grant({ learner: { learnerId: me.id }, type: 'week' }), 'NOT_FOUND');
    expect((await admin().passes.revoke({ passId: pass.id })).revokedAt).not.toBeNull();
    expect(await me.caller.progress.entitlement()).toMatchObject({ kind: 'free' });
    await expectAppError(admin().passes.grant({ learner: { externalId: 'never-seen' }, type: 'week' }), 'NOT_FOUND');
    expect((await admin().passes.list({ learner: { learnerId: me.id } })).passes).toHaveLength(1);
  });

  it('seats: revoking a queued seat pass gives its seat back and moves the pass after it up; a running one past its first hour keeps its seat', async () => {
    await setMode('seats');
    const me = await learner();
    const pool = async () => (await admin().seats.balance()).balance;
    const spare = await pool(); // seats earlier tests left in this tenant's pool
    await admin().seats.adjust({ delta: 3 });
    const grant = (type: 'month' | 'week' | 'day') => admin().passes.grant({ learner: { learnerId: me.id }, type });
    const running = (await grant('month')).pass;
    const queued = (await grant('week')).pass;
    const last = (await grant('day')).pass;
    expect(running.seat).toBe('held');
    expect(await pool()).toBe(spare);

    await expectAppError(t.caller({ apiKey: t.b.sk }).admin.passes.revoke({ passId: queued.id }), 'NOT_FOUND');
    expect(await pool()).toBe(spare);

    const revoked = await admin().passes.revoke({ passId: queued.id });
    expect(revoked).toMatchObject({ id: queued.id, seat: 'returned', revokedAt: expect.any(String) });
    expect(await pool()).toBe(spare + 1);
    await admin().passes.revoke({ passId: queued.id });
    expect(await pool()).toBe(spare + 1);
    const listed = (await admin().passes.list({ learner: { learnerId: me.id } })).passes;
    expect(listed.find((p) => p.id === last.id)).toMatchObject({ startsAt: running.expiresAt, seat: 'held' });

    const HOURS_2 = 2 * 3_600_000;
    t.advance(HOURS_2);
    try {
      expect(await admin().passes.revoke({ passId: running.id })).toMatchObject({ seat: 'held' });
      expect(await pool()).toBe(spare + 1);
      const moved = (await admin().passes.list({ learner: { learnerId: me.id } })).passes.find((p) => p.id === last.id);
      expect(Date.parse(moved!.startsAt)).toBeLessThanOrEqual(t.now().getTime());
      const { token } = await admin().learners.createToken({ externalId: me.externalId }); // the first one expired meanwhile
      expect(await t.caller({ apiKey: t.a.pk, bearer: token }).progress.entitlement()).toMatchObject({ kind: 'pass', pass: { type: 'day' } });
    } finally {
      t.advance(-HOURS_2);
    }
    await setMode('learner-pays');
  });

  it('sponsored: a revoked pass took no seat and returns none', async () => {
    await setMode('sponsored');
    const me = await learner();
    const before = (await admin().seats.balance()).balance;
    await admin().passes.grant({ learner: { learnerId: me.id }, type: 'week' });
    const { pass } = await admin().passes.grant({ learner: { learnerId: me.id }, type: 'week' });
    expect(await admin().passes.revoke({ passId: pass.id })).toMatchObject({ seat: null, revokedAt: expect.any(String) });
    expect((await admin().seats.balance()).balance).toBe(before);
    await setMode('learner-pays');
  });

  it('the publishable key cannot grant', async () => {
    const me = await learner();
    await expectAppError(t.caller({ apiKey: t.a.pk }).admin.passes.grant({ learner: { learnerId: me.id }, type: 'week' }), 'FORBIDDEN');
  });
});

/** The next event of a subscription. Typed as `{ id, data }`; a caller yields the envelope `[id, data, marker]`. */
async function nextEvent<T>(iterator: AsyncIterator<{ id: string; data: T } | void>): Promise<{ id: string; data: T }> {
  const result = await iterator.next();
  if (result.done || !result.value) throw new Error('the subscription ended');
  const value = result.value as unknown;
  if (Array.isArray(value)) return { id: value[0] as string, data: value[1] as T };
  return value as { id: string; data: T };
}

describe('billing.passUpdates', () => {
  const subscribe = async (token: string, lastEventId?: string) => {
    const abort = new AbortController();
    const caller = createCallerFactory(appRouter)(createInnerContext(t.deps, { apiKey: t.a.pk, bearer: token }), { signal: abort.signal });
    const iterator = (await caller.billing.passUpdates(lastEventId ? { lastEventId } : undefined))[Symbol.asyncIterator]();
    return {
      iterator,
      async close() {
        abort.abort();
        await iterator.return?.();
      },
    };
  };

  it('sends the entitlement now, and again as soon as a pass is granted (no polling wait)', async () => {
    await setMode('learner-pays');
    const me = await learner();
    const stream = await subscribe(me.token);
    const first = await nextEvent(stream.iterator);
    expect(first.data).toMatchObject({ entitlement: { kind: 'free', billingMode: 'learner-pays' }, passes: { active: null, upcoming: [] } });

    const started = Date.now();
    const { pass } = await admin().passes.grant({ learner: { learnerId: me.id }, type: 'week' });
    const second = await nextEvent(stream.iterator);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(second.data).toMatchObject({ entitlement: { kind: 'pass', coveredUntil: pass.expiresAt }, passes: { active: { id: pass.id } } });
    expect(second.id).not.toBe(first.id);
    await stream.close();

    // Resuming with the last id skips the unchanged snapshot: the next event is a change.
    const resumed = await subscribe(me.token, second.id);
    const pending = nextEvent(resumed.iterator);
    await admin().passes.revoke({ passId: pass.id });
    expect((await pending).data.entitlement.kind).toBe('free');
    await resumed.close();
  });
});
