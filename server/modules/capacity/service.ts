import { effectiveCapacity } from '../../../shared/domain/capacity';
import type { AgentCapacity, AgentCaps, CentreCapacity } from '../../../shared/schemas/capacity';
import { publishAgentsChanged } from '../agents/publish';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { RoutingService } from '../routing/service';
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

  async agent(agentId: string): Promise<AgentCapacity> {
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

  async replaceAgentCaps(agentId: string, caps: AgentCaps): Promise<AgentCapacity> {
    const isSaved = await this.ctx.db
      .transaction()
      .execute((trx) => saveAgentCaps(trx, agentId, caps));
    if (!isSaved) throw new AppError('not_found', 'No such agent.');
    await publishAgentsChanged(this.ctx, [agentId]);
    void this.routing.requestPass();
    return this.agent(agentId);
  }
}
