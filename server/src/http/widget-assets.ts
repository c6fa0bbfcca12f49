/**
 * Serves the built widget: `GET /widget.js` (the script-tag loader) and `GET /widget/<file>`
 * (the ES modules it imports: `core.js` and hashed chunks). The server never imports the
 * widget; it reads `widget/dist` as files.
 *
 * Partner pages load these cross-origin, as classic and module scripts, so every response
 * allows any origin (`access-control-allow-origin: *`; module scripts are fetched in CORS
 * mode). Files are compressed once (brotli, gzip) and revalidated by ETag; hashed chunks are
 * immutable, the loader and `core.js` are cached briefly so a deploy reaches pages within
 * minutes. A rebuilt file is picked up without a restart (the cache follows the mtime).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WidgetAssetsOptions {
  /** The widget's `dist` directory; found through the workspace package by default. */
  distDir?: string;
}

/** Loader and entry: short cache. Everything else is content-hashed: cached for a year. */
const SHORT_CACHE = 'public, max-age=300, stale-while-revalidate=3600';
const LONG_CACHE = 'public, max-age=31536000, immutable';
const FILE_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.js(?:\.map)?$/;

interface Encoded {
  mtimeMs: number;
  etag: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export function defaultWidgetDistDir(): string {
  try {
    const require = createRequire(import.meta.url);
    return dirname(require.resolve('@interview-studio/widget/widget.js'));
  } catch {
    // Running from the repository without the workspace link: server/src/http → widget/dist.
    return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'widget', 'dist');
  }
}

function createFileCache() {
  const cache = new Map<string, Encoded>();
  return (file: string): Encoded | null => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached;
    const raw = readFileSync(file);
    const encoded: Encoded = {
      mtimeMs,
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      raw,
      gzip: gzipSync(raw, { level: 9 }),
      // Maximum quality for what browsers load; source maps (large, rarely fetched) get a faster level.
      br: brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: raw.length < 200_000 ? 11 : 6, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    };
    cache.set(file, encoded);
    return encoded;
  };
}

function send(request: FastifyRequest, reply: FastifyReply, file: Encoded | null, cacheControl: string, isMap: boolean) {
  reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'accept-encoding');
  if (!file) {
    return reply
      .code(404)
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-store')
      .send('/* Interview Studio: this widget file is not built. Run `npm run build` on the server. */\n');
  }
  reply.header('cache-control', cacheControl).header('etag', file.etag);
  reply.type(isMap ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const accepts = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(file.br);
  if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.raw);
}

/** Registers the widget routes (once; a second call is a no-op). */
export function registerWidgetAssets(app: FastifyInstance, options: WidgetAssetsOptions = {}): void {
  if (app.hasRoute({ method: 'GET', url: '/widget.js' })) return;
  const dist = options.distDir ?? defaultWidgetDistDir();
  const read = createFileCache();

  app.get('/widget.js', (request, reply) => send(request, reply, read(join(dist, 'widget.js')), SHORT_CACHE, false));
  app.get('/widget.js.map', (request, reply) => send(request, reply, read(join(dist, 'widget.js.map')), SHORT_CACHE, true));
  app.get<{ Params: { file: string } }>('/widget/:file', (request, reply) => {
    const name = request.params.file;
    if (!FILE_NAME.test(name)) return send(request, reply, null, SHORT_CACHE, false);
    const entry = name === 'core.js' || name === 'core.js.map';
    return send(request, reply, read(join(dist, 'embed', name)), entry ? SHORT_CACHE : LONG_CACHE, name.endsWith('.map'));
  });
}
