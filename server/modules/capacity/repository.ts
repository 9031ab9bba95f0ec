import type { Kysely } from 'kysely';
import {
  DEFAULT_CAPACITY,
  EMPTY_LOAD,
  WORK_CLASSES,
  addToLoad,
  effectiveCapacity,
  hasRoomFor,
  workClassOf,
  type Capacity,
  type Load,
  type WorkClass,
} from '../../../shared/domain/capacity';
import type { Channel } from '../../../shared/schemas/common';
import { prepareQuery } from '../../store/compiled-query';
import type { Database } from '../../store/schema';

export interface Workload {
  capacity: Capacity;
  load: Load;
  /** The conversations held now, oldest answer first. */
  contactIds: string[];
  /** When the oldest of them was taken; null when holding none. */
  firstAcceptedAt: number | null;
}

const centreCapacity = prepareQuery([], (db) => db.selectFrom('centre_capacity').selectAll());

export async function loadCentreCapacity(db: Kysely<Database>): Promise<Capacity> {
  const rows = await centreCapacity.rows(db, {});
  const capacity: Record<WorkClass, number> = { ...DEFAULT_CAPACITY };
  for (const row of rows) {
    if ((WORK_CLASSES as readonly string[]).includes(row.work_class)) {
      capacity[row.work_class as WorkClass] = row.max_concurrent;
    }
  }
  return capacity;
}

export async function saveCentreCapacity(db: Kysely<Database>, capacity: Capacity): Promise<void> {
  for (const workClass of WORK_CLASSES) {
    await db
      .insertInto('centre_capacity')
      .values({ work_class: workClass, max_concurrent: capacity[workClass] })
      .onConflict((oc) =>
        oc.column('work_class').doUpdateSet({ max_concurrent: capacity[workClass] }),
      )
      .execute();
  }
}

/** Each agent's limits and what they hold now; agents holding nothing get an empty load. */
export async function loadWorkloads(
  db: Kysely<Database>,
  agentIds: readonly string[],
): Promise<Map<string, Workload>> {
  const workloads = new Map<string, Workload>();
  if (agentIds.length === 0) return workloads;
  const [centre, caps, held] = await Promise.all([
    loadCentreCapacity(db),
    db
      .selectFrom('agent_states')
      .select(['user_id', 'cap_voice', 'cap_chat', 'cap_email'])
      .where('user_id', 'in', agentIds)
      .execute(),
    db
      .selectFrom('contacts')
      .select(['id', 'assigned_agent_id', 'channel', 'accepted_at'])
      .where('status', '=', 'active')
      .where('assigned_agent_id', 'in', agentIds)
      .orderBy('accepted_at')
      .orderBy('id')
      .execute(),
  ]);
  for (const row of caps) {
    workloads.set(row.user_id, {
      capacity: effectiveCapacity(centre, {
        voice: row.cap_voice,
        chat: row.cap_chat,
        email: row.cap_email,
      }),
      load: EMPTY_LOAD,
      contactIds: [],
      firstAcceptedAt: null,
    });
  }
  for (const contact of held) {
    const workload = contact.assigned_agent_id ? workloads.get(contact.assigned_agent_id) : null;
    if (!workload) continue;
    workload.load = addToLoad(workload.load, workClassOf(contact.channel as Channel));
    workload.contactIds.push(contact.id);
    workload.firstAcceptedAt ??= contact.accepted_at;
  }
  return workloads;
}

export async function loadWorkload(
  db: Kysely<Database>,
  agentId: string,
): Promise<Workload | undefined> {
  return (await loadWorkloads(db, [agentId])).get(agentId);
}

const agentLoadRow = prepareQuery(['agentId'], (db, p: { agentId: string }) =>
  db
    .selectFrom('agent_states')
    .select([
      'presence',
      'cap_voice',
      'cap_chat',
      'cap_email',
      'held_voice',
      'held_chat',
      'held_email',
    ])
    .where('user_id', '=', p.agentId),
);

export interface AgentLoad {
  presence: string;
  capacity: Capacity;
  load: Load;
}

/**
 * One agent's presence, limits and what they hold, from their agent_states row alone: the counts are kept by triggers in every writer's transaction
 * (migration 0023), so inside a transaction after `lockAgent` they are as exact as counting.
 */
export async function loadAgentLoad(
  db: Kysely<Database>,
  agentId: string,
): Promise<AgentLoad | undefined> {
  const [centre, row] = await Promise.all([
    loadCentreCapacity(db),
    agentLoadRow.first(db, { agentId }),
  ]);
  if (!row) return undefined;
  return {
    presence: row.presence,
    capacity: effectiveCapacity(centre, {
      voice: row.cap_voice,
      chat: row.cap_chat,
      email: row.cap_email,
    }),
    load: { voice: row.held_voice, chat: row.held_chat, email: row.held_email },
  };
}

/**
 * Whether the agent can hold one more contact of this kind now. Called inside the
 * transaction that gives the work, after `lockAgent`, so two grants cannot both see room.
 */
export async function hasRoomForWork(
  db: Kysely<Database>,
  agentId: string,
  workClass: WorkClass,
): Promise<boolean> {
  const agent = await loadAgentLoad(db, agentId);
  return agent !== undefined && hasRoomFor(agent.capacity, agent.load, workClass);
}

export async function saveAgentCaps(
  db: Kysely<Database>,
  agentId: string,
  caps: Record<WorkClass, number | null>,
): Promise<boolean> {
  const result = await db
    .updateTable('agent_states')
    .set((eb) => ({
      cap_voice: caps.voice,
      cap_chat: caps.chat,
      cap_email: caps.email,
      version: eb('version', '+', 1),
    }))
    .where('user_id', '=', agentId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
