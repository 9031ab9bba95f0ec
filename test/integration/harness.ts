import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import type {
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResult,
  Fact,
  FactName,
  ServerToClientEvents,
} from '../../shared/protocol/events';
import { facts } from '../../shared/protocol/events';
import type { InboundContactBody } from '../../shared/schemas/inbound';
import { createApplication, type Application } from '../../server/app';
import type { Clock } from '../../server/modules/context';
import { DEMO_INBOUND_API_KEY, loadConfig } from '../../server/config/config';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StorageMode = 'sqlite' | 'postgres';
export const STORAGE_MODES: StorageMode[] = ['sqlite', 'postgres'];

/** Fails loudly (never skips) when the PostgreSQL the suite needs is not there. */
export async function assertPostgresReachable(): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is required for the integration suite at ${POSTGRES_URL} (set TEST_DATABASE_URL to change it): ${String(error)}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestServer {
  app: Application;
  url: string;
  mode: StorageMode;
  env: Record<string, string>;
  /** Stops the server; keeps the data so a restart can be tested. */
  stop(): Promise<void>;
  /** Stops the server and removes its database. */
  destroy(): Promise<void>;
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** Reuse another server's storage (restart test). */
  storageOf?: TestServer;
  /** The server's clock (e.g. real time shifted to a chosen moment); the system clock if absent. */
  clock?: Clock;
}

export async function startServer(
  mode: StorageMode,
  options: ServerOptions = {},
): Promise<TestServer> {
  let storageEnv: Record<string, string>;
  if (options.storageOf) {
    storageEnv = pickStorageEnv(options.storageOf.env);
  } else if (mode === 'postgres') {
    await assertPostgresReachable();
    storageEnv = {
      DATABASE_URL: POSTGRES_URL,
      DATABASE_SCHEMA: `t_${randomBytes(6).toString('hex')}`,
    };
  } else {
    storageEnv = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-it-')) };
  }
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: 'on',
    SIMULATOR: 'off',
    LOG_LEVEL: 'silent',
    CLIENT_DIR: path.join(os.tmpdir(), 'tanggap-no-client'),
    PRESENCE_GRACE_MS: '200',
    ...storageEnv,
    ...options.env,
  };
  const app = await createApplication(
    loadConfig(env),
    options.clock ? { clock: options.clock } : {},
  );
  const url = await app.listen();
  let isStopped = false;
  const stop = async () => {
    if (isStopped) return;
    isStopped = true;
    await app.close();
  };
  return {
    app,
    url,
    mode,
    env,
    stop,
    async destroy() {
      await stop();
      if (env.DATABASE_SCHEMA) {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`drop schema if exists "${env.DATABASE_SCHEMA}" cascade`);
        await client.end();
      } else if (env.DATA_DIR) {
        fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
      }
    },
  };
}

function pickStorageEnv(env: Record<string, string>): Record<string, string> {
  const keys = ['DATABASE_URL', 'DATABASE_SCHEMA', 'DATA_DIR'];
  return Object.fromEntries(Object.entries(env).filter(([key]) => keys.includes(key)));
}

export async function signIn(
  url: string,
  username: string,
  password = 'demo1234',
): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

export async function getJson(
  url: string,
  cookie?: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  return { status: response.status, body: await response.json() };
}

export async function sendJson(
  url: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  body: unknown,
  cookie?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function postInbound(
  url: string,
  body: Partial<InboundContactBody> | Record<string, unknown>,
  apiKey: string | null = DEMO_INBOUND_API_KEY,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let externalIds = 0;
export function inboundContact(overrides: Partial<InboundContactBody> = {}): InboundContactBody {
  externalIds += 1;
  return {
    channel: 'whatsapp',
    externalId: `it-${Date.now()}-${externalIds}`,
    from: '081234567890',
    name: 'Siti Rahayu',
    text: 'Bantuan PKH ibu saya belum cair bulan ini.',
    topic: 'bansos',
    segment: 'public',
    ...overrides,
  };
}

type AnyFact = { name: FactName; fact: unknown };

/** A real socket.io-client signed in as one user, recording every fact it receives. */
export class TestClient {
  readonly received: AnyFact[] = [];
  private waiters: {
    name: FactName;
    test: (fact: unknown) => boolean;
    resolve: (fact: unknown) => void;
  }[] = [];

  private constructor(
    readonly username: string,
    readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  ) {
    for (const name of Object.keys(facts) as FactName[]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one recorder for every fact
      (socket as any).on(name, (fact: unknown) => this.record(name, fact));
    }
  }

  static async connect(url: string, username: string, cookie?: string): Promise<TestClient> {
    const sessionCookie = cookie ?? (await signIn(url, username));
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
      transports: ['websocket'],
      extraHeaders: { cookie: sessionCookie },
      reconnection: false,
      forceNew: true,
    });
    const client = new TestClient(username, socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return client;
  }

  private record(name: FactName, fact: unknown): void {
    const waiter = this.waiters.find((w) => w.name === name && w.test(fact));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(fact);
      return;
    }
    this.received.push({ name, fact });
  }

  /** The next fact of this name matching `test` (one already received counts), consumed once. */
  next<N extends FactName>(
    name: N,
    test: (fact: Fact<N>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Fact<N>> {
    const index = this.received.findIndex((r) => r.name === name && test(r.fact as Fact<N>));
    if (index >= 0) {
      const [found] = this.received.splice(index, 1);
      return Promise.resolve(found!.fact as Fact<N>);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        name,
        test: test as (fact: unknown) => boolean,
        resolve: resolve as (fact: unknown) => void,
      };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (this.waiters.includes(waiter)) {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`${this.username}: no ${name} within ${timeoutMs} ms`));
        }
      }, timeoutMs);
    });
  }

  /** Whether a fact of this name matching `test` has arrived (without consuming it). */
  has<N extends FactName>(name: N, test: (fact: Fact<N>) => boolean = () => true): boolean {
    return this.received.some((r) => r.name === name && test(r.fact as Fact<N>));
  }

  async send<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
  ): Promise<Ack<CommandResult<N>>> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typed emit cannot express the generic pair
    return (this.socket as any).timeout(5000).emitWithAck(name, payload);
  }

  /** Sends a raw, possibly invalid payload, as a hostile or buggy client would. */
  async sendRaw(name: string, payload: unknown): Promise<Ack<unknown>> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (this.socket as any).timeout(5000).emitWithAck(name, payload);
  }

  async sendOk<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
  ): Promise<CommandResult<N>> {
    const ack = await this.send(name, payload);
    if (!ack.ok)
      throw new Error(`${this.username} ${name} failed: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function userId(server: TestServer, username: string): Promise<string> {
  const row = await server.app.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The clients a test connects to its server, closed after each test together with the server
 * (`current()` gives the server the test started, which the test may replace, e.g. on a restart).
 */
export function clientsPerTest(current: () => TestServer | undefined): {
  connect(username: string): Promise<TestClient>;
} {
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await current()?.destroy();
  });
  return {
    async connect(username) {
      const server = current();
      if (!server) throw new Error('start the server before connecting clients');
      const client = await TestClient.connect(server.url, username);
      clients.push(client);
      return client;
    },
  };
}
