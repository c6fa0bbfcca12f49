/**
 * Periodic jobs for a fleet of identical instances. Before a run, an instance takes the job's
 * lease in the store (`job:<name>`); while the run lasts it renews the lease, and if a renewal
 * fails (another instance took over after this one stalled) the run's signal aborts. After a
 * run the instance keeps the lease until the job is next due, so the job runs about once per
 * interval across the fleet, and an instance that dies only delays it until its lease expires.
 *
 * Jobs are registered by whoever owns them (billing registers reminders and outbox delivery;
 * privacy its purge) through `register`. Timers only start with `start()` (the app calls it when
 * it listens); tests drive `tick()` or `runNow()` instead.
 */
import { randomUUID } from 'node:crypto';
import type { AppLogger } from '../logger.js';
import type { Store } from '../store/store.js';

export interface JobContext {
  /** Aborted when the lease is lost or the scheduler stops: finish the current item and return. */
  signal: AbortSignal;
  now(): Date;
  logger: AppLogger;
}

export interface Job {
  /** Unique; the lease is named after it. */
  name: string;
  intervalMs: number;
  /** How long a run holds the lease between renewals (renewed every third of it). Default 60 s. */
  leaseMs?: number;
  run(context: JobContext): Promise<void>;
}

export interface Scheduler {
  /** This instance's lease holder id. */
  readonly holder: string;
  register(job: Job): void;
  jobs(): readonly Job[];
  /** Runs every due job (in parallel) whose lease this instance can take; resolves with the names that ran. */
  tick(): Promise<string[]>;
  /** Runs one job now if its lease can be taken, due or not; false when another instance holds it. */
  runNow(name: string): Promise<boolean>;
  start(): void;
  /** Stops the timer, aborts and awaits running jobs, and releases this instance's leases. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  store: Store;
  clock: () => Date;
  logger: AppLogger;
  holder?: string;
  /** How often `start()` checks for due jobs. Default 1 s. */
  tickMs?: number;
}

export const DEFAULT_LEASE_MS = 60_000;
export const leaseName = (job: string) => `job:${job}`;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, clock, logger } = options;
  const holder = options.holder ?? `${process.pid}-${randomUUID()}`;
  const registered = new Map<string, Job>();
  const nextDue = new Map<string, number>();
  const running = new Map<string, { promise: Promise<boolean>; abort: AbortController }>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function execute(job: Job, abort: AbortController): Promise<boolean> {
    const leaseMs = job.leaseMs ?? DEFAULT_LEASE_MS;
    const name = leaseName(job.name);
    if (!(await store.acquireLease(name, holder, leaseMs))) return false;

    const heartbeat = setInterval(() => {
      store.acquireLease(name, holder, leaseMs).then(
        (kept) => {
          if (!kept) abort.abort(new Error(`lease ${name} was lost`));
        },
        (error: unknown) => logger.warn({ err: error, job: job.name }, 'could not renew job lease'),
      );
    }, Math.max(10, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    const started = clock().getTime();
    try {
      await job.run({ signal: abort.signal, now: clock, logger: logger.child({ job: job.name }) });
    } catch (error) {
      logger.error({ err: error, job: job.name }, 'job failed');
    } finally {
      clearInterval(heartbeat);
      nextDue.set(job.name, started + job.intervalMs);
      // Keep the lease until the next turn, so the fleet runs it once per interval.
      if (!stopped && !abort.signal.aborted) {
        const remaining = started + job.intervalMs - clock().getTime();
        await store.acquireLease(name, holder, Math.max(remaining, 1)).catch(() => false);
      }
    }
    return true;
  }

  /** At most one run per job in this process, whatever calls it; the lease covers other processes. */
  function launch(job: Job): Promise<boolean> {
    const current = running.get(job.name);
    if (current) return current.promise.then(() => false);
    const abort = new AbortController();
    const promise = execute(job, abort).finally(() => running.delete(job.name));
    running.set(job.name, { abort, promise });
    return promise;
  }

  async function tick(): Promise<string[]> {
    const now = clock().getTime();
    const due = [...registered.values()].filter((job) => (nextDue.get(job.name) ?? 0) <= now && !running.has(job.name));
    const outcomes = await Promise.all(
      due.map(async (job) => {
        try {
          const ran = await launch(job);
          // Not ours this turn: look again in a while rather than on every tick.
          if (!ran) nextDue.set(job.name, clock().getTime() + Math.min(job.intervalMs, job.leaseMs ?? DEFAULT_LEASE_MS) / 2);
          return ran ? job.name : null;
        } catch (error) {
          logger.warn({ err: error, job: job.name }, 'could not take job lease');
          return null;
        }
      }),
    );
    return outcomes.filter((name): name is string => name !== null);
  }

  return {
    holder,
    register(job) {
      if (registered.has(job.name)) throw new Error(`A job named "${job.name}" is already registered.`);
      if (!(job.intervalMs > 0)) throw new Error(`Job "${job.name}" needs a positive interval.`);
      registered.set(job.name, job);
    },
    jobs: () => [...registered.values()],
    tick,
    async runNow(name) {
      const job = registered.get(name);
      if (!job) throw new Error(`No job named "${name}".`);
      return launch(job);
    },
    start() {
      if (timer || stopped) return;
      timer = setInterval(() => void tick(), options.tickMs ?? 1000);
      timer.unref();
      void tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      const inFlight = [...running.values()];
      for (const entry of inFlight) entry.abort.abort(new Error('scheduler stopping'));
      await Promise.allSettled(inFlight.map((entry) => entry.promise));
      await Promise.allSettled([...registered.keys()].map((name) => store.releaseLease(leaseName(name), holder)));
    },
  };
}
