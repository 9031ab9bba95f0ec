import type { Kysely } from 'kysely';
import type { CallPhase, CallState } from '../../../shared/schemas/call';
import type { Call } from '../../domain/call';
import type { CallTable, Database } from '../../store/schema';

export function toCall(row: CallTable): Call {
  return {
    state: row.state as CallPhase,
    ringingAt: row.ringing_at,
    answeredAt: row.answered_at,
    holdStartedAt: row.hold_started_at,
    holdMs: Number(row.hold_ms),
    endedAt: row.ended_at,
    changedAt: row.changed_at,
  };
}

export function toCallState(contactId: string, call: Call, version: number): CallState {
  return {
    contactId,
    state: call.state,
    ringingAt: call.ringingAt,
    answeredAt: call.answeredAt,
    holdStartedAt: call.holdStartedAt,
    holdMs: call.holdMs,
    endedAt: call.endedAt,
    version,
  };
}

export async function loadCallRow(
  db: Kysely<Database>,
  contactId: string,
): Promise<CallTable | undefined> {
  return db.selectFrom('calls').selectAll().where('contact_id', '=', contactId).executeTakeFirst();
}

/** The call of a voice contact as the client sees it; undefined when it has none. */
export async function loadCallState(
  db: Kysely<Database>,
  contactId: string,
): Promise<CallState | undefined> {
  const row = await loadCallRow(db, contactId);
  return row ? toCallState(contactId, toCall(row), row.version) : undefined;
}

/** Inserts the call of a new voice contact; a call already there is left as it is. */
export async function insertCall(
  db: Kysely<Database>,
  contactId: string,
  call: Call,
): Promise<void> {
  await db
    .insertInto('calls')
    .values({ contact_id: contactId, ...columns(call), version: 1 })
    .onConflict((oc) => oc.column('contact_id').doNothing())
    .execute();
}

/** Writes a decided call if nobody changed it since `version` was read; returns whether it did. */
export async function updateCall(
  db: Kysely<Database>,
  contactId: string,
  call: Call,
  version: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('calls')
    .set({ ...columns(call), version: version + 1 })
    .where('contact_id', '=', contactId)
    .where('version', '=', version)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

function columns(call: Call) {
  return {
    state: call.state,
    ringing_at: call.ringingAt,
    answered_at: call.answeredAt,
    hold_started_at: call.holdStartedAt,
    hold_ms: call.holdMs,
    ended_at: call.endedAt,
    changed_at: call.changedAt,
  };
}
