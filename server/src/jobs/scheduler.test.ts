/**
 * Leases make periodic jobs fleet-safe: two schedulers (two "instances", each with its own
 * connection to one SQLite file) never run a job at the same time, run it once per interval
 * between them, take over when the other dies, and stop a run whose lease was lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../mail/testing.js';
import { TestClock } from '../store/contract/harness.js';
import { createSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { createScheduler, leaseName, type Job, type Scheduler } from './scheduler.js';

const dir = mkdtempSync(join(tmpdir(), 'scheduler-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let clock: TestClock;
let stores: Store[];
let schedulers: Scheduler[];

beforeEach(() => {
  clock = new TestClock();
  const file = join(dir, `jobs-${Math.random().toString(36).slice(2)}.db`);
  stores = [createSqliteStore({ file, clock: clock.now }), createSqliteStore({ file, clock: clock.now })];
  schedulers = stores.map((store, i) => createScheduler({ store, clock: clock.now, logger: silentLogger(), holder: `instance-${i}` }));
});
afterEach(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await Promise.all(stores.map((s) => s.close()));
});

async function until(condition: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(5);
  }
}

/** A job that records how many runs overlap and waits `ms` real milliseconds per run. */
function observedJob(ms: () => number, overrides: Partial<Job> = {}) {
  const stats = { active: 0, maxActive: 0, runs: 0, runsBy: new Map<string, number>() };
  const make = (holder: string): Job => ({
    name: 'observed',
    intervalMs: 60_000,
    async run() {
      stats.active += 1;
      stats.runs += 1;
      stats.runsBy.set(holder, (stats.runsBy.get(holder) ?? 0) + 1);
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      await sleep(ms());
      stats.active -= 1;
    },
    ...overrides,
  });
  return { stats, make };
}

describe('scheduler', () => {
  it('two schedulers on one store never run the same job concurrently, and run it once per interval', async () => {
    const { stats, make } = observedJob(() => 2 + Math.floor(Math.random() * 8));
    schedulers.forEach((s) => s.register(make(s.holder)));
    for (let round = 0; round < 25; round++) {
      await Promise.all([schedulers[0]!.tick(), schedulers[1]!.tick(), schedulers[1]!.tick(), schedulers[0]!.tick()]);
      clock.advance(60_000);
    }
    expect(stats.maxActive).toBe(1);
    expect(stats.runs).toBe(25);
  });

  it('runNow from both at once: one runs, the other is refused', async () => {
    const { stats, make } = observedJob(() => 20);
    schedulers.forEach((s) => s.register(make(s.holder)));
    const outcomes = await Promise.all(schedulers.map((s) => s.runNow('observed')));
    expect(outcomes.sort()).toEqual([false, true]);
    expect(stats.maxActive).toBe(1);
  });

  it('an instance that died leaves a lease that expires; then another takes the job over', async () => {
    const { stats, make } = observedJob(() => 1);
    schedulers[1]!.register(make('instance-1'));
    expect(await stores[0]!.acquireLease(leaseName('observed'), 'dead-instance', 60_000)).toBe(true);
    expect(await schedulers[1]!.runNow('observed')).toBe(false);
    clock.advance(60_000);
    expect(await schedulers[1]!.runNow('observed')).toBe(true);
    expect(stats.runs).toBe(1);
  });

  it('a long run renews its lease, so another instance cannot start it meanwhile', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long: Job = { name: 'long', intervalMs: 60_000, leaseMs: 30, run: () => gate };
    schedulers[0]!.register(long);
    schedulers[1]!.register({ ...long, run: async () => expect.fail('the second instance must not run it') });
    const running = schedulers[0]!.runNow('long');
    await sleep(5);
    clock.advance(1_000);
    // By the test clock the first lease has expired; wait for the heartbeat to renew it.
    await until(async () => Date.parse((await stores[1]!.getLease(leaseName('long')))?.expiresAt ?? '') > clock.now().getTime());
    expect(await schedulers[1]!.runNow('long')).toBe(false);
    release();
    expect(await running).toBe(true);
  });

  it('a run whose lease was taken over is told to stop through its signal', async () => {
    let aborted = false;
    schedulers[0]!.register({
      name: 'stoppable',
      intervalMs: 60_000,
      leaseMs: 30,
      run: ({ signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
          setTimeout(resolve, 2_000);
        }),
    });
    const running = schedulers[0]!.runNow('stoppable');
    await sleep(5);
    clock.advance(1_000);
    expect(await stores[1]!.acquireLease(leaseName('stoppable'), 'other-instance', 60_000)).toBe(true);
    await running;
    expect(aborted).toBe(true);
  });

  it('after a run the instance keeps the lease until the next turn; stop() releases it', async () => {
    const { make } = observedJob(() => 1);
    schedulers[0]!.register(make('instance-0'));
    await schedulers[0]!.runNow('observed');
    expect(await stores[1]!.getLease(leaseName('observed'))).toEqual({
      name: 'job:observed',
      holder: 'instance-0',
      expiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    await schedulers[0]!.stop();
    expect(await stores[1]!.getLease(leaseName('observed'))).toBeNull();
  });

  it('a failing job is logged and does not stop the scheduler', async () => {
    let calls = 0;
    schedulers[0]!.register({
      name: 'flaky',
      intervalMs: 1_000,
      run: async () => {
        calls += 1;
        throw new Error('boom');
      },
    });
    expect(await schedulers[0]!.tick()).toEqual(['flaky']);
    clock.advance(1_000);
    expect(await schedulers[0]!.tick()).toEqual(['flaky']);
    expect(calls).toBe(2);
  });

  it('refuses two jobs with one name', () => {
    const job: Job = { name: 'twice', intervalMs: 1, run: async () => {} };
    schedulers[0]!.register(job);
    expect(() => schedulers[0]!.register(job)).toThrow(/already registered/);
  });
});
