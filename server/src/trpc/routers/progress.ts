import { getEntitlement } from '../../practice/entitlement.js';
import { coreCompetencies } from '../../progress/competencies.js';
import { computeReadiness, readinessHistory, type ScoredAnswer } from '../../progress/readiness.js';
import type { InterviewSession } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import { learnerProcedure, router } from '../init.js';

// Readiness looks back 90 days; this bounds the work for very active learners.
const MAX_ANSWERS = 2000;

async function scoredAnswers(tenantStore: TenantStore, learnerId: string): Promise<{ scored: ScoredAnswer[]; sessions: Map<string, InterviewSession> }> {
  const sessions = new Map<string, InterviewSession>();
  let cursor: string | null = null;
  do {
    const page = await tenantStore.sessions.listForLearner(learnerId, { limit: 100, cursor });
    for (const s of page.items) sessions.set(s.id, s);
    cursor = page.nextCursor;
  } while (cursor && sessions.size < MAX_ANSWERS);

  const scored: ScoredAnswer[] = [];
  cursor = null;
  do {
    const page = await tenantStore.answers.listForLearner(learnerId, { limit: 100, cursor });
    for (const a of page.items) {
      const question = sessions.get(a.sessionId)?.questions.find((q) => q.id === a.questionId);
      if (question && a.feedback) scored.push({ competency: question.competency, score: a.feedback.overallScore, at: new Date(a.createdAt) });
    }
    cursor = page.nextCursor;
  } while (cursor && scored.length < MAX_ANSWERS);
  return { scored, sessions };
}

export const progressRouter = router({
  /** The 0-100 readiness score, its parts, standing per competency and the next thing to practise. */
  readiness: learnerProcedure.query(async ({ ctx }) => {
    const { scored } = await scoredAnswers(ctx.tenantStore, ctx.learner.id);
    return computeReadiness(scored, ctx.deps.clock(), coreCompetencies);
  }),

  /** Weekly readiness for a trend chart, and per-session average scores (newest first). */
  history: learnerProcedure.query(async ({ ctx }) => {
    const { scored, sessions } = await scoredAnswers(ctx.tenantStore, ctx.learner.id);
    const bySession = new Map<string, number[]>();
    const answers = await ctx.tenantStore.answers.listForLearner(ctx.learner.id, { limit: 100 });
    for (const a of answers.items) {
      if (!a.feedback) continue;
      bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a.feedback.overallScore]);
    }
    return {
      points: readinessHistory(scored, ctx.deps.clock(), coreCompetencies),
      sessions: [...sessions.values()].slice(0, 30).map((s) => {
        const scores = bySession.get(s.id) ?? [];
        return {
          id: s.id,
          role: s.role,
          mode: s.mode,
          status: s.status,
          createdAt: s.createdAt,
          averageScore: scores.length ? Math.round(scores.reduce((x, y) => x + y, 0) / scores.length) : null,
          mockScore: s.summary?.overallScore ?? null,
        };
      }),
    };
  }),

  /** What the learner may still do this month (free tier), or the pass/sponsorship that lifts limits. */
  entitlement: learnerProcedure.query(async ({ ctx }) => {
    const e = await getEntitlement({ ...ctx, now: ctx.deps.clock() });
    return {
      kind: e.kind,
      period: e.period,
      remaining: e.remaining,
      pass: e.pass
        ? { type: e.pass.type, source: e.pass.source, startsAt: e.pass.startsAt, expiresAt: e.pass.expiresAt, coveredUntil: e.coveredUntil }
        : null,
    };
  }),
});
