/**
 * Rules for text learners type: answers, STAR parts, job descriptions. Text is stored and shown
 * as plain text (never interpreted as HTML), so markup is allowed; what is refused is text a
 * person cannot have typed: lone surrogates (invalid UTF-8 on the wire) and control characters
 * other than tab and line breaks.
 */
import { z } from 'zod';

export const MAX_ANSWER_CHARS = 5000;
/** Speaking pace used for the estimate: a calm interview pace. */
export const WORDS_PER_MINUTE = 140;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function learnerText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !LONE_SURROGATE.test(s), 'contains characters that are not valid text')
    .refine((s) => !CONTROL_CHARS.test(s), 'contains control characters');
}

/** An answer: 1-5,000 characters once surrounding space is trimmed. */
export const answerTextSchema = learnerText(MAX_ANSWER_CHARS + 200)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'the answer is empty').max(MAX_ANSWER_CHARS, `must be at most ${MAX_ANSWER_CHARS} characters`));

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

export function speakingTimeSeconds(wordCount: number): number {
  return Math.round((wordCount / WORDS_PER_MINUTE) * 60);
}
