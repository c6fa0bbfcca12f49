import { describe, expect, it } from 'vitest';
import { AiCounter, estimateCostMicroUsd, priceOf, usageCounterDeltas } from './usage.js';

describe('estimateCostMicroUsd', () => {
  it.each([
    // model, input, output, cache write, cache read, micro-dollars
    ['claude-sonnet-4-6', 1000, 500, 0, 0, 1000 * 3 + 500 * 15],
    ['claude-sonnet-4-6', 100, 500, 2000, 0, 100 * 3 + 500 * 15 + 2000 * 3.75],
    ['claude-sonnet-4-6', 100, 500, 0, 2000, 100 * 3 + 500 * 15 + 2000 * 0.3],
    ['claude-haiku-4-5', 1000, 1000, 0, 0, 1000 * 1 + 1000 * 5],
    ['claude-opus-4-6', 1000, 1000, 0, 0, 1000 * 5 + 1000 * 25],
    ['claude-opus-4-1', 1000, 1000, 0, 0, 1000 * 15 + 1000 * 75],
    ['some-future-model', 1000, 0, 0, 0, 1000 * 3],
  ])('%s: %i in, %i out, %i written, %i read', (model, input, output, write, read, expected) => {
    const usage = { inputTokens: input, outputTokens: output, cacheCreationInputTokens: write, cacheReadInputTokens: read };
    expect(estimateCostMicroUsd(model, usage)).toBe(Math.round(expected));
  });

  it('matches the longest prefix', () => {
    expect(priceOf('claude-opus-4-5-20251101')).toEqual({ input: 5, output: 25 });
    expect(priceOf('claude-opus-4-20250514')).toEqual({ input: 15, output: 75 });
  });
});

describe('usageCounterDeltas', () => {
  it('counts every kind of token toward the budget and one request', () => {
    const deltas = usageCounterDeltas('claude-sonnet-4-6', { inputTokens: 10, outputTokens: 20, cacheCreationInputTokens: 30, cacheReadInputTokens: 40 });
    expect(deltas).toMatchObject({ [AiCounter.TOKENS]: 100, [AiCounter.REQUESTS]: 1, [AiCounter.CACHE_READ]: 40 });
  });
});
