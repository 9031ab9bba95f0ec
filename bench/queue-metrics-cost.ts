/**
 * What one computation of the live queue metrics costs beside the queue state (which is rebuilt
 * on every change), and their size on the wire, on SQLite and PostgreSQL, for a day of 2 000, 20 000 and 50 000 contacts on top of
 * 200 000 older ones. Run: `npx tsx bench/queue-metrics-cost.ts` (PostgreSQL at TEST_DATABASE_URL
 * or postgres://postgres@127.0.0.1:5432/test). Results are in docs/metrics.md.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { computeQueueMetrics } from '../server/modules/queue-state/metrics';
import { forAgent } from '../server/modules/queue-state/metrics-service';
import { computeQueueState } from '../server/modules/queue-state/service';
import { seedBaseData, seedDemoData } from '../server/seed/seed';
import { migrateToLatest, openStore, type Store } from '../server/store/database';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY = 86_400_000;
const SEGMENTS = ['academia', 'observer', 'official', 'media', 'public'];
const RUNS = 30;

async function fill(store: Store, now: number, today: number, older: number): Promise<void> {
  await seedBaseData(store.db, now);
  await seedDemoData(store.db, now);
  const queues = (await store.db.selectFrom('queues').select('id').execute()).map((q) => q.id);
  await store.db
    .insertInto('citizens')
    .values({ id: 'bench', name: 'Bench', address: 'bench', segment: 'public', created_at: 0 })
    .execute();
  const rows = [];
  for (let i = 0; i < today + older; i += 1) {
    const arrived =
      i < today
        ? now - Math.floor(Math.random() * 10 * 3_600_000)
        : now - DAY - Math.floor(Math.random() * 60 * DAY);
    const r = Math.random();
    const answered = r < 0.85 ? arrived + Math.floor(Math.random() * 200_000) : null;
    const abandoned = r >= 0.85 && r < 0.95 ? arrived + Math.floor(Math.random() * 200_000) : null;
    rows.push({
      id: randomUUID(),
      reference: `B${i}`,
      channel: 'voice',
      external_id: `bench-${i}`,
      citizen_id: 'bench',
      queue_id: queues[i % queues.length]!,
      topic: 'umum',
      segment: SEGMENTS[i % SEGMENTS.length]!,
      preview: '',
      // A realistic queue: a hundred waiting, the rest settled.
      status: answered !== null || abandoned !== null || i > 100 ? 'closed' : 'waiting',
      arrived_at: arrived,
      assigned_agent_id: null,
      accepted_at: answered,
      closed_at: answered ?? abandoned,
      abandoned_at: abandoned,
      version: 1,
    });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await store.db
      .insertInto('contacts')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await sql`analyze`.execute(store.db);
}

async function meanMs(task: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i += 1) await task();
  const started = performance.now();
  for (let i = 0; i < RUNS; i += 1) await task();
  return (performance.now() - started) / RUNS;
}

async function measure(dialect: 'sqlite' | 'postgres', today: number, older: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-metrics-'));
  const schema = `bench_metrics_${randomUUID().slice(0, 8)}`;
  const store =
    dialect === 'sqlite'
      ? openStore({ dataDir: dir })
      : openStore({ dataDir: ':memory:', databaseUrl: POSTGRES_URL, databaseSchema: schema });
  try {
    await migrateToLatest(store, dialect === 'postgres' ? schema : undefined);
    const now = Date.now();
    await fill(store, now, today, older);
    const options = { timeZone: 'Asia/Jakarta', intervalMinutes: 30 };
    const state = await meanMs(() =>
      computeQueueState(store.db, { stream: 'bench', version: 1, at: now }),
    );
    const metrics = await meanMs(() => computeQueueMetrics(store.db, 1, now, options));
    const stateBytes = JSON.stringify(
      await computeQueueState(store.db, { stream: 'bench', version: 1, at: now }),
    ).length;
    const full = await computeQueueMetrics(store.db, 1, now, options);
    const metricsBytes = JSON.stringify(full).length;
    const agentBytes = JSON.stringify(
      forAgent(full, new Set(full.queues.map((q) => q.queueId))),
    ).length;
    console.log(
      `${dialect.padEnd(8)} ${String(today).padStart(6)} today + ${older} older: ` +
        `queue state ${state.toFixed(2)} ms (${stateBytes} B), ` +
        `metrics ${metrics.toFixed(2)} ms (${metricsBytes} B to leads, ${agentBytes} B to agents)`,
    );
  } finally {
    if (dialect === 'postgres') await sql`drop schema ${sql.id(schema)} cascade`.execute(store.db);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const today of [2_000, 20_000, 50_000]) {
  await measure('sqlite', today, 200_000);
  await measure('postgres', today, 200_000);
}
