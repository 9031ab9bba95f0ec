import { randomUUID } from 'node:crypto';
import { announce, publishNotice } from '../publications/announce';
import type { PublicationNotice } from '../../../shared/schemas/publication';
import type { Kysely } from 'kysely';
import {
  decideScriptAction,
  draftSourceVersion,
  isScriptVersionVisible,
  mayEditScripts,
  mayStartScriptDraft,
  type ScriptAction,
  type ScriptStatus,
} from '../../../shared/domain/script-versions';
import { nextVersionNumber, versionsRetiredByPublishing } from '../../../shared/domain/versions';
import type {
  CreateScriptBody,
  ScriptDraftBody,
  ScriptList,
  ScriptSummary,
  ScriptVersionView,
} from '../../../shared/schemas/script';
import type { User } from '../../../shared/schemas/user';
import { lockRow } from '../../store/row-lock';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import {
  loadScriptSummaries,
  loadScriptVersion,
  loadVersionRefs,
  type ScriptFilter,
  type ScriptVersionRow,
} from './version-repository';

/** What another module hears when a script version has been published (after the commit). */
export interface ScriptPublished {
  scriptId: string;
  version: number;
  title: string;
  topic: string;
  publishedAt: number;
  publishedById: string;
}

export type ScriptPublishedListener = (info: ScriptPublished) => void | Promise<void>;

/**
 * The script editor: trainers and administrators draft a topic's script, publish it (retiring the
 * version before it in the same transaction) or retire it; everyone else reads what agents are
 * given. Conversations keep the version they pinned (repository.ts), so nothing here reaches a
 * conversation already under way.
 */
export class ScriptEditorService {
  private readonly publishedListeners: ScriptPublishedListener[] = [];

  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Also tells `listener` of every publication, once committed. A listener that fails is logged;
   * the publication stands.
   */
  onPublished(listener: ScriptPublishedListener): void {
    this.publishedListeners.push(listener);
  }

  async list(viewer: User, filter: { topic?: string; queueId?: string }): Promise<ScriptList> {
    const { db } = this.ctx;
    const query: ScriptFilter = { topic: filter.topic };
    if (filter.queueId !== undefined) {
      const queue = await db
        .selectFrom('queues')
        .select('topic')
        .where('id', '=', filter.queueId)
        .executeTakeFirst();
      if (!queue) throw invalidPayload([{ path: 'querystring.queueId', message: 'unknown queue' }]);
      if (filter.topic !== undefined && filter.topic !== queue.topic) return { scripts: [] };
      query.topic = queue.topic;
    }
    const scripts = (await loadScriptSummaries(db, query))
      .map((script) => visibleTo(viewer, script))
      .filter((script) => script.versions.length > 0);
    return { scripts };
  }

  async version(viewer: User, scriptId: string, version: number): Promise<ScriptVersionView> {
    const view = await loadView(this.ctx.db, scriptId, version);
    if (!isScriptVersionVisible(viewer.role, view.version.status)) {
      throw new AppError('forbidden', 'Drafts are for the script editors.');
    }
    return { ...view, script: visibleTo(viewer, view.script) };
  }

