/**
 * The only place that calls `initTRPC`. It exports the building blocks procedures are made of,
 * each named for what it guarantees:
 * - `publicProcedure`: no credentials checked.
 * - `tenantProcedure`: a valid, unrevoked API key of a tenant, from an allowed origin.
 * - `learnerProcedure`: the above plus a verified learner (learner token, Clerk or guest).
 * - `learnerIdentityProcedure`: a verified learner credential and the learner if stored, with
 *   nothing created: for what comes before an account (the age confirmation).
 * - `adminProcedure`: the tenant's secret key, or a Clerk admin of the tenant's organisation.
 */
import { initTRPC, type TRPCError } from '@trpc/server';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { errorTable, isAppError } from '../errors.js';
import {
  authenticateAdmin,
  authenticateLearner,
  authenticateLearnerIdentity,
  authenticateTenant,
} from '../identity/authenticate.js';
import type { Context } from './context.js';
import { describeError, toTRPCError } from './error-formatter.js';

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    const maskInternal = ctx?.deps.config.env !== 'development';
    const { message, data } = describeError(error, maskInternal);
    const { stack, ...defaultData } = shape.data;
    // AppErrors thrown inside subscription generators bypass `convertAppErrors` and arrive as
    // INTERNAL_SERVER_ERROR; taking the codes from the AppError keeps clients from retrying a
    // NOT_FOUND forever and reports the right status.
    const spec = isAppError(error.cause) ? errorTable[error.cause.code] : null;
    return {
      ...shape,
      ...(spec ? { code: TRPC_ERROR_CODES_BY_KEY[spec.trpc] } : {}),
      message,
      data: {
        ...defaultData,
        ...(spec ? { code: spec.trpc, httpStatus: spec.status } : {}),
        ...(maskInternal ? {} : { stack }),
        ...data,
      },
    };
  },
  sse: {
    // Pings keep proxies from closing an idle stream; the client reconnects (resuming with
    // lastEventId) if it hears nothing for longer than reconnectAfterInactivityMs.
    ping: { enabled: true, intervalMs: 10_000 },
    client: { reconnectAfterInactivityMs: 25_000 },
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** AppErrors become TRPCErrors with the matching HTTP status; the formatter adds the code. */
function withAppErrorsConverted<R extends { ok: true } | { ok: false; error: TRPCError }>(result: R): R {
  if (!result.ok && isAppError(result.error.cause)) return { ...result, error: toTRPCError(result.error.cause) };
  return result;
}

const convertAppErrors = t.middleware(async ({ next }) => withAppErrorsConverted(await next()));

export const publicProcedure = t.procedure.use(convertAppErrors);

/**
 * The one middleware of an authenticated procedure: it checks the credentials, adds what it
 * verified to the context and converts AppErrors like `convertAppErrors`. One layer rather than
 * a chain, because tRPC copies the whole context at every layer and an authenticated read is
 * mostly such overhead.
 */
function authenticated<Auth extends object>(authenticate: (ctx: Context) => Promise<Auth>) {
  return t.middleware(async ({ ctx, next }) => {
    let auth: Auth;
    try {
      auth = await authenticate(ctx);
    } catch (error) {
      throw isAppError(error) ? toTRPCError(error) : error;
    }
    return withAppErrorsConverted(await next({ ctx: auth }));
  });
}

export const tenantProcedure = t.procedure.use(authenticated(({ deps, credentials }) => authenticateTenant(deps, credentials)));

export const learnerProcedure = t.procedure.use(
  authenticated(async ({ deps, credentials }) => {
    const tenantAuth = await authenticateTenant(deps, credentials);
    return { ...tenantAuth, ...(await authenticateLearner(deps, credentials, tenantAuth)) };
  }),
);

export const learnerIdentityProcedure = t.procedure.use(
  authenticated(async ({ deps, credentials }) => {
    const tenantAuth = await authenticateTenant(deps, credentials);
    return { ...tenantAuth, ...(await authenticateLearnerIdentity(deps, credentials, tenantAuth)) };
  }),
);

export const adminProcedure = t.procedure.use(
  authenticated(async ({ deps, credentials }) => {
    const tenantAuth = await authenticateTenant(deps, credentials);
    return { ...tenantAuth, ...(await authenticateAdmin(deps, credentials, tenantAuth.tenant, tenantAuth.apiKey)) };
  }),
);
