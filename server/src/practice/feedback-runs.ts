/**
 * One feedback generation per answer at a time, shared by every subscriber. A learner whose
 * connection drops and comes back joins the run in progress and replays what it missed; when
 * the last subscriber leaves before the end, the run is aborted, so nothing keeps running (or,
 * with a model provider, billing) for nobody.
 */
import type { FeedbackEvent } from '../coach/coach.js';

interface Run {
  log: FeedbackEvent[];
  finished: boolean;
  error: unknown;
  subscribers: number;
  controller: AbortController;
  wake: Set<() => void>;
}

export type FeedbackProducer = (signal: AbortSignal) => AsyncIterable<FeedbackEvent>;

export function createFeedbackRuns() {
  const runs = new Map<string, Run>();

  function start(key: string, produce: FeedbackProducer): Run {
    const run: Run = { log: [], finished: false, error: null, subscribers: 0, controller: new AbortController(), wake: new Set() };
    runs.set(key, run);
    const notify = () => {
      for (const w of run.wake) w();
      run.wake.clear();
    };
    void (async () => {
      try {
        for await (const event of produce(run.controller.signal)) {
          run.log.push(event);
          notify();
        }
      } catch (error) {
        run.error = error;
      } finally {
        run.finished = true;
        runs.delete(key);
        notify();
      }
    })();
    return run;
  }

  return {
    /**
     * Events of the run for `key` (starting one with `produce` if none is going), from the
     * first, as they come. Ends after the run's last event; rethrows the run's error.
     */
    async *follow(key: string, produce: FeedbackProducer, signal: AbortSignal): AsyncGenerator<FeedbackEvent> {
      const run = runs.get(key) ?? start(key, produce);
      run.subscribers++;
      const onAbort = () => {
        for (const w of run.wake) w();
      };
      signal.addEventListener('abort', onAbort);
      try {
        let index = 0;
        while (!signal.aborted) {
          if (index < run.log.length) {
            yield run.log[index++]!;
            continue;
          }
          if (run.finished) {
            if (run.error) throw run.error;
            return;
          }
          await new Promise<void>((resolve) => run.wake.add(resolve));
        }
      } finally {
        signal.removeEventListener('abort', onAbort);
        run.subscribers--;
        if (run.subscribers === 0 && !run.finished) run.controller.abort(new Error('every subscriber left'));
      }
    },
    /** Runs in progress (for tests and shutdown). */
    get size(): number {
      return runs.size;
    },
  };
}

export type FeedbackRuns = ReturnType<typeof createFeedbackRuns>;
