import type { Kysely } from 'kysely';
import { queuesServedBy } from '../../domain/routing';
import type { Database } from '../../store/schema';
import { groupSkills } from '../agents/repository';

/**
 * The queues each agent serves (`queuesServedBy`: their skills and the queues' overflow), in queue
 * order, by agent id: what "their queues" means for the queue state and the queue metrics.
 */
export async function loadQueuesServedByAgent(
  db: Kysely<Database>,
): Promise<Map<string, string[]>> {
  const [queues, skills] = await Promise.all([
    db.selectFrom('queues').select(['id', 'topic', 'overflow_topics']).orderBy('sort').execute(),
    db
      .selectFrom('agent_skills')
      .innerJoin('users', 'users.id', 'agent_skills.user_id')
      .select(['agent_skills.user_id', 'agent_skills.topic', 'agent_skills.level'])
      .where('users.role', '=', 'agent')
      .execute(),
  ]);
  const coverage = queues.map((queue) => ({
    id: queue.id,
    topic: queue.topic,
    overflowTopics: JSON.parse(queue.overflow_topics) as string[],
  }));
  const served = new Map<string, string[]>();
  for (const [agentId, held] of groupSkills(skills)) {
    served.set(agentId, queuesServedBy(held, coverage));
  }
  return served;
}
