import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantStore } from '../store.js';
import { createTenant, expectAppError, newEmail, type ContractHarness } from './harness.js';

export function describeOperations(h: ContractHarness): void {
  let tenant: TenantStore;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
  });

  describe('outbox', () => {
    it('enqueue queues a pending e-mail due now with no attempts', async () => {
      const input = newEmail('receipt:pur_1');
      const email = await tenant.outbox.enqueue(input);
      expect(email).toEqual({
        ...input,
        id: expect.stringMatching(/^eml_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: h.clock.iso(),
        lastError: null,
        createdAt: h.clock.iso(),
        sentAt: null,
      });
    });

    it('a repeated dedupe key returns the e-mail already queued and queues nothing new', async () => {
      const first = await tenant.outbox.enqueue(newEmail('receipt:pur_1'));
      h.clock.advance(1000);
      const repeat = await tenant.outbox.enqueue({ ...newEmail('receipt:pur_1'), subject: 'Different' });
      expect(repeat).toEqual(first);
      expect((await tenant.outbox.list({ limit: 10 })).items).toEqual([first]);
    });

    it('list returns the tenant e-mails newest first', async () => {
      const first = await tenant.outbox.enqueue(newEmail());
      h.clock.advance(1000);
      const second = await tenant.outbox.enqueue(newEmail());
      expect(await tenant.outbox.list({ limit: 10 })).toEqual({ items: [second, first], nextCursor: null });
    });
  });

  describe('usage', () => {
    it('get of a subject and period never counted has no counters', async () => {
      expect(await tenant.usage.get('tenant', '2030-01')).toEqual({ subject: 'tenant', period: '2030-01', counters: {} });
    });

    it('increment adds each delta, creating counters as needed, and returns the totals', async () => {
      expect(await tenant.usage.increment('lrn_1', '2030-01', { questionSets: 1, tokens: 250 })).toEqual({
        subject: 'lrn_1',
        period: '2030-01',
        counters: { questionSets: 1, tokens: 250 },
      });
      const after = await tenant.usage.increment('lrn_1', '2030-01', { tokens: 50, feedback: 1 });
      expect(after.counters).toEqual({ questionSets: 1, tokens: 300, feedback: 1 });
      expect(await tenant.usage.get('lrn_1', '2030-01')).toEqual(after);
    });

    it('keeps each subject and period separate', async () => {
      await tenant.usage.increment('lrn_1', '2030-01', { feedback: 2 });
      await tenant.usage.increment('lrn_1', '2030-02', { feedback: 5 });
      await tenant.usage.increment('lrn_2', '2030-01', { feedback: 7 });
      expect((await tenant.usage.get('lrn_1', '2030-01')).counters).toEqual({ feedback: 2 });
      expect((await tenant.usage.get('lrn_1', '2030-02')).counters).toEqual({ feedback: 5 });
      expect((await tenant.usage.get('lrn_2', '2030-01')).counters).toEqual({ feedback: 7 });
    });

    it('a delta that is not a finite number is VALIDATION_FAILED and counts nothing', async () => {
      await tenant.usage.increment('lrn_1', '2030-01', { feedback: 1 });
      await expectAppError(tenant.usage.increment('lrn_1', '2030-01', { feedback: 1, tokens: Number.NaN }), 'VALIDATION_FAILED');
      expect((await tenant.usage.get('lrn_1', '2030-01')).counters).toEqual({ feedback: 1 });
    });
  });
}
