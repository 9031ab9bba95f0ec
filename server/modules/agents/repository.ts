import type { Kysely } from 'kysely';
import { EMPTY_LOAD } from '../../../shared/domain/capacity';
import type { AgentView } from '../../../shared/schemas/agent';
import { effectiveStatus, type Presence } from '../../domain/presence';
import { prepareQuery } from '../../store/compiled-query';
import type { Database } from '../../store/schema';
import { loadWorkloads } from '../capacity/repository';

export interface AgentFilter {
  ids?: readonly string[];
  isTrainee?: boolean;
}

/** Live views of agents (role `agent`), with their effective status and held conversations. */
export async function loadAgentViews(
  db: Kysely<Database>,
  filter: AgentFilter = {},
): Promise<AgentView[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('users')
    .innerJoin('agent_states', 'agent_states.user_id', 'users.id')
    .select([
      'users.id',
      'users.display_name',
      'users.is_trainee',
      'users.team_id',
      'agent_states.presence',
      'agent_states.presence_since',
      'agent_states.presence_until',
      'agent_states.version',
    ])
    .where('users.role', '=', 'agent');
  if (filter.ids) query = query.where('users.id', 'in', filter.ids);
  if (filter.isTrainee !== undefined)
    query = query.where('users.is_trainee', '=', filter.isTrainee ? 1 : 0);
  const rows = await query.orderBy('users.display_name').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [workloads, skills] = await Promise.all([
    loadWorkloads(db, ids),
    db
      .selectFrom('agent_skills')
      .selectAll()
      .where('user_id', 'in', ids)
      .orderBy('topic')
      .execute(),
  ]);
  return rows.map((row) => {
    const workload = workloads.get(row.id);
    const firstAcceptedAt = workload?.firstAcceptedAt ?? null;
    const status = effectiveStatus(
      row.presence as Presence,
      (workload?.contactIds.length ?? 0) > 0,
    );
    return {
      id: row.id,
      displayName: row.display_name,
      isTrainee: row.is_trainee === 1,
      teamId: row.team_id,
      status,
      presence: row.presence as Presence,
      statusSince:
        status === 'on_contact' && firstAcceptedAt !== null
          ? Math.max(firstAcceptedAt, row.presence_since)
          : row.presence_since,
      statusUntil: status === 'after_contact_work' ? row.presence_until : null,
      activeContactIds: workload?.contactIds ?? [],
      capacity: workload?.capacity ?? EMPTY_LOAD,
      load: workload?.load ?? EMPTY_LOAD,
      skills: skills
        .filter((skill) => skill.user_id === row.id)
        .map((skill) => ({ topic: skill.topic, level: skill.level })),
      version: row.version,
    };
  });
}

export async function loadAgentView(
  db: Kysely<Database>,
  id: string,
): Promise<AgentView | undefined> {
  const [view] = await loadAgentViews(db, { ids: [id] });
  return view;
}

export async function loadAgentState(db: Kysely<Database>, userId: string) {
  return db.selectFrom('agent_states').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Sets presence and bumps the version; `idleSince` moves only when given. */
export async function updatePresence(
  db: Kysely<Database>,
  userId: string,
  change: {
    presence: Presence;
    at: number;
    idleSince?: number;
    missedOffers?: number;
    until?: number | null;
  },
): Promise<void> {
  await db
    .updateTable('agent_states')
    .set((eb) => ({
      presence: change.presence,
      presence_since: change.at,
      presence_until: change.until ?? null,
      version: eb('version', '+', 1),
      ...(change.idleSince !== undefined ? { idle_since: change.idleSince } : {}),
      ...(change.missedOffers !== undefined ? { missed_offers: change.missedOffers } : {}),
    }))
    .where('user_id', '=', userId)
    .execute();
}

export async function bumpAgentVersion(
  db: Kysely<Database>,
  userId: string,
  change: { idleSince?: number; missedOffers?: number } = {},
): Promise<void> {
  await db
    .updateTable('agent_states')
    .set((eb) => ({
      version: eb('version', '+', 1),
      ...(change.idleSince !== undefined ? { idle_since: change.idleSince } : {}),
      ...(change.missedOffers !== undefined ? { missed_offers: change.missedOffers } : {}),
    }))
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Serialises work given to one agent. The update takes the agent's row lock (PostgreSQL) until
 * the transaction ends, so two transactions assigning to the same agent run one after the other
 * and the second sees what the first committed. SQLite serialises writers on its own.
 */
const agentLock = prepareQuery(['agentId'], (db, p: { agentId: string }) =>
  db
    .updateTable('agent_states')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('user_id', '=', p.agentId),
);

export async function lockAgent(db: Kysely<Database>, agentId: string): Promise<boolean> {
  const result = await agentLock.execute(db, { agentId });
  return (result.numAffectedRows ?? 0n) > 0n;
}

/** Skill rows grouped per agent: topic → level. */
export function groupSkills(
  rows: readonly { user_id: string; topic: string; level: number }[],
): Map<string, Record<string, number>> {
  const byAgent = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const held = byAgent.get(row.user_id) ?? {};
    held[row.topic] = row.level;
    byAgent.set(row.user_id, held);
  }
  return byAgent;
}
