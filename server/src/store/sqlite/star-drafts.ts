import type { TenantStore } from '../store.js';
import type { StarDraft, StarDraftContent } from '../records.js';
import { AppError } from '../../errors.js';
import { newId } from '../ids.js';
import type { SqliteContext } from './database.js';
import { notFound, translateConstraints } from './errors.js';

interface StarDraftRow {
  id: string;
  tenant_id: string;
  learner_id: string;
  title: string;
  competency: string | null;
  situation: string;
  task: string;
  action: string;
  result: string;
  reflection: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

interface Key {
  tenantId: string;
  id: string;
}

type SaveInput = Parameters<TenantStore['starDrafts']['save']>[0];

function toStarDraft(row: StarDraftRow): StarDraft {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    learnerId: row.learner_id,
    title: row.title,
    competency: row.competency,
    situation: row.situation,
    task: row.task,
    action: row.action,
    result: row.result,
    reflection: row.reflection,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function contentColumns(content: StarDraftContent) {
  return {
    title: content.title,
    competency: content.competency,
    situation: content.situation,
    task: content.task,
    action: content.action,
    result: content.result,
    reflection: content.reflection,
  };
}

function staleRevision(current: number, expected: number): AppError {
  return new AppError('CONFLICT', 'The draft was changed somewhere else.', {
    details: { currentRevision: current, expectedRevision: expected },
  });
}

export function prepareStarDrafts({ db, now }: SqliteContext): (tenantId: string) => TenantStore['starDrafts'] {
  const insert = db.prepare<StarDraftRow>(
    `INSERT INTO star_drafts (id, tenant_id, learner_id, title, competency, situation, task, action, result,
       reflection, revision, created_at, updated_at)
     VALUES (@id, @tenant_id, @learner_id, @title, @competency, @situation, @task, @action, @result,
       @reflection, @revision, @created_at, @updated_at)`,
  );
  const byId = db.prepare<Key, StarDraftRow>('SELECT * FROM star_drafts WHERE tenant_id = @tenantId AND id = @id');
  const update = db.prepare<Record<string, unknown>, StarDraftRow>(
    `UPDATE star_drafts
     SET title = @title, competency = @competency, situation = @situation, task = @task, action = @action,
         result = @result, reflection = @reflection, revision = revision + 1, updated_at = @now
     WHERE tenant_id = @tenantId AND id = @id AND revision = @expectedRevision
     RETURNING *`,
  );
  const forLearner = db.prepare<{ tenantId: string; learnerId: string }, StarDraftRow>(
    `SELECT * FROM star_drafts WHERE tenant_id = @tenantId AND learner_id = @learnerId
     ORDER BY created_at DESC, id DESC`,
  );
  const remove = db.prepare<Key>('DELETE FROM star_drafts WHERE tenant_id = @tenantId AND id = @id');

  // Checks the revision then writes: IMMEDIATE so no other connection saves in between.
  const save = db.transaction((tenantId: string, input: SaveInput): StarDraftRow => {
    const at = now();
    if (input.id === null) {
      if (input.expectedRevision !== 0) throw staleRevision(0, input.expectedRevision);
      const row: StarDraftRow = {
        id: newId('star'),
        tenant_id: tenantId,
        learner_id: input.learnerId,
        ...contentColumns(input.content),
        revision: 1,
        created_at: at,
        updated_at: at,
      };
      translateConstraints('The draft already exists.', () => insert.run(row));
      return row;
    }
    const current = byId.get({ tenantId, id: input.id });
    // Another learner's draft is as invisible as another tenant's.
    if (!current || current.learner_id !== input.learnerId) throw notFound('Draft');
    if (current.revision !== input.expectedRevision) throw staleRevision(current.revision, input.expectedRevision);
    const row = update.get({
      tenantId,
      id: input.id,
      expectedRevision: input.expectedRevision,
      now: at,
      ...contentColumns(input.content),
    });
    if (!row) throw staleRevision(current.revision, input.expectedRevision);
    return row;
  });

  return (tenantId) => ({
    async save(input) {
      return toStarDraft(save.immediate(tenantId, input));
    },
    async get(id) {
      const row = byId.get({ tenantId, id });
      return row ? toStarDraft(row) : null;
    },
    async listForLearner(learnerId) {
      return forLearner.all({ tenantId, learnerId }).map(toStarDraft);
    },
    async delete(id) {
      return remove.run({ tenantId, id }).changes > 0;
    },
  });
}
