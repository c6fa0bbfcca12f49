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
