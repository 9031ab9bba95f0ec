/**
 * The team boundary, free of I/O: what a team lead may see and move. The server asks these before
 * it reads, filters or writes anything a lead acts on; the client asks them to decide which
 * actions to offer. Administrators see and act on everything; agents, trainers and unit staff act
 * as leads nowhere.
 *
 * The rule (docs/supervision.md §Team boundary):
 * - a lead answers for the agents of their own team; an agent with no team, or whose team has no
 *   lead, is every lead's (nobody is left unwatched) — `answersFor`, shared with publications;
 * - a conversation someone holds belongs to the holder's team; one nobody holds (waiting,
 *   offered) to the teams serving its queue, and to every lead when no team with a lead serves it;
 * - a lead moves a conversation they oversee to an agent they answer for (their own team): work
 *   never crosses to another team's agent by a lead's hand; an administrator may move it anywhere;
 * - a follow-up (case) belongs to its owner's team: the owner carries it through, so the lead who
 *   answers for the owner answers for the case — its list, detail, changes, register rows and
 *   live facts. An owner with no team, or whose team has no lead (an administrator, say), makes it
 *   every lead's — `overseesCase`;
 * - a callback request belongs to the teams serving its queue: their leads and agents see and
 *   complete it; when no team with a lead serves the queue it is everyone's — `mayWorkCallback`;
 * - alerts, escalations and announcements carry a team (or none: everyone's) and follow the same
 *   rule.
 */
import type { Role } from '../schemas/common';
import { answersFor, type TeamMember } from './publications';

export type { TeamMember } from './publications';

/** Roles that act as leads somewhere. */
export const LEADING_ROLES: readonly Role[] = ['lead', 'admin'];

export function mayLead(role: Role): boolean {
  return LEADING_ROLES.includes(role);
}

/** Who leads which team and which teams serve which queue; read once per decision. */
export interface TeamDirectory {
  /** Ids of teams that have at least one lead. */
  teamsWithLeads: ReadonlySet<string>;
  /** Queue id → ids of the teams serving it. */
  queueTeams: ReadonlyMap<string, readonly string[]>;
}

/** Whether the viewer answers for things of this team (`null`: no team, everyone's). */
export function overseesTeam(
  viewer: TeamMember,
  teamId: string | null,
  directory: TeamDirectory,
): boolean {
  return answersFor(viewer, { teamId }, directory.teamsWithLeads);
}

/** Whether the viewer answers for this agent. */
export function overseesAgent(
  viewer: TeamMember,
  agent: { teamId: string | null },
  directory: TeamDirectory,
): boolean {
  return overseesTeam(viewer, agent.teamId, directory);
}

/** The teams with a lead that serve this queue; empty when none does (the queue is everyone's). */
export function leadTeamsOfQueue(queueId: string, directory: TeamDirectory): string[] {
  return (directory.queueTeams.get(queueId) ?? []).filter((id) => directory.teamsWithLeads.has(id));
}

/** Whether the viewer watches this queue's figures and waiting contacts. */
export function overseesQueue(
  viewer: TeamMember,
  queueId: string,
  directory: TeamDirectory,
): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'lead') return false;
  const teams = leadTeamsOfQueue(queueId, directory);
  if (teams.length === 0) return true;
  return viewer.teamId !== null && teams.includes(viewer.teamId);
}

/**
 * A follow-up (case) as the boundary sees it: the team of its owner. Not the queue of the contact
 * it came from: the queue's team took the call, but the follow-up is the owner's work until it is
 * closed (and a case opened from a letter or a walk-in has no queue at all). The deadline alerts
 * and the lead overview's "nearing breach" already follow the owner, so every case fact does.
 */
export interface CasePlace {
  ownerTeamId: string | null;
}

/**
 * The team whose leads oversee the case, or null when it is every lead's (the owner has no team,
 * or a team without a lead: nobody is left unwatched).
 */
export function teamOverseeingCase(place: CasePlace, directory: TeamDirectory): string | null {
  return place.ownerTeamId !== null && directory.teamsWithLeads.has(place.ownerTeamId)
    ? place.ownerTeamId
    : null;
}

/**
 * Whether the viewer oversees a case as a lead: sees it on the "all" board, opens it, changes it,
 * links contacts to it, exports it and receives its live facts. Administrators oversee every case;
 * other roles are not asked this (an agent's own cases, a unit's handed-over ones have their own
 * rules in the case module).
 */
export function overseesCase(
  viewer: TeamMember,
  place: CasePlace,
  directory: TeamDirectory,
): boolean {
  return overseesTeam(viewer, place.ownerTeamId, directory);
}

/** Roles that call citizens back. */
export const CALLBACK_ROLES: readonly Role[] = ['agent', 'lead', 'admin'];

/**
 * Whether the viewer sees and completes a callback request left to this queue: an administrator
 * any; a lead or an agent those of queues their team serves, and of queues no team with a lead
 * serves (everyone's); trainers and unit staff none.
 */
export function mayWorkCallback(
  viewer: TeamMember,
  queueId: string,
  directory: TeamDirectory,
): boolean {
  if (!CALLBACK_ROLES.includes(viewer.role)) return false;
  if (viewer.role === 'admin') return true;
  const teams = leadTeamsOfQueue(queueId, directory);
  if (teams.length === 0) return true;
  return viewer.teamId !== null && teams.includes(viewer.teamId);
}

/**
 * A conversation as the boundary sees it: its queue, and the team of whoever holds it
 * (`holder: null` when nobody does).
 */
export interface ConversationPlace {
  queueId: string;
  holder: { teamId: string | null } | null;
}

/** Held: the holder's team decides. Not held: the queue's teams do. */
export function overseesConversation(
  viewer: TeamMember,
  conversation: ConversationPlace,
  directory: TeamDirectory,
): boolean {
  if (conversation.holder !== null) return overseesAgent(viewer, conversation.holder, directory);
  return overseesQueue(viewer, conversation.queueId, directory);
}

/**
 * Why a reassignment is refused, or null when it is allowed: the viewer must lead, oversee the
 * conversation, and answer for the agent it goes to.
 */
export function reassignRefusal(
  viewer: TeamMember,
  conversation: ConversationPlace,
  target: { teamId: string | null },
  directory: TeamDirectory,
): 'not_a_lead' | 'conversation_outside_team' | 'target_outside_team' | null {
  if (!mayLead(viewer.role)) return 'not_a_lead';
  if (!overseesConversation(viewer, conversation, directory)) return 'conversation_outside_team';
  if (!overseesAgent(viewer, target, directory)) return 'target_outside_team';
  return null;
}

/**
 * Which team an announcement may go to: a lead writes to their own team only; an administrator to
 * any team, or to every team (`null`).
 */
export function mayAnnounceTo(viewer: TeamMember, teamId: string | null): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'lead') return false;
  return teamId !== null && teamId === viewer.teamId;
}

/** Whether an announcement to `teamId` (null: every team) reaches an agent of `agentTeamId`. */
export function announcementReaches(teamId: string | null, agentTeamId: string | null): boolean {
  return teamId === null || teamId === agentTeamId;
}
