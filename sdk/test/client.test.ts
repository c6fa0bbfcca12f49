/**
 * The SDK's own behaviour, without a server: option checks, what goes on the wire (through a
 * fake `fetch` and a fake `EventSource`), and how failures become `InterviewStudioError`s.
 */
import { errorTable, ErrorCode as ServerErrorCode } from '@interview-studio/server/errors';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { codeForStatus } from '../src/errors.js';
import {
  createInterviewStudioClient,
  ErrorCode,
  getErrorCode,
  InterviewStudioError,
  isInterviewStudioError,
  type InterviewStudioClientOptions,
} from '../src/index.js';

const url = 'https://studio.example.com';
const pk = 'pk_' + 'a'.repeat(32);
const sk = 'sk_' + 'b'.repeat(32);

/** A `fetch` that records requests and answers each with `respond()`'s body and status. */
function fakeFetch(respond: () => { status: number; body: unknown } = () => ({ status: 200, body: [{ result: { data: 'ok' } }] })) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
    calls.push({ url: String(input), headers });
    const { status, body } = respond();
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** tRPC's batch error envelope, shaped like the server's error formatter makes it. */
function trpcError(appCode: string, httpStatus: number, message: string, extra: Record<string, unknown> = {}) {
  return { status: httpStatus, body: [{ error: { message, code: -32001, data: { httpStatus, path: 'learner.me', appCode, ...extra } } }] };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('options', () => {
  const bad: [string, unknown, RegExp][] = [
    ['no options', undefined, /needs an options object/],
    ['an unknown key, with a suggestion', { url, publishableKey: pk, secretkey: sk }, /Unknown option "secretkey". Did you mean "secretKey"\?/],
    ['an unknown key', { url, publishableKey: pk, apiKey: pk }, /Unknown option "apiKey"\. Known options: url, publishableKey/],
    ['no url', { publishableKey: pk }, /`url` is required/],
    ['a relative url', { url: '/api', publishableKey: pk }, /not a valid URL/],
    ['a non-http url', { url: 'ftp://x.example', publishableKey: pk }, /must be http\(s\)/],
    ['a url with a query', { url: `${url}?a=1`, publishableKey: pk }, /query string/],
    ['no key', { url }, /An API key is required/],
    ['both keys', { url, publishableKey: pk, secretKey: sk }, /not both/],
    ['a secret key as publishable', { url, publishableKey: sk }, /is a secret key/],
    ['a publishable key as secret', { url, secretKey: pk }, /is a publishable key/],
    ['a malformed key', { url, publishableKey: 'key' }, /must start with "pk_"/],
    ['token and getToken', { url, publishableKey: pk, token: 't', getToken: () => 't' }, /either `token` or `getToken`/],
    ['an empty token', { url, publishableKey: pk, token: '' }, /non-empty string/],
    ['a getToken that is not a function', { url, publishableKey: pk, getToken: 't' }, /must be a function/],
    ['a reserved header', { url, publishableKey: pk, headers: { Authorization: 'x' } }, /is set by the SDK/],
    ['a non-string header', { url, publishableKey: pk, headers: { 'x-a': 1 } }, /must be a string/],
    ['a fetch that is not a function', { url, publishableKey: pk, fetch: 'x' }, /`fetch` must be a function/],
  ];
  it.each(bad)('rejects %s', (_name, options, message) => {
    expect(() => createInterviewStudioClient(options as InterviewStudioClientOptions)).toThrow(message);
    expect(() => createInterviewStudioClient(options as InterviewStudioClientOptions)).toThrow(TypeError);
  });

  it('accepts either key and strips trailing slashes from the url', async () => {
    const { fetch, calls } = fakeFetch();
    createInterviewStudioClient({ url: `${url}/`, secretKey: sk });
    await createInterviewStudioClient({ url: `${url}//`, publishableKey: pk, fetch }).tenant.config.query();
    expect(calls[0]?.url).toMatch(/^https:\/\/studio\.example\.com\/trpc\/tenant\.config\?/);
  });
});

describe('requests', () => {
  it('sends the key, the token from getToken (asked per request) and extra headers', async () => {
    const { fetch, calls } = fakeFetch();
    let n = 0;
    const client = createInterviewStudioClient({ url, publishableKey: pk, getToken: () => `tok-${++n}`, fetch, headers: { 'x-trace': '1' } });
    await client.learner.me.query();
    await client.learner.me.query();
    expect(calls.map((c) => c.headers)).toEqual([
      { 'x-api-key': pk, authorization: 'Bearer tok-1', 'x-trace': '1' },
      { 'x-api-key': pk, authorization: 'Bearer tok-2', 'x-trace': '1' },
    ]);
  });

  it('sends no authorization header when getToken has no token', async () => {
    const { fetch, calls } = fakeFetch();
    await createInterviewStudioClient({ url, publishableKey: pk, getToken: async () => null, fetch }).tenant.config.query();
    expect(calls[0]?.headers).toEqual({ 'x-api-key': pk });
  });

  it('batches calls made in the same tick into one request', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: [{ result: { data: 1 } }, { result: { data: 2 } }] }));
    const client = createInterviewStudioClient({ url, secretKey: sk, fetch });
    await Promise.all([client.tenant.config.query(), client.admin.keys.list.query()]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toContain('/trpc/tenant.config,admin.keys.list?batch=1');
  });

  it('sends subscription credentials as connection params through the given EventSource', async () => {
    const opened: string[] = [];
    class FakeEventSource {
      readonly CONNECTING = 0;
      readonly OPEN = 1;
      readonly CLOSED = 2;
      readyState = 0;
      constructor(href: string) {
        opened.push(href);
      }
      addEventListener() {}
      removeEventListener() {}
      close() {
        this.readyState = 2;
      }
    }
    const client = createInterviewStudioClient({ url, publishableKey: pk, token: 'tok', EventSource: FakeEventSource });
    // No procedure of today's router is a subscription; the link is exercised through the untyped proxy.
    const untyped = client as unknown as { events: { watch: { subscribe(input: undefined, opts: object): { unsubscribe(): void } } } };
    const subscription = untyped.events.watch.subscribe(undefined, { onError() {} });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    subscription.unsubscribe();
    const sent = new URL(opened[0] ?? '');
    expect(sent.pathname).toBe('/trpc/events.watch');
    expect(JSON.parse(sent.searchParams.get('connectionParams') ?? 'null')).toEqual({ apiKey: pk, token: 'tok' });
  });

  it.skipIf('EventSource' in globalThis)('uses the eventsource package where there is no EventSource (Node 20), through the given fetch', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 200, body: null }));
    const client = createInterviewStudioClient({ url, secretKey: sk, fetch });
    const untyped = client as unknown as { events: { watch: { subscribe(input: undefined, opts: object): { unsubscribe(): void } } } };
    const subscription = untyped.events.watch.subscribe(undefined, { onError() {} });
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    subscription.unsubscribe();
    expect(calls[0]?.url).toContain('/trpc/events.watch?connectionParams=');
    expect(calls[0]?.headers.accept).toBe('text/event-stream');
  });
});

