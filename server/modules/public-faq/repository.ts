import type { Kysely } from 'kysely';
import { QUESTION_TAGS, type QuestionTag } from '../../../shared/domain/policy-report';
import type { Database } from '../../store/schema';
import { searchVersions } from '../knowledge/repository';

type Db = Kysely<Database>;

/**
 * What the public FAQ may show, read column by column: only published policies and published
 * answers in force, only their public fields (never notes, authors, reviewers or internal notes),
 * editor-approved questions, and question counts per tag (never a citizen's words).
 */
export interface PublicAnswer {
  answerId: string;
  title: string;
  summary: string;
  body: string;
  source: string;
  publishedAt: number;
  /** «marked» words where a search matched; absent outside a search. */
  snippet?: string;
}

export interface PublicPolicy {
  id: string;
  title: string;
  plainSummary: string;
  effectiveFrom: number;
  publishedAt: number;
  unitName: string;
  answers: PublicAnswer[];
  questions: string[];
  /** Questions asked about it in the last 90 days, per tag, most asked first. */
  askedByTag: { tag: QuestionTag; count: number }[];
}

const ASKED_WINDOW_MS = 90 * 86_400_000;

function sourceOf(row: { source_document: string; source_article: string | null }): string {
  return row.source_article ? `${row.source_document} ${row.source_article}` : row.source_document;
}

/** Published answers in force at `now`, by answer id (the published version only). */
async function answersInForce(db: Db, answerIds: readonly string[], now: number) {
  if (answerIds.length === 0) return new Map<string, PublicAnswer>();
  const rows = await db
    .selectFrom('knowledge_versions')
    .select([
      'answer_id',
      'title',
      'summary',
      'body',
      'source_document',
      'source_article',
      'published_at',
    ])
    .where('answer_id', 'in', answerIds)
    .where('status', '=', 'published')
    .where('effective_from', '<=', now)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  return new Map(
    rows.map((r) => [
      r.answer_id,
      {
        answerId: r.answer_id,
        title: r.title,
        summary: r.summary,
        body: r.body,
        source: sourceOf(r),
        publishedAt: Number(r.published_at ?? 0),
      },
    ]),
  );
}

export async function publicPolicies(db: Db, now: number): Promise<PublicPolicy[]> {
  const policies = await db
    .selectFrom('policies as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select([
      'p.id',
      'p.title',
      'p.plain_summary',
      'p.effective_from',
      'p.published_at',
      'u.name as unit_name',
    ])
    .where('p.status', '=', 'published')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .execute();
  if (policies.length === 0) return [];
  const ids = policies.map((p) => p.id);
  const [links, questions, asked] = await Promise.all([
    db
      .selectFrom('policy_links')
      .select(['policy_id', 'item_id'])
      .where('policy_id', 'in', ids)
      .where('kind', '=', 'answer')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('policy_public_questions')
      .select(['policy_id', 'text'])
      .where('policy_id', 'in', ids)
      .orderBy('approved_at')
      .execute(),
    db
      .selectFrom('policy_feedback')
      .select(['policy_id', 'tag'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('policy_id', 'in', ids)
      .where('tag', 'is not', null)
      .where('at', '>=', now - ASKED_WINDOW_MS)
      .groupBy(['policy_id', 'tag'])
      .execute(),
  ]);
  const answers = await answersInForce(
    db,
    links.map((l) => l.item_id),
    now,
  );
  return policies.map((p) => ({
    id: p.id,
    title: p.title,
    plainSummary: p.plain_summary,
    effectiveFrom: Number(p.effective_from),
    publishedAt: Number(p.published_at ?? 0),
    unitName: p.unit_name,
    answers: links.flatMap((l) => {
      const answer = l.policy_id === p.id ? answers.get(l.item_id) : undefined;
      return answer ? [answer] : [];
    }),
    questions: questions.filter((q) => q.policy_id === p.id).map((q) => q.text),
    askedByTag: asked
      .filter((a) => a.policy_id === p.id && QUESTION_TAGS.includes(a.tag as QuestionTag))
      .map((a) => ({ tag: a.tag as QuestionTag, count: Number(a.count) }))
      .sort((a, b) => b.count - a.count),
  }));
}

/** Published answers in force matching the words, best first (the desk's own search). */
export async function searchPublicAnswers(
  db: Db,
  query: string,
  now: number,
): Promise<PublicAnswer[]> {
  const hits = await searchVersions(db, query, now, undefined);
  const published = await answersInForce(
    db,
    hits.map((h) => h.answerId),
    now,
  );
  return hits.flatMap((hit) => {
    const answer = published.get(hit.answerId);
    return answer ? [{ ...answer, snippet: hit.snippet }] : [];
  });
}

export interface FeedItem {
  id: string;
  kind: 'policy' | 'answer';
  title: string;
  summary: string;
  publishedAt: number;
}

/**
 * The newest published policies and the newest published answers in force (up to `limit` of
 * each, so a burst of answers never pushes a policy out), newest first.
 */
export async function feedItems(db: Db, now: number, limit = 50): Promise<FeedItem[]> {
  const [policies, answers] = await Promise.all([
    db
      .selectFrom('policies')
      .select(['id', 'title', 'plain_summary', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute(),
    db
      .selectFrom('knowledge_versions')
      .select(['answer_id', 'title', 'summary', 'published_at'])
      .where('status', '=', 'published')
      .where('published_at', 'is not', null)
      .where('effective_from', '<=', now)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('published_at', 'desc')
      .orderBy('answer_id')
      .limit(limit)
      .execute(),
  ]);
  return [
    ...policies.map((p) => ({
      id: p.id,
      kind: 'policy' as const,
      title: p.title,
      summary: p.plain_summary,
      publishedAt: Number(p.published_at),
    })),
    ...answers.map((a) => ({
      id: a.answer_id,
      kind: 'answer' as const,
      title: a.title,
      summary: a.summary,
      publishedAt: Number(a.published_at),
    })),
  ].sort((a, b) => b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : 1));
}
