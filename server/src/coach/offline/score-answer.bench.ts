/**
 * Rubric scoring speed: `npx vitest bench --run server/src/coach/offline`.
 * Target: p99 ≤ 5 ms for a 300-word answer.
 */
import { bench, describe } from 'vitest';
import type { Question } from '../../store/records.js';
import { gradedCases } from './fixtures/graded-answers.js';
import { questionBank } from './question-bank.js';
import { scoreAnswer } from './score-answer.js';

const words = gradedCases.flatMap((c) => [c.strong, c.middling]).join(' ').split(/\s+/);
const answers = Array.from({ length: 1000 }, (_, i) => {
  const start = (i * 37) % (words.length - 300);
  return `${words.slice(start, start + 300).join(' ')} Variant ${i}.`;
});
const questions: Question[] = questionBank.map((q) => ({
  id: q.id,
  text: q.text,
  competency: q.competency,
  guidance: q.guidance,
  source: q.id,
}));

let i = 0;
describe('scoreAnswer', () => {
  bench('300-word answer, rotating across 1,000 answers and every bank question', () => {
    scoreAnswer(questions[i % questions.length]!, answers[i % answers.length]!);
    i++;
  }, { iterations: 1000, warmupIterations: 500 });
});
