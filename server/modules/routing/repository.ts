import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selection } from 'kysely';
import type { Offer } from '../../../shared/schemas/offer';
import {
  effectiveCapacity,
  hasAnyRoom,
  hasRoomFor,
  workClassOf,
  type WorkClass,
} from '../../../shared/domain/capacity';
import type { Channel } from '../../../shared/schemas/common';
import type {
  AvailableAgent,
  RecentDecline,
  TopicShortlist,
  WaitingContact,
} from '../../domain/routing';
import { prepareQuery } from '../../store/compiled-query';
import type { Database } from '../../store/schema';
import { AGENT_SKILLS_COUNTER } from '../../store/migrations/0023-agent-load-counters';
import { groupSkills } from '../agents/repository';
import { loadAgentLoad, loadCentreCapacity } from '../capacity/repository';
import { loadContactSummaries } from '../conversations/repository';

const waitingContacts = prepareQuery([], (db) =>
  db
    .selectFrom('contacts')
    .innerJoin('segments', 'segments.code', 'contacts.segment')
    .innerJoin('queues', 'queues.id', 'contacts.queue_id')
    .leftJoin('queue_segments', (join) =>
      join
        .onRef('queue_segments.queue_id', '=', 'contacts.queue_id')
        .onRef('queue_segments.segment', '=', 'contacts.segment'),
    )
    .select(({ fn }) => [
      'contacts.id',
      'contacts.topic',
      'contacts.channel',
      'contacts.arrived_at',
      // The queue's own setting for the segment, else the segment's default.
      fn.coalesce('queue_segments.priority', 'segments.priority').as('priority'),
      fn
        .coalesce('queue_segments.target_answer_ms', 'segments.target_answer_ms')
        .as('target_answer_ms'),
      'queues.overflow_after_ms',
      'queues.overflow_topics',
    ])
    .where('contacts.status', '=', 'waiting'),
);

export async function loadWaitingContacts(db: Kysely<Database>): Promise<WaitingContact[]> {
  const rows = await waitingContacts.rows(db, {});
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    workClass: workClassOf(row.channel as Channel),
    arrivedAt: row.arrived_at,
    segmentPriority: row.priority,
    targetAnswerMs: row.target_answer_ms,
    overflowAfterMs: row.overflow_after_ms,
    overflowTopics: JSON.parse(row.overflow_topics) as string[],
  }));
}

/** What routing reads of an agent's state: idle time, capacity caps and the work held. */
const AGENT_ROW_COLUMNS = [
  'agent_states.user_id',
  'agent_states.idle_since',
  'agent_states.cap_voice',
  'agent_states.cap_chat',
  'agent_states.cap_email',
  'agent_states.held_voice',
  'agent_states.held_chat',
  'agent_states.held_email',
] as const;

/** An agent with an offer pending gets no other (one pending per agent, migration 0001). */
function hasNoPendingOffer(eb: ExpressionBuilder<Database, 'agent_states'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('offers')
        .select('offers.id')
        .whereRef('offers.agent_id', '=', 'agent_states.user_id')
        .where('offers.status', '=', 'pending'),
    ),
  );
}

function toAvailableAgent(
  row: Selection<Database, 'agent_states', (typeof AGENT_ROW_COLUMNS)[number]>,
  skills: Readonly<Record<string, number>>,
  centre: Awaited<ReturnType<typeof loadCentreCapacity>>,
): AvailableAgent {
  return {
    id: row.user_id,
    idleSince: row.idle_since,
    skills,
    load: { voice: row.held_voice, chat: row.held_chat, email: row.held_email },
    capacity: effectiveCapacity(centre, {
      voice: row.cap_voice,
      chat: row.cap_chat,
      email: row.cap_email,
    }),
  };
}

/**
 * Agents routing may offer work to now: Available, no offer pending, room for at least one more
 * kind of work beside what they hold (shared/domain/capacity.ts), and a skill in one of `topics`
 * (`topicsInReach` of the waiting contacts). What each holds is the trigger-kept counters on
 * agent_states (migration 0023), so the statement is a filter with no per-agent counting or
 * grouping; skills come from this node's copy (`loadSkillsByAgent`).
 * An agent's skills may include topics outside `topics`: `planOffers` reads only those in reach,
 * so its plan is the same.
 */
