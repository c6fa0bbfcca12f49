/**
 * The readiness score: a pure, documented function of a learner's scored answers.
 *
 *   readiness = 0.60 × performance + 0.25 × coverage + 0.15 × consistency      (0-100, rounded)
 *
 * - performance: for each competency practised in the last 90 days, a recency-weighted mean of
 *   its latest three scores (weights 3, 2, 1, newest first); then the mean over competencies.
 * - coverage: distinct competencies with a scored answer in the last 90 days, out of
 *   COVERAGE_TARGET (8) core competencies, capped at 100.
 * - consistency: of the last 4 weeks, the share with at least one scored answer, blended with
 *   the share of the last 28 days with practice (capped at 12 days): 0.7 × weeks + 0.3 × days.
 *
 * No answers means 0 everywhere. The next thing to practise is an unpractised core competency
 * while coverage is under 50, otherwise the weakest practised competency scoring under 70,
 * otherwise the least recently practised one.
 */

export interface ScoredAnswer {
  competency: string;
  /** 0-100 overall feedback score. */
  score: number;
  at: Date;
}

export interface CompetencyStanding {
  competency: string;
  score: number;
  attempts: number;
  lastPractisedAt: string;
}

export interface NextPractice {
  competency: string;
  reason: 'not-practised' | 'weakest' | 'least-recent';
}

export interface Readiness {
  score: number;
  parts: { performance: number; coverage: number; consistency: number };
  competencies: CompetencyStanding[];
  next: NextPractice | null;
}

export const WEIGHTS = { performance: 0.6, coverage: 0.25, consistency: 0.15 } as const;
export const COVERAGE_TARGET = 8;
const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
const RECENCY_WEIGHTS = [3, 2, 1];

export function computeReadiness(answers: readonly ScoredAnswer[], now: Date, coreCompetencies: readonly string[]): Readiness {
  const windowStart = now.getTime() - WINDOW_DAYS * DAY_MS;
  const recent = answers.filter((a) => a.at.getTime() <= now.getTime() && a.at.getTime() >= windowStart);

  const byCompetency = new Map<string, ScoredAnswer[]>();
  for (const answer of recent) {
    const list = byCompetency.get(answer.competency) ?? [];
    list.push(answer);
    byCompetency.set(answer.competency, list);
  }

  const competencies: CompetencyStanding[] = [...byCompetency.entries()]
    .map(([competency, list]) => {
      const newestFirst = [...list].sort((x, y) => y.at.getTime() - x.at.getTime());
      const latest = newestFirst.slice(0, RECENCY_WEIGHTS.length);
      const weightSum = latest.reduce((sum, _a, i) => sum + (RECENCY_WEIGHTS[i] ?? 0), 0);
      const weighted = latest.reduce((sum, a, i) => sum + clamp(a.score) * (RECENCY_WEIGHTS[i] ?? 0), 0);
      return {
        competency,
        score: Math.round(weighted / weightSum),
        attempts: list.length,
        lastPractisedAt: newestFirst[0]!.at.toISOString(),
      };
    })
    .sort((x, y) => x.competency.localeCompare(y.competency));

  const performance =
    competencies.length === 0 ? 0 : Math.round(competencies.reduce((s, c) => s + c.score, 0) / competencies.length);
  const coverage = Math.min(100, Math.round((competencies.length / COVERAGE_TARGET) * 100));
  const consistency = consistencyOf(recent, now);
  const score =
    recent.length === 0
      ? 0
      : Math.round(WEIGHTS.performance * performance + WEIGHTS.coverage * coverage + WEIGHTS.consistency * consistency);

  return { score, parts: { performance, coverage, consistency }, competencies, next: nextPractice(competencies, coverage, coreCompetencies) };
}

function clamp(score: number): number {
  return Math.max(0, Math.min(100, score));
}

function consistencyOf(recent: readonly ScoredAnswer[], now: Date): number {
  const start = now.getTime() - 28 * DAY_MS;
  const weeks = new Set<number>();
  const days = new Set<number>();
  for (const a of recent) {
    const t = a.at.getTime();
    if (t < start) continue;
    weeks.add(Math.min(3, Math.floor((now.getTime() - t) / (7 * DAY_MS))));
    days.add(Math.floor((now.getTime() - t) / DAY_MS));
  }
  return Math.round(100 * (0.7 * (weeks.size / 4) + 0.3 * Math.min(1, days.size / 12)));
}

function nextPractice(standing: CompetencyStanding[], coverage: number, core: readonly string[]): NextPractice | null {
  const practised = new Set(standing.map((c) => c.competency));
  const unpractised = core.find((c) => !practised.has(c));
  if (unpractised && (coverage < 50 || standing.length === 0)) return { competency: unpractised, reason: 'not-practised' };
  const weakest = [...standing].sort((x, y) => x.score - y.score || x.competency.localeCompare(y.competency))[0];
  if (weakest && weakest.score < 70) return { competency: weakest.competency, reason: 'weakest' };
  if (unpractised) return { competency: unpractised, reason: 'not-practised' };
  const leastRecent = [...standing].sort((x, y) => x.lastPractisedAt.localeCompare(y.lastPractisedAt))[0];
  return leastRecent ? { competency: leastRecent.competency, reason: 'least-recent' } : null;
}

/** Weekly points for a trend chart: the score as it stood at the end of each of the last `weeks` weeks. */
export function readinessHistory(
  answers: readonly ScoredAnswer[],
  now: Date,
  coreCompetencies: readonly string[],
  weeks = 12,
): { date: string; score: number }[] {
  const points: { date: string; score: number }[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const at = new Date(now.getTime() - i * 7 * DAY_MS);
    points.push({ date: at.toISOString().slice(0, 10), score: computeReadiness(answers, at, coreCompetencies).score });
  }
  return points;
}
