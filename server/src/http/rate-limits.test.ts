/**
 * The per-minute counter behind both API budgets (HTTP behaviour, Retry-After and the two
 * budgets, is pinned in app.test.ts): a window per bucket from its first request, the wait until
 * it ends once over budget, and a bounded number of buckets.
 */
import { describe, expect, it } from 'vitest';
import { createWindowCounter } from './rate-limits.js';

function counter(options: { max: number; capacity?: number }) {
  let now = 1_000_000;
  const windows = createWindowCounter({ windowMs: 60_000, ...options, now: () => now });
  return {
    hit: (bucket: string) => windows.hit(bucket),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('createWindowCounter', () => {
  it('allows max requests per bucket in a window, then answers the seconds left in it', () => {
    const c = counter({ max: 2 });
    expect([c.hit('a'), c.hit('a')]).toEqual([0, 0]);
    expect(c.hit('a')).toBe(60);
    c.advance(59_001);
    expect(c.hit('a')).toBe(1);
  });

  it('counts each bucket on its own', () => {
    const c = counter({ max: 1 });
    expect(c.hit('a')).toBe(0);
    expect(c.hit('b')).toBe(0);
    expect(c.hit('a')).toBeGreaterThan(0);
  });

  it('starts a new window a minute after the first request of the last one', () => {
    const c = counter({ max: 1 });
    c.hit('a');
    c.advance(30_000);
    expect(c.hit('a')).toBe(30);
    c.advance(30_000);
    expect(c.hit('a')).toBe(0);
    expect(c.hit('a')).toBe(60);
  });

  it('keeps at most `capacity` buckets, forgetting the one whose window started longest ago', () => {
    const c = counter({ max: 1, capacity: 2 });
    c.hit('a');
    c.advance(1_000);
    c.hit('b');
    c.hit('c'); // forgets a
    expect(c.hit('b')).toBeGreaterThan(0);
    expect(c.hit('a')).toBe(0);
  });
});
