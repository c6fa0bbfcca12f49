/**
 * The stacking rule: a pass bought or granted while another is active (or already queued)
 * starts when the last of them ends, so a learner never loses paid days to an overlap. Pure, so
 * every store adapter applies exactly the same rule inside its atomic write.
 */
import type { IsoTime, Pass } from '../store/records.js';

export const DAY_MS = 86_400_000;

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
