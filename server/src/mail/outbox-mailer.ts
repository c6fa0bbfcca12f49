/**
 * The embedded mailer: nothing leaves the machine. Outside production each message is
 * "delivered" to the log in full (so `npm start` shows the receipt) and stays listed at
 * /dev/outbox as `sent`. In production, with no SMTP_URL, it refuses instead, so the outbox
 * says `failed` ("not sent: SMTP_URL is not set") rather than pretending.
 */
import type { AppLogger } from '../logger.js';
import { MailDeliveryError, type Mailer } from './mailer.js';

export function createOutboxMailer(logger: AppLogger, options: { mode: 'log' | 'refuse' }): Mailer {
  return {
    kind: 'outbox',
    async send(message) {
      if (options.mode === 'refuse') {
        logger.warn({ ...message.meta }, 'e-mail not sent: SMTP_URL is not set');
        throw new MailDeliveryError('not sent: SMTP_URL is not set', false);
      }
      logger.info(
        { ...message.meta },
        `e-mail (outbox, not sent)\nFrom: ${message.from.name} <${message.from.address}>\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`,
      );
    },
    async close() {},
  };
}
