import { tracked } from '@trpc/server';
import { z } from 'zod';
import { collectFeedback } from '../../coach/coach.js';
import { AppError } from '../../errors.js';
import { answerTextSchema, countWords, speakingTimeSeconds } from '../../practice/answer-text.js';
import { requireEntitlement } from '../../practice/entitlement.js';
import { feedbackProducer, replayEvents } from '../../practice/feedback.js';
import { detectConfidential } from '../../practice/domain/confidential.js';
import { isLate, mockProgress } from '../../practice/mock-timing.js';
import type { Answer } from '../../store/records.js';
import { wordCountBand } from '../../observability/analytics.js';
import { learnerProcedure, router } from '../init.js';
import { ownSession } from './session.js';

const id = z.string().min(1).max(64);

export function answerView(answer: Answer) {
  const { tenantId: _t, learnerId: _l, ...rest } = answer;
  return { ...rest, speakingTimeSec: speakingTimeSeconds(answer.wordCount) };
}

async function ownAnswer(ctx: { tenantStore: import('../../store/store.js').TenantStore; learner: { id: string } }, answerId: string) {
  const answer = await ctx.tenantStore.answers.get(answerId);
  if (!answer || answer.learnerId !== ctx.learner.id) throw new AppError('NOT_FOUND', 'No such answer.');
  return answer;
}

export const answerRouter = router({
  /** Checks text before submission: confidential-material warnings, words, speaking time. Stores nothing. */
  check: learnerProcedure.input(z.strictObject({ text: answerTextSchema })).mutation(({ input }) => {
    const wordCount = countWords(input.text);
    return { warnings: detectConfidential(input.text), wordCount, speakingTimeSec: speakingTimeSeconds(wordCount) };
  }),

  /**
   * Stores the answer (it is never lost, whatever happens to its feedback) and returns at
   * once; feedback then streams through `answer.feedback`.
   */
  submit: learnerProcedure
    .input(z.strictObject({ sessionId: id, questionId: id, text: answerTextSchema }))
    .mutation(async ({ ctx, input }) => {
      const { deps, tenant, tenantStore, learner } = ctx;
      const now = deps.clock();
      const session = await ownSession(tenantStore, learner.id, input.sessionId);
      if (session.status === 'completed') throw new AppError('CONFLICT', 'This session is complete; start a new one to keep practising.');
      const index = session.questions.findIndex((q) => q.id === input.questionId);
      if (index === -1) throw new AppError('NOT_FOUND', 'No such question in this session.');

      let late = false;
      if (session.mode === 'mock') {
        const progress = mockProgress(session, await tenantStore.answers.listForSession(session.id));
        if (index < progress.currentIndex) throw new AppError('CONFLICT', 'A mock interview takes each question once.');
        if (index > progress.currentIndex) throw new AppError('CONFLICT', 'A mock interview takes the questions in order.');
        late = isLate(progress, now);
      }
      await requireEntitlement({ tenant, tenantStore, learner, now }, 'feedback');

      const wordCount = countWords(input.text);
      const answer = await tenantStore.answers.create({
        learnerId: learner.id,
        sessionId: session.id,
        questionId: input.questionId,
        text: input.text,
        wordCount,
        late,
      });
      const warnings = detectConfidential(input.text);
      deps.analytics.capture('answer submitted', { tenantId: tenant.id, learner }, {
        mode: session.mode,
        attempt: answer.attempt,
        late,
        wordCountBand: wordCountBand(wordCount),
        confidentialWarnings: warnings.length,
      });
      return { answer: answerView(answer), warnings };
    }),

  get: learnerProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => answerView(await ownAnswer(ctx, input.id))),

  /** Every attempt at one question, newest first, for side-by-side comparison. */
  listForQuestion: learnerProcedure
    .input(z.strictObject({ sessionId: id, questionId: id }))
    .query(async ({ ctx, input }) => {
      const session = await ownSession(ctx.tenantStore, ctx.learner.id, input.sessionId);
      return (await ctx.tenantStore.answers.listForQuestion(session.id, input.questionId)).map(answerView);
    }),

  /**
   * Streams the answer's feedback as it is produced (SSE). Each event has an id; a client
   * that reconnects with `lastEventId` continues after it. Once feedback is complete, a
   * resumed stream sends the finished result only.
   */
  feedback: learnerProcedure
    .input(z.strictObject({ answerId: id, lastEventId: z.string().max(100).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const answer = await ownAnswer(ctx, input.answerId);
      const resumeAfter = input.lastEventId ? Number.parseInt(input.lastEventId, 10) : -1;
      if (answer.feedbackStatus === 'ready' && answer.feedback) {
        const events = replayEvents(answer.feedback);
        const start = resumeAfter >= 0 ? events.length - 1 : 0;
        for (let i = start; i < events.length; i++) yield tracked(String(i), events[i]!);
        return;
      }
      const session = await ownSession(ctx.tenantStore, ctx.learner.id, answer.sessionId);
      const producer = feedbackProducer({ ...ctx, session, answer });
      let index = 0;
      for await (const event of ctx.deps.feedbackRuns.follow(answer.id, producer, signal ?? new AbortController().signal)) {
        if (index > resumeAfter) yield tracked(String(index), event);
        index++;
      }
    }),

  /** The finished feedback without streaming (generated now if it is not there yet). */
  evaluate: learnerProcedure.input(z.strictObject({ answerId: id })).mutation(async ({ ctx, input, signal }) => {
    const answer = await ownAnswer(ctx, input.answerId);
    if (answer.feedbackStatus === 'ready' && answer.feedback) return answer.feedback;
    const session = await ownSession(ctx.tenantStore, ctx.learner.id, answer.sessionId);
    return collectFeedback(
      ctx.deps.feedbackRuns.follow(answer.id, feedbackProducer({ ...ctx, session, answer }), signal ?? new AbortController().signal),
    );
  }),
});
