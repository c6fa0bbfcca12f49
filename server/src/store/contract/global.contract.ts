import { describe, expect, it } from 'vitest';
import { createTenant, expectAppError, newApiKey, tenantSettings, type ContractHarness } from './harness.js';

export function describeGlobalOperations(h: ContractHarness): void {
  describe('tenants', () => {
    it('creates a tenant with a ten_ id, the settings given and both timestamps from the clock', async () => {
      const settings = tenantSettings();
      const tenant = await h.store.createTenant({ name: 'Example University', settings });
      expect(tenant.id).toMatch(/^ten_[A-Za-z0-9_-]{24}$/);
      expect(tenant).toEqual({
        id: tenant.id,
        name: 'Example University',
        settings,
        secrets: { anthropicApiKey: null },
        createdAt: h.clock.iso(),
        updatedAt: h.clock.iso(),
      });
      expect(await h.store.getTenant(tenant.id)).toEqual(tenant);
    });

    it('getTenant of an unknown id is null', async () => {
      expect(await h.store.getTenant('ten_missing')).toBeNull();
    });

    it('lists all tenants newest first', async () => {
      const first = await createTenant(h.store, 'First');
      h.clock.advance(1000);
      const second = await createTenant(h.store, 'Second');
      expect((await h.store.listTenants()).map((t) => t.id)).toEqual([second.id, first.id]);
    });

    it('updateTenant changes only the fields given and moves updatedAt', async () => {
      const tenant = await createTenant(h.store);
      h.clock.advance(5000);
      const renamed = await h.store.updateTenant(tenant.id, { name: 'Renamed' });
      expect(renamed).toEqual({ ...tenant, name: 'Renamed', updatedAt: h.clock.iso() });

      const settings = tenantSettings({ billingMode: 'sponsored', allowedOrigins: [] });
      const resettled = await h.store.updateTenant(tenant.id, { settings });
      expect(resettled.name).toBe('Renamed');
      expect(resettled.settings).toEqual(settings);
      expect(await h.store.getTenant(tenant.id)).toEqual(resettled);
    });

    it('updateTenant of an unknown id is NOT_FOUND', async () => {
      await expectAppError(h.store.updateTenant('ten_missing', { name: 'x' }), 'NOT_FOUND');
    });
  });

  describe('tenant secrets', () => {
    const sealed = { sealed: 'v1.abc123def456.aXY.Y2lwaGVy.dGFn', hint: 'sk-ant-…x7Qa', setAt: '2026-03-01T09:00:00.000Z' };

    it('stores a sealed secret as given, moves updatedAt and keeps name and settings', async () => {
      const tenant = await createTenant(h.store);
      h.clock.advance(5000);
      const updated = await h.store.setTenantSecret(tenant.id, 'anthropicApiKey', sealed);
      expect(updated).toEqual({ ...tenant, secrets: { anthropicApiKey: sealed }, updatedAt: h.clock.iso() });
      expect(await h.store.getTenant(tenant.id)).toEqual(updated);
      expect((await h.store.listTenants()).find((t) => t.id === tenant.id)?.secrets.anthropicApiKey).toEqual(sealed);
    });

    it('null removes the secret', async () => {
      const tenant = await createTenant(h.store);
      await h.store.setTenantSecret(tenant.id, 'anthropicApiKey', sealed);
      const cleared = await h.store.setTenantSecret(tenant.id, 'anthropicApiKey', null);
      expect(cleared.secrets).toEqual({ anthropicApiKey: null });
      expect((await h.store.getTenant(tenant.id))?.secrets).toEqual({ anthropicApiKey: null });
    });

    it('updateTenant leaves secrets alone, and secrets leave the settings alone', async () => {
      const tenant = await createTenant(h.store);
      await h.store.setTenantSecret(tenant.id, 'anthropicApiKey', sealed);
      const settings = tenantSettings({ billingMode: 'sponsored' });
      const updated = await h.store.updateTenant(tenant.id, { name: 'Renamed', settings });
      expect(updated.secrets.anthropicApiKey).toEqual(sealed);
      expect(updated.settings).toEqual(settings);
    });

    it("one tenant's secret is not another's", async () => {
      const a = await createTenant(h.store, 'A');
      const b = await createTenant(h.store, 'B');
      await h.store.setTenantSecret(a.id, 'anthropicApiKey', sealed);
      expect((await h.store.getTenant(b.id))?.secrets.anthropicApiKey).toBeNull();
    });

    it('an unknown tenant is NOT_FOUND and nothing is created', async () => {
      await expectAppError(h.store.setTenantSecret('ten_missing', 'anthropicApiKey', sealed), 'NOT_FOUND');
      expect(await h.store.getTenant('ten_missing')).toBeNull();
    });
  });

  describe('findApiKeyByHash', () => {
    it('finds a key of any tenant by its hash, with its tenant id', async () => {
      const tenant = await createTenant(h.store);
      const key = await h.store.forTenant(tenant.id).apiKeys.create(newApiKey('hash-one'));
      expect(await h.store.findApiKeyByHash('hash-one')).toEqual({ ...key, tenantId: tenant.id });
    });

    it('an unknown hash is null', async () => {
      expect(await h.store.findApiKeyByHash('no-such-hash')).toBeNull();
    });

    it('still returns a revoked key, with revokedAt set, so the caller can refuse it', async () => {
      const tenant = await createTenant(h.store);
      const keys = h.store.forTenant(tenant.id).apiKeys;
      const key = await keys.create(newApiKey('hash-revoked'));
      await keys.revoke(key.id);
      expect((await h.store.findApiKeyByHash('hash-revoked'))?.revokedAt).toBe(h.clock.iso());
    });
  });

  describe('recordWebhookEvent', () => {
    it('is true the first time an event id is seen and false on every redelivery', async () => {
      const event = { id: 'evt_1', provider: 'stripe', type: 'checkout.session.completed', tenantId: null };
      expect(await h.store.recordWebhookEvent(event)).toBe(true);
      expect(await h.store.recordWebhookEvent(event)).toBe(false);
      expect(await h.store.recordWebhookEvent({ ...event, type: 'other' })).toBe(false);
    });

    it('the same event id from another provider is a different event', async () => {
      const tenant = await createTenant(h.store);
      expect(await h.store.recordWebhookEvent({ id: 'evt_2', provider: 'stripe', type: 't', tenantId: tenant.id })).toBe(true);
      expect(await h.store.recordWebhookEvent({ id: 'evt_2', provider: 'demo', type: 't', tenantId: null })).toBe(true);
    });
  });

  describe('job leases', () => {
    it('a free lease is taken, and getLease shows the holder and now + ttl', async () => {
      expect(await h.store.acquireLease('reminders', 'worker-a', 60_000)).toBe(true);
      expect(await h.store.getLease('reminders')).toEqual({
        name: 'reminders',
        holder: 'worker-a',
        expiresAt: new Date(Date.parse(h.clock.iso()) + 60_000).toISOString(),
      });
    });

    it('getLease of an unknown name is null', async () => {
      expect(await h.store.getLease('nothing')).toBeNull();
    });

    it('another holder is refused until the lease expires, and the lease is unchanged', async () => {
      await h.store.acquireLease('reminders', 'worker-a', 60_000);
      const held = await h.store.getLease('reminders');
      h.clock.advance(59_999);
      expect(await h.store.acquireLease('reminders', 'worker-b', 60_000)).toBe(false);
      expect(await h.store.getLease('reminders')).toEqual(held);
    });

    it('the same holder renews its lease until now + ttl', async () => {
      await h.store.acquireLease('reminders', 'worker-a', 60_000);
      h.clock.advance(30_000);
      expect(await h.store.acquireLease('reminders', 'worker-a', 60_000)).toBe(true);
      const renewed = await h.store.getLease('reminders');
      expect(renewed?.expiresAt).toBe(new Date(Date.parse(h.clock.iso()) + 60_000).toISOString());
      h.clock.advance(45_000); // past the first expiry, before the renewed one
      expect(await h.store.acquireLease('reminders', 'worker-b', 60_000)).toBe(false);
    });

    it('an expired lease is taken over by another holder', async () => {
      await h.store.acquireLease('reminders', 'worker-a', 60_000);
      h.clock.advance(60_001);
      expect(await h.store.acquireLease('reminders', 'worker-b', 10_000)).toBe(true);
      expect((await h.store.getLease('reminders'))?.holder).toBe('worker-b');
      expect(await h.store.acquireLease('reminders', 'worker-a', 10_000)).toBe(false);
    });

    it('releaseLease by another holder leaves the lease in place', async () => {
      await h.store.acquireLease('reminders', 'worker-a', 60_000);
      await h.store.releaseLease('reminders', 'worker-b');
      expect((await h.store.getLease('reminders'))?.holder).toBe('worker-a');
      expect(await h.store.acquireLease('reminders', 'worker-b', 60_000)).toBe(false);
    });

    it('releaseLease by the holder frees it at once for another holder', async () => {
      await h.store.acquireLease('reminders', 'worker-a', 60_000);
      await h.store.releaseLease('reminders', 'worker-a');
      expect(await h.store.getLease('reminders')).toBeNull();
      expect(await h.store.acquireLease('reminders', 'worker-b', 60_000)).toBe(true);
    });

    it('releasing a lease nobody holds is a no-op', async () => {
      await expect(h.store.releaseLease('nothing', 'worker-a')).resolves.toBeUndefined();
    });

    it('leases with different names are independent', async () => {
      expect(await h.store.acquireLease('reminders', 'worker-a', 60_000)).toBe(true);
      expect(await h.store.acquireLease('outbox', 'worker-b', 60_000)).toBe(true);
    });
  });

  describe('lifecycle', () => {
    it('names its adapter', () => {
      expect(h.store.kind).toMatch(/^[a-z]+$/);
    });

    it('ping resolves while the store is open', async () => {
      await expect(h.store.ping()).resolves.toBeUndefined();
    });

    it('close can be called twice, and ping rejects after close', async () => {
      await h.store.close();
      await h.store.close();
      await expect(h.store.ping()).rejects.toBeDefined();
    });

    it('forTenant binds the tenant id it was given', async () => {
      const tenant = await createTenant(h.store);
      expect(h.store.forTenant(tenant.id).tenantId).toBe(tenant.id);
    });
  });
}
