import type { Kysely, Selectable } from 'kysely';
import {
  governingDue,
  objectionFilingWindow,
  type ClockState,
} from '../../../shared/domain/case-clock';
import type {
  DeadlineWarning,
  RequestType,
  RequestTypeRules,
} from '../../../shared/schemas/deadlines';
import { nextStatuses } from '../../../shared/domain/case-lifecycle';
import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadline-defaults';
import {
  calendarSettingsOf,
  createWorkingCalendar,
  missingHolidayYears,
  type WorkingCalendar,
} from '../../../shared/domain/working-calendar';
import type { CasePlace } from '../../../shared/domain/team-scope';
import { toZoned } from '../../../shared/domain/zoned-time';
import type { Unit } from '../../../shared/schemas/calendar';
import {
  CaseStatusSchema,
  ClockStatusSchema,
  ConfidentialitySchema,
  HandOffStatusSchema,
  ObjectionDetailsSchema,
  RequesterSchema,
  TransitionFieldsSchema,
  type CaseClock,
  type CaseDetail,
  type CaseSummary,
  type HandOff,
  type TransitionFields,
} from '../../../shared/schemas/case';
import { ChannelSchema } from '../../../shared/schemas/common';
import {
  ClockRuleSchema,
  RequestTypeSchema,
  ServiceClassSchema,
} from '../../../shared/schemas/deadlines';
import type { CaseClockTable, CaseTable, Database } from '../../store/schema';
import { loadHolidayFacts, loadUnit } from '../calendar/repository';
import { loadRuleOverride } from '../deadlines/repository';

type Db = Kysely<Database>;
export type CaseRow = Selectable<CaseTable>;
export type ClockRow = Selectable<CaseClockTable>;

/** A unit's working calendar as stored now, or undefined for an unknown unit. */
export async function loadCalendar(
  db: Db,
  unitId: string,
): Promise<{ unit: Unit; calendar: WorkingCalendar } | undefined> {
  const [unit, facts] = await Promise.all([loadUnit(db, unitId), loadHolidayFacts(db)]);
  if (!unit) return undefined;
  return {
    unit,
    calendar: createWorkingCalendar(calendarSettingsOf(unit), facts.holidays, facts.loadedYears),
  };
}

export async function rulesFor(db: Db, type: RequestType): Promise<RequestTypeRules> {
  return (await loadRuleOverride(db, type)) ?? DEFAULT_DEADLINE_RULES[type];
}

export function clockStateOf(row: ClockRow): ClockState {
  return {
    rule: ClockRuleSchema.parse(JSON.parse(row.rule)),
    status: ClockStatusSchema.parse(row.status),
    startsAt: nullableNumber(row.starts_at),
    legalDueAt: nullableNumber(row.legal_due_at),
    internalDueAt: nullableNumber(row.internal_due_at),
    pausedAt: nullableNumber(row.paused_at),
    pausedTotalMs: Number(row.paused_total_ms),
    extensionsUsed: Number(row.extensions_used),
  };
}

/** The columns a clock state sets (the rest — reasons, warnings — are set by each step). */
export function clockColumns(state: ClockState) {
  return {
    status: state.status,
    starts_at: state.startsAt,
    legal_due_at: state.legalDueAt,
    internal_due_at: state.internalDueAt,
    paused_at: state.pausedAt,
    paused_total_ms: state.pausedTotalMs,
    extensions_used: state.extensionsUsed,
  };
}

function nullableNumber(value: number | null): number | null {
  return value === null ? null : Number(value);
}

function toClock(row: ClockRow): CaseClock {
  const state = clockStateOf(row);
  return {
    id: row.id,
    clock: state.rule.clock,
    status: state.status,
    startsAt: state.startsAt,
    legalDueAt: state.legalDueAt,
    internalDueAt: state.internalDueAt,
    originalLegalDueAt: nullableNumber(row.original_legal_due_at),
    extensionsUsed: state.extensionsUsed,
    extensionReason: row.extension_reason,
    isExtendable: state.rule.extension !== undefined,
    pausedAt: state.pausedAt,
    pauseReason: row.pause_reason,
    pausedTotalMs: state.pausedTotalMs,
    metAt: nullableNumber(row.met_at),
    breachedAt: nullableNumber(row.breached_at),
    warnedLevel: Number(row.warned_level),
    source: state.rule.source,
  };
}

export async function loadCaseRow(db: Db, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
}

/** SQLite refuses more than 32,766 bound values in one statement; boards and registers hold more. */
const IDS_PER_STATEMENT = 5000;

export async function loadClockRows(db: Db, caseIds: readonly string[]): Promise<ClockRow[]> {
  const rows: ClockRow[] = [];
  for (let start = 0; start < caseIds.length; start += IDS_PER_STATEMENT) {
    const ids = caseIds.slice(start, start + IDS_PER_STATEMENT);
    rows.push(
      ...(await db
        .selectFrom('case_clocks')
        .selectAll()
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('starts_at')
        .execute()),
    );
  }
  return rows;
}

