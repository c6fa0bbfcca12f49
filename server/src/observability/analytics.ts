/**
 * Product analytics through posthog-node, off unless `POSTHOG_KEY` is set. What may leave is
 * decided here and nowhere else:
 *
 * - product events only (`productEvents`), each with an allowlist of properties whose values
 *   are numbers, booleans or short labels; anything else is dropped, so no answer, question,
 *   STAR or job-description text can be sent even by mistake;
 * - the distinct id is a keyed hash of tenant + learner id, never an id, name or e-mail;
 * - no IP address: events are sent from this server (the learner's address never reaches
 *   PostHog) with GeoIP disabled, and no `$ip` property is ever set;
 * - nothing for a learner who opted out of analytics or restricted processing;
 * - erasure deletes the person and their events where a personal API key is configured.
 */
import { createHmac } from 'node:crypto';
import type { Learner } from '../store/records.js';

export const productEvents = {
  'session started': ['mode', 'interviewType', 'seniority', 'questionCount'],
  'answer submitted': ['mode', 'attempt', 'late', 'wordCountBand', 'confidentialWarnings'],
  'feedback delivered': ['source', 'scoreBand', 'fallback'],
  'pass purchased': ['passType', 'provider'],
} as const;

export type ProductEvent = keyof typeof productEvents;
export type ProductEventProperties<E extends ProductEvent> = Partial<
  Record<(typeof productEvents)[E][number], string | number | boolean>
>;

export interface AnalyticsSubject {
  tenantId: string;
  learner: Pick<Learner, 'id' | 'analyticsOptOutAt' | 'restrictedAt'>;
}

export interface Analytics {
  readonly enabled: boolean;
  /** Queues the event (sent in batches); does nothing when off or the learner opted out. */
  capture<E extends ProductEvent>(event: E, subject: AnalyticsSubject, properties: ProductEventProperties<E>): void;
  /** Deletes the learner's analytics person and events (no-op without a personal API key). */
  deletePerson(tenantId: string, learnerId: string): Promise<void>;
  /** Sends what is queued. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface AnalyticsSettings {
  /** The project API key (`phc_…`). */
  key: string;
  /** Ingestion host, e.g. https://eu.i.posthog.com. */
  host: string;
  /** Personal API key with person:write, for deleting erased learners. */
  personalApiKey: string | null;
  projectId: string | null;
  /** The app host the private API lives on (https://eu.posthog.com); derived from `host` when null. */
  appHost: string | null;
}

export interface AnalyticsOptions {
  /** Keys the distinct-id hash, so the hash cannot be recomputed from a learner id alone. */
  secret: string;
  logger: { warn(details: object, message: string): void };
  /** Events per batch (tests use 1). */
  flushAt?: number;
}

/** A label is short, plain and from a known vocabulary: it can carry no learner text. */
const LABEL = /^[a-z0-9][a-z0-9 ._+-]{0,31}$/i;

/** The allowed properties of `event`, with anything that could be content removed. */
export function cleanProperties(event: ProductEvent, properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const allowed = new Set<string>(productEvents[event]);
  const clean: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (!allowed.has(key)) continue;
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) clean[key] = value;
    else if (typeof value === 'string' && LABEL.test(value)) clean[key] = value;
  }
  return clean;
}

export function wordCountBand(words: number): string {
  if (words < 50) return '0-49';
  if (words < 150) return '50-149';
  if (words < 300) return '150-299';
  return '300+';
}

export function scoreBand(score: number): string {
  if (score < 40) return '0-39';
  if (score < 60) return '40-59';
  if (score < 80) return '60-79';
  return '80-100';
}

export function isAnalyticsOptedOut(learner: AnalyticsSubject['learner']): boolean {
  return learner.analyticsOptOutAt != null || learner.restrictedAt != null;
}

/** The PostHog app host for an ingestion host: eu.i.posthog.com → eu.posthog.com. */
export function appHostFor(settings: AnalyticsSettings): string {
  if (settings.appHost) return settings.appHost.replace(/\/+$/, '');
  const url = new URL(settings.host);
  url.hostname = url.hostname.replace(/^(eu|us)\.i\.posthog\.com$/, '$1.posthog.com');
  return url.origin;
}

export const disabledAnalytics: Analytics = {
  enabled: false,
  capture: () => undefined,
  deletePerson: async () => undefined,
  flush: async () => undefined,
  shutdown: async () => undefined,
};

export async function createAnalytics(settings: AnalyticsSettings | null, options: AnalyticsOptions): Promise<Analytics> {
  if (!settings) return disabledAnalytics;
  // Loaded only when configured: deployments without analytics never load the SDK.
  const { PostHog } = await import('posthog-node');
  const client = new PostHog(settings.key, {
    host: settings.host,
    flushAt: options.flushAt ?? 20,
    flushInterval: 10_000,
    disableGeoip: true,
    enableExceptionAutocapture: false,
    preloadFeatureFlags: false,
    featureFlagsPollingInterval: null,
  });
  const idKey = createHmac('sha256', options.secret).update('interview-studio/analytics-distinct-id').digest();
  const distinctId = (tenantId: string, learnerId: string) =>
    createHmac('sha256', idKey).update(`${tenantId}\u0000${learnerId}`).digest('hex').slice(0, 32);

  return {
    enabled: true,
    capture(event, subject, properties) {
      if (isAnalyticsOptedOut(subject.learner)) return;
      client.capture({
        distinctId: distinctId(subject.tenantId, subject.learner.id),
        event,
        properties: { ...cleanProperties(event, properties), tenant: subject.tenantId },
        disableGeoip: true,
      });
    },
    async deletePerson(tenantId, learnerId) {
      if (!settings.personalApiKey || !settings.projectId) return;
      const url = `${appHostFor(settings)}/api/projects/${encodeURIComponent(settings.projectId)}/persons/bulk_delete/`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${settings.personalApiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ distinct_ids: [distinctId(tenantId, learnerId)], delete_events: true }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`PostHog person deletion answered ${response.status}`);
    },
    async flush() {
      await client.flush();
    },
    async shutdown() {
      try {
        await client.shutdown(5_000);
      } catch (error) {
        options.logger.warn({ err: error }, 'analytics did not shut down cleanly');
      }
    },
  };
}
