/**
 * The contract every `Coach` adapter must pass. Adapters call it from their own test file:
 *
 *   runCoachContract('offline', () => createOfflineCoach());
 *   runCoachContract('anthropic', () => createAnthropicCoach({ baseURL: fake.url, … }));
 *
 * It pins behaviour callers rely on, not how an adapter gets there: question counts and ids,
 * the shape and ranges of streamed feedback, evidence that really is quoted from the answer,
 * a strong answer beating a weak one, STAR suggestions for every part, mock summaries, and
 * prompt refusal of an already-aborted signal.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, InterviewSession, InterviewType, Question, StarDraftContent } from '../../store/records.js';
import {
  feedbackCriteria,
  normaliseWhitespace,
  starParts,
  type AnswerContext,
  type Coach,
  type FeedbackEvent,
  type QuestionSpec,
} from '../coach.js';

export const contractQuestion: Question = {
  id: 'contract-conflict-1',
  text: 'Tell me about a time you disagreed with a teammate. How did you resolve it?',
  competency: 'conflict',
  guidance: 'Show that you listened, kept it about the work, and reached an outcome you both stood behind.',
  source: 'contract',
};

export const contractStrongAnswer = `In my second year at university, I was one of four students building a budgeting app for our software engineering module.
Two weeks before the deadline, my teammate Sam and I disagreed about whether to add a savings feature or spend the time fixing bugs.   My responsibility was the backend, so the decision affected my work directly.
I asked Sam to talk it through over coffee rather than arguing in the group chat. I listened to his reasons first: he felt the feature would impress the markers. I then shared our bug list, which had 23 open issues, and suggested we check the marking scheme together. We found that 40% of the marks were for reliability and testing.
We agreed a compromise: I fixed the critical bugs while Sam built a simplified version of the feature behind a toggle. As a result, we submitted on time with only 3 minor bugs and got 74%, the highest mark in the cohort. I learned that most disagreements come from different assumptions, so now I look for shared evidence early instead of debating opinions.`;

export const contractWeakAnswer =
  "I don't really have conflicts because I'm a team player and I always get on with everyone. I usually just go along with it.";

const context: AnswerContext = {
  role: 'Software Engineer',
  seniority: 'graduate',
  interviewType: 'behavioural',
  jobDescription: null,
  locale: 'en-GB',
  learnerRef: 'learner-ref-contract',
};

function spec(overrides: Partial<QuestionSpec> = {}): QuestionSpec {
  return {
    role: 'Software Engineer',
    seniority: 'graduate',
    interviewType: 'mixed',
    company: null,
    jobDescription: null,
    count: 5,
    seed: 'contract-seed',
    avoidQuestionIds: [],
    locale: 'en-GB',
    ...overrides,
  };
}

async function collect(events: AsyncIterable<FeedbackEvent>): Promise<FeedbackEvent[]> {
  const out: FeedbackEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

function mockSession(questions: Question[]): InterviewSession {
  const now = '2025-01-01T10:00:00.000Z';
  return {
    id: 'session-contract',
    tenantId: 'tenant-contract',
    learnerId: 'learner-contract',
    role: 'Software Engineer',
    seniority: 'graduate',
    interviewType: 'behavioural',
    company: null,
    jobDescription: null,
    mode: 'mock',
    status: 'completed',
    questions,
    questionTimeLimitSec: 180,
    summary: null,
    createdAt: now,
    updatedAt: now,
    completedAt: now,
  };
}

function mockAnswer(questionId: string, text: string, attempt = 1, late = false): Answer {
  const now = `2025-01-01T10:0${attempt}:00.000Z`;
  return {
    id: `answer-${questionId}-${attempt}`,
    tenantId: 'tenant-contract',
    learnerId: 'learner-contract',
    sessionId: 'session-contract',
    questionId,
    attempt,
    text,
    wordCount: text.split(/\s+/).filter(Boolean).length,
    late,
    feedbackStatus: 'pending',
    feedback: null,
    createdAt: now,
    updatedAt: now,
  };
}

export function runCoachContract(name: string, makeCoach: () => Coach | Promise<Coach>): void {
  describe(`Coach contract: ${name}`, () => {
    let coach: Coach;
    beforeAll(async () => {
      coach = await makeCoach();
    });

    it('has a name', () => {
      expect(typeof coach.name).toBe('string');
      expect(coach.name.length).toBeGreaterThan(0);
    });

    describe('generateQuestions', () => {
      const cases: [InterviewType, number][] = [
        ['mixed', 1],
        ['behavioural', 5],
        ['technical-conceptual', 8],
        ['situational', 3],
        ['motivational', 2],
        ['mixed', 15],
      ];
      it.each(cases)('returns exactly the requested count (%s × %i) with complete, distinct questions', async (type, count) => {
        const questions = await coach.generateQuestions(spec({ interviewType: type, count }));
        expect(questions).toHaveLength(count);
        expect(new Set(questions.map((q) => q.id)).size).toBe(count);
        for (const q of questions) {
          expect(q.id.trim()).not.toBe('');
          expect(q.text.trim()).not.toBe('');
          expect(q.competency.trim()).not.toBe('');
          expect(q.guidance.trim()).not.toBe('');
          expect(typeof q.source).toBe('string');
        }
      });
    });

    describe('evaluateAnswer', () => {
      it('streams parts and ends with exactly one done event carrying complete feedback', async () => {
        const events = await collect(coach.evaluateAnswer(contractQuestion, contractStrongAnswer, context));
        const done = events.filter((e) => e.type === 'done');
        expect(events.filter((e) => e.type === 'part').length).toBeGreaterThanOrEqual(1);
        expect(done).toHaveLength(1);
        expect(events[events.length - 1]!.type).toBe('done');

        const feedback = (done[0] as Extract<FeedbackEvent, { type: 'done' }>).feedback;
        expect(feedback.source).toBe(coach.name);
        expect(Number.isFinite(feedback.overallScore)).toBe(true);
        expect(feedback.overallScore).toBeGreaterThanOrEqual(0);
        expect(feedback.overallScore).toBeLessThanOrEqual(100);
        expect(feedback.criteria.map((c) => c.criterion).sort()).toEqual([...feedbackCriteria].sort());
        for (const c of feedback.criteria) {
          expect(c.score).toBeGreaterThanOrEqual(1);
          expect(c.score).toBeLessThanOrEqual(5);
          expect(c.reason.trim()).not.toBe('');
          expect(c.evidence.length).toBeLessThanOrEqual(2);
        }
        expect(feedback.strengths.length).toBeGreaterThanOrEqual(2);
        expect(feedback.strengths.length).toBeLessThanOrEqual(3);
        expect(feedback.improvements.length).toBeGreaterThanOrEqual(2);
        expect(feedback.improvements.length).toBeLessThanOrEqual(3);
        expect(feedback.outline.length).toBeGreaterThanOrEqual(1);

        const overallPart = events.find((e) => e.type === 'part' && e.part.kind === 'overall');
        if (overallPart?.type === 'part' && overallPart.part.kind === 'overall') {
          expect(overallPart.part.overallScore).toBe(feedback.overallScore);
        }
      });

      it('quotes evidence verbatim from the (whitespace-normalised) answer', async () => {
        const events = await collect(coach.evaluateAnswer(contractQuestion, contractStrongAnswer, context));
        const done = events.find((e) => e.type === 'done');
        if (done?.type !== 'done') throw new Error('no done event');
        const normalised = normaliseWhitespace(contractStrongAnswer);
        const quotes = done.feedback.criteria.flatMap((c) => c.evidence);
        expect(quotes.length).toBeGreaterThan(0);
        for (const quote of quotes) expect(normalised).toContain(normaliseWhitespace(quote));
      });

      it('scores a strong answer above a weak one', async () => {
        const score = async (text: string) => {
          const events = await collect(coach.evaluateAnswer(contractQuestion, text, context));
          const done = events.find((e) => e.type === 'done');
          if (done?.type !== 'done') throw new Error('no done event');
          return done.feedback.overallScore;
        };
        expect(await score(contractStrongAnswer)).toBeGreaterThan(await score(contractWeakAnswer));
      });

      it('stops without a done event when the signal is already aborted', async () => {
        let events: FeedbackEvent[] = [];
        let rejected = false;
        try {
          events = await collect(coach.evaluateAnswer(contractQuestion, contractStrongAnswer, context, abortedSignal()));
        } catch {
          rejected = true;
        }
        expect(rejected || !events.some((e) => e.type === 'done')).toBe(true);
      });
    });

    describe('suggestStar', () => {
      const draft: StarDraftContent = {
        title: 'Group project disagreement',
        competency: 'conflict',
        situation: 'We had a group project.',
        task: '',
        action: 'We talked about it and we agreed on a plan.',
        result: 'It went well.',
        reflection: '',
      };

      it('returns suggestions for every STAR part plus overall notes', async () => {
        const suggestions = await coach.suggestStar(draft, 'en-GB');
        for (const part of starParts) {
          expect(Array.isArray(suggestions[part])).toBe(true);
          expect(suggestions[part].length).toBeGreaterThanOrEqual(1);
          for (const s of suggestions[part]) expect(s.trim()).not.toBe('');
        }
        expect(Array.isArray(suggestions.overall)).toBe(true);
      });

      it('rejects an already-aborted signal', async () => {
        await expect(coach.suggestStar(draft, 'en-GB', abortedSignal())).rejects.toThrow();
      });
    });

    describe('generateQuestions and summariseMock with aborted signals', () => {
      it('generateQuestions rejects an already-aborted signal', async () => {
        await expect(coach.generateQuestions(spec(), abortedSignal())).rejects.toThrow();
      });

      it('summariseMock rejects an already-aborted signal', async () => {
        const session = mockSession([contractQuestion]);
        await expect(coach.summariseMock({ session, answers: [] }, abortedSignal())).rejects.toThrow();
      });
    });

    describe('summariseMock', () => {
      it('returns a score from 0 to 100 and a non-empty summary', async () => {
        const second: Question = { ...contractQuestion, id: 'contract-conflict-2' };
        const session = mockSession([contractQuestion, second]);
        const answers = [
          mockAnswer(contractQuestion.id, contractWeakAnswer, 1),
          mockAnswer(contractQuestion.id, contractStrongAnswer, 2, true),
        ];
        const summary = await coach.summariseMock({ session, answers });
        expect(summary.overallScore).toBeGreaterThanOrEqual(0);
        expect(summary.overallScore).toBeLessThanOrEqual(100);
        expect(summary.summary.trim()).not.toBe('');
        expect(summary.answeredCount).toBe(1);
        expect(summary.lateCount).toBe(1);
      });
    });
  });
}