export async function loadAvailableAgents(
  db: Kysely<Database>,
  topics: readonly string[],
): Promise<AvailableAgent[]> {
  if (topics.length === 0) return [];
  const [skillsByAgent, rows, centre] = await Promise.all([
    loadSkillsByAgent(db),
    availableAgentRows.rows(db, {}),
    loadCentreCapacity(db),
  ]);
  return rows.flatMap((row) => {
    const skills = skillsByAgent.get(row.user_id);
    if (!skills || !topics.some((topic) => (skills[topic] ?? 0) > 0)) return [];
    const agent = toAvailableAgent(row, skills, centre);
    return hasAnyRoom(agent.capacity, agent.load) ? [agent] : [];
  });
}

const availableAgentRows = prepareQuery([], (db) =>
  db
    .selectFrom('agent_states')
    .innerJoin('users', 'users.id', 'agent_states.user_id')
    .select(AGENT_ROW_COLUMNS)
    .where('agent_states.presence', '=', 'available')
    .where('users.role', '=', 'agent')
    .where(hasNoPendingOffer),
);

/**
 * For each topic, the `limit` best-ranked available agents with a skill in it (level, then total
 * load, then idle longest: the order `isShortlistEnough` checks), with `isComplete` when the
 * topic has no more. A few rows per topic instead of every available agent.
 */
export async function loadAgentShortlists(
  db: Kysely<Database>,
  topics: readonly string[],
  limit: number,
): Promise<TopicShortlist[]> {
  const [skillsByAgent, centre, lists] = await Promise.all([
    loadSkillsByAgent(db),
    loadCentreCapacity(db),
    Promise.all(topics.map((topic) => shortlistRows.rows(db, { topic, limit }))),
  ]);
  return topics.map((topic, index) => {
    const rows = lists[index]!;
    return {
      topic,
      isComplete: rows.length < limit,
      agents: rows.map((row) =>
        toAvailableAgent(row, skillsByAgent.get(row.user_id) ?? {}, centre),
      ),
    };
  });
}

const shortlistRows = prepareQuery(['topic', 'limit'], (db, p: { topic: string; limit: number }) =>
  db
    .selectFrom('agent_skills')
    .innerJoin('agent_states', 'agent_states.user_id', 'agent_skills.user_id')
    .innerJoin('users', 'users.id', 'agent_states.user_id')
    .select(AGENT_ROW_COLUMNS)
    .where('agent_skills.topic', '=', p.topic)
    .where('agent_skills.level', '>', 0)
    .where('agent_states.presence', '=', 'available')
    .where('users.role', '=', 'agent')
    .where(hasNoPendingOffer)
    .orderBy('agent_skills.level', 'desc')
    .orderBy(
      (eb) =>
        eb(
          eb('agent_states.held_voice', '+', eb.ref('agent_states.held_chat')),
          '+',
          eb.ref('agent_states.held_email'),
        ),
      'asc',
    )
    .orderBy('agent_states.idle_since', 'asc')
    .orderBy('agent_states.user_id', 'asc')
    .limit(p.limit),
);

const skillsVersion = prepareQuery([], (db) =>
  db.selectFrom('counters').select('value').where('name', '=', AGENT_SKILLS_COUNTER),
);

const skillRows = prepareQuery([], (db) =>
  db.selectFrom('agent_skills').select(['user_id', 'topic', 'level']).where('level', '>', 0),
);

interface SkillsSnapshot {
  version: number;
  byAgent: ReadonlyMap<string, Readonly<Record<string, number>>>;
}

/** Per database handle (one per node): every agent's skills, as of a skills counter value. */
const skillsSnapshots = new WeakMap<Kysely<Database>, SkillsSnapshot>();

/**
 * Every agent's skills above level 0, read again only when the skills counter has moved (triggers
 * move it on any change to agent_skills, on any node, in the writer's transaction: migration
 * 0023). The counter is read before the skills, so a snapshot is never older than its version.
 * Inside a transaction nothing is kept: it may see its own changes and roll them back.
 */
async function loadSkillsByAgent(
  db: Kysely<Database>,
): Promise<ReadonlyMap<string, Readonly<Record<string, number>>>> {
  if (db.isTransaction) return groupSkills(await skillRows.rows(db, {}));
  const counter = await skillsVersion.first(db, {});
  const cached = skillsSnapshots.get(db);
  if (counter && cached?.version === Number(counter.value)) return cached.byAgent;
  const byAgent = groupSkills(await skillRows.rows(db, {}));
  if (counter) skillsSnapshots.set(db, { version: Number(counter.value), byAgent });
  return byAgent;
}

