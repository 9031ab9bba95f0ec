import { rooms } from '../../realtime/rooms';
import type { ServiceContext } from '../context';
import { leadRoomsOfTeam, loadTeamDirectory } from '../team-lead/directory';
import { loadAgentViews } from './repository';

/**
 * Pushes the current view of these agents to themselves, the leads answering for them (their
 * team's, and administrators), their monitors and (for trainees) trainers.
 */
export async function publishAgentsChanged(
  ctx: ServiceContext,
  agentIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) return;
  const [views, directory] = await Promise.all([
    loadAgentViews(ctx.db, { ids }),
    loadTeamDirectory(ctx.db),
  ]);
  for (const view of views) {
    const leads = leadRoomsOfTeam(view.teamId, directory);
    // Trainers follow trainees; other agents' work is the leads' business.
    const watchers = view.isTrainee ? [...leads, rooms.trainers] : leads;
    ctx.publisher.publish(
      [rooms.user(view.id), ...watchers, rooms.monitor(view.id)],
      'agent:status-changed',
      view,
    );
  }
}
