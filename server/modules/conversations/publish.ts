import type { ConversationPlace, TeamDirectory } from '../../../shared/domain/team-scope';
import type { ServiceContext } from '../context';
import {
  leadRoomsOfQueue,
  leadRoomsOfTeam,
  loadTeamDirectory,
  loadTeamsOfUsers,
} from '../team-lead/directory';
import { loadContactSummaries } from './repository';

/**
 * Pushes the current summary of these contacts to the leads overseeing each (the holder's team,
 * or the queue's teams while nobody holds it; docs/supervision.md). Leads of the queue's teams
 * who no longer oversee a contact (another team's agent took it) are told it left their board.
 */
export async function publishContactsUpdated(
  ctx: ServiceContext,
  contactIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return;
  const summaries = await loadContactSummaries(ctx.db, ids);
  const [directory, holderTeams] = await Promise.all([
    loadTeamDirectory(ctx.db),
    loadTeamsOfUsers(
      ctx.db,
      summaries.flatMap((s) => (s.assignedAgentId ? [s.assignedAgentId] : [])),
    ),
  ]);
  for (const summary of summaries) {
    const queueRooms = leadRoomsOfQueue(summary.queueId, directory);
    const overseeing = summary.assignedAgentId
      ? leadRoomsOfTeam(holderTeams.get(summary.assignedAgentId) ?? null, directory)
      : queueRooms;
    ctx.publisher.publish(overseeing, 'conversation:updated', summary);
    const leftBehind = queueRooms.filter((room) => !overseeing.includes(room));
    if (leftBehind.length > 0) {
      // A lead in both (every lead's queue, now held by their own team) keeps it.
      ctx.publisher.publish(
        leftBehind,
        'conversation:left-team',
        { contactId: summary.id },
        { except: overseeing },
      );
    }
  }
}

/** The lead rooms that see a conversation in this place: the holder's team's, else the queue's. */
export function leadRoomsOverseeing(place: ConversationPlace, directory: TeamDirectory): string[] {
  return place.holder
    ? leadRoomsOfTeam(place.holder.teamId, directory)
    : leadRoomsOfQueue(place.queueId, directory);
}

/**
 * After a move between queues: the leads who oversaw the conversation before (`before`) and do
 * not now (`after`) are told it left their board. `publishContactsUpdated` cannot see them, as it
 * knows only where the conversation is now.
 */
export function publishLeftLeads(
  ctx: ServiceContext,
  contactId: string,
  before: readonly string[],
  after: readonly string[],
): void {
  const leftBehind = before.filter((room) => !after.includes(room));
  if (leftBehind.length === 0) return;
  ctx.publisher.publish(
    leftBehind,
    'conversation:left-team',
    { contactId },
    { except: [...after] },
  );
}
