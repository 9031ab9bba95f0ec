import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsPeriodAt, tallyContacts, windowMetrics } from '../../../shared/domain/metrics';
import { SEGMENT_CODES, type SegmentCode } from '../../../shared/schemas/common';
import { loadConfig } from '../../config/config';
import { createRecordingPublisher } from '../../realtime/publisher';
import { DEFAULT_SEGMENTS, GENERAL_QUEUE } from '../../seed/base-data';
import { seedBaseData } from '../../seed/seed';
import { migrateToLatest, openStore, type Store } from '../../store/database';
import { loadQueueMetrics } from './metrics';
import { QueueMetricsService } from './metrics-service';

const ZONE = 'Asia/Jakarta';
const M = 60_000;
/** 10:47 WIB on 12 March 2026. */
const NOW = Date.UTC(2026, 2, 12, 3, 47);
/** The general queue sets its own target for the media (queue_segments); the rest are defaults. */
const MEDIA_TARGET_ON_GENERAL_QUEUE = 17_000;
const TARGETS = {
  ...(Object.fromEntries(DEFAULT_SEGMENTS.map((s) => [s.code, s.targetAnswerMs])) as Record<
    SegmentCode,
    number
  >),
  media: MEDIA_TARGET_ON_GENERAL_QUEUE,
};

let store: Store;

beforeAll(async () => {
  store = openStore({ dataDir: ':memory:' });
  await migrateToLatest(store);
  await seedBaseData(store.db, NOW);
  await store.db
    .insertInto('queue_segments')
    .values({
      queue_id: GENERAL_QUEUE.id,
      segment: 'media',
      priority: 4,
      target_answer_ms: MEDIA_TARGET_ON_GENERAL_QUEUE,
    })
    .execute();
  await store.db
    .insertInto('citizens')
    .values({ id: 'z1', name: 'Warga', address: '6281200000000', segment: 'public', created_at: 0 })
    .execute();
});

afterAll(async () => {
  await store.close();
});

interface Generated {
  segment: SegmentCode;
  arrivedAt: number;
  outcome: 'waiting' | 'answered' | 'abandoned' | 'after_hours';
  waitMs: number;
}

const contactArbitrary = fc.record({
  segment: fc.constantFrom(...SEGMENT_CODES),
  // From the day before to now: some arrive yesterday, some before this interval, some in it.
  arrivedAt: fc.integer({ min: NOW - 24 * 60 * M, max: NOW }),
  outcome: fc.constantFrom(
    'waiting' as const,
    'answered' as const,
    'abandoned' as const,
    'after_hours' as const,
  ),
  waitMs: fc.integer({ min: 0, max: 10 * M }),
});

describe('loadQueueMetrics (SQL) agrees with tallyContacts (the definition)', () => {
  it('for any set of contacts around the day and the interval', async () => {
    const period = metricsPeriodAt(NOW, ZONE, 30);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(contactArbitrary, { maxLength: 40 }), async (generated) => {
        run += 1;
        await store.db.deleteFrom('contacts').execute();
        const rows = generated.map((g: Generated, i) => {
          // Nothing happens after now.
          const eventAt = Math.min(g.arrivedAt + g.waitMs, NOW);
          return {
            id: `c${run}-${i}`,
            reference: `R${run}-${i}`,
            channel: 'voice',
            external_id: `x${run}-${i}`,
            citizen_id: 'z1',
            queue_id: GENERAL_QUEUE.id,
            topic: 'umum',
            segment: g.segment,
            preview: '',
            status: g.outcome === 'waiting' ? 'waiting' : 'closed',
            arrived_at: g.arrivedAt,
            assigned_agent_id: null,
            accepted_at: g.outcome === 'answered' ? eventAt : null,
            answered_at: g.outcome === 'answered' ? eventAt : null,
            closed_at:
              g.outcome === 'waiting' ? null : g.outcome === 'after_hours' ? g.arrivedAt : eventAt,
            abandoned_at: g.outcome === 'abandoned' ? eventAt : null,
            closed_reason: g.outcome === 'after_hours' ? 'after_hours' : null,
            version: 1,
          };
        });
        if (rows.length > 0) await store.db.insertInto('contacts').values(rows).execute();
        const times = rows.map((row) => ({
          segment: row.segment as SegmentCode,
          arrivedAt: row.arrived_at,
          answeredAt: row.answered_at,
          abandonedAt: row.abandoned_at,
          targetAnswerMs: TARGETS[row.segment as SegmentCode],
          isAfterHours: row.closed_reason === 'after_hours',
        }));
        const window = (from: number) =>
          windowMetrics(
            Object.fromEntries(
              SEGMENT_CODES.map((segment) => [
                segment,
                tallyContacts(
                  times.filter((t) => t.segment === segment),
                  from,
                ),
              ]),
            ),
          );
        const metrics = await loadQueueMetrics(store.db, period);
        const expected = {
          interval: window(period.intervalStartedAt),
          day: window(period.dayStartedAt),
        };
        // A queue with nothing today has no row; the queue state fills in zeros for it.
        expect(
          metrics.get(GENERAL_QUEUE.id) ?? {
            queueId: GENERAL_QUEUE.id,
            interval: windowMetrics({}),
            day: windowMetrics({}),
          },
        ).toEqual({ queueId: GENERAL_QUEUE.id, ...expected });
      }),
      { numRuns: 40 },
    );
  });
});

