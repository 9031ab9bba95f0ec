import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * Publication and the policy feedback loop (docs/policies.md): the policy catalog with links to
 * knowledge answers and scripts, campaigns that prompt agents, share marks per contact and policy,
 * understanding feedback written with the outcome, questions an editor approved for the public
 * FAQ, and weekly digests per owning unit (one per unit and week, so nodes never double-generate).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plain_summary', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'bigint', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // draft → published → retired
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addColumn('retired_at', 'bigint')
    // For the owners only; never public.
    .addColumn('internal_note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_links')
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    // `answer` or `script`
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_links_pk', ['policy_id', 'kind', 'item_id'])
    .execute();
  await db.schema
    .createTable('policy_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'bigint', (c) => c.notNull())
    .addColumn('ends_at', 'bigint')
    .addColumn('stopped_at', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_shares')
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('policy_campaigns.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('is_shared', 'integer', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_shares_pk', ['contact_id', 'policy_id'])
    .execute();
  await db.schema
    .createIndex('policy_shares_policy_idx')
    .on('policy_shares')
    .columns(['policy_id', 'at'])
    .execute();
  await db.schema
    .createTable('policy_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('outcomes.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('understanding', 'text', (c) => c.notNull())
    // The citizen's words with numbers and addresses masked; null when none was asked.
    .addColumn('question', 'text')
    .addColumn('tag', 'text')
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('policy_feedback_contact_policy', ['contact_id', 'policy_id'])
    .execute();
  await db.schema
    .createIndex('policy_feedback_policy_idx')
    .on('policy_feedback')
    .columns(['policy_id', 'at'])
    .execute();
  await db.schema
    .createTable('policy_public_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('policy_id', 'text', (c) => c.notNull().references('policies.id'))
    // Written or approved by an editor: never raw citizen words.
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answer_id', 'text')
    .addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('approved_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_digests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // The Monday (YYYY-MM-DD, centre time zone) of the week it covers.
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'bigint', (c) => c.notNull())
    // JSON PolicyDigestContent.
    .addColumn('content', 'text', (c) => c.notNull())
    .addUniqueConstraint('policy_digests_unit_week', ['unit_id', 'week_start'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'policy_digests',
    'policy_public_questions',
    'policy_feedback',
    'policy_shares',
    'policy_campaigns',
    'policy_links',
    'policies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
