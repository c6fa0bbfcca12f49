/** What clients see of passes and purchases: no tenant ids, and receipts without any card data. */
import type { Pass, Purchase } from '../store/records.js';
import { coveredUntil } from './pass-window.js';

export function passView(pass: Pass) {
  const { id, type, source, startsAt, expiresAt, revokedAt } = pass;
  return { id, type, source, startsAt, expiresAt, revokedAt };
}

/** What a tenant admin sees of a pass: also the seat it holds or gave back (seats billing mode). */
export function adminPassView(pass: Pass) {
  return { ...passView(pass), seat: pass.seat };
}

export function purchaseView(purchase: Purchase) {
  const { id, passType, amount, currency, provider, status, createdAt, updatedAt } = purchase;
  return { id, passType, amount, currency, provider, status, createdAt, updatedAt };
}

/** A learner's passes split by time: the active one, those queued after it, and past or revoked ones. */
export function passesView(passes: readonly Pass[], now: Date) {
  const t = now.getTime();
  const live = passes.filter((p) => p.revokedAt === null);
  const active = live.find((p) => Date.parse(p.startsAt) <= t && t < Date.parse(p.expiresAt)) ?? null;
  return {
    active: active ? passView(active) : null,
    upcoming: live.filter((p) => Date.parse(p.startsAt) > t).sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map(passView),
    past: passes.filter((p) => p.revokedAt !== null || Date.parse(p.expiresAt) <= t).slice(0, 20).map(passView),
    coveredUntil: coveredUntil(passes, now),
  };
}
