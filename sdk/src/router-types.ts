/**
 * The API's types, for callers who name them (`RouterOutputs['learner']['me']`). They come from
 * the server's router and are inlined into the published declarations at build time, so users
 * of the SDK never need the server package.
 */
import type { AppRouter } from '@interview-studio/server';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type { AppRouter };

/** Input of every procedure: `RouterInputs['admin']['learners']['createToken']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;

/** Output of every procedure: `RouterOutputs['learner']['me']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
