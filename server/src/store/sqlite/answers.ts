import { checkSessionIds, type TenantStore } from '../store.js';
import type { Answer, Feedback, FeedbackStatus, NewAnswer } from '../records.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';
import { preparePagedQuery } from './paging.js';
import { fromFlag, fromNullableJson, toFlag, toJson, toNullableJson } from './transform.js';

interface AnswerRow {
  id: string;
  tenant_id: string;
  learner_id: string;
  session_id: string;
  question_id: string;
  attempt: number;
  text: string;
  word_count: number;
  late: number;
  feedback_status: string;
  feedback: string | null;
  created_at: string;
  updated_at: string;
}

interface Key {
  tenantId: string;
  id: string;
}

interface QuestionKey {
  tenantId: string;
  sessionId: string;
  questionId: string;
}

function toAnswer(row: AnswerRow): Answer {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    sessionId: row.session_id,
    questionId: row.question_id,
    attempt: row.attempt,
    text: row.text,
    wordCount: row.word_count,
    late: fromFlag(row.late),
    feedbackStatus: row.feedback_status as FeedbackStatus,
    feedback: fromNullableJson<Feedback>(row.feedback),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function prepareAnswers({ db, now }: SqliteContext): (tenantId: string) => TenantStore['answers'] {
  const insert = db.prepare<AnswerRow>(
    `INSERT INTO answers (id, tenant_id, learner_id, session_id, question_id, attempt, text, word_count, late,
       feedback_status, feedback, created_at, updated_at)
     VALUES (@id, @tenant_id, @learner_id, @session_id, @question_id, @attempt, @text, @word_count, @late,
       @feedback_status, @feedback, @created_at, @updated_at)`,
  );
  const lastAttempt = db.prepare<QuestionKey, { attempt: number | null }>(
    `SELECT MAX(attempt) AS attempt FROM answers
     WHERE tenant_id = @tenantId AND session_id = @sessionId AND question_id = @questionId`,
  );
  const byId = db.prepare<Key, AnswerRow>('SELECT * FROM answers WHERE tenant_id = @tenantId AND id = @id');
  const forSession = db.prepare<{ tenantId: string; sessionId: string }, AnswerRow>(
    `SELECT * FROM answers WHERE tenant_id = @tenantId AND session_id = @sessionId
     ORDER BY created_at DESC, id DESC`,
  );
  const forSessions = db.prepare<{ tenantId: string; sessionIds: string }, AnswerRow>(
    `SELECT * FROM answers
     WHERE tenant_id = @tenantId AND session_id IN (SELECT value FROM json_each(@sessionIds))
     ORDER BY created_at DESC, id DESC`,
  );
  const forQuestion = db.prepare<QuestionKey, AnswerRow>(
    `SELECT * FROM answers
     WHERE tenant_id = @tenantId AND session_id = @sessionId AND question_id = @questionId
     ORDER BY attempt DESC`,
  );
  const setFeedback = db.prepare<Key & { now: string; status: string; feedback: string | null }, AnswerRow>(
    `UPDATE answers SET feedback_status = @status, feedback = @feedback, updated_at = @now
     WHERE tenant_id = @tenantId AND id = @id RETURNING *`,
  );
  const pageForLearner = preparePagedQuery<{ tenantId: string; learnerId: string }, AnswerRow, Answer>(
    db,
    'SELECT * FROM answers WHERE tenant_id = @tenantId AND learner_id = @learnerId',
    toAnswer,
  );

  // Reads the last attempt then writes the next one: IMMEDIATE takes the write lock first, so
  // two connections can never both read the same last attempt.
  const create = db.transaction((tenantId: string, input: NewAnswer): AnswerRow => {
    const at = now();
    const last = lastAttempt.get({ tenantId, sessionId: input.sessionId, questionId: input.questionId });
    const row: AnswerRow = {
      id: newId('ans'),
      tenant_id: tenantId,
      learner_id: input.learnerId,
      session_id: input.sessionId,
      question_id: input.questionId,
      attempt: (last?.attempt ?? 0) + 1,
      text: input.text,
      word_count: input.wordCount,
      late: toFlag(input.late),
      feedback_status: 'pending',
      feedback: null,
      created_at: at,
      updated_at: at,
    };
    translateConstraints('This attempt was already recorded.', () => insert.run(row));
    return row;
  });

  return (tenantId) => ({
    async create(input) {
      return toAnswer(create.immediate(tenantId, input));
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toAnswer(row) : null;
    },
    async listForSession(sessionId) {
      return forSession.all({ tenantId, sessionId }).map(toAnswer);
    },
    async listForSessions(sessionIds) {
      checkSessionIds(sessionIds);
      if (sessionIds.length === 0) return [];
      return forSessions.all({ tenantId, sessionIds: toJson(sessionIds) }).map(toAnswer);
    },
    async listForQuestion(sessionId, questionId) {
      return forQuestion.all({ tenantId, sessionId, questionId }).map(toAnswer);
    },
    async listForLearner(learnerId, page) {
      return pageForLearner({ tenantId, learnerId }, page);
    },
    async setFeedback(id, status, feedback) {
      const row = setFeedback.get({ tenantId, id, now: now(), status, feedback: toNullableJson(feedback) });
      if (!row) throw notFound('Answer');
      return toAnswer(row);
    },
  });
}
