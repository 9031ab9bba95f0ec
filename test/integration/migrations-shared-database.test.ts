import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../../server/store/database';
import { assertPostgresReachable, POSTGRES_URL } from './harness';

/**
 * Several deployments (or test runs) share one PostgreSQL database, each in its own schema.
 * Kysely's migrator looked at every schema's tables; one dropped meanwhile made it fail with
 * "schema … does not exist".
 */
describe('migrations in a database other schemas come and go in', () => {
  let store: Store | undefined;
  const schema = `t_${randomBytes(6).toString('hex')}`;

  afterEach(async () => {
    await store?.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });

  it('migrates its own schema while others are created and dropped', async () => {
    await assertPostgresReachable();
    const churn = new pg.Client({ connectionString: POSTGRES_URL });
    await churn.connect();
    let isChurning = true;
    const churning = (async () => {
      let round = 0;
      while (isChurning) {
        const other = `churn_${randomBytes(4).toString('hex')}_${round++}`;
        await churn.query(`create schema ${other}`);
        await churn.query(`create table ${other}.t (id serial primary key, x text)`);
        await churn.query(`drop schema ${other} cascade`);
      }
    })();
    try {
      store = openStore({ dataDir: ':memory:', databaseUrl: POSTGRES_URL, databaseSchema: schema });
      const applied = await migrateToLatest(store, schema);
      expect(applied.length).toBeGreaterThan(20);
      // Nothing is left to do the second time, and asking does not trip over the churn either.
      expect(await migrateToLatest(store, schema)).toEqual([]);
    } finally {
      isChurning = false;
      await churning;
      await churn.end();
    }
  });
});
