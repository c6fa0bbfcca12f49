/**
 * One request to the Messages API, streamed or not, under our deadlines.
 *
 * - The SDK retries 408/409/429/5xx/529 itself (honouring `retry-after-ms` / `retry-after`)
 *   before the first byte of a stream; whatever it finally throws is mapped to a `CoachFailure`.
 * - `signal` carries the caller's abort and the whole call's deadline. A stream also gets a
 *   first-token deadline: from sending the request (retries included) to the first content
 *   delta. Any of them aborts the HTTP request itself, so the provider stops generating.
 * - The SDK ends a stream quietly when its signal aborts, so after the loop we check the
 *   signals and treat a stream without `message_stop` as broken.
 * - Usage is reported even for failed or aborted attempts (what was billed is billed); a stream
 *   cut off before its `message_delta` has its output tokens estimated from the text.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type {
  JSONOutputFormat,
  MessageCreateParamsNonStreaming,
  MessageParam,
  RawMessageStreamEvent,
  StopReason,
  TextBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages';
import { CoachFailure, CoachFailureReason, failureFromSdkError } from './coach-failure.js';
import type { TokenUsage } from './usage.js';

export interface ModelRequest {
  model: string;
  system: TextBlockParam[];
  messages: MessageParam[];
  maxTokens: number;
  format: JSONOutputFormat;
  /** Already hashed; never a name or e-mail. */
  userId: string | null;
}

export interface AttemptResult {
  /** The model id the API reports (may be a dated snapshot of the one asked for). */
  model: string | null;
  text: string;
  stopReason: StopReason | null;
  usage: TokenUsage;
}

/** Receives every attempt's usage once, success or not. */
export type UsageSink = (usage: TokenUsage, details: { model: string; estimated: boolean }) => void | Promise<void>;

function body(request: ModelRequest): MessageCreateParamsNonStreaming {
  return {
    model: request.model,
    max_tokens: request.maxTokens,
    system: request.system,
    messages: request.messages,
    output_config: { format: request.format },
    ...(request.userId ? { metadata: { user_id: request.userId } } : {}),
  };
}

/** The reason to report once a request ended early: ours (deadline, learner left) or the SDK's. */
function settle(error: unknown, ...signals: AbortSignal[]): unknown {
  for (const s of signals) if (s.aborted) return s.reason;
  return failureFromSdkError(error);
}

/**
 * Streams one attempt: yields text as it arrives and returns the complete result. Throws the
 * abort reason of `signal` (the caller's or the deadline's), or a `CoachFailure`.
 */
export async function* streamAttempt(
  client: Anthropic,
  request: ModelRequest,
  signal: AbortSignal,
  firstTokenMs: number,
  sink: UsageSink,
): AsyncGenerator<string, AttemptResult> {
  const firstToken = new AbortController();
  const timer = setTimeout(
    () =>
      firstToken.abort(
        new CoachFailure(CoachFailureReason.FIRST_TOKEN_TIMEOUT, `The AI coach sent nothing within ${firstTokenMs} ms.`),
      ),
    firstTokenMs,
  );
  const combined = AbortSignal.any([signal, firstToken.signal]);
  let text = '';
  let stopReason: StopReason | null = null;
  let completed = false;
  let sawDelta = false;
  let usage: TokenUsage | null = null;
  let model: string | null = null;
  try {
    let events: AsyncIterable<RawMessageStreamEvent>;
    try {
      events = await client.messages.create({ ...body(request), stream: true }, { signal: combined });
    } catch (error) {
      throw settle(error, signal, firstToken.signal);
    }
    try {
      for await (const event of events) {
        switch (event.type) {
          case 'message_start': {
            const u = event.message.usage;
            model = event.message.model ?? null;
            usage = {
              inputTokens: u.input_tokens,
              outputTokens: u.output_tokens,
              cacheCreationInputTokens: u.cache_creation_input_tokens ?? 0,
              cacheReadInputTokens: u.cache_read_input_tokens ?? 0,
            };
            break;
          }
          case 'content_block_delta':
            if (!sawDelta) {
              sawDelta = true;
              clearTimeout(timer);
            }
            if (event.delta.type === 'text_delta') {
              text += event.delta.text;
              yield event.delta.text;
            }
            break;
          case 'message_delta': {
            stopReason = event.delta.stop_reason ?? stopReason;
            // Cumulative counts: the latest value wins.
            const u = event.usage;
            const before: TokenUsage = (usage as TokenUsage | null) ?? zeroUsage();
            usage = {
              inputTokens: u.input_tokens ?? before.inputTokens,
              outputTokens: u.output_tokens,
              cacheCreationInputTokens: u.cache_creation_input_tokens ?? before.cacheCreationInputTokens,
              cacheReadInputTokens: u.cache_read_input_tokens ?? before.cacheReadInputTokens,
            };
            completed = completed || stopReason !== null;
            break;
          }
          case 'message_stop':
            completed = true;
            break;
          default:
            break;
        }
      }
    } catch (error) {
      throw settle(error, signal, firstToken.signal);
    }
    if (signal.aborted) throw signal.reason;
    if (firstToken.signal.aborted) throw firstToken.signal.reason;
    if (!completed) throw new CoachFailure(CoachFailureReason.UNAVAILABLE, 'The AI coach stream ended early.');
    return { model, text, stopReason, usage: usage ?? zeroUsage() };
  } finally {
    clearTimeout(timer);
    if (usage) {
      const estimated = !completed;
      const u: TokenUsage = usage;
      await sink(estimated ? { ...u, outputTokens: Math.max(u.outputTokens, Math.ceil(text.length / 4)) } : u, {
        model: request.model,
        estimated,
      });
    }
  }
}

/** One non-streamed attempt (questions, STAR help, summaries). */
export async function jsonAttempt(
  client: Anthropic,
  request: ModelRequest,
  signal: AbortSignal,
  sink: UsageSink,
): Promise<AttemptResult> {
  let message;
  try {
    message = await client.messages.create(body(request), { signal });
  } catch (error) {
    throw settle(error, signal);
  }
  const u = message.usage;
  const usage: TokenUsage = {
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    cacheCreationInputTokens: u.cache_creation_input_tokens ?? 0,
    cacheReadInputTokens: u.cache_read_input_tokens ?? 0,
  };
  await sink(usage, { model: request.model, estimated: false });
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  return { model: message.model ?? null, text, stopReason: message.stop_reason, usage };
}

function zeroUsage(): TokenUsage {
  return { inputTokens: 0, outputTokens: 0, cacheCreationInputTokens: 0, cacheReadInputTokens: 0 };
}
