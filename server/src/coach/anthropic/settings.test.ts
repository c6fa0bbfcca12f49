import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANTHROPIC_DEFAULTS, anthropicEnvShape, anthropicSettingsFrom, endOfLifeWarning } from './settings.js';

const parse = (env: Record<string, string>) => anthropicSettingsFrom(z.object(anthropicEnvShape).parse(env));

describe('anthropicSettingsFrom', () => {
  it('has no deployment key without ANTHROPIC_API_KEY, and still the models and limits tenants with their own key use', () => {
    expect(parse({})).toMatchObject({ apiKey: null, feedbackModel: ANTHROPIC_DEFAULTS.feedbackModel, totalTimeoutMs: 60_000 });
  });

  it('fills the defaults', () => {
    expect(parse({ ANTHROPIC_API_KEY: 'sk-ant-x' })).toEqual({
      apiKey: 'sk-ant-x',
      baseURL: null,
      feedbackModel: ANTHROPIC_DEFAULTS.feedbackModel,
      questionModel: ANTHROPIC_DEFAULTS.questionModel,
      totalTimeoutMs: 60_000,
      firstTokenTimeoutMs: 15_000,
      maxRetries: 2,
      breakerThreshold: 5,
      breakerCooldownMs: 30_000,
      defaultMonthlyTokenBudget: null,
    });
  });

  it('reads every variable and keeps the first-token timeout within the total', () => {
    const s = parse({
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9999',
      ANTHROPIC_FEEDBACK_MODEL: 'claude-opus-4-6',
      ANTHROPIC_QUESTION_MODEL: 'claude-sonnet-4-6',
      ANTHROPIC_TIMEOUT_MS: '5000',
      ANTHROPIC_FIRST_TOKEN_TIMEOUT_MS: '9000',
      ANTHROPIC_MAX_RETRIES: '0',
      ANTHROPIC_BREAKER_THRESHOLD: '3',
      ANTHROPIC_BREAKER_COOLDOWN_MS: '1000',
      AI_MONTHLY_TOKEN_BUDGET: '2000000',
    });
    expect(s).toMatchObject({ baseURL: 'http://127.0.0.1:9999', feedbackModel: 'claude-opus-4-6', totalTimeoutMs: 5000, firstTokenTimeoutMs: 5000, maxRetries: 0, defaultMonthlyTokenBudget: 2_000_000 });
  });

  it('rejects a model id that is not one', () => {
    expect(() => parse({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_FEEDBACK_MODEL: 'Claude Sonnet please' })).toThrow();
  });
});

describe('endOfLifeWarning', () => {
  it.each([
    ['claude-sonnet-4-6', '2026-11-01', null],
    ['claude-sonnet-4-5', '2026-09-01', null],
    ['claude-sonnet-4-5', '2026-11-15', /reaches end of life on 2026-11-30 \(15 days\)/],
    ['claude-sonnet-4-5', '2026-12-01', /reached end of life on 2026-11-30/],
  ])('%s on %s', (model, day, expected) => {
    const warning = endOfLifeWarning(model, new Date(`${day}T00:00:00Z`));
    if (expected === null) expect(warning).toBeNull();
    else expect(warning).toMatch(expected);
  });
});
