import type { Kysely } from 'kysely';
import type { Policy, PolicyStatus } from '../../../shared/schemas/policy';
import type { Database } from '../../store/schema';

type Db = Kysely<Database>;

/** Policies with their owning unit's name and their linked answers and scripts, by id order. */
export async function loadPolicies(
  db: Db,
  filter: { ids?: readonly string[]; unitIds?: readonly string[]; status?: PolicyStatus } = {},
): Promise<Policy[]> {
  if (filter.ids?.length === 0 || filter.unitIds?.length === 0) return [];
  let query = db
    .selectFrom('policies as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .orderBy('p.title')
    .orderBy('p.id');
  if (filter.ids) query = query.where('p.id', 'in', filter.ids);
  if (filter.unitIds) query = query.where('p.unit_id', 'in', filter.unitIds);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('policy_links')
    .selectAll()
    .where(
      'policy_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const answerIds = links.filter((l) => l.kind === 'answer').map((l) => l.item_id);
  const scriptIds = links.filter((l) => l.kind === 'script').map((l) => l.item_id);
  const [answerTitles, scriptTitles] = await Promise.all([
    answerIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('knowledge_versions')
          .select(['answer_id as id', 'title', 'version'])
          .where('answer_id', 'in', answerIds)
          .orderBy('version', 'desc')
          .execute(),
    scriptIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('scripts').select(['id', 'title']).where('id', 'in', scriptIds).execute(),
  ]);
  // The latest version names an answer.
  const answerTitle = new Map<string, string>();
  for (const row of answerTitles) if (!answerTitle.has(row.id)) answerTitle.set(row.id, row.title);
  const scriptTitle = new Map(scriptTitles.map((s) => [s.id, s.title]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    plainSummary: row.plain_summary,
    effectiveFrom: Number(row.effective_from),
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: row.status as PolicyStatus,
    publishedAt: row.published_at === null ? null : Number(row.published_at),
    answers: links
      .filter((l) => l.policy_id === row.id && l.kind === 'answer')
      .map((l) => ({ answerId: l.item_id, title: answerTitle.get(l.item_id) ?? l.item_id })),
    scripts: links
      .filter((l) => l.policy_id === row.id && l.kind === 'script')
      .map((l) => ({ scriptId: l.item_id, title: scriptTitle.get(l.item_id) ?? l.item_id })),
    internalNote: row.internal_note,
    updatedAt: Number(row.updated_at),
  }));
}

export async function replaceLinks(
  db: Db,
  policyId: string,
  answerIds: readonly string[],
  scriptIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('policy_links').where('policy_id', '=', policyId).execute();
  const rows = [
    ...[...new Set(answerIds)].map((item_id, position) => ({ kind: 'answer', item_id, position })),
    ...[...new Set(scriptIds)].map((item_id, position) => ({ kind: 'script', item_id, position })),
  ].map((row) => ({ ...row, policy_id: policyId }));
  if (rows.length > 0) await db.insertInto('policy_links').values(rows).execute();
}

/** The units a `unit` user belongs to. */
export async function unitIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('unit_members')
    .select('unit_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.unit_id);
}
