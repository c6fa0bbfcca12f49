/**
 * What the model must return, as zod schemas, and how a parsed reply becomes our records.
 *
 * The schemas go to the API as `output_config.format` (through the SDK's `zodOutputFormat`),
 * so the model is constrained to them. Ranges are deliberately NOT in the schemas: a score of 6
 * or 0 is clamped here rather than thrown away, and lengths are trimmed rather than refused. What
 * cannot be mended (a missing criterion, too few questions) is an `OutputProblem`, which earns
 * the model one repair attempt.
 *
 * Grounding: an evidence quote survives only if it is a verbatim substring of the
 * whitespace-normalised answer; a criterion that lost quotes says so in its reason.
 */
import { createHash } from 'node:crypto';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { JSONOutputFormat } from '@anthropic-ai/sdk/resources/messages/messages';
import { z } from 'zod';
import type { CriterionScore, Question } from '../../store/records.js';
import { feedbackCriteria, normaliseWhitespace, starParts, type FeedbackCriterion, type StarSuggestions } from '../coach.js';

// ---------------------------------------------------------------- schemas

export const criterionOutputSchema = z.object({
  criterion: z.enum(feedbackCriteria),
  score: z.number().describe('Whole number from 1 (weak) to 5 (excellent).'),
  reason: z.string().describe('One or two sentences to the learner: why this score and what would raise it.'),
  evidence: z
    .array(z.string())
    .describe('Up to two short quotes copied exactly from the answer; empty if nothing supports the point.'),
});

export const feedbackOutputSchema = z.object({
  criteria: z
    .array(criterionOutputSchema)
    .describe('Exactly five entries, in the order structure, relevance, specificity, impact, clarity.'),
  overallScore: z.number().describe('Whole number from 0 to 100.'),
  strengths: z.array(z.string()).describe('Two or three items.'),
  improvements: z.array(z.string()).describe('Two or three items, the most valuable first.'),
  outline: z.array(z.string()).describe('Three to six short lines.'),
});

export const questionsOutputSchema = z.object({
  questions: z.array(
    z.object({
      text: z.string(),
      competency: z.string().describe('A competency id, kebab-case.'),
      guidance: z.string(),
    }),
  ),
});

export const starOutputSchema = z.object({
  situation: z.array(z.string()),
  task: z.array(z.string()),
  action: z.array(z.string()),
  result: z.array(z.string()),
  reflection: z.array(z.string()),
  overall: z.array(z.string()),
});

export const mockSummaryOutputSchema = z.object({ summary: z.string() });

/** The JSON schema part only: we parse and validate ourselves, so a bad reply can be repaired. */
function wireFormat(schema: z.ZodType): JSONOutputFormat {
  const { type, schema: json } = zodOutputFormat(schema);
  return { type, schema: json };
}

export const outputFormats = {
  feedback: wireFormat(feedbackOutputSchema),
  questions: wireFormat(questionsOutputSchema),
  star: wireFormat(starOutputSchema),
  mockSummary: wireFormat(mockSummaryOutputSchema),
} as const;

// ---------------------------------------------------------------- parsing

export class OutputProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputProblem';
  }
}

/** Parses and validates; throws `OutputProblem` with a message the repair prompt can quote. */
export function parseOutput<T>(schema: z.ZodType<T>, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(stripFence(text));
  } catch (error) {
    // V8's message quotes the text, which may quote the answer: keep only the position.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new OutputProblem(`The reply was not valid JSON${position ? ` (error at character ${position})` : ''}.`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new OutputProblem(`The reply did not match the schema: ${issues}.`);
  }
  return result.data;
}

function stripFence(text: string): string {
  const match = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  return match ? match[1]! : text;
}

// ---------------------------------------------------------------- mending

