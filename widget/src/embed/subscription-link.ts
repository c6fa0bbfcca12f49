/** The chunk `trpc-client.ts` loads with the first subscription: tRPC's Server-Sent Events link. */
export { httpSubscriptionLink } from '@trpc/client';
