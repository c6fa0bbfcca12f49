/**
 * Two budgets per minute for the API: one per API key, one per learner. Both are checked on
 * every request, in that order; the first one exhausted answers RATE_LIMITED with Retry-After
 * (and the learner's budget is not charged for a call the key's budget refused). Counters live
 * in process memory: behind a load balancer each instance counts its own share.
 *
 * A bucket's window starts with its first request and lasts a minute, as @fastify/rate-limit's
 * local store counts. This file counts itself, synchronously, because the check runs before
 * every API call: the plugin's promise-based hook cost more than the rest of a cached read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { hashApiKey } from '../identity/api-keys.js';
import { peekClaims, type LearnerTokenSigner } from '../identity/learner-token.js';
import { bearerFrom } from '../trpc/context.js';

const WINDOW_MS = 60_000;
/** Buckets remembered per budget; past it the one whose window started longest ago goes first. */
const DEFAULT_CAPACITY = 10_000;

export interface WindowCounterOptions {
  max: number;
  windowMs: number;
  capacity?: number;
  now?: () => number;
}

export interface WindowCounter {
  /** Counts one request in `bucket`: 0 while it is within budget, else the seconds to wait. */
  hit(bucket: string): number;
}

export function createWindowCounter(options: WindowCounterOptions): WindowCounter {
  const { max, windowMs } = options;
  const capacity = options.capacity ?? DEFAULT_CAPACITY;
  const now = options.now ?? Date.now;
  // Map order is the order windows started in: a bucket moves to the end when its window
  // restarts, so past `capacity` the bucket whose window started longest ago goes first.
  const windows = new Map<string, { count: number; startedAt: number }>();
  return {
    hit(bucket) {
      const at = now();
      let window = windows.get(bucket);
      if (!window || at - window.startedAt >= windowMs) {
        if (window) windows.delete(bucket);
        else if (windows.size >= capacity) windows.delete(windows.keys().next().value as string);
        window = { count: 0, startedAt: at };
        windows.set(bucket, window);
      }
      window.count++;
      return window.count > max ? Math.ceil((window.startedAt + windowMs - at) / 1000) : 0;
    },
  };
}

/** Keyed by the hash: the key itself never sits in memory maps or logs. */
function keyBucket(request: FastifyRequest): string {
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key.length > 0 ? `key:${hashApiKey(key)}` : `ip:${request.ip}`;
}

/**
 * The token's audience and subject, read without verifying: it only picks a bucket. A token that
 * verified before is not decoded again; its bucket is the same (tenant id is the audience,
 * external id the subject).
 */
function learnerBucket(request: FastifyRequest, tokens: KnownSubjects): string {
  const header = request.headers.authorization;
  const bearer = bearerFrom(typeof header === 'string' ? header : null);
  const known = bearer ? tokens.knownSubject(bearer) : null;
  if (known) return `learner:${known.tenantId}:${known.externalId}`;
  const claims = bearer ? peekClaims(bearer) : null;
  if (!claims || typeof claims.iss !== 'string') return `anon:${request.ip}`;
  return `learner:${String(claims.aud)}:${String(claims.sub)}`;
}

type KnownSubjects = Pick<LearnerTokenSigner, 'knownSubject'>;

export function registerRateLimits(
  api: FastifyInstance,
  limits: { perKeyPerMinute: number; perLearnerPerMinute: number },
  tokens: KnownSubjects,
): void {
  const perKey = createWindowCounter({ max: limits.perKeyPerMinute, windowMs: WINDOW_MS });
  const perLearner = createWindowCounter({ max: limits.perLearnerPerMinute, windowMs: WINDOW_MS });
  api.addHook('onRequest', (request, reply, done) => {
    if (request.method === 'OPTIONS') return done();
    const retryAfter = perKey.hit(keyBucket(request)) || perLearner.hit(learnerBucket(request, tokens));
    if (retryAfter === 0) return done();
    reply.header('retry-after', String(retryAfter));
    done(new AppError('RATE_LIMITED'));
  });
}
