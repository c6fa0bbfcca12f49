/**
 * A local fake of Anthropic's Messages API (`POST /v1/messages`) for tests and the bench. The
 * real SDK is pointed at it through `baseURL`; it speaks the documented wire format:
 *
 * - JSON: a `message` object with `content`, `stop_reason` and `usage`;
 * - SSE (`stream: true`): `message_start` → `content_block_start` → `content_block_delta`
 *   (`text_delta`) × n → `content_block_stop` → `message_delta` (stop reason, cumulative usage)
 *   → `message_stop`, with `ping`s, and `event: error` for in-stream failures;
 * - errors: `{ type: 'error', error: { type, message } }` with the status, `request-id` and any
 *   headers asked for (`retry-after`, `retry-after-ms`).
 *
 * It simulates prompt caching: the prefix up to the last `cache_control` block of `system` is
 * written to the cache on first sight (`cache_creation_input_tokens`) and read on later calls
 * (`cache_read_input_tokens`), when it is at least `minCacheTokens` long. Tokens are estimated as
 * four characters each. Output streams one token (four characters) per `tokenDelayMs`, after
 * `firstTokenDelayMs`, and is cut at the request's `max_tokens` (`stop_reason: max_tokens`).
 *
 * Every call is recorded — body, headers, timings of each delta, and whether the client hung up
 * before the response ended — so tests can assert what left the server.
 *
 * `GET /v1/models/{id}` answers the models API (how a tenant's own key is checked): a `ModelInfo`
 * for a model in `models`, else 404 `not_found_error`. Keys passed to `rejectKeys` get 401
 * `authentication_error` on every route, as a revoked key does.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { scriptedReply } from './scripted-model.js';

export type FakeReply =
  | { type: 'message'; text: string; stopReason?: 'end_turn' | 'max_tokens' | 'refusal'; model?: string }
  | { type: 'error'; status: number; errorType: string; message?: string; headers?: Record<string, string> }
  /** Headers and `message_start`, then nothing (pings only) until the client gives up. */
  | { type: 'stall' }
  /** Streams `text`, then an in-stream `event: error` of `errorType`. */
  | { type: 'stream-error'; text: string; errorType: string };

export interface FakeCall {
  index: number;
  // The request as JSON: tests read whatever field they assert on.
  body: Record<string, any>;
  headers: IncomingHttpHeaders;
  receivedAt: number;
  /** After each text delta was written: when, and how much of the text had been sent. */
  writes: { at: number; sent: number }[];
  /** The text the reply carried (or began to). */
  text: string;
  /** True when the client closed the connection before the response ended. */
  aborted: boolean;
  /** Resolves when the response has ended or the client hung up. */
  closed: Promise<void>;
}

export type Responder = (call: FakeCall) => FakeReply | Promise<FakeReply>;

export interface FakeMessagesApiOptions {
  respond?: Responder;
  firstTokenDelayMs?: number;
  tokenDelayMs?: number;
  /** Minimum cacheable prefix, in (estimated) tokens; default 2048 (the strictest Sonnet figure). */
  minCacheTokens?: number;
  /** Model ids the models API knows; default: the current Claude models. */
  models?: readonly string[];
}

const DEFAULT_MODELS = ['claude-opus-4-6', 'claude-sonnet-4-6', 'claude-sonnet-4-5', 'claude-haiku-4-5'];

/** The API key a request carried: `x-api-key`, or `Authorization: Bearer` (SDK 1.x). */
export function apiKeyOf(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  if (typeof header === 'string') return header;
  return /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1] ?? null;
}

export interface FakeMessagesApi {
  /** The `baseURL` to give the SDK. */
  url: string;
  calls: FakeCall[];
  /** Replace the responder (the default is the scripted model). */
  respond(responder: Responder): void;
  /** Reply with these, in order, then with the scripted model. */
  queue(...replies: FakeReply[]): void;
  setTiming(timing: { firstTokenDelayMs?: number; tokenDelayMs?: number }): void;
  /** Forget the simulated prompt cache. */
  clearCache(): void;
  /** Answer these API keys with 401 from now on (until `rejectKeys()` with none). */
  rejectKeys(...keys: string[]): void;
  /** Every `GET /v1/models/{id}`: which model, with which key. */
  modelLookups: { model: string; apiKey: string | null }[];
  close(): Promise<void>;
}

