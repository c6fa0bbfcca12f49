/**
 * The offline rubric: scores an answer on five criteria (1-5 each, with a reason and verbatim
 * evidence), weights them into an overall 0-100, and writes strengths, improvements and a
 * tailored outline. Pure and deterministic.
 *
 * What each criterion reads depends on the question's type — STAR for behavioural questions,
 * a plan for situational ones, definition/mechanism/example/trade-off for technical ones, and
 * reason/evidence/fit/future for motivational ones — but the five names never change.
 *
 * Caps keep nonsense low whatever else it does well: an off-topic answer (relevance 1) scores
 * at most 25, a barely related one at most 50, and very short answers at most 10 or 35.
 */
import type { CriterionScore, Feedback, InterviewType, Question } from '../../store/records.js';
import type { FeedbackCriterion } from '../coach.js';
import { analyseAnswer, type SentenceFeatures } from './answer-features.js';
import { competencyLabel, competencyLexicon } from './competencies.js';
import { writeImprovements, writeOutline, writeStrengths, type Diagnosis } from './feedback-writer.js';
import { findBankQuestion, type QuestionType } from './question-bank.js';
import { contentStems, QUESTION_FILLER, stem, tokenize } from './text.js';

/** Recorded on every offline feedback; bump when the rubric changes meaningfully. */
export const OFFLINE_PROMPT_VERSION = 'offline-rubric-v1';

export const CRITERION_WEIGHTS: Record<FeedbackCriterion, number> = {
  structure: 0.2,
  relevance: 0.25,
  specificity: 0.2,
  impact: 0.2,
  clarity: 0.15,
};

/** Ideal length in words, per question type. */
export const IDEAL_WORDS: Record<QuestionType, readonly [number, number]> = {
  behavioural: [120, 350],
  situational: [90, 300],
  'technical-conceptual': [80, 300],
  motivational: [70, 250],
};

export interface AnswerScore {
  overallScore: number;
  criteria: CriterionScore[];
  strengths: string[];
  improvements: string[];
  outline: string[];
  /** A caveat for the learner (off-topic, too short), or null. */
  notice: string | null;
  questionType: QuestionType;
}

/** The stored feedback for a score (the offline coach's `done` result). */
export function offlineFeedback(score: AnswerScore, notice: string | null = score.notice): Feedback {
  return {
    overallScore: score.overallScore,
    criteria: score.criteria,
    strengths: score.strengths,
    improvements: score.improvements,
    outline: score.outline,
    source: 'offline',
    model: null,
    promptVersion: OFFLINE_PROMPT_VERSION,
    notice,
  };
}

export interface ScoreOptions {
  /** The session's interview type; used when the question is not from the bank. */
  interviewType?: InterviewType;
  company?: string | null;
}

const BEHAVIOURAL_CUE =
  /\b(?:tell me about a time|describe a (?:time|situation|occasion|project|mistake|lesson)|give (?:me )?an example|talk me through a time|have you ever|tell me about a (?:piece|project|decision|mistake|part-time))\b/i;
const SITUATIONAL_CUE =
  /\b(?:what (?:would|do) you do|how would you (?:handle|respond|deal|react|approach|prioriti[sz]e|manage)|imagine|suppose|you (?:notice|realise|realize|discover|are asked|are given|join|start)|if you (?:were|had|found|noticed))\b/i;
const MOTIVATIONAL_CUE =
  /\b(?:why do you want|why are you|what (?:attracts|motivates|interests|excites) you|where do you see yourself|why should we|tell me about yourself|why (?:this|our|the) )/i;

/** The type a question is scored as: the bank's, else the session's, else inferred from wording. */
export function resolveQuestionType(question: Question, interviewType?: InterviewType): QuestionType {
  const bank = findBankQuestion(question.id) ?? findBankQuestion(question.source);
  if (bank) return bank.type;
  if (interviewType && interviewType !== 'mixed') return interviewType;
  if (MOTIVATIONAL_CUE.test(question.text)) return 'motivational';
  if (BEHAVIOURAL_CUE.test(question.text)) return 'behavioural';
  if (SITUATIONAL_CUE.test(question.text)) return 'situational';
  return 'technical-conceptual';
}

// ---------- relevance targets, cached per question ----------

interface Target {
  all: ReadonlySet<string>;
  lexicon: ReadonlySet<string>;
  hasLexicon: boolean;
}

