import type { Kysely } from 'kysely';
import type { ScriptDefinition } from '../../../shared/domain/guided-script';
import type { ScriptStatus } from '../../../shared/domain/script-versions';
import type { VersionRef } from '../../../shared/domain/versions';
import type { ScriptSummary, ScriptVersionSummary } from '../../../shared/schemas/script';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';

export interface ScriptVersionRow {
  scriptId: string;
  topic: string;
  version: number;
  status: ScriptStatus;
  title: string;
  definition: ScriptDefinition;
  updatedAt: number;
}

/** One version with its script's topic and its definition; `not_found` when there is none. */
export async function loadScriptVersion(
  db: Kysely<Database>,
  scriptId: string,
  version: number,
): Promise<ScriptVersionRow> {
  const row = await db
    .selectFrom('script_versions')
    .innerJoin('scripts', 'scripts.id', 'script_versions.script_id')
    .select([
      'script_versions.version',
      'script_versions.status',
      'script_versions.title',
      'script_versions.definition',
      'script_versions.updated_at',
      'scripts.topic',
    ])
    .where('script_versions.script_id', '=', scriptId)
    .where('script_versions.version', '=', version)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such script version.');
  return {
    scriptId,
    topic: row.topic,
    version: Number(row.version),
    status: row.status as ScriptStatus,
    title: row.title,
    definition: JSON.parse(row.definition) as ScriptDefinition,
    updatedAt: row.updated_at,
  };
}

/** Every version's number and status; `not_found` for a script that does not exist. */
export async function loadVersionRefs(
  db: Kysely<Database>,
  scriptId: string,
): Promise<VersionRef<ScriptStatus>[]> {
  const rows = await db
    .selectFrom('script_versions')
    .select(['version', 'status'])
    .where('script_id', '=', scriptId)
    .execute();
  if (rows.length === 0) throw new AppError('not_found', 'No such script.');
  return rows.map((r) => ({ version: Number(r.version), status: r.status as ScriptStatus }));
}

export interface ScriptFilter {
  scriptId?: string;
  topic?: string;
}

/**
 * Scripts with their versions (newest first), the queues of their topic and who wrote, published
 * and retired each version; in topic order.
 */
export async function loadScriptSummaries(
  db: Kysely<Database>,
  filter: ScriptFilter,
): Promise<ScriptSummary[]> {
  let scripts = db.selectFrom('scripts').select(['id', 'topic']).orderBy('topic');
  if (filter.scriptId !== undefined) scripts = scripts.where('id', '=', filter.scriptId);
  if (filter.topic !== undefined) scripts = scripts.where('topic', '=', filter.topic);
  const scriptRows = await scripts.execute();
  if (scriptRows.length === 0) return [];
  const ids = scriptRows.map((s) => s.id);
  const [queues, versions] = await Promise.all([
    db
      .selectFrom('queues')
      .select(['id', 'topic'])
      .where(
        'topic',
        'in',
        scriptRows.map((s) => s.topic),
      )
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('script_versions as v')
      .leftJoin('users as author', 'author.id', 'v.created_by')
      .leftJoin('users as publisher', 'publisher.id', 'v.published_by')
      .leftJoin('users as retirer', 'retirer.id', 'v.retired_by')
      .select([
        'v.script_id',
        'v.version',
        'v.status',
        'v.title',
        'v.created_at',
        'v.updated_at',
        'v.published_at',
        'v.retired_at',
        'author.display_name as author_name',
        'publisher.display_name as publisher_name',
        'retirer.display_name as retirer_name',
      ])
      .where('v.script_id', 'in', ids)
      .orderBy('v.version', 'desc')
      .execute(),
  ]);
  return scriptRows.map((script) => ({
    id: script.id,
    topic: script.topic,
    queueIds: queues.filter((q) => q.topic === script.topic).map((q) => q.id),
    versions: versions
      .filter((v) => v.script_id === script.id)
      .map((v): ScriptVersionSummary => ({
        version: Number(v.version),
        status: v.status as ScriptStatus,
        title: v.title,
        authorName: v.author_name,
        createdAt: v.created_at,
        updatedAt: v.updated_at,
        publishedAt: v.published_at,
        publishedByName: v.publisher_name,
        retiredAt: v.retired_at,
        retiredByName: v.retirer_name,
      })),
  }));
}
