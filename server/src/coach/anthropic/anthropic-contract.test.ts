/**
 * The Anthropic adapter passes the same contract as the offline coach, against the fake
 * Messages API: alone, and as `selectCoach` composes it for a tenant.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createSqliteStore } from '../../store/sqlite/index.js';
import type { Store } from '../../store/store.js';
import { provisionTenant } from '../../tenancy/provision.js';
import { runCoachContract } from '../contract/coach-contract.js';
import { createOfflineCoach } from '../offline/offline-coach.js';
import { selectCoach } from '../select-coach.js';
import { startFakeMessagesApi, type FakeMessagesApi } from './fake-messages-api.js';
import { adapterOn, testDeployment } from './test-support.js';

let fake: FakeMessagesApi;
let store: Store;
let dir: string;

beforeAll(async () => {
  fake = await startFakeMessagesApi();
  dir = mkdtempSync(join(tmpdir(), 'is-anthropic-contract-'));
  store = createSqliteStore({ file: join(dir, 'test.sqlite') });
});

afterAll(async () => {
  await fake.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

runCoachContract('anthropic', () => adapterOn(testDeployment(fake.url)));

runCoachContract('anthropic (as selectCoach composes it)', async () => {
  const { tenant } = await provisionTenant(store, { name: 'Contract University', allowedOrigins: ['https://careers.contract.example'] });
  return selectCoach(
    { offline: createOfflineCoach(), anthropic: testDeployment(fake.url), secretBox: null, store, clock: () => new Date() },
    tenant,
    { ref: 'learner-ref-contract', names: ['Casey Contract'], locale: 'en-GB', restricted: false },
  );
});
