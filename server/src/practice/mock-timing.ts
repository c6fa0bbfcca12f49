/**
 * Mock-interview timing, a pure function of the session and its answers. Questions are taken
 * once, in order: question i's clock starts when question i-1 was answered (the first one's
 * when the session was created), and an answer after its limit is recorded as late, never
 * refused. A short grace covers network delay.
 */
import type { Answer, InterviewSession } from '../store/records.js';

export const LATE_GRACE_MS = 2_000;

export interface MockProgress {
  /** Index of the question to answer next; equals the question count when all are answered. */
  currentIndex: number;
  currentStartedAt: string | null;
  currentDeadline: string | null;
}

export function mockProgress(session: InterviewSession, answers: readonly Answer[]): MockProgress {
  const answered = new Map<string, Answer>();
  for (const a of answers) if (!answered.has(a.questionId) || a.attempt === 1) answered.set(a.questionId, a);
  let startedAt = session.createdAt;
  for (let i = 0; i < session.questions.length; i++) {
    const answer = answered.get(session.questions[i]!.id);
    if (!answer) {
      const deadline =
        session.questionTimeLimitSec === null
          ? null
          : new Date(Date.parse(startedAt) + session.questionTimeLimitSec * 1000).toISOString();
      return { currentIndex: i, currentStartedAt: startedAt, currentDeadline: deadline };
    }
    startedAt = answer.createdAt;
  }
  return { currentIndex: session.questions.length, currentStartedAt: null, currentDeadline: null };
}

export function isLate(progress: MockProgress, at: Date): boolean {
  return progress.currentDeadline !== null && at.getTime() > Date.parse(progress.currentDeadline) + LATE_GRACE_MS;
}
