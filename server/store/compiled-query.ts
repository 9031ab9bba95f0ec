import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

/**
 * A statement of fixed shape whose Kysely query is built and compiled once per dialect, then run
 * again with fresh parameter values. Building and compiling a query took 8–10% of the server's
 * event loop under load (docs/performance.md), most of it for the same few statements per contact.
 *
 * `build` is called once, with a unique placeholder string in place of each parameter; the
 * compiled parameter list is then a template: each placeholder position takes the caller's value,
 * every other position keeps the constant the query was built with. So `build` must use each
 * parameter only as a plain value (no `in (…)` lists, no branching on it); this is checked at the
 * first compile. The compiled text depends only on the dialect's compiler, so a transaction shares
 * the statement of the database it runs in.
 */
export interface PreparedQuery<Params extends Record<string, unknown>, Row> {
  execute(db: Kysely<Database>, params: Params): Promise<QueryResult<Row>>;
  rows(db: Kysely<Database>, params: Params): Promise<Row[]>;
  first(db: Kysely<Database>, params: Params): Promise<Row | undefined>;
}

interface Template {
  sql: string;
  /** Per compiled parameter: the caller's parameter name, or a constant of the query. */
  slots: readonly ({ param: string } | { constant: unknown })[];
  query: CompiledQuery['query'];
}

const PLACEHOLDER_PREFIX = '\u0000tanggap-param:';

export function prepareQuery<Params extends Record<string, unknown>, Row>(
  names: readonly (keyof Params & string)[],
  build: (db: Kysely<Database>, params: Params) => Compilable<Row>,
): PreparedQuery<Params, Row> {
  // Keyed by the dialect adapter, which a database and its transactions share.
  const templates = new WeakMap<object, Template>();

  function templateFor(db: Kysely<Database>): Template {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (template) return template;
    const placeholders = Object.fromEntries(
      names.map((name) => [name, `${PLACEHOLDER_PREFIX}${name}`]),
    ) as unknown as Params;
    const compiled = build(db, placeholders).compile();
    const seen = new Set<string>();
    const slots = compiled.parameters.map((value) => {
      if (typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX)) {
        const param = value.slice(PLACEHOLDER_PREFIX.length);
        seen.add(param);
        return { param };
      }
      return { constant: value };
    });
    const missing = names.filter((name) => !seen.has(name));
    if (missing.length > 0 || compiled.sql.includes(PLACEHOLDER_PREFIX)) {
      throw new Error(
        `prepared query: parameters ${missing.join(', ') || '(inlined)'} are not plain values in: ${compiled.sql}`,
      );
    }
    template = { sql: compiled.sql, slots, query: compiled.query };
    templates.set(adapter, template);
    return template;
  }

  async function execute(db: Kysely<Database>, params: Params): Promise<QueryResult<Row>> {
    const template = templateFor(db);
    const parameters = template.slots.map((slot) =>
      'param' in slot ? params[slot.param] : slot.constant,
    );
    // The original query node rides along for anything that looks at it (plugins, drivers).
    return db.executeQuery<Row>({
      ...CompiledQuery.raw(template.sql, parameters),
      query: template.query,
    });
  }

  return {
    execute,
    async rows(db, params) {
      return (await execute(db, params)).rows;
    },
    async first(db, params) {
      return (await execute(db, params)).rows[0];
    },
  };
}
