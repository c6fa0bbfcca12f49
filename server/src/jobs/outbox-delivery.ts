/**
 * Sends queued e-mails. Each one is claimed (`sending`) before the send and settled after it,
 * so no two runs ever send the same e-mail, and one whose fate is unknown is never sent again.
 * A failure that certainly did not deliver (see MailDeliveryError.retryable) is retried with
 * exponential backoff; anything else, or too many attempts, ends as `failed`.
 */
import { isMailDeliveryError, senderAddress, type Mailer } from '../mail/mailer.js';
import type { OutboxEmail, Tenant } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Job } from './scheduler.js';

export const OUTBOX_DELIVERY_JOB = 'outbox-delivery';
export const MAX_SEND_ATTEMPTS = 6;
/** A claim older than this belongs to a sender that died mid-send (SMTP timeouts are 20 s). */
export const STALE_SENDING_MS = 15 * 60_000;

/** 30 s, 2 min, 8 min, 32 min, ~2 h, then at most 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export interface OutboxDeliveryOptions {
  store: Store;
  mailer: Mailer;
  /** `MAIL_FROM`; the display name is the tenant's product name. */
  mailFrom: string;
  intervalMs?: number;
  batchSize?: number;
}

export function createOutboxDeliveryJob(options: OutboxDeliveryOptions): Job {
  const { store, mailer } = options;
  const address = senderAddress(options.mailFrom);

  return {
    name: OUTBOX_DELIVERY_JOB,
    intervalMs: options.intervalMs ?? 5_000,
    async run({ signal, now, logger }) {
      const tenants = new Map<string, Tenant | null>();
      const tenantOf = async (id: string) => {
        if (!tenants.has(id)) tenants.set(id, await store.getTenant(id));
        return tenants.get(id) ?? null;
      };
      const batch = options.batchSize ?? 20;
      for (;;) {
        const claimed = await store.claimDueEmails(batch, new Date(now().getTime() - STALE_SENDING_MS).toISOString());
        for (const [index, email] of claimed.entries()) {
          if (signal.aborted) {
            // Claimed but never attempted: safe to hand back.
            for (const untouched of claimed.slice(index)) {
              await store.settleEmail(untouched.id, { status: 'pending', nextAttemptAt: now().toISOString(), error: 'not attempted: the sender stopped' });
            }
            return;
          }
          await deliver(email, await tenantOf(email.tenantId));
        }
        if (claimed.length < batch || signal.aborted) return;
      }

      async function deliver(email: OutboxEmail, tenant: Tenant | null): Promise<void> {
        if (!tenant) {
          await store.settleEmail(email.id, { status: 'dropped', error: 'the tenant no longer exists' });
          return;
        }
        try {
          await mailer.send({
            from: { name: tenant.settings.branding.productName, address },
            to: email.to,
            subject: email.subject,
            text: email.text,
            html: email.html,
            messageId: `<${email.id}@interview-studio>`,
            meta: { outboxEmailId: email.id, tenantId: email.tenantId, kind: email.kind },
          });
          await store.settleEmail(email.id, { status: 'sent' });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const retry = isMailDeliveryError(error) && error.retryable && email.attempts < MAX_SEND_ATTEMPTS;
          logger.warn({ outboxEmailId: email.id, attempt: email.attempts, retry, reason: message }, 'e-mail not sent');
          await store.settleEmail(
            email.id,
            retry
              ? { status: 'pending', nextAttemptAt: new Date(now().getTime() + retryDelayMs(email.attempts)).toISOString(), error: message }
              : { status: 'failed', error: message },
          );
        }
      }
    },
  };
}
