import type { Server } from 'socket.io';
import type { Fact, FactName, ServerToClientEvents } from '../../shared/protocol/events';

/** Signals between the nodes of a cluster (through the Redis adapter); nothing with one node. */
export interface InterServerEvents {
  /** Something on the sending node changed the queue state: the others read it again too. */
  'queue-state:changed': () => void;
}
export type PeerSignal = keyof InterServerEvents;

/** Services publish facts to rooms after their transaction commits; only this touches `io`. */
export interface Publisher {
  /** `except`: sockets also in one of these rooms are left out (a socket can be in several). */
  publish<N extends FactName>(
    to: string | readonly string[],
    name: N,
    fact: Fact<N>,
    options?: { except?: readonly string[] },
  ): void;
  /** Like `publish`, but only to the sockets connected to this node. */
  publishHere<N extends FactName>(to: readonly string[], name: N, fact: Fact<N>): void;
  /** Tells the other nodes; nothing when this node is alone. */
  signalPeers(signal: PeerSignal): void;
}

export function createPublisher(
  io: Server<never, ServerToClientEvents, InterServerEvents>,
  options: { hasPeers: boolean },
): Publisher {
  return {
    publish(to, name, fact, publishOptions) {
      const targets = typeof to === 'string' ? [to] : [...to];
      if (targets.length === 0) return;
      const except = [...(publishOptions?.except ?? [])];
      const operator = except.length > 0 ? io.to(targets).except(except) : io.to(targets);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapped event type is checked by the signature above
      (operator as any).emit(name, fact);
    },
    publishHere(to, name, fact) {
      if (to.length === 0) return;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapped event type is checked by the signature above
      (io.local.to([...to]) as any).emit(name, fact);
    },
    signalPeers(signal) {
      // The in-memory adapter warns on every server-side emit: only a cluster has peers.
      if (options.hasPeers) io.serverSideEmit(signal);
    },
  };
}

export interface RecordedFact {
  to: string[];
  except: string[];
  name: FactName;
  fact: unknown;
  /** Published with `publishHere`: to this node's sockets only. */
  isLocal: boolean;
}

/** Keeps published facts in memory; for unit tests of services. */
export function createRecordingPublisher(): Publisher & {
  published: RecordedFact[];
  signals: PeerSignal[];
} {
  const published: RecordedFact[] = [];
  const signals: PeerSignal[] = [];
  return {
    published,
    signals,
    publish(to, name, fact, options) {
      published.push({
        to: typeof to === 'string' ? [to] : [...to],
        except: [...(options?.except ?? [])],
        name,
        fact,
        isLocal: false,
      });
    },
    publishHere(to, name, fact) {
      published.push({ to: [...to], except: [], name, fact, isLocal: true });
    },
    signalPeers(signal) {
      signals.push(signal);
    },
  };
}
