import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  decide,
  mayAuthor,
  mayStartNewVersion,
  nextVersionNumber,
  versionsRetiredByPublishing,
  type AnswerStatus,
  type KnowledgeAction,
} from '../../../shared/domain/knowledge';
import type {
  AnswerDetail,
  AnswerVersion,
  CreateAnswerBody,
  KnowledgeList,
  KnowledgeListQuery,
  KnowledgeSearchResult,
  VersionBody,
} from '../../../shared/schemas/knowledge';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import { announce, publishNotice } from '../publications/announce';
import { indexVersion, listAnswers, lockAnswer, searchVersions } from './repository';

type VersionInput = VersionBody;

/**
 * The knowledge base: authors write drafts, a second person publishes them, agents search what is
 * in force. Every state change is checked against the domain rules inside a transaction and
 * applied only if the version is still in the state it was read in.
 */
export class KnowledgeService {
  constructor(private readonly ctx: ServiceContext) {}

  async search(query: string, topic: string | undefined): Promise<KnowledgeSearchResult> {
    return { hits: await searchVersions(this.ctx.db, query, this.ctx.clock.now(), topic) };
  }

  async detail(viewer: User, answerId: string): Promise<AnswerDetail> {
    const detail = await loadDetail(this.ctx.db, answerId);
    // Agents read what was or is official, never work in progress.
    if (!mayAuthor(viewer.role)) {
      detail.versions = detail.versions.filter((v) => AGENT_VISIBLE.includes(v.status));
    }
    return detail;
  }

  async create(author: User, body: CreateAnswerBody): Promise<AnswerDetail> {
    if (!mayAuthor(author.role)) throw new AppError('forbidden', 'Your role may not do this.');
    const { db, clock } = this.ctx;
    await assertKnownReferences(db, body.topic, body.unitId);
    const id = randomUUID();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('knowledge_answers')
        .values({ id, topic: body.topic, unit_id: body.unitId, created_at: now })
        .execute();
      await insertVersion(trx, id, 1, body, author.id, now);
    });
    return loadDetail(db, id);
  }

  async newVersion(author: User, answerId: string, body: VersionInput): Promise<AnswerDetail> {
    if (!mayAuthor(author.role)) throw new AppError('forbidden', 'Your role may not do this.');
    const { db, clock } = this.ctx;
    await db.transaction().execute(async (trx) => {
      await lockAnswer(trx, answerId);
      const versions = await loadVersionRefs(trx, answerId);
      if (!mayStartNewVersion(versions)) {
        throw new AppError('conflict', 'This answer already has a draft or a version in review.');
      }
      await insertVersion(trx, answerId, nextVersionNumber(versions), body, author.id, clock.now());
    });
    return loadDetail(db, answerId);
  }

  async editDraft(
    author: User,
    answerId: string,
    version: number,
    body: VersionInput,
  ): Promise<AnswerDetail> {
    const { db, clock } = this.ctx;
    await db.transaction().execute(async (trx) => {
      const row = await loadVersionRow(trx, answerId, version);
      check(decide({ status: row.status, authorId: row.author_id }, 'edit', author));
      const result = await trx
        .updateTable('knowledge_versions')
        .set({ ...versionColumns(body), updated_at: clock.now() })
        .where('id', '=', row.id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw changedUnderneath();
      await indexVersion(trx, { versionId: row.id, ...body });
    });
    return loadDetail(db, answerId);
  }

  /**
   * Submit, send back, publish or retire one version. Publishing announces the change in the same
   * transaction and pushes the notice to everyone online once committed.
   */
  async transition(
    actor: User,
    answerId: string,
    version: number,
    action: Exclude<KnowledgeAction, 'edit'>,
    { note, mustRead }: { note?: string | undefined; mustRead?: boolean | undefined },
  ): Promise<AnswerDetail> {
    const { db, clock } = this.ctx;
    const notice = await db.transaction().execute(async (trx) => {
      await lockAnswer(trx, answerId);
      const row = await loadVersionRow(trx, answerId, version);
      const decision = check(
        decide({ status: row.status, authorId: row.author_id }, action, actor),
      );
      const now = clock.now();
      const result = await trx
        .updateTable('knowledge_versions')
        .set({
          status: decision,
          updated_at: now,
          ...(note !== undefined ? { note } : {}),
          ...(action === 'publish' ? { published_at: now, reviewer_id: actor.id } : {}),
          ...(action === 'send_back' ? { reviewer_id: actor.id } : {}),
          ...(action === 'retire' ? { retired_at: now } : {}),
        })
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw changedUnderneath();
      if (action === 'publish') {
        const retired = versionsRetiredByPublishing(await loadVersionRefs(trx, answerId), version);
        if (retired.length > 0) {
          await trx
            .updateTable('knowledge_versions')
            .set({ status: 'retired', retired_at: now, updated_at: now })
            .where('answer_id', '=', answerId)
            .where('version', 'in', retired)
            .execute();
        }
        return announce(trx, {
          kind: 'answer',
          itemId: answerId,
          version,
          title: row.title,
          topic: row.topic,
          whatChanged: note ?? null,
          publishedBy: actor,
          publishedAt: now,
          mustRead,
        });
      }
      return undefined;
    });
    if (notice) publishNotice(this.ctx.publisher, notice);
    return loadDetail(db, answerId);
  }

  /** The authoring list; agents see published (and retired) answers only. */
  async list(viewer: User, query: KnowledgeListQuery): Promise<KnowledgeList> {
    const isAuthor = mayAuthor(viewer.role);
    if (!isAuthor && query.status !== undefined && !AGENT_VISIBLE.includes(query.status)) {
      throw new AppError('forbidden', 'Agents see published and retired answers only.');
    }
    const status = query.status ?? (isAuthor ? undefined : 'published');
    return listAnswers(this.ctx.db, { ...query, status });
  }
}

