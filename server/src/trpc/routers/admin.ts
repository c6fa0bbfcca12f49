import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { ApiKey } from '../../store/records.js';
import { issueApiKey } from '../../tenancy/provision.js';
import { tenantSettingsSchema } from '../../tenancy/tenant-settings.js';
import { adminProcedure, router } from '../init.js';
import { adminAiRouter } from './ai-admin.js';
import { adminPassesRouter, adminSeatsRouter } from './billing-admin.js';
import { learnerProfile } from './learner.js';
import { adminPrivacyRouter, learnerPrivacyAdminProcedures } from './privacy-admin.js';

const id = z.string().min(1).max(64);

function keyView(key: ApiKey) {
  const { id: keyId, kind, prefix, label, createdAt, lastUsedAt, revokedAt } = key;
  return { id: keyId, kind, prefix, label, createdAt, lastUsedAt, revokedAt };
}

const keysRouter = router({
  list: adminProcedure.query(async ({ ctx }) => (await ctx.tenantStore.apiKeys.list()).map(keyView)),

  /** The full key is in this answer only; it is never shown again. */
  create: adminProcedure
    .input(z.strictObject({ kind: z.enum(['publishable', 'secret']), label: z.string().trim().min(1).max(80) }))
    .mutation(async ({ ctx, input }) => {
      const issued = await issueApiKey(ctx.deps.store, ctx.tenant.id, input.kind, input.label);
      return { key: issued.key, record: keyView(issued.record) };
    }),

  revoke: adminProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
    if (ctx.admin.kind === 'secret-key' && ctx.admin.keyId === input.id) {
      throw new AppError('CONFLICT', 'A key cannot revoke itself; use another secret key.');
    }
    const revoked = await ctx.tenantStore.apiKeys.revoke(input.id);
    ctx.deps.authCache.invalidateKey(revoked.id);
    return keyView(revoked);
  }),
});

const learnersRouter = router({
  /**
   * Mints a short-lived learner token for the tenant's signed-in user. The learner record is
   * created when the token is first used.
   */
  createToken: adminProcedure
    .input(
      z.strictObject({
        externalId: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .refine((v) => !/^(guest|clerk):/.test(v), 'the guest: and clerk: prefixes are reserved'),
        email: z.email().max(254).optional(),
        name: z.string().trim().min(1).max(200).optional(),
        ttlSeconds: z.number().int().min(60).max(86_400).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { deps, tenant } = ctx;
      const { token, expiresAt } = await deps.tokens.sign(
        {
          tenantId: tenant.id,
          externalId: input.externalId,
          email: input.email ?? null,
          name: input.name ?? null,
          guest: false,
          keyId: ctx.admin.kind === 'secret-key' ? ctx.admin.keyId : null,
        },
        input.ttlSeconds ?? deps.config.learnerTokenTtlSeconds,
      );
      return { token, expiresAt: expiresAt.toISOString() };
    }),

  list: adminProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(100).default(25), cursor: z.string().max(200).nullish() }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.tenantStore.learners.list({ limit: input.limit, cursor: input.cursor ?? null });
      return { items: page.items.map(learnerProfile), nextCursor: page.nextCursor };
    }),

  get: adminProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const learner = await ctx.tenantStore.learners.get(input.id);
    if (!learner) throw new AppError('NOT_FOUND', 'No such learner.');
    return learnerProfile(learner);
  }),

  /** Accommodations: mock-interview time limits are multiplied by `extendedTimeMultiplier`. */
  setAccommodations: adminProcedure
    .input(z.strictObject({ id, extendedTimeMultiplier: z.number().min(1).max(4).multipleOf(0.25) }))
    .mutation(async ({ ctx, input }) =>
      learnerProfile(await ctx.tenantStore.learners.update(input.id, { extendedTimeMultiplier: input.extendedTimeMultiplier })),
    ),
  ...learnerPrivacyAdminProcedures,
});

const settingsRouter = router({
  get: adminProcedure.query(({ ctx }) => ({ id: ctx.tenant.id, name: ctx.tenant.name, settings: ctx.tenant.settings })),

  update: adminProcedure
    .input(z.strictObject({ name: z.string().trim().min(1).max(120).optional(), settings: tenantSettingsSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const tenant = await ctx.deps.store.updateTenant(ctx.tenant.id, input);
      // Also refreshes the CORS origins, so a newly allowed site works at once.
      ctx.deps.authCache.invalidateTenant(tenant.id);
      return { id: tenant.id, name: tenant.name, settings: tenant.settings };
    }),
});

export const adminRouter = router({
  keys: keysRouter,
  learners: learnersRouter,
  settings: settingsRouter,
  ai: adminAiRouter,
  passes: adminPassesRouter,
  seats: adminSeatsRouter,
  privacy: adminPrivacyRouter,
});
