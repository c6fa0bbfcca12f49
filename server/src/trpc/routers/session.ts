import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { collectFeedback } from '../../coach/coach.js';
import { AppError } from '../../errors.js';
import { learnerText } from '../../practice/answer-text.js';
import { recordUsage, requireEntitlement } from '../../practice/entitlement.js';
import { feedbackProducer } from '../../practice/feedback.js';
import { mockProgress } from '../../practice/mock-timing.js';
import { interviewTypes, seniorities, type Answer, type InterviewSession } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import { learnerProcedure, router } from '../init.js';

export const DEFAULT_MOCK_SECONDS = 120;
const RECENT_SESSIONS_TO_AVOID = 5;

const id = z.string().min(1).max(64);

const createInput = z.strictObject({
  role: learnerText(120).transform((s) => s.trim()).pipe(z.string().min(2, 'name the role you are practising for')),
  seniority: z.enum(seniorities),
  interviewType: z.enum(interviewTypes),
  company: learnerText(120).transform((s) => s.trim() || null).nullish(),
  jobDescription: learnerText(8000).transform((s) => s.trim() || null).nullish(),
  questionCount: z.number().int().min(1).max(15),
  mode: z.enum(['practice', 'mock']),
  /** Mock mode only: seconds per question before the learner's extended-time multiplier. */
  questionTimeLimitSec: z.number().int().min(30).max(900).optional(),
});

/** The latest attempt per question, as a session view shows it. */
function latestAttempts(answers: readonly Answer[]) {
  const latest = new Map<string, Answer>();
  for (const a of answers) {
    const seen = latest.get(a.questionId);
    if (!seen || a.attempt > seen.attempt) latest.set(a.questionId, a);
  }
  return [...latest.values()].map((a) => ({
    questionId: a.questionId,
    answerId: a.id,
    attempt: a.attempt,
    late: a.late,
    feedbackStatus: a.feedbackStatus,
    overallScore: a.feedback?.overallScore ?? null,
  }));
}

/** A session's average: the mean overall score of the latest scored attempt per question. */
export function averageScore(answers: readonly Answer[]): number | null {
  const scores = latestAttempts(answers)
    .map((a) => a.overallScore)
    .filter((x): x is number => x !== null);
  return scores.length ? Math.round(scores.reduce((x, y) => x + y, 0) / scores.length) : null;
}

export function sessionView(session: InterviewSession, answers: readonly Answer[]) {
  const { tenantId: _tenantId, learnerId: _learnerId, ...rest } = session;
  return {
    ...rest,
    questions: session.questions.map(({ id: questionId, text, competency, guidance }) => ({ id: questionId, text, competency, guidance })),
    answers: latestAttempts(answers),
    mock: session.mode === 'mock' ? mockProgress(session, answers) : null,
  };
}

/** The learner's own session, or NOT_FOUND (another learner's looks the same as none). */
export async function ownSession(tenantStore: TenantStore, learnerId: string, sessionId: string): Promise<InterviewSession> {
  const session = await tenantStore.sessions.get(sessionId);
  if (!session || session.learnerId !== learnerId) throw new AppError('NOT_FOUND', 'No such interview session.');
  return session;
}

