import type { Server } from 'socket.io';
import type { Fact, FactName, ServerToClientEvents } from '../../shared/protocol/events';

/** Services publish facts to rooms after their transaction commits; only this touches `io`. */
export interface Publisher {
  publish<N extends FactName>(to: string | readonly string[], name: N, fact: Fact<N>): void;
}

export function createPublisher(io: Server<never, ServerToClientEvents>): Publisher {
  return {
    publish(to, name, fact) {
      const targets = typeof to === 'string' ? [to] : [...to];
      if (targets.length === 0) return;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapped event type is checked by the signature above
      (io.to(targets) as any).emit(name, fact);
    },
  };
}

/** Keeps published facts in memory; for unit tests of services. */
export function createRecordingPublisher(): Publisher & {
  published: { to: string[]; name: FactName; fact: unknown }[];
} {
  const published: { to: string[]; name: FactName; fact: unknown }[] = [];
  return {
    published,
    publish(to, name, fact) {
      published.push({ to: typeof to === 'string' ? [to] : [...to], name, fact });
    },
  };
}