describe('errors', () => {
  it('turns a server error into an InterviewStudioError with its code, status, path and details', async () => {
    const { fetch } = fakeFetch(() => trpcError('UNAUTHENTICATED', 401, 'The learner token is not valid.', { details: { reason: 'token-invalid' } }));
    const error = await rejection(createInterviewStudioClient({ url, publishableKey: pk, token: 'bad', fetch }).learner.me.query());
    expect(isInterviewStudioError(error)).toBe(true);
    expect(error).toBeInstanceOf(InterviewStudioError);
    expect(error).toBeInstanceOf(TRPCClientError); // tRPC tooling still recognises it
    expect(error).toMatchObject({
      name: 'InterviewStudioError',
      kind: 'InterviewStudioError',
      code: ErrorCode.UNAUTHENTICATED,
      httpStatus: 401,
      path: 'learner.me',
      details: { reason: 'token-invalid' },
      message: 'The learner token is not valid.',
    });
    expect(getErrorCode(error)).toBe('UNAUTHENTICATED');
  });

  it('lists validation issues on the error and in its message', async () => {
    const issues = [{ path: 'externalId', message: 'Too small' }];
    const { fetch } = fakeFetch(() => trpcError('VALIDATION_FAILED', 400, 'The request was not valid.', { issues }));
    const error = await rejection(createInterviewStudioClient({ url, secretKey: sk, fetch }).admin.learners.createToken.mutate({ externalId: '' }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues, message: 'The request was not valid. (externalId: Too small)' });
  });

  it('falls back to the HTTP status when a response has no appCode (a proxy in between)', async () => {
    const { fetch } = fakeFetch(() => ({ status: 502, body: { oops: true } }));
    const error = await rejection(createInterviewStudioClient({ url, publishableKey: pk, fetch }).tenant.config.query());
    expect(error).toMatchObject({ code: 'UNAVAILABLE', httpStatus: 502 });
  });

  it('reports a network failure as UNAVAILABLE, naming the URL', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof globalThis.fetch;
    const error = await rejection(createInterviewStudioClient({ url, publishableKey: pk, fetch }).tenant.config.query());
    expect(error).toMatchObject({ code: 'UNAVAILABLE', httpStatus: null });
    expect((error as Error).message).toBe(`Could not reach Interview Studio at ${url}/trpc: fetch failed`);
  });

  it("reports a failing getToken as UNAUTHENTICATED, with the caller's error as the cause", async () => {
    const { fetch, calls } = fakeFetch();
    const cause = new Error('session expired');
    const getToken = () => Promise.reject(cause);
    const error = await rejection(createInterviewStudioClient({ url, publishableKey: pk, getToken, fetch }).learner.me.query());
    expect(calls).toHaveLength(0);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'getToken() failed: session expired' });
    expect(((error as Error).cause as Error).cause).toBe(cause);
  });

  it('passes aborted calls through unconverted', async () => {
    const { fetch } = fakeFetch();
    const controller = new AbortController();
    controller.abort();
    const call = createInterviewStudioClient({ url, publishableKey: pk, fetch }).tenant.config.query(undefined, { signal: controller.signal });
    const error = await rejection(call);
    expect(isInterviewStudioError(error)).toBe(false);
    expect(getErrorCode(error)).toBeNull();
  });

  it('recognises errors by their kind field, not instanceof (another bundle, another copy)', () => {
    const foreign = Object.assign(new Error('x'), { kind: 'InterviewStudioError', code: 'NOT_FOUND' });
    expect(isInterviewStudioError(foreign)).toBe(true);
    expect(getErrorCode(foreign)).toBe('NOT_FOUND');
    expect(isInterviewStudioError({ kind: 'InterviewStudioError', code: 'NOPE' })).toBe(false);
  });

  it.each([
    ['a plain TRPCClientError with an appCode', new TRPCClientError('x', { result: { error: { code: -1, message: 'x', data: { appCode: 'CONFLICT' } } } }), 'CONFLICT'],
    ["the server's AppError (same codes server-side)", { kind: 'AppError', code: 'PASS_REQUIRED', status: 402 }, 'PASS_REQUIRED'],
    ['an ordinary Error', new Error('bug'), null],
    ['a string', 'UNAUTHENTICATED', null],
    ['null', null, null],
  ])('getErrorCode reads %s', (_name, value, code) => {
    expect(getErrorCode(value)).toBe(code);
  });

  it('re-exports the server error codes unchanged', () => {
    expect(ErrorCode).toEqual(ServerErrorCode);
  });

  it.each(Object.values(ServerErrorCode))('maps the HTTP status of %s back to a code with that status', (code) => {
    const status = errorTable[code].status;
    expect(errorTable[codeForStatus(status)].status).toBe(status);
  });
});
