import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Routing reads the best-ranked agents of one topic at a time (`loadAgentShortlists`): by topic,
 * highest level first. Without this index each read went through every agent's skills.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('agent_skills_topic_level_idx')
    .on('agent_skills')
    .columns(['topic', 'level desc'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('agent_skills_topic_level_idx').execute();
}
