import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { Publisher } from '../realtime/publisher';
import type { Database } from '../store/schema';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** What every service is built from; assembled once in app.ts. */
export interface ServiceContext {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  publisher: Publisher;
  log: Logger;
}
