import type { Kysely } from 'kysely';
import { templateVariables } from '../../../shared/domain/template';
import type { CannedResponse } from '../../../shared/schemas/canned-response';
import type { Database } from '../../store/schema';

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('canned_responses')
    .innerJoin('users', 'users.id', 'canned_responses.updated_by')
    .selectAll('canned_responses')
    .select('users.display_name as updated_by_name');
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toCannedResponse(row: Row): CannedResponse {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    text: row.text,
    topic: row.topic,
    status: row.status === 'retired' ? 'retired' : 'active',
    variables: templateVariables(row.text),
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

/** Active responses by code; retired ones after them when asked for. */
export async function listCannedResponses(
  db: Kysely<Database>,
  options: { includeRetired: boolean },
): Promise<CannedResponse[]> {
  let query = baseQuery(db);
  if (!options.includeRetired) query = query.where('canned_responses.status', '=', 'active');
  const rows = await query
    .orderBy('canned_responses.status')
    .orderBy('canned_responses.code')
    .orderBy('canned_responses.updated_at', 'desc')
    .execute();
  return rows.map(toCannedResponse);
}

export async function loadCannedResponse(
  db: Kysely<Database>,
  id: string,
): Promise<CannedResponse | undefined> {
  const row = await baseQuery(db).where('canned_responses.id', '=', id).executeTakeFirst();
  return row && toCannedResponse(row);
}

/** The active response holding `code`, other than `exceptId`. */
export async function findActiveByCode(
  db: Kysely<Database>,
  code: string,
  exceptId?: string,
): Promise<{ id: string } | undefined> {
  let query = db
    .selectFrom('canned_responses')
    .select('id')
    .where('code', '=', code)
    .where('status', '=', 'active');
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}
