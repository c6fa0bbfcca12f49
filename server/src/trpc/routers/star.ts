import { z } from 'zod';
import { AppError } from '../../errors.js';
import { learnerText, MAX_ANSWER_CHARS } from '../../practice/answer-text.js';
import type { StarDraft, StarDraftContent } from '../../store/records.js';
import { learnerProcedure, router } from '../init.js';

const id = z.string().min(1).max(64);
const part = learnerText(3000);

const contentSchema = z.strictObject({
  title: learnerText(120).transform((s) => s.trim()),
  competency: z.string().trim().min(1).max(60).nullable(),
  situation: part,
  task: part,
  action: part,
  result: part,
  reflection: part,
});

export function starView(draft: StarDraft) {
  const { tenantId: _t, learnerId: _l, ...rest } = draft;
  return rest;
}

/** Joins the parts into answer prose, in STAR order, within the answer length limit. */
export function starToAnswerText(content: StarDraftContent): string {
  const text = [content.situation, content.task, content.action, content.result, content.reflection]
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
  return text.length <= MAX_ANSWER_CHARS ? text : `${text.slice(0, MAX_ANSWER_CHARS - 1).trimEnd()}…`;
}

export const starRouter = router({
  list: learnerProcedure.query(async ({ ctx }) => (await ctx.tenantStore.starDrafts.listForLearner(ctx.learner.id)).map(starView)),

  get: learnerProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const draft = await ctx.tenantStore.starDrafts.get(input.id);
    if (!draft || draft.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such STAR story.');
    return starView(draft);
  }),

  /**
   * Autosave-friendly: create with `id: null, expectedRevision: 0`; update with the revision
   * last seen. A stale revision is refused with CONFLICT (another tab saved first) and
   * nothing is overwritten.
   */
  save: learnerProcedure
    .input(z.strictObject({ id: id.nullable(), expectedRevision: z.number().int().min(0), content: contentSchema }))
    .mutation(async ({ ctx, input }) =>
      starView(
        await ctx.tenantStore.starDrafts.save({
          id: input.id,
          learnerId: ctx.learner.id,
          expectedRevision: input.expectedRevision,
          content: input.content,
        }),
      ),
    ),

  delete: learnerProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => {
    const draft = await ctx.tenantStore.starDrafts.get(input.id);
    if (!draft || draft.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such STAR story.');
    await ctx.tenantStore.starDrafts.delete(input.id);
    return { deleted: true as const };
  }),

  /** Coach suggestions for each part of a saved story. */
  suggest: learnerProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input, signal }) => {
    const draft = await ctx.tenantStore.starDrafts.get(input.id);
    if (!draft || draft.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such STAR story.');
    const locale = ctx.learner.locale ?? ctx.tenant.settings.branding.locale;
    return ctx.deps.coachFor(ctx.tenant, ctx.learner).suggestStar(draft, locale, signal);
  }),

  /** The story as answer text, ready to paste into an answer. */
  toAnswer: learnerProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const draft = await ctx.tenantStore.starDrafts.get(input.id);
    if (!draft || draft.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such STAR story.');
    return { text: starToAnswerText(draft) };
  }),
});
