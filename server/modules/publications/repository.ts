import type { Kysely } from 'kysely';
import { answersFor, type NoticeKind, type TeamMember } from '../../../shared/domain/publications';
import type { Role } from '../../../shared/schemas/common';
import type { MyNotice, PublicationNotice } from '../../../shared/schemas/publication';
import type { Database } from '../../store/schema';

type Db = Kysely<Database>;

function noticeQuery(db: Db) {
  return db
    .selectFrom('publication_notices as n')
    .innerJoin('users as publisher', 'publisher.id', 'n.published_by')
    .selectAll('n')
    .select('publisher.display_name as published_by_name');
}

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeQuery>['executeTakeFirstOrThrow']>>;

function toNotice(row: NoticeRow): PublicationNotice {
  return {
    id: row.id,
    kind: row.kind as NoticeKind,
    itemId: row.item_id,
    version: Number(row.version),
    title: row.title,
    topic: row.topic,
    whatChanged: row.what_changed,
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
    mustRead: row.must_read === 1,
    revision: Number(row.revision),
  };
}

export async function loadNotice(db: Db, noticeId: string): Promise<PublicationNotice | undefined> {
  const row = await noticeQuery(db).where('n.id', '=', noticeId).executeTakeFirst();
  return row ? toNotice(row) : undefined;
}

/** Must-read notices the agent has not acknowledged (any age) and every notice since `since`. */
export async function loadDeskNotices(db: Db, agentId: string, since: number): Promise<MyNotice[]> {
  const rows = await noticeQuery(db)
    .leftJoin('notice_acknowledgements as ack', (join) =>
      join.onRef('ack.notice_id', '=', 'n.id').on('ack.agent_id', '=', agentId),
    )
    .select('ack.acknowledged_at')
    .where((eb) =>
      eb.or([
        eb.and([eb('n.must_read', '=', 1), eb('ack.acknowledged_at', 'is', null)]),
        eb('n.published_at', '>=', since),
      ]),
    )
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id')
    .execute();
  return rows.map((row) => ({ ...toNotice(row), acknowledgedAt: row.acknowledged_at }));
}

export async function loadAcknowledgedAt(
  db: Db,
  noticeId: string,
  agentId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('notice_acknowledgements')
    .select('acknowledged_at')
    .where('notice_id', '=', noticeId)
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
  return row?.acknowledged_at ?? null;
}

/** Records the acknowledgement unless there is one; true when this call recorded it. */
export async function insertAcknowledgement(
  db: Db,
  noticeId: string,
  agentId: string,
  at: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('notice_acknowledgements')
    .values({ notice_id: noticeId, agent_id: agentId, acknowledged_at: at })
    .onConflict((oc) => oc.columns(['notice_id', 'agent_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function loadLatestNotices(db: Db, limit: number): Promise<PublicationNotice[]> {
  const rows = await noticeQuery(db)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map(toNotice);
}

export async function loadAcknowledgements(
  db: Db,
  noticeIds: readonly string[],
): Promise<{ noticeId: string; agentId: string; acknowledgedAt: number }[]> {
  if (noticeIds.length === 0) return [];
  const rows = await db
    .selectFrom('notice_acknowledgements')
    .select(['notice_id', 'agent_id', 'acknowledged_at'])
    .where('notice_id', 'in', noticeIds)
    .execute();
  return rows.map((r) => ({
    noticeId: r.notice_id,
    agentId: r.agent_id,
    acknowledgedAt: r.acknowledged_at,
  }));
}

async function teamsWithLeads(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('users')
    .select('team_id')
    .distinct()
    .where('role', '=', 'lead')
    .where('team_id', 'is not', null)
    .execute();
  return new Set(rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])));
}

/** The agents a lead or administrator answers for (see `answersFor`), by name. */
export async function agentsInCareOf(
  db: Db,
  viewer: TeamMember,
): Promise<{ id: string; displayName: string }[]> {
  const [agents, teams] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'team_id'])
      .where('role', '=', 'agent')
      .orderBy('display_name')
      .execute(),
    teamsWithLeads(db),
  ]);
  return agents
    .filter((agent) => answersFor(viewer, { teamId: agent.team_id }, teams))
    .map((agent) => ({ id: agent.id, displayName: agent.display_name }));
}

/** The leads and administrators who answer for an agent (see `answersFor`). */
export async function overseersOf(db: Db, agentId: string): Promise<string[]> {
  const [agent, staff, teams] = await Promise.all([
    db.selectFrom('users').select('team_id').where('id', '=', agentId).executeTakeFirst(),
    db
      .selectFrom('users')
      .select(['id', 'role', 'team_id'])
      .where('role', 'in', ['lead', 'admin'])
      .execute(),
    teamsWithLeads(db),
  ]);
  if (!agent) return [];
  return staff
    .filter((s) =>
      answersFor({ role: s.role as Role, teamId: s.team_id }, { teamId: agent.team_id }, teams),
    )
    .map((s) => s.id);
}
