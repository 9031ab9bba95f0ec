/**
 * Queue metrics shaped like the contract, for client tests and the msw handlers. Never imported
 * by product code.
 */
import {
  emptyCounts,
  metricsPeriodAt,
  windowMetrics,
  withoutSegments,
} from '../../shared/domain/metrics';
import type { MetricCounts, QueueMetricsState } from '../../shared/schemas/queue-metrics';
import { T0 } from './fixtures';

/** q-bansos this interval: official 10 answered (9 in target), public 8 answered, 2 abandoned late. */
export function aQueueMetricsState(
  options: { version?: number; forAgent?: boolean } = {},
): QueueMetricsState {
  const official: MetricCounts = {
    ...emptyCounts(),
    offered: 10,
    answered: 10,
    answeredInTarget: 9,
    answerWaitMs: 10 * 12_000,
  };
  const pub: MetricCounts = {
    ...emptyCounts(),
    offered: 11,
    answered: 8,
    answeredInTarget: 4,
    abandoned: 2,
    abandonedAfterTarget: 2,
    answerWaitMs: 8 * 150_000,
  };
  const interval = windowMetrics({ official, public: pub });
  const day = windowMetrics({
    official: {
      ...official,
      offered: 40,
      answered: 40,
      answeredInTarget: 39,
      answerWaitMs: 40 * 10_000,
    },
    public: pub,
  });
  return {
    version: options.version ?? 1,
    at: T0,
    period: metricsPeriodAt(T0, 'Asia/Jakarta', 30),
    queues: [
      options.forAgent
        ? { queueId: 'q-bansos', interval: withoutSegments(interval), day: withoutSegments(day) }
        : { queueId: 'q-bansos', interval, day },
    ],
  };
}
