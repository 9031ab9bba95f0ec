import type { Kysely } from 'kysely';
import { HOLDER_EVENT_KINDS, type HolderEvent } from '../../../shared/domain/conversation-handlers';
import {
  EvaluationAnswerSchema,
  EvaluationScoreSchema,
  EvaluationSectionSchema,
  type Evaluation,
  type EvaluationForm,
  type EvaluationFormVersion,
  type HandledConversation,
} from '../../../shared/schemas/evaluation';
import type { Database } from '../../store/schema';

export async function loadEvaluationForms(
  db: Kysely<Database>,
  filter: { id?: string } = {},
): Promise<EvaluationForm[]> {
  let query = db.selectFrom('evaluation_forms').selectAll();
  if (filter.id) query = query.where('id', '=', filter.id);
  const rows = await query.orderBy('title').orderBy('id').execute();
  if (rows.length === 0) return [];
  let usage = db
    .selectFrom('evaluations')
    .select(['form_id', 'form_version', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy(['form_id', 'form_version']);
  if (filter.id) usage = usage.where('form_id', '=', filter.id);
  const counts = new Map(
    (await usage.execute()).map((row) => [`${row.form_id}@${row.form_version}`, Number(row.count)]),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    passPercent: row.pass_percent,
    sections: EvaluationSectionSchema.array().parse(JSON.parse(row.sections)),
    version: row.version,
    currentVersionEvaluations: counts.get(`${row.id}@${row.version}`) ?? 0,
    isArchived: row.archived_at !== null,
    updatedAt: Number(row.updated_at),
  }));
}

export async function loadEvaluationFormVersion(
  db: Kysely<Database>,
  formId: string,
  version: number,
): Promise<EvaluationFormVersion | undefined> {
  const row = await db
    .selectFrom('evaluation_form_versions')
    .selectAll()
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
  return (
    row && {
      formId: row.form_id,
      version: row.version,
      title: row.title,
      passPercent: row.pass_percent,
      sections: EvaluationSectionSchema.array().parse(JSON.parse(row.sections)),
      savedAt: Number(row.saved_at),
    }
  );
}

/** The conversations an agent took, newest first, each once (when they last took it). */
export async function loadHandledConversations(
  db: Kysely<Database>,
  agentId: string,
  limit: number,
): Promise<HandledConversation[]> {
  const rows = await db
    .selectFrom('contact_events')
    .innerJoin('contacts', 'contacts.id', 'contact_events.contact_id')
    .select(['contact_events.contact_id', 'contacts.reference', 'contact_events.at'])
    .where('contact_events.to_agent_id', '=', agentId)
    .where('contact_events.kind', 'in', [...HOLDER_EVENT_KINDS])
    .orderBy('contact_events.at', 'desc')
    .orderBy('contact_events.id')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  const conversations: HandledConversation[] = [];
  for (const row of rows) {
    if (seen.has(row.contact_id)) continue;
    seen.add(row.contact_id);
    conversations.push({
      contactId: row.contact_id,
      reference: row.reference,
      takenAt: Number(row.at),
    });
  }
  return conversations.slice(0, limit);
}

/** The contact's current holder and the events that passed it from agent to agent. */
export async function loadHolderTrail(
  db: Kysely<Database>,
  contactId: string,
): Promise<{ currentHolderId: string | null; events: HolderEvent[] } | undefined> {
  const contact = await db
    .selectFrom('contacts')
    .select('assigned_agent_id')
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return undefined;
  const events = await db
    .selectFrom('contact_events')
    .select(['kind', 'to_agent_id', 'at'])
    .where('contact_id', '=', contactId)
    .where('kind', 'in', [...HOLDER_EVENT_KINDS])
    .execute();
  return {
    currentHolderId: contact.assigned_agent_id,
    events: events.map((row) => ({
      kind: row.kind,
      toAgentId: row.to_agent_id,
      at: Number(row.at),
    })),
  };
}

export async function loadEvaluations(
  db: Kysely<Database>,
  filter: {
    ids?: readonly string[];
    agentId?: string;
    onlyTrainees?: boolean;
    /** A lead's view: agents of their team, and agents no team with a lead answers for. */
    agentsOverseenBy?: { teamId: string | null; teamsWithLeads: readonly string[] };
    limit: number;
  },
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
  const overseen = filter.agentsOverseenBy;
  if (overseen) {
    // The same rule as `overseesAgent` (shared/domain/team-scope.ts), in SQL.
    query = query.where((eb) =>
      eb.or([
        eb('agents.team_id', 'is', null),
        ...(overseen.teamId === null ? [] : [eb('agents.team_id', '=', overseen.teamId)]),
        ...(overseen.teamsWithLeads.length > 0
          ? [eb('agents.team_id', 'not in', overseen.teamsWithLeads)]
          : [eb('agents.team_id', 'is not', null)]),
      ]),
    );
  }
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
