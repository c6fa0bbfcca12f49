import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantStore } from '../store.js';
import type { Learner } from '../records.js';
import { createLearner, createTenant, expectAppError, newPass, newPurchase, type ContractHarness } from './harness.js';

export function describeBilling(h: ContractHarness): void {
  let tenant: TenantStore;
  let learner: Learner;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
    learner = await createLearner(tenant);
  });

  describe('passes', () => {
    it('creates a pass with a pas_ id, not revoked and not yet reminded', async () => {
      const input = newPass(learner.id);
      const pass = await tenant.passes.create(input);
      expect(pass).toEqual({
        ...input,
        id: expect.stringMatching(/^pas_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        revokedAt: null,
        reminderSentAt: null,
        seat: null,
        createdAt: h.clock.iso(),
      });
      expect(await tenant.passes.get(pass.id)).toEqual(pass);
    });

    it('keeps the purchase a pass came from', async () => {
      const purchase = await tenant.purchases.create(newPurchase(learner.id));
      const pass = await tenant.passes.create({ ...newPass(learner.id), source: 'purchase', purchaseId: purchase.id });
      expect((await tenant.passes.get(pass.id))?.purchaseId).toBe(purchase.id);
    });

    it('get of an unknown id is null', async () => {
      expect(await tenant.passes.get('pas_missing')).toBeNull();
    });

    it('listForLearner returns only that learner passes, newest first', async () => {
      const other = await createLearner(tenant);
      const first = await tenant.passes.create(newPass(learner.id));
      await tenant.passes.create(newPass(other.id));
      h.clock.advance(1000);
      const second = await tenant.passes.create({ ...newPass(learner.id), type: 'day' });
      expect(await tenant.passes.listForLearner(learner.id)).toEqual([second, first]);
    });

    it('revoke sets revokedAt, and revoking again keeps the first time', async () => {
      const pass = await tenant.passes.create(newPass(learner.id));
      const revokedAt = h.clock.iso();
      expect(await tenant.passes.revoke(pass.id)).toEqual({ ...pass, revokedAt });
      h.clock.advance(1000);
      expect((await tenant.passes.revoke(pass.id)).revokedAt).toBe(revokedAt);
      expect((await tenant.passes.get(pass.id))?.revokedAt).toBe(revokedAt);
    });

    it('revoke of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.passes.revoke('pas_missing'), 'NOT_FOUND');
    });
  });

  describe('purchases', () => {
    it('creates a purchase with a pur_ id and no learner reference', async () => {
      const input = newPurchase(learner.id, 'cs_test_1');
      const purchase = await tenant.purchases.create(input);
      expect(purchase).toEqual({
        ...input,
        id: expect.stringMatching(/^pur_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        learnerRef: null,
        paymentRef: null,
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(await tenant.purchases.get(purchase.id)).toEqual(purchase);
      expect(await tenant.purchases.getByCheckoutSession('cs_test_1')).toEqual(purchase);
    });

    it('accepts a purchase without a learner', async () => {
      const purchase = await tenant.purchases.create(newPurchase(null));
      expect((await tenant.purchases.get(purchase.id))?.learnerId).toBeNull();
    });

    it('get and getByCheckoutSession of unknown ids are null', async () => {
      expect(await tenant.purchases.get('pur_missing')).toBeNull();
      expect(await tenant.purchases.getByCheckoutSession('cs_missing')).toBeNull();
    });

    it('a second purchase with the same checkout session id is a CONFLICT, even in another tenant', async () => {
      const first = await tenant.purchases.create(newPurchase(learner.id, 'cs_dup'));
      await expectAppError(tenant.purchases.create(newPurchase(learner.id, 'cs_dup')), 'CONFLICT');
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      await expectAppError(other.purchases.create(newPurchase(null, 'cs_dup')), 'CONFLICT');
      expect(await tenant.purchases.listForLearner(learner.id)).toEqual([first]);
    });

    it('listForLearner returns only that learner purchases, newest first', async () => {
      const other = await createLearner(tenant);
      const first = await tenant.purchases.create(newPurchase(learner.id));
      await tenant.purchases.create(newPurchase(other.id));
      h.clock.advance(1000);
      const second = await tenant.purchases.create(newPurchase(learner.id));
      expect(await tenant.purchases.listForLearner(learner.id)).toEqual([second, first]);
    });

    it('setStatus changes the status and moves updatedAt', async () => {
      const purchase = await tenant.purchases.create(newPurchase(learner.id));
      h.clock.advance(1000);
      const paid = await tenant.purchases.setStatus(purchase.id, 'paid');
      expect(paid).toEqual({ ...purchase, status: 'paid', updatedAt: h.clock.iso() });
      expect(await tenant.purchases.get(purchase.id)).toEqual(paid);
    });

    it('setStatus of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.purchases.setStatus('pur_missing', 'paid'), 'NOT_FOUND');
    });
  });
}
