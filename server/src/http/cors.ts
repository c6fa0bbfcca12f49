/**
 * CORS for browser calls with a publishable key. A preflight carries no key, so it is answered
 * for any origin that some tenant allows; the call itself is then held to its own tenant's
 * origins by `authenticateTenant` (FORBIDDEN_ORIGIN). Unknown origins are refused at preflight.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.js';
import { errorBody } from './error-body.js';

const ALLOWED_HEADERS = 'authorization, content-type, x-api-key, trpc-accept, x-trpc-source, last-event-id';
const CACHE_MS = 15_000;

/** All origins any tenant allows, cached briefly so preflights do not scan tenants each time. */
export function createOriginRegistry(store: Store, now: () => number = Date.now) {
  let origins = new Set<string>();
  let loadedAt = -Infinity;
  let loading: Promise<void> | null = null;
  async function load(): Promise<void> {
    const tenants = await store.listTenants();
    origins = new Set(tenants.flatMap((t) => t.settings.allowedOrigins));
    loadedAt = now();
  }
  return {
    async isKnown(origin: string): Promise<boolean> {
      if (now() - loadedAt > CACHE_MS) {
        loading ??= load().finally(() => (loading = null));
        await loading;
      }
      return origins.has(origin);
    },
    /** Call after a tenant's origins change so this instance sees it at once. */
    invalidate(): void {
      loadedAt = -Infinity;
    },
  };
}

export type OriginRegistry = ReturnType<typeof createOriginRegistry>;

export function registerCors(app: FastifyInstance, registry: OriginRegistry, prefix: string): void {
  /** Sets the CORS headers; true when it answered the request itself (a preflight). */
  async function applyCors(request: FastifyRequest, reply: FastifyReply, origin: string): Promise<boolean> {
    const known = await registry.isKnown(origin);
    reply.header('vary', 'Origin');
    if (known) {
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'false');
    }
    if (request.method !== 'OPTIONS') return false;
    if (!known) {
      reply.code(403).send(errorBody(request, 'FORBIDDEN_ORIGIN'));
      return true;
    }
    reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', ALLOWED_HEADERS)
      .header('access-control-max-age', '600')
      .send();
    return true;
  }

  // A callback hook: calls without an Origin (server to server) pass without making a promise.
  app.addHook('onRequest', (request, reply, done) => {
    const origin = request.headers.origin;
    if (!origin || !request.url.startsWith(prefix)) return done();
    applyCors(request, reply, origin).then((answered) => {
      if (!answered) done();
    }, done);
  });
}
