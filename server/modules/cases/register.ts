/**
 * The request register (K17, K11, complaint and PDP fields of indonesia.md §2) as CSV, and the
 * annual public-information report numbers (KIP Ps 12, K14).
 */
import type { Kysely } from 'kysely';
import {
  effectiveReceipt,
  isWorkingDayNumber,
  type WorkingCalendar,
} from '../../../shared/domain/working-calendar';
import { formatIsoInZone, fromZoned, toZoned } from '../../../shared/domain/zoned-time';
import { dayNumberOf } from '../../../shared/domain/local-date';
import type { AnnualReport } from '../../../shared/schemas/case';
import { RequesterSchema, TransitionFieldsSchema } from '../../../shared/schemas/case';
import type { RequestType } from '../../../shared/schemas/deadlines';
import type { Database } from '../../store/schema';
import { loadCalendar, loadCaseRows, loadClockRows, type CaseRow } from './repository';

type Db = Kysely<Database>;

const DETAIL_COLUMNS = [
  'informationRequested',
  'purpose',
  'obtainMode',
  'deliveryMode',
  'form',
  'requestReference',
  'reason',
  'description',
  'location',
  'serviceConcerned',
  'remedySought',
  'maladministration',
  'right',
  'question',
] as const;

const HEADER = [
  'reference',
  'type',
  'status',
  'received_at',
  'channel',
  'requester_name',
  'requester_contact',
  'requester_address',
  'requester_occupation',
  'identity',
  'proxy_name',
  'confidentiality',
  'subject',
  ...DETAIL_COLUMNS.map((column) => `detail_${column}`),
  'legal_due_at',
  'internal_due_at',
  'original_legal_due_at',
  'extension_reason',
  'notice_or_answer_at',
  'decision',
  'decision_reason',
  'holder_body',
  'decided_by',
  'resolution',
  'fee',
  'with_unit',
  'is_breached',
  'closed_at',
];

/** One CSV cell: quoted when needed, and a leading =, +, - or @ defused for spreadsheets. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return values.map(csvCell).join(',');
}

/**
 * The register rows, oldest first. `shownOf` keeps the rows the reader may see (a lead: their own
 * team's cases); the register is read whole otherwise.
 */
