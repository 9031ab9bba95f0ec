import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { mayManagePolicies } from '../../../shared/domain/campaigns';
import type { Policy, PolicyBody, PolicyList } from '../../../shared/schemas/policy';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import { loadPolicies, replaceLinks, unitIdsOf } from './repository';

/**
 * The policy catalog: administrators write policies (draft → published → retired) with a
 * plain-language summary, effective date, owning unit and links to answers and scripts. Leads read
 * every policy, unit staff their unit's, agents the published ones (to record feedback on).
 */
export class PolicyService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(viewer: User): Promise<PolicyList> {
    const { db } = this.ctx;
    if (viewer.role === 'admin' || viewer.role === 'lead') {
      return { policies: await loadPolicies(db) };
    }
    if (viewer.role === 'unit') {
      return { policies: await loadPolicies(db, { unitIds: await unitIdsOf(db, viewer.id) }) };
    }
    // Agents and trainers: what the public may be told, without the owners' notes.
    const published = await loadPolicies(db, { status: 'published' });
    return { policies: published.map((p) => ({ ...p, internalNote: null })) };
  }

  async create(author: User, body: PolicyBody): Promise<Policy> {
    assertManager(author);
    const { db, clock } = this.ctx;
    const id = randomUUID();
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await assertReferences(trx, body);
      await trx
        .insertInto('policies')
        .values({
          id,
          title: body.title,
          plain_summary: body.plainSummary,
          effective_from: body.effectiveFrom,
          unit_id: body.unitId,
          status: 'draft',
          published_at: null,
          retired_at: null,
          internal_note: body.internalNote,
          created_by: author.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await replaceLinks(trx, id, body.answerIds, body.scriptIds);
    });
    return this.one(id);
  }

  async update(author: User, id: string, body: PolicyBody): Promise<Policy> {
    assertManager(author);
    const { db, clock } = this.ctx;
    await db.transaction().execute(async (trx) => {
      await assertReferences(trx, body);
      const result = await trx
        .updateTable('policies')
        .set({
          title: body.title,
          plain_summary: body.plainSummary,
          effective_from: body.effectiveFrom,
          unit_id: body.unitId,
          internal_note: body.internalNote,
          updated_at: clock.now(),
        })
        .where('id', '=', id)
        .where('status', '!=', 'retired')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) await throwMissingOrRetired(trx, id);
      await replaceLinks(trx, id, body.answerIds, body.scriptIds);
    });
    return this.one(id);
  }

  /** draft → published, or published → retired; anything else is a conflict. */
  async transition(actor: User, id: string, to: 'published' | 'retired'): Promise<Policy> {
    assertManager(actor);
    const { db, clock } = this.ctx;
    const now = clock.now();
    const from = to === 'published' ? 'draft' : 'published';
    const result = await db
      .updateTable('policies')
      .set({
        status: to,
        updated_at: now,
        ...(to === 'published' ? { published_at: now } : { retired_at: now }),
      })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const exists = await db.selectFrom('policies').select('id').where('id', '=', id).execute();
      if (exists.length === 0) throw new AppError('not_found', 'No such policy.');
      throw new AppError('conflict', `Only a ${from} policy can become ${to}.`);
    }
    return this.one(id);
  }

  async one(id: string): Promise<Policy> {
    const [policy] = await loadPolicies(this.ctx.db, { ids: [id] });
    if (!policy) throw new AppError('not_found', 'No such policy.');
    return policy;
  }
}

function assertManager(user: User): void {
  if (!mayManagePolicies(user.role)) {
    throw new AppError('forbidden', 'Only administrators manage the policy catalog.');
  }
}

async function throwMissingOrRetired(db: Kysely<Database>, id: string): Promise<never> {
  const row = await db.selectFrom('policies').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such policy.');
  throw new AppError('conflict', 'A retired policy cannot be changed.');
}

async function assertReferences(db: Kysely<Database>, body: PolicyBody): Promise<void> {
  const [unit, answers, scripts] = await Promise.all([
    db.selectFrom('units').select('id').where('id', '=', body.unitId).executeTakeFirst(),
    body.answerIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('knowledge_answers').select('id').where('id', 'in', body.answerIds).execute(),
    body.scriptIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('scripts').select('id').where('id', 'in', body.scriptIds).execute(),
  ]);
  const knownAnswers = new Set(answers.map((a) => a.id));
  const knownScripts = new Set(scripts.map((s) => s.id));
  const fields = [
    ...(unit ? [] : [{ path: 'body.unitId', message: 'unknown unit' }]),
    ...body.answerIds.flatMap((id, index) =>
      knownAnswers.has(id) ? [] : [{ path: `body.answerIds.${index}`, message: 'unknown answer' }],
    ),
    ...body.scriptIds.flatMap((id, index) =>
      knownScripts.has(id) ? [] : [{ path: `body.scriptIds.${index}`, message: 'unknown script' }],
    ),
  ];
  if (fields.length > 0) throw invalidPayload(fields);
}
