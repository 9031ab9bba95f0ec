import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metricsPeriodAt, windowMetrics } from '../../shared/domain/metrics';
import type { MetricCounts, QueueMetricsState } from '../../shared/schemas/queue-metrics';
import { DEMO_INBOUND_API_KEY } from '../../server/config/config';
import {
  STORAGE_MODES,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  sleep,
  startServer,
  type StorageMode,
  type TestServer,
  clientsPerTest,
} from './harness';

const INTERVAL_MINUTES = 30;

/**
 * A zone where now is not in the day's first interval (so "earlier today, before this interval"
 * exists), waiting out an interval boundary that is about to pass. WIB, WITA and WIT are an hour
 * apart, so at most one of them is in its first half hour.
 */
async function quietZone(): Promise<string> {
  for (;;) {
    const now = Date.now();
    const zone = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'].find((z) => {
      const period = metricsPeriodAt(now, z, INTERVAL_MINUTES);
      return period.intervalStartedAt > period.dayStartedAt;
    })!;
    const period = metricsPeriodAt(now, zone, INTERVAL_MINUTES);
    if (period.intervalEndsAt - now > 20_000) return zone;
    await sleep(period.intervalEndsAt - now + 100);
  }
}

function counts(partial: Partial<MetricCounts>): MetricCounts {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    answeredInTarget: 0,
    abandonedAfterTarget: 0,
    answerWaitMs: 0,
    ...partial,
  };
}

