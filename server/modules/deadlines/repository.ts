import type { Kysely } from 'kysely';
import {
  RequestTypeRulesSchema,
  type RequestType,
  type RequestTypeRules,
} from '../../../shared/schemas/deadlines';
import type { Database } from '../../store/schema';

/**
 * An instance's override of one request type's rules, when there is one. A stored override that
 * no longer parses stops the computation with a clear error rather than falling back silently.
 */
export async function loadRuleOverride(
  db: Kysely<Database>,
  type: RequestType,
): Promise<RequestTypeRules | undefined> {
  const row = await db
    .selectFrom('deadline_rules')
    .select('rules')
    .where('request_type', '=', type)
    .executeTakeFirst();
  if (!row) return undefined;
  const parsed = RequestTypeRulesSchema.safeParse(JSON.parse(row.rules));
  if (!parsed.success) {
    throw new Error(`The stored deadline rules for ${type} are invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}
