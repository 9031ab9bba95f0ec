/**
 * Publication notices, free of I/O: what is announced when an answer or a script is published, who
 * must read it, who sees who has, and what stays on an agent's desk. The server asks these before
 * it writes or filters; the client asks them to decide what a banner allows.
 */
import type { Role } from '../schemas/common';

/** What was published: a knowledge answer or a guided script. */
export const NOTICE_KINDS = ['answer', 'script'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Marking a change must-read puts it on every agent's desk until they acknowledge it: a decision
 * about the whole floor's attention, so administrators make it.
 */
export const MUST_READ_ROLES: readonly Role[] = ['admin'];
/** Agents read and acknowledge; they are whom a must-read change is for. */
export const ACKNOWLEDGING_ROLES: readonly Role[] = ['agent'];
/** Leads answer for what their team knows; administrators for everyone. */
export const READERSHIP_ROLES: readonly Role[] = ['lead', 'admin'];

/** Non-must-read notices stay on a desk (until dismissed) for this long after publication. */
export const RECENT_NOTICE_MS = 12 * 60 * 60 * 1000;

export function mayMarkMustRead(role: Role): boolean {
  return MUST_READ_ROLES.includes(role);
}

export function mayAcknowledge(role: Role): boolean {
  return ACKNOWLEDGING_ROLES.includes(role);
}

export function mayViewReadership(role: Role): boolean {
  return READERSHIP_ROLES.includes(role);
}

export interface NoticeState {
  mustRead: boolean;
  publishedAt: number;
}

/** A must-read notice the agent has not acknowledged yet: it cannot be put away without doing so. */
export function isAwaitingAcknowledgement(
  notice: Pick<NoticeState, 'mustRead'>,
  acknowledgedAt: number | null,
): boolean {
  return notice.mustRead && acknowledgedAt === null;
}

/**
 * Whether a notice belongs on an agent's desk at `now`: a must-read one until acknowledged,
 * whatever its age; any other for `RECENT_NOTICE_MS` after publication (the agent may dismiss it
 * sooner, on their device).
 */
export function isOnDesk(notice: NoticeState, acknowledgedAt: number | null, now: number): boolean {
  if (notice.mustRead) return acknowledgedAt === null;
  return now - notice.publishedAt < RECENT_NOTICE_MS;
}

export interface TeamMember {
  role: Role;
  teamId: string | null;
}

/**
 * Whether a lead answers for an agent: the leads of the agent's team do; an agent with no team, or
 * whose team has no lead, is every lead's (nobody is left unwatched). Administrators answer for
 * every agent. The same rule as a case owner's leads.
 *
 * @param teamsWithLeads ids of the teams that have at least one lead
 */
export function answersFor(
  viewer: TeamMember,
  agent: Pick<TeamMember, 'teamId'>,
  teamsWithLeads: ReadonlySet<string>,
): boolean {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'lead') return false;
  if (agent.teamId === null || !teamsWithLeads.has(agent.teamId)) return true;
  return viewer.teamId === agent.teamId;
}

export interface Reader {
  agentId: string;
  displayName: string;
  acknowledgedAt: number | null;
}

/** Who has read, in the order they did, then who has not, by name. */
export function orderReaders(readers: readonly Reader[]): Reader[] {
  return [...readers].sort((a, b) => {
    if (a.acknowledgedAt !== null && b.acknowledgedAt !== null) {
      return a.acknowledgedAt - b.acknowledgedAt || a.displayName.localeCompare(b.displayName);
    }
    if (a.acknowledgedAt !== null) return -1;
    if (b.acknowledgedAt !== null) return 1;
    return a.displayName.localeCompare(b.displayName);
  });
}

/**
 * Records an acknowledgement in a readers list: the first moment counts, a repeat changes nothing,
 * an agent not in the list (not in the viewer's care) is not added.
 */
export function withAcknowledgement(
  readers: readonly Reader[],
  agentId: string,
  acknowledgedAt: number,
): Reader[] {
  if (!readers.some((r) => r.agentId === agentId && r.acknowledgedAt === null)) {
    return [...readers];
  }
  return orderReaders(
    readers.map((r) =>
      r.agentId === agentId && r.acknowledgedAt === null ? { ...r, acknowledgedAt } : r,
    ),
  );
}
