/**
 * A local HTTP endpoint that records what is sent to it, for tests that point a real SDK at it:
 * PostHog (`POST /batch/`, `POST /api/projects/:id/persons/bulk_delete/`) and Sentry
 * (`POST /api/:project/envelope/`). Gzipped bodies are decompressed; every request is kept with
 * its path, headers and the client address it came from.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface CollectedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The decompressed body as text. */
  body: string;
  remoteAddress: string | undefined;
}

export interface FakeCollector {
  url: string;
  requests: CollectedRequest[];
  /** Resolves once a request matching `predicate` has arrived (or rejects after `timeoutMs`). */
  waitFor(predicate: (request: CollectedRequest) => boolean, timeoutMs?: number): Promise<CollectedRequest>;
  close(): Promise<void>;
}

export async function startFakeCollector(reply: (request: CollectedRequest) => { status: number; body: unknown } = () => ({ status: 200, body: { status: 1 } })): Promise<FakeCollector> {
  const requests: CollectedRequest[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let raw = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
      const request: CollectedRequest = {
        method: req.method ?? '',
        path: (req.url ?? '').split('?')[0] ?? '',
        headers: req.headers,
        body: raw.toString('utf8'),
        remoteAddress: req.socket.remoteAddress,
      };
      requests.push(request);
      for (const wake of waiters) wake();
      const answer = reply(request);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('the expected request did not arrive'));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