describe('QueueMetricsService', () => {
  function service(clock: { now: () => number }) {
    const publisher = createRecordingPublisher();
    const metrics = new QueueMetricsService({
      db: store.db,
      config: loadConfig({ TIME_ZONE: ZONE, METRICS_INTERVAL_MINUTES: '30' }),
      clock,
      publisher,
      log: pino({ level: 'silent' }),
    });
    return { metrics, published: publisher.published };
  }

  const lead = { id: 'u-lead', role: 'lead' } as const;

  beforeAll(async () => {
    // Two agents with the general skill share one push; one with no skill for any queue gets none.
    for (const [id, skills] of [
      ['a-general-1', ['umum']],
      ['a-general-2', ['umum']],
      ['a-unskilled', []],
    ] as const) {
      await store.db
        .insertInto('users')
        .values({
          id,
          username: id,
          display_name: id,
          role: 'agent',
          is_trainee: 0,
          team_id: null,
          password_hash: '-',
          created_at: 0,
        })
        .execute();
      for (const topic of skills) {
        await store.db
          .insertInto('agent_skills')
          .values({ user_id: id, topic, level: 2 })
          .execute();
      }
    }
  });

  it('pushes every segment to leads and trainers, their own queues’ totals to agents, and answers a snapshot by role', async () => {
    await store.db.deleteFrom('contacts').execute();
    const { metrics, published } = service({ now: () => NOW });
    const full = await metrics.current(lead);
    expect(published.map((p) => p.to)).toEqual([
      ['role:leads', 'role:trainers'],
      ['user:a-general-1', 'user:a-general-2'],
    ]);
    expect(published[0]?.fact).toEqual(full);
    const forAgents = published[1]?.fact as typeof full;
    expect(forAgents.version).toBe(full.version);
    expect(forAgents.queues.map((q) => q.queueId)).toEqual([GENERAL_QUEUE.id]);
    const general = full.queues.find((q) => q.queueId === GENERAL_QUEUE.id);
    expect(forAgents.queues[0]?.interval).toEqual({ total: general?.interval.total });
    expect(full.queues[0]?.interval.bySegment?.official.offered).toBe(0);
    const asAgent = await metrics.current({ id: 'a-general-1', role: 'agent' });
    expect(asAgent.queues.map((q) => q.queueId)).toEqual([GENERAL_QUEUE.id]);
    expect(asAgent.queues[0]?.day.bySegment).toBeUndefined();
    expect((await metrics.current({ id: 'a-unskilled', role: 'agent' })).queues).toEqual([]);
    expect(
      (await metrics.current({ id: 'u-trainer', role: 'trainer' })).queues[0]?.day.bySegment,
    ).toBeDefined();
  });

  it('pushes a change at once after a quiet second, and a burst at most once a second', async () => {
    let now = NOW;
    const { metrics, published } = service({ now: () => now });
    await metrics.current(lead);
    const pushes = () => published.filter((p) => p.to.includes('role:leads')).length;
    expect(pushes()).toBe(1);
    now += 1_000;
    metrics.changed();
    metrics.changed();
    await new Promise((resolve) => setImmediate(resolve));
    await metrics.tick(); // waits for the push under way
    expect(pushes()).toBe(2);
    now += 200;
    metrics.changed(); // within the second: left to the job
    await new Promise((resolve) => setImmediate(resolve));
    expect(pushes()).toBe(2);
    await metrics.tick();
    expect(pushes()).toBe(3);
    await metrics.tick(); // nothing pending
    expect(pushes()).toBe(3);
  });

  it('settles: a change scheduled before shutdown is pushed before the database closes', async () => {
    const { metrics, published } = service({ now: () => NOW });
    metrics.changed();
    await metrics.settled();
    expect(published).toHaveLength(2);
    await metrics.settled(); // nothing pending: at once
  });

  it('rolls over to a new interval even when nothing happens', async () => {
    let now = Date.UTC(2026, 2, 12, 3, 29, 59); // 10:29:59 WIB
    const { metrics, published } = service({ now: () => now });
    const first = await metrics.current(lead);
    expect(first.period).toMatchObject({
      intervalStartedAt: Date.UTC(2026, 2, 12, 3, 0),
      intervalEndsAt: Date.UTC(2026, 2, 12, 3, 30),
      intervalMinutes: 30,
      timeZone: ZONE,
    });
    await metrics.tick();
    expect(published).toHaveLength(2); // the first computation only (leads and agents)

    now = Date.UTC(2026, 2, 12, 3, 30);
    await metrics.tick();
    const rolled = await metrics.current(lead);
    expect(published).toHaveLength(4);
    expect(rolled.version).toBeGreaterThan(first.version);
    expect(rolled.period.intervalStartedAt).toBe(now);
    expect(published[2]).toMatchObject({ name: 'queue:metrics-changed' });
  });
});
