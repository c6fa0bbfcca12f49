/** What answer text is accepted, and the word and speaking-time figures shown beside it. */
import { describe, expect, it } from 'vitest';
import { answerTextSchema, countWords, speakingTimeSeconds } from './answer-text.js';

describe('answerTextSchema', () => {
  it.each([
    ['plain text', 'I led the project.'],
    ['markup is kept as text', '<script>alert(1)</script> I led it.'],
    ['tabs and line breaks', 'Line one\n\tLine two\r\n'],
    ['emoji and accents', 'J’ai dirigé l’équipe 🚀'],
  ])('accepts %s', (_name, text) => {
    expect(answerTextSchema.safeParse(text).success).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   \n '],
    ['a lone surrogate', 'bad \ud800 text'],
    ['a NUL byte', 'bad \u0000 text'],
    ['a bell character', 'bad \u0007 text'],
    ['over 5,000 characters', 'a'.repeat(5001)],
  ])('refuses %s', (_name, text) => {
    expect(answerTextSchema.safeParse(text).success).toBe(false);
  });

  it('trims surrounding space before measuring', () => {
    expect(answerTextSchema.parse(`  ${'a'.repeat(5000)}  `)).toHaveLength(5000);
  });
});

describe('word count and speaking time', () => {
  it.each([
    ['', 0, 0],
    ['one', 1, 0],
    ['two  words\nhere', 3, 1],
    [Array.from({ length: 140 }, () => 'w').join(' '), 140, 60],
  ])('%j has %i words and %is of speech', (text, words, seconds) => {
    expect(countWords(text)).toBe(words);
    expect(speakingTimeSeconds(countWords(text))).toBe(seconds);
  });
});
