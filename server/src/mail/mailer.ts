/**
 * The `Mailer` port: hands one finished message to a delivery service. Adapters: `smtp`
 * (nodemailer) and `outbox` (the embedded default: nothing leaves the machine, the message is
 * printed to the log). Queuing, retries and at-most-once bookkeeping live in the outbox job
 * (jobs/outbox-delivery.ts), not here.
 */

export interface MailMessage {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox e-mail, so a receiving server can recognise a copy. */
  messageId: string;
  /** For the log line of the outbox adapter; never sent. */
  meta: { outboxEmailId: string; tenantId: string; kind: string };
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/**
 * A send that failed. `retryable` is true only when the message certainly did not reach the
 * server (no connection, or an explicit 4xx refusal), so retrying cannot deliver it twice.
 */
export class MailDeliveryError extends Error {
  readonly kind = 'MailDeliveryError' as const;
  constructor(
    message: string,
    readonly retryable: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'MailDeliveryError';
  }
}

export function isMailDeliveryError(value: unknown): value is MailDeliveryError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'MailDeliveryError';
}

/** The address part of `MAIL_FROM` ("Name <a@b>" or "a@b"). */
export function senderAddress(mailFrom: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(mailFrom)?.[1] ?? mailFrom).trim();
}
