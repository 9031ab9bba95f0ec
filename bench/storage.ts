/**
 * The bench server's storage, owned by the parent process: it is removed after the server
 * process ends, even when that process crashed before it could clean up after itself.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchStorage {
  /** Arguments for bench/server-process.ts. */
  args: string[];
  dispose(): Promise<void>;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

export function createBenchStorage(kind: 'sqlite' | 'postgres'): BenchStorage {
  if (kind === 'postgres') {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    return { args: ['--pg', `--schema=${schema}`], dispose: () => dropSchema(schema) };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-bench-'));
  return {
    args: [`--data-dir=${dataDir}`],
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
