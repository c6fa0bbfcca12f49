/**
 * "This learner's passes changed", inside one process: fulfilment and grants notify, the
 * `billing.passUpdates` subscription waits. Another instance's change is picked up by the
 * subscription's periodic re-read, so nothing depends on this for correctness, only speed.
 */
export interface PassEvents {
  notify(tenantId: string, learnerId: string): void;
  /** A position to wait from: take it before reading, so a change made meanwhile is not missed. */
  mark(): number;
  /**
   * Resolves at once if the learner changed after `since`, else on the next change, after
   * `timeoutMs`, or when `signal` aborts.
   */
  wait(tenantId: string, learnerId: string, options: { since: number; timeoutMs: number; signal?: AbortSignal }): Promise<void>;
}

/** Remembered last changes; older ones fall back to the subscription's periodic re-read. */
const REMEMBERED_CHANGES = 10_000;

export function createPassEvents(): PassEvents {
  const waiters = new Map<string, Set<() => void>>();
  const changedAt = new Map<string, number>();
  let sequence = 0;
  const key = (tenantId: string, learnerId: string) => `${tenantId}\u0000${learnerId}`;
  return {
    notify(tenantId, learnerId) {
      const k = key(tenantId, learnerId);
      sequence += 1;
      changedAt.delete(k);
      changedAt.set(k, sequence);
      if (changedAt.size > REMEMBERED_CHANGES) changedAt.delete(changedAt.keys().next().value as string);
      const set = waiters.get(k);
      if (!set) return;
      waiters.delete(k);
      for (const wake of set) wake();
    },
    mark: () => sequence,
    wait(tenantId, learnerId, { since, timeoutMs, signal }) {
      const k = key(tenantId, learnerId);
      if ((changedAt.get(k) ?? 0) > since || signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const set = waiters.get(k) ?? new Set<() => void>();
        waiters.set(k, set);
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          set.delete(done);
          if (set.size === 0 && waiters.get(k) === set) waiters.delete(k);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        timer.unref();
        signal?.addEventListener('abort', done, { once: true });
        set.add(done);
      });
    },
  };
}
