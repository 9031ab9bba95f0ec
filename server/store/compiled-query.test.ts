import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareQuery } from './compiled-query';
import { migrateToLatest, openStore, type Store } from './database';

let store: Store;

beforeEach(async () => {
  store = openStore({ dataDir: ':memory:' });
  await migrateToLatest(store);
  await store.db
    .insertInto('counters')
    .values([
      { name: 'alpha', value: 1 },
      { name: 'beta', value: 2 },
      { name: 'gamma', value: 3 },
    ])
    .execute();
});

afterEach(async () => {
  await store.close();
});

const countersAbove = prepareQuery<{ floor: number; except: string }, { name: string }>(
  ['floor', 'except'],
  (db, { floor, except }) =>
    db
      .selectFrom('counters')
      .select('name')
      .where('value', '>', floor)
      .where('name', '!=', except)
      .where('name', 'not like', '%-%')
      .orderBy('name'),
);

describe('prepareQuery', () => {
  it('answers as the built query would, with each call’s own values and the constants kept', async () => {
    expect(await countersAbove.rows(store.db, { floor: 0, except: 'beta' })).toEqual([
      { name: 'alpha' },
      { name: 'gamma' },
    ]);
    expect(await countersAbove.rows(store.db, { floor: 1, except: 'gamma' })).toEqual([
      { name: 'beta' },
    ]);
    expect(await countersAbove.first(store.db, { floor: 3, except: '' })).toBeUndefined();
  });

  it('runs inside a transaction and reports affected rows of a write', async () => {
    const bump = prepareQuery<{ name: string; by: number }, never>(['name', 'by'], (db, p) =>
      db
        .updateTable('counters')
        .set((eb) => ({ value: eb('value', '+', p.by) }))
        .where('name', '=', p.name),
    );
    await store.db.transaction().execute(async (trx) => {
      const result = await bump.execute(trx, { name: 'alpha', by: 10 });
      expect(result.numAffectedRows).toBe(1n);
      expect(await countersAbove.rows(trx, { floor: 10, except: '' })).toEqual([{ name: 'alpha' }]);
    });
    expect((await bump.execute(store.db, { name: 'nobody', by: 1 })).numAffectedRows).toBe(0n);
  });

  it('takes a parameter inside a list of fixed length, and refuses one the query never uses', async () => {
    const inList = prepareQuery<{ names: string }, { name: string }>(['names'], (db, p) =>
      db.selectFrom('counters').select('name').where('name', 'in', [p.names, 'x']),
    );
    await expect(inList.rows(store.db, { names: 'alpha' })).resolves.toEqual([{ name: 'alpha' }]);
    const unused = prepareQuery<{ name: string }, { name: string }>(['name'], (db) =>
      db.selectFrom('counters').select('name'),
    );
    await expect(unused.rows(store.db, { name: 'alpha' })).rejects.toThrow(/not plain values/);
  });
});