const declinedOffers = prepareQuery(['since'], (db, p: { since: number }) =>
  db
    .selectFrom('offers')
    .select(['contact_id', 'agent_id', 'resolved_at'])
    .where('status', 'in', ['rejected', 'expired'])
    .where('resolved_at', '>=', p.since),
);

const coldTransfers = prepareQuery(['since'], (db, p: { since: number }) =>
  db
    .selectFrom('contact_events')
    .select(['contact_id', 'actor_id', 'at'])
    .where('kind', '=', 'transfer_cold')
    .where('at', '>=', p.since),
);

/**
 * Who declined, missed or passed on which contact lately: an offer rejected or expired, or a
 * cold transfer (the sender should not be offered back what they just passed on).
 */
export async function loadRecentDeclines(
  db: Kysely<Database>,
  since: number,
): Promise<RecentDecline[]> {
  const [offers, transfers] = await Promise.all([
    declinedOffers.rows(db, { since }),
    coldTransfers.rows(db, { since }),
  ]);
  return [
    ...offers.map((row) => ({
      contactId: row.contact_id,
      agentId: row.agent_id,
      at: row.resolved_at ?? 0,
    })),
    ...transfers.flatMap((row) =>
      row.actor_id ? [{ contactId: row.contact_id, agentId: row.actor_id, at: row.at }] : [],
    ),
  ];
}

/**
 * Re-checked inside the offer's transaction, after `lockAgent`: the facts routing planned on may
 * be stale (the agent went on break, took another offer, or filled up meanwhile).
 */
export async function canTakeOffer(
  db: Kysely<Database>,
  agentId: string,
  workClass: WorkClass,
): Promise<boolean> {
  const agent = await loadAgentLoad(db, agentId);
  if (agent?.presence !== 'available' || !hasRoomFor(agent.capacity, agent.load, workClass)) {
    return false;
  }
  return (await pendingOfferOf.first(db, { agentId })) === undefined;
}

const pendingOfferOf = prepareQuery(['agentId'], (db, p: { agentId: string }) =>
  db
    .selectFrom('offers')
    .select('id')
    .where('agent_id', '=', p.agentId)
    .where('status', '=', 'pending'),
);

const offerInsert = prepareQuery(
  ['id', 'contactId', 'agentId', 'createdAt', 'expiresAt', 'kind', 'fromAgentId', 'note'],
  (
    db,
    p: {
      id: string;
      contactId: string;
      agentId: string;
      createdAt: number;
      expiresAt: number;
      kind: string;
      fromAgentId: string | null;
      note: string | null;
    },
  ) =>
    db.insertInto('offers').values({
      id: p.id,
      contact_id: p.contactId,
      agent_id: p.agentId,
      status: 'pending',
      reason: null,
      created_at: p.createdAt,
      expires_at: p.expiresAt,
      resolved_at: null,
      kind: p.kind,
      from_agent_id: p.fromAgentId,
      note: p.note,
    }),
);

export async function insertOffer(
  db: Kysely<Database>,
  offer: {
    contactId: string;
    agentId: string;
    createdAt: number;
    expiresAt: number;
    transfer?: { fromAgentId: string; mode: 'cold' | 'warm'; note: string | null };
  },
): Promise<string> {
  const id = randomUUID();
  await offerInsert.execute(db, {
    id,
    contactId: offer.contactId,
    agentId: offer.agentId,
    createdAt: offer.createdAt,
    expiresAt: offer.expiresAt,
    kind: offer.transfer ? `transfer_${offer.transfer.mode}` : 'route',
    fromAgentId: offer.transfer?.fromAgentId ?? null,
    note: offer.transfer?.note ?? null,
  });
  return id;
}

const offerById = prepareQuery(['id'], (db, p: { id: string }) =>
  db.selectFrom('offers').selectAll().where('id', '=', p.id),
);

export async function loadOffer(db: Kysely<Database>, offerId: string) {
  return offerById.first(db, { id: offerId });
}

export async function loadPendingOffers(
  db: Kysely<Database>,
  filter: { agentId?: string; expiredBy?: number; contactId?: string },
) {
  let query = db.selectFrom('offers').selectAll().where('status', '=', 'pending');
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  if (filter.contactId) query = query.where('contact_id', '=', filter.contactId);
  if (filter.expiredBy !== undefined) query = query.where('expires_at', '<=', filter.expiredBy);
  return query.orderBy('expires_at').execute();
}

