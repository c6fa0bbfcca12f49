/**
 * Environment variables of analytics (PostHog) and error monitoring (Sentry). Both are off
 * unless their key is set.
 */
import { z } from 'zod';
import type { AnalyticsSettings } from './analytics.js';
import type { ErrorMonitorSettings } from './error-monitor.js';

const httpUrl = z.url({ protocol: /^https?$/ });

export const observabilityEnvShape = {
  POSTHOG_KEY: z.string().min(8).optional(),
  POSTHOG_HOST: httpUrl.default('https://eu.i.posthog.com'),
  /** For deleting an erased learner's person and events: a personal API key with person:write. */
  POSTHOG_PERSONAL_API_KEY: z.string().min(8).optional(),
  POSTHOG_PROJECT_ID: z.string().regex(/^\w+$/, 'must be the numeric project id').optional(),
  POSTHOG_APP_HOST: httpUrl.optional(),
  SENTRY_DSN: z.url({ protocol: /^https?$/ }).optional(),
  SENTRY_ENVIRONMENT: z.string().min(1).max(64).optional(),
  SENTRY_RELEASE: z.string().min(1).max(200).optional(),
};

type ObservabilityEnv = {
  NODE_ENV: string;
  POSTHOG_KEY?: string | undefined;
  POSTHOG_HOST: string;
  POSTHOG_PERSONAL_API_KEY?: string | undefined;
  POSTHOG_PROJECT_ID?: string | undefined;
  POSTHOG_APP_HOST?: string | undefined;
  SENTRY_DSN?: string | undefined;
  SENTRY_ENVIRONMENT?: string | undefined;
  SENTRY_RELEASE?: string | undefined;
};

export function analyticsSettingsFrom(e: ObservabilityEnv): AnalyticsSettings | null {
  if (!e.POSTHOG_KEY) return null;
  return {
    key: e.POSTHOG_KEY,
    host: e.POSTHOG_HOST.replace(/\/+$/, ''),
    personalApiKey: e.POSTHOG_PERSONAL_API_KEY ?? null,
    projectId: e.POSTHOG_PROJECT_ID ?? null,
    appHost: e.POSTHOG_APP_HOST ?? null,
  };
}

export function errorMonitorSettingsFrom(e: ObservabilityEnv): ErrorMonitorSettings | null {
  if (!e.SENTRY_DSN) return null;
  return { dsn: e.SENTRY_DSN, environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV, release: e.SENTRY_RELEASE ?? null };
}
