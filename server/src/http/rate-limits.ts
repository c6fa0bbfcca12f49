/**
 * Two budgets per minute for the API: one per API key, one per learner. Both are checked on
 * every request (`createRateLimit` is @fastify/rate-limit's documented hook for tRPC); the
 * first one exhausted answers RATE_LIMITED with Retry-After. Counters live in process memory:
 * behind a load balancer each instance counts its own share.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { hashApiKey } from '../identity/api-keys.js';
import { peekClaims } from '../identity/learner-token.js';
import { bearerFrom } from '../trpc/context.js';

const WINDOW_MS = 60_000;

/** Keyed by the hash: the key itself never sits in memory maps or logs. */
function keyBucket(request: FastifyRequest): string {
  const key = request.headers['x-api-key'];
  return typeof key === 'string' && key.length > 0 ? `key:${hashApiKey(key)}` : `ip:${request.ip}`;
}

/** The token's audience and subject, read without verifying: it only picks a bucket. */
function learnerBucket(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const bearer = bearerFrom(typeof header === 'string' ? header : null);
  const claims = bearer ? peekClaims(bearer) : null;
  if (!claims || typeof claims.iss !== 'string') return `anon:${request.ip}`;
  return `learner:${String(claims.aud)}:${String(claims.sub)}`;
}

export async function registerRateLimits(
  api: FastifyInstance,
  limits: { perKeyPerMinute: number; perLearnerPerMinute: number },
): Promise<void> {
  await api.register(rateLimit, { global: false, timeWindow: WINDOW_MS });
  const checks = [
    api.createRateLimit({ max: limits.perKeyPerMinute, keyGenerator: keyBucket }),
    api.createRateLimit({ max: limits.perLearnerPerMinute, keyGenerator: learnerBucket }),
  ];
  api.addHook('onRequest', async (request, reply) => {
    if (request.method === 'OPTIONS') return;
    for (const check of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(limit.ttlInSeconds));
        throw new AppError('RATE_LIMITED');
      }
    }
  });
}
