import { describe, expect, it } from 'vitest';
import type { PurchaseStatus } from '../store/records.js';
import { settledStatus } from './purchase-status.js';

describe('settledStatus: a purchase only moves up, never back', () => {
  it.each<[string, PurchaseStatus, PurchaseStatus, PurchaseStatus]>([
    ['an expiry ends a pending checkout', 'pending', 'expired', 'expired'],
    ['an expiry never downgrades paid', 'paid', 'expired', 'paid'],
    ['an expiry never downgrades refunded', 'refunded', 'expired', 'refunded'],
    ['an expiry never downgrades failed', 'failed', 'expired', 'failed'],
    ['a late "pending" does not reopen an expired checkout', 'expired', 'pending', 'expired'],
    ['money taken after an expiry is honoured', 'expired', 'paid', 'paid'],
    ['a failure is not undone by pending', 'failed', 'pending', 'failed'],
    ['paid is never undone by failed', 'paid', 'failed', 'paid'],
    ['a refund is final', 'refunded', 'paid', 'refunded'],
    ['a refund wins over paid', 'paid', 'refunded', 'refunded'],
  ])('%s', (_name, current, incoming, expected) => {
    expect(settledStatus(current, incoming)).toBe(expected);
  });
});
