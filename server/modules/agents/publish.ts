import { rooms } from '../../realtime/rooms';
import type { ServiceContext } from '../context';
import { loadAgentViews } from './repository';

/** Pushes the current view of these agents to themselves, leads, trainers and their monitors. */
export async function publishAgentsChanged(
  ctx: ServiceContext,
  agentIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) return;
  for (const view of await loadAgentViews(ctx.db, { ids })) {
    ctx.publisher.publish(
      [rooms.user(view.id), rooms.leads, rooms.trainers, rooms.monitor(view.id)],
      'agent:status-changed',
      view,
    );
  }
}
