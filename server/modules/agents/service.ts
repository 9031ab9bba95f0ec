import type { AgentView } from '../../../shared/schemas/agent';
import type { SelectableAgentStatus } from '../../../shared/schemas/common';
import { hasTimedPresenceEnded, type Presence } from '../../domain/presence';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { loadWorkload } from '../capacity/repository';
import type { QueueStateService } from '../queue-state/service';
import type { RoutingService, WithdrawnOffer } from '../routing/service';
import { publishAgentsChanged } from './publish';
import { loadAgentState, loadAgentView, updatePresence } from './repository';

/**
 * Presence: what the agent chose, and whether they are connected at all. A dropped connection is
 * not Offline at once: a grace period lets a reload or a network blip pass without losing the
 * agent's place.
 */
export class PresenceService {
  private readonly connections = new Map<string, number>();
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
  ) {}

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

  /** A socket of this agent connected. */
  async connected(agentId: string): Promise<void> {
    this.connections.set(agentId, (this.connections.get(agentId) ?? 0) + 1);
    this.cancelGrace(agentId);
    const state = await loadAgentState(this.ctx.db, agentId);
    if (state?.presence === 'offline') {
      await updatePresence(this.ctx.db, agentId, { presence: 'away', at: this.ctx.clock.now() });
      await this.afterChange(agentId, []);
    }
  }

  /** A socket of this agent disconnected; the last one starts the grace period. */
  disconnected(agentId: string): void {
    const remaining = (this.connections.get(agentId) ?? 1) - 1;
    if (remaining > 0) {
      this.connections.set(agentId, remaining);
      return;
    }
    this.connections.delete(agentId);
    this.startGrace(agentId);
  }

  /**
   * After a restart nobody is connected yet; agents who were signed in get the grace period to
   * come back before they are shown Offline.
   */
  async startGraceForSignedInAgents(): Promise<void> {
    const signedIn = await this.ctx.db
      .selectFrom('agent_states')
      .select('user_id')
      .where('presence', '!=', 'offline')
      .execute();
    for (const { user_id } of signedIn) {
      if (!this.connections.has(user_id)) this.startGrace(user_id);
    }
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
    const withdrawn = await this.ctx.db.transaction().execute(async (trx) => {
      const state = await loadAgentState(trx, agentId);
      if (!state || (state.presence as Presence) === 'offline') return undefined;
      await updatePresence(trx, agentId, { presence: 'offline', at: now });
      return this.routing.rescindAgentOffers(trx, agentId, now);
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
