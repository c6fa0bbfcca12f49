import { describe, expect, it } from 'vitest';
import { interviewTypes, seniorities, type Question } from '../../store/records.js';
import { collectFeedback, type FeedbackEvent, type QuestionSpec } from '../coach.js';
import { runCoachContract } from '../contract/coach-contract.js';
import { createOfflineCoach } from './offline-coach.js';
import { findBankQuestion, questionBank, questionTypes, roleFamilies, type RoleFamily } from './question-bank.js';
import { detectRoleFamily } from './role-family.js';
import { selectQuestions, selectWithDetails } from './select-questions.js';

runCoachContract('offline', () => createOfflineCoach());

const CORE_COMPETENCIES = [
  'teamwork',
  'leadership',
  'conflict',
  'failure-and-learning',
  'problem-solving',
  'communication',
  'ownership',
  'adaptability',
  'customer-focus',
  'ethics',
  'prioritisation',
  'motivation-fit',
];

/** A role title that the detector maps to each family. */
const ROLE_FOR: Record<RoleFamily, string> = {
  software: 'Software Engineer',
  data: 'Data Analyst',
  product: 'Associate Product Manager',
  design: 'UX Designer',
  consulting: 'Strategy Consultant',
  finance: 'Investment Banking Analyst',
  'marketing-sales': 'Marketing Executive',
  healthcare: 'Staff Nurse',
  education: 'Primary School Teacher',
  'general-graduate': 'Graduate Scheme',
};

function spec(overrides: Partial<QuestionSpec> = {}): QuestionSpec {
  return {
    role: 'Software Engineer',
    seniority: 'graduate',
    interviewType: 'mixed',
    company: null,
    jobDescription: null,
    count: 6,
    seed: 'seed-1',
    avoidQuestionIds: [],
    locale: 'en-GB',
    ...overrides,
  };
}

const typeOf = (q: Question) => findBankQuestion(q.id)!.type;

