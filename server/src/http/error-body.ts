/**
 * Errors answered outside tRPC's own handler (rate limit, body too large, CORS, unknown routes)
 * still need a body the caller understands. On `/trpc` that is tRPC's error envelope (one per
 * call in a batch), so the SDK sees the same `appCode` as for any other error; elsewhere a
 * plain `{ error: { code, message } }`.
 */
import type { FastifyRequest } from 'fastify';
import { errorTable, type ErrorCode } from '../errors.js';

// JSON-RPC codes tRPC uses for each tRPC error code.
const jsonRpcCode: Record<string, number> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  PAYMENT_REQUIRED: -32002,
  PAYLOAD_TOO_LARGE: -32013,
  TOO_MANY_REQUESTS: -32029,
  SERVICE_UNAVAILABLE: -32053,
  INTERNAL_SERVER_ERROR: -32603,
};

export const TRPC_PREFIX = '/trpc';

function trpcPaths(request: FastifyRequest): { batch: boolean; paths: string[] } {
  const url = new URL(request.url, 'http://local');
  const joined = decodeURIComponent(url.pathname.slice(TRPC_PREFIX.length + 1));
  return { batch: url.searchParams.get('batch') === '1', paths: joined.split(',') };
}

export function errorBody(request: FastifyRequest, code: ErrorCode, message = errorTable[code].message): unknown {
  const spec = errorTable[code];
  if (!request.url.startsWith(`${TRPC_PREFIX}/`)) return { error: { code, message } };
  const { batch, paths } = trpcPaths(request);
  const envelope = (path: string) => ({
    error: {
      message,
      code: jsonRpcCode[spec.trpc] ?? -32603,
      data: { code: spec.trpc, httpStatus: spec.status, path, appCode: code },
    },
  });
  return batch ? paths.map(envelope) : envelope(paths[0] ?? '');
}
