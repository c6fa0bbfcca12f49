import type { TenantStore } from '../store.js';
import type {
  InterviewSession,
  InterviewType,
  MockSummary,
  Question,
  Seniority,
  SessionMode,
  SessionStatus,
} from '../records.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';
import { preparePagedQuery } from './paging.js';
import { fromJson, fromNullableJson, toJson, toNullableJson } from './transform.js';

interface SessionRow {
  id: string;
  tenant_id: string;
  learner_id: string;
  role: string;
  seniority: string;
  interview_type: string;
  company: string | null;
  job_description: string | null;
  mode: string;
  status: string;
  questions: string;
  question_time_limit_sec: number | null;
  summary: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

interface Key {
  tenantId: string;
  id: string;
}

function toSession(row: SessionRow): InterviewSession {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    role: row.role,
    seniority: row.seniority as Seniority,
    interviewType: row.interview_type as InterviewType,
    company: row.company,
    jobDescription: row.job_description,
    mode: row.mode as SessionMode,
    status: row.status as SessionStatus,
    questions: fromJson<Question[]>(row.questions),
    questionTimeLimitSec: row.question_time_limit_sec,
    summary: fromNullableJson<MockSummary>(row.summary),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

export function prepareSessions({ db, now }: SqliteContext): (tenantId: string) => TenantStore['sessions'] {
  const insert = db.prepare<SessionRow>(
    `INSERT INTO interview_sessions (id, tenant_id, learner_id, role, seniority, interview_type, company,
       job_description, mode, status, questions, question_time_limit_sec, summary, created_at, updated_at,
       completed_at)
     VALUES (@id, @tenant_id, @learner_id, @role, @seniority, @interview_type, @company, @job_description,
       @mode, @status, @questions, @question_time_limit_sec, @summary, @created_at, @updated_at, @completed_at)`,
  );
  const byId = db.prepare<Key, SessionRow>(
    'SELECT * FROM interview_sessions WHERE tenant_id = @tenantId AND id = @id',
  );
  const complete = db.prepare<Key & { now: string; summary: string | null }, SessionRow>(
    `UPDATE interview_sessions
     SET status = 'completed', summary = @summary, completed_at = @now, updated_at = @now
     WHERE tenant_id = @tenantId AND id = @id AND status <> 'completed'
     RETURNING *`,
  );
  const pageForLearner = preparePagedQuery<{ tenantId: string; learnerId: string }, SessionRow, InterviewSession>(
    db,
    'SELECT * FROM interview_sessions WHERE tenant_id = @tenantId AND learner_id = @learnerId',
    toSession,
  );

  return (tenantId) => ({
    async create(input) {
      const at = now();
      const row: SessionRow = {
        id: newId('ses'),
        tenant_id: tenantId,
        learner_id: input.learnerId,
        role: input.role,
        seniority: input.seniority,
        interview_type: input.interviewType,
        company: input.company,
        job_description: input.jobDescription,
        mode: input.mode,
        status: 'active',
        questions: toJson(input.questions),
        question_time_limit_sec: input.questionTimeLimitSec,
        summary: null,
        created_at: at,
        updated_at: at,
        completed_at: null,
      };
      translateConstraints('The session already exists.', () => insert.run(row));
      return toSession(row);
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toSession(row) : null;
    },
    async listForLearner(learnerId, page) {
      return pageForLearner({ tenantId, learnerId }, page);
    },
    async complete(id, summary) {
      // The status guard in the UPDATE makes completion atomic; the lookup only names the error.
      const row = complete.get({ tenantId, id, now: now(), summary: toNullableJson(summary) });
      if (row) return toSession(row);
      if (byId.get({ tenantId, id })) throw new AppError('CONFLICT', 'The session is already completed.');
      throw notFound('Session');
    },
  });
}