  async create(author: User, body: CreateScriptBody): Promise<ScriptVersionView> {
    if (!mayEditScripts(author.role)) throw forbidden();
    const { db, clock } = this.ctx;
    const topic = await db
      .selectFrom('topics')
      .select('code')
      .where('code', '=', body.topic)
      .executeTakeFirst();
    if (!topic) throw invalidPayload([{ path: 'body.topic', message: 'unknown topic' }]);
    const id = randomUUID();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('scripts')
        // `steps` is the column of the straight scripts from before versions; unused since.
        .values({ id, topic: body.topic, title: body.title, steps: '[]' })
        .onConflict((oc) => oc.column('topic').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) {
        throw new AppError('conflict', 'This topic has a script already; start a new version.');
      }
      await insertDraft(trx, id, 1, body, author.id, now);
    });
    return loadView(db, id, 1);
  }

  /** A new draft, copied from the published version (else the latest). */
  async startDraft(author: User, scriptId: string): Promise<ScriptVersionView> {
    if (!mayEditScripts(author.role)) throw forbidden();
    const { db, clock } = this.ctx;
    const version = await db.transaction().execute(async (trx) => {
      await lockRow(trx, 'scripts', scriptId);
      const versions = await loadVersionRefs(trx, scriptId);
      if (!mayStartScriptDraft(versions)) {
        throw new AppError('conflict', 'This script has a draft already; edit that one.');
      }
      const source = await loadScriptVersion(trx, scriptId, draftSourceVersion(versions)!);
      const next = nextVersionNumber(versions);
      await insertDraft(trx, scriptId, next, source, author.id, clock.now());
      return next;
    });
    return loadView(db, scriptId, version);
  }

  async editDraft(
    author: User,
    scriptId: string,
    version: number,
    body: ScriptDraftBody,
  ): Promise<ScriptVersionView> {
    await this.transition(author, scriptId, version, 'edit', (now, _trx, row) => {
      if (row.updatedAt !== body.baseUpdatedAt) {
        throw new AppError('conflict', 'Someone else saved this draft meanwhile; reload it.');
      }
      // Always later than the version read, so the next save's base tells the two apart.
      return {
        title: body.title,
        definition: JSON.stringify(body.definition),
        updated_at: Math.max(now, row.updatedAt + 1),
      };
    });
    return loadView(this.ctx.db, scriptId, version);
  }

  async publish(actor: User, scriptId: string, version: number): Promise<ScriptVersionView> {
    let notice: PublicationNotice | undefined;
    const { row, at } = await this.transition(
      actor,
      scriptId,
      version,
      'publish',
      async (now, trx, current) => {
        await retireOthers(trx, scriptId, version, actor.id, now);
        // The banner on every desk is written with the publication: both or neither.
        notice = await announce(trx, {
          kind: 'script',
          itemId: scriptId,
          version,
          title: current.title,
          topic: current.topic,
          whatChanged: null,
          publishedBy: actor,
          publishedAt: now,
        });
        return { status: 'published', published_at: now, published_by: actor.id, updated_at: now };
      },
    );
    if (notice !== undefined) publishNotice(this.ctx.publisher, notice);
    const published: ScriptPublished = {
      scriptId,
      version,
      title: row.title,
      topic: row.topic,
      publishedAt: at,
      publishedById: actor.id,
    };
    for (const listener of this.publishedListeners) {
      try {
        await listener(published);
      } catch (error) {
        this.ctx.log.error({ err: error, scriptId, version }, 'script published listener failed');
      }
    }
    return loadView(this.ctx.db, scriptId, version);
  }

  async retire(actor: User, scriptId: string, version: number): Promise<ScriptVersionView> {
    await this.transition(actor, scriptId, version, 'retire', (now) => ({
      status: 'retired',
      retired_at: now,
      retired_by: actor.id,
      updated_at: now,
    }));
    return loadView(this.ctx.db, scriptId, version);
  }

  /**
   * One change to one version, under the script's lock: the rules decide from the status read,
   * and the write applies only if the status is still that one.
   */
  private async transition(
    actor: User,
    scriptId: string,
    version: number,
    action: ScriptAction,
    changes: (
      now: number,
      trx: Kysely<Database>,
      row: ScriptVersionRow,
    ) => VersionChanges | Promise<VersionChanges>,
  ) {
    const { db, clock } = this.ctx;
    return db.transaction().execute(async (trx) => {
      await lockRow(trx, 'scripts', scriptId);
      const row = await loadScriptVersion(trx, scriptId, version);
      const decision = decideScriptAction(row.status, action, actor.role);
      if (!decision.ok) {
        if (decision.reason === 'forbidden') throw forbidden();
        throw new AppError('conflict', `This version is ${row.status}; only a draft may change.`);
      }
      const at = clock.now();
      const result = await trx
        .updateTable('script_versions')
        .set(await changes(at, trx, row))
        .where('script_id', '=', scriptId)
        .where('version', '=', version)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new AppError('conflict', 'Someone else changed this version; reload it.');
      }
      return { row, at };
    });
  }
}

type VersionChanges = {
  title?: string;
  definition?: string;
  status?: ScriptStatus;
  updated_at: number;
  published_at?: number;
  published_by?: string;
  retired_at?: number;
  retired_by?: string;
};

function forbidden(): AppError {
  return new AppError('forbidden', 'Your role may not do this.');
}

/** Readers see the versions agents were or are given, not work in progress. */
function visibleTo(viewer: User, script: ScriptSummary): ScriptSummary {
  return {
    ...script,
    versions: script.versions.filter((v) => isScriptVersionVisible(viewer.role, v.status)),
  };
}

/** The published version before this one is retired first: at most one is ever published. */
async function retireOthers(
  trx: Kysely<Database>,
  scriptId: string,
  publishing: number,
  actorId: string,
  now: number,
): Promise<void> {
  const retired = versionsRetiredByPublishing(await loadVersionRefs(trx, scriptId), publishing);
  if (retired.length === 0) return;
  await trx
    .updateTable('script_versions')
    .set({ status: 'retired', retired_at: now, retired_by: actorId, updated_at: now })
    .where('script_id', '=', scriptId)
    .where('version', 'in', retired)
    .execute();
}

async function insertDraft(
  trx: Kysely<Database>,
  scriptId: string,
  version: number,
  content: Pick<ScriptDraftBody, 'title' | 'definition'>,
  authorId: string,
  now: number,
): Promise<void> {
  await trx
    .insertInto('script_versions')
    .values({
      script_id: scriptId,
      version,
      status: 'draft',
      title: content.title,
      definition: JSON.stringify(content.definition),
      created_by: authorId,
      created_at: now,
      updated_at: now,
      published_at: null,
      published_by: null,
      retired_at: null,
      retired_by: null,
    })
    .execute();
}

async function loadView(
  db: Kysely<Database>,
  scriptId: string,
  version: number,
): Promise<ScriptVersionView> {
  const row = await loadScriptVersion(db, scriptId, version);
  const [script] = await loadScriptSummaries(db, { scriptId });
  const summary = script!.versions.find((v) => v.version === version)!;
  return { script: script!, version: { ...summary, definition: row.definition } };
}
