import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import type { TenantStore } from '../store.js';
import type { Learner } from '../records.js';
import {
  createLearner,
  createTenant,
  draftContent,
  newAnswer,
  newApiKey,
  newEmail,
  newPurchase,
  newSession,
  type ContractHarness,
} from './harness.js';

/** Starts `count` calls together and sorts out how each settled. */
async function together<T>(count: number, call: (index: number) => Promise<T>) {
  const results = await Promise.allSettled(Array.from({ length: count }, (_, index) => call(index)));
  const fulfilled = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const rejected = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  return { fulfilled, rejected, codes: rejected.map((error) => (isAppError(error) ? error.code : error)) };
}

export function describeConcurrency(h: ContractHarness): void {
  let tenant: TenantStore;
  let learner: Learner;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
    learner = await createLearner(tenant);
  });

  it('50 concurrent usage increments sum exactly', async () => {
    const { rejected } = await together(50, () => tenant.usage.increment('tenant', '2030-01', { feedback: 1, tokens: 7 }));
    expect(rejected).toEqual([]);
    expect((await tenant.usage.get('tenant', '2030-01')).counters).toEqual({ feedback: 50, tokens: 350 });
  });

  it('20 concurrent deliveries of one webhook event: exactly one is new', async () => {
    const { fulfilled } = await together(20, () =>
      h.store.recordWebhookEvent({ id: 'evt_race', provider: 'stripe', type: 't', tenantId: null }),
    );
    expect(fulfilled.filter((isNew) => isNew)).toHaveLength(1);
    expect(fulfilled).toHaveLength(20);
  });

  it('10 concurrent STAR saves from the same revision: exactly one wins, the rest are CONFLICT', async () => {
    const draft = await tenant.starDrafts.save({ id: null, learnerId: learner.id, expectedRevision: 0, content: draftContent() });
    const { fulfilled, codes } = await together(10, (index) =>
      tenant.starDrafts.save({ id: draft.id, learnerId: learner.id, expectedRevision: 1, content: draftContent(`Edit ${index}`) }),
    );
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
    const stored = await tenant.starDrafts.get(draft.id);
    expect(stored).toEqual(fulfilled[0]);
    expect(stored?.revision).toBe(2);
  });

  it('20 concurrent answers to one question get attempts 1..20, each once', async () => {
    const session = await tenant.sessions.create(newSession(learner.id));
    const { fulfilled, rejected } = await together(20, () => tenant.answers.create(newAnswer(learner.id, session.id, 'q1')));
    expect(rejected).toEqual([]);
    expect(fulfilled.map((answer) => answer.attempt).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });

  it('concurrent lease acquisition by different holders: exactly one wins and holds it', async () => {
    const { fulfilled } = await together(10, (index) => h.store.acquireLease('nightly', `worker-${index}`, 60_000));
    expect(fulfilled.filter((won) => won)).toHaveLength(1);
    const winner = `worker-${fulfilled.indexOf(true)}`;
    expect((await h.store.getLease('nightly'))?.holder).toBe(winner);
  });

  it('10 concurrent first sights of one external id make one learner', async () => {
    const { fulfilled, rejected } = await together(10, () => tenant.learners.upsertByExternalId({ externalId: 'race' }));
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((found) => found.id)).size).toBe(1);
  });

  it('10 concurrent enqueues with one dedupe key queue one e-mail', async () => {
    const { fulfilled, rejected } = await together(10, () => tenant.outbox.enqueue(newEmail('receipt:race')));
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((email) => email.id)).size).toBe(1);
    expect((await tenant.outbox.list({ limit: 100 })).items).toHaveLength(1);
  });

  it('10 concurrent completions of one session: exactly one succeeds, the rest are CONFLICT', async () => {
    const session = await tenant.sessions.create(newSession(learner.id));
    const { fulfilled, codes } = await together(10, () => tenant.sessions.complete(session.id, null));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
  });

  it('10 concurrent keys with one hash: exactly one is created, the rest are CONFLICT', async () => {
    const { fulfilled, codes } = await together(10, () => tenant.apiKeys.create(newApiKey('hash-race')));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
    expect(await tenant.apiKeys.list()).toHaveLength(1);
  });

  it('10 concurrent purchases with one checkout session: exactly one is created, the rest are CONFLICT', async () => {
    const { fulfilled, codes } = await together(10, () => tenant.purchases.create(newPurchase(learner.id, 'cs_race')));
    expect(fulfilled).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('CONFLICT'));
  });
}
