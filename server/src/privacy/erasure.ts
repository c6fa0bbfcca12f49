/**
 * Erasure (UK GDPR art. 17): the account stops working at once and every record of the learner
 * is deleted in one atomic store write; purchases are kept for the 7 years financial rules ask,
 * with the learner id replaced by a random reference nothing else can be traced from.
 *
 * What stays behind for a while, and why:
 * - a `LearnerErasure` record. Its `subjectHash` (keyed hash of tenant + external id, never the
 *   id itself) lets sign-in refuse tokens issued before the erasure, so an old token cannot start
 *   a new account with the same external id; it is deleted once every such token has expired.
 *   Its `learnerId` lets the purge (`runPurge`) sweep rows that requests in flight wrote after
 *   the erasure; the purge drops it within `purgeAfterDays` (never more than 30).
 * - the audit entry of the erasure, under the reference, with who asked and why.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Analytics } from '../observability/analytics.js';
import { newId } from '../store/ids.js';
import type { Learner, PrivacyActor } from '../store/records.js';
import type { TenantStore } from '../store/store.js';
import { MAX_PURGE_DAYS } from './settings.js';

export const erasureReasons = ['learner-request', 'admin-request', 'under-age', 'retention'] as const;
export type ErasureReason = (typeof erasureReasons)[number];

const DAY_MS = 86_400_000;
/**
 * The purge is due this long before the promised date, so an hourly job that runs late still
 * completes the erasure in time (half the window when the window is shorter than two days).
 */
const PURGE_MARGIN_MS = DAY_MS;
/** How long a deletion confirmation token stays valid. */
export const DELETION_CONFIRMATION_TTL_MS = 5 * 60_000;

export interface ErasureOptions {
  clock: () => Date;
  /** Days after which the purge completes an erasure (1 to 30). */
  purgeAfterDays: number;
  /** The longest lifetime of any learner or guest token this server signs, in seconds. */
  maxTokenLifetimeSeconds: number;
  /** Secret for the subject hash and for deletion confirmation tokens. */
  secret: string;
  analytics: Pick<Analytics, 'deletePerson'>;
  logger: { warn(details: object, message: string): void };
}

export interface ErasureOutcome {
  erasedAt: string;
  /** When the purge will have removed the last trace (the learner id) from the store. */
  purgeBy: string;
}

export interface Erasure {
  /** Erases the learner now (see the file header). */
  erase(tenantStore: TenantStore, learner: Learner, actor: PrivacyActor, reason: ErasureReason): Promise<ErasureOutcome>;
  /**
   * True when an account with this external id was erased at or after `issuedAt` (a token's
   * `iat`): such a token must not sign in. Null `issuedAt` (unknown) counts as before.
   */
  erasedSince(tenantStore: TenantStore, externalId: string, issuedAt: Date | null): Promise<boolean>;
  /** A short-lived token the learner sends back to `privacy.deleteAccount` to confirm. */
  confirmationToken(learner: Learner): { token: string; expiresAt: string };
  /** Throws VALIDATION_FAILED unless `token` confirms deleting exactly this learner, now. */
  checkConfirmation(learner: Learner, token: string): void;
  readonly purgeAfterDays: number;
}

export function createErasure(options: ErasureOptions): Erasure {
  if (!Number.isInteger(options.purgeAfterDays) || options.purgeAfterDays < 1 || options.purgeAfterDays > MAX_PURGE_DAYS) {
    throw new Error(`purgeAfterDays must be 1 to ${MAX_PURGE_DAYS}`);
  }
  const subjectKey = createHmac('sha256', options.secret).update('interview-studio/erased-subject').digest();
  const confirmKey = createHmac('sha256', options.secret).update('interview-studio/deletion-confirmation').digest();

  const subjectHash = (tenantId: string, externalId: string) =>
    createHmac('sha256', subjectKey).update(`${tenantId}\u0000${externalId}`).digest('hex');
  const confirmationMac = (learner: Learner, expires: number) =>
    createHmac('sha256', confirmKey).update(`${learner.tenantId}\u0000${learner.id}\u0000${expires}`).digest('base64url');

  return {
    purgeAfterDays: options.purgeAfterDays,

    async erase(tenantStore, learner, actor, reason) {
      const now = options.clock().getTime();
      const promised = now + options.purgeAfterDays * DAY_MS;
      const purgeDueAt = promised - Math.min(PURGE_MARGIN_MS, (options.purgeAfterDays * DAY_MS) / 2);
      const forgetAt = Math.max(purgeDueAt, now + options.maxTokenLifetimeSeconds * 1000);
      const { erasure } = await tenantStore.privacy.erase(learner.id, {
        subjectHash: subjectHash(learner.tenantId, learner.externalId),
        reference: newId('erased'),
        purgeDueAt: new Date(purgeDueAt).toISOString(),
        forgetAt: new Date(forgetAt).toISOString(),
        audit: { actor, details: { reason } },
      });
      // Analytics holds only a keyed hash of the learner id; the purge asks again in case this fails.
      try {
        await options.analytics.deletePerson(learner.tenantId, learner.id);
      } catch (error) {
        options.logger.warn({ err: error, erasureId: erasure.id }, 'could not delete the analytics person yet; the purge retries');
      }
      return { erasedAt: erasure.erasedAt, purgeBy: new Date(promised).toISOString() };
    },

    async erasedSince(tenantStore, externalId, issuedAt) {
      const erasure = await tenantStore.privacy.findErasure(subjectHash(tenantStore.tenantId, externalId));
      if (!erasure) return false;
      if (issuedAt === null) return true;
      // `iat` has whole seconds: a token from the second of the erasure counts as older.
      return Math.floor(issuedAt.getTime() / 1000) <= Math.floor(Date.parse(erasure.erasedAt) / 1000);
    },

    confirmationToken(learner) {
      const expires = options.clock().getTime() + DELETION_CONFIRMATION_TTL_MS;
      return { token: `${expires}.${confirmationMac(learner, expires)}`, expiresAt: new Date(expires).toISOString() };
    },

    checkConfirmation(learner, token) {
      const [expiresText, mac] = token.split('.');
      const expires = Number(expiresText);
      const expected = Number.isSafeInteger(expires) ? Buffer.from(confirmationMac(learner, expires)) : null;
      const given = Buffer.from(mac ?? '');
      const valid = expected !== null && expected.length === given.length && timingSafeEqual(expected, given);
      if (!valid) throw new AppError('VALIDATION_FAILED', 'The deletion confirmation is not valid. Ask for a new one.');
      if (expires <= options.clock().getTime()) {
        throw new AppError('VALIDATION_FAILED', 'The deletion confirmation has expired. Ask for a new one.');
      }
    },
  };
}
