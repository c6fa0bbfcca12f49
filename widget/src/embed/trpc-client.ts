/**
 * `@trpc/client` as the script tag's copy of the SDK sees it (tsup.config.ts points the SDK's
 * import here in the script-tag build only; the npm build leaves the SDK alone). It is tRPC's
 * own client, except that the Server-Sent Events link is fetched with the first subscription:
 * the first view only asks queries, and the SSE reader, with the `@trpc/server` stream helpers
 * it brings, would otherwise load before it (about 2.5 KB gzip). Feedback streams and pass
 * updates, the only subscriptions, start well after that.
 */
import { TRPCClientError, type OperationLink, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';

export { createTRPCClient, httpBatchLink, splitLink, TRPCClientError } from '@trpc/client';

type SubscriptionLinkOptions = Parameters<typeof import('@trpc/client').httpSubscriptionLink>[0];

/** tRPC's `httpSubscriptionLink`, loaded when the client first subscribes. */
export function httpSubscriptionLink<TRouter extends AnyTRPCRouter>(options: SubscriptionLinkOptions): TRPCLink<TRouter> {
  return (runtime) => {
    // Loaded once per client; a load that failed (the network) is tried again by the next subscription.
    let loading: Promise<OperationLink<TRouter>> | null = null;
    const load = (): Promise<OperationLink<TRouter>> =>
      (loading ??= import('./subscription-link.js').then(
        (module) => module.httpSubscriptionLink(options)(runtime) as OperationLink<TRouter>,
        (error: unknown) => {
          loading = null;
          throw error;
        },
      ));

    return ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | null = null;
        let stopped = false;
        load().then(
          (link) => {
            if (!stopped) subscription = link({ op, next }).subscribe(observer);
          },
          (error: unknown) => {
            if (!stopped) observer.error(TRPCClientError.from(error instanceof Error ? error : new Error(String(error))));
          },
        );
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
  };
}
