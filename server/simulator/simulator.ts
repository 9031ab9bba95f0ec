import type { Logger } from 'pino';
import type { InboundContactBody } from '../../shared/schemas/inbound';
import { createPopulation, generateInboundContact, type Random } from './generate';

export interface SimulatorOptions {
  /** Mean time between contacts; the actual gaps vary around it. */
  meanIntervalMs: number;
  /** Stop feeding once this many contacts wait, so an unattended demo does not pile up. */
  maxWaiting: number;
  random: Random;
  countWaiting: () => Promise<number>;
  receive: (body: InboundContactBody) => Promise<unknown>;
  log: Logger;
}

/** Feeds realistic contacts through the same path as the inbound webhook. */
export function startSimulator(options: SimulatorOptions): { stop(): void } {
  const population = createPopulation(options.random, 60);
  let sequence = 0;
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  const schedule = () => {
    if (isStopped) return;
    // Exponential gaps: arrivals of a Poisson process, like real callers.
    const gap = -Math.log(1 - options.random()) * options.meanIntervalMs;
    timer = setTimeout(tick, Math.min(gap, options.meanIntervalMs * 4));
    timer.unref();
  };

  const tick = async () => {
    try {
      if ((await options.countWaiting()) < options.maxWaiting) {
        sequence += 1;
        await options.receive(generateInboundContact(options.random, population, sequence));
      }
    } catch (error) {
      options.log.warn({ err: error }, 'simulator could not post a contact');
    }
    schedule();
  };

  // A first contact at once, so the desk is alive when someone signs in.
  void tick();
  return {
    stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
