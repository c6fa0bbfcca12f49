import type { TenantStore } from '../store.js';
import type { EmailStatus, NewOutboxEmail, OutboxEmail } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { translateConstraints } from './errors.js';
import { preparePagedQuery } from './paging.js';

export interface OutboxRow {
  id: string;
  tenant_id: string;
  learner_id: string | null;
  dedupe_key: string;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export function toOutboxEmail(row: OutboxRow): OutboxEmail {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    dedupeKey: row.dedupe_key,
    kind: row.kind,
    to: row.recipient,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    status: row.status as EmailStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

export function prepareOutbox({ db, now }: SqliteContext): (tenantId: string) => TenantStore['outbox'] {
  const insert = db.prepare<OutboxRow>(
    `INSERT INTO outbox_emails (id, tenant_id, learner_id, dedupe_key, kind, recipient, subject, text_body,
       html_body, status, attempts, next_attempt_at, last_error, created_at, sent_at)
     VALUES (@id, @tenant_id, @learner_id, @dedupe_key, @kind, @recipient, @subject, @text_body,
       @html_body, @status, @attempts, @next_attempt_at, @last_error, @created_at, @sent_at)`,
  );
  const byDedupeKey = db.prepare<{ tenantId: string; dedupeKey: string }, OutboxRow>(
    'SELECT * FROM outbox_emails WHERE tenant_id = @tenantId AND dedupe_key = @dedupeKey',
  );
  const page = preparePagedQuery<{ tenantId: string }, OutboxRow, OutboxEmail>(
    db,
    'SELECT * FROM outbox_emails WHERE tenant_id = @tenantId',
    toOutboxEmail,
  );

  // Looks for the dedupe key then inserts: IMMEDIATE so a repeat from another connection waits.
  const enqueue = db.transaction((tenantId: string, input: NewOutboxEmail): OutboxRow => {
    const existing = byDedupeKey.get({ tenantId, dedupeKey: input.dedupeKey });
    if (existing) return existing;
    const at = now();
    const row: OutboxRow = {
      id: newId('eml'),
      tenant_id: tenantId,
      learner_id: input.learnerId,
      dedupe_key: input.dedupeKey,
      kind: input.kind,
      recipient: input.to,
      subject: input.subject,
      text_body: input.text,
      html_body: input.html,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    };
    translateConstraints('This e-mail is already queued.', () => insert.run(row));
    return row;
  });

  return (tenantId) => ({
    async enqueue(input) {
      return toOutboxEmail(enqueue.immediate(tenantId, input));
    },
    async list(request) {
      return page({ tenantId }, request);
    },
  });
}
