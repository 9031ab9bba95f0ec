import { describe, expect, it } from 'vitest';
import type { QueueRouting } from '../../shared/schemas/queue-routing';
import type { StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  startServer,
} from './harness';

const QUEUE = 'q-bansos-digital';

describe.each(STORAGE_MODES)('queue routing settings on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('lets an administrator set a queue’s own priority per segment, and routing follows it at once', async () => {
    server = await startServer(mode);
    const admin = await signIn(server.url, 'admin');
    const url = `${server.url}/api/queues/${QUEUE}/routing`;
    const before = (await getJson(url, admin)).body as QueueRouting;
    expect(before.segments).toEqual([]);
    expect(before.effective.find((s) => s.segment === 'media')).toEqual({
      segment: 'media',
      priority: 4,
      targetAnswerMs: 45_000,
      isQueueSetting: false,
    });

    // On this line the general public comes before the media (a help line for citizens).
    const replaced = await sendJson(
      url,
      'PUT',
      {
        afterContactWorkMs: before.afterContactWorkMs,
        overflowAfterMs: before.overflowAfterMs,
        overflowTopics: before.overflowTopics,
        segments: [{ segment: 'public', priority: 6, targetAnswerMs: 60_000 }],
      },
      admin,
    );
    expect(replaced.status).toBe(200);
    expect((replaced.body as QueueRouting).effective.find((s) => s.segment === 'public')).toEqual({
      segment: 'public',
      priority: 6,
      targetAnswerMs: 60_000,
      isQueueSetting: true,
    });

    const agent = await connect('agent1');
    const media = await postInbound(
      server.url,
      inboundContact({ segment: 'media', from: '081266660001' }),
    );
    const citizen = await postInbound(
      server.url,
      inboundContact({ segment: 'public', from: '081266660002' }),
    );
    await agent.sendOk('agent:set-status', { status: 'available' });
    const first = await agent.next('offer:created');
    expect(first.contact.id).toBe(citizen.body.contactId);
    await agent.sendOk('offer:accept', { offerId: first.id });
    const second = await agent.next('offer:created');
    expect(second.contact.id).toBe(media.body.contactId);
  });

  it('refuses bad settings naming each field, non-administrators, and unknown queues', async () => {
    server = await startServer(mode);
    const admin = await signIn(server.url, 'admin');
    const lead = await signIn(server.url, 'lead1');
    const url = `${server.url}/api/queues/${QUEUE}/routing`;
    const valid = {
      afterContactWorkMs: 0,
      overflowAfterMs: null,
      overflowTopics: [],
      segments: [],
    };
    expect((await sendJson(url, 'PUT', valid, lead)).status).toBe(403);
    expect(
      (await sendJson(`${server.url}/api/queues/q-nope/routing`, 'PUT', valid, admin)).status,
    ).toBe(404);

    const bad = await sendJson(
      url,
      'PUT',
      {
        afterContactWorkMs: -1,
        overflowAfterMs: 120_000,
        overflowTopics: [],
        segments: [
          { segment: 'media', priority: 0, targetAnswerMs: 1_000 },
          { segment: 'media', priority: 3, targetAnswerMs: 30_000 },
        ],
      },
      admin,
    );
    expect(bad.status).toBe(400);
    const paths = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.afterContactWorkMs',
        'body.segments.0.priority',
        'body.segments.0.targetAnswerMs',
        'body.segments',
      ]),
    );
    const unknownTopic = await sendJson(
      url,
      'PUT',
      { ...valid, overflowTopics: ['umum', 'astrologi'] },
      admin,
    );
    expect(unknownTopic.status).toBe(400);
    expect(unknownTopic.body.error).toMatchObject({
      fields: [{ path: 'body.overflowTopics.1' }],
    });
    // Nothing of the refused requests was written.
    const after = (await getJson(url, admin)).body as QueueRouting;
    expect(after.segments).toEqual([]);
    expect(after.overflowTopics).toEqual(['umum']);
  });
});