export async function registerCsv(
  db: Db,
  filter: { type?: RequestType; year?: number; timeZone: string },
  shownOf: (rows: CaseRow[]) => Promise<CaseRow[]> = (rows) => Promise.resolve(rows),
): Promise<string> {
  const range = filter.year === undefined ? {} : yearRange(filter.year, filter.timeZone);
  const rows = await shownOf(
    await loadCaseRows(db, { type: filter.type, ...range, limit: 100_000 }),
  );
  const clocks = await loadClockRows(
    db,
    rows.map((row) => row.id),
  );
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'name', 'time_zone']).execute()).map((unit) => [
      unit.id,
      unit,
    ]),
  );
  const lines = [csvLine(HEADER)];
  for (const row of rows) {
    const zone = units.get(row.unit_id)?.time_zone ?? filter.timeZone;
    const iso = (at: number | null) => (at === null ? '' : formatIsoInZone(Number(at), zone));
    const requester = RequesterSchema.parse(JSON.parse(row.requester));
    const details = JSON.parse(row.details) as Record<string, unknown>;
    const outcome = TransitionFieldsSchema.parse(JSON.parse(row.outcome));
    const first = clocks.find((clock) => clock.case_id === row.id);
    lines.push(
      csvLine([
        row.reference,
        row.type,
        row.status,
        iso(row.received_at),
        row.channel,
        requester.name,
        requester.contact,
        requester.address,
        requester.occupation,
        requester.identityLast4 ? `****${requester.identityLast4}` : '',
        requester.proxyName,
        row.confidentiality,
        row.subject,
        ...DETAIL_COLUMNS.map((column) => details[column]),
        iso(first?.legal_due_at ?? null),
        iso(first?.internal_due_at ?? null),
        iso(first?.original_legal_due_at ?? null),
        first?.extension_reason,
        iso(first?.met_at ?? null),
        outcome.decision,
        outcome.reason,
        outcome.holderBody,
        outcome.decidedBy,
        outcome.resolution,
        outcome.fee,
        row.with_unit_id ? units.get(row.with_unit_id)?.name : '',
        row.is_breached === 1 ? 'yes' : 'no',
        iso(row.closed_at),
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function yearRange(
  year: number,
  timeZone: string,
): { receivedFrom: number; receivedBefore: number } {
  return {
    receivedFrom: fromZoned(dayNumberOf(`${year}-01-01`), 0, timeZone),
    receivedBefore: fromZoned(dayNumberOf(`${year + 1}-01-01`), 0, timeZone),
  };
}

/** Working days from the effective receipt day to the day of `at` (0: the same day). */
export function workingDaysTaken(
  calendar: WorkingCalendar,
  receivedAt: number,
  at: number,
): number {
  const from = effectiveReceipt(calendar, receivedAt).day;
  const to = toZoned(at, calendar.timeZone).day;
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) {
    if (isWorkingDayNumber(calendar, day)) count += 1;
  }
  return count;
}

export async function annualReport(db: Db, year: number, timeZone: string): Promise<AnnualReport> {
  const range = yearRange(year, timeZone);
  const [requests, objections] = await Promise.all([
    loadCaseRows(db, { type: 'information_request', ...range, limit: 100_000 }),
    loadCaseRows(db, { type: 'objection', ...range, limit: 100_000 }),
  ]);
  const clocks = await loadClockRows(
    db,
    requests.map((row) => row.id),
  );
  const calendars = new Map<string, WorkingCalendar>();
  const calendarOf = async (row: CaseRow) => {
    let calendar = calendars.get(row.unit_id);
    if (!calendar) {
      calendar = (await loadCalendar(db, row.unit_id))?.calendar;
      if (calendar) calendars.set(row.unit_id, calendar);
    }
    return calendar;
  };
  const count = (decision: string) =>
    requests.filter(
      (row) => TransitionFieldsSchema.parse(JSON.parse(row.outcome)).decision === decision,
    ).length;
  const taken: number[] = [];
  const reasons = new Map<string, number>();
  for (const row of requests) {
    const outcome = TransitionFieldsSchema.parse(JSON.parse(row.outcome));
    if (
      (outcome.decision === 'refused' || outcome.decision === 'partly_granted') &&
      outcome.reason
    ) {
      reasons.set(outcome.reason, (reasons.get(outcome.reason) ?? 0) + 1);
    }
    const notice = clocks.find((clock) => clock.case_id === row.id && clock.clock === 'notice');
    const calendar = await calendarOf(row);
    if (notice?.met_at !== null && notice?.met_at !== undefined && calendar) {
      taken.push(workingDaysTaken(calendar, Number(row.received_at), Number(notice.met_at)));
    }
  }
  return {
    year,
    requests: requests.length,
    open: requests.filter((row) => row.closed_at === null).length,
    granted: count('granted'),
    partlyGranted: count('partly_granted'),
    refused: count('refused'),
    notHeld: count('not_held'),
    withdrawn: requests.filter((row) => row.status === 'withdrawn').length,
    averageWorkingDaysToNotice:
      taken.length === 0
        ? null
        : Math.round((taken.reduce((sum, days) => sum + days, 0) / taken.length) * 10) / 10,
    maxWorkingDaysToNotice: taken.length === 0 ? null : Math.max(...taken),
    extended: clocks.filter((clock) => Number(clock.extensions_used) > 0).length,
    breached: requests.filter((row) => row.is_breached === 1).length,
    objections: objections.length,
    refusalReasons: [...reasons.entries()]
      .map(([reason, total]) => ({ reason, count: total }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}

export function annualReportCsv(report: AnnualReport): string {
  const lines = [csvLine(['measure', 'value'])];
  const rows: [string, unknown][] = [
    ['year', report.year],
    ['requests', report.requests],
    ['open', report.open],
    ['granted', report.granted],
    ['partly_granted', report.partlyGranted],
    ['refused', report.refused],
    ['not_held', report.notHeld],
    ['withdrawn', report.withdrawn],
    ['average_working_days_to_notice', report.averageWorkingDaysToNotice],
    ['max_working_days_to_notice', report.maxWorkingDaysToNotice],
    ['extended', report.extended],
    ['breached', report.breached],
    ['objections', report.objections],
    ...report.refusalReasons.map((entry): [string, unknown] => [
      `refusal_reason: ${entry.reason}`,
      entry.count,
    ]),
  ];
  for (const row of rows) lines.push(csvLine(row));
  return `${lines.join('\r\n')}\r\n`;
}
