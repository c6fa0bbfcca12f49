/**
 * Picks interview questions from the bank. Pure and deterministic: the same spec and seed give
 * the same questions.
 *
 * For each slot (one per question; a 'mixed' session cycles through the four types) the best
 * remaining bank question wins, compared by, in order:
 *   1. tier — how well it fits: right type for the learner's role family (technical questions
 *      from the role's own family before general ones), then general questions, then questions
 *      outside the seniority range, then a neighbouring type; questions from the learner's recent
 *      sessions come after all of those, and other families' questions only as a last resort;
 *   2. how often its competency has already been used in this set (spread before repeating);
 *   3. preference — job-description keyword matches, a small bonus for the role's own family
 *      and for questions that can name the company, and a seeded random jitter that varies
 *      sets between seeds.
 * So a count from 1 to 15 is always satisfiable, and falls back gracefully when a family is thin.
 */
import { AppError, ErrorCode } from '../../errors.js';
import type { InterviewType, Question, Seniority } from '../../store/records.js';
import { seniorities } from '../../store/records.js';
import { MAX_QUESTION_COUNT, MIN_QUESTION_COUNT, type QuestionSpec } from '../coach.js';
import { questionBank, type BankQuestion, type QuestionType, type RoleFamily } from './question-bank.js';
import { seededRandom } from './prng.js';
import { detectRoleFamily, normaliseForMatching } from './role-family.js';
import { stem, tokenize } from './text.js';

/** The order a 'mixed' session draws types in: roughly 3 behavioural : 3 technical : 2 situational : 2 motivational. */
const MIXED_CYCLE: readonly QuestionType[] = [
  'behavioural',
  'technical-conceptual',
  'motivational',
  'situational',
  'behavioural',
  'technical-conceptual',
  'situational',
  'behavioural',
  'motivational',
  'technical-conceptual',
];

/** When a type runs out, the nearest other types, best first. */
const FALLBACK_TYPES: Record<QuestionType, readonly QuestionType[]> = {
  behavioural: ['situational', 'motivational', 'technical-conceptual'],
  situational: ['behavioural', 'technical-conceptual', 'motivational'],
  'technical-conceptual': ['situational', 'behavioural', 'motivational'],
  motivational: ['behavioural', 'situational', 'technical-conceptual'],
};

const TIER = {
  typeStep: 10,
  generalTechnical: 1,
  outsideSeniority: 3,
  avoided: 40,
  otherFamily: 100,
} as const;

const FAMILY_BONUS = 0.75;
/** With a company named, a question that names it ("Why Acme?") beats a generic one. */
const COMPANY_BONUS = 2;
const MAX_KEYWORD_SCORE = 4;

const seniorityRank = new Map<Seniority, number>(seniorities.map((s, i) => [s, i]));

interface PreparedQuestion {
  question: BankQuestion;
  singleStems: string[];
  phrases: string[];
}

/** Keyword stems and phrases, prepared once per process. */
const prepared: readonly PreparedQuestion[] = questionBank.map((question) => {
  const singleStems: string[] = [];
  const phrases: string[] = [];
  for (const keyword of question.keywords) {
    const tokens = tokenize(keyword);
    if (tokens.length === 1) singleStems.push(stem(tokens[0]!));
    else if (tokens.length > 1) phrases.push(` ${tokens.join(' ')} `);
  }
  return { question, singleStems, phrases };
});

export interface SelectionResult {
  family: RoleFamily;
  questions: Question[];
  bankQuestions: BankQuestion[];
}

/** The questions for a spec, as the `Question` records a session stores. */
export function selectQuestions(spec: QuestionSpec): Question[] {
  return selectWithDetails(spec).questions;
}

