/**
 * The demo tenant `npm start` seeds: a free tier small enough that the demo reaches the pass
 * offer within a few answers, the 16+ age confirmation, and an upgrade of a demo tenant seeded
 * by an earlier version (once; a free tier someone changed is kept).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { ensureDemoTenant } from './demo-tenant.js';

const URL_A = 'http://localhost:3000';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'is-demo-tenant-'));
  store = createSqliteStore({ file: join(dir, 'demo.sqlite') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('demo tenant', () => {
  it('is created with guests, three feedbacks a month and the age confirmation on', async () => {
    const demo = await ensureDemoTenant(store, dir, URL_A);
    expect(demo.created).toBe(true);
    expect(demo.tenant.settings).toMatchObject({
      guestAccess: true,
      freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 3 },
      minimumAge: 16,
      privacy: { requireAgeConfirmation: true },
      allowedOrigins: [URL_A],
    });
  });

  it('is reused on the next start, adding the new origin and keeping its keys', async () => {
    const first = await ensureDemoTenant(store, dir, URL_A);
    const again = await ensureDemoTenant(store, dir, 'http://127.0.0.1:4000');
    expect(again).toMatchObject({ created: false, publishableKey: first.publishableKey, secretKey: first.secretKey });
    expect(again.tenant.id).toBe(first.tenant.id);
    expect(again.tenant.settings.allowedOrigins).toEqual([URL_A, 'http://127.0.0.1:4000']);
  });

  it('moves a demo tenant seeded by an earlier version to the demo settings, but keeps a changed free tier', async () => {
    const { tenant } = await ensureDemoTenant(store, dir, URL_A);
    const former = { ...tenant.settings, freeTier: { questionSetsPerMonth: 3, feedbackPerMonth: 10 }, privacy: { ...tenant.settings.privacy, requireAgeConfirmation: false } };
    await store.updateTenant(tenant.id, { settings: former });
    const upgraded = await ensureDemoTenant(store, dir, URL_A);
    expect(upgraded.tenant.settings.freeTier).toEqual({ questionSetsPerMonth: 3, feedbackPerMonth: 3 });
    expect(upgraded.tenant.settings.privacy.requireAgeConfirmation).toBe(true);

    const tuned = { ...upgraded.tenant.settings, freeTier: { questionSetsPerMonth: 5, feedbackPerMonth: 50 }, privacy: { ...upgraded.tenant.settings.privacy, requireAgeConfirmation: false } };
    await store.updateTenant(tenant.id, { settings: tuned });
    const kept = await ensureDemoTenant(store, dir, URL_A);
    expect(kept.tenant.settings.freeTier).toEqual({ questionSetsPerMonth: 5, feedbackPerMonth: 50 });
    expect(kept.tenant.settings.privacy.requireAgeConfirmation).toBe(false);
  });
});
