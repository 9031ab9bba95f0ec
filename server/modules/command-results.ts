import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CommandName } from '../../shared/protocol/events';
import type { Database } from '../store/schema';
import { AppError } from './app-error';

export interface IdempotentCommand<S extends z.ZodType> {
  commandId: string;
  userId: string;
  name: CommandName;
  /** Parses the stored first result back. */
  result: S;
  now: number;
}

/**
 * Runs a command at most once per client-generated command id: the result is stored in the same
 * transaction as the command's writes, so a resend after a lost ack gets the first result back
 * (`isFirst: false`) and writes nothing. Two resends racing: the loser's insert of the id fails and
 * it answers with the winner's result.
 */
export async function runOnce<S extends z.ZodType>(
  db: Kysely<Database>,
  command: IdempotentCommand<S>,
  execute: (trx: Kysely<Database>) => Promise<z.output<S>>,
): Promise<{ result: z.output<S>; isFirst: boolean }> {
  const earlier = await earlierResult(db, command);
  if (earlier !== undefined) return { result: earlier, isFirst: false };
  try {
    const result = await db.transaction().execute(async (trx) => {
      const value = await execute(trx);
      await trx
        .insertInto('command_results')
        .values({
          command_id: command.commandId,
          user_id: command.userId,
          name: command.name,
          result: JSON.stringify(value),
          created_at: command.now,
        })
        .execute();
      return value;
    });
    return { result, isFirst: true };
  } catch (error) {
    const raced = await earlierResult(db, command);
    if (raced !== undefined) return { result: raced, isFirst: false };
    throw error;
  }
}

async function earlierResult<S extends z.ZodType>(
  db: Kysely<Database>,
  command: IdempotentCommand<S>,
): Promise<z.output<S> | undefined> {
  const row = await db
    .selectFrom('command_results')
    .selectAll()
    .where('command_id', '=', command.commandId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.user_id !== command.userId || row.name !== command.name) {
    throw new AppError('conflict', 'This command id was already used for another command.');
  }
  return command.result.parse(JSON.parse(row.result));
}
