import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyQueueStateChange } from '../../../shared/domain/queue-state-change';
import type { QueueState, QueueStateChange } from '../../../shared/schemas/queue-state';
import { loadConfig } from '../../config/config';
import { createRecordingPublisher } from '../../realtime/publisher';
import { rooms } from '../../realtime/rooms';
import { seedBaseData } from '../../seed/seed';
import { migrateToLatest, openStore, type Store } from '../../store/database';
import { REFRESH_GAP_CEILING_MS, REFRESH_GAP_FLOOR_MS } from '../../domain/refresh-pacing';
import { QueueStateService } from './service';

/** 10:47 WIB on 12 March 2026. */
const NOW = Date.UTC(2026, 2, 12, 3, 47);

let store: Store;

beforeAll(async () => {
  store = openStore({ dataDir: ':memory:' });
  await migrateToLatest(store);
  await seedBaseData(store.db, NOW);
  await store.db
    .insertInto('topics')
    .values({ code: 'pajak', label_id: 'Pajak', label_en: 'Tax' })
    .execute();
  await store.db
    .insertInto('queues')
    .values({ id: 'q-pajak', name: 'Pajak', topic: 'pajak', channels: '["webchat"]', sort: 5 })
    .execute();
  await store.db
    .insertInto('users')
    .values(
      ['u-general', 'u-tax'].map((id) => ({
        id,
        username: id,
        display_name: id,
        role: 'agent',
        is_trainee: 0,
        team_id: null,
        password_hash: 'x',
        created_at: NOW,
      })),
    )
    .execute();
  await store.db
    .insertInto('agent_skills')
    .values([
      { user_id: 'u-general', topic: 'umum', level: 2 },
      { user_id: 'u-tax', topic: 'pajak', level: 3 },
    ])
    .execute();
});

afterAll(async () => {
  await store.close();
});

function service(loopBusyShare: () => number = () => 0) {
  const publisher = createRecordingPublisher();
  const queueState = new QueueStateService(
    {
      db: store.db,
      config: loadConfig({ TIME_ZONE: 'Asia/Jakarta' }),
      clock: { now: () => NOW },
      publisher,
      log: pino({ level: 'silent' }),
    },
    loopBusyShare,
  );
  const changesTo = (room: string) =>
    publisher.published
      .filter((p) => p.name === 'queue:state-changed' && p.to.includes(room))
      .map((p) => p.fact as QueueStateChange);
  return { queueState, publisher, changesTo };
}

async function addWaiting(id: string, queueId: string) {
  await store.db
    .insertInto('citizens')
    .values({
      id: `citizen-${id}`,
      name: id,
      address: id,
      segment: 'public',
      created_at: NOW,
    })
    .execute();
  await store.db
    .insertInto('contacts')
    .values({
      id,
      reference: id,
      channel: 'webchat',
      external_id: id,
      citizen_id: `citizen-${id}`,
      queue_id: queueId,
      topic: 'umum',
      segment: 'public',
      preview: '',
      status: 'waiting',
      arrived_at: NOW - 1000,
      assigned_agent_id: null,
      accepted_at: null,
      closed_at: null,
      version: 1,
      transfer_note: null,
      transferred_by: null,
    })
    .execute();
}

describe('QueueStateService', () => {
  it('pushes each view its own queues, only what changed, to this node only', async () => {
    const { queueState, publisher, changesTo } = service();
    const tax = await queueState.viewFor({ id: 'u-tax', role: 'agent' });
    const lead = await queueState.viewFor({ id: 'u-lead', role: 'lead' });
    expect(tax.queues.map((q) => q.queueId)).toEqual(['q-pajak']);
    expect(tax.agentsByStatus).toBeUndefined();
    expect(lead.queues.map((q) => q.queueId)).toEqual(['q-pajak', 'q-umum']);
    expect(lead.agentsByStatus).toBeDefined();
    // The first publication is whole, to every view; all of it to this node's sockets only.
    expect(changesTo(rooms.user('u-tax'))).toMatchObject([{ since: null }]);
    expect(publisher.published.every((p) => p.isLocal)).toBe(true);

    publisher.published.length = 0;
    await addWaiting('c-general-1', 'q-umum');
    await queueState.changed();
    // The general queue changed: the lead and the general agent hear of it, the tax agent not.
    expect(changesTo(rooms.user('u-tax'))).toEqual([]);
    const [general] = changesTo(rooms.user('u-general'));
    expect(general).toMatchObject({ since: 1, version: 2 });
    expect(general!.queues.map((q) => q.queueId)).toEqual(['q-umum']);
    const [toLead] = changesTo(rooms.leads);
    expect(toLead!.queues.map((q) => q.queueId)).toEqual(['q-umum']);
    expect(toLead).not.toHaveProperty('agentsByStatus');
    const folded = applyQueueStateChange(lead, toLead!).state as QueueState;
    expect(folded.queues.find((q) => q.queueId === 'q-umum')?.waiting).toBe(1);
    expect(folded.queues).toEqual(
      (await queueState.viewFor({ id: 'u-lead', role: 'lead' })).queues,
    );
  });

  it('tells the other nodes of changes made here, not of those it heard from them', async () => {
    const { queueState, publisher } = service();
    await queueState.current();
    await queueState.changedElsewhere();
    expect(publisher.signals).toEqual([]);
    await addWaiting('c-general-2', 'q-umum');
    await queueState.changed();
    expect(publisher.signals).toEqual(['queue-state:changed']);
  });

  it('spaces refreshes a tenth of a second apart with a quiet loop, up to a second when saturated', async () => {
    const elapsedOfSecondRefresh = async (loopBusyShare: number) => {
      const { queueState } = service(() => loopBusyShare);
      await queueState.current();
      const started = performance.now();
      await queueState.changed();
      return performance.now() - started;
    };
    const quiet = await elapsedOfSecondRefresh(0.1);
    const saturated = await elapsedOfSecondRefresh(1);
    // Timers fire no earlier than asked; the upper bounds only keep the two apart.
    expect(quiet).toBeGreaterThanOrEqual(REFRESH_GAP_FLOOR_MS - 5);
    expect(quiet).toBeLessThan(REFRESH_GAP_CEILING_MS - 5);
    expect(saturated).toBeGreaterThanOrEqual(REFRESH_GAP_CEILING_MS - 5);
  });
});