const TARGET_CACHE_LIMIT = 512;
const targetCache = new Map<string, Target>();

function targetFor(question: Question): Target {
  const key = `${question.id}\u0000${question.competency}\u0000${question.text}`;
  const cached = targetCache.get(key);
  if (cached) return cached;
  const lexicon = competencyLexicon(question.competency);
  const all = new Set<string>(lexicon);
  for (const s of contentStems(question.text, QUESTION_FILLER)) all.add(s);
  const bank = findBankQuestion(question.id) ?? findBankQuestion(question.source);
  for (const keyword of bank?.keywords ?? []) for (const token of tokenize(keyword)) all.add(stem(token));
  const target: Target = { all, lexicon, hasLexicon: lexicon.size > 0 };
  if (targetCache.size >= TARGET_CACHE_LIMIT) targetCache.clear();
  targetCache.set(key, target);
  return target;
}

// ---------- helpers ----------

const MAX_QUOTE = 220;

/** A verbatim quote from a sentence: the whole sentence, or its first reasonable clause if long. */
function quoteOf(sentence: SentenceFeatures | undefined): string | null {
  if (!sentence?.quotable) return null;
  const text = sentence.text;
  if (text.length <= MAX_QUOTE) return text;
  for (const piece of text.split(/[,;:]\s+|\s+[–—-]\s+/)) {
    const clause = piece.trim();
    if (clause.length >= 25 && clause.length <= MAX_QUOTE) return clause;
  }
  const cut = text.lastIndexOf(' ', MAX_QUOTE);
  return cut > 40 ? text.slice(0, cut).replace(/[,;:]$/, '') : null;
}

function evidence(...sentences: (SentenceFeatures | undefined)[]): string[] {
  const quotes: string[] = [];
  for (const s of sentences) {
    const q = quoteOf(s);
    if (q && !quotes.includes(q) && quotes.length < 2) quotes.push(q);
  }
  return quotes;
}

