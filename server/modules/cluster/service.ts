import type { Kysely } from 'kysely';
import { liveSince } from '../../domain/cluster';
import type { Database } from '../../store/schema';
import type { ServiceContext } from '../context';
import {
  beat,
  countConnection,
  forgetNode,
  isConnectedOnLiveNode,
  loadClusterNodes,
  loadUnconnectedSignedInAgents,
  recountConnections,
  removeDeadNodes,
  type ClusterNodeView,
} from './repository';

/**
 * This node's membership of the cluster: its heartbeat, the sockets its agents hold, and the
 * clean-up of nodes that died without a word. Every node runs the same sweep; the database decides
 * which sweeper removes a dead node.
 */
export class ClusterService {
  private isDraining = false;
  private localSockets: () => ReadonlyMap<string, number> = () => new Map();

  constructor(private readonly ctx: ServiceContext) {}

  /** Where this node's own count of agents' sockets comes from (the presence service). */
  countLocalSocketsWith(source: () => ReadonlyMap<string, number>): void {
    this.localSockets = source;
  }

  get nodeId(): string {
    return this.ctx.config.nodeId;
  }

  /** Joins afresh: sockets counted under this id by an earlier run of this node are gone. */
  async join(): Promise<void> {
    await forgetNode(this.ctx.db, this.nodeId);
    await this.beat();
  }

  async beat(): Promise<void> {
    const now = this.ctx.clock.now();
    const wasKnown = await beat(this.ctx.db, {
      id: this.nodeId,
      at: now,
      isDraining: this.isDraining,
    });
    if (!wasKnown) {
      // Another node took this one for dead (a stall longer than NODE_EXPIRY_MS) and removed its
      // counts; its agents are still here, so count them again.
      await recountConnections(this.ctx.db, this.nodeId, this.localSockets(), now);
    }
  }

  /** Shutting down: the other nodes (and the load balancer, through readiness) are told. */
  async drain(): Promise<void> {
    this.isDraining = true;
    await this.beat();
  }

  get draining(): boolean {
    return this.isDraining;
  }

  /** Leaves on an orderly shutdown: this node's sockets no longer count anywhere. */
  leave(): Promise<void> {
    return forgetNode(this.ctx.db, this.nodeId);
  }

  countConnection(userId: string, delta: 1 | -1): Promise<void> {
    return countConnection(this.ctx.db, {
      nodeId: this.nodeId,
      userId,
      delta,
      at: this.ctx.clock.now(),
    });
  }

  /** `db` is the caller's transaction when it holds one (SQLite has a single connection). */
  isConnected(userId: string, db: Kysely<Database> = this.ctx.db): Promise<boolean> {
    return isConnectedOnLiveNode(db, userId, this.liveSince());
  }

  /** Agents who look signed in but whom no live node holds a socket for. */
  unconnectedSignedInAgents(): Promise<string[]> {
    return loadUnconnectedSignedInAgents(this.ctx.db, this.liveSince());
  }

  /** Removes dead nodes; returns the ids this node removed. */
  async sweepDeadNodes(): Promise<string[]> {
    const removed = await removeDeadNodes(this.ctx.db, this.liveSince(), this.nodeId);
    if (removed.length > 0) this.ctx.log.warn({ nodes: removed }, 'dead nodes removed');
    return removed;
  }

  nodes(): Promise<ClusterNodeView[]> {
    return loadClusterNodes(this.ctx.db);
  }

  private liveSince(): number {
    return liveSince(this.ctx.clock.now(), this.ctx.config.nodeExpiryMs);
  }
}
