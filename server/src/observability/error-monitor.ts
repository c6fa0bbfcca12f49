/**
 * Error monitoring through @sentry/node, off unless `SENTRY_DSN` is set. A dedicated client
 * (not the global `Sentry.init`): no automatic instrumentation, no request data, no breadcrumbs,
 * no local variables. Errors are reported explicitly from the app's two error boundaries (the
 * tRPC `onError` and Fastify's error handler), and every event passes `scrubEvent` before it
 * leaves, with the strings of the failed call's input as the learner text to look for.
 */
import type { NodeOptions } from '@sentry/node';
import { scrubEvent, stringsIn } from './scrub.js';

export interface ErrorMonitorSettings {
  dsn: string;
  environment: string;
  release: string | null;
}

export interface ErrorContext {
  /** The procedure path or route ("answer.submit", "POST /webhooks/stripe"). */
  path?: string;
  /** The failed call's input or body: its strings are removed wherever they appear in the report. */
  input?: unknown;
}

export interface ErrorMonitor {
  readonly enabled: boolean;
  capture(error: unknown, context?: ErrorContext): void;
  /** Waits until queued reports are sent (or the timeout passes). */
  flush(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const disabledErrorMonitor: ErrorMonitor = {
  enabled: false,
  capture: () => undefined,
  flush: async () => undefined,
  close: async () => undefined,
};

export interface ErrorMonitorOptions {
  /** Replaces the HTTP transport (tests). */
  transport?: NonNullable<NodeOptions['transport']>;
}

export async function createErrorMonitor(settings: ErrorMonitorSettings | null, options: ErrorMonitorOptions = {}): Promise<ErrorMonitor> {
  if (!settings) return disabledErrorMonitor;
  // Loaded only when configured.
  const Sentry = await import('@sentry/node');
  const client = new Sentry.NodeClient({
    dsn: settings.dsn,
    environment: settings.environment,
    ...(settings.release ? { release: settings.release } : {}),
    integrations: [],
    transport: options.transport ?? Sentry.makeNodeTransport,
    stackParser: Sentry.defaultStackParser,
    // Collect nothing about requests or users in the first place; `scrubEvent` is the backstop.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      genAI: { inputs: false, outputs: false },
      stackFrameVariables: false,
    },
    sendClientReports: false,
    beforeBreadcrumb: () => null,
    beforeSend: (event, hint) => scrubEvent(event, ((hint.data as { sensitive?: string[] } | undefined)?.sensitive) ?? []),
  });
  client.init();

  return {
    enabled: true,
    capture(error, context = {}) {
      const scope = new Sentry.Scope();
      scope.setClient(client);
      if (context.path) scope.setTag('procedure', context.path);
      scope.captureException(error, { data: { sensitive: stringsIn(context.input) } });
    },
    async flush(timeoutMs = 2_000) {
      await client.flush(timeoutMs);
    },
    async close() {
      await client.close(2_000);
    },
  };
}
