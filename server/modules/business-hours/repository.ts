import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  createBusinessHours,
  defaultQueueHours,
  type BusinessHours,
} from '../../../shared/domain/business-hours';
import {
  AfterHoursActionSchema,
  AfterHoursAnswerSchema,
  WeeklyHoursSchema,
  type AfterHoursAnswer,
  type CallbackRequest,
  type QueueHours,
  type QueueHoursSettings,
} from '../../../shared/schemas/business-hours';
import { TimeZoneSchema, type TimeZone } from '../../../shared/schemas/calendar';
import type { Channel } from '../../../shared/schemas/common';
import type { Database, QueueHoursTable } from '../../store/schema';
import { loadHolidayFacts } from '../calendar/repository';

type Db = Kysely<Database>;

/** The zone of a queue nobody configured: the instance's TIME_ZONE when Indonesian, else WIB. */
export function defaultHoursZone(timeZone: string): TimeZone {
  const parsed = TimeZoneSchema.safeParse(timeZone);
  return parsed.success ? parsed.data : 'Asia/Jakarta';
}

function settingsFromRow(row: QueueHoursTable): QueueHoursSettings {
  // Parsed, not cast: a hand-edited row fails loudly here, not as a queue that never opens.
  return {
    timeZone: TimeZoneSchema.parse(row.time_zone),
    isAlwaysOpen: row.is_always_open === 1,
    weekly: WeeklyHoursSchema.parse(JSON.parse(row.weekly)),
    isClosedOnHolidays: row.is_closed_on_holidays === 1,
    isClosedOnCollectiveLeave: row.is_closed_on_collective_leave === 1,
    afterHours: {
      action: AfterHoursActionSchema.parse(row.after_hours_action),
      message: row.after_hours_message,
    },
  };
}

/** A queue's hours as configured, or the 24/7 default; undefined for an unknown queue. */
export async function loadQueueHours(
  db: Db,
  queueId: string,
  defaultZone: TimeZone,
): Promise<QueueHours | undefined> {
  const row = await db
    .selectFrom('queues')
    .leftJoin('queue_hours', 'queue_hours.queue_id', 'queues.id')
    .leftJoin('users', 'users.id', 'queue_hours.updated_by')
    .selectAll('queue_hours')
    .select(['queues.id as id', 'users.display_name as updated_by_name'])
    .where('queues.id', '=', queueId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.queue_id === null) {
    return { queueId, ...defaultQueueHours(defaultZone), updatedAt: null, updatedBy: null };
  }
  return {
    queueId,
    ...settingsFromRow(row as QueueHoursTable),
    updatedAt: Number(row.updated_at),
    updatedBy: row.updated_by_name,
  };
}

/** One queue's settings, or the 24/7 default when it has none (one primary-key read). */
export async function loadQueueHoursSettings(
  db: Db,
  queueId: string,
  defaultZone: TimeZone,
): Promise<QueueHoursSettings> {
  const row = await db
    .selectFrom('queue_hours')
    .selectAll()
    .where('queue_id', '=', queueId)
    .executeTakeFirst();
  return row ? settingsFromRow(row) : defaultQueueHours(defaultZone);
}

/** The settings of these queues (the default for a queue without a row), in the same order. */
export async function loadQueueHoursSettingsOf(
  db: Db,
  queueIds: readonly string[],
  defaultZone: TimeZone,
): Promise<QueueHoursSettings[]> {
  const rows =
    queueIds.length === 0
      ? []
      : await db.selectFrom('queue_hours').selectAll().where('queue_id', 'in', queueIds).execute();
  const byQueue = new Map(rows.map((row) => [row.queue_id, settingsFromRow(row)]));
  return queueIds.map((id) => byQueue.get(id) ?? defaultQueueHours(defaultZone));
}

/**
 * The hours in force for `settings`, reading the holiday list only when some queue closes on
 * holidays (a few dozen rows a year; most instances run 24/7 queues and never read it).
 */
export async function businessHoursFor(
  db: Db,
  settings: readonly QueueHoursSettings[],
): Promise<BusinessHours[]> {
  const needsHolidays = settings.some(
    (s) => !s.isAlwaysOpen && (s.isClosedOnHolidays || s.isClosedOnCollectiveLeave),
  );
  const { holidays } = needsHolidays ? await loadHolidayFacts(db) : { holidays: [] };
  return settings.map((s) => createBusinessHours(s, holidays));
}

