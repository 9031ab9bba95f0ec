import { rooms } from '../../realtime/rooms';
import type { ServiceContext } from '../context';
import { loadContactSummaries } from './repository';

/** Pushes the current summary of these contacts to leads. */
export async function publishContactsUpdated(
  ctx: ServiceContext,
  contactIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  for (const summary of await loadContactSummaries(ctx.db, ids)) {
    ctx.publisher.publish(rooms.leads, 'conversation:updated', summary);
  }
}
