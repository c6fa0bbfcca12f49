import type { Config } from '../config.js';
import type { AppLogger } from '../logger.js';
import type { Mailer } from './mailer.js';
import { createOutboxMailer } from './outbox-mailer.js';
import { createSmtpMailer } from './smtp-mailer.js';

/** SMTP when `SMTP_URL` is set; otherwise e-mails stay in the outbox (logged; in production marked not sent). */
export function selectMailer(config: Config, logger: AppLogger): Mailer {
  if (config.mail.smtpUrl) return createSmtpMailer({ url: config.mail.smtpUrl });
  if (config.env === 'production') logger.warn('SMTP_URL is not set: receipts and reminders stay in the outbox and are not sent');
  return createOutboxMailer(logger, { mode: config.env === 'production' ? 'refuse' : 'log' });
}
