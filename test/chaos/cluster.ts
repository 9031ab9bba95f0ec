import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openStore, type Store } from '../../server/store/database';
import type { Database } from '../../server/store/schema';

export const POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOG_DIR = path.resolve('test-results/chaos');

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A real redis-server of our own on a free port, so a scenario may restart it. */
export class RedisProcess {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<RedisProcess> {
    const redis = new RedisProcess(await freePort());
    await redis.startAgain();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async startAgain(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(() => canConnect(this.port), `redis-server on ${this.port}`, 10_000);
  }

  /** Ends Redis at once (SIGKILL): what a crash or a hard restart looks like to the nodes. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** One server process: `node --import tsx server/index.ts` with its own port and node id. */
export class NodeProcess {
  url = '';
  private readonly log: fs.WriteStream;
  private exited: Promise<number | null>;

  private constructor(
    readonly id: string,
    private readonly child: ChildProcess,
    logName: string,
  ) {
    fs.mkdirSync(LOG_DIR, { recursive: true });
    this.log = fs.createWriteStream(path.join(LOG_DIR, `${logName}.log`));
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static async start(id: string, env: Record<string, string>, logName = id): Promise<NodeProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env, NODE_ID: id },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const node = new NodeProcess(id, child, logName);
    node.url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`${id} did not start in 60 s:\n${output}`)),
        60_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Tanggap is running at http:\/\/localhost:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}`);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${id} exited (${code}) while starting:\n${output}`));
      });
    });
    return node;
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** kill -9: no drain, no goodbye. */
  async kill(): Promise<void> {
    if (!this.isRunning) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: the orderly shutdown (drain, then close). */
  async stop(): Promise<number | null> {
    if (!this.isRunning) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    const code = await this.exited;
    clearTimeout(timer);
    this.log.end();
    return code;
  }
}

export interface ChaosUser {
  id: string;
  username: string;
  cookie: string;
}

/** A fresh PostgreSQL schema, a Redis of its own and N server nodes sharing both. */
export class ChaosCluster {
  readonly nodes: NodeProcess[] = [];
  store!: Store;
  readonly schema = `chaos_${randomBytes(5).toString('hex')}`;
  readonly redisPrefix = `chaos-${randomBytes(4).toString('hex')}`;

  private constructor(
    readonly redis: RedisProcess,
    private readonly env: Record<string, string>,
    private readonly scenario: string,
  ) {}

  /** `scenario` names the node logs: test-results/chaos/<scenario>-<node>.log. */
  static async start(
    scenario: string,
    nodeCount: number,
    env: Record<string, string> = {},
  ): Promise<ChaosCluster> {
    const redis = await RedisProcess.start();
    const cluster = new ChaosCluster(redis, env, scenario);
    // All nodes start at once: the startup lock orders their migrations and seeding.
    const started = await Promise.all(
      Array.from({ length: nodeCount }, (_, i) => cluster.startNode(`n${i + 1}`)),
    );
    cluster.nodes.push(...started);
    cluster.store = openStore({
      databaseUrl: POSTGRES_URL,
      databaseSchema: cluster.schema,
      dataDir: ':memory:',
    });
    return cluster;
  }

  get db(): Kysely<Database> {
    return this.store.db;
  }

  liveNodes(): NodeProcess[] {
    return this.nodes.filter((node) => node.isRunning);
  }

  liveUrls(): string[] {
    return this.liveNodes().map((node) => node.url);
  }

  startNode(id: string): Promise<NodeProcess> {
    return NodeProcess.start(
      id,
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO: 'on',
        SIMULATOR: 'off',
        CLIENT_DIR: path.resolve('test-results/chaos/no-client'),
        DATABASE_URL: POSTGRES_URL,
        DATABASE_SCHEMA: this.schema,
        REDIS_URL: this.redis.url,
        REDIS_PREFIX: this.redisPrefix,
        // A shared 2-core machine stalls processes for seconds at times: a node is taken for dead
        // only after 8 s of silence (production default: 10 s).
        NODE_HEARTBEAT_MS: '1000',
        NODE_EXPIRY_MS: '8000',
        PRESENCE_GRACE_MS: '2000',
        OFFER_TIMEOUT_MS: '4000',
        DECLINE_COOLDOWN_MS: '0',
        MISSED_OFFERS_LIMIT: '1000',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        SHUTDOWN_DRAIN_MS: '5000',
        LOG_LEVEL: 'info',
        ...this.env,
      },
      `${this.scenario}-${id}`,
    );
  }

  /**
   * Agents and leads made straight in the database (signing hundreds in would only measure
   * argon2), each with a session cookie. Agents know every topic; after-contact work is off so
   * the flow keeps moving.
   */
  async createUsers(
    agents: number,
    leads: number,
  ): Promise<{ agents: ChaosUser[]; leads: ChaosUser[] }> {
    const now = Date.now();
    const template = await this.db
      .selectFrom('users')
      .select(['password_hash', 'team_id'])
      .where('username', '=', 'agent1')
      .executeTakeFirstOrThrow();
    const topics = (await this.db.selectFrom('topics').select('code').execute()).map((t) => t.code);
    const make = (role: 'agent' | 'lead', i: number) => ({
      id: randomUUID(),
      username: `chaos-${role}-${i}`,
      token: randomBytes(24).toString('base64url'),
      role,
    });
    const made = [
      ...Array.from({ length: agents }, (_, i) => make('agent', i)),
      ...Array.from({ length: leads }, (_, i) => make('lead', i)),
    ];
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values(
          made.map((u) => ({
            id: u.id,
            username: u.username,
            display_name: u.username,
            role: u.role,
            is_trainee: 0,
            team_id: template.team_id,
            password_hash: template.password_hash,
            created_at: now,
          })),
        )
        .execute();
      const agentRows = made.filter((u) => u.role === 'agent');
      await trx
        .insertInto('agent_states')
        .values(
          agentRows.map((u) => ({
            user_id: u.id,
            presence: 'offline',
            presence_since: now,
            idle_since: now,
            missed_offers: 0,
            version: 0,
          })),
        )
        .execute();
      await trx
        .insertInto('agent_skills')
        .values(
          agentRows.flatMap((u) => topics.map((topic) => ({ user_id: u.id, topic, level: 3 }))),
        )
        .execute();
      await trx
        .insertInto('sessions')
        .values(
          made.map((u) => ({
            id: createHash('sha256').update(u.token).digest('hex'),
            user_id: u.id,
            created_at: now,
            expires_at: now + 3_600_000,
          })),
        )
        .execute();
      await trx.updateTable('queues').set({ after_contact_work_ms: 0 }).execute();
    });
    const toUser = (u: (typeof made)[number]): ChaosUser => ({
      id: u.id,
      username: u.username,
      cookie: `tanggap_session=${u.token}`,
    });
    return {
      agents: made.filter((u) => u.role === 'agent').map(toUser),
      leads: made.filter((u) => u.role === 'lead').map(toUser),
    };
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop().catch(() => undefined)));
    await this.store?.close();
    await this.redis.kill();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists "${this.schema}" cascade`);
    await client.end();
  }
}
