import { afterEach, describe, expect, it } from 'vitest';
import type { TeamDirectory } from '../../shared/domain/team-scope';
import { loadTeamDirectory } from '../../server/modules/team-lead/directory';
import { STORAGE_MODES, startServer, type StorageMode, type TestServer } from './harness';

const SECOND_TEAM = 'team-layanan-2';

function teamsServing(directory: TeamDirectory, queueId: string): readonly string[] {
  return directory.queueTeams.get(queueId) ?? [];
}

/**
 * The team directory each node keeps in memory (server/modules/team-lead/directory.ts): read once,
 * and read again on every node as soon as a change to leads or team queues has committed,
 * whichever node (or hand) made it.
 */
describe.each(STORAGE_MODES)('team directory cache on two nodes, %s', (mode: StorageMode) => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  afterEach(async () => {
    await second?.stop();
    await first?.destroy();
    second = first = undefined;
  });

  it('is reused while nothing changed and re-read on both nodes after a change', async () => {
    first = await startServer(mode, { env: { NODE_ID: 'node-a' } });
    second = await startServer(mode, { storageOf: first, env: { NODE_ID: 'node-b' } });
    const onFirst = first.app.store.db;
    const onSecond = second.app.store.db;

    const before = await loadTeamDirectory(onSecond);
    expect(before.teamsWithLeads.has(SECOND_TEAM)).toBe(true);
    expect(teamsServing(before, 'q-pendidikan')).toContain(SECOND_TEAM);
    // Nothing changed: the same object, no second read.
    expect(await loadTeamDirectory(onSecond)).toBe(before);
    expect(await loadTeamDirectory(onFirst)).toEqual(before);

    // The second team's lead leaves it, on the first node.
    await onFirst
      .updateTable('users')
      .set({ team_id: null })
      .where('username', '=', 'lead2')
      .execute();
    const withoutLead = await loadTeamDirectory(onSecond);
    expect(withoutLead).not.toBe(before);
    expect(withoutLead.teamsWithLeads.has(SECOND_TEAM)).toBe(false);
    expect((await loadTeamDirectory(onFirst)).teamsWithLeads.has(SECOND_TEAM)).toBe(false);

    // The second team starts serving the general queue, on the second node this time.
    await onSecond
      .insertInto('team_queues')
      .values({ team_id: SECOND_TEAM, queue_id: 'q-umum' })
      .execute();
    expect(teamsServing(await loadTeamDirectory(onFirst), 'q-umum')).toContain(SECOND_TEAM);
    expect(teamsServing(await loadTeamDirectory(onSecond), 'q-umum')).toContain(SECOND_TEAM);

    await onFirst
      .deleteFrom('team_queues')
      .where('team_id', '=', SECOND_TEAM)
      .where('queue_id', '=', 'q-umum')
      .execute();
    expect(teamsServing(await loadTeamDirectory(onSecond), 'q-umum')).not.toContain(SECOND_TEAM);
  });

  it('keeps nothing a transaction saw of its own changes once it rolls back', async () => {
    first = await startServer(mode, { env: { NODE_ID: 'node-a' } });
    const db = first.app.store.db;
    await loadTeamDirectory(db);
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('team_queues')
          .values({ team_id: SECOND_TEAM, queue_id: 'q-umum' })
          .execute();
        expect(teamsServing(await loadTeamDirectory(trx), 'q-umum')).toContain(SECOND_TEAM);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(teamsServing(await loadTeamDirectory(db), 'q-umum')).not.toContain(SECOND_TEAM);
  });
});
