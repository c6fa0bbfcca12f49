/**
 * Configuration of the keys that protect tenants' own credentials, and of Claude without a
 * deployment key: a bad value is refused at start-up with one message naming the variable.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const KEY = 'k'.repeat(32);

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('tenant secrets', () => {
  it('reads TENANT_SECRETS_KEY and the comma-separated previous keys', () => {
    const config = loadConfig({ TENANT_SECRETS_KEY: KEY, TENANT_SECRETS_PREVIOUS_KEYS: ` ${'a'.repeat(32)} ,${'b'.repeat(40)},` });
    expect(config.tenantSecrets).toEqual({ key: KEY, previousKeys: ['a'.repeat(32), 'b'.repeat(40)] });
  });

  it('leaves both unset by default (a development server generates a key in DATA_DIR)', () => {
    expect(loadConfig({}).tenantSecrets).toEqual({ key: null, previousKeys: [] });
  });

  it.each([
    ['a short key', { TENANT_SECRETS_KEY: 'too-short' }, /^TENANT_SECRETS_KEY: must be at least 32 characters/],
    ['a short previous key', { TENANT_SECRETS_PREVIOUS_KEYS: `${KEY},short` }, /^TENANT_SECRETS_PREVIOUS_KEYS\.1: each key must be at least 32 characters/],
  ])('refuses %s', (_label, env, message) => {
    expect(problemsOf(env)).toEqual([expect.stringMatching(message)]);
  });
});

it('keeps the Claude settings without ANTHROPIC_API_KEY, for tenants that bring their own key', () => {
  expect(loadConfig({ ANTHROPIC_FEEDBACK_MODEL: 'claude-opus-4-6' }).anthropic).toMatchObject({ apiKey: null, feedbackModel: 'claude-opus-4-6' });
});
