import { describe, expect, it } from 'vitest';
import { findQuote, highlightSegments } from './highlight.js';

const answer = 'We had three weeks.\n\nI split the work   into daily goals, and we shipped early.';

describe('evidence highlighting', () => {
  it('finds a quote across line breaks and runs of spaces', () => {
    const at = findQuote(answer, 'I split the work into daily goals');
    expect(at).not.toBeNull();
    expect(answer.slice(...at!)).toBe('I split the work   into daily goals');
    expect(findQuote(answer, 'weeks. I split')).not.toBeNull();
  });

  it('treats quotes as text, not patterns', () => {
    expect(findQuote('Cost was $5 (approx.)', '$5 (approx.)')).toEqual([9, 21]);
    expect(findQuote(answer, 'not in the answer')).toBeNull();
    expect(findQuote(answer, '   ')).toBeNull();
  });

  it('cuts the answer into plain and quoted stretches, merging overlaps, keeping every character', () => {
    const segments = highlightSegments(answer, [
      { criterion: 'specificity', text: 'split the work into daily goals' },
      { criterion: 'structure', text: 'daily goals, and we shipped' },
      { criterion: 'impact', text: 'nowhere to be found' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(answer);
    expect(segments.filter((s) => s.criteria).map((s) => [s.text, s.criteria])).toEqual([
      ['split the work   into ', ['specificity']],
      ['daily goals', ['specificity', 'structure']],
      [', and we shipped', ['structure']],
    ]);
  });
});
