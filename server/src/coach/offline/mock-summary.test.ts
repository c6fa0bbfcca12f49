import { describe, expect, it } from 'vitest';
import type { Answer, Feedback, InterviewSession, Question } from '../../store/records.js';
import { gradedCases } from './fixtures/graded-answers.js';
import { summariseMockSession } from './mock-summary.js';
import { findBankQuestion } from './question-bank.js';

function question(id: string): Question {
  const q = findBankQuestion(id)!;
  return { id: q.id, text: q.text, competency: q.competency, guidance: q.guidance, source: q.id };
}

const questions = ['gen-beh-007', 'gen-beh-010', 'gen-beh-026', 'gen-beh-004'].map(question);

function session(qs: Question[] = questions): InterviewSession {
  const t = '2025-03-01T09:00:00.000Z';
  return {
    id: 's1', tenantId: 't1', learnerId: 'l1', role: 'Graduate', seniority: 'graduate', interviewType: 'behavioural',
    company: null, jobDescription: null, mode: 'mock', status: 'completed', questions: qs, questionTimeLimitSec: 180,
    summary: null, createdAt: t, updatedAt: t, completedAt: t,
  };
}

function feedback(overallScore: number, criteria: Record<string, number> = {}): Feedback {
  const names = ['structure', 'relevance', 'specificity', 'impact', 'clarity'];
  return {
    overallScore,
    criteria: names.map((criterion) => ({ criterion, score: criteria[criterion] ?? 3, reason: 'r', evidence: [] })),
    strengths: ['a', 'b'], improvements: ['c', 'd'], outline: ['e'], source: 'offline', model: null, promptVersion: 'offline-rubric-v1', notice: null,
  };
}

let n = 0;
function answer(questionId: string, attempt: number, opts: { text?: string; late?: boolean; feedback?: Feedback | null } = {}): Answer {
  const text = opts.text ?? 'An answer.';
  return {
    id: `a${++n}`, tenantId: 't1', learnerId: 'l1', sessionId: 's1', questionId, attempt, text,
    wordCount: text.split(/\s+/).length, late: opts.late ?? false,
    feedbackStatus: opts.feedback ? 'ready' : 'pending', feedback: opts.feedback ?? null,
    createdAt: `2025-03-01T09:0${attempt}:00.000Z`, updatedAt: `2025-03-01T09:0${attempt}:00.000Z`,
  };
}

function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0).length;
}

describe('summariseMockSession', () => {
  it('averages the latest attempt per question over all questions, unanswered counting as 0', () => {
    const result = summariseMockSession({
      session: session(),
      answers: [
        answer('gen-beh-007', 1, { feedback: feedback(20) }),
        answer('gen-beh-007', 2, { feedback: feedback(80, { impact: 5 }) }),
        answer('gen-beh-010', 1, { feedback: feedback(60, { impact: 2 }) }),
        answer('gen-beh-026', 1, { feedback: feedback(40, { impact: 1 }), late: true }),
      ],
    });
    expect(result.overallScore).toBe(Math.round((80 + 60 + 40 + 0) / 4));
    expect(result.answeredCount).toBe(3);
    expect(result.lateCount).toBe(1);
  });

  it('names the strongest and weakest competencies and the late answers in 3-5 sentences', () => {
    const result = summariseMockSession({
      session: session(),
      answers: [
        answer('gen-beh-007', 1, { feedback: feedback(85, { structure: 5, impact: 2 }) }),
        answer('gen-beh-010', 1, { feedback: feedback(35, { structure: 4, impact: 1 }), late: true }),
        answer('gen-beh-026', 1, { feedback: feedback(60, { structure: 5, impact: 2 }) }),
      ],
    });
    expect(result.summary).toMatch(/strongest competency was conflict \(85\/100\)/);
    expect(result.summary).toMatch(/work on is failure and learning \(35\/100\)/);
    expect(result.summary).toMatch(/structure was your most consistent strength, while impact held your scores back/);
    expect(result.summary).toMatch(/1 answer was submitted after the time limit/);
    expect(result.summary).toMatch(/unanswered questions count as zero/);
    const sentences = sentenceCount(result.summary);
    expect(sentences).toBeGreaterThanOrEqual(3);
    expect(sentences).toBeLessThanOrEqual(5);
  });

  it('scores answers whose feedback is not ready with the offline rubric', () => {
    const strong = gradedCases.find((c) => c.questionId === 'gen-beh-007')!.strong;
    const weak = gradedCases.find((c) => c.questionId === 'gen-beh-007')!.weak;
    const one = [question('gen-beh-007')];
    const good = summariseMockSession({ session: session(one), answers: [answer('gen-beh-007', 1, { text: strong })] });
    const poor = summariseMockSession({ session: session(one), answers: [answer('gen-beh-007', 1, { text: weak })] });
    expect(good.overallScore).toBeGreaterThan(70);
    expect(poor.overallScore).toBeLessThan(30);
    expect(good.answeredCount).toBe(1);
  });

  it('ignores empty answers and answers to questions outside the session', () => {
    const result = summariseMockSession({
      session: session(),
      answers: [answer('gen-beh-007', 1, { text: '   ' }), answer('not-in-session', 1, { feedback: feedback(90) })],
    });
    expect(result.answeredCount).toBe(0);
    expect(result.overallScore).toBe(0);
    expect(result.summary).toMatch(/did not answer any of the 4 questions/);
    expect(sentenceCount(result.summary)).toBeGreaterThanOrEqual(3);
  });

  it('praises a complete, on-time mock', () => {
    const result = summariseMockSession({
      session: session(),
      answers: questions.map((q) => answer(q.id, 1, { feedback: feedback(70) })),
    });
    expect(result.overallScore).toBe(70);
    expect(result.summary).toMatch(/answered every question within the time limit/);
    expect(sentenceCount(result.summary)).toBeLessThanOrEqual(5);
  });

  it('handles a session without questions', () => {
    const result = summariseMockSession({ session: session([]), answers: [] });
    expect(result).toMatchObject({ overallScore: 0, answeredCount: 0, lateCount: 0 });
    expect(result.summary.length).toBeGreaterThan(0);
  });
});
