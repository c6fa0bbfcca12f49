/**
 * The contract every `Store` adapter passes, unchanged. It speaks only the port: no SQL, no
 * driver. An adapter's test calls it once per configuration:
 *
 *   runStoreContract('sqlite', ({ clock }) => Promise.resolve(createSqliteStore({ file, clock })));
 *
 * Each test gets a fresh, empty store from `makeStore`, built with the suite's controllable
 * clock (the store must take every timestamp from it), so lease expiry and ordering are exact.
 * Persistence across restarts is the adapter's own test.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../store.js';
import { TestClock, type ContractHarness, type StoreContractContext } from './harness.js';
import { describeBilling } from './billing.contract.js';
import { describeBillingFlows } from './billing-flows.contract.js';
import { describeConcurrency } from './concurrency.contract.js';
import { describeGlobalOperations } from './global.contract.js';
import { describeIdentity } from './identity.contract.js';
import { describeTenantIsolation } from './isolation.contract.js';
import { describeOperations } from './operations.contract.js';
import { describePaging } from './paging.contract.js';
import { describePractice } from './practice.contract.js';
import { describePrivacy } from './privacy.contract.js';

export type { StoreContractContext } from './harness.js';

/** Builds an empty store that reads time from `context.clock`. */
export type MakeContractStore = (context: StoreContractContext) => Promise<Store>;

/**
 * Registers the contract suite. `cleanup` runs after each test instead of `store.close()` (for
 * example to drop a database before closing); it must close the store and must accept one
 * that a test has already closed.
 */
export function runStoreContract(
  name: string,
  makeStore: MakeContractStore,
  cleanup?: (store: Store) => Promise<void>,
): void {
  describe(`Store contract: ${name}`, () => {
    let current: { store: Store; clock: TestClock } | null = null;
    const harness: ContractHarness = {
      get store() {
        if (!current) throw new Error('The contract store is only available inside a test.');
        return current.store;
      },
      get clock() {
        if (!current) throw new Error('The contract clock is only available inside a test.');
        return current.clock;
      },
    };

    beforeEach(async () => {
      const clock = new TestClock();
      current = { store: await makeStore({ clock: clock.now }), clock };
    });

    afterEach(async () => {
      const store = current?.store;
      current = null;
      if (!store) return;
      await (cleanup ? cleanup(store) : store.close());
    });

    describe('global operations', () => describeGlobalOperations(harness));
    describe('keys and learners', () => describeIdentity(harness));
    describe('practice', () => describePractice(harness));
    describe('passes and purchases', () => describeBilling(harness));
    describe('payments, grants, seats, reminders and outbox delivery', () => describeBillingFlows(harness));
    describe('outbox and usage', () => describeOperations(harness));
    describe('paging', () => describePaging(harness));
    describe('tenant isolation', () => describeTenantIsolation(harness));
    describe('concurrent writes', () => describeConcurrency(harness));
    describe('privacy', () => describePrivacy(harness));
  });
}
