import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './database';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-store-'));
  store = openStore({ dataDir: dir });
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pragma(name: string): Promise<unknown> {
  const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(store.db);
  return Object.values(rows[0]!)[0];
}

describe('the embedded SQLite store', () => {
  it('logs ahead, leaves the flush to the off-loop sync, checks keys and keeps temporary data in memory', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    // NORMAL (1): the group commit's walSync flushes before anyone is answered.
    expect(await pragma('synchronous')).toBe(1);
    expect(await pragma('foreign_keys')).toBe(1);
    // MEMORY (2): no statement-journal or sort files made and unlinked on the event loop.
    expect(await pragma('temp_store')).toBe(2);
  });
});