export const sessionRouter = router({
  create: learnerProcedure.input(createInput).mutation(async ({ ctx, input, signal }) => {
    const { deps, tenant, tenantStore, learner } = ctx;
    const now = deps.clock();
    await requireEntitlement({ tenant, tenantStore, learner, now }, 'questionSets');

    const recent = await tenantStore.sessions.listForLearner(learner.id, { limit: RECENT_SESSIONS_TO_AVOID });
    // Bank ids for the offline coach, texts for a model that cannot know bank ids.
    const avoid = recent.items.flatMap((s) => s.questions.flatMap((q) => [q.source, q.text]));
    const coach = deps.coachFor(tenant, learner);
    const questions = await coach.generateQuestions(
      {
        role: input.role,
        seniority: input.seniority,
        interviewType: input.interviewType,
        company: input.company ?? null,
        jobDescription: input.jobDescription ?? null,
        count: input.questionCount,
        seed: randomUUID(),
        avoidQuestionIds: avoid,
        locale: learner.locale ?? tenant.settings.branding.locale,
      },
      signal,
    );
    const limit =
      input.mode === 'mock'
        ? Math.round((input.questionTimeLimitSec ?? DEFAULT_MOCK_SECONDS) * learner.extendedTimeMultiplier)
        : null;
    const session = await tenantStore.sessions.create({
      learnerId: learner.id,
      role: input.role,
      seniority: input.seniority,
      interviewType: input.interviewType,
      company: input.company ?? null,
      jobDescription: input.jobDescription ?? null,
      mode: input.mode,
      questions,
      questionTimeLimitSec: limit,
    });
    await recordUsage(tenantStore, learner.id, now, { questionSets: 1, questions: questions.length });
    deps.analytics.capture('session started', { tenantId: tenant.id, learner }, {
      mode: input.mode,
      interviewType: input.interviewType,
      seniority: input.seniority,
      questionCount: questions.length,
    });
    return sessionView(session, []);
  }),

  get: learnerProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => {
    const session = await ownSession(ctx.tenantStore, ctx.learner.id, input.id);
    return sessionView(session, await ctx.tenantStore.answers.listForSession(session.id));
  }),

  /** Newest first. */
  list: learnerProcedure
    .input(z.strictObject({ limit: z.number().int().min(1).max(50).default(10), cursor: z.string().max(200).nullish() }))
    .query(async ({ ctx, input }) => {
      const page = await ctx.tenantStore.sessions.listForLearner(ctx.learner.id, { limit: input.limit, cursor: input.cursor ?? null });
      // One read for the whole page, grouped here (Map.groupBy needs Node 21).
      const bySession = new Map<string, Answer[]>();
      for (const answer of await ctx.tenantStore.answers.listForSessions(page.items.map((s) => s.id))) {
        const list = bySession.get(answer.sessionId);
        if (list) list.push(answer);
        else bySession.set(answer.sessionId, [answer]);
      }
      const items = page.items.map((s) => {
        const answers = bySession.get(s.id) ?? [];
        return {
          id: s.id,
          role: s.role,
          company: s.company,
          interviewType: s.interviewType,
          mode: s.mode,
          status: s.status,
          questionCount: s.questions.length,
          answeredCount: latestAttempts(answers).length,
          averageScore: averageScore(answers),
          mockScore: s.summary?.overallScore ?? null,
          createdAt: s.createdAt,
          completedAt: s.completedAt,
        };
      });
      return { items, nextCursor: page.nextCursor };
    }),

  /** Ends the session; a mock interview gets its overall score and written summary here. */
  complete: learnerProcedure.input(z.strictObject({ id })).mutation(async ({ ctx, input, signal }) => {
    const { deps, tenant, tenantStore, learner } = ctx;
    const session = await ownSession(tenantStore, learner.id, input.id);
    if (session.status === 'completed') throw new AppError('CONFLICT', 'This session is already complete.');
    let answers = await tenantStore.answers.listForSession(session.id);
    let summary = null;
    if (session.mode === 'mock') {
      // A mock interview is summarised from scores, so every answer is scored first.
      const unscored = answers.filter((a) => a.feedbackStatus !== 'ready');
      for (const answer of unscored) {
        const producer = feedbackProducer({ deps, tenant, tenantStore, learner, session, answer });
        await collectFeedback(deps.feedbackRuns.follow(answer.id, producer, signal ?? new AbortController().signal));
      }
      if (unscored.length > 0) answers = await tenantStore.answers.listForSession(session.id);
      summary = await deps.coachFor(tenant, learner).summariseMock({ session, answers }, signal);
    }
    const completed = await tenantStore.sessions.complete(session.id, summary);
    return sessionView(completed, answers);
  }),
});