export interface CaseFilter {
  ids?: readonly string[];
  ownerId?: string;
  withUnitId?: string;
  contactId?: string;
  isOpen?: boolean;
  type?: RequestType;
  receivedFrom?: number;
  receivedBefore?: number;
  /** At most this many, oldest first (500 unless given); `null` for every match. */
  limit?: number | null;
}

export async function loadCaseRows(db: Db, filter: CaseFilter): Promise<CaseRow[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  let query = db.selectFrom('cases').selectAll('cases');
  if (filter.ids) query = query.where('cases.id', 'in', filter.ids);
  if (filter.ownerId) query = query.where('cases.owner_id', '=', filter.ownerId);
  if (filter.withUnitId) query = query.where('cases.with_unit_id', '=', filter.withUnitId);
  if (filter.type) query = query.where('cases.type', '=', filter.type);
  if (filter.receivedFrom !== undefined) {
    query = query.where('cases.received_at', '>=', filter.receivedFrom);
  }
  if (filter.receivedBefore !== undefined) {
    query = query.where('cases.received_at', '<', filter.receivedBefore);
  }
  if (filter.isOpen) query = query.where('cases.closed_at', 'is', null);
  if (filter.contactId) {
    query = query.where((eb) =>
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('case_contacts')
          .select('case_contacts.case_id')
          .where('case_contacts.contact_id', '=', filter.contactId!),
      ),
    );
  }
  query = query.orderBy('cases.received_at').orderBy('cases.id');
  if (filter.limit !== null) query = query.limit(filter.limit ?? 500);
  return query.execute();
}

/** Summaries of the given rows, with names and the next dues of their running clocks. */
export async function summarize(db: Db, rows: readonly CaseRow[]): Promise<CaseSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const userIds = [...new Set(rows.map((row) => row.owner_id))];
  const unitIds = [
    ...new Set(
      rows.flatMap((row) => [row.unit_id, ...(row.with_unit_id ? [row.with_unit_id] : [])]),
    ),
  ];
  const [clocks, users, units] = await Promise.all([
    loadClockRows(db, ids),
    db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute(),
    db.selectFrom('units').select(['id', 'name', 'time_zone']).where('id', 'in', unitIds).execute(),
  ]);
  const userName = new Map(users.map((user) => [user.id, user.display_name]));
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const clocksByCase = new Map<string, ClockRow[]>();
  for (const clock of clocks) {
    const own = clocksByCase.get(clock.case_id);
    if (own) own.push(clock);
    else clocksByCase.set(clock.case_id, [clock]);
  }
  return rows.map((row) => {
    const own = (clocksByCase.get(row.id) ?? []).map(clockStateOf);
    const live = own.filter((clock) => clock.status === 'running' || clock.status === 'paused');
    const dues = live.flatMap((clock) => {
      const due = governingDue(clock);
      return due ? [due.dueAt] : [];
    });
    const internals = live.flatMap((clock) =>
      clock.internalDueAt === null ? [] : [clock.internalDueAt],
    );
    return {
      id: row.id,
      reference: row.reference,
      type: RequestTypeSchema.parse(row.type),
      status: CaseStatusSchema.parse(row.status),
      subject: row.subject,
      requesterName: RequesterSchema.parse(JSON.parse(row.requester)).name,
      channel: row.channel === null ? null : ChannelSchema.parse(row.channel),
      receivedAt: Number(row.received_at),
      unitId: row.unit_id,
      timeZone: unitById.get(row.unit_id)?.time_zone ?? 'Asia/Jakarta',
      ownerId: row.owner_id,
      ownerName: userName.get(row.owner_id) ?? '',
      withUnitId: row.with_unit_id,
      withUnitName: row.with_unit_id ? (unitById.get(row.with_unit_id)?.name ?? null) : null,
      isBreached: row.is_breached === 1,
      isClosed: row.closed_at !== null,
      nextDueAt: dues.length > 0 ? Math.min(...dues) : null,
      nextInternalDueAt: internals.length > 0 ? Math.min(...internals) : null,
      serviceClass: row.service_class === null ? null : ServiceClassSchema.parse(row.service_class),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
      version: Number(row.version),
    };
  });
}

export async function loadHandOffs(db: Db, caseId: string): Promise<HandOff[]> {
  const rows = await db
    .selectFrom('case_handoffs')
    .innerJoin('units', 'units.id', 'case_handoffs.unit_id')
    .selectAll('case_handoffs')
    .select('units.name as unit_name')
    .where('case_handoffs.case_id', '=', caseId)
    .orderBy('case_handoffs.sent_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: HandOffStatusSchema.parse(row.status),
    note: row.note,
    agreedDueAt: Number(row.agreed_due_at),
    acknowledgeBy: Number(row.acknowledge_by),
    sentById: row.sent_by,
    sentAt: Number(row.sent_at),
    respondedById: row.responded_by,
    respondedAt: nullableNumber(row.responded_at),
    reason: row.reason,
  }));
}