async function endCall(url: string, callId: string): Promise<void> {
  const response = await fetch(`${url}/api/inbound/voice-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INBOUND_API_KEY },
    body: JSON.stringify({ callId, event: 'ended', eventId: randomUUID() }),
  });
  expect(response.status).toBe(200);
}

describe.each(STORAGE_MODES)('live queue metrics on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('after a scripted day, the figures pushed to a lead match the hand count, per queue and segment, for the interval and the day', async () => {
    const timeZone = await quietZone();
    server = await startServer(mode, {
      env: { TIME_ZONE: timeZone, METRICS_INTERVAL_MINUTES: String(INTERVAL_MINUTES) },
    });
    const { db } = server.app.store;
    // Targets are configuration: officials and the media 10 s, the public 300 ms, so that a
    // short sleep makes a public contact late and a prompt accept keeps an official one in time.
    await db.updateTable('segments').set({ target_answer_ms: 10_000 }).execute();
    await db
      .updateTable('segments')
      .set({ target_answer_ms: 300 })
      .where('code', '=', 'public')
      .execute();

    const lead = await connect('lead1');
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');

    // G: earlier today, before this interval: answered after 60 s (late). Counts for the day only.
    const period = metricsPeriodAt(Date.now(), timeZone, INTERVAL_MINUTES);
    const seeded = await postInbound(server.url, inboundContact({ channel: 'webchat' }));
    await db
      .updateTable('contacts')
      .set({
        queue_id: 'q-bansos-digital',
        segment: 'public',
        status: 'closed',
        arrived_at: period.intervalStartedAt - 120_000,
        accepted_at: period.intervalStartedAt - 60_000,
        answered_at: period.intervalStartedAt - 60_000,
        closed_at: period.intervalStartedAt - 30_000,
      })
      .where('id', '=', seeded.body.contactId as string)
      .execute();

    // Calls in q-bansos-suara: A (official) answered in time, C (official) hung up at once,
    // B (public) hung up after its target. Chats: D (public, q-bansos-digital) answered late;
    // F (media, q-adminduk) still waiting.
    const call = async (segment: 'official' | 'public') => {
      const body = inboundContact({
        channel: 'voice',
        text: '',
        segment,
        from: `0812${Math.random()}`.slice(0, 14),
      });
      const created = await postInbound(server.url, body);
      return { callId: body.externalId, contactId: created.body.contactId as string };
    };
    const a = await call('official');
    const c = await call('official');
    const b = await call('public');
    const d = await postInbound(
      server.url,
      inboundContact({ segment: 'public', from: '081277770001' }),
    );
    await postInbound(
      server.url,
      inboundContact({ topic: 'adminduk', segment: 'media', from: '081277770002' }),
    );
    await endCall(server.url, c.callId);
    await sleep(400);
    await endCall(server.url, b.callId);

    await agent1.sendOk('agent:set-status', { status: 'available' });
    const offerA = await agent1.next('offer:created', (o) => o.contact.id === a.contactId);
    const acceptedA = await agent1.sendOk('offer:accept', { offerId: offerA.id });
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const offerD = await agent2.next('offer:created', (o) => o.contact.id === d.body.contactId);
    const acceptedD = await agent2.sendOk('offer:accept', { offerId: offerD.id });
    const waitA = acceptedA.contact.acceptedAt! - acceptedA.contact.arrivedAt;
    const waitD = acceptedD.contact.acceptedAt! - acceptedD.contact.arrivedAt;
    expect(waitA).toBeLessThan(10_000);
    expect(waitD).toBeGreaterThan(300);

    // Hand count.
    const voiceWindow = windowMetrics({
      official: counts({
        offered: 2,
        answered: 1,
        answeredInTarget: 1,
        answerWaitMs: waitA,
        abandoned: 1,
      }),
      public: counts({ offered: 1, abandoned: 1, abandonedAfterTarget: 1 }),
    });
    const expected = {
      'q-bansos-suara': { interval: voiceWindow, day: voiceWindow },
      'q-bansos-digital': {
        interval: windowMetrics({
          public: counts({ offered: 1, answered: 1, answerWaitMs: waitD }),
        }),
        day: windowMetrics({
          public: counts({ offered: 2, answered: 2, answerWaitMs: waitD + 60_000 }),
        }),
      },
      'q-adminduk': {
        interval: windowMetrics({ media: counts({ offered: 1 }) }),
        day: windowMetrics({ media: counts({ offered: 1 }) }),
      },
    };
    // The derived figures, by hand too.
    expect(voiceWindow.total).toMatchObject({
      serviceLevel: 1 / (1 + 1),
      averageSpeedOfAnswerMs: waitA,
      abandonRate: 2 / 3,
    });
    expect(voiceWindow.bySegment.official).toMatchObject({ serviceLevel: 1, abandonRate: 1 / 2 });
    expect(voiceWindow.bySegment.public).toMatchObject({
      serviceLevel: 0,
      averageSpeedOfAnswerMs: null,
      abandonRate: 1,
    });
    expect(expected['q-bansos-digital'].day.total).toMatchObject({
      serviceLevel: 0,
      averageSpeedOfAnswerMs: Math.round((waitD + 60_000) / 2),
      abandonRate: 0,
    });

    const matches = (state: QueueMetricsState) =>
      Object.entries(expected).every(([queueId, metrics]) => {
        const figures = state.queues.find((q) => q.queueId === queueId);
        return JSON.stringify(figures) === JSON.stringify({ queueId, ...metrics });
      });
    // Pushed, not polled: the lead's socket gets metrics with exactly these figures.
    const pushed = await lead.next('queue:metrics-changed', matches, 10_000).catch(() => undefined);
    const latest = (
      await getJson(`${server.url}/api/queue-metrics`, await signIn(server.url, 'lead1'))
    ).body as QueueMetricsState;
    for (const [queueId, metrics] of Object.entries(expected)) {
      expect(
        latest.queues.find((q) => q.queueId === queueId),
        queueId,
      ).toEqual({ queueId, ...metrics });
    }
    expect(pushed, 'pushed metrics with the expected figures').toBeDefined();
    expect(pushed!.period).toEqual(metricsPeriodAt(pushed!.at, timeZone, INTERVAL_MINUTES));
    const untouched = pushed!.queues.find((q) => q.queueId === 'q-pajak-suara')!;
    expect(untouched.day.total).toMatchObject({ offered: 0, serviceLevel: null });

    // Agents get the same totals without the segments.
    const forAgent = await agent1.next(
      'queue:metrics-changed',
      (state) => state.version >= pushed!.version,
      5_000,
    );
    const agentVoice = forAgent.queues.find((q) => q.queueId === 'q-bansos-suara')!;
    expect(agentVoice).toEqual({
      queueId: 'q-bansos-suara',
      interval: { total: voiceWindow.total },
      day: { total: voiceWindow.total },
    });
    const asAgent = await getJson(
      `${server.url}/api/queue-metrics`,
      await signIn(server.url, 'agent1'),
    );
    expect(
      (asAgent.body as QueueMetricsState).queues.every((q) => q.day.bySegment === undefined),
    ).toBe(true);
  });
});
