import { sql, type Kysely } from 'kysely';
import { emptyCounts, metricsPeriodAt, windowMetrics } from '../../../shared/domain/metrics';
import type { SegmentCode } from '../../../shared/schemas/common';
import type {
  MetricCounts,
  MetricsPeriod,
  QueueMetrics,
  QueueMetricsState,
} from '../../../shared/schemas/queue-metrics';
import type { Database } from '../../store/schema';

type BySegment = Partial<Record<SegmentCode, MetricCounts>>;

/** PostgreSQL sums come back as numeric strings; SQLite's as numbers. */
const n = (value: unknown): number => Number(value ?? 0);

/**
 * The metrics of every queue over the current interval and the day, by SQL aggregates that follow
 * `tallyContacts` (shared/domain/metrics.ts): each contact is counted where its arrival, answer or
 * abandon happened. Three range scans of today's rows on the time indexes of migration 0004.
 */
/** The queue's own target answer time for the segment, else the segment's default. */
const target = sql<number>`coalesce(${sql.ref('queue_segments.target_answer_ms')}, ${sql.ref('segments.target_answer_ms')})`;

export async function loadQueueMetrics(
  db: Kysely<Database>,
  period: MetricsPeriod,
): Promise<Map<string, QueueMetrics>> {
  const day = period.dayStartedAt;
  const interval = period.intervalStartedAt;
  const [arrivals, answers, abandons] = await Promise.all([
    db
      .selectFrom('contacts')
      .select(['queue_id', 'segment'])
      .select([
        sql<number>`count(*)`.as('day_offered'),
        sql<number>`sum(case when arrived_at >= ${interval} then 1 else 0 end)`.as(
          'interval_offered',
        ),
      ])
      .where('arrived_at', '>=', day)
      // After-hours contacts were answered by the closed queue, never offered to it.
      .where((eb) =>
        eb.or([eb('closed_reason', 'is', null), eb('closed_reason', '!=', 'after_hours')]),
      )
      .groupBy(['queue_id', 'segment'])
      .execute(),
    db
      .selectFrom('contacts')
      .innerJoin('segments', 'segments.code', 'contacts.segment')
      .leftJoin('queue_segments', (join) =>
        join
          .onRef('queue_segments.queue_id', '=', 'contacts.queue_id')
          .onRef('queue_segments.segment', '=', 'contacts.segment'),
      )
      .select(['contacts.queue_id', 'contacts.segment'])
      .select(({ ref }) => {
        const wait = sql<number>`${ref('contacts.answered_at')} - ${ref('contacts.arrived_at')}`;
        const inTarget = sql`${wait} <= ${target}`;
        const inInterval = sql`${ref('contacts.answered_at')} >= ${interval}`;
        return [
          sql<number>`count(*)`.as('day_answered'),
          sql<number>`sum(${wait})`.as('day_wait'),
          sql<number>`sum(case when ${inTarget} then 1 else 0 end)`.as('day_in_target'),
          sql<number>`sum(case when ${inInterval} then 1 else 0 end)`.as('interval_answered'),
          sql<number>`sum(case when ${inInterval} then ${wait} else 0 end)`.as('interval_wait'),
          sql<number>`sum(case when ${inInterval} and ${inTarget} then 1 else 0 end)`.as(
            'interval_in_target',
          ),
        ];
      })
      .where('contacts.answered_at', '>=', day)
      .groupBy(['contacts.queue_id', 'contacts.segment'])
      .execute(),
    db
      .selectFrom('contacts')
      .innerJoin('segments', 'segments.code', 'contacts.segment')
      .leftJoin('queue_segments', (join) =>
        join
          .onRef('queue_segments.queue_id', '=', 'contacts.queue_id')
          .onRef('queue_segments.segment', '=', 'contacts.segment'),
      )
      .select(['contacts.queue_id', 'contacts.segment'])
      .select(({ ref }) => {
        const late = sql`${ref('contacts.abandoned_at')} - ${ref('contacts.arrived_at')} > ${target}`;
        const inInterval = sql`${ref('contacts.abandoned_at')} >= ${interval}`;
        return [
          sql<number>`count(*)`.as('day_abandoned'),
          sql<number>`sum(case when ${late} then 1 else 0 end)`.as('day_late'),
          sql<number>`sum(case when ${inInterval} then 1 else 0 end)`.as('interval_abandoned'),
          sql<number>`sum(case when ${inInterval} and ${late} then 1 else 0 end)`.as(
            'interval_late',
          ),
        ];
      })
      .where('contacts.abandoned_at', '>=', day)
      .groupBy(['contacts.queue_id', 'contacts.segment'])
      .execute(),
  ]);

  const counts = new Map<string, { interval: BySegment; day: BySegment }>();
  const cell = (queueId: string, segment: string, window: 'interval' | 'day'): MetricCounts => {
    let queue = counts.get(queueId);
    if (!queue) {
      queue = { interval: {}, day: {} };
      counts.set(queueId, queue);
    }
    return (queue[window][segment as SegmentCode] ??= emptyCounts());
  };
  for (const row of arrivals) {
    cell(row.queue_id, row.segment, 'day').offered = n(row.day_offered);
    cell(row.queue_id, row.segment, 'interval').offered = n(row.interval_offered);
  }
  for (const row of answers) {
    const dayCell = cell(row.queue_id, row.segment, 'day');
    dayCell.answered = n(row.day_answered);
    dayCell.answerWaitMs = n(row.day_wait);
    dayCell.answeredInTarget = n(row.day_in_target);
    const intervalCell = cell(row.queue_id, row.segment, 'interval');
    intervalCell.answered = n(row.interval_answered);
    intervalCell.answerWaitMs = n(row.interval_wait);
    intervalCell.answeredInTarget = n(row.interval_in_target);
  }
  for (const row of abandons) {
    const dayCell = cell(row.queue_id, row.segment, 'day');
    dayCell.abandoned = n(row.day_abandoned);
    dayCell.abandonedAfterTarget = n(row.day_late);
    const intervalCell = cell(row.queue_id, row.segment, 'interval');
    intervalCell.abandoned = n(row.interval_abandoned);
    intervalCell.abandonedAfterTarget = n(row.interval_late);
  }
  return new Map(
    [...counts].map(([queueId, windows]) => [
      queueId,
      { queueId, interval: windowMetrics(windows.interval), day: windowMetrics(windows.day) },
    ]),
  );
}

/** Where the metrics windows are cut: the contact center's zone and interval length. */
export interface MetricsOptions {
  timeZone: string;
  intervalMinutes: number;
}

/** The metrics of every queue (in queue order) at `at`; queues with nothing today get zeros. */
export async function computeQueueMetrics(
  db: Kysely<Database>,
  version: number,
  at: number,
  options: MetricsOptions,
): Promise<QueueMetricsState> {
  const period = metricsPeriodAt(at, options.timeZone, options.intervalMinutes);
  const [queues, metrics] = await Promise.all([
    db.selectFrom('queues').select('id').orderBy('sort').execute(),
    loadQueueMetrics(db, period),
  ]);
  return {
    version,
    at,
    period,
    queues: queues.map(
      (queue) =>
        metrics.get(queue.id) ?? {
          queueId: queue.id,
          interval: windowMetrics({}),
          day: windowMetrics({}),
        },
    ),
  };
}