/** What agents may read: what was or is official, never work in progress. */
const AGENT_VISIBLE: readonly AnswerStatus[] = ['published', 'retired'];

function check(decision: ReturnType<typeof decide>): AnswerStatus {
  if (decision.ok) return decision.to;
  if (decision.reason === 'forbidden')
    throw new AppError('forbidden', 'Your role may not do this.');
  if (decision.reason === 'own_work') {
    throw new AppError('forbidden', 'Another reviewer must publish an answer you wrote.');
  }
  throw new AppError('conflict', 'The version is not in a state that allows this.');
}

function changedUnderneath(): AppError {
  return new AppError('conflict', 'Someone else changed this version; reload it.');
}

async function assertKnownReferences(
  db: Kysely<Database>,
  topic: string,
  unitId: string,
): Promise<void> {
  const [topicRow, unitRow] = await Promise.all([
    db.selectFrom('topics').select('code').where('code', '=', topic).executeTakeFirst(),
    db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst(),
  ]);
  const fields = [
    ...(topicRow ? [] : [{ path: 'body.topic', message: 'unknown topic' }]),
    ...(unitRow ? [] : [{ path: 'body.unitId', message: 'unknown unit' }]),
  ];
  if (fields.length > 0) throw invalidPayload(fields);
}

function versionColumns(body: VersionInput) {
  return {
    title: body.title,
    body: body.body,
    summary: body.summary,
    source_document: body.sourceDocument,
    source_article: body.sourceArticle,
    effective_from: body.effectiveFrom,
    expires_at: body.expiresAt,
  };
}

async function insertVersion(
  trx: Kysely<Database>,
  answerId: string,
  version: number,
  body: VersionInput,
  authorId: string,
  now: number,
): Promise<void> {
  const id = randomUUID();
  await trx
    .insertInto('knowledge_versions')
    .values({
      id,
      answer_id: answerId,
      version,
      status: 'draft',
      ...versionColumns(body),
      author_id: authorId,
      reviewer_id: null,
      note: null,
      created_at: now,
      updated_at: now,
      published_at: null,
      retired_at: null,
    })
    .execute();
  await indexVersion(trx, {
    versionId: id,
    title: body.title,
    summary: body.summary,
    body: body.body,
  });
}

async function loadVersionRefs(db: Kysely<Database>, answerId: string) {
  const rows = await db
    .selectFrom('knowledge_versions')
    .select(['version', 'status'])
    .where('answer_id', '=', answerId)
    .execute();
  if (rows.length === 0) throw new AppError('not_found', 'No such answer.');
  return rows.map((r) => ({ version: Number(r.version), status: r.status as AnswerStatus }));
}

async function loadVersionRow(db: Kysely<Database>, answerId: string, version: number) {
  const row = await db
    .selectFrom('knowledge_versions as v')
    .innerJoin('knowledge_answers as a', 'a.id', 'v.answer_id')
    .select(['v.id', 'v.status', 'v.author_id', 'v.title', 'a.topic'])
    .where('v.answer_id', '=', answerId)
    .where('v.version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such answer version.');
  return { ...row, status: row.status as AnswerStatus };
}

async function loadDetail(db: Kysely<Database>, answerId: string): Promise<AnswerDetail> {
  const answer = await db
    .selectFrom('knowledge_answers')
    .selectAll()
    .where('id', '=', answerId)
    .executeTakeFirst();
  if (!answer) throw new AppError('not_found', 'No such answer.');
  const rows = await db
    .selectFrom('knowledge_versions as v')
    .innerJoin('users as author', 'author.id', 'v.author_id')
    .leftJoin('users as reviewer', 'reviewer.id', 'v.reviewer_id')
    .selectAll('v')
    .select(['author.display_name as author_name', 'reviewer.display_name as reviewer_name'])
    .where('v.answer_id', '=', answerId)
    .orderBy('v.version', 'desc')
    .execute();
  const versions: AnswerVersion[] = rows.map((r) => ({
    version: Number(r.version),
    status: r.status as AnswerStatus,
    title: r.title,
    body: r.body,
    summary: r.summary,
    sourceDocument: r.source_document,
    sourceArticle: r.source_article,
    effectiveFrom: r.effective_from,
    expiresAt: r.expires_at,
    authorId: r.author_id,
    authorName: r.author_name,
    reviewerName: r.reviewer_name,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    retiredAt: r.retired_at,
  }));
  return { id: answer.id, topic: answer.topic, unitId: answer.unit_id, versions };
}
