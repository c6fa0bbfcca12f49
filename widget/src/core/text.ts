/**
 * Text rules the widget shares with the server (`server/src/practice/answer-text.ts`): the same
 * word count and speaking pace, so the editor's estimate matches what the server stores.
 */
export const MAX_ANSWER_CHARS = 5000;
export const WORDS_PER_MINUTE = 140;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

export function speakingTimeSeconds(wordCount: number): number {
  return Math.round((wordCount / WORDS_PER_MINUTE) * 60);
}

/** Appends `addition` to `text` as a new paragraph. */
export function appendParagraph(text: string, addition: string): string {
  const base = text.trimEnd();
  return base ? `${base}\n\n${addition}` : addition;
}
