import { beforeEach, describe, expect, it } from 'vitest';
import { metricsPeriodAt, windowMetrics } from '../../shared/domain/metrics';
import type { QueueMetricsState } from '../../shared/schemas/queue-metrics';
import { T0 } from '../testing/fixtures';
import { currentFactSeq, useLiveStore } from './live-store';

const store = useLiveStore;

function metrics(version: number, offered: number): QueueMetricsState {
  const counts = {
    offered,
    answered: 0,
    abandoned: 0,
    answeredInTarget: 0,
    abandonedAfterTarget: 0,
    answerWaitMs: 0,
  };
  return {
    version,
    at: T0,
    period: metricsPeriodAt(T0, 'Asia/Jakarta', 30),
    queues: [
      {
        queueId: 'q-bansos',
        interval: windowMetrics({ public: counts }),
        day: windowMetrics({ public: counts }),
      },
    ],
  };
}

const offered = () => store.getState().queueMetrics?.queues[0]?.day.total.offered;

beforeEach(() => {
  store.getState().reset();
});

describe('live queue metrics', () => {
  it('keeps the newest pushed metrics and drops stale ones', () => {
    store.getState().ingestFact({ name: 'queue:metrics-changed', fact: metrics(2, 5) });
    store.getState().ingestFact({ name: 'queue:metrics-changed', fact: metrics(1, 3) });
    expect(offered()).toBe(5);
    store.getState().ingestFact({ name: 'queue:metrics-changed', fact: metrics(3, 6) });
    expect(offered()).toBe(6);
  });

  it('a snapshot replaces what is held (versions restart with the server), then newer facts apply', () => {
    store.getState().ingestFact({ name: 'queue:metrics-changed', fact: metrics(40, 9) });
    const since = currentFactSeq();
    store.getState().ingestFact({ name: 'queue:metrics-changed', fact: metrics(2, 4) });
    // The snapshot was requested before fact v2 arrived: v2 is replayed over it.
    store.getState().hydrateQueueMetrics(metrics(1, 1), since);
    expect(offered()).toBe(4);
    store.getState().reset();
    expect(store.getState().queueMetrics).toBeNull();
  });
});
