import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantStore } from '../store.js';
import { createTenant, expectAppError, newApiKey, type ContractHarness } from './harness.js';

export function describeIdentity(h: ContractHarness): void {
  let tenant: TenantStore;
  beforeEach(async () => {
    tenant = h.store.forTenant((await createTenant(h.store)).id);
  });

  describe('apiKeys', () => {
    it('creates a key with a key_ id, never used and not revoked', async () => {
      const key = await tenant.apiKeys.create(newApiKey('h1'));
      expect(key).toEqual({
        id: expect.stringMatching(/^key_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        kind: 'secret',
        prefix: 'sk_test_ab12',
        hash: 'h1',
        label: 'Backend',
        createdAt: h.clock.iso(),
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(await tenant.apiKeys.get(key.id)).toEqual(key);
    });

    it('get of an unknown id is null', async () => {
      expect(await tenant.apiKeys.get('key_missing')).toBeNull();
    });

    it('a second key with the same hash is a CONFLICT, even in another tenant', async () => {
      await tenant.apiKeys.create(newApiKey('same-hash'));
      await expectAppError(tenant.apiKeys.create(newApiKey('same-hash')), 'CONFLICT');
      const other = h.store.forTenant((await createTenant(h.store, 'Other')).id);
      await expectAppError(other.apiKeys.create(newApiKey('same-hash')), 'CONFLICT');
      expect(await tenant.apiKeys.list()).toHaveLength(1);
    });

    it('lists the tenant keys newest first', async () => {
      const first = await tenant.apiKeys.create(newApiKey());
      h.clock.advance(1000);
      const second = await tenant.apiKeys.create({ ...newApiKey(), kind: 'publishable', prefix: 'pk_test_x' });
      expect(await tenant.apiKeys.list()).toEqual([second, first]);
    });

    it('revoke sets revokedAt, and revoking again keeps the first time', async () => {
      const key = await tenant.apiKeys.create(newApiKey());
      const revoked = await tenant.apiKeys.revoke(key.id);
      expect(revoked).toEqual({ ...key, revokedAt: h.clock.iso() });
      const firstRevokedAt = h.clock.iso();
      h.clock.advance(60_000);
      expect((await tenant.apiKeys.revoke(key.id)).revokedAt).toBe(firstRevokedAt);
      expect((await tenant.apiKeys.get(key.id))?.revokedAt).toBe(firstRevokedAt);
    });

    it('revoke of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.apiKeys.revoke('key_missing'), 'NOT_FOUND');
    });

    it('touch records lastUsedAt from the clock', async () => {
      const key = await tenant.apiKeys.create(newApiKey());
      h.clock.advance(2000);
      await tenant.apiKeys.touch(key.id);
      expect((await tenant.apiKeys.get(key.id))?.lastUsedAt).toBe(h.clock.iso());
    });

    it('touch of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.apiKeys.touch('key_missing'), 'NOT_FOUND');
    });
  });

  describe('learners', () => {
    it('upsertByExternalId creates a learner on first sight with the defaults', async () => {
      const learner = await tenant.learners.upsertByExternalId({ externalId: 'student-1' });
      expect(learner).toEqual({
        id: expect.stringMatching(/^lrn_[A-Za-z0-9_-]{24}$/),
        tenantId: tenant.tenantId,
        externalId: 'student-1',
        email: null,
        name: null,
        guest: false,
        locale: null,
        extendedTimeMultiplier: 1,
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
        lastActiveAt: h.clock.iso(),
        restrictedAt: null,
        analyticsOptOutAt: null,
        marketingConsentAt: null,
        ageConfirmedAt: null,
        ageConfirmedMinimum: null,
        profileEditedAt: null,
        retentionReminderAt: null,
      });
      expect(await tenant.learners.get(learner.id)).toEqual(learner);
    });

    it('upsertByExternalId keeps guest, email and name given on creation', async () => {
      const learner = await tenant.learners.upsertByExternalId({
        externalId: 'guest:abc',
        guest: true,
        email: 'g@example.edu',
        name: 'Guest',
      });
      expect(learner).toMatchObject({ guest: true, email: 'g@example.edu', name: 'Guest' });
    });

    it('a repeated upsert returns the same learner and updates only the e-mail and name given', async () => {
      const created = await tenant.learners.upsertByExternalId({ externalId: 's', email: 'a@x.edu', name: 'Ada' });
      h.clock.advance(1000);
      const renamed = await tenant.learners.upsertByExternalId({ externalId: 's', name: 'Ada L.', guest: true });
      expect(renamed).toMatchObject({ id: created.id, email: 'a@x.edu', name: 'Ada L.', guest: false });
      expect(renamed.createdAt).toBe(created.createdAt);

      const unchanged = await tenant.learners.upsertByExternalId({ externalId: 's' });
      expect(unchanged).toMatchObject({ id: created.id, email: 'a@x.edu', name: 'Ada L.' });

      const cleared = await tenant.learners.upsertByExternalId({ externalId: 's', email: null });
      expect(cleared).toMatchObject({ id: created.id, email: null, name: 'Ada L.' });
      expect(await tenant.learners.get(created.id)).toEqual(cleared);
    });

    it('getByExternalId finds the learner; unknown ids are null', async () => {
      const learner = await tenant.learners.upsertByExternalId({ externalId: 'clerk:user_1' });
      expect(await tenant.learners.getByExternalId('clerk:user_1')).toEqual(learner);
      expect(await tenant.learners.getByExternalId('clerk:nobody')).toBeNull();
      expect(await tenant.learners.get('lrn_missing')).toBeNull();
    });

    it('update changes only the fields in the patch and moves updatedAt', async () => {
      const learner = await tenant.learners.upsertByExternalId({ externalId: 's', email: 'a@x.edu', name: 'Ada' });
      h.clock.advance(1000);
      const updated = await tenant.learners.update(learner.id, { locale: 'cy', extendedTimeMultiplier: 1.5 });
      expect(updated).toEqual({ ...learner, locale: 'cy', extendedTimeMultiplier: 1.5, updatedAt: h.clock.iso() });
      const cleared = await tenant.learners.update(learner.id, { name: null, email: 'b@x.edu' });
      expect(cleared).toMatchObject({ name: null, email: 'b@x.edu', locale: 'cy', extendedTimeMultiplier: 1.5 });
      expect(await tenant.learners.get(learner.id)).toEqual(cleared);
    });

    it('update of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.learners.update('lrn_missing', { locale: 'en' }), 'NOT_FOUND');
    });

    it('touchActive sets lastActiveAt from the clock and nothing else', async () => {
      const learner = await tenant.learners.upsertByExternalId({ externalId: 's' });
      h.clock.advance(3000);
      await tenant.learners.touchActive(learner.id);
      expect(await tenant.learners.get(learner.id)).toEqual({ ...learner, lastActiveAt: h.clock.iso() });
    });

    it('touchActive of an unknown id is NOT_FOUND', async () => {
      await expectAppError(tenant.learners.touchActive('lrn_missing'), 'NOT_FOUND');
    });

    it('list returns the learners newest first', async () => {
      const first = await tenant.learners.upsertByExternalId({ externalId: 'a' });
      h.clock.advance(1000);
      const second = await tenant.learners.upsertByExternalId({ externalId: 'b' });
      expect(await tenant.learners.list({ limit: 10 })).toEqual({ items: [second, first], nextCursor: null });
    });
  });
}
