import { SessionAwareAdapter, type Room } from 'socket.io-adapter';
import { describe, expect, it } from 'vitest';
import { CompactRecoveryAdapter } from './recovery-adapter';

const EVENT = 2;

function fakeNamespace() {
  return {
    name: '/',
    sockets: new Map(),
    server: {
      encoder: { encode: (packet: unknown) => [JSON.stringify(packet)] },
      opts: { connectionStateRecovery: { maxDisconnectionDuration: 60_000 } },
    },
  };
}

type AdapterClass = typeof SessionAwareAdapter;

interface Broadcast {
  data: unknown[];
  rooms?: Room[];
  except?: Room[];
  volatile?: boolean;
  withAck?: boolean;
}

const manyRooms = Array.from({ length: 12 }, (_, index) => `user:${index}`);
const broadcasts: Broadcast[] = [
  { data: ['queue:state-changed', { version: 1 }], rooms: ['role:agents', 'role:leads'] },
  {
    data: ['agent:status-changed', { id: 'a1', status: 'available' }],
    rooms: ['user:a1', 'team:t1:leads', 'role:admins', 'monitor:a1'],
  },
  { data: ['queue:metrics-changed', { queues: [] }], rooms: manyRooms },
  { data: ['whisper:received', { text: 'halo' }], rooms: ['user:a2'] },
  { data: ['notice:published', { id: 'n1' }], rooms: [] },
  { data: ['case:changed', { id: 'c1' }], rooms: ['role:leads'], except: ['user:l1'] },
  { data: ['case:changed', { id: 'c2' }], rooms: manyRooms, except: manyRooms.slice(0, 10) },
  { data: ['offer:withdrawn', { id: 'o1' }], rooms: ['user:a1'], volatile: true },
  { data: ['offer:created', { id: 'o2' }], rooms: ['user:a1'], withAck: true },
];

const sessions: Room[][] = [
  ['user:a1', 'role:agents'],
  ['user:a2', 'role:agents'],
  ['user:l1', 'role:leads', 'team:t1:leads'],
  ['user:l2', 'role:leads'],
  ['user:3', 'role:agents'],
  ['user:11', 'role:agents'],
  ['role:trainers'],
];

/** Broadcasts everything to a fresh adapter, then asks what each disconnected session missed. */
async function missedBySession(Adapter: AdapterClass) {
  const adapter = new Adapter(fakeNamespace());
  const start = { type: EVENT, data: ['hello'] as unknown[] };
  adapter.broadcast(start as never, { rooms: new Set(), except: new Set() });
  const offset = start.data.at(-1) as string;
  for (const broadcast of broadcasts) {
    adapter.broadcast(
      { type: EVENT, data: [...broadcast.data], ...(broadcast.withAck ? { id: 7 } : {}) } as never,
      {
        rooms: new Set(broadcast.rooms),
        except: new Set(broadcast.except),
        flags: broadcast.volatile ? { volatile: true } : {},
      },
    );
  }
  const missed: unknown[][][] = [];
  for (const [index, rooms] of sessions.entries()) {
    adapter.persistSession({ sid: `s${index}`, pid: `p${index}`, rooms, data: {} });
    const session = await adapter.restoreSession(`p${index}`, offset);
    // The offsets are random ids: compare what each packet says, and that it carries one.
    missed.push(
      session!.missedPackets.map((packet) => {
        expect(typeof packet.at(-1)).toBe('string');
        return packet.slice(0, -1);
      }),
    );
  }
  return missed;
}

describe('compact recovery adapter', () => {
  it('given the same broadcasts, then every reconnecting session misses exactly what Socket.IO would replay', async () => {
    const compact = await missedBySession(CompactRecoveryAdapter);
    expect(compact).toEqual(await missedBySession(SessionAwareAdapter));
    // And the comparison is not empty: sessions miss different facts.
    expect(compact[0]).toContainEqual(['agent:status-changed', { id: 'a1', status: 'available' }]);
    expect(compact[0]).not.toContainEqual(['whisper:received', { text: 'halo' }]);
    expect(compact[2]).not.toContainEqual(['case:changed', { id: 'c1' }]);
    expect(compact[3]).toContainEqual(['case:changed', { id: 'c1' }]);
    expect(compact[4]).not.toContainEqual(['case:changed', { id: 'c2' }]);
    expect(compact[5]).toContainEqual(['case:changed', { id: 'c2' }]);
    expect(compact.flat()).not.toContainEqual(['offer:withdrawn', { id: 'o1' }]);
    expect(compact.flat()).not.toContainEqual(['offer:created', { id: 'o2' }]);
  });

  it('given a fact kept for recovery, then its data holds no slack beyond the offset', () => {
    const adapter = new CompactRecoveryAdapter(fakeNamespace());
    adapter.broadcast({ type: EVENT, data: ['queue:state-changed', { version: 1 }] } as never, {
      rooms: new Set(['role:agents']),
      except: new Set(),
    });
    const [stored] = (adapter as unknown as { packets: { data: unknown[]; opts: unknown }[] })
      .packets;
    expect(stored!.data).toHaveLength(3);
    expect(
      (stored!.opts as { rooms: { has(room: string): boolean } }).rooms.has('role:agents'),
    ).toBe(true);
  });
});
