import type { Kysely } from 'kysely';
import { effectiveCapacity } from '../../../shared/domain/capacity';
import { overseesAgent } from '../../../shared/domain/team-scope';
import type { AgentCapacity, AgentCaps, CentreCapacity } from '../../../shared/schemas/capacity';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { publishAgentsChanged } from '../agents/publish';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { RoutingService } from '../routing/service';
import { loadTeamDirectory, loadTeamMember, loadTeamsOfUsers } from '../team-lead/directory';
import { loadCentreCapacity, saveAgentCaps, saveCentreCapacity } from './repository';

/**
 * The limits on concurrent work. Lowering a limit never takes work away from an agent: they keep
 * what they hold and get no more until they are under the new limit.
 */
export class CapacityService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
  ) {}

  centre(): Promise<CentreCapacity> {
    return loadCentreCapacity(this.ctx.db);
  }

  async replaceCentre(capacity: CentreCapacity): Promise<CentreCapacity> {
    await this.ctx.db.transaction().execute((trx) => saveCentreCapacity(trx, capacity));
    const agents = await this.ctx.db.selectFrom('agent_states').select('user_id').execute();
    await publishAgentsChanged(
      this.ctx,
      agents.map((agent) => agent.user_id),
    );
    void this.routing.requestPass();
    return capacity;
  }

  /** An agent's caps; a lead reads those of an agent they answer for only (`overseesAgent`). */
  async agent(viewer: Pick<User, 'id' | 'role'>, agentId: string): Promise<AgentCapacity> {
    await this.checkBoundary(this.ctx.db, viewer, agentId);
    return this.read(agentId);
  }

  /**
   * Sets an agent's caps. A lead sets those of an agent they answer for only: another team's
   * agent answers 403 and nothing is written.
   */
  async replaceAgentCaps(
    viewer: Pick<User, 'id' | 'role'>,
    agentId: string,
    caps: AgentCaps,
  ): Promise<AgentCapacity> {
    const isSaved = await this.ctx.db.transaction().execute(async (trx) => {
      await this.checkBoundary(trx, viewer, agentId);
      return saveAgentCaps(trx, agentId, caps);
    });
    if (!isSaved) throw new AppError('not_found', 'No such agent.');
    await publishAgentsChanged(this.ctx, [agentId]);
    void this.routing.requestPass();
    return this.read(agentId);
  }

  /** A lead acts on the agents of their own team (and the unwatched); anyone else passes. */
  private async checkBoundary(
    db: Kysely<Database>,
    viewer: Pick<User, 'id' | 'role'>,
    agentId: string,
  ): Promise<void> {
    if (viewer.role !== 'lead') return;
    const [member, directory, teams] = await Promise.all([
      loadTeamMember(db, viewer.id),
      loadTeamDirectory(db),
      loadTeamsOfUsers(db, [agentId]),
    ]);
    if (!teams.has(agentId)) throw new AppError('not_found', 'No such agent.');
    const lead = { role: viewer.role, teamId: member?.teamId ?? null };
    if (!overseesAgent(lead, { teamId: teams.get(agentId) ?? null }, directory)) {
      throw new AppError('forbidden', "This agent is in another lead's team.");
    }
  }

  private async read(agentId: string): Promise<AgentCapacity> {
    const [row, centre] = await Promise.all([
      this.ctx.db
        .selectFrom('agent_states')
        .innerJoin('users', 'users.id', 'agent_states.user_id')
        .select(['user_id', 'cap_voice', 'cap_chat', 'cap_email'])
        .where('user_id', '=', agentId)
        .where('users.role', '=', 'agent')
        .executeTakeFirst(),
      loadCentreCapacity(this.ctx.db),
    ]);
    if (!row) throw new AppError('not_found', 'No such agent.');
    const caps = { voice: row.cap_voice, chat: row.cap_chat, email: row.cap_email };
    return { agentId, caps, effective: effectiveCapacity(centre, caps), centre };
  }
}
