/**
 * The client's options, checked once when the client is created. Mistakes (a misspelt option,
 * a secret key passed as the publishable one, both or neither key) throw at once with a
 * message that says what to change, instead of surfacing later as a 401 (Stripe's habit).
 */

/** Where the tRPC endpoint lives under the server's base URL. */
export const TRPC_PATH = '/trpc';

/**
 * The `EventSource` shape subscriptions need. The browser's own, undici's and the `eventsource`
 * npm package all fit; it is declared here so the SDK's types need no DOM library.
 */
export type EventSourceConstructor = new (
  url: string,
  // `any`: the init dictionaries differ between implementations (the ponyfill's adds `fetch`).
  init?: any,
) => {
  readonly CONNECTING: number;
  readonly OPEN: number;
  readonly CLOSED: number;
  readonly readyState: number;
  addEventListener(type: string, listener: (event: any) => void): void;
  removeEventListener(type: string, listener: (event: any) => void): void;
  close(): void;
};

/** Returns the current learner token, or null/undefined when nobody is signed in. */
export type TokenGetter = () => string | null | undefined | Promise<string | null | undefined>;

export interface InterviewStudioClientOptions {
  /** The server's base URL, such as `https://studio.example.com` (the client adds `/trpc`). */
  url: string;
  /** The tenant's publishable key (`pk_…`), for browsers and learner calls. */
  publishableKey?: string;
  /** The tenant's secret key (`sk_…`), for admin calls from your server only. Never ship it to a browser. */
  secretKey?: string;
  /** A fixed learner token, sent as `Authorization: Bearer …`. Use `getToken` for tokens that get renewed. */
  token?: string;
  /** Called before every request (and every subscription connection) for the current learner token. */
  getToken?: TokenGetter;
  /** The `fetch` to use instead of the global one (tests, proxies, older runtimes). */
  fetch?: typeof fetch;
  /**
   * The `EventSource` used for subscriptions. Defaults to the global one, or to the `eventsource`
   * package where there is none (Node 20).
   */
  EventSource?: EventSourceConstructor;
  /**
   * Extra headers for every query and mutation (not subscriptions: EventSource cannot send
   * headers). The SDK owns `x-api-key` and `authorization`.
   */
  headers?: Record<string, string>;
}

/** The checked, normalised options the client is built from. */
export interface ResolvedOptions {
  /** Full URL of the tRPC endpoint, without a trailing slash. */
  endpoint: string;
  apiKey: string;
  keyKind: 'publishable' | 'secret';
  getToken: TokenGetter;
  fetch: typeof fetch | undefined;
  EventSource: EventSourceConstructor | undefined;
  headers: Record<string, string>;
}

const KNOWN_OPTIONS = ['url', 'publishableKey', 'secretKey', 'token', 'getToken', 'fetch', 'EventSource', 'headers'] as const;

/** Headers the SDK sets itself; letting callers override them would hide which key was used. */
const RESERVED_HEADERS = ['x-api-key', 'authorization'];

function fail(message: string): never {
  throw new TypeError(`[interview-studio] ${message}`);
}

function checkKnownKeys(options: object): void {
  const known: readonly string[] = KNOWN_OPTIONS;
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => k.toLowerCase() === key.toLowerCase());
    fail(`Unknown option "${key}".${near ? ` Did you mean "${near}"?` : ''} Known options: ${known.join(', ')}.`);
  }
}

function checkUrl(url: unknown): string {
  if (typeof url !== 'string' || url.length === 0) fail('`url` is required: the server base URL, such as "https://studio.example.com".');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(`\`url\` is not a valid URL: "${url}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') fail(`\`url\` must be http(s), got "${parsed.protocol}".`);
  if (parsed.search || parsed.hash) fail('`url` must not have a query string or fragment.');
  return `${url.replace(/\/+$/, '')}${TRPC_PATH}`;
}

function checkKey(options: InterviewStudioClientOptions): Pick<ResolvedOptions, 'apiKey' | 'keyKind'> {
  const { publishableKey, secretKey } = options;
  if (publishableKey !== undefined && secretKey !== undefined) {
    fail('Pass either `publishableKey` or `secretKey`, not both: make one client per key.');
  }
  if (publishableKey === undefined && secretKey === undefined) {
    fail('An API key is required: pass `publishableKey` (pk_…) or, on a server, `secretKey` (sk_…).');
  }
  if (publishableKey !== undefined) {
    if (typeof publishableKey !== 'string' || !publishableKey.startsWith('pk_')) {
      fail(
        typeof publishableKey === 'string' && publishableKey.startsWith('sk_')
          ? '`publishableKey` is a secret key (sk_…). Pass it as `secretKey`, and only on a server.'
          : '`publishableKey` must start with "pk_".',
      );
    }
    return { apiKey: publishableKey, keyKind: 'publishable' };
  }
  if (typeof secretKey !== 'string' || !secretKey.startsWith('sk_')) {
    fail(
      typeof secretKey === 'string' && secretKey.startsWith('pk_')
        ? '`secretKey` is a publishable key (pk_…). Pass it as `publishableKey`.'
        : '`secretKey` must start with "sk_".',
    );
  }
  return { apiKey: secretKey, keyKind: 'secret' };
}

function checkToken(options: InterviewStudioClientOptions): TokenGetter {
  const { token, getToken } = options;
  if (token !== undefined && getToken !== undefined) fail('Pass either `token` or `getToken`, not both.');
  if (getToken !== undefined) {
    if (typeof getToken !== 'function') fail('`getToken` must be a function.');
    return getToken;
  }
  if (token !== undefined && (typeof token !== 'string' || token.length === 0)) fail('`token` must be a non-empty string.');
  return () => token;
}

function checkHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) fail('`headers` must be an object of strings.');
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') fail(`Header "${name}" must be a string.`);
    if (RESERVED_HEADERS.includes(name.toLowerCase())) {
      fail(`Header "${name}" is set by the SDK: use the \`publishableKey\`/\`secretKey\` and \`token\`/\`getToken\` options.`);
    }
  }
  return { ...(headers as Record<string, string>) };
}

/** Checks the options a caller passed (possibly from untyped JavaScript) and normalises them. */
export function resolveOptions(options: InterviewStudioClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) fail('createInterviewStudioClient(options) needs an options object.');
  checkKnownKeys(options);
  if (options.fetch !== undefined && typeof options.fetch !== 'function') fail('`fetch` must be a function.');
  if (options.EventSource !== undefined && typeof options.EventSource !== 'function') fail('`EventSource` must be a constructor.');
  return {
    endpoint: checkUrl(options.url),
    ...checkKey(options),
    getToken: checkToken(options),
    fetch: options.fetch,
    EventSource: options.EventSource,
    headers: checkHeaders(options.headers),
  };
}
