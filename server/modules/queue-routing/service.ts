import type { QueueRouting, QueueRoutingSettings } from '../../../shared/schemas/queue-routing';
import type { SegmentCode } from '../../../shared/schemas/common';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import type { QueueStateService } from '../queue-state/service';
import type { QueueMetricsService } from '../queue-state/metrics-service';
import type { RoutingService } from '../routing/service';

/**
 * How each queue routes: wrap-up time, overflow, and its own priority and target answer time per
 * caller segment. Read by staff, replaced whole by administrators; it applies to the next routing
 * pass, contacts already waiting included (their wait is measured against the new target).
 */
export class QueueRoutingService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueMetrics: QueueMetricsService,
    private readonly queueState: QueueStateService,
  ) {}

  async settings(queueId: string): Promise<QueueRouting> {
    const { db } = this.ctx;
    const queue = await db
      .selectFrom('queues')
      .select(['id', 'after_contact_work_ms', 'overflow_after_ms', 'overflow_topics'])
      .where('id', '=', queueId)
      .executeTakeFirst();
    if (!queue) throw new AppError('not_found', `No queue ${queueId}.`);
    const [segments, own] = await Promise.all([
      db.selectFrom('segments').selectAll().orderBy('priority', 'desc').execute(),
      db.selectFrom('queue_segments').selectAll().where('queue_id', '=', queueId).execute(),
    ]);
    const ownBySegment = new Map(own.map((row) => [row.segment, row]));
    return {
      queueId,
      afterContactWorkMs: queue.after_contact_work_ms,
      overflowAfterMs: queue.overflow_after_ms,
      overflowTopics: JSON.parse(queue.overflow_topics) as string[],
      segments: own.map((row) => ({
        segment: row.segment as SegmentCode,
        priority: row.priority,
        targetAnswerMs: row.target_answer_ms,
      })),
      effective: segments.map((segment) => {
        const set = ownBySegment.get(segment.code);
        return {
          segment: segment.code as SegmentCode,
          priority: set?.priority ?? segment.priority,
          targetAnswerMs: set?.target_answer_ms ?? segment.target_answer_ms,
          isQueueSetting: set !== undefined,
        };
      }),
    };
  }

  async replace(queueId: string, settings: QueueRoutingSettings, by: User): Promise<QueueRouting> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const queue = await trx
        .selectFrom('queues')
        .select('id')
        .where('id', '=', queueId)
        .executeTakeFirst();
      if (!queue) throw new AppError('not_found', `No queue ${queueId}.`);
      const topics = new Set(
        (await trx.selectFrom('topics').select('code').execute()).map((row) => row.code),
      );
      const unknown = settings.overflowTopics.flatMap((topic, index) =>
        topics.has(topic)
          ? []
          : [{ path: `body.overflowTopics.${index}`, message: `no topic "${topic}"` }],
      );
      if (unknown.length > 0) throw new AppError('invalid_payload', 'Unknown topics.', unknown);
      await trx
        .updateTable('queues')
        .set({
          after_contact_work_ms: settings.afterContactWorkMs,
          overflow_after_ms: settings.overflowAfterMs,
          overflow_topics: JSON.stringify(settings.overflowTopics),
        })
        .where('id', '=', queueId)
        .execute();
      await trx.deleteFrom('queue_segments').where('queue_id', '=', queueId).execute();
      if (settings.segments.length > 0) {
        await trx
          .insertInto('queue_segments')
          .values(
            settings.segments.map((segment) => ({
              queue_id: queueId,
              segment: segment.segment,
              priority: segment.priority,
              target_answer_ms: segment.targetAnswerMs,
            })),
          )
          .execute();
      }
    });
    this.ctx.log.info({ queueId, by: by.id }, 'queue routing replaced');
    // New priorities and targets change who is served next and what counts as in target.
    void this.routing.requestPass();
    this.queueMetrics.changed();
    // Overflow topics change which agents serve the queue, so whose desk shows it.
    void this.queueState.coverageChanged();
    return this.settings(queueId);
  }
}
