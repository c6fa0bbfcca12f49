/**
 * What an error report may hold: the error's type, where it happened (stack frames, procedure
 * path) and a message with nothing personal in it. `scrubEvent` is the Sentry `beforeSend`
 * and runs on every event:
 *
 * - request bodies, query strings, cookies and headers, the user block, breadcrumbs and frame
 *   variables are removed;
 * - any field named like learner content, a credential or a contact detail (text, answer, draft
 *   parts, jobDescription, token, apiKey, email, name…) is replaced, whatever its value;
 * - every remaining string loses e-mail addresses, tokens and keys; messages also lose phone
 *   numbers, personal URLs and quoted fragments (parsers quote the input they choke on);
 * - a string that contains a stretch of learner text known to be in play (the call's input) is
 *   replaced as a whole, so a message that echoes an answer arrives without it.
 */
import { redactPersonalIdentifiers } from '../practice/domain/confidential.js';

const SENSITIVE_KEY =
  /^(text|answers?|answer_?text|drafts?|situation|task|action|result|reflection|job_?description|company|role|questions?|outline|strengths|improvements|summary|body|data|input|token|bearer|authorization|cookies?|set-cookie|x-api-key|api_?key|secret(_?key)?|publishable_?key|password|e-?mail|to|from|name|user|ip_address|query_string|vars)$/i;

/** Keys under `request` that are dropped entirely. */
const REQUEST_DROPPED = ['data', 'cookies', 'query_string', 'headers', 'env'] as const;

/** Windows of this many characters identify learner text inside a longer string. */
const WINDOW = 16;
const REDACTED = '[redacted]';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g;
const API_KEY = /\b(?:sk|pk|rk|whsec)_[A-Za-z0-9_]{8,}|\bsk-ant-[\w-]{8,}|\bphc_[\w]{8,}|\bphx_[\w]{8,}/g;
const BEARER = /\bBearer\s+\S+/gi;
const QUOTED = /(["'`])(?:(?!\1)[^\n]){3,}\1/g;

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Learner text in play during one call, recognisable inside other strings. */
export class SensitiveText {
  private readonly windows = new Set<string>();
  private readonly literals: string[] = [];

  constructor(values: readonly string[]) {
    for (const raw of values) {
      const value = collapse(raw);
      if (value.length >= WINDOW) {
        for (let i = 0; i + WINDOW <= value.length; i++) this.windows.add(value.slice(i, i + WINDOW));
      } else if (value.length >= 4) {
        this.literals.push(value);
      }
    }
  }

  /** The string, or REDACTED when it holds a stretch of learner text. */
  apply(text: string): string {
    if (this.windows.size > 0) {
      const flat = collapse(text);
      for (let i = 0; i + WINDOW <= flat.length; i++) if (this.windows.has(flat.slice(i, i + WINDOW))) return `${REDACTED} (learner text)`;
    }
    let out = text;
    for (const literal of this.literals) out = out.split(literal).join(REDACTED);
    return out;
  }
}

/** Every string inside a value (a call's input, a request body), depth- and size-bounded. */
export function stringsIn(value: unknown, limit = 200): string[] {
  const found: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (found.length >= limit || depth > 8) return;
    if (typeof v === 'string') found.push(v);
    else if (ArrayBuffer.isView(v)) return; // raw bodies (webhooks): the generic rules cover them
    else if (Array.isArray(v)) for (const item of v) visit(item, depth + 1);
    else if (v && typeof v === 'object') for (const item of Object.values(v)) visit(item, depth + 1);
  };
  visit(value, 0);
  return found;
}

export function scrubString(text: string, sensitive: SensitiveText, message: boolean): string {
  let out = sensitive.apply(text);
  out = out.replace(JWT, '[token]').replace(API_KEY, '[key]').replace(BEARER, 'Bearer [token]').replace(EMAIL, '[email]');
  if (message) out = redactPersonalIdentifiers(out).replace(QUOTED, `$1${REDACTED}$1`);
  return out;
}

/** Top-level blocks that describe this server and the SDK, not a learner: names kept there. */
const SERVER_BLOCKS = new Set(['sdk', 'contexts']);

function scrubValue(value: unknown, sensitive: SensitiveText, message: boolean, byKey: boolean, depth: number): unknown {
  if (depth > 12) return REDACTED;
  if (typeof value === 'string') return scrubString(value, sensitive, message);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, sensitive, message, byKey, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (byKey && SENSITIVE_KEY.test(key) && item !== null) {
        out[key] = REDACTED;
        continue;
      }
      // Messages are prose and may quote anything; frames, tags and ids are the app's own.
      const isMessage = message || key === 'value' || key === 'message' || key === 'formatted' || key === 'logentry';
      const keepNames = depth === 0 && SERVER_BLOCKS.has(key);
      out[key] = scrubValue(item, sensitive, isMessage, byKey && !keepNames, depth + 1);
    }
    return out;
  }
  return value;
}

/** The Sentry event without anything personal (see the file header). */
export function scrubEvent<T extends object>(event: T, sensitiveValues: readonly string[] = []): T {
  const copy = { ...(event as Record<string, unknown>) };
  delete copy['user'];
  delete copy['breadcrumbs'];
  const request = copy['request'];
  if (request && typeof request === 'object') {
    const kept = { ...(request as Record<string, unknown>) };
    for (const key of REQUEST_DROPPED) delete kept[key];
    if (typeof kept['url'] === 'string') kept['url'] = (kept['url'] as string).split('?')[0];
    copy['request'] = kept;
  }
  return scrubValue(copy, new SensitiveText(sensitiveValues), false, true, 0) as T;
}
