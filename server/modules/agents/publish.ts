import { rooms } from '../../realtime/rooms';
import type { ServiceContext } from '../context';
import { loadAgentViews } from './repository';

/** Pushes the current view of these agents to themselves, leads, their monitors and (for trainees) trainers. */
export async function publishAgentsChanged(
  ctx: ServiceContext,
  agentIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) return;
  for (const view of await loadAgentViews(ctx.db, { ids })) {
    // Trainers follow trainees; other agents' work is the leads' business.
    const watchers = view.isTrainee ? [rooms.leads, rooms.trainers] : [rooms.leads];
    ctx.publisher.publish(
      [rooms.user(view.id), ...watchers, rooms.monitor(view.id)],
      'agent:status-changed',
      view,
    );
  }
}
