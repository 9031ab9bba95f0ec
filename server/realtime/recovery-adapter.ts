import { SessionAwareAdapter, type BroadcastOptions, type Room } from 'socket.io-adapter';

/** What Socket.IO keeps of one broadcast for connection-state recovery. */
interface StoredPacket {
  id: string;
  opts: BroadcastOptions;
  data: unknown[];
  emittedAt: number;
}

/** The part of a `Set` of room names that recovery reads (`shouldIncludePacket`). */
interface RoomLookup {
  readonly size: number;
  has(room: Room): boolean;
}

/** A few room names (a fact goes to one to four rooms): an array is a third of a `Set`. */
class FewRooms implements RoomLookup {
  constructor(private readonly names: readonly Room[]) {}

  get size(): number {
    return this.names.length;
  }

  has(room: Room): boolean {
    return this.names.includes(room);
  }
}

const NO_ROOMS: RoomLookup = new FewRooms([]);
/** Up to this many rooms a linear look-up costs less than a `Set` holds. */
const FEW_ROOMS = 8;

/**
 * The single-node adapter with connection-state recovery, keeping every broadcast of the last
 * 60–120 s (Socket.IO's `SessionAwareAdapter`) in less memory: per fact it holds the data array
 * at its length rather than with the slack the appended offset left, the rooms as an array when
 * there are few, and no empty `except` set or flags. A reconnecting socket is answered from
 * them exactly as before (rooms and exceptions alone decide which facts it missed).
 */
export class CompactRecoveryAdapter extends SessionAwareAdapter {
  override broadcast(
    packet: Parameters<SessionAwareAdapter['broadcast']>[0],
    opts: BroadcastOptions,
  ) {
    super.broadcast(packet, opts);
    const { packets } = this as unknown as { packets: StoredPacket[] };
    const stored = packets.at(-1);
    // Volatile facts, facts with an acknowledgement and non-events are not kept.
    if (!stored || stored.data !== packet.data) return;
    stored.data = stored.data.slice();
    stored.opts = {
      rooms: compactRooms(opts.rooms),
      except: opts.except && opts.except.size > 0 ? compactRooms(opts.except) : NO_ROOMS,
    } as unknown as BroadcastOptions;
  }
}

function compactRooms(rooms: Set<Room>): RoomLookup {
  return rooms.size <= FEW_ROOMS ? new FewRooms([...rooms]) : rooms;
}