describe('question bank', () => {
  it('holds at least 170 questions with unique, well-formed ids', () => {
    expect(questionBank.length).toBeGreaterThanOrEqual(170);
    const ids = questionBank.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+-(beh|sit|tech|mot)-\d{3}$/);
  });

  it('tags every question completely', () => {
    const seniorityIndex = (s: string) => seniorities.indexOf(s as (typeof seniorities)[number]);
    for (const q of questionBank) {
      expect(q.text.length, q.id).toBeGreaterThan(20);
      expect(q.text.trim().endsWith('?') || q.text.trim().endsWith('.'), q.id).toBe(true);
      expect(q.guidance.length, q.id).toBeGreaterThan(40);
      expect(q.competency, q.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(questionTypes, q.id).toContain(q.type);
      expect(q.keywords.length, q.id).toBeGreaterThanOrEqual(3);
      expect(seniorityIndex(q.seniority.min), q.id).toBeGreaterThanOrEqual(0);
      expect(seniorityIndex(q.seniority.max), q.id).toBeGreaterThanOrEqual(seniorityIndex(q.seniority.min));
      if (q.families !== 'any') for (const f of q.families) expect(roleFamilies, q.id).toContain(f);
      if (q.companyText) expect(q.companyText, q.id).toContain('{company}');
    }
  });

  it('has no duplicated question wording', () => {
    const texts = questionBank.map((q) => q.text.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('covers at least 12 competencies, including every core one', () => {
    const competencies = new Set(questionBank.map((q) => q.competency));
    expect(competencies.size).toBeGreaterThanOrEqual(12);
    for (const c of CORE_COMPETENCIES) expect(competencies).toContain(c);
  });

  it('covers at least 9 role families, each with its own questions, and all four types', () => {
    const families = new Set(questionBank.flatMap((q) => (q.families === 'any' ? [] : q.families)));
    expect(families.size).toBeGreaterThanOrEqual(9);
    for (const type of questionTypes) expect(questionBank.some((q) => q.type === type)).toBe(true);
    for (const family of roleFamilies) {
      const own = questionBank.filter((q) => q.families !== 'any' && q.families.includes(family));
      expect(own.length, family).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('role family detection', () => {
  it.each(Object.entries(ROLE_FOR))('detects %s from "%s"', (family, role) => {
    expect(detectRoleFamily(role, null)).toBe(family);
  });

  it.each([
    ['Data Engineer', null, 'data'],
    ['Product Designer', null, 'design'],
    ['Mechanical Engineer', null, 'general-graduate'],
    ['Analyst', 'You will build dashboards in Tableau and write SQL to analyse customer data.', 'data'],
    ['Analyst', 'Join our audit and tax team; ACA qualification supported. Financial statements experience.', 'finance'],
    ['Nurse', 'You will use data to improve patient outcomes on the ward.', 'healthcare'],
    ['Something else entirely', null, 'general-graduate'],
  ] as const)('maps "%s" (job description: %s) → %s', (role, jd, family) => {
    expect(detectRoleFamily(role, jd)).toBe(family);
  });
});

describe('question selection', () => {
  it('is deterministic for the same seed', () => {
    expect(selectQuestions(spec({ seed: 'abc' }))).toEqual(selectQuestions(spec({ seed: 'abc' })));
  });

  it('varies between seeds', () => {
    const sets = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) =>
        selectQuestions(spec({ seed, interviewType: 'behavioural' }))
          .map((q) => q.id)
          .join(','),
      ),
    );
    expect(sets.size).toBeGreaterThanOrEqual(4);
  });

  it('returns only the requested type when the family has enough', () => {
    for (const type of questionTypes) {
      const questions = selectQuestions(spec({ interviewType: type, count: 6 }));
      for (const q of questions) expect(typeOf(q)).toBe(type);
    }
  });

  it('draws a balanced mix for a mixed interview, opening with motivation', () => {
    const questions = selectQuestions(spec({ interviewType: 'mixed', count: 10 }));
    const counts = new Map<string, number>();
    for (const q of questions) counts.set(typeOf(q), (counts.get(typeOf(q)) ?? 0) + 1);
    for (const type of questionTypes) expect(counts.get(type) ?? 0, type).toBeGreaterThanOrEqual(2);
    expect(typeOf(questions[0]!)).toBe('motivational');
  });

  it('spreads competencies before repeating one', () => {
    const questions = selectQuestions(spec({ interviewType: 'behavioural', count: 11 }));
    const competencies = questions.map((q) => q.competency);
    expect(new Set(competencies).size).toBe(11);
  });

  it('uses the role family’s own technical questions', () => {
    for (const family of roleFamilies) {
      if (family === 'general-graduate') continue;
      const questions = selectQuestions(spec({ role: ROLE_FOR[family], interviewType: 'technical-conceptual', count: 5 }));
      for (const q of questions) {
        const bank = findBankQuestion(q.id)!;
        expect(bank.families !== 'any' && bank.families.includes(family), `${family}: ${q.id}`).toBe(true);
      }
    }
  });

  it('respects the seniority range when it can', () => {
    const lead = selectQuestions(spec({ seniority: 'lead', interviewType: 'behavioural', count: 15 }));
    for (const q of lead) expect(findBankQuestion(q.id)!.seniority.max).toBe('lead');
    const intern = selectQuestions(spec({ seniority: 'intern', interviewType: 'behavioural', count: 15 }));
    expect(intern.map((q) => q.id)).not.toContain('gen-beh-036'); // mentoring others: junior and above
  });

  it('avoids questions from recent sessions, by id or by text', () => {
    const first = selectQuestions(spec({ interviewType: 'behavioural', count: 10 }));
    const byId = selectQuestions(spec({ interviewType: 'behavioural', count: 10, avoidQuestionIds: first.map((q) => q.id) }));
    expect(byId.filter((q) => first.some((f) => f.id === q.id))).toEqual([]);
    const byText = selectQuestions(spec({ interviewType: 'behavioural', count: 10, avoidQuestionIds: first.map((q) => q.text) }));
    expect(byText.filter((q) => first.some((f) => f.id === q.id))).toEqual([]);
  });

  it('falls back to recently used questions rather than failing when everything is avoided', () => {
    const everything = questionBank.map((q) => q.id);
    const questions = selectQuestions(spec({ count: 15, avoidQuestionIds: everything }));
    expect(questions).toHaveLength(15);
  });

  it('prefers questions matching the job description', () => {
    const jd =
      'You will build microservices on Kubernetes, split a monolith into services, and own our CI/CD pipelines and Docker-based deployment automation.';
    let withJd = 0;
    let without = 0;
    for (let i = 0; i < 12; i++) {
      const seed = `jd-${i}`;
      const base = { seed, seniority: 'junior', interviewType: 'technical-conceptual', count: 3 } as const;
      const a = selectQuestions(spec({ ...base, jobDescription: jd }));
      const b = selectQuestions(spec(base));
      withJd += a.filter((q) => q.id === 'sw-tech-010' || q.id === 'sw-tech-011').length;
      without += b.filter((q) => q.id === 'sw-tech-010' || q.id === 'sw-tech-011').length;
    }
    expect(withJd).toBe(24); // both matching questions, every time
    expect(without).toBeLessThan(12);
  });

  it('weaves the company into motivational questions', () => {
    const questions = selectQuestions(spec({ interviewType: 'motivational', count: 8, company: '  Acme   Health ' }));
    expect(questions.some((q) => q.text.includes('Acme Health'))).toBe(true);
    const mixed = selectQuestions(spec({ role: 'Staff Nurse', interviewType: 'mixed', count: 3, company: 'Acme Health' }));
    expect(mixed[0]!.text).toContain('Acme Health');
    for (const q of questions) expect(q.text).not.toContain('{company}');
    const none = selectQuestions(spec({ interviewType: 'motivational', count: 8 }));
    for (const q of none) expect(q.text).not.toContain('{company}');
  });

  it('rejects counts outside 1-15', () => {
    for (const count of [0, 16, 2.5, Number.NaN]) expect(() => selectQuestions(spec({ count }))).toThrow(/count/i);
  });

  it('satisfies every count from 1 to 15 for every family × type, with distinct ids', () => {
    for (const family of roleFamilies) {
      for (const interviewType of interviewTypes) {
        for (let count = 1; count <= 15; count++) {
          const { questions, family: detected } = selectWithDetails(
            spec({ role: ROLE_FOR[family], interviewType, count, seed: `${family}-${interviewType}-${count}` }),
          );
          expect(detected).toBe(family);
          expect(questions, `${family} ${interviewType} ${count}`).toHaveLength(count);
          expect(new Set(questions.map((q) => q.id)).size).toBe(count);
        }
      }
    }
  });

  it('gives every family a full technical set of its own or general questions before other types', () => {
    for (const family of roleFamilies) {
      const questions = selectQuestions(spec({ role: ROLE_FOR[family], interviewType: 'technical-conceptual', count: 8 }));
      for (const q of questions) expect(typeOf(q), `${family} ${q.id}`).toBe('technical-conceptual');
    }
  });
});

describe('offline coach', () => {
  const coach = createOfflineCoach();
  const question: Question = {
    id: 'gen-beh-007',
    text: 'Tell me about a time you disagreed with a teammate. How did you resolve it?',
    competency: 'conflict',
    guidance: 'Listen, keep it about the work, agree a way forward.',
    source: 'gen-beh-007',
  };
  const context = {
    role: 'Software Engineer',
    seniority: 'graduate' as const,
    interviewType: 'behavioural' as const,
    jobDescription: null,
    locale: 'en-GB',
    learnerRef: 'ref',
  };
  const answer =
    'In my second year, my teammate Priya and I disagreed about our project plan: she wanted a survey, I wanted interviews. ' +
    'I listened to her reasons first, then I proposed we test both methods with five students each for a week. ' +
    'As a result we picked her survey, added two interview questions, and finished 3 days early with a grade of 72%. ' +
    'I learned to test ideas instead of arguing about them, and I now suggest a quick trial whenever my team disagrees.';

  it('streams the five criteria, then overall, strengths, improvements and outline, then done', async () => {
    const events: FeedbackEvent[] = [];
    for await (const event of coach.evaluateAnswer(question, answer, context)) events.push(event);
    const kinds = events.map((e) => (e.type === 'part' ? e.part.kind : 'done'));
    expect(kinds).toEqual([
      'criterion',
      'criterion',
      'criterion',
      'criterion',
      'criterion',
      'overall',
      'strengths',
      'improvements',
      'outline',
      'done',
    ]);
    const done = events[events.length - 1]!;
    if (done.type !== 'done') throw new Error('expected done');
    expect(done.feedback.source).toBe('offline');
    expect(done.feedback.model).toBeNull();
    expect(done.feedback.promptVersion).toBe('offline-rubric-v1');
  });

  it('is deterministic', async () => {
    const a = await collectFeedback(coach.evaluateAnswer(question, answer, context));
    const b = await collectFeedback(coach.evaluateAnswer(question, answer, context));
    expect(a).toEqual(b);
  });

  it('adds a notice for non-English locales and for off-topic answers', async () => {
    const french = await collectFeedback(coach.evaluateAnswer(question, answer, { ...context, locale: 'fr-FR' }));
    expect(french.notice).toMatch(/English/);
    const recipe = await collectFeedback(
      coach.evaluateAnswer(
        question,
        'Preheat the oven to 180 degrees. Cream the butter and sugar, beat in the eggs, fold in the flour and bake for 25 minutes until golden.',
        context,
      ),
    );
    expect(recipe.notice).toMatch(/doesn't seem to address the question/);
  });

  it('stops streaming when the signal is aborted mid-stream', async () => {
    const controller = new AbortController();
    const seen: FeedbackEvent[] = [];
    await expect(
      (async () => {
        for await (const event of coach.evaluateAnswer(question, answer, context, controller.signal)) {
          seen.push(event);
          if (seen.length === 2) controller.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen).toHaveLength(2);
    expect(seen.some((e) => e.type === 'done')).toBe(false);
  });
});
