/**
 * A local SMTP server (the `smtp-server` package: a real SMTP conversation) whose answer to each
 * message is scripted, for the mail and outbox-delivery tests. Tests only.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AppLogger } from '../logger.js';

/** What the server does with the message of one DATA command. */
export type SmtpReply = 'accept' | { code: number; message: string } | 'hang';

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  /** Every DATA the server saw, answered or not. */
  attempts: number;
  /** Messages the server accepted. */
  accepted: ReceivedMessage[];
  stop(): Promise<void>;
}

/** `script` answers the n-th message (0-based); after its end every message is accepted. */
export async function startSmtpServer(script: SmtpReply[] = []): Promise<TestSmtpServer> {
  const state = { attempts: 0, accepted: [] as ReceivedMessage[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const reply = script[state.attempts] ?? 'accept';
      state.attempts += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (reply === 'hang') return;
        if (reply !== 'accept') {
          const error = Object.assign(new Error(reply.message), { responseCode: reply.code });
          return callback(error);
        }
        state.accepted.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get attempts() {
      return state.attempts;
    },
    accepted: state.accepted,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A logger that drops everything (the AppLogger shape). */
export function silentLogger(): AppLogger {
  const logger: AppLogger = {
    level: 'silent',
    fatal() {},
    error() {},
    warn() {},
    info() {},
    debug() {},
    trace() {},
    child: () => logger,
  };
  return logger;
}
