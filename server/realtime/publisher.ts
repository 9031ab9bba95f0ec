import type { Server } from 'socket.io';
import type { Fact, FactName, ServerToClientEvents } from '../../shared/protocol/events';

/** Services publish facts to rooms after their transaction commits; only this touches `io`. */
export interface Publisher {
  /** `except`: sockets also in one of these rooms are left out (a socket can be in several). */
  publish<N extends FactName>(
    to: string | readonly string[],
    name: N,
    fact: Fact<N>,
    options?: { except?: readonly string[] },
  ): void;
}

export function createPublisher(io: Server<never, ServerToClientEvents>): Publisher {
  return {
    publish(to, name, fact, options) {
      const targets = typeof to === 'string' ? [to] : [...to];
      if (targets.length === 0) return;
      const except = [...(options?.except ?? [])];
      const operator = except.length > 0 ? io.to(targets).except(except) : io.to(targets);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mapped event type is checked by the signature above
      (operator as any).emit(name, fact);
    },
  };
}

/** Keeps published facts in memory; for unit tests of services. */
export function createRecordingPublisher(): Publisher & {
  published: { to: string[]; except: string[]; name: FactName; fact: unknown }[];
} {
  const published: { to: string[]; except: string[]; name: FactName; fact: unknown }[] = [];
  return {
    published,
    publish(to, name, fact, options) {
      published.push({
        to: typeof to === 'string' ? [to] : [...to],
        except: [...(options?.except ?? [])],
        name,
        fact,
      });
    },
  };
}
