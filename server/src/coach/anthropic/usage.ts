/**
 * Token usage and its estimated cost. Prices are list prices in US dollars per million tokens
 * (5-minute cache writes cost 1.25x input, cache reads 0.1x); a dollar per million tokens is one
 * micro-dollar per token, so the cost in micro-dollars is a plain weighted sum. Unknown models
 * are priced as a Sonnet model: an estimate for budgets and dashboards, not an invoice.
 */

export interface TokenUsage {
  /** Input tokens that were neither written to nor read from the prompt cache. */
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export const ZERO_USAGE: TokenUsage = Object.freeze({
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
});

interface Price {
  input: number;
  output: number;
}

/** Longest matching prefix wins. */
const PRICES: ReadonlyArray<readonly [prefix: string, price: Price]> = [
  ['claude-opus-4-5', { input: 5, output: 25 }],
  ['claude-opus-4-6', { input: 5, output: 25 }],
  ['claude-opus-4', { input: 15, output: 75 }],
  ['claude-opus', { input: 5, output: 25 }],
  ['claude-sonnet', { input: 3, output: 15 }],
  ['claude-haiku-3', { input: 0.8, output: 4 }],
  ['claude-haiku', { input: 1, output: 5 }],
];
const DEFAULT_PRICE: Price = { input: 3, output: 15 };

export function priceOf(model: string): Price {
  let best: Price | null = null;
  let bestLength = -1;
  for (const [prefix, price] of PRICES) {
    if (model.startsWith(prefix) && prefix.length > bestLength) {
      best = price;
      bestLength = prefix.length;
    }
  }
  return best ?? DEFAULT_PRICE;
}

export function estimateCostMicroUsd(model: string, usage: TokenUsage): number {
  const p = priceOf(model);
  return Math.round(
    usage.inputTokens * p.input +
      usage.outputTokens * p.output +
      usage.cacheCreationInputTokens * p.input * 1.25 +
      usage.cacheReadInputTokens * p.input * 0.1,
  );
}

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
  };
}

export function totalTokens(usage: TokenUsage): number {
  return usage.inputTokens + usage.outputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}

/**
 * Names of the tenant's monthly usage counters (subject `tenant`). `aiTokens` is what the
 * monthly token budget is measured against: every token processed, cached or not.
 */
export const AiCounter = {
  TOKENS: 'aiTokens',
  INPUT: 'aiInputTokens',
  OUTPUT: 'aiOutputTokens',
  CACHE_WRITE: 'aiCacheWriteTokens',
  CACHE_READ: 'aiCacheReadTokens',
  COST_MICRO_USD: 'aiCostMicroUsd',
  REQUESTS: 'aiRequests',
} as const;

export function usageCounterDeltas(model: string, usage: TokenUsage): Record<string, number> {
  return {
    [AiCounter.TOKENS]: totalTokens(usage),
    [AiCounter.INPUT]: usage.inputTokens,
    [AiCounter.OUTPUT]: usage.outputTokens,
    [AiCounter.CACHE_WRITE]: usage.cacheCreationInputTokens,
    [AiCounter.CACHE_READ]: usage.cacheReadInputTokens,
    [AiCounter.COST_MICRO_USD]: estimateCostMicroUsd(model, usage),
    [AiCounter.REQUESTS]: 1,
  };
}
