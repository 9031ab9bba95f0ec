import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { AnswerStatus } from '../../../shared/domain/knowledge';
import type { KnowledgeHit, KnowledgeList } from '../../../shared/schemas/knowledge';
import type { Database } from '../../store/schema';

const LIMIT = 10;
/** Enough for any real question; longer input is someone pasting a whole message. */
const MAX_TERMS = 8;

export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Serialises changes to one answer's versions, so two authors starting a version at once cannot
 * both take the next number, nor two publications both leave a version published. SQLite
 * transactions are serialised already (one connection); PostgreSQL locks the answer's row.
 */
export async function lockAnswer(db: Kysely<Database>, answerId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('knowledge_answers')
    .select('id')
    .where('id', '=', answerId)
    .forUpdate()
    .execute();
}

export interface IndexedText {
  versionId: string;
  title: string;
  summary: string;
  body: string;
}

/**
 * Keeps SQLite's FTS5 table in step with a version's text. PostgreSQL needs nothing: its tsvector
 * is a generated column.
 */
export async function indexVersion(db: Kysely<Database>, text: IndexedText): Promise<void> {
  if (isPostgres(db)) return;
  await db.deleteFrom('knowledge_fts').where('version_id', '=', text.versionId).execute();
  await db
    .insertInto('knowledge_fts')
    .values({
      version_id: text.versionId,
      title: text.title,
      summary: text.summary,
      body: text.body,
    })
    .execute();
}