export async function loadOffersView(
  db: Kysely<Database>,
  offerIds: readonly string[],
): Promise<Offer[]> {
  if (offerIds.length === 0) return [];
  const rows = await db
    .selectFrom('offers')
    .innerJoin('contacts', 'contacts.id', 'offers.contact_id')
    .leftJoin('users as sender', (join) =>
      join.on((eb) =>
        eb('sender.id', '=', eb.fn.coalesce('offers.from_agent_id', 'contacts.transferred_by')),
      ),
    )
    .selectAll('offers')
    .select([
      'sender.display_name as from_name',
      'contacts.transferred_by',
      'contacts.transfer_note',
    ])
    .where('offers.id', 'in', offerIds)
    .execute();
  const contacts = new Map(
    (
      await loadContactSummaries(
        db,
        rows.map((row) => row.contact_id),
      )
    ).map((c) => [c.id, c]),
  );
  return rows.flatMap((row) => {
    const contact = contacts.get(row.contact_id);
    return contact
      ? [
          {
            id: row.id,
            agentId: row.agent_id,
            createdAt: row.created_at,
            expiresAt: row.expires_at,
            contact,
            transfer: transferInfo(row),
          },
        ]
      : [];
  });
}

const pendingOfferResolution = prepareQuery(
  ['id', 'status', 'at', 'reason'],
  (db, p: { id: string; status: string; at: number; reason: string | null }) =>
    db
      .updateTable('offers')
      .set({ status: p.status, resolved_at: p.at, reason: p.reason })
      .where('id', '=', p.id)
      .where('status', '=', 'pending'),
);

const offeredContactRequeue = prepareQuery(['id'], (db, p: { id: string }) =>
  db
    .updateTable('contacts')
    .set((eb) => ({ status: 'waiting', version: eb('version', '+', 1) }))
    .where('id', '=', p.id)
    .where('status', '=', 'offered'),
);

/**
 * Resolves a pending offer and puts its contact back in the queue, as one conditional step:
 * a concurrent resolution of the same offer changes nothing. Returns whether this call won.
 */
export async function resolveOfferAndRequeue(
  db: Kysely<Database>,
  offer: { id: string; contactId: string },
  status: 'rejected' | 'expired' | 'rescinded',
  at: number,
  reason: string | null = null,
): Promise<boolean> {
  const updated = await pendingOfferResolution.execute(db, {
    id: offer.id,
    status,
    at,
    reason,
  });
  if ((updated.numAffectedRows ?? 0n) === 0n) return false;
  await offeredContactRequeue.execute(db, { id: offer.contactId });
  return true;
}

const contactEventInsert = prepareQuery(
  ['id', 'contactId', 'kind', 'actorId', 'fromAgentId', 'toAgentId', 'note', 'at'],
  (
    db,
    p: {
      id: string;
      contactId: string;
      kind: string;
      actorId: string | null;
      fromAgentId: string | null;
      toAgentId: string | null;
      note: string | null;
      at: number;
    },
  ) =>
    db.insertInto('contact_events').values({
      id: p.id,
      contact_id: p.contactId,
      kind: p.kind,
      actor_id: p.actorId,
      from_agent_id: p.fromAgentId,
      to_agent_id: p.toAgentId,
      note: p.note,
      at: p.at,
    }),
);

export async function recordContactEvent(
  db: Kysely<Database>,
  event: {
    contactId: string;
    kind: string;
    at: number;
    actorId?: string | null;
    fromAgentId?: string | null;
    toAgentId?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await contactEventInsert.execute(db, {
    id: randomUUID(),
    contactId: event.contactId,
    kind: event.kind,
    actorId: event.actorId ?? null,
    fromAgentId: event.fromAgentId ?? null,
    toAgentId: event.toAgentId ?? null,
    note: event.note ?? null,
    at: event.at,
  });
}

/** A transfer offer names its sender; a routed offer of a contact passed to a queue does too. */
function transferInfo(row: {
  kind: string;
  from_agent_id: string | null;
  note: string | null;
  from_name: string | null;
  transferred_by: string | null;
  transfer_note: string | null;
}): Offer['transfer'] {
  if (row.kind !== 'route' && row.from_agent_id) {
    return {
      fromAgentId: row.from_agent_id,
      fromName: row.from_name ?? '',
      mode: row.kind === 'transfer_warm' ? 'warm' : 'cold',
      note: row.note,
    };
  }
  if (row.kind === 'route' && row.transferred_by) {
    return {
      fromAgentId: row.transferred_by,
      fromName: row.from_name ?? '',
      mode: 'cold',
      note: row.transfer_note,
    };
  }
  return null;
}
