import type { Kysely } from 'kysely';
import {
  leadTeamsOfQueue,
  teamOverseeingCase,
  type CasePlace,
  type TeamDirectory,
  type TeamMember,
} from '../../../shared/domain/team-scope';
import type { Role } from '../../../shared/schemas/common';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { TEAM_DIRECTORY_COUNTER } from '../../store/migrations/0022-team-directory-version';
import type { Database } from '../../store/schema';

type Db = Kysely<Database>;

interface CachedDirectory {
  version: number;
  directory: TeamDirectory;
}

/**
 * One cached directory per database. Keyed by the Kysely adapter because a transaction shares its
 * database's adapter, so reads inside a transaction find the same entry.
 */
const cachedDirectories = new WeakMap<object, CachedDirectory>();

/**
 * Who leads which team and which teams serve which queue: what every boundary decision reads
 * (many times per contact). Kept in memory while the directory's counter, moved by triggers on
 * every change to users' roles or teams and to team_queues (migration 0022), stays where it was:
 * one primary-key read instead of two scans, and a change made on any node or by hand is seen
 * by the next call on every node.
 */
export async function loadTeamDirectory(db: Db): Promise<TeamDirectory> {
  const key = db.getExecutor().adapter;
  // Read before the directory: a change committed in between is then seen by the next call.
  const counter = await db
    .selectFrom('counters')
    .select('value')
    .where('name', '=', TEAM_DIRECTORY_COUNTER)
    .executeTakeFirst();
  const version = counter === undefined ? undefined : Number(counter.value);
  const cached = cachedDirectories.get(key);
  if (cached && cached.version === version) return cached.directory;
  const directory = await readTeamDirectory(db);
  // A transaction may see its own uncommitted changes; only committed reads are kept.
  if (version !== undefined && !db.isTransaction)
    cachedDirectories.set(key, { version, directory });
  return directory;
}

async function readTeamDirectory(db: Db): Promise<TeamDirectory> {
  const [leads, served] = await Promise.all([
    db
      .selectFrom('users')
      .select('team_id')
      .distinct()
      .where('role', '=', 'lead')
      .where('team_id', 'is not', null)
      .execute(),
    db.selectFrom('team_queues').select(['team_id', 'queue_id']).execute(),
  ]);
  const queueTeams = new Map<string, string[]>();
  for (const row of served) {
    queueTeams.set(row.queue_id, [...(queueTeams.get(row.queue_id) ?? []), row.team_id]);
  }
  return {
    teamsWithLeads: new Set(leads.flatMap((row) => (row.team_id === null ? [] : [row.team_id]))),
    queueTeams,
  };
}

export function asTeamMember(user: Pick<User, 'role' | 'teamId'>): TeamMember {
  return { role: user.role, teamId: user.teamId };
}

/**
 * The rooms of the leads answering for things of a team: that team's leads and the
 * administrators; every lead when the team is none or has no lead (nobody is left unwatched).
 */
export function leadRoomsOfTeam(teamId: string | null, directory: TeamDirectory): string[] {
  if (teamId === null || !directory.teamsWithLeads.has(teamId)) return [rooms.leads];
  return [rooms.teamLeads(teamId), rooms.admins];
}

/** The rooms of the leads watching a queue's unheld contacts. */
export function leadRoomsOfQueue(queueId: string, directory: TeamDirectory): string[] {
  const teams = leadTeamsOfQueue(queueId, directory);
  if (teams.length === 0) return [rooms.leads];
  return [...teams.map(rooms.teamLeads), rooms.admins];
}

/**
 * The rooms of the leads overseeing a case: its team's leads and the administrators; every lead
 * (administrators among them) when it is everyone's. Never empty: a case fact always has a lead.
 */
export function leadRoomsOfCase(place: CasePlace, directory: TeamDirectory): string[] {
  return leadRoomsOfTeam(teamOverseeingCase(place, directory), directory);
}

/** Agents' teams by id. */
export async function loadTeamsOfUsers(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'team_id'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.team_id]));
}

/** A user as the boundary sees them, read from the database. */
export async function loadTeamMember(
  db: Db,
  userId: string,
): Promise<(TeamMember & { id: string; displayName: string }) | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'role', 'team_id', 'display_name'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row
    ? { id: row.id, role: row.role as Role, teamId: row.team_id, displayName: row.display_name }
    : undefined;
}