/** Words of the query, lower-cased; punctuation and search syntax never reach the engine. */
export function searchTerms(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

interface HitRow {
  answer_id: string;
  version: number;
  topic: string;
  title: string;
  summary: string;
  source_document: string;
  source_article: string | null;
  snippet: string;
  body: string;
}

/**
 * Published versions in force at `at` matching every word (each as a prefix, so it works while the
 * agent is still typing), best first: a title holding the words above any other; then by the
 * engine's rank with title over summary over body. When no answer holds every word, answers
 * holding any of them.
 */
export async function searchVersions(
  db: Kysely<Database>,
  query: string,
  at: number,
  topic: string | undefined,
): Promise<KnowledgeHit[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const run = isPostgres(db) ? searchPostgres : searchSqlite;
  let rows = await run(db, terms, 'all', at, topic);
  if (rows.length === 0 && terms.length > 1) rows = await run(db, terms, 'any', at, topic);
  return rows.map((row) => ({
    answerId: row.answer_id,
    version: Number(row.version),
    topic: row.topic,
    title: row.title,
    summary: row.summary,
    source: row.source_article
      ? `${row.source_document} ${row.source_article}`
      : row.source_document,
    snippet: row.snippet,
    body: row.body,
  }));
}

type Match = 'all' | 'any';

async function searchSqlite(
  db: Kysely<Database>,
  terms: string[],
  match: Match,
  at: number,
  topic: string | undefined,
): Promise<HitRow[]> {
  const expression = terms.map((term) => `"${term}"*`).join(match === 'all' ? ' ' : ' OR ');
  const inTitle = `title : (${expression})`;
  const { rows } = await sql<HitRow>`
    select v.answer_id, v.version, a.topic, v.title, v.summary, v.source_document,
      v.source_article, v.body,
      snippet(knowledge_fts, -1, '«', '»', '…', 16) as snippet
    from knowledge_fts f
    join knowledge_versions v on v.id = f.version_id
    join knowledge_answers a on a.id = v.answer_id
    where knowledge_fts match ${expression}
      and v.status = 'published'
      and v.effective_from <= ${at}
      and (v.expires_at is null or v.expires_at > ${at})
      ${topic ? sql`and a.topic = ${topic}` : sql``}
    order by
      v.id in (select version_id from knowledge_fts where knowledge_fts match ${inTitle}) desc,
      bm25(knowledge_fts, 0.0, 10.0, 4.0, 1.0),
      v.title
    limit ${LIMIT}
  `.execute(db);
  return rows;
}

async function searchPostgres(
  db: Kysely<Database>,
  terms: string[],
  match: Match,
  at: number,
  topic: string | undefined,
): Promise<HitRow[]> {
  const expression = terms.map((term) => `${term}:*`).join(match === 'all' ? ' & ' : ' | ');
  const { rows } = await sql<HitRow>`
    select v.answer_id, v.version, a.topic, v.title, v.summary, v.source_document,
      v.source_article, v.body,
      ts_headline('simple', v.body, q,
        'StartSel=«, StopSel=», MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…'
      ) as snippet
    from knowledge_versions v
    join knowledge_answers a on a.id = v.answer_id
    cross join to_tsquery('simple', ${expression}) q
    where v.search @@ q
      and v.status = 'published'
      and v.effective_from <= ${at}
      and (v.expires_at is null or v.expires_at > ${at})
      ${topic ? sql`and a.topic = ${topic}` : sql``}
    order by
      to_tsvector('simple', v.title) @@ q desc,
      ts_rank(v.search, q) desc,
      v.title
    limit ${LIMIT}
  `.execute(db);
  return rows;
}

/** `%` and `_` typed by a person mean themselves, not wildcards. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ListFilter {
  status: AnswerStatus | undefined;
  topic?: string | undefined;
  unitId?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Answers for the authoring list, most recently changed first: for each, the highest version in
 * the asked status (without one: the latest version), filtered by topic, unit and words in the
 * title, summary or source; with the total across pages and every version's status.
 */
export async function listAnswers(
  db: Kysely<Database>,
  filter: ListFilter,
): Promise<KnowledgeList> {
  const { status } = filter;
  let query = db
    .selectFrom('knowledge_answers as a')
    .innerJoin('knowledge_versions as v', 'v.answer_id', 'a.id')
    .where('v.version', '=', (eb) =>
      eb
        .selectFrom('knowledge_versions as latest')
        .select((inner) => inner.fn.max('latest.version').as('version'))
        .whereRef('latest.answer_id', '=', 'a.id')
        .$if(status !== undefined, (qb) => qb.where('latest.status', '=', status!)),
    );
  if (filter.topic) query = query.where('a.topic', '=', filter.topic);
  if (filter.unitId) query = query.where('a.unit_id', '=', filter.unitId);
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const pattern = likePattern(word);
    query = query.where((eb) =>
      eb.or(
        (['v.title', 'v.summary', 'v.source_document'] as const).map((column) =>
          eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`),
        ),
      ),
    );
  }
  const [countRow, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst(),
    query
      .innerJoin('users as author', 'author.id', 'v.author_id')
      .select([
        'a.id as answer_id',
        'a.topic',
        'a.unit_id',
        'v.version',
        'v.status',
        'v.title',
        'v.summary',
        'v.updated_at',
        'author.display_name as author_name',
      ])
      .orderBy('v.updated_at', 'desc')
      .orderBy('a.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  const ids = rows.map((r) => r.answer_id);
  const refs =
    ids.length === 0
      ? []
      : await db
          .selectFrom('knowledge_versions')
          .select(['answer_id', 'version', 'status'])
          .where('answer_id', 'in', ids)
          .orderBy('version', 'desc')
          .execute();
  return {
    total: Number(countRow?.total ?? 0),
    items: rows.map((r) => ({
      answerId: r.answer_id,
      topic: r.topic,
      unitId: r.unit_id,
      version: Number(r.version),
      status: r.status as AnswerStatus,
      title: r.title,
      summary: r.summary,
      authorName: r.author_name,
      updatedAt: r.updated_at,
      versions: refs
        .filter((ref) => ref.answer_id === r.answer_id)
        .map((ref) => ({ version: Number(ref.version), status: ref.status as AnswerStatus })),
    })),
  };
}
