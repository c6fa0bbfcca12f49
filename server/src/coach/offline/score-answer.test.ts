import { describe, expect, it } from 'vitest';
import type { Question } from '../../store/records.js';
import { feedbackCriteria } from '../coach.js';
import { gradedCases } from './fixtures/graded-answers.js';
import { findBankQuestion } from './question-bank.js';
import { resolveQuestionType, scoreAnswer, type AnswerScore } from './score-answer.js';

function bankQuestion(id: string, company?: string): Question {
  const q = findBankQuestion(id);
  if (!q) throw new Error(`no bank question ${id}`);
  const text = company && q.companyText ? q.companyText.replace('{company}', company) : q.text;
  return { id: q.id, text, competency: q.competency, guidance: q.guidance, source: q.id };
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/);
}

/** The middling answer with filler inserted into every sentence. */
function withFiller(text: string): string {
  return sentences(text)
    .map((s, i) => (i % 2 === 0 ? `Basically, you know, like ${s.charAt(0).toLowerCase()}${s.slice(1)}` : s.replace(/^(\S+ \S+)/, '$1, basically, you know, like,')))
    .join(' ');
}

function expectWellFormed(score: AnswerScore, answer: string): void {
  expect(score.criteria.map((c) => c.criterion)).toEqual([...feedbackCriteria]);
  for (const c of score.criteria) {
    expect(Number.isInteger(c.score)).toBe(true);
    expect(c.score).toBeGreaterThanOrEqual(1);
    expect(c.score).toBeLessThanOrEqual(5);
    expect(c.reason.length).toBeGreaterThan(5);
    expect(c.evidence.length).toBeLessThanOrEqual(2);
    for (const quote of c.evidence) {
      expect(quote.length).toBeGreaterThan(0);
      expect(answer.includes(quote), `"${quote}" is not verbatim`).toBe(true);
    }
  }
  expect(Number.isInteger(score.overallScore)).toBe(true);
  expect(score.overallScore).toBeGreaterThanOrEqual(0);
  expect(score.overallScore).toBeLessThanOrEqual(100);
  expect(score.strengths.length).toBeGreaterThanOrEqual(2);
  expect(score.strengths.length).toBeLessThanOrEqual(3);
  expect(score.improvements.length).toBeGreaterThanOrEqual(2);
  expect(score.improvements.length).toBeLessThanOrEqual(3);
  expect(new Set(score.improvements).size).toBe(score.improvements.length);
  expect(score.outline.length).toBeGreaterThanOrEqual(4);
}

const MARGIN = 8;

describe('scoreAnswer ranks answers the way a careers adviser would', () => {
  it('has at least 6 graded questions covering all four question types', () => {
    expect(gradedCases.length).toBeGreaterThanOrEqual(6);
    const types = new Set(gradedCases.map((c) => findBankQuestion(c.questionId)!.type));
    expect(types.size).toBe(4);
  });

  describe.each(gradedCases)('$questionId', (c) => {
    const question = bankQuestion(c.questionId, c.company);
    const options = { company: c.company ?? null };
    const strong = scoreAnswer(question, c.strong, options);
    const middling = scoreAnswer(question, c.middling, options);
    const weak = scoreAnswer(question, c.weak, options);

    it(`strong > middling > weak by at least ${MARGIN} points`, () => {
      expect(strong.overallScore).toBeGreaterThanOrEqual(middling.overallScore + MARGIN);
      expect(middling.overallScore).toBeGreaterThanOrEqual(weak.overallScore + MARGIN);
      expect(strong.overallScore).toBeGreaterThanOrEqual(70);
      expect(weak.overallScore).toBeLessThan(30);
    });

    it('produces well-formed feedback with verbatim evidence for every grade', () => {
      expectWellFormed(strong, c.strong);
      expectWellFormed(middling, c.middling);
      expectWellFormed(weak, c.weak);
    });

    it('does not reward repeating the middling answer three times', () => {
      const repeated = `${c.middling} ${c.middling} ${c.middling}`;
      const padded = scoreAnswer(question, repeated, options);
      expect(padded.overallScore).toBeLessThanOrEqual(middling.overallScore);
      expect(padded.criteria.find((x) => x.criterion === 'clarity')!.score).toBeLessThan(
        middling.criteria.find((x) => x.criterion === 'clarity')!.score,
      );
      expect(padded.improvements.join(' ')).toMatch(/repeating/);
      expectWellFormed(padded, repeated);
    });

    it('does not reward filler words sprinkled through the middling answer', () => {
      const filled = withFiller(c.middling);
      const padded = scoreAnswer(question, filled, options);
      expect(padded.overallScore).toBeLessThan(middling.overallScore);
      expect(padded.improvements.join(' ')).toMatch(/filler/i);
      expectWellFormed(padded, filled);
    });

    it('is deterministic', () => {
      expect(scoreAnswer(question, c.strong, options)).toEqual(strong);
    });
  });
});