export function outcomeOf(row: CaseRow): TransitionFields {
  return TransitionFieldsSchema.parse(JSON.parse(row.outcome));
}

export async function loadCaseDetail(db: Db, caseId: string): Promise<CaseDetail | undefined> {
  const row = await loadCaseRow(db, caseId);
  if (!row) return undefined;
  const [[summary], clocks, handOffs, contacts] = await Promise.all([
    summarize(db, [row]),
    loadClockRows(db, [row.id]),
    loadHandOffs(db, row.id),
    db
      .selectFrom('case_contacts')
      .select('contact_id')
      .where('case_id', '=', row.id)
      .orderBy('linked_at')
      .execute(),
  ]);
  const type = RequestTypeSchema.parse(row.type);
  const status = CaseStatusSchema.parse(row.status);
  const loaded = await loadCalendar(db, row.unit_id);
  return {
    case: summary!,
    requester: RequesterSchema.parse(JSON.parse(row.requester)),
    confidentiality: ConfidentialitySchema.parse(row.confidentiality),
    details: JSON.parse(row.details) as Record<string, unknown>,
    outcome: outcomeOf(row),
    clocks: clocks.map(toClock),
    handOffs,
    contactIds: contacts.map((contact) => contact.contact_id),
    nextStatuses: [...nextStatuses(type, status)],
    warnings: loaded ? holidayWarnings(loaded.calendar, clocks.map(clockStateOf)) : [],
    filingWindow: loaded ? filingWindowOf(row, loaded.calendar) : null,
  };
}

function filingWindowOf(row: CaseRow, calendar: WorkingCalendar) {
  if (row.type !== 'objection') return null;
  const parsed = ObjectionDetailsSchema.safeParse(JSON.parse(row.details));
  if (!parsed.success || parsed.data.groundsFoundOn === undefined) return null;
  return objectionFilingWindow(calendar, parsed.data.groundsFoundOn, Number(row.received_at));
}

/** Years a live clock reaches that have no holiday list: its dates may be off (never guessed). */
function holidayWarnings(calendar: WorkingCalendar, clocks: ClockState[]): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  for (const clock of clocks) {
    if (clock.status !== 'running' && clock.status !== 'paused') continue;
    if (clock.startsAt === null) continue;
    const last = Math.max(clock.legalDueAt ?? 0, clock.internalDueAt ?? 0);
    const from = toZoned(clock.startsAt, calendar.timeZone).day;
    const to = toZoned(last, calendar.timeZone).day;
    for (const year of missingHolidayYears(calendar, from, to)) {
      warnings.push({
        code: 'holiday_data_missing',
        year,
        clock: clock.rule.clock,
        message: `No holiday list is loaded for ${year}; this clock counted its days with weekends only. An administrator loads it with PUT /api/calendar/holidays/${year}.`,
      });
    }
  }
  return warnings;
}

/** The unit a user works in, if they are unit staff. */
export async function unitOfUser(
  db: Db,
  userId: string,
): Promise<{ unitId: string; isHead: boolean } | undefined> {
  const row = await db
    .selectFrom('unit_members')
    .select(['unit_id', 'is_head'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { unitId: row.unit_id, isHead: row.is_head === 1 } : undefined;
}

export async function unitMemberIds(
  db: Db,
  unitId: string,
  options: { headsOnly?: boolean } = {},
): Promise<string[]> {
  let query = db.selectFrom('unit_members').select('user_id').where('unit_id', '=', unitId);
  if (options.headsOnly) query = query.where('is_head', '=', 1);
  return (await query.execute()).map((row) => row.user_id);
}

/**
 * Each case's place at the team boundary (its owner's team), by case id: what `overseesCase` and
 * `leadRoomsOfCase` are asked with.
 */
export async function loadCasePlaces(
  db: Db,
  rows: readonly Pick<CaseRow, 'id' | 'owner_id'>[],
): Promise<Map<string, CasePlace>> {
  const owners = [...new Set(rows.map((row) => row.owner_id))];
  const teams = new Map<string, string | null>();
  for (let start = 0; start < owners.length; start += IDS_PER_STATEMENT) {
    const found = await db
      .selectFrom('users')
      .select(['id', 'team_id'])
      .where('id', 'in', owners.slice(start, start + IDS_PER_STATEMENT))
      .execute();
    for (const user of found) teams.set(user.id, user.team_id);
  }
  return new Map(rows.map((row) => [row.id, { ownerTeamId: teams.get(row.owner_id) ?? null }]));
}

export async function adminIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).map(
    (row) => row.id,
  );
}

/** Atomically increments and returns a named counter (see inbound's reference numbers). */
export async function nextCounterValue(db: Db, name: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('counters.value'), '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