/** Like `selectQuestions`, also reporting the detected family and the bank entries chosen. */
export function selectWithDetails(spec: QuestionSpec): SelectionResult {
  const { count } = spec;
  if (!Number.isInteger(count) || count < MIN_QUESTION_COUNT || count > MAX_QUESTION_COUNT) {
    throw new AppError(
      ErrorCode.VALIDATION_FAILED,
      `Question count must be a whole number from ${MIN_QUESTION_COUNT} to ${MAX_QUESTION_COUNT}.`,
    );
  }
  const family = detectRoleFamily(spec.role, spec.jobDescription);
  const slots = slotTypes(spec.interviewType, count);
  const company = cleanCompany(spec.company);
  const avoided = avoidedQuestions(spec.avoidQuestionIds, company);
  const keywordScores = scoreKeywords(`${spec.role}\n${spec.jobDescription ?? ''}`);
  const random = seededRandom(`${spec.seed}\u0000${family}\u0000${spec.interviewType}`);
  const jitter = prepared.map(() => random());
  const rank = seniorityRank.get(spec.seniority) ?? 1;

  const picked = new Set<number>();
  const competencyUses = new Map<string, number>();
  const chosen: BankQuestion[] = [];

  for (const slotType of slots) {
    let best = -1;
    let bestTier = Infinity;
    let bestUses = Infinity;
    let bestPreference = -Infinity;
    for (let i = 0; i < prepared.length; i++) {
      if (picked.has(i)) continue;
      const { question } = prepared[i]!;
      const tier = tierOf(question, slotType, family, rank) + (avoided[i] ? TIER.avoided : 0);
      const uses = competencyUses.get(question.competency) ?? 0;
      const ownFamily = question.families !== 'any' && question.families.includes(family);
      const preference =
        keywordScores[i]! +
        (ownFamily ? FAMILY_BONUS : 0) +
        (company && question.companyText ? COMPANY_BONUS : 0) +
        jitter[i]!;
      if (
        tier < bestTier ||
        (tier === bestTier && (uses < bestUses || (uses === bestUses && preference > bestPreference)))
      ) {
        best = i;
        bestTier = tier;
        bestUses = uses;
        bestPreference = preference;
      }
    }
    // The bank has far more than MAX_QUESTION_COUNT questions, so a candidate always exists.
    const question = prepared[best]!.question;
    picked.add(best);
    competencyUses.set(question.competency, (competencyUses.get(question.competency) ?? 0) + 1);
    chosen.push(question);
  }

  // An interview opens with motivation ("why this role?"), whatever order the slots filled in.
  const ordered = [
    ...chosen.filter((q) => q.type === 'motivational'),
    ...chosen.filter((q) => q.type !== 'motivational'),
  ];
  return {
    family,
    bankQuestions: ordered,
    questions: ordered.map((q) => toQuestion(q, company)),
  };
}

function slotTypes(interviewType: InterviewType, count: number): QuestionType[] {
  if (interviewType !== 'mixed') return Array.from({ length: count }, () => interviewType);
  return Array.from({ length: count }, (_, i) => MIXED_CYCLE[i % MIXED_CYCLE.length]!);
}

function tierOf(
  question: BankQuestion,
  slotType: QuestionType,
  family: RoleFamily,
  seniority: number,
): number {
  let tier = 0;
  if (question.type !== slotType) tier += TIER.typeStep * (FALLBACK_TYPES[slotType].indexOf(question.type) + 1);
  if (question.families === 'any') {
    if (question.type === 'technical-conceptual' && family !== 'general-graduate') tier += TIER.generalTechnical;
  } else if (!question.families.includes(family)) {
    tier += TIER.otherFamily;
  }
  const min = seniorityRank.get(question.seniority.min) ?? 0;
  const max = seniorityRank.get(question.seniority.max) ?? seniorities.length - 1;
  if (seniority < min || seniority > max) tier += TIER.outsideSeniority;
  return tier;
}

/** Per bank question: whether its id or any wording of it (with or without the company) is in the avoid list. */
function avoidedQuestions(avoidList: readonly string[], company: string | null): boolean[] {
  const avoid = new Set(avoidList.map((value) => normaliseForMatching(value)));
  if (avoid.size === 0) return prepared.map(() => false);
  return prepared.map(({ question }) => {
    const forms = [question.id, question.text];
    if (question.companyText && company) forms.push(question.companyText.replace('{company}', company));
    return forms.some((form) => avoid.has(normaliseForMatching(form)));
  });
}

/** Per bank question: how many of its keywords the role and job description mention (capped). */
function scoreKeywords(text: string): number[] {
  const normalised = normaliseForMatching(text);
  const stems = new Set(tokenize(text).map(stem));
  return prepared.map(({ singleStems, phrases }) => {
    let hits = 0;
    for (const s of singleStems) if (stems.has(s)) hits++;
    for (const phrase of phrases) if (normalised.includes(phrase)) hits++;
    return Math.min(hits, MAX_KEYWORD_SCORE);
  });
}

function cleanCompany(company: string | null): string | null {
  const cleaned = company?.replace(/\s+/g, ' ').trim().slice(0, 80) ?? '';
  return cleaned.length > 0 ? cleaned : null;
}

function toQuestion(question: BankQuestion, company: string | null): Question {
  const text = company && question.companyText ? question.companyText.replace('{company}', company) : question.text;
  return {
    id: question.id,
    text,
    competency: question.competency,
    guidance: question.guidance,
    source: question.id,
  };
}
