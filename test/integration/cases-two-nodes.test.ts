import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClient, sleep, startServer, type TestServer } from './harness';

/**
 * Two server instances on one PostgreSQL schema, both scanning clocks every 50 ms: every warning,
 * breach and escalation fires once between them. Each node pushes only to its own sockets (no
 * Redis adapter here), so the owner is connected to both and the facts are counted across both.
 */
describe('case clocks on two nodes sharing one PostgreSQL', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await second?.stop();
    await first?.destroy();
  });

  it('fires each level once, flags each breach once and escalates each step once', async () => {
    const env = {
      CASE_SCAN_MS: '50',
      CASE_ESCALATION_CHAIN: 'owner,lead',
      CASE_ESCALATION_STEP_MINUTES: '0.002',
    };
    first = await startServer('postgres', { env });
    second = await startServer('postgres', { storageOf: first, env });
    const onFirst = await TestClient.connect(first.url, 'agent1');
    const onSecond = await TestClient.connect(second.url, 'agent1');
    clients.push(onFirst, onSecond);

    const caseIds: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const created = await onFirst.sendOk('case:create', {
        commandId: randomUUID(),
        type: 'personal_data_request',
        subject: `Akses data pribadi ${i}`,
        requester: { name: 'Siti Rahayu' },
        details: { right: 'access', description: 'Salinan data yang diproses' },
      });
      caseIds.push(created.case.id);
    }
    // All eight clocks pass 50, 80 and 100 % at once: both nodes race for every warning.
    const now = Date.now();
    await first.app.store.db
      .updateTable('case_clocks')
      .set({
        starts_at: now - 10_000,
        legal_due_at: now - 1,
        internal_due_at: now - 1,
        next_warning_at: now,
      })
      .where('case_id', 'in', caseIds)
      .execute();

    await expect
      .poll(
        async () =>
          Number(
            (
              await first!.app.store.db
                .selectFrom('case_escalations')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        { timeout: 10_000 },
      )
      .toBe(16);
    await sleep(300);

    const warned = [...onFirst.received, ...onSecond.received].filter(
      (r) => r.name === 'case:warned',
    );
    expect(warned).toHaveLength(8 * 3);
    const keys = warned.map((r) => {
      const fact = r.fact as { caseId: string; level: number };
      return `${fact.caseId}:${fact.level}`;
    });
    expect(new Set(keys).size).toBe(24);
    const escalated = [...onFirst.received, ...onSecond.received].filter(
      (r) => r.name === 'case:escalated' && (r.fact as { target: string }).target === 'owner',
    );
    expect(escalated).toHaveLength(8);

    const db = first.app.store.db;
    const warnings = await db.selectFrom('case_warnings').select(['case_id', 'level']).execute();
    expect(warnings).toHaveLength(24);
    const breaches = await db
      .selectFrom('audit_log')
      .select('case_id')
      .where('action', '=', 'clock.breached')
      .execute();
    expect(breaches).toHaveLength(8);
    const verify = await db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    expect(verify.map((row) => Number(row.seq))).toEqual(
      Array.from({ length: verify.length }, (_, i) => i + 1),
    );
  });
});
