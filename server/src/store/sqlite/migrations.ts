/**
 * Versioned schema of the SQLite store. Append a migration to change the schema; never edit
 * one that has shipped. Every pending migration is applied in one transaction at open, so a
 * database is always at exactly one known version.
 *
 * Layout: nested documents (settings, questions, summary, feedback, counters) are JSON TEXT;
 * every tenant table has a NOT NULL `tenant_id` and each list or lookup has an index led by it.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX tenants_created ON tenants (created_at DESC, id DESC);

      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        prefix TEXT NOT NULL,
        hash TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX api_keys_hash ON api_keys (hash);
      CREATE INDEX api_keys_tenant_created ON api_keys (tenant_id, created_at DESC, id DESC);

      CREATE TABLE learners (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        external_id TEXT NOT NULL,
        email TEXT,
        name TEXT,
        guest INTEGER NOT NULL,
        locale TEXT,
        extended_time_multiplier REAL NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_active_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX learners_tenant_external_id ON learners (tenant_id, external_id);
      CREATE INDEX learners_tenant_created ON learners (tenant_id, created_at DESC, id DESC);

      CREATE TABLE interview_sessions (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT NOT NULL,
        role TEXT NOT NULL,
        seniority TEXT NOT NULL,
        interview_type TEXT NOT NULL,
        company TEXT,
        job_description TEXT,
        mode TEXT NOT NULL,
        status TEXT NOT NULL,
        questions TEXT NOT NULL CHECK (json_valid(questions)),
        question_time_limit_sec REAL,
        summary TEXT CHECK (summary IS NULL OR json_valid(summary)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      ) STRICT;
      CREATE INDEX interview_sessions_tenant_learner_created
        ON interview_sessions (tenant_id, learner_id, created_at DESC, id DESC);

      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT NOT NULL,
        session_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        text TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        late INTEGER NOT NULL,
        feedback_status TEXT NOT NULL,
        feedback TEXT CHECK (feedback IS NULL OR json_valid(feedback)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX answers_tenant_session_question_attempt
        ON answers (tenant_id, session_id, question_id, attempt);
      CREATE INDEX answers_tenant_session_created ON answers (tenant_id, session_id, created_at DESC, id DESC);
      CREATE INDEX answers_tenant_learner_created ON answers (tenant_id, learner_id, created_at DESC, id DESC);

      CREATE TABLE star_drafts (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT NOT NULL,
        title TEXT NOT NULL,
        competency TEXT,
        situation TEXT NOT NULL,
        task TEXT NOT NULL,
        action TEXT NOT NULL,
        result TEXT NOT NULL,
        reflection TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX star_drafts_tenant_learner_created
        ON star_drafts (tenant_id, learner_id, created_at DESC, id DESC);

      CREATE TABLE passes (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT NOT NULL,
        type TEXT NOT NULL,
        source TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        purchase_id TEXT,
        reminder_sent_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX passes_tenant_learner_created ON passes (tenant_id, learner_id, created_at DESC, id DESC);

      CREATE TABLE purchases (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT,
        learner_ref TEXT,
        pass_type TEXT NOT NULL,
        amount INTEGER NOT NULL,
        currency TEXT NOT NULL,
        provider TEXT NOT NULL,
        checkout_session_id TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX purchases_checkout_session_id ON purchases (checkout_session_id);
      CREATE INDEX purchases_tenant_learner_created ON purchases (tenant_id, learner_id, created_at DESC, id DESC);

      CREATE TABLE outbox_emails (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT,
        dedupe_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        text_body TEXT NOT NULL,
        html_body TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX outbox_emails_tenant_dedupe_key ON outbox_emails (tenant_id, dedupe_key);
      CREATE INDEX outbox_emails_tenant_created ON outbox_emails (tenant_id, created_at DESC, id DESC);

      CREATE TABLE usage_counters (
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        period TEXT NOT NULL,
        counters TEXT NOT NULL CHECK (json_valid(counters)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, subject, period)
      ) STRICT;

      CREATE TABLE webhook_events (
        provider TEXT NOT NULL,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        tenant_id TEXT,
        received_at TEXT NOT NULL,
        PRIMARY KEY (provider, id)
      ) STRICT;

      CREATE TABLE job_leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'billing: payment refs, refunds, seats, pass products, job indexes',
    sql: `
      ALTER TABLE purchases ADD COLUMN payment_ref TEXT;
      CREATE UNIQUE INDEX purchases_provider_payment_ref ON purchases (provider, payment_ref) WHERE payment_ref IS NOT NULL;
      -- One pass per purchase, whichever of its events arrives first.
      CREATE UNIQUE INDEX passes_purchase_id ON passes (purchase_id) WHERE purchase_id IS NOT NULL;
      CREATE INDEX passes_reminder_due ON passes (expires_at) WHERE reminder_sent_at IS NULL AND revoked_at IS NULL;
      CREATE INDEX outbox_emails_status_next_attempt ON outbox_emails (status, next_attempt_at);

      -- Refunded payments, remembered even when the refund arrives before its checkout.
      CREATE TABLE payment_refunds (
        provider TEXT NOT NULL,
        payment_ref TEXT NOT NULL,
        tenant_id TEXT,
        refunded_at TEXT NOT NULL,
        PRIMARY KEY (provider, payment_ref)
      ) STRICT;

      CREATE TABLE seat_pools (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
        balance INTEGER NOT NULL CHECK (balance >= 0),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Tenants created before pass products existed get the defaults of that time.
      UPDATE tenants SET settings = json_set(settings, '$.passProducts', json('[
        {"type":"day","name":"Day pass","durationDays":1,"amount":299,"currency":"gbp","stripePriceId":null},
        {"type":"week","name":"Week pass","durationDays":7,"amount":699,"currency":"gbp","stripePriceId":null},
        {"type":"month","name":"Month pass","durationDays":30,"amount":1499,"currency":"gbp","stripePriceId":null}
      ]'))
      WHERE json_type(settings, '$.passProducts') IS NULL;
    `,
  },
  {
    version: 3,
    name: 'privacy: learner privacy state, erasures, audit trail, retention',
    sql: `
      ALTER TABLE learners ADD COLUMN restricted_at TEXT;
      ALTER TABLE learners ADD COLUMN analytics_opt_out_at TEXT;
      ALTER TABLE learners ADD COLUMN marketing_consent_at TEXT;
      ALTER TABLE learners ADD COLUMN age_confirmed_at TEXT;
      ALTER TABLE learners ADD COLUMN age_confirmed_minimum INTEGER;
      ALTER TABLE learners ADD COLUMN profile_edited_at TEXT;
      ALTER TABLE learners ADD COLUMN retention_reminder_at TEXT;
      CREATE INDEX learners_tenant_last_active ON learners (tenant_id, last_active_at, id);
      CREATE INDEX outbox_emails_tenant_learner ON outbox_emails (tenant_id, learner_id) WHERE learner_id IS NOT NULL;

      -- last_active_at was only set at creation until now: retention must not mistake an
      -- active learner for an inactive one, so it starts from their latest practice.
      UPDATE learners SET last_active_at = MAX(
        last_active_at,
        COALESCE((SELECT MAX(a.created_at) FROM answers a WHERE a.tenant_id = learners.tenant_id AND a.learner_id = learners.id), ''),
        COALESCE((SELECT MAX(s.updated_at) FROM interview_sessions s WHERE s.tenant_id = learners.tenant_id AND s.learner_id = learners.id), ''),
        COALESCE((SELECT MAX(d.updated_at) FROM star_drafts d WHERE d.tenant_id = learners.tenant_id AND d.learner_id = learners.id), '')
      );

      CREATE TABLE learner_erasures (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT,
        subject_hash TEXT NOT NULL,
        erased_at TEXT NOT NULL,
        purge_due_at TEXT NOT NULL,
        forget_at TEXT NOT NULL,
        purged_at TEXT
      ) STRICT;
      CREATE INDEX learner_erasures_tenant_subject ON learner_erasures (tenant_id, subject_hash, erased_at DESC);
      CREATE INDEX learner_erasures_tenant_open ON learner_erasures (tenant_id, learner_id) WHERE learner_id IS NOT NULL;

      CREATE TABLE privacy_audit (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
        learner_id TEXT,
        learner_ref TEXT,
        action TEXT NOT NULL,
        actor_kind TEXT NOT NULL,
        actor_id TEXT,
        details TEXT NOT NULL CHECK (json_valid(details)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX privacy_audit_tenant_created ON privacy_audit (tenant_id, created_at DESC, id DESC);
      CREATE INDEX privacy_audit_tenant_learner_created ON privacy_audit (tenant_id, learner_id, created_at DESC, id DESC);

      -- Tenants created before privacy settings existed get the defaults of that time.
      UPDATE tenants SET settings = json_set(settings, '$.privacy',
        json('{"requireAgeConfirmation":false,"inactiveLearnerDays":730,"retentionReminderDays":14}'))
      WHERE json_type(settings, '$.privacy') IS NULL;
    `,
  },
  {
    version: 4,
    name: 'tenant secrets: sealed credentials a tenant gives us, apart from its settings',
    sql: `
      ALTER TABLE tenants ADD COLUMN secrets TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(secrets));
    `,
  },
  {
    version: 5,
    name: 'billing: the seat a pass took, so revoking it can give the seat back',
    sql: `
      -- NULL: no seat taken. Passes granted before this version did not record their seat, so
      -- they stay NULL and revoking them returns none (the behaviour they were granted under).
      ALTER TABLE passes ADD COLUMN seat TEXT CHECK (seat IN ('held', 'returned'));
    `,
  },
];

/**
 * Brings the database up to the newest version in `list` and returns the versions it applied
 * (none when it was already current). All of them commit together or not at all.
 */
export function migrate(
  db: Database.Database,
  list: readonly Migration[] = migrations,
  clock: () => Date = () => new Date(),
): number[] {
  list.forEach((migration, index) => {
    const previous = list[index - 1];
    if (!Number.isInteger(migration.version) || migration.version < 1 || (previous && migration.version <= previous.version)) {
      throw new Error(`Migration versions must be positive integers in increasing order (at "${migration.name}").`);
    }
  });

  const apply = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    ) STRICT`);
    const row = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
    const current = row?.version ?? 0;
    const record = db.prepare<[number, string, string]>(
      'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
    );
    const pending = list.filter((migration) => migration.version > current);
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, clock().toISOString());
    }
    return pending.map((migration) => migration.version);
  });
  // IMMEDIATE: two processes opening the same file at once apply the migrations only once.
  return apply.immediate();
}
