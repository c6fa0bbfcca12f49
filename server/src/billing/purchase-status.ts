/**
 * Which purchase status wins when a provider's events disagree or arrive out of order. Pure, so
 * both store adapters settle a purchase the same way inside their atomic write.
 *
 * pending < expired < failed < paid < refunded: a refund is final; paid is never undone by a
 * failure or an expiry; an expiry only ends a checkout that was still pending (Stripe expires
 * only sessions that never completed, so `failed` and `expired` never really meet, and money
 * taken after an expiry is still honoured).
 */
import type { PurchaseStatus } from '../store/records.js';

export const PURCHASE_STATUS_RANK: Readonly<Record<PurchaseStatus, number>> = {
  pending: 0,
  expired: 1,
  failed: 2,
  paid: 3,
  refunded: 4,
};

/** The status a purchase in `current` has after an event saying `incoming`. */
export function settledStatus(current: PurchaseStatus, incoming: PurchaseStatus): PurchaseStatus {
  return PURCHASE_STATUS_RANK[incoming] > PURCHASE_STATUS_RANK[current] ? incoming : current;
}
