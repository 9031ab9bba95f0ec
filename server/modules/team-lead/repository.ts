import type { Kysely } from 'kysely';
import type { AlertCondition } from '../../domain/lead-alerts';
import type { EscalationStatus } from '../../../shared/domain/escalations';
import type {
  AlertKindName,
  Announcement,
  Escalation,
  LeadAlert,
} from '../../../shared/schemas/team-lead';
import type { Database } from '../../store/schema';

type Db = Kysely<Database>;

function alertQuery(db: Db) {
  return db
    .selectFrom('lead_alerts as a')
    .leftJoin('users as ack', 'ack.id', 'a.acknowledged_by')
    .selectAll('a')
    .select('ack.display_name as acknowledged_by_name');
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertQuery>['executeTakeFirstOrThrow']>>;

function toAlert(row: AlertRow): LeadAlert {
  return {
    id: row.id,
    kind: row.kind as AlertKindName,
    teamId: row.team_id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    detail: JSON.parse(row.detail) as LeadAlert['detail'],
    raisedAt: Number(row.raised_at),
    clearedAt: row.cleared_at === null ? null : Number(row.cleared_at),
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
    acknowledgedByName: row.acknowledged_by_name ?? null,
  };
}

export async function loadAlert(db: Db, id: string): Promise<LeadAlert | undefined> {
  const row = await alertQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** Alerts still open, and any raised since `since`; newest first. */
export async function loadRecentAlerts(db: Db, since: number): Promise<LeadAlert[]> {
  const rows = await alertQuery(db)
    .where((eb) => eb.or([eb('a.cleared_at', 'is', null), eb('a.raised_at', '>=', since)]))
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id')
    .limit(200)
    .execute();
  return rows.map(toAlert);
}

export async function loadOpenAlertKeys(db: Db): Promise<{ id: string; key: string }[]> {
  const rows = await db
    .selectFrom('lead_alerts')
    .select(['id', 'open_key'])
    .where('open_key', 'is not', null)
    .execute();
  return rows.map((row) => ({ id: row.id, key: row.open_key! }));
}

/** Raises the alert unless one is open for its condition; true when this call raised it. */
export async function insertAlert(
  db: Db,
  id: string,
  condition: AlertCondition,
  now: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('lead_alerts')
    .values({
      id,
      condition_key: condition.key,
      open_key: condition.key,
      kind: condition.kind,
      team_id: condition.teamId,
      subject_id: condition.subjectId,
      subject_name: condition.subjectName,
      detail: JSON.stringify(condition.detail),
      raised_at: now,
      cleared_at: null,
      acknowledged_by: null,
      acknowledged_at: null,
    })
    .onConflict((oc) => oc.column('open_key').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Clears an open alert; true when this call cleared it. */
export async function clearAlert(db: Db, id: string, now: number): Promise<boolean> {
  const updated = await db
    .updateTable('lead_alerts')
    .set({ cleared_at: now, open_key: null })
    .where('id', '=', id)
    .where('open_key', 'is not', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

function escalationQuery(db: Db) {
  return db
    .selectFrom('escalations as e')
    .innerJoin('users as agent', 'agent.id', 'e.agent_id')
    .leftJoin('users as handler', 'handler.id', 'e.handled_by')
    .leftJoin('contacts as c', 'c.id', 'e.contact_id')
    .selectAll('e')
    .select([
      'agent.display_name as agent_name',
      'handler.display_name as handled_by_name',
      'c.reference as contact_reference',
    ]);
}

type EscalationRow = Awaited<
  ReturnType<ReturnType<typeof escalationQuery>['executeTakeFirstOrThrow']>
>;

function toEscalation(row: EscalationRow): Escalation {
  return {
    id: row.id,
    teamId: row.team_id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    contactId: row.contact_id,
    contactReference: row.contact_reference ?? null,
    text: row.text,
    status: row.status as EscalationStatus,
    raisedAt: Number(row.raised_at),
    answer: row.answer,
    handledByName: row.handled_by_name ?? null,
    handledAt: row.handled_at === null ? null : Number(row.handled_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    version: Number(row.version),
  };
}

export async function loadEscalation(db: Db, id: string): Promise<Escalation | undefined> {
  const row = await escalationQuery(db).where('e.id', '=', id).executeTakeFirst();
  return row ? toEscalation(row) : undefined;
}

/** Escalations not closed, and those closed since `since` (of one agent, when given). */
export async function loadRecentEscalations(
  db: Db,
  since: number,
  agentId?: string,
): Promise<Escalation[]> {
  let query = escalationQuery(db).where((eb) =>
    eb.or([eb('e.closed_at', 'is', null), eb('e.closed_at', '>=', since)]),
  );
  if (agentId) query = query.where('e.agent_id', '=', agentId);
  const rows = await query.orderBy('e.raised_at', 'desc').orderBy('e.id').limit(200).execute();
  return rows.map(toEscalation);
}

function announcementQuery(db: Db) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('users as author', 'author.id', 'a.author_id')
    .leftJoin('teams as t', 't.id', 'a.team_id')
    .selectAll('a')
    .select(['author.display_name as author_name', 't.name as team_name']);
}

type AnnouncementRow = Awaited<
  ReturnType<ReturnType<typeof announcementQuery>['executeTakeFirstOrThrow']>
>;

function toAnnouncement(row: AnnouncementRow): Announcement {
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name ?? null,
    text: row.text,
    authorName: row.author_name,
    publishedAt: Number(row.published_at),
  };
}

export async function loadAnnouncement(db: Db, id: string): Promise<Announcement | undefined> {
  const row = await announcementQuery(db).where('a.id', '=', id).executeTakeFirst();
  return row ? toAnnouncement(row) : undefined;
}

/** Announcements to these teams (null: to every team), newest first. */
export async function loadAnnouncements(
  db: Db,
  filter: { teamIds?: readonly (string | null)[]; limit: number },
): Promise<Announcement[]> {
  let query = announcementQuery(db);
  if (filter.teamIds) {
    if (filter.teamIds.length === 0) return [];
    const named = filter.teamIds.filter((id): id is string => id !== null);
    const includesEveryone = filter.teamIds.includes(null);
    query = query.where((eb) =>
      eb.or([
        ...(named.length > 0 ? [eb('a.team_id', 'in', named)] : []),
        ...(includesEveryone ? [eb('a.team_id', 'is', null)] : []),
      ]),
    );
  }
  const rows = await query
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id')
    .limit(filter.limit)
    .execute();
  return rows.map(toAnnouncement);
}

/** The agent's announcements: not acknowledged ones of any age and the others since `since`. */
export async function loadMyAnnouncements(
  db: Db,
  agent: { id: string; teamId: string | null },
  since: number,
) {
  const rows = await announcementQuery(db)
    .leftJoin('announcement_acknowledgements as ack', (join) =>
      join.onRef('ack.announcement_id', '=', 'a.id').on('ack.agent_id', '=', agent.id),
    )
    .select('ack.acknowledged_at')
    .where((eb) =>
      agent.teamId === null
        ? eb('a.team_id', 'is', null)
        : eb.or([eb('a.team_id', 'is', null), eb('a.team_id', '=', agent.teamId)]),
    )
    .where((eb) =>
      eb.or([eb('ack.acknowledged_at', 'is', null), eb('a.published_at', '>=', since)]),
    )
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id')
    .limit(50)
    .execute();
  return rows.map((row) => ({
    ...toAnnouncement(row),
    acknowledgedAt: row.acknowledged_at === null ? null : Number(row.acknowledged_at),
  }));
}

/** Records the acknowledgement unless there is one; true when this call recorded it. */
export async function insertAnnouncementAcknowledgement(
  db: Db,
  announcementId: string,
  agentId: string,
  at: number,
): Promise<boolean> {
  const inserted = await db
    .insertInto('announcement_acknowledgements')
    .values({ announcement_id: announcementId, agent_id: agentId, acknowledged_at: at })
    .onConflict((oc) => oc.columns(['announcement_id', 'agent_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function loadAnnouncementAcknowledgements(
  db: Db,
  announcementIds: readonly string[],
): Promise<Map<string, number>> {
  if (announcementIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('announcement_acknowledgements')
    .select(['announcement_id', 'agent_id', 'acknowledged_at'])
    .where('announcement_id', 'in', announcementIds)
    .execute();
  return new Map(
    rows.map((row) => [`${row.announcement_id}:${row.agent_id}`, Number(row.acknowledged_at)]),
  );
}

/** Every agent with their team, by name. */
export async function loadAgentsWithTeams(
  db: Db,
): Promise<{ id: string; displayName: string; teamId: string | null }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'team_id'])
    .where('role', '=', 'agent')
    .orderBy('display_name')
    .execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, teamId: row.team_id }));
}