function band(points: number): number {
  if (points < 0.75) return 1;
  if (points < 1.75) return 2;
  if (points < 2.75) return 3;
  if (points < 4) return 4;
  return 5;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function step(count: number, steps: readonly (readonly [number, number])[]): number {
  let value = 0;
  for (const [atLeast, points] of steps) if (count >= atLeast) value = points;
  return value;
}

interface StageContext {
  /** Names in a sentence other than the company being applied to (naming it is not detail). */
  named: (s: SentenceFeatures) => number;
}

interface Stage {
  name: string;
  has: (s: SentenceFeatures, ctx: StageContext) => boolean;
}

const STAGES: Record<QuestionType, readonly Stage[]> = {
  behavioural: [
    { name: 'situation', has: (s) => s.situation },
    { name: 'task', has: (s) => s.task },
    { name: 'action', has: (s) => s.iActions > 0 || s.weActions > 0 },
    { name: 'result', has: (s) => s.result },
  ],
  situational: [
    { name: 'clarify', has: (s) => s.clarify },
    { name: 'plan', has: (s) => s.planActions > 0 },
    { name: 'people', has: (s) => s.stakeholder },
    { name: 'outcome', has: (s) => s.outcomeCheck },
  ],
  'technical-conceptual': [
    { name: 'definition', has: (s) => s.define },
    { name: 'mechanism', has: (s) => s.mechanism },
    { name: 'example', has: (s) => s.example },
    { name: 'trade-offs', has: (s) => s.tradeoff },
  ],
  motivational: [
    { name: 'reason', has: (s) => s.reason },
    { name: 'evidence', has: (s) => s.evidence || s.experience },
    // Fit must be specific: a project, product, number or name beyond the company's own.
    { name: 'fit', has: (s, ctx) => s.fit && (ctx.named(s) > 0 || s.numbers.length > 0) && s.vague === 0 },
    { name: 'future', has: (s) => s.future },
  ],
};

// ---------- the scorer ----------

export function scoreAnswer(question: Question, answer: string, options: ScoreOptions = {}): AnswerScore {
  const type = resolveQuestionType(question, options.interviewType);
  const features = analyseAnswer(answer);
  const target = targetFor(question);
  const [lo, hi] = IDEAL_WORDS[type];
  const u = features.unique;
  const words = features.contentWords;

  // ---- structure ----
  const companyWords = new Set(tokenize(options.company ?? ''));
  const namedIn = (s: SentenceFeatures) => s.named.filter((n) => !companyWords.has(n)).length;
  const ctx: StageContext = { named: namedIn };
  const stageIndex = STAGES[type].map((stage) => u.findIndex((s) => stage.has(s, ctx)));
  const present = STAGES[type].filter((_, i) => stageIndex[i]! >= 0).map((stage) => stage.name);
  const missing = STAGES[type].filter((_, i) => stageIndex[i]! < 0).map((stage) => stage.name);
  const reflectionAt = u.findIndex((s) => s.reflection);
  let ordered = true;
  if (type === 'behavioural') {
    const [sit, , act, res] = stageIndex as [number, number, number, number];
    const firstAction = act;
    const lastResult = u.reduce((last, s, i) => (s.result ? i : last), -1);
    if (sit >= 0 && firstAction >= 0 && sit > firstAction) ordered = false;
    if (firstAction >= 0 && res >= 0 && lastResult < firstAction) ordered = false;
  }
  let structure = [1, 2, 3, 4, 4][present.length]!;
  if (present.length === 4 && ordered) structure = 5;
  if (present.length === 3 && ordered && type === 'behavioural' && reflectionAt >= 0) structure = 5;
  if (!ordered) structure = Math.min(structure, 3);
  if (u.length < 3) structure = Math.min(structure, type === 'technical-conceptual' ? 3 : 2);
  if (words < 20) structure = 1;

  // ---- relevance ----
  let hits = 0;
  let lexiconHits = 0;
  for (const s of features.stems) {
    if (target.all.has(s)) hits++;
    if (target.lexicon.has(s)) lexiconHits++;
  }
  const scale = target.hasLexicon ? 1 : 0.6;
  let relevance = 1;
  if (hits >= 8 * scale) relevance = 5;
  else if (hits >= 5 * scale) relevance = 4;
  else if (hits >= 3 * scale) relevance = 3;
  else if (hits >= 2) relevance = 2;
  const onTopic = u.filter((s) => s.stems.some((st) => target.all.has(st)));
  if (u.length >= 4 && onTopic.length / u.length < 0.25) relevance = Math.max(1, relevance - 1);
  if (words < 20) relevance = Math.min(relevance, 2);
  const mostRelevant = onTopic.reduce<SentenceFeatures | undefined>((best, s) => {
    const n = s.stems.filter((st) => target.all.has(st)).length;
    const b = best ? best.stems.filter((st) => target.all.has(st)).length : -1;
    return n > b ? s : best;
  }, undefined);

  // ---- specificity ----
  const numberCount = features.numbers.size;
  let namedCount = 0;
  for (const n of features.named) if (!companyWords.has(n)) namedCount++;
  let specificityPoints = 0;
  const weHeavy = features.weRefs >= 3 && features.weRefs > 1.5 * features.iRefs;
  switch (type) {
    case 'behavioural':
      specificityPoints =
        step(numberCount, [[1, 1], [2, 2]]) +
        step(namedCount, [[1, 1], [3, 1.5]]) +
        step(features.iActions, [[1, 0.75], [3, 1.5]]) -
        (weHeavy ? 1 : 0) -
        Math.min(1.5, 0.5 * features.genericCount);
      break;
    case 'situational':
      specificityPoints =
        step(features.planActions, [[1, 0.75], [3, 1.5]]) +
        step(u.filter((s) => s.sequence).length, [[2, 1]]) +
        step(u.filter((s) => s.stakeholder).length, [[1, 0.5], [2, 1]]) +
        step(numberCount + namedCount, [[1, 0.5], [3, 1]]) +
        (u.some((s) => s.experience) ? 1 : 0);
      break;
    case 'technical-conceptual':
      specificityPoints =
        step(lexiconHits, [[2, 1], [4, 2], [7, 2.5]]) +
        step(namedCount, [[1, 0.5], [3, 1]]) +
        step(numberCount, [[1, 0.5]]) +
        (u.some((s) => s.example) ? 1 : 0);
      break;
    case 'motivational':
      specificityPoints =
        step(namedCount, [[1, 1], [3, 1.5]]) +
        step(numberCount, [[1, 0.5], [2, 1]]) +
        step(u.filter((s) => s.evidence || s.experience).length, [[1, 1], [2, 1.5]]) +
        step(features.iActions, [[2, 0.5]]) -
        Math.min(1.5, 0.5 * (features.genericCount + features.vagueCount));
      break;
  }
  let specificity = band(specificityPoints);
  if (words < 20) specificity = Math.min(specificity, 2);
  const mostSpecific = u.reduce<SentenceFeatures | undefined>((best, s) => {
    const score = (x: SentenceFeatures) => x.numbers.length + namedIn(x) + x.iActions;
    return score(s) > (best ? score(best) : 0) ? s : best;
  }, undefined);

  // ---- impact ----
  const resultSentences = u.filter((s) => s.result);
  const quantifiedResult = u.find((s) => s.quantified && (s.result || type !== 'behavioural'));
  const anyQuantified = u.find((s) => s.quantified);
  const reflection = u.find((s) => s.reflection);
  let impactPoints = 0;
  switch (type) {
    case 'behavioural':
      impactPoints =
        step(resultSentences.length, [[1, 1], [2, 1.5]]) +
        (quantifiedResult ? 2 : anyQuantified ? 1 : 0) +
        (reflection ? 1 : 0);
      break;
    case 'situational':
      impactPoints =
        step(u.filter((s) => s.outcomeCheck).length, [[1, 1], [2, 1.5]]) +
        (u.some((s) => s.stakeholder) ? 0.5 : 0) +
        (u.some((s) => s.experience) ? 1 : 0) +
        (u.some((s) => s.tradeoff) ? 1 : 0) +
        (reflection || anyQuantified ? 0.5 : 0);
      break;
    case 'technical-conceptual':
      impactPoints =
        (u.some((s) => s.example) ? 1.5 : 0) +
        (u.some((s) => s.tradeoff) ? 1.5 : 0) +
        (u.some((s) => s.mechanism) ? 1 : 0) +
        (features.iActions > 0 || u.some((s) => s.experience) ? 1 : 0) +
        (anyQuantified ? 0.5 : 0);
      break;
    case 'motivational':
      impactPoints =
        (u.some((s) => s.future) ? 1.5 : 0) +
        (u.some((s) => s.evidence || s.experience) ? 1 : 0) +
        (present.includes('fit') ? 1 : 0) +
        (u.some((s) => s.reason) ? 0.5 : 0) +
        (anyQuantified ? 0.5 : 0) +
        (reflection ? 0.5 : 0);
      break;
  }
  let impact = band(impactPoints);
  if (words < 20) impact = Math.min(impact, 2);

  // ---- clarity ----
  const fillerRate = features.totalWords > 0 ? features.fillerCount / features.totalWords : 0;
  const duplicateRate = features.sentences.length > 0 ? features.duplicateCount / features.sentences.length : 0;
  let clarity = 5;
  const clarityIssues: string[] = [];
  const penalise = (points: number, issue: string): void => {
    clarity -= points;
    if (!clarityIssues.includes(issue)) clarityIssues.push(issue);
  };
  if (words < 20) {
    penalise(4, 'too short');
  } else {
    if (words < lo * 0.5) penalise(2, 'short');
    else if (words < lo) penalise(1, 'short');
    if (words > hi * 1.5) penalise(2, 'long');
    else if (words > hi) penalise(1, 'long');
    if (features.averageSentenceWords > 30) penalise(1, 'long sentences');
    if (features.longestSentenceWords > 50) penalise(1, 'long sentences');
    if (fillerRate > 0.06) penalise(2, 'filler');
    else if (fillerRate > 0.02 || features.fillerCount >= 3) penalise(1, 'filler');
    if (duplicateRate >= 0.3) penalise(2, 'repetition');
    else if (features.duplicateCount > 0) penalise(1, 'repetition');
  }
  clarity = clamp(clarity, 1, 5);
  const fillerSentence = features.sentences.find((s) => s.fillers > 0 && s.quotable);
  const duplicateSentence = features.sentences.find((s) => s.duplicate && s.quotable);
  const longestSentence = u.reduce<SentenceFeatures | undefined>((a, s) => (!a || s.words > a.words ? s : a), undefined);
  const clarityEvidence = clarityIssues.includes('filler')
    ? evidence(fillerSentence)
    : clarityIssues.includes('repetition')
      ? evidence(duplicateSentence)
      : clarityIssues.includes('long sentences')
        ? evidence(longestSentence)
        : evidence(u[0]);

  // ---- assemble ----
  const scores: Record<FeedbackCriterion, number> = { structure, relevance, specificity, impact, clarity };
  const diagnosis: Diagnosis = {
    type,
    competency: question.competency,
    questionText: question.text,
    company: options.company ?? null,
    words,
    idealWords: [lo, hi],
    scores,
    present,
    missing,
    ordered,
    hasReflection: reflectionAt >= 0,
    hasResult: resultSentences.length > 0,
    hasQuantifiedResult: Boolean(quantifiedResult),
    numberCount,
    namedCount,
    iRefs: features.iRefs,
    weRefs: features.weRefs,
    iActions: features.iActions,
    weHeavy,
    genericCount: features.genericCount + (type === 'motivational' ? features.vagueCount : 0),
    fillerCount: features.fillerCount,
    duplicateCount: features.duplicateCount,
    longestSentenceWords: features.longestSentenceWords,
    clarityIssues,
    hasExperience: u.some((s) => s.experience || s.evidence),
    hasStakeholder: u.some((s) => s.stakeholder),
    relevanceHits: hits,
    lexiconHits,
    planActions: features.planActions,
  };

  const criteria: CriterionScore[] = [
    {
      criterion: 'structure',
      score: structure,
      reason: structureReason(diagnosis),
      evidence: words < 20 ? [] : evidence(u[stageIndex[0]!], u[stageIndex[3]!] ?? u[stageIndex[2]!]),
    },
    {
      criterion: 'relevance',
      score: relevance,
      reason: relevanceReason(relevance, question.competency, hits),
      evidence: evidence(mostRelevant),
    },
    {
      criterion: 'specificity',
      score: specificity,
      reason: specificityReason(diagnosis),
      evidence: evidence(mostSpecific),
    },
    {
      criterion: 'impact',
      score: impact,
      reason: impactReason(diagnosis, impact),
      evidence: evidence(quantifiedResult ?? resultSentences[resultSentences.length - 1] ?? anyQuantified, reflection),
    },
    {
      criterion: 'clarity',
      score: clarity,
      reason: clarityReason(diagnosis, clarity),
      evidence: words < 20 ? [] : clarityEvidence,
    },
  ];

  let weighted = 0;
  for (const c of criteria) weighted += c.score * CRITERION_WEIGHTS[c.criterion as FeedbackCriterion];
  let overall = Math.round(((weighted - 1) / 4) * 100);
  const notices: string[] = [];
  if (features.contentWords === 0) overall = 0;
  else if (words < 20) overall = Math.min(overall, 10);
  else if (words < 50) overall = Math.min(overall, 35);
  if (words < 50 && words > 0) notices.push('This answer is too short to show much, so the scores are capped — aim for a fuller answer.');
  if (relevance === 1 && words >= 20) {
    overall = Math.min(overall, 20);
    notices.push("This answer doesn't seem to address the question, so the scores are capped.");
  } else if (relevance === 2) {
    overall = Math.min(overall, 50);
  }
  overall = clamp(overall, 0, 100);

  return {
    overallScore: overall,
    criteria,
    strengths: writeStrengths(diagnosis),
    improvements: writeImprovements(diagnosis),
    outline: writeOutline(diagnosis),
    notice: notices.length > 0 ? notices.join(' ') : null,
    questionType: type,
  };
}

// ---------- reasons (one line each) ----------

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function structureReason(d: Diagnosis): string {
  if (d.words < 20) return 'Too short to have a structure yet.';
  const frame =
    d.type === 'behavioural'
      ? 'STAR'
      : d.type === 'situational'
        ? 'a plan (clarify, act, involve people, check the outcome)'
        : d.type === 'technical-conceptual'
          ? 'definition, mechanism, example and trade-offs'
          : 'reason, evidence, fit and future';
  if (d.missing.length === 0 && d.ordered) return `Follows ${frame} in a logical order.`;
  if (!d.ordered) return `Has ${list(d.present)}, but out of order: the result comes before the actions.`;
  if (d.present.length === 0) return `No recognisable shape yet; try ${frame}.`;
  return `Has ${list(d.present)}; missing ${list(d.missing)}.`;
}

function relevanceReason(score: number, competency: string, hits: number): string {
  const label = competencyLabel(competency);
  if (score >= 4) return `Stays on the question: ${hits} key terms tie it to ${label}.`;
  if (score === 3) return `Partly on topic; make the link to ${label} more explicit.`;
  if (score === 2) return `Only loosely connected to ${label}.`;
  return `Does not address the question about ${label}.`;
}

function specificityReason(d: Diagnosis): string {
  if (d.words < 20) return 'Too short to include concrete detail.';
  if (d.type === 'situational') {
    if (d.planActions === 0) return 'Talks about the situation in general rather than the steps you would take.';
    return `${d.planActions} concrete step${d.planActions === 1 ? '' : 's'} ("I would…")${d.hasStakeholder ? ', naming the people involved' : ''}${d.hasExperience ? ', backed by past experience' : ''}.`;
  }
  if (d.type === 'technical-conceptual') {
    const terms = `${d.lexiconHits} key term${d.lexiconHits === 1 ? '' : 's'} of ${competencyLabel(d.competency)}`;
    return `${capitalise(terms)}${d.present.includes('example') ? ' and a concrete example' : ', but no concrete example'}.`;
  }
  const parts: string[] = [];
  if (d.numberCount > 0) parts.push(`${d.numberCount} number${d.numberCount === 1 ? '' : 's'}`);
  if (d.namedCount > 0) parts.push(`${d.namedCount} named tool${d.namedCount === 1 ? '' : 's'}, people or places`);
  if (d.type === 'behavioural' || d.type === 'motivational')
    parts.push(`${d.iActions} first-person action${d.iActions === 1 ? '' : 's'}`);
  const detail = parts.length > 0 ? list(parts) : 'no concrete details';
  if (d.weHeavy) return `${capitalise(detail)}, but mostly "we" rather than what you did.`;
  if (d.genericCount > 0)
    return d.type === 'motivational'
      ? `${capitalise(detail)}; leans on stock phrases rather than specifics.`
      : `${capitalise(detail)}; some statements are general rather than about one occasion.`;
  return `${capitalise(detail)}.`;
}

function impactReason(d: Diagnosis, score: number): string {
  if (d.words < 20) return 'No outcome described yet.';
  switch (d.type) {
    case 'behavioural':
      if (d.hasQuantifiedResult && d.hasReflection) return 'Quantified result and a reflection on what you learned.';
      if (d.hasQuantifiedResult) return 'Quantified result, but no reflection on what you learned.';
      if (d.hasResult) return d.hasReflection ? 'States the outcome and the lesson, without a measure.' : 'States an outcome, but without a measure or a lesson.';
      return d.hasReflection ? 'Reflects on the lesson but never says how things turned out.' : 'No result or lesson: the story stops before the outcome.';
    case 'situational':
      return score >= 4 ? 'Considers outcomes, people affected and what could go wrong.' : 'Says little about how you would know it worked or what could go wrong.';
    case 'technical-conceptual':
      return score >= 4 ? 'Shows when and why it matters in practice, with trade-offs.' : 'Explains the idea in the abstract; little on practice or trade-offs.';
    case 'motivational':
      return score >= 4 ? 'Connects your motivation to what you would contribute.' : 'Says what you want more than what you would bring.';
  }
}

function clarityReason(d: Diagnosis, score: number): string {
  if (d.clarityIssues.includes('too short')) return 'Under 20 words: too short to follow an argument.';
  const [lo, hi] = d.idealWords;
  const notes: string[] = [];
  if (d.clarityIssues.includes('short')) notes.push(`short at ${d.words} words (aim for ${lo}-${hi})`);
  if (d.clarityIssues.includes('long')) notes.push(`long at ${d.words} words (aim for ${lo}-${hi})`);
  if (d.clarityIssues.includes('long sentences')) notes.push(`some sentences are long (up to ${d.longestSentenceWords} words)`);
  if (d.clarityIssues.includes('filler')) notes.push(`${d.fillerCount} filler word${d.fillerCount === 1 ? '' : 's'}`);
  if (d.clarityIssues.includes('repetition')) notes.push(`${d.duplicateCount} repeated sentence${d.duplicateCount === 1 ? '' : 's'}`);
  if (notes.length === 0) return `Easy to follow at ${d.words} words.`;
  return `${score >= 4 ? 'Mostly clear' : 'Harder to follow'}: ${list(notes)}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
