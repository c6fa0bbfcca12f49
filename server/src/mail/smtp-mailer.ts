/**
 * SMTP delivery through nodemailer. It drives nodemailer's SMTPConnection in two phases
 * instead of using a transport, because retrying is only safe when we know the server cannot
 * have the message: a failure while connecting or logging in, or an explicit 4xx reply, is
 * retryable; a 5xx is final; anything else after the message started (a dropped connection, a
 * timeout) may have delivered it, so it is final too (at most once).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { MailDeliveryError, type Mailer } from './mailer.js';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465. */
  url: string;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export const DEFAULT_SMTP_TIMEOUT_MS = 20_000;

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
}

const describe = (error: unknown) => {
  const e = (error ?? {}) as SmtpError;
  return [e.code, e.responseCode, e.message].filter(Boolean).join(' ');
};

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const { auth, ...connection } = parseConnectionUrl(options.url);
  const timeout = options.connectionTimeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS;

  function open(): Promise<SMTPConnection> {
    const smtp = new SMTPConnection({
      ...connection,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: options.socketTimeoutMs ?? DEFAULT_SMTP_TIMEOUT_MS,
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        smtp.close();
        reject(new MailDeliveryError(`SMTP connection failed: ${describe(error)}`, true, { cause: error }));
      };
      smtp.once('error', fail);
      smtp.connect((error) => {
        if (error) return fail(error);
        if (!auth) {
          settled = true;
          return resolve(smtp);
        }
        smtp.login(auth, (loginError) => {
          if (loginError) return fail(loginError);
          settled = true;
          resolve(smtp);
        });
      });
    });
  }

  return {
    kind: 'smtp',
    async send(message) {
      const mail = new MailComposer({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      }).compile();
      const raw = await mail.build();
      const envelope = mail.getEnvelope();
      const smtp = await open();
      try {
        await new Promise<void>((resolve, reject) => {
          smtp.on('error', reject);
          smtp.send({ from: envelope.from, to: envelope.to }, raw, (error) => (error ? reject(error) : resolve()));
        });
      } catch (error) {
        const status = (error as SmtpError).responseCode;
        const retryable = typeof status === 'number' && status >= 400 && status < 500;
        throw new MailDeliveryError(`SMTP send failed: ${describe(error)}`, retryable, { cause: error });
      } finally {
        smtp.removeAllListeners('error');
        // QUIT politely; errors after the message was accepted change nothing.
        smtp.on('error', () => {});
        smtp.quit();
      }
    },
    async close() {},
  };
}
