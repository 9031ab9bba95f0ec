import { z } from 'zod';
import { EpochMsSchema, SegmentCodeSchema } from './common';

const CountSchema = z.number().int().nonnegative();

/**
 * What happened in one window (the current interval or the day so far), for one queue and
 * segment or summed over several. Each contact counts in the window where the event happened:
 * `offered` by arrival, `answered` by acceptance, `abandoned` by the time the caller hung up.
 * Formulas: docs/metrics.md and shared/domain/metrics.ts.
 */
export const MetricCountsSchema = z.object({
  /** Contacts that arrived. */
  offered: CountSchema,
  /** Contacts an agent accepted (or a lead assigned). */
  answered: CountSchema,
  /** Voice contacts whose caller hung up while waiting or offered. */
  abandoned: CountSchema,
  /** Answered with a wait at most the segment's target answer time. */
  answeredInTarget: CountSchema,
  /** Abandoned after waiting longer than the segment's target answer time. */
  abandonedAfterTarget: CountSchema,
  /** Sum of the waits (acceptance − arrival) of the answered contacts, in milliseconds. */
  answerWaitMs: CountSchema,
});
export type MetricCounts = z.infer<typeof MetricCountsSchema>;

/** Counts with the figures derived from them; a figure is null when it has nothing to divide by. */
export const MetricFiguresSchema = MetricCountsSchema.extend({
  /** answeredInTarget / (answered + abandonedAfterTarget), a fraction 0–1. */
  serviceLevel: z.number().min(0).max(1).nullable(),
  /** Average speed of answer: answerWaitMs / answered, in whole milliseconds. */
  averageSpeedOfAnswerMs: CountSchema.nullable(),
  /** abandoned / (answered + abandoned), a fraction 0–1. */
  abandonRate: z.number().min(0).max(1).nullable(),
});
export type MetricFigures = z.infer<typeof MetricFiguresSchema>;

/**
 * One window of one queue: the total and, for leads, admins and trainers, every segment (all five,
 * zeros included). Agents get the totals only, which keeps the push to every agent small.
 */
export const WindowMetricsSchema = z.object({
  total: MetricFiguresSchema,
  bySegment: z.record(SegmentCodeSchema, MetricFiguresSchema).optional(),
});
export type WindowMetrics = z.infer<typeof WindowMetricsSchema>;

export const QueueMetricsSchema = z.object({
  queueId: z.string(),
  interval: WindowMetricsSchema,
  day: WindowMetricsSchema,
});
export type QueueMetrics = z.infer<typeof QueueMetricsSchema>;

/** The windows the metrics cover, in the contact center's time zone. */
export const MetricsPeriodSchema = z.object({
  /** Start of the current interval (intervals are aligned to local midnight). */
  intervalStartedAt: EpochMsSchema,
  intervalEndsAt: EpochMsSchema,
  intervalMinutes: z.number().int().positive(),
  /** Local midnight of today. */
  dayStartedAt: EpochMsSchema,
  timeZone: z.string(),
});
export type MetricsPeriod = z.infer<typeof MetricsPeriodSchema>;

/**
 * Live metrics of every queue (`queue:metrics-changed`, `GET /api/queue-metrics`). Pushed when
 * contacts changed, at most once a second, and when a new interval begins. `version` grows within
 * one server run, like the queue state's.
 */
export const QueueMetricsStateSchema = z.object({
  version: z.number().int().nonnegative(),
  at: EpochMsSchema,
  period: MetricsPeriodSchema,
  queues: z.array(QueueMetricsSchema),
});
export type QueueMetricsState = z.infer<typeof QueueMetricsStateSchema>;