export const CHARS_PER_TOKEN = 4;
const estimateTokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);
const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((b) => (typeof b?.text === 'string' ? b.text : JSON.stringify(b))).join('\n');
  return '';
}

/** The prompt-cache prefix: tools and system blocks up to the last one marked for caching. */
function cachePrefix(body: Record<string, any>): string | null {
  const system: unknown[] = Array.isArray(body.system) ? body.system : [];
  let last = -1;
  system.forEach((block, i) => {
    if ((block as { cache_control?: unknown })?.cache_control) last = i;
  });
  if (last < 0) return null;
  return JSON.stringify({ model: body.model, tools: body.tools ?? [], system: system.slice(0, last + 1) });
}

function inputTokens(body: Record<string, any>): number {
  const system = textOfContent(body.system);
  const messages = (Array.isArray(body.messages) ? body.messages : []).map((m: { content: unknown }) => textOfContent(m.content));
  const schema = body.output_config?.format ? JSON.stringify(body.output_config.format) : '';
  return estimateTokens(system) + estimateTokens(messages.join('\n')) + estimateTokens(schema) + 8;
}

export async function startFakeMessagesApi(options: FakeMessagesApiOptions = {}): Promise<FakeMessagesApi> {
  let responder: Responder = options.respond ?? scriptedReply;
  let timing = { firstTokenDelayMs: options.firstTokenDelayMs ?? 0, tokenDelayMs: options.tokenDelayMs ?? 0 };
  const minCacheTokens = options.minCacheTokens ?? 2048;
  const queued: FakeReply[] = [];
  const calls: FakeCall[] = [];
  const cache = new Set<string>();
  const models = new Set(options.models ?? DEFAULT_MODELS);
  let rejected = new Set<string>();
  const modelLookups: { model: string; apiKey: string | null }[] = [];
  let messageSeq = 0;

  function usageFor(body: Record<string, any>) {
    const total = inputTokens(body);
    const prefix = cachePrefix(body);
    const prefixTokens = prefix ? estimateTokens(prefix) : 0;
    if (!prefix || prefixTokens < minCacheTokens) {
      return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    }
    const key = createHash('sha256').update(prefix).digest('hex');
    const hit = cache.has(key);
    cache.add(key);
    return {
      input_tokens: Math.max(1, total - prefixTokens),
      cache_creation_input_tokens: hit ? 0 : prefixTokens,
      cache_read_input_tokens: hit ? prefixTokens : 0,
    };
  }

  function writeError(res: ServerResponse, reply: Extract<FakeReply, { type: 'error' }>, requestId: string) {
    res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': requestId, ...reply.headers });
    res.end(JSON.stringify({ type: 'error', error: { type: reply.errorType, message: reply.message ?? reply.errorType } }));
  }

  async function handle(call: FakeCall, res: ServerResponse, requestId: string): Promise<void> {
    const { body } = call;
    // SDK 1.x sends the API key as `Authorization: Bearer`; older clients as `x-api-key`.
    const credential = call.headers['x-api-key'] ?? /^Bearer \S+$/.exec(call.headers.authorization ?? '')?.[0];
    if (!credential || !call.headers['anthropic-version']) {
      return writeError(res, { type: 'error', status: 401, errorType: 'authentication_error', message: 'missing API key or anthropic-version' }, requestId);
    }
    if (rejected.has(apiKeyOf(call.headers) ?? '')) {
      return writeError(res, { type: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' }, requestId);
    }
    if (typeof body.model !== 'string' || typeof body.max_tokens !== 'number' || !Array.isArray(body.messages)) {
      return writeError(res, { type: 'error', status: 400, errorType: 'invalid_request_error', message: 'model, max_tokens and messages are required' }, requestId);
    }
    const reply = queued.shift() ?? (await responder(call));
    if (reply.type === 'error') return writeError(res, reply, requestId);

    const model = (reply.type === 'message' && reply.model) || body.model;
    const usage = usageFor(body);
    const full = reply.type === 'stall' ? '' : reply.text;
    const maxChars = body.max_tokens * CHARS_PER_TOKEN;
    const cut = full.length > maxChars;
    const text = cut ? full.slice(0, maxChars) : full;
    const stopReason = cut ? 'max_tokens' : reply.type === 'message' ? (reply.stopReason ?? 'end_turn') : null;
    const outputTokens = estimateTokens(text);
    call.text = text;
    const message = {
      id: `msg_fake_${++messageSeq}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [] as unknown[],
      stop_reason: null as string | null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    };

    if (!body.stream) {
      await sleep(timing.firstTokenDelayMs + outputTokens * timing.tokenDelayMs);
      if (reply.type === 'stall') return; // never answers; the client's timeout ends it
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
      res.end(
        JSON.stringify({
          ...message,
          content: text ? [{ type: 'text', text, citations: null }] : [],
          stop_reason: stopReason,
          usage: { ...usage, output_tokens: outputTokens },
        }),
      );
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': requestId });
    res.flushHeaders();
    const send = (event: string, data: unknown) => {
      if (!res.destroyed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    send('message_start', { type: 'message_start', message });
    if (reply.type === 'stall') {
      while (!res.destroyed) {
        send('ping', { type: 'ping' });
        await sleep(50);
      }
      return;
    }
    send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } });
    send('ping', { type: 'ping' });
    await sleep(timing.firstTokenDelayMs);
    for (let sent = 0; sent < text.length; ) {
      if (res.destroyed) return;
      if (sent > 0) await sleep(timing.tokenDelayMs);
      const piece = text.slice(sent, sent + CHARS_PER_TOKEN);
      sent += piece.length;
      send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
      call.writes.push({ at: performance.now(), sent });
    }
    if (res.destroyed) return;
    if (reply.type === 'stream-error') {
      send('error', { type: 'error', error: { type: reply.errorType, message: reply.errorType } });
      res.end();
      return;
    }
    send('content_block_stop', { type: 'content_block_stop', index: 0 });
    send('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { ...usage, output_tokens: outputTokens },
    });
    send('message_stop', { type: 'message_stop' });
    res.end();
  }

  function lookUpModel(req: { headers: IncomingHttpHeaders }, res: ServerResponse, model: string): void {
    const apiKey = apiKeyOf(req.headers);
    modelLookups.push({ model, apiKey });
    const requestId = `req_fake_model_${modelLookups.length}`;
    if (!apiKey || rejected.has(apiKey)) {
      return writeError(res, { type: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' }, requestId);
    }
    if (!models.has(model)) {
      return writeError(res, { type: 'error', status: 404, errorType: 'not_found_error', message: `model: ${model}` }, requestId);
    }
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': requestId });
    res.end(JSON.stringify({ type: 'model', id: model, display_name: model, created_at: '2026-01-01T00:00:00Z', deprecated_at: null, capabilities: null }));
  }

  const server = createServer((req, res) => {
    const modelPath = req.method === 'GET' ? /^\/v1\/models\/([^/?]+)/.exec(req.url ?? '') : null;
    if (modelPath) return lookUpModel(req, res, decodeURIComponent(modelPath[1]!));
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'not found' } }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, any>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'invalid JSON' } }));
        return;
      }
      let markClosed!: () => void;
      const call: FakeCall = {
        index: calls.length,
        body,
        headers: req.headers,
        receivedAt: performance.now(),
        writes: [],
        text: '',
        aborted: false,
        closed: new Promise<void>((resolve) => (markClosed = resolve)),
      };
      calls.push(call);
      res.on('close', () => {
        if (!res.writableFinished) call.aborted = true;
        markClosed();
      });
      handle(call, res, `req_fake_${call.index + 1}`).catch((error: unknown) => {
        if (!res.headersSent) writeError(res, { type: 'error', status: 500, errorType: 'api_error', message: String(error) }, 'req_fake_error');
        else res.destroy();
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    respond(next) {
      responder = next;
    },
    queue(...replies) {
      queued.push(...replies);
    },
    setTiming(next) {
      timing = { ...timing, ...next };
    },
    clearCache() {
      cache.clear();
    },
    rejectKeys(...keys) {
      rejected = new Set(keys);
    },
    modelLookups,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
