import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store.js';

/** `/healthz`: the process answers. `/readyz`: it can also reach its store. */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready', store: store.kind };
    } catch (error) {
      request.log.error({ err: error }, 'store not reachable');
      return reply.code(503).send({ status: 'unavailable', store: store.kind });
    }
  });
}
