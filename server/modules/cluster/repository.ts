import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema';

/**
 * Records that this node is alive (and whether it is draining). Returns false when the node's row
 * was gone (another node took it for dead during a long stall): its sockets must be counted again.
 */
export async function beat(
  db: Kysely<Database>,
  node: { id: string; at: number; isDraining: boolean },
): Promise<boolean> {
  const updated = await db
    .updateTable('cluster_nodes')
    .set({ heartbeat_at: node.at, is_draining: node.isDraining ? 1 : 0 })
    .where('id', '=', node.id)
    .executeTakeFirst();
  if (updated.numUpdatedRows > 0n) return true;
  await db
    .insertInto('cluster_nodes')
    .values({
      id: node.id,
      started_at: node.at,
      heartbeat_at: node.at,
      is_draining: node.isDraining ? 1 : 0,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ heartbeat_at: node.at, is_draining: node.isDraining ? 1 : 0 }),
    )
    .execute();
  return false;
}

/** Replaces this node's connection counts with what it holds (after it was taken for dead). */
export async function recountConnections(
  db: Kysely<Database>,
  nodeId: string,
  sockets: ReadonlyMap<string, number>,
  at: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('agent_connections').where('node_id', '=', nodeId).execute();
    const rows = [...sockets].map(([userId, count]) => ({
      node_id: nodeId,
      user_id: userId,
      sockets: count,
      updated_at: at,
    }));
    if (rows.length > 0) await trx.insertInto('agent_connections').values(rows).execute();
  });
}

/** Counts one more (or one fewer) socket of this agent on this node. */
export async function countConnection(
  db: Kysely<Database>,
  change: { nodeId: string; userId: string; delta: 1 | -1; at: number },
): Promise<void> {
  await db
    .insertInto('agent_connections')
    .values({
      node_id: change.nodeId,
      user_id: change.userId,
      sockets: Math.max(change.delta, 0),
      updated_at: change.at,
    })
    .onConflict((oc) =>
      oc.columns(['node_id', 'user_id']).doUpdateSet((eb) => ({
        sockets: eb(eb.ref('agent_connections.sockets'), '+', change.delta),
        updated_at: change.at,
      })),
    )
    .execute();
}

/** Whether a node that is still alive holds a socket of this agent. */
export async function isConnectedOnLiveNode(
  db: Kysely<Database>,
  userId: string,
  liveSince: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('agent_connections')
    .innerJoin('cluster_nodes', 'cluster_nodes.id', 'agent_connections.node_id')
    .select('agent_connections.user_id')
    .where('agent_connections.user_id', '=', userId)
    .where('agent_connections.sockets', '>', 0)
    .where('cluster_nodes.heartbeat_at', '>=', liveSince)
    .executeTakeFirst();
  return row !== undefined;
}

/** Agents shown as signed in (any presence but offline) whom no live node holds a socket for. */
export async function loadUnconnectedSignedInAgents(
  db: Kysely<Database>,
  liveSince: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('agent_states')
    .select('agent_states.user_id')
    .where('agent_states.presence', '!=', 'offline')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('agent_connections')
            .innerJoin('cluster_nodes', 'cluster_nodes.id', 'agent_connections.node_id')
            .select('agent_connections.user_id')
            .whereRef('agent_connections.user_id', '=', 'agent_states.user_id')
            .where('agent_connections.sockets', '>', 0)
            .where('cluster_nodes.heartbeat_at', '>=', liveSince),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Removes nodes whose heartbeat stopped before `deadBefore`, with their connection counts. Each
 * node is removed by exactly one sweeper (the conditional delete decides); returns those this
 * call removed.
 */
export async function removeDeadNodes(
  db: Kysely<Database>,
  deadBefore: number,
  selfId: string,
): Promise<string[]> {
  // A node never removes itself: if it is sweeping, it is alive, whatever its last beat says.
  const dead = await db
    .selectFrom('cluster_nodes')
    .select('id')
    .where('heartbeat_at', '<', deadBefore)
    .where('id', '!=', selfId)
    .execute();
  const removed: string[] = [];
  for (const { id } of dead) {
    const isRemoved = await db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('cluster_nodes')
        .where('id', '=', id)
        .where('heartbeat_at', '<', deadBefore)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await trx.deleteFrom('agent_connections').where('node_id', '=', id).execute();
      return true;
    });
    if (isRemoved) removed.push(id);
  }
  return removed;
}

/** This node leaves the cluster (orderly shutdown), or starts afresh under the same id. */
export async function forgetNode(db: Kysely<Database>, nodeId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('agent_connections').where('node_id', '=', nodeId).execute();
    await trx.deleteFrom('cluster_nodes').where('id', '=', nodeId).execute();
  });
}

export interface ClusterNodeView {
  id: string;
  startedAt: number;
  heartbeatAt: number;
  isDraining: boolean;
  connectedAgents: number;
}

/** Every node the database knows of, with how many agents each holds. */
export async function loadClusterNodes(db: Kysely<Database>): Promise<ClusterNodeView[]> {
  const [nodes, counts] = await Promise.all([
    db.selectFrom('cluster_nodes').selectAll().orderBy('id').execute(),
    db
      .selectFrom('agent_connections')
      .select((eb) => ['node_id', eb.fn.countAll<number>().as('agents')])
      .where('sockets', '>', 0)
      .groupBy('node_id')
      .execute(),
  ]);
  const byNode = new Map(counts.map((row) => [row.node_id, Number(row.agents)]));
  return nodes.map((node) => ({
    id: node.id,
    startedAt: node.started_at,
    heartbeatAt: node.heartbeat_at,
    isDraining: node.is_draining === 1,
    connectedAgents: byNode.get(node.id) ?? 0,
  }));
}
