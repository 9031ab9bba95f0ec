import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then
type AnyDb = Kysely<any>;

/**
 * A queue may set its own priority and target answer time per caller segment: the media may need
 * an answer in 30 s on the press line and 2 minutes on the general line. Without a row here a
 * queue takes the segment's default (`segments`).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('queue_segments')
    .addColumn('queue_id', 'text', (c) => c.notNull().references('queues.id').onDelete('cascade'))
    .addColumn('segment', 'text', (c) => c.notNull().references('segments.code'))
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('target_answer_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_segments_pk', ['queue_id', 'segment'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('queue_segments').execute();
}
