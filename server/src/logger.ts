/**
 * Structured logs (pino). What a log line may hold is decided here: request URLs lose their
 * query string (tRPC GET inputs and subscription connection params live there), and anything
 * that could carry a credential or learner text is redacted by path.
 */
import type { LoggerOptions } from 'pino';

export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  '*.token',
  '*.apiKey',
  '*.secretKey',
  '*.publishableKey',
  '*.text',
  '*.answer',
  '*.answerText',
  '*.jobDescription',
  '*.email',
  '*.password',
];

export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers: {
      req(req: { method?: string; url?: string; id?: string }) {
        return { id: req.id, method: req.method, url: pathOnly(req.url) };
      },
    },
  };
}

/**
 * The logger the app depends on: pino's shape, declared here so types that reach clients
 * (the router's context) do not pull in pino's.
 */
export interface AppLogger {
  level: string;
  fatal(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
  trace(obj: unknown, msg?: string): void;
  child(bindings: Record<string, unknown>): AppLogger;
}