export function clampScore(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

const MAX_ITEM_CHARS = 500;
const MAX_REASON_CHARS = 700;
const MAX_QUOTES = 2;
const MAX_QUOTE_CHARS = 400;

function cleanItems(items: readonly string[], max: number): string[] {
  return items
    .map((s) => normaliseWhitespace(s))
    .filter((s) => s.length > 0)
    .slice(0, max)
    .map((s) => (s.length > MAX_ITEM_CHARS ? `${s.slice(0, MAX_ITEM_CHARS - 1)}…` : s));
}

/** Said, in the learner's feedback, of a criterion whose quotes did not match their answer. */
export const UNGROUNDED_NOTE = '(Quoted evidence that did not match your answer word for word was removed.)';

/** Surrounding quotation marks and ellipses are decoration, not part of the quote. */
function undecorate(quote: string): string {
  return normaliseWhitespace(quote)
    .replace(/^(?:["“”„«»]|\.\.\.|…)+\s*/u, '')
    .replace(/\s*(?:["“”„«»]|\.\.\.|…)+$/u, '')
    .trim();
}

export interface GroundingResult {
  evidence: string[];
  dropped: number;
}

/** Keeps the quotes that are verbatim substrings of the whitespace-normalised answer. */
export function groundEvidence(quotes: readonly string[], normalisedAnswer: string): GroundingResult {
  const evidence: string[] = [];
  let dropped = 0;
  for (const raw of quotes) {
    const quote = undecorate(raw);
    if (quote.length === 0) continue;
    if (quote.length < 3 || quote.length > MAX_QUOTE_CHARS || !normalisedAnswer.includes(quote)) {
      dropped++;
      continue;
    }
    if (!evidence.includes(quote) && evidence.length < MAX_QUOTES) evidence.push(quote);
  }
  return { evidence, dropped };
}

export type CriterionOutput = z.infer<typeof criterionOutputSchema>;

export function lostEvidence(criterion: CriterionScore): boolean {
  return criterion.reason.endsWith(UNGROUNDED_NOTE);
}

export function toCriterionScore(output: CriterionOutput, normalisedAnswer: string): CriterionScore {
  const { evidence, dropped } = groundEvidence(output.evidence, normalisedAnswer);
  let reason = normaliseWhitespace(output.reason);
  if (reason.length > MAX_REASON_CHARS) reason = `${reason.slice(0, MAX_REASON_CHARS - 1)}…`;
  if (dropped > 0) reason = reason ? `${reason} ${UNGROUNDED_NOTE}` : UNGROUNDED_NOTE;
  return { criterion: output.criterion, score: clampScore(output.score, 1, 5), reason, evidence };
}

/** How many items each feedback list must have (fewer is a problem) and keeps (more are cut). */
export const LIST_LIMITS = {
  strengths: { min: 2, max: 3 },
  improvements: { min: 2, max: 3 },
  outline: { min: 1, max: 8 },
} as const;

export function mendList(kind: keyof typeof LIST_LIMITS, items: readonly string[]): string[] {
  return cleanItems(items, LIST_LIMITS[kind].max);
}

function requiredList(kind: keyof typeof LIST_LIMITS, items: readonly string[]): string[] {
  const mended = mendList(kind, items);
  if (mended.length < LIST_LIMITS[kind].min) {
    throw new OutputProblem(`"${kind}" needs at least ${LIST_LIMITS[kind].min} non-empty items; it has ${mended.length}.`);
  }
  return mended;
}

export interface MendedFeedback {
  overallScore: number;
  criteria: CriterionScore[];
  strengths: string[];
  improvements: string[];
  outline: string[];
}

export function mendFeedback(output: z.infer<typeof feedbackOutputSchema>, normalisedAnswer: string): MendedFeedback {
  const byName = new Map<FeedbackCriterion, CriterionOutput>();
  for (const c of output.criteria) if (!byName.has(c.criterion)) byName.set(c.criterion, c);
  const missing = feedbackCriteria.filter((name) => !byName.has(name));
  if (missing.length > 0) throw new OutputProblem(`The reply has no score for: ${missing.join(', ')}.`);
  return {
    overallScore: clampScore(output.overallScore, 0, 100),
    criteria: feedbackCriteria.map((name) => toCriterionScore(byName.get(name)!, normalisedAnswer)),
    strengths: requiredList('strengths', output.strengths),
    improvements: requiredList('improvements', output.improvements),
    outline: requiredList('outline', output.outline),
  };
}

function kebab(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'general'
  );
}

export function mendQuestions(
  output: z.infer<typeof questionsOutputSchema>,
  count: number,
  seed: string,
  model: string,
): Question[] {
  const seen = new Set<string>();
  const questions: Question[] = [];
  for (const q of output.questions) {
    const text = normaliseWhitespace(q.text);
    const key = text.toLowerCase();
    if (text.length < 10 || seen.has(key)) continue;
    seen.add(key);
    const id = `ai-${createHash('sha256').update(`${seed}\n${questions.length}\n${text}`).digest('hex').slice(0, 16)}`;
    questions.push({
      id,
      text: text.slice(0, 500),
      competency: kebab(q.competency),
      guidance: normaliseWhitespace(q.guidance).slice(0, MAX_ITEM_CHARS),
      source: model,
    });
    if (questions.length === count) break;
  }
  if (questions.length < count) {
    throw new OutputProblem(`The reply has ${questions.length} usable distinct questions; exactly ${count} are needed.`);
  }
  return questions;
}

export function mendStar(output: z.infer<typeof starOutputSchema>): StarSuggestions {
  const out = { overall: cleanItems(output.overall, 3) } as StarSuggestions;
  const empty: string[] = [];
  for (const part of starParts) {
    out[part] = cleanItems(output[part], 3);
    if (out[part].length === 0) empty.push(part);
  }
  if (empty.length > 0) throw new OutputProblem(`The reply has no suggestion for: ${empty.join(', ')}.`);
  return out;
}

export function mendSummary(output: z.infer<typeof mockSummaryOutputSchema>): string {
  const summary = normaliseWhitespace(output.summary);
  if (summary.length < 20) throw new OutputProblem('The summary is empty or too short.');
  return summary.slice(0, 2000);
}
