import { getEntitlement } from '../../practice/entitlement.js';
import { coreCompetencies } from '../../progress/competencies.js';
import { computeReadiness, readinessHistory, type ScoredAnswer } from '../../progress/readiness.js';
import type { Answer, InterviewSession } from '../../store/records.js';
import type { TenantStore } from '../../store/store.js';
import { learnerProcedure, router } from '../init.js';
import { averageScore } from './session.js';

// Readiness looks back 90 days; this bounds the work for very active learners.
const MAX_ANSWERS = 2000;

async function scoredAnswers(
  tenantStore: TenantStore,
  learnerId: string,
): Promise<{ scored: ScoredAnswer[]; sessions: Map<string, InterviewSession>; answers: Answer[] }> {
  const sessions = new Map<string, InterviewSession>();
  let cursor: string | null = null;
  do {
    const page = await tenantStore.sessions.listForLearner(learnerId, { limit: 100, cursor });
    for (const s of page.items) sessions.set(s.id, s);
    cursor = page.nextCursor;
  } while (cursor && sessions.size < MAX_ANSWERS);

  const scored: ScoredAnswer[] = [];
  const answers: Answer[] = [];
  cursor = null;
  do {
    const page = await tenantStore.answers.listForLearner(learnerId, { limit: 100, cursor });
    answers.push(...page.items);
    for (const a of page.items) {
      const question = sessions.get(a.sessionId)?.questions.find((q) => q.id === a.questionId);
      if (question && a.feedback) scored.push({ competency: question.competency, score: a.feedback.overallScore, at: new Date(a.createdAt) });
    }
    cursor = page.nextCursor;
  } while (cursor && scored.length < MAX_ANSWERS);
  return { scored, sessions, answers };
}

export const progressRouter = router({
  /** The 0-100 readiness score, its parts, standing per competency and the next thing to practise. */
  readiness: learnerProcedure.query(async ({ ctx }) => {
    const { scored } = await scoredAnswers(ctx.tenantStore, ctx.learner.id);
    return computeReadiness(scored, ctx.deps.clock(), coreCompetencies);
  }),

  /** Weekly readiness for a trend chart, and per-session average scores (newest first). */
  history: learnerProcedure.query(async ({ ctx }) => {
    // The answers readiness already read also give each session's average: no second read.
    const { scored, sessions, answers } = await scoredAnswers(ctx.tenantStore, ctx.learner.id);
    const bySession = new Map<string, Answer[]>();
    for (const a of answers) bySession.set(a.sessionId, [...(bySession.get(a.sessionId) ?? []), a]);
    return {
      points: readinessHistory(scored, ctx.deps.clock(), coreCompetencies),
      sessions: [...sessions.values()].slice(0, 30).map((s) => {
        return {
          id: s.id,
          role: s.role,
          mode: s.mode,
          status: s.status,
          createdAt: s.createdAt,
          averageScore: averageScore(bySession.get(s.id) ?? []),
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
