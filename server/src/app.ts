/**
 * `buildApp` assembles the server without listening (tests use `app.inject()`); `main.ts`
 * listens. Adapters are chosen from the config here, and only here.
 */
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { Config } from './config.js';
import { errorTable, isAppError, type ErrorCode } from './errors.js';
import { createAnthropicDeployment } from './coach/anthropic/deployment.js';
import { endOfLifeWarning } from './coach/anthropic/settings.js';
import { createOfflineCoach } from './coach/offline/offline-coach.js';
import { createCoachSelector } from './coach/select-coach.js';
import { createAuthCache } from './identity/auth-cache.js';
import { createClerkVerifier } from './identity/clerk.js';
import { learnerRef } from './practice/feedback.js';
import { createFeedbackRuns } from './practice/feedback-runs.js';
import { createLearnerTokenSigner } from './identity/learner-token.js';
import { resolveSigningSecret } from './identity/signing-secret.js';
import { createRequestContextFactory, type AppDeps } from './trpc/context.js';
import { loggerOptions } from './logger.js';
import type { DestinationStream } from 'pino';
import { registerRateLimits } from './http/rate-limits.js';
import { appRouter, type AppRouter } from './trpc/app-router.js';
import { createOriginRegistry, registerCors } from './http/cors.js';
import { errorBody, TRPC_PREFIX } from './http/error-body.js';
import { registerHealthRoutes } from './http/health.js';
import { registerWidgetAssets } from './http/widget-assets.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { createAnalytics } from './observability/analytics.js';
import { createErrorMonitor } from './observability/error-monitor.js';
import { createErasure } from './privacy/erasure.js';
import { createPrivacyJobs } from './privacy/jobs.js';
import { isProcessingRestricted } from './privacy/restriction.js';
import { createMongoStore } from './store/mongo/index.js';
import { createSqliteStore } from './store/sqlite/index.js';
import type { Store } from './store/store.js';
import { createBillingServices, registerBillingJobs, registerBillingRoutes, type BillingServices } from './billing/services.js';
import { createScheduler } from './jobs/scheduler.js';
import { secretBoxFromConfig } from './tenancy/secret-box.js';

export interface BuildOptions {
  /** Use this store instead of the configured one (tests); the caller closes it. */
  store?: Store;
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
  clock?: () => Date;
  /** Replace billing adapters (tests: a Stripe pointed at a fake, a failing mailer). */
  billing?: Partial<BillingServices>;
}

export interface BuiltApp {
  app: FastifyInstance;
  deps: AppDeps;
}

async function openStore(config: Config, logger: FastifyBaseLogger): Promise<Store> {
  if (config.store.kind === 'sqlite') {
    mkdirSync(config.dataDir, { recursive: true });
    return createSqliteStore({ file: config.store.file });
  }
  // Indexes are built at start-up in development only; production runs `npm run db:sync-indexes`.
  return createMongoStore({ uri: config.store.uri, autoIndex: config.env !== 'production', logger });
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    logger: { ...loggerOptions(config.logLevel), ...(options.logDestination ? { stream: options.logDestination } : {}) },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Batched GETs put every call's path in the URL: the default 100 characters gives 414s.
    routerOptions: { maxParamLength: 5000 },
  });
  const logger = app.log;
  const store = options.store ?? (await openStore(config, app.log));
  const clock = options.clock ?? (() => new Date());
  const origins = createOriginRegistry(store);
  const offlineCoach = createOfflineCoach();
  const anthropic = createAnthropicDeployment(config.anthropic, { logger });
  for (const model of new Set([config.anthropic.feedbackModel, config.anthropic.questionModel])) {
    const warning = endOfLifeWarning(model, clock());
    if (warning) logger.warn(warning);
  }
  const secretBox = secretBoxFromConfig(config);
  const selectCoach = createCoachSelector({ offline: offlineCoach, anthropic, secretBox, store, clock, logger });
  const signingSecret = resolveSigningSecret(config.tokenSigningSecret, config.dataDir);
  const analytics = await createAnalytics(config.analytics, { secret: signingSecret, logger });
  const errors = await createErrorMonitor(config.errorMonitoring);
  const erasure = createErasure({
    clock,
    purgeAfterDays: config.privacy.purgeAfterDays,
    // admin.learners.createToken allows up to a day, whatever the default TTLs say.
    maxTokenLifetimeSeconds: Math.max(86_400, config.learnerTokenTtlSeconds, config.guestTokenTtlSeconds),
    secret: signingSecret,
    analytics,
    logger,
  });
  const billing = createBillingServices(config, logger, options.billing);
  // Timers start when the server listens (onListen below); tests drive jobs with runNow().
  const jobs = createScheduler({ store, clock, logger });
  registerBillingJobs(jobs, { store, mailer: billing.mailer, config });
  for (const job of createPrivacyJobs({ store, erasure, analytics })) jobs.register(job);
  const deps: AppDeps = {
    ...billing,
    jobs,
    config,
    store,
    logger,
    clock,
    origins,
    authCache: createAuthCache({ store, clock, onInvalidateTenant: () => origins.invalidate() }),
    tokens: createLearnerTokenSigner(signingSecret, clock),
    clerk: config.clerkJwtKey ? createClerkVerifier(config.clerkJwtKey) : null,
    coachFor: (tenant, learner) =>
      selectCoach(tenant, {
        ref: learnerRef(learner),
        names: learner.name ? [learner.name] : [],
        locale: learner.locale ?? tenant.settings.branding.locale,
        restricted: isProcessingRestricted(learner),
      }),
    anthropic,
    secretBox,
    feedbackRuns: createFeedbackRuns(),
    erasure,
    analytics,
    errors,
  };

  app.setErrorHandler((error, request, reply) => {
    const status = typeof (error as { statusCode?: unknown }).statusCode === 'number' ? (error as { statusCode: number }).statusCode : 500;
    const code: ErrorCode = isAppError(error) ? error.code : (STATUS_CODES[status] ?? 'INTERNAL');
    if (code === 'INTERNAL') {
      request.log.error({ err: error }, 'unhandled error');
      errors.capture(error, { path: `${request.method} ${request.routeOptions.url ?? ''}`, input: request.body });
    }
    const message = code === 'INTERNAL' || code === 'RATE_LIMITED' ? errorTable[code].message : (error as Error).message;
    return reply.code(errorTable[code].status).send(errorBody(request, code, message));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(request, 'NOT_FOUND')));

  registerSecurityHeaders(app, { publicUrl: config.publicUrl });
  registerHealthRoutes(app, store);
  registerWidgetAssets(app);
  await registerBillingRoutes(app, { ...billing, store, logger, clock, config, analytics });
  registerCors(app, origins, TRPC_PREFIX);

  await app.register(async (api) => {
    registerRateLimits(api, config.rateLimit, deps.tokens);
    await api.register(fastifyTRPCPlugin, {
      prefix: TRPC_PREFIX,
      trpcOptions: {
        router: appRouter,
        createContext: createRequestContextFactory(deps),
        onError({ error, path, input }) {
          if (error.code === 'INTERNAL_SERVER_ERROR' && !isAppError(error.cause)) {
            logger.error({ err: error.cause ?? error, path }, 'procedure failed');
            errors.capture(error.cause ?? error, { ...(path ? { path } : {}), input });
          }
        },
      } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
    });
  });

  app.addHook('onListen', async () => jobs.start());
  app.addHook('onClose', async () => {
    await jobs.stop();
    await billing.mailer.close();
    await analytics.shutdown();
    await errors.close();
    if (!options.store) await store.close();
  });

  return { app, deps };
}
