/** Table tests of the readiness formula documented in readiness.ts. */
import { describe, expect, it } from 'vitest';
import { computeReadiness, readinessHistory, type ScoredAnswer } from './readiness.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const CORE = ['teamwork', 'leadership', 'conflict', 'communication', 'ownership', 'adaptability', 'prioritisation', 'ethics'];
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const a = (competency: string, score: number, days: number): ScoredAnswer => ({ competency, score, at: daysAgo(days) });

describe('computeReadiness', () => {
  it('is zero with no answers and suggests a first competency', () => {
    const r = computeReadiness([], NOW, CORE);
    expect(r).toMatchObject({ score: 0, parts: { performance: 0, coverage: 0, consistency: 0 }, next: { competency: 'teamwork', reason: 'not-practised' } });
  });

  it.each([
    // name, answers, expected parts
    ['one answer today', [a('teamwork', 80, 0)], { performance: 80, coverage: 13, consistency: 20 }],
    ['recency weights 3:2:1 on the latest three', [a('teamwork', 40, 3), a('teamwork', 70, 2), a('teamwork', 100, 1), a('teamwork', 0, 4)], { performance: 80 }],
    ['answers older than 90 days are ignored', [a('teamwork', 90, 91)], { performance: 0, coverage: 0, consistency: 0 }],
    ['full coverage at eight competencies', CORE.map((c) => a(c, 60, 1)), { performance: 60, coverage: 100 }],
    ['every week and twelve days of practice is full consistency', Array.from({ length: 12 }, (_, i) => a('teamwork', 50, i * 2)), { consistency: 100 }],
  ] as const)('%s', (_name, answers, parts) => {
    expect(computeReadiness(answers, NOW, CORE).parts).toMatchObject(parts);
  });

  it('weights the parts 0.6 / 0.25 / 0.15', () => {
    const r = computeReadiness([a('teamwork', 80, 0)], NOW, CORE);
    expect(r.score).toBe(Math.round(0.6 * 80 + 0.25 * 13 + 0.15 * 20));
  });

  it('rewards better scores, broader coverage and steadier practice', () => {
    const base = [a('teamwork', 60, 1)];
    const better = computeReadiness([a('teamwork', 90, 1)], NOW, CORE).score;
    const broader = computeReadiness([...base, a('conflict', 60, 1), a('leadership', 60, 1)], NOW, CORE).score;
    const steadier = computeReadiness([...base, a('teamwork', 60, 8), a('teamwork', 60, 15), a('teamwork', 60, 22)], NOW, CORE).score;
    const start = computeReadiness(base, NOW, CORE).score;
    expect(better).toBeGreaterThan(start);
    expect(broader).toBeGreaterThan(start);
    expect(steadier).toBeGreaterThan(start);
  });

  it('suggests the weakest competency under 70 once coverage is broad', () => {
    const answers = [a('teamwork', 90, 1), a('leadership', 55, 1), a('conflict', 80, 1), a('communication', 85, 1)];
    expect(computeReadiness(answers, NOW, CORE).next).toEqual({ competency: 'leadership', reason: 'weakest' });
  });

  it('suggests an unpractised competency when all practised ones are strong', () => {
    const answers = CORE.slice(0, 5).map((c) => a(c, 85, 1));
    expect(computeReadiness(answers, NOW, CORE).next).toEqual({ competency: 'adaptability', reason: 'not-practised' });
  });

  it('clamps out-of-range scores', () => {
    expect(computeReadiness([a('teamwork', 180, 0)], NOW, CORE).parts.performance).toBe(100);
  });
});

describe('readinessHistory', () => {
  it('gives one point per week ending now, rising as practice accumulates', () => {
    const answers = [a('teamwork', 70, 20), a('conflict', 75, 10), a('leadership', 80, 3)];
    const points = readinessHistory(answers, NOW, CORE, 4);
    expect(points).toHaveLength(4);
    expect(points[3]!.date).toBe('2026-11-27');
    expect(points[0]!.score).toBe(0);
    expect(points[3]!.score).toBeGreaterThan(points[1]!.score);
  });
});
