import type { Kysely } from 'kysely';
import {
  EvaluationAnswerSchema,
  EvaluationScoreSchema,
  EvaluationSectionSchema,
  type Evaluation,
  type EvaluationForm,
} from '../../../shared/schemas/evaluation';
import type { Database } from '../../store/schema';

export async function loadEvaluationForms(
  db: Kysely<Database>,
  filter: { id?: string } = {},
): Promise<EvaluationForm[]> {
  let query = db.selectFrom('evaluation_forms').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  const rows = await query.orderBy('title').execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    passPercent: row.pass_percent,
    sections: EvaluationSectionSchema.array().parse(JSON.parse(row.sections)),
    version: row.version,
    updatedAt: Number(row.updated_at),
  }));
}

export async function loadEvaluations(
  db: Kysely<Database>,
  filter: { ids?: readonly string[]; agentId?: string; onlyTrainees?: boolean; limit: number },
): Promise<Evaluation[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('evaluations')
    .innerJoin('contacts', 'contacts.id', 'evaluations.contact_id')
    .innerJoin('users as agents', 'agents.id', 'evaluations.agent_id')
    .innerJoin('users as evaluators', 'evaluators.id', 'evaluations.evaluator_id')
    .selectAll('evaluations')
    .select([
      'contacts.reference',
      'agents.display_name as agent_name',
      'evaluators.display_name as evaluator_name',
    ]);
  if (filter.ids) query = query.where('evaluations.id', 'in', filter.ids);
  if (filter.agentId) query = query.where('evaluations.agent_id', '=', filter.agentId);
  if (filter.onlyTrainees) query = query.where('agents.is_trainee', '=', 1);
  const rows = await query
    .orderBy('evaluations.created_at', 'desc')
    .orderBy('evaluations.id')
    .limit(filter.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    formId: row.form_id,
    formTitle: row.form_title,
    formVersion: row.form_version,
    contactId: row.contact_id,
    reference: row.reference,
    agentId: row.agent_id,
    agentName: row.agent_name,
    evaluatorId: row.evaluator_id,
    evaluatorName: row.evaluator_name,
    answers: EvaluationAnswerSchema.array().parse(JSON.parse(row.answers)),
    score: EvaluationScoreSchema.parse(JSON.parse(row.score)),
    comment: row.comment,
    createdAt: Number(row.created_at),
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
    acknowledgementNote: row.acknowledgement_note,
  }));
}