describe('scoreAnswer keeps non-answers low', () => {
  const conflict = bankQuestion('gen-beh-007');
  const recipe =
    'Preheat the oven to 180 degrees. Cream 200g of butter with 200g of caster sugar until pale and fluffy. ' +
    'Beat in 4 eggs one at a time, then fold in 200g of self-raising flour. ' +
    'Divide the mixture between two 20cm tins and bake for 25 minutes until golden. ' +
    'Leave to cool, then sandwich with jam and whipped cream, and dust with icing sugar before serving to 8 people.';
  const football =
    'The match kicked off at three on Saturday and the home side scored after 12 minutes from a corner. ' +
    'The visitors equalised just before half-time with a long shot into the top corner. ' +
    'In the second half both teams had chances, and the striker hit the post twice. ' +
    'The final score was 1-1, which left the home side fourth in the league table with 40 points.';

  it.each([
    ['empty', conflict, ''],
    ['whitespace', conflict, ' \n\t  '],
    ['one word', conflict, 'Teamwork.'],
    ['a few words', conflict, 'I resolved it by talking.'],
    ['a recipe for a conflict question', conflict, recipe],
    ['a football report for a customer question', bankQuestion('gen-beh-026'), football],
    ['a recipe for a prioritisation scenario', bankQuestion('gen-sit-001'), recipe],
    ['a football report for a technical question', bankQuestion('sw-tech-003'), football],
  ])('%s scores below 30', (_label, question, answer) => {
    const score = scoreAnswer(question, answer);
    expect(score.overallScore).toBeLessThan(30);
    expectWellFormed(score, answer);
  });

  it('scores an empty answer 0 with every criterion at 1 and no evidence', () => {
    const score = scoreAnswer(conflict, '');
    expect(score.overallScore).toBe(0);
    for (const c of score.criteria) {
      expect(c.score).toBe(1);
      expect(c.evidence).toEqual([]);
    }
  });

  it('flags an off-topic answer with a notice and tells the learner to answer the question', () => {
    const score = scoreAnswer(conflict, recipe);
    expect(score.criteria.find((c) => c.criterion === 'relevance')!.score).toBe(1);
    expect(score.notice).toMatch(/doesn't seem to address the question/);
    expect(score.improvements[0]).toMatch(/doesn't answer the question/);
  });
});

describe('scoreAnswer gives specific, actionable improvements', () => {
  const conflict = bankQuestion('gen-beh-007');

  it('asks for "I" when the story is all "we"', () => {
    const answer =
      'Last year in our group project we disagreed about the design. We talked about it as a team and we listened to each other. ' +
      'We decided to compromise and we split the work. We finished the project on time and we got a good grade. ' +
      'We learned that communication is important when our team disagrees.';
    const score = scoreAnswer(conflict, answer);
    expect(score.improvements.join(' ')).toMatch(/"we" \d+ times and "I" \d+ times/);
    expect(score.criteria.find((c) => c.criterion === 'specificity')!.reason).toMatch(/"we"/);
  });

  it('asks for a number when the result is not quantified', () => {
    const answer =
      'In my second year, my teammate Jo and I disagreed about whether to rewrite our report or polish the draft we had. ' +
      'My job was to edit the final version, so I needed us to agree quickly. ' +
      'I asked Jo to explain her concerns, and I realised she was worried the analysis section was weak. ' +
      'I suggested we rewrite only that section and keep the rest, and I drafted a plan for the week. ' +
      'In the end we submitted on time and our tutor said the analysis was the strongest part. ' +
      'I learned to ask what is really behind a disagreement before defending my own view.';
    const score = scoreAnswer(conflict, answer);
    expect(score.improvements.join(' ')).toMatch(/Quantify the result/);
  });

  it('asks for the missing result and reflection when the story stops early', () => {
    const answer =
      'In my final year I was working on a group project with three others for our marketing module. ' +
      'My teammate Alex and I disagreed about which audience to target, and the deadline was two weeks away. ' +
      'I arranged a call with Alex and listened to his reasons, and then I shared the survey data from 60 students that I had collected.';
    const score = scoreAnswer(conflict, answer);
    const text = score.improvements.join(' ');
    expect(text).toMatch(/Result/);
    expect(score.criteria.find((c) => c.criterion === 'impact')!.score).toBeLessThanOrEqual(2);
  });

  it('asks to trim an answer far over length', () => {
    const long = gradedCases[0]!.strong.replace(/\./g, ', and honestly it was quite a long process overall.').repeat(1);
    const longer = `${long} ${gradedCases[5]!.strong} ${gradedCases[1]!.strong}`;
    const score = scoreAnswer(conflict, longer);
    expect(score.improvements.join(' ')).toMatch(/Trim to about/);
  });

  it('tailors the outline to the question type and competency', () => {
    expect(scoreAnswer(conflict, '').outline[2]).toMatch(/listened to the other person's view/);
    expect(scoreAnswer(bankQuestion('sw-tech-003'), '').outline[0]).toMatch(/definition/);
    expect(scoreAnswer(bankQuestion('gen-sit-001'), '').outline[0]).toMatch(/Clarify/);
    expect(scoreAnswer(bankQuestion('gen-mot-001', 'Arup'), '', { company: 'Arup' }).outline[2]).toMatch(/Arup/);
  });
});

describe('resolveQuestionType', () => {
  const external = (text: string): Question => ({ id: 'q-ext', text, competency: 'teamwork', guidance: 'x', source: 'claude' });

  it('uses the bank type for bank questions', () => {
    expect(resolveQuestionType(bankQuestion('sw-tech-001'), 'behavioural')).toBe('technical-conceptual');
  });

  it('uses the session type, then the wording, for other questions', () => {
    expect(resolveQuestionType(external('Anything at all'), 'situational')).toBe('situational');
    expect(resolveQuestionType(external('Tell me about a time you led a team.'), 'mixed')).toBe('behavioural');
    expect(resolveQuestionType(external('What would you do if a client shouted at you?'), 'mixed')).toBe('situational');
    expect(resolveQuestionType(external('Why do you want this job?'), 'mixed')).toBe('motivational');
    expect(resolveQuestionType(external('Explain how TLS works.'), 'mixed')).toBe('technical-conceptual');
  });

  it('scores questions from another coach with unknown competencies sensibly', () => {
    const q: Question = {
      id: 'claude-1',
      text: 'Tell me about a time you had to manage a difficult stakeholder.',
      competency: 'stakeholder management',
      guidance: '',
      source: 'claude-x',
    };
    const c = gradedCases[0]!;
    expect(scoreAnswer(q, c.strong).overallScore).toBeGreaterThan(scoreAnswer(q, c.weak).overallScore + MARGIN);
  });
});
