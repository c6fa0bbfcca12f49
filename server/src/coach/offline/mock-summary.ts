/**
 * Scores and summarises a finished mock interview.
 *
 * - The mock score is the mean over ALL the session's questions of the latest attempt's overall
 *   score; an unanswered question counts as 0 (a real interview gives no credit for silence, and
 *   it stops a learner gaming the score by skipping hard questions).
 * - An attempt without ready feedback is scored on the spot by the offline rubric.
 * - Late answers (over the time limit) still count, and are named in the summary.
 * - The summary is 3-5 sentences naming the strongest and weakest competencies.
 */
import type { Answer, Feedback, MockSummary, Question } from '../../store/records.js';
import type { FeedbackCriterion, MockSummaryInput } from '../coach.js';
import { competencyLabel } from './competencies.js';
import { offlineFeedback, scoreAnswer } from './score-answer.js';

const CRITERION_TIPS: Record<FeedbackCriterion, string> = {
  structure: 'tell each story in STAR order, ending with the result',
  relevance: 'make sure each example clearly answers the question asked',
  specificity: 'add concrete details and say what you did with "I"',
  impact: 'finish every answer with a measurable result and what you learned',
  clarity: 'keep answers to about two minutes, in short, direct sentences',
};

interface Scored {
  question: Question;
  answer: Answer;
  feedback: Feedback;
}

function latestAttempts(questions: readonly Question[], answers: readonly Answer[]): Map<string, Answer> {
  const ids = new Set(questions.map((q) => q.id));
  const latest = new Map<string, Answer>();
  for (const answer of answers) {
    if (!ids.has(answer.questionId) || answer.text.trim().length === 0) continue;
    const current = latest.get(answer.questionId);
    if (
      !current ||
      answer.attempt > current.attempt ||
      (answer.attempt === current.attempt && answer.createdAt > current.createdAt)
    ) {
      latest.set(answer.questionId, answer);
    }
  }
  return latest;
}

export function summariseMockSession({ session, answers }: MockSummaryInput): MockSummary {
  const questions = session.questions;
  const latest = latestAttempts(questions, answers);
  const scored: Scored[] = [];
  for (const question of questions) {
    const answer = latest.get(question.id);
    if (!answer) continue;
    const feedback =
      answer.feedbackStatus === 'ready' && answer.feedback
        ? answer.feedback
        : scoreAnswerAsFeedback(question, answer.text, session.interviewType, session.company);
    scored.push({ question, answer, feedback });
  }

  const total = questions.length;
  const answeredCount = scored.length;
  const lateCount = scored.filter((s) => s.answer.late).length;
  const sum = scored.reduce((acc, s) => acc + s.feedback.overallScore, 0);
  const overallScore = total > 0 ? Math.round(sum / total) : 0;

  return { overallScore, answeredCount, lateCount, summary: writeSummary(scored, total, overallScore, lateCount) };
}

function scoreAnswerAsFeedback(
  question: Question,
  text: string,
  interviewType: MockSummaryInput['session']['interviewType'],
  company: string | null,
): Feedback {
  return offlineFeedback(scoreAnswer(question, text, { interviewType, company }));
}

function writeSummary(scored: readonly Scored[], total: number, overall: number, lateCount: number): string {
  const sentences: string[] = [];
  const unanswered = total - scored.length;
  if (total === 0) {
    return 'This mock interview had no questions, so there is nothing to score. Start a new mock to get a summary. Each question you answer is scored out of 100.';
  }
  if (scored.length === 0) {
    return `You did not answer any of the ${total} questions, so your mock score is 0/100. Unanswered questions count as zero. Next time, attempt every question, even briefly — a short structured answer scores far more than none.`;
  }

  sentences.push(
    `You answered ${scored.length} of ${total} question${total === 1 ? '' : 's'}, for a mock score of ${overall}/100${
      unanswered > 0 ? ' (unanswered questions count as zero)' : ''
    }.`,
  );

  // Competencies: average latest score per competency.
  const byCompetency = new Map<string, number[]>();
  for (const s of scored) {
    const list = byCompetency.get(s.question.competency) ?? [];
    list.push(s.feedback.overallScore);
    byCompetency.set(s.question.competency, list);
  }
  const ranked = [...byCompetency.entries()]
    .map(([competency, scores]) => ({ competency, mean: Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) }))
    .sort((a, b) => b.mean - a.mean || a.competency.localeCompare(b.competency));
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  if (ranked.length === 1) {
    sentences.push(`Your answers were all on ${competencyLabel(best.competency)}, averaging ${best.mean}/100.`);
  } else {
    sentences.push(
      `Your strongest competency was ${competencyLabel(best.competency)} (${best.mean}/100) and the one to work on is ${competencyLabel(worst.competency)} (${worst.mean}/100).`,
    );
  }

  // Criteria across all answers.
  const criterionTotals = new Map<string, { sum: number; n: number }>();
  for (const s of scored) {
    for (const c of s.feedback.criteria) {
      const t = criterionTotals.get(c.criterion) ?? { sum: 0, n: 0 };
      t.sum += c.score;
      t.n += 1;
      criterionTotals.set(c.criterion, t);
    }
  }
  const criteria = [...criterionTotals.entries()]
    .map(([criterion, t]) => ({ criterion, mean: t.sum / t.n }))
    .sort((a, b) => b.mean - a.mean || a.criterion.localeCompare(b.criterion));
  const strongest = criteria[0];
  const weakest = criteria[criteria.length - 1];
  if (strongest && weakest && strongest.criterion !== weakest.criterion) {
    const tip = CRITERION_TIPS[weakest.criterion as FeedbackCriterion] ?? 'work on the weakest criterion';
    sentences.push(
      `Across answers, ${strongest.criterion} was your most consistent strength, while ${weakest.criterion} held your scores back most: ${tip}.`,
    );
  } else {
    sentences.push('Your criterion scores were even across the board, so focus on the improvements listed under each answer.');
  }

  if (lateCount > 0) {
    sentences.push(
      `${lateCount} answer${lateCount === 1 ? ' was' : 's were'} submitted after the time limit; practise a two-minute version of your stories so you finish in time.`,
    );
  }
  if (unanswered > 0) {
    sentences.push('Attempt every question next time: even a short structured answer scores far more than none.');
  }
  if (lateCount === 0 && unanswered === 0) {
    sentences.push('You answered every question within the time limit, which is exactly the habit real interviews reward.');
  }
  return sentences.slice(0, 5).join(' ');
}
