import type { AgentView } from '../../../shared/schemas/agent';
import type { SelectableAgentStatus } from '../../../shared/schemas/common';
import { hasTimedPresenceEnded, type Presence } from '../../domain/presence';
import { AppError } from '../app-error';
import type { ClusterService } from '../cluster/service';
import type { ServiceContext } from '../context';
import { loadWorkload } from '../capacity/repository';
import type { QueueStateService } from '../queue-state/service';
import type { RoutingService, WithdrawnOffer } from '../routing/service';
import { publishAgentsChanged } from './publish';
import { loadAgentState, loadAgentView, lockAgent, updatePresence } from './repository';

/**
 * Presence: what the agent chose, and whether they are connected at all. A dropped connection is
 * not Offline at once: a grace period lets a reload or a network blip pass without losing the
 * agent's place. With several nodes, "connected" means connected to any live node: an agent whose
 * socket moves from one node to another (a node shut down or died) keeps their place.
 */
export class PresenceService {
  private readonly connections = new Map<string, number>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  private readonly pendingCounts = new Set<Promise<void>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
    private readonly cluster: ClusterService,
  ) {
    cluster.countLocalSocketsWith(() => this.connections);
  }

  async setStatus(agentId: string, status: SelectableAgentStatus): Promise<AgentView> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const withdrawn = await db.transaction().execute(async (trx) => {
      const state = await loadAgentState(trx, agentId);
      if (!state) throw new AppError('not_found', 'No agent state for this user.');
      if (state.presence === status) return [];
      const isHolding = ((await loadWorkload(trx, agentId))?.contactIds.length ?? 0) > 0;
      await updatePresence(trx, agentId, {
        presence: status,
        at: now,
        ...(status === 'available' ? { missedOffers: 0 } : {}),
        ...(status === 'available' && !isHolding ? { idleSince: now } : {}),
      });
      return status === 'available' ? [] : this.routing.rescindAgentOffers(trx, agentId, now);
    });
    await this.afterChange(agentId, withdrawn);
    const view = await loadAgentView(db, agentId);
    if (!view) throw new AppError('not_found', 'No such agent.');
    return view;
  }

  /** Ends after-contact work whose time is up; the agents become available and get offers. */
  async endExpiredTimedPresence(): Promise<number> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const due = await db
      .selectFrom('agent_states')
      .select(['user_id', 'presence', 'presence_until'])
      .where('presence', '=', 'after_contact_work')
      .where('presence_until', '<=', now)
      .execute();
    const ended: string[] = [];
    for (const row of due) {
      if (!hasTimedPresenceEnded(row.presence as Presence, row.presence_until, now)) continue;
      const updated = await db
        .updateTable('agent_states')
        .set((eb) => ({
          presence: 'available',
          presence_since: now,
          presence_until: null,
          idle_since: now,
          version: eb('version', '+', 1),
        }))
        .where('user_id', '=', row.user_id)
        .where('presence', '=', 'after_contact_work')
        .where('presence_until', '=', row.presence_until)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) ended.push(row.user_id);
    }
    if (ended.length > 0) {
      await publishAgentsChanged(this.ctx, ended);
      void this.queueState.changed();
      void this.routing.requestPass();
    }
    return ended.length;
  }

  /** A socket of this agent connected (to this node). */
  async connected(agentId: string): Promise<void> {
    this.connections.set(agentId, (this.connections.get(agentId) ?? 0) + 1);
    this.cancelGrace(agentId);
    // Counted before presence is looked at: a node deciding this agent is gone either sees this
    // socket, or has already set Offline, which the update below then undoes.
    await this.cluster.countConnection(agentId, 1);
    const back = await this.ctx.db
      .updateTable('agent_states')
      .set((eb) => ({
        presence: 'away',
        presence_since: this.ctx.clock.now(),
        presence_until: null,
        version: eb('version', '+', 1),
      }))
      .where('user_id', '=', agentId)
      .where('presence', '=', 'offline')
      .executeTakeFirst();
    if (back.numUpdatedRows > 0n) await this.afterChange(agentId, []);
  }

  /** A socket of this agent disconnected; the last one on this node starts the grace period. */
  disconnected(agentId: string): void {
    const counted = this.cluster
      .countConnection(agentId, -1)
      .catch((error: unknown) =>
        this.ctx.log.error({ err: error, agentId }, 'counting a closed socket failed'),
      )
      .finally(() => this.pendingCounts.delete(counted));
    this.pendingCounts.add(counted);
    const remaining = (this.connections.get(agentId) ?? 1) - 1;
    if (remaining > 0) {
      this.connections.set(agentId, remaining);
      return;
    }
    this.connections.delete(agentId);
    this.startGrace(agentId);
  }

  /**
   * Agents shown signed in whom no live node holds a socket for (after a restart, or when the
   * node they were on died) get the grace period to come back before they are shown Offline.
   * Runs at start and after every heartbeat, on every node.
   */
  async startGraceForSignedInAgents(): Promise<number> {
    let started = 0;
    for (const agentId of await this.cluster.unconnectedSignedInAgents()) {
      if (this.connections.has(agentId) || this.graceTimers.has(agentId)) continue;
      this.startGrace(agentId);
      started += 1;
    }
    return started;
  }

  /** Agents with a socket on this node. */
  get connectedAgentCount(): number {
    return this.connections.size;
  }

  /** Resolves once closed sockets have been counted (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.pendingCounts.size > 0) await Promise.all([...this.pendingCounts]);
  }

  stop(): void {
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
  }

  private startGrace(agentId: string): void {
    this.cancelGrace(agentId);
    const timer = setTimeout(() => {
      this.graceTimers.delete(agentId);
      this.goOffline(agentId).catch((error: unknown) => {
        this.ctx.log.error({ err: error }, 'setting agent offline failed');
      });
    }, this.ctx.config.presenceGraceMs);
    timer.unref();
    this.graceTimers.set(agentId, timer);
  }

  private cancelGrace(agentId: string): void {
    const timer = this.graceTimers.get(agentId);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(agentId);
  }

  private async goOffline(agentId: string): Promise<void> {
    if (this.connections.has(agentId)) return;
    const now = this.ctx.clock.now();
    const withdrawn = await this.ctx.db
      .transaction()
      .execute(async (trx) => {
        // The agent's row lock orders this against a reconnect on another node (see connected).
        await lockAgent(trx, agentId);
        const state = await loadAgentState(trx, agentId);
        if (!state || (state.presence as Presence) === 'offline') throw new StillHere();
        if (await this.cluster.isConnected(agentId, trx)) throw new StillHere();
        await updatePresence(trx, agentId, { presence: 'offline', at: now });
        return this.routing.rescindAgentOffers(trx, agentId, now);
      })
      .catch((error: unknown) => {
        if (error instanceof StillHere) return undefined;
        throw error;
      });
    if (withdrawn) await this.afterChange(agentId, withdrawn);
  }

  private async afterChange(agentId: string, withdrawn: readonly WithdrawnOffer[]): Promise<void> {
    if (withdrawn.length > 0) await this.routing.announceWithdrawn(withdrawn, 'rescinded');
    await publishAgentsChanged(this.ctx, [agentId]);
    void this.queueState.changed();
    void this.routing.requestPass();
  }
}

/** Rolls back the lock taken to look: the agent is connected elsewhere, or already offline. */
class StillHere extends Error {}