/** Replaces a queue's hours; call inside a transaction. */
export async function saveQueueHours(
  db: Db,
  change: { queueId: string; settings: QueueHoursSettings; by: string; at: number },
): Promise<void> {
  const { settings } = change;
  const values = {
    time_zone: settings.timeZone,
    is_always_open: settings.isAlwaysOpen ? 1 : 0,
    weekly: JSON.stringify(settings.weekly),
    is_closed_on_holidays: settings.isClosedOnHolidays ? 1 : 0,
    is_closed_on_collective_leave: settings.isClosedOnCollectiveLeave ? 1 : 0,
    after_hours_action: settings.afterHours.action,
    after_hours_message: settings.afterHours.message,
    updated_by: change.by,
    updated_at: change.at,
  };
  await db
    .insertInto('queue_hours')
    .values({ queue_id: change.queueId, ...values })
    .onConflict((oc) => oc.column('queue_id').doUpdateSet(values))
    .execute();
}

export function parseAfterHoursAnswer(json: string | null): AfterHoursAnswer | undefined {
  return json === null ? undefined : AfterHoursAnswerSchema.parse(JSON.parse(json));
}

/**
 * Records that a citizen is to be called back when the queue opens. One open request per citizen
 * and queue: calling three times in the night asks for one call back, not three.
 */
export async function requestCallback(
  db: Db,
  request: {
    contactId: string;
    queueId: string;
    citizenId: string;
    dueAt: number | null;
    at: number;
  },
): Promise<boolean> {
  const open = await db
    .selectFrom('callback_requests')
    .select('id')
    .where('citizen_id', '=', request.citizenId)
    .where('queue_id', '=', request.queueId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return false;
  await db
    .insertInto('callback_requests')
    .values({
      id: randomUUID(),
      contact_id: request.contactId,
      queue_id: request.queueId,
      citizen_id: request.citizenId,
      due_at: request.dueAt,
      status: 'open',
      created_at: request.at,
      done_by: null,
      done_at: null,
    })
    .execute();
  return true;
}

const OPEN_CALLBACKS_SHOWN = 200;

function callbackQuery(db: Db) {
  return db
    .selectFrom('callback_requests')
    .innerJoin('contacts', 'contacts.id', 'callback_requests.contact_id')
    .innerJoin('citizens', 'citizens.id', 'callback_requests.citizen_id')
    .leftJoin('users', 'users.id', 'callback_requests.done_by')
    .selectAll('callback_requests')
    .select([
      'contacts.reference',
      'contacts.channel',
      'citizens.name as citizen_name',
      'citizens.address',
      'users.display_name as done_by_name',
    ]);
}

type CallbackRow = Awaited<ReturnType<ReturnType<typeof callbackQuery>['execute']>>[number];

function toCallback(row: CallbackRow): CallbackRequest {
  return {
    id: row.id,
    contactId: row.contact_id,
    reference: row.reference,
    queueId: row.queue_id,
    channel: row.channel as Channel,
    citizenName: row.citizen_name,
    address: row.address,
    dueAt: row.due_at === null ? null : Number(row.due_at),
    status: row.status === 'done' ? 'done' : 'open',
    createdAt: Number(row.created_at),
    doneAt: row.done_at === null ? null : Number(row.done_at),
    doneByName: row.done_by_name,
  };
}

/**
 * Open requests, the longest due first (a request without a due date last); only those left to
 * `queueIds` when given (the queues the reader works callbacks of).
 */
export async function loadOpenCallbacks(
  db: Db,
  queueIds?: readonly string[],
): Promise<CallbackRequest[]> {
  if (queueIds !== undefined && queueIds.length === 0) return [];
  let query = callbackQuery(db).where('callback_requests.status', '=', 'open');
  if (queueIds !== undefined) query = query.where('callback_requests.queue_id', 'in', queueIds);
  const rows = await query
    .orderBy('callback_requests.created_at')
    .limit(OPEN_CALLBACKS_SHOWN)
    .execute();
  return rows.map(toCallback).sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity));
}

export async function loadCallback(db: Db, id: string): Promise<CallbackRequest | undefined> {
  const row = await callbackQuery(db).where('callback_requests.id', '=', id).executeTakeFirst();
  return row ? toCallback(row) : undefined;
}

/** Marks an open request done; a request already done stays as it was. */
export async function completeCallback(
  db: Db,
  change: { id: string; by: string; at: number },
): Promise<void> {
  await db
    .updateTable('callback_requests')
    .set({ status: 'done', done_by: change.by, done_at: change.at })
    .where('id', '=', change.id)
    .where('status', '=', 'open')
    .execute();
}
