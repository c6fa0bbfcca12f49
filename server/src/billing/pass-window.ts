/**
 * The stacking rules. A pass bought or granted while another is active (or already queued)
 * starts when the last of them ends, so a learner never loses paid days to an overlap; and when
 * a pass is revoked, the passes queued behind it move up, so no gap opens that the learner paid
 * for but cannot use. Pure, so every store adapter applies exactly the same rules inside its
 * atomic write.
 */
import type { IsoTime, Pass } from '../store/records.js';

export const DAY_MS = 86_400_000;

/**
 * How long after a seat pass starts revoking it still returns the seat: long enough to undo a
 * grant to the wrong learner, too short to be a free way to lend a seat out.
 */
export const SEAT_RETURN_GRACE_MS = 60 * 60_000;

type PassTimes = Pick<Pass, 'startsAt' | 'expiresAt' | 'revokedAt'>;

/** When a new pass of `days` days for a learner holding `existing` starts and ends. */
export function passWindow(existing: readonly PassTimes[], now: Date, days: number): { startsAt: IsoTime; expiresAt: IsoTime } {
  const start = Math.max(now.getTime(), ...existing.filter((p) => p.revokedAt === null).map((p) => Date.parse(p.expiresAt)));
  return { startsAt: new Date(start).toISOString(), expiresAt: new Date(start + days * DAY_MS).toISOString() };
}

/**
 * The end of the unbroken run of unrevoked passes covering `now` (a queued pass that starts
 * when the active one ends extends it); null when no pass is active.
 */
export function coveredUntil(passes: readonly PassTimes[], now: Date): IsoTime | null {
  const live = passes.filter((p) => p.revokedAt === null).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  let end: number | null = null;
  for (const p of live) {
    const starts = Date.parse(p.startsAt);
    const expires = Date.parse(p.expiresAt);
    if (end === null) {
      if (starts <= now.getTime() && now.getTime() < expires) end = expires;
    } else if (starts <= end) {
      end = Math.max(end, expires);
    }
  }
  return end === null ? null : new Date(end).toISOString();
}

/** A queued pass's new window; it keeps its length. */
export interface PassMove {
  id: string;
  startsAt: IsoTime;
  expiresAt: IsoTime;
}

/**
 * The re-chaining rule, applied in the same write as a revocation at `now`. `passes` are the
 * learner's passes (any; revoked and ended ones are skipped). Every unrevoked pass that has
 * started (`startsAt <= now`) stays as it is. The queued ones (`startsAt > now`), in their
 * order (start, then creation, then id), each start at the later of `now` and the end of the
 * unrevoked passes ahead of them (the started ones and the queued ones already placed), and
 * keep their length. A pass never moves later than it was. Returns only the passes that move.
 *
 * On passes stacked by `passWindow` this is the same as granting the queued passes again, in
 * order, the moment the revoked one disappears: the chain closes up behind a running pass, or
 * starts now when nothing is running.
 */
export function rechainQueued(
  passes: readonly (PassTimes & Pick<Pass, 'id' | 'createdAt'>)[],
  now: Date,
): PassMove[] {
  const t = now.getTime();
  const live = passes.filter((p) => p.revokedAt === null);
  let end = Math.max(t, ...live.filter((p) => Date.parse(p.startsAt) <= t).map((p) => Date.parse(p.expiresAt)));
  const queued = live
    .filter((p) => Date.parse(p.startsAt) > t)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const moves: PassMove[] = [];
  for (const pass of queued) {
    const starts = Date.parse(pass.startsAt);
    const length = Date.parse(pass.expiresAt) - starts;
    const next = Math.min(starts, end);
    if (next !== starts) moves.push({ id: pass.id, startsAt: new Date(next).toISOString(), expiresAt: new Date(next + length).toISOString() });
    end = Math.max(end, next + length);
  }
  return moves;
}

/**
 * Whether revoking `pass` at `now` gives its seat back to the tenant's pool: it took one and
 * still holds it, is not revoked yet, and has not started, or started less than
 * `SEAT_RETURN_GRACE_MS` ago. A seat pass revoked later stays counted: it was used.
 */
export function seatReturnable(pass: Pick<Pass, 'seat' | 'startsAt' | 'revokedAt'>, now: Date): boolean {
  return pass.seat === 'held' && pass.revokedAt === null && now.getTime() < Date.parse(pass.startsAt) + SEAT_RETURN_GRACE_MS;
}

/** The earliest start a seat pass revoked at `now` may have and still return its seat (for a store filter). */
export function seatReturnCutoff(now: Date): IsoTime {
  return new Date(now.getTime() - SEAT_RETURN_GRACE_MS).toISOString();
}
