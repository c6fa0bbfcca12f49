/**
 * `createInterviewStudioClient`: the typed tRPC client for the Interview Studio API.
 * Queries and mutations go through one batching HTTP link with the key in `x-api-key` and the
 * learner token in `Authorization`; subscriptions use Server-Sent Events, whose credentials
 * travel as connection params because a browser's EventSource cannot send headers.
 */
import type { AppRouter } from '@interview-studio/server';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import { EventSource as EventSourcePonyfill } from 'eventsource';
import { errorLink, TokenGetterError } from './errors.js';
import { resolveOptions, type EventSourceConstructor, type InterviewStudioClientOptions, type TokenGetter } from './options.js';

/** The client `createInterviewStudioClient` returns: `client.<router>.<procedure>.query|mutate|subscribe(input)`. */
export type InterviewStudioClient = TRPCClient<AppRouter>;

/** Calls the caller's `getToken`, so that its failures read as such rather than as network errors. */
async function readToken(getToken: TokenGetter): Promise<string | null> {
  let token: unknown;
  try {
    token = await getToken();
  } catch (error) {
    throw new TokenGetterError(error);
  }
  if (token === null || token === undefined || token === '') return null;
  if (typeof token !== 'string') throw new TokenGetterError(new TypeError(`expected a string, got ${typeof token}`));
  return token;
}

/** The given EventSource, else the platform's, else the `eventsource` package (Node 20 has none). */
function pickEventSource(given: EventSourceConstructor | undefined): { EventSource: EventSourceConstructor; ponyfill: boolean } {
  if (given) return { EventSource: given, ponyfill: false };
  const platform = (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
  if (platform) return { EventSource: platform, ponyfill: false };
  return { EventSource: EventSourcePonyfill, ponyfill: true };
}

/**
 * Creates a client for one tenant key. Make one per key and reuse it: calls made in the same
 * tick share one HTTP request.
 *
 * @throws TypeError when an option is unknown, missing or malformed (such as both keys, or a
 *   secret key passed as `publishableKey`).
 * @example
 * const admin = createInterviewStudioClient({ url, secretKey: process.env.INTERVIEW_STUDIO_SECRET_KEY });
 * const { token } = await admin.admin.learners.createToken.mutate({ externalId: user.id });
 */
export function createInterviewStudioClient(options: InterviewStudioClientOptions): InterviewStudioClient {
  const resolved = resolveOptions(options);
  const { EventSource, ponyfill } = pickEventSource(resolved.EventSource);

  return createTRPCClient<AppRouter>({
    links: [
      errorLink(resolved.endpoint),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url: resolved.endpoint,
          connectionParams: async () => {
            const token = await readToken(resolved.getToken);
            return token ? { apiKey: resolved.apiKey, token } : { apiKey: resolved.apiKey };
          },
          EventSource,
          // The ponyfill fetches; route it through the caller's fetch like every other request.
          ...(ponyfill && resolved.fetch ? { eventSourceOptions: { fetch: resolved.fetch } } : {}),
        }),
        false: httpBatchLink({
          url: resolved.endpoint,
          ...(resolved.fetch ? { fetch: resolved.fetch } : {}),
          headers: async () => {
            const token = await readToken(resolved.getToken);
            return {
              ...resolved.headers,
              'x-api-key': resolved.apiKey,
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            };
          },
        }),
      }),
    ],
  });
}
