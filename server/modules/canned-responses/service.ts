import { randomUUID } from 'node:crypto';
import type { CannedResponse, CannedResponseBody } from '../../../shared/schemas/canned-response';
import { CANNED_RESPONSE_MANAGER_ROLES } from '../../../shared/schemas/canned-response';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import { findActiveByCode, listCannedResponses, loadCannedResponse } from './repository';

function codeTaken(code: string): AppError {
  return new AppError('conflict', `The code "${code}" is already used by an active response.`, [
    { path: 'body.code', message: 'already used by an active response' },
  ]);
}

/** A unique index guards the active codes; two saves racing for one code lose at the commit. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Canned responses: administrators and trainers write and retire them, every signed-in user reads
 * the active ones. A code belongs to one active response at a time.
 */
export class CannedResponseService {
  constructor(private readonly ctx: ServiceContext) {}

  list(viewer: User, includeRetired: boolean): Promise<CannedResponse[]> {
    return listCannedResponses(this.ctx.db, {
      includeRetired: includeRetired && CANNED_RESPONSE_MANAGER_ROLES.includes(viewer.role),
    });
  }

  async create(author: User, body: CannedResponseBody): Promise<CannedResponse> {
    const { db, clock } = this.ctx;
    const id = randomUUID();
    await this.save(body.code, async () => {
      await db.transaction().execute(async (trx) => {
        await assertKnownTopic(trx, body.topic);
        if (await findActiveByCode(trx, body.code)) throw codeTaken(body.code);
        const now = clock.now();
        await trx
          .insertInto('canned_responses')
          .values({
            id,
            code: body.code,
            title: body.title,
            text: body.text,
            topic: body.topic,
            status: 'active',
            created_by: author.id,
            created_at: now,
            updated_by: author.id,
            updated_at: now,
            retired_at: null,
          })
          .execute();
      });
    });
    return this.read(id);
  }

  async update(author: User, id: string, body: CannedResponseBody): Promise<CannedResponse> {
    const { db, clock } = this.ctx;
    await this.save(body.code, async () => {
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('canned_responses')
          .select(['status'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current) throw new AppError('not_found', 'No such canned response.');
        await assertKnownTopic(trx, body.topic);
        if (current.status === 'active' && (await findActiveByCode(trx, body.code, id))) {
          throw codeTaken(body.code);
        }
        await trx
          .updateTable('canned_responses')
          .set({
            code: body.code,
            title: body.title,
            text: body.text,
            topic: body.topic,
            updated_by: author.id,
            updated_at: clock.now(),
          })
          .where('id', '=', id)
          .execute();
      });
    });
    return this.read(id);
  }

  async retire(author: User, id: string): Promise<CannedResponse> {
    await this.setStatus(author, id, 'retired');
    return this.read(id);
  }

  async restore(author: User, id: string): Promise<CannedResponse> {
    const existing = await this.read(id);
    await this.save(existing.code, () => this.setStatus(author, id, 'active'));
    return this.read(id);
  }

  private async setStatus(author: User, id: string, to: 'active' | 'retired'): Promise<void> {
    const { db, clock } = this.ctx;
    await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('canned_responses')
        .select(['status', 'code'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!current) throw new AppError('not_found', 'No such canned response.');
      if (current.status === to) {
        throw new AppError(
          'conflict',
          to === 'retired' ? 'This response is already retired.' : 'This response is active.',
        );
      }
      if (to === 'active' && (await findActiveByCode(trx, current.code))) {
        throw codeTaken(current.code);
      }
      const now = clock.now();
      const changed = await trx
        .updateTable('canned_responses')
        .set({
          status: to,
          retired_at: to === 'retired' ? now : null,
          updated_by: author.id,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('status', '=', current.status)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) {
        throw new AppError('conflict', 'This response changed meanwhile; reload it.');
      }
    });
  }

  private async save(code: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw codeTaken(code);
      throw error;
    }
  }

  private async read(id: string): Promise<CannedResponse> {
    const response = await loadCannedResponse(this.ctx.db, id);
    if (!response) throw new AppError('not_found', 'No such canned response.');
    return response;
  }
}

async function assertKnownTopic(db: ServiceContext['db'], topic: string | null): Promise<void> {
  if (topic === null) return;
  const row = await db
    .selectFrom('topics')
    .select('code')
    .where('code', '=', topic)
    .executeTakeFirst();
  if (!row) throw invalidPayload([{ path: 'body.topic', message: 'unknown topic' }]);
}
