/**
 * Deadline arithmetic: when a request is due, on a unit's working calendar.
 *
 * What "due" means, everywhere in Tanggap: the last moment, in the unit's own zone and office
 * hours, at which the office can still act within the rule.
 * - Working days (hari kerja): the request counts from its effective receipt (office hours, or
 *   the next opening: `effectiveReceipt`); day 1 is the next working day; the clock is due at
 *   closing time on working day N. Amount 0 means closing time on the receipt day.
 * - Calendar days: the limit is the end (24:00) of calendar day N after the effective receipt
 *   day; due is closing time on the last working day on or before that day.
 * - Hours: elapsed clock hours from the receipt itself (3x24 jam counts nights and holidays);
 *   due is the limit when it falls in office hours, else the last closing time before it. When
 *   the office is shut for the whole span, due is the limit itself, with a warning.
 * So a due is always inside office hours on a working day, except in that last, warned case.
 */
import type {
  ClockRule,
  DeadlineWarning,
  Duration,
  InternalTarget,
  InternalTargetRule,
  RequestTypeRules,
  ServiceClass,
  SkippedDay,
} from '../schemas/deadlines';
import { localDateOf, type DayNumber, type LocalDate } from './local-date';
import {
  addWorkingDayNumbers,
  closingOn,
  effectiveReceipt,
  lastOfficeMomentAtOrBefore,
  missingHolidayYears,
  nonWorkingDaysBetween,
  subtractWorkingDayNumbers,
  type EffectiveReceipt,
  type WorkingCalendar,
} from './working-calendar';
import { fromZoned, toZoned } from './zoned-time';

const MS_PER_HOUR = 3_600_000;

export interface DueComputation {
  /** The instant the clock counts from. */
  startsAt: number;
  /** The rule's own limit (end of day N, receipt + N hours, or closing on working day N). */
  limitAt: number;
  /** The due moment (see the module comment). */
  dueAt: number;
  dueDate: LocalDate;
  /** The last local day the computation reached (the limit's day). */
  lastDay: DayNumber;
  /** Non-working days from the receipt day through `lastDay`, with their reasons. */
  skippedDays: SkippedDay[];
  warnings: DeadlineWarning[];
}

/** When a request received at `receivedAt` is due under `rule` on `calendar`. */
export function computeDueAt(
  rule: Duration,
  receivedAt: number,
  calendar: WorkingCalendar,
): DueComputation {
  const receivedDay = toZoned(receivedAt, calendar.timeZone).day;
  const warnings: DeadlineWarning[] = [];
  let startsAt: number;
  let limitAt: number;
  let dueAt: number;
  if (rule.unit === 'working_days') {
    const receipt = effectiveReceipt(calendar, receivedAt);
    startsAt = receipt.at;
    limitAt = closingOn(calendar, addWorkingDayNumbers(calendar, receipt.day, rule.amount));
    dueAt = limitAt;
  } else if (rule.unit === 'calendar_days') {
    const receipt = effectiveReceipt(calendar, receivedAt);
    startsAt = receipt.at;
    limitAt = fromZoned(receipt.day + rule.amount + 1, 0, calendar.timeZone);
    dueAt = lastOfficeMomentAtOrBefore(calendar, limitAt);
  } else {
    startsAt = receivedAt;
    limitAt = receivedAt + rule.amount * MS_PER_HOUR;
    dueAt = lastOfficeMomentAtOrBefore(calendar, limitAt);
    if (dueAt < receivedAt) {
      dueAt = limitAt;
      warnings.push({
        code: 'no_office_hours_before_limit',
        message:
          'The office is closed for the whole time before the legal limit; the due is the limit itself, outside office hours.',
      });
    }
  }
  const dueDay = toZoned(dueAt, calendar.timeZone).day;
  // The limit's own day: for an end-of-day limit (24:00) that is the day ending, not the next.
  const lastDay = Math.max(
    dueDay,
    toZoned(Math.max(limitAt - 1, receivedAt), calendar.timeZone).day,
  );
  return {
    startsAt,
    limitAt,
    dueAt,
    dueDate: localDateOf(dueDay),
    lastDay,
    skippedDays: nonWorkingDaysBetween(calendar, receivedDay, lastDay),
    warnings: [...warnings, ...missingYearWarnings(calendar, receivedDay, lastDay)],
  };
}

function missingYearWarnings(
  calendar: WorkingCalendar,
  from: DayNumber,
  to: DayNumber,
): DeadlineWarning[] {
  return missingHolidayYears(calendar, from, to).map((year) => ({
    code: 'holiday_data_missing',
    year,
    message: `No holiday list is loaded for ${year}; its days were counted with weekends only. An administrator loads it with PUT /api/calendar/holidays/${year}.`,
  }));
}

export interface InternalTargetComputation {
  startsAt: number;
  dueAt: number;
  dueDate: LocalDate;
  lastDay: DayNumber;
  basis: InternalTarget['basis'];
  isClamped: boolean;
  warnings: DeadlineWarning[];
}

export interface ServiceClassChoice {
  serviceClass?: ServiceClass | undefined;
  /** Required with `custom`. */
  customWorkingDays?: number | undefined;
}

/**
 * The internal target of one clock: never after the legal due, never before the receipt day's
 * closing (unless the legal due itself is earlier).
 */
export function computeInternalTarget(
  rule: InternalTargetRule,
  legal: DueComputation | null,
  receivedAt: number,
  calendar: WorkingCalendar,
  choice: ServiceClassChoice = {},
): InternalTargetComputation {
  if (rule.kind === 'before_legal') {
    if (!legal) throw new RangeError('before_legal needs a legal due');
    const basis = { kind: 'before_legal' as const, workingDays: rule.workingDays };
    if (rule.workingDays === 0) return { ...fromLegal(legal, basis), isClamped: false };
    const legalDay = toZoned(legal.dueAt, calendar.timeZone).day;
    const earlier = closingOn(
      calendar,
      subtractWorkingDayNumbers(calendar, legalDay, rule.workingDays),
    );
    const floor = closingOn(calendar, effectiveReceipt(calendar, receivedAt).day);
    const dueAt = Math.min(Math.max(earlier, floor), legal.dueAt);
    return {
      ...fromLegal(legal, basis),
      dueAt,
      dueDate: localDateOf(toZoned(dueAt, calendar.timeZone).day),
      isClamped: dueAt !== earlier,
    };
  }
  let duration: Duration;
  let basis: InternalTarget['basis'];
  if (rule.kind === 'duration') {
    duration = rule.duration;
    basis = { kind: 'duration', duration };
  } else {
    const serviceClass = choice.serviceClass ?? rule.defaultClass;
    if (serviceClass === 'custom') {
      if (choice.customWorkingDays === undefined) {
        throw new RangeError('A custom service class needs its number of working days');
      }
      duration = { amount: choice.customWorkingDays, unit: 'working_days' };
    } else {
      duration = rule.classes[serviceClass];
    }
    basis = { kind: 'service_class', serviceClass, duration };
  }
  const own = computeDueAt(duration, receivedAt, calendar);
  if (legal && own.dueAt > legal.dueAt) {
    return { ...fromLegal(legal, basis), isClamped: true, warnings: own.warnings };
  }
  return {
    startsAt: own.startsAt,
    dueAt: own.dueAt,
    dueDate: own.dueDate,
    lastDay: own.lastDay,
    basis,
    isClamped: false,
    warnings: own.warnings,
  };
}

function fromLegal(
  legal: DueComputation,
  basis: InternalTarget['basis'],
): Omit<InternalTargetComputation, 'isClamped'> {
  return {
    startsAt: legal.startsAt,
    dueAt: legal.dueAt,
    dueDate: legal.dueDate,
    lastDay: legal.lastDay,
    basis,
    warnings: legal.warnings,
  };
}

export interface ClockOutcome {
  rule: ClockRule;
  startsAt: number;
  legal: (DueComputation & { maxExtension: ExtendedDue | null }) | null;
  internal: InternalTargetComputation;
}

export interface ExtendedDue {
  dueAt: number;
  dueDate: LocalDate;
  amount: number;
  lastDay: DayNumber;
}

export interface DeadlinePreviewInput extends ServiceClassChoice {
  rules: RequestTypeRules;
  receivedAt: number;
  calendar: WorkingCalendar;
}

export interface DeadlinePreviewOutcome {
  receipt: EffectiveReceipt;
  /** The class used, when the type has service classes. */
  serviceClass: ServiceClass | null;
  clocks: ClockOutcome[];
  /** Non-working days from the receipt day through the last day any clock reaches. */
  skippedDays: SkippedDay[];
  warnings: DeadlineWarning[];
}

/** Whether a type's internal target is chosen by service class (inquiry, aspiration). */
export function hasServiceClasses(rules: RequestTypeRules): boolean {
  return rules.clocks.some((clock) => clock.internal.kind === 'service_class');
}

/** Every clock of a request type for one receipt: internal targets, legal dues, skipped days. */
export function previewDeadlines(input: DeadlinePreviewInput): DeadlinePreviewOutcome {
  const { rules, receivedAt, calendar } = input;
  if (input.serviceClass && !hasServiceClasses(rules)) {
    throw new RangeError('This request type has no service classes');
  }
  const clocks = rules.clocks.map((rule): ClockOutcome => {
    const computed = rule.legal ? computeDueAt(rule.legal, receivedAt, calendar) : null;
    const legal = computed
      ? {
          ...computed,
          maxExtension: rule.extension
            ? extendedDue(calendar, computed.dueAt, rule.extension.maxAmount)
            : null,
        }
      : null;
    const internal = computeInternalTarget(rule.internal, computed, receivedAt, calendar, input);
    return { rule, startsAt: legal?.startsAt ?? internal.startsAt, legal, internal };
  });

  const receivedDay = toZoned(receivedAt, calendar.timeZone).day;
  const lastDay = Math.max(
    receivedDay,
    ...clocks.flatMap((clock) => [clock.internal.lastDay, clock.legal?.lastDay ?? receivedDay]),
  );
  // The hypothetical extension is not a skipped range, but its year must have data too.
  const reachedDay = Math.max(
    lastDay,
    ...clocks.map((clock) => clock.legal?.maxExtension?.lastDay ?? lastDay),
  );
  const warnings: DeadlineWarning[] = [];
  for (const clock of clocks) {
    const own = [...(clock.legal?.warnings ?? []), ...clock.internal.warnings];
    for (const warning of own) {
      if (warning.code === 'holiday_data_missing') continue;
      if (!warnings.some((w) => w.code === warning.code && w.clock === clock.rule.clock)) {
        warnings.push({ ...warning, clock: clock.rule.clock });
      }
    }
    if (clock.rule.startsFrom === 'complete_file') {
      warnings.push({
        code: 'assumes_complete_file',
        clock: clock.rule.clock,
        message:
          'This clock runs from the day the file is declared complete; the preview assumes it was complete at receipt.',
      });
    }
  }
  warnings.push(...missingYearWarnings(calendar, receivedDay, reachedDay));

  return {
    receipt: effectiveReceipt(calendar, receivedAt),
    serviceClass: hasServiceClasses(rules)
      ? (input.serviceClass ?? defaultServiceClass(rules) ?? null)
      : null,
    clocks,
    skippedDays: nonWorkingDaysBetween(calendar, receivedDay, lastDay),
    warnings,
  };
}

function defaultServiceClass(rules: RequestTypeRules): ServiceClass | undefined {
  for (const clock of rules.clocks) {
    if (clock.internal.kind === 'service_class') return clock.internal.defaultClass;
  }
  return undefined;
}

function extendedDue(calendar: WorkingCalendar, dueAt: number, amount: number): ExtendedDue {
  const day = addWorkingDayNumbers(calendar, toZoned(dueAt, calendar.timeZone).day, amount);
  return { dueAt: closingOn(calendar, day), dueDate: localDateOf(day), amount, lastDay: day };
}

export interface ExtensionInput {
  rule: ClockRule;
  /** The legal due as it stands. */
  legalDueAt: number;
  /** Extensions already granted on this clock. */
  extensionsUsed: number;
  workingDays: number;
  reason: string;
  /** When the extension is being decided. */
  at: number;
  calendar: WorkingCalendar;
}

export type ExtensionDecision =
  | {
      ok: true;
      dueAt: number;
      dueDate: LocalDate;
      skippedDays: SkippedDay[];
      warnings: DeadlineWarning[];
    }
  | {
      ok: false;
      refusal:
        | 'not_extendable'
        | 'already_extended'
        | 'deadline_passed'
        | 'reason_required'
        | 'bad_amount';
      message: string;
    };

/**
 * Whether a legal clock may be extended now, and to when (KIP Ps 22(8), indonesia.md K5): only a
 * rule with an extension, at most `maxCount` times, strictly before the current legal due, with a
 * written reason, by 1 to `maxAmount` working days counted after the current due day.
 */
export function extendDeadline(input: ExtensionInput): ExtensionDecision {
  const { rule, calendar } = input;
  const extension = rule.extension;
  if (!extension) {
    return { ok: false, refusal: 'not_extendable', message: 'This clock cannot be extended.' };
  }
  if (input.extensionsUsed >= extension.maxCount) {
    return {
      ok: false,
      refusal: 'already_extended',
      message:
        extension.maxCount === 1
          ? 'This clock has already been extended once; the law allows one extension.'
          : `This clock has already been extended ${extension.maxCount} times.`,
    };
  }
  if (input.at >= input.legalDueAt) {
    return {
      ok: false,
      refusal: 'deadline_passed',
      message: 'An extension must be decided before the legal due; this one has passed.',
    };
  }
  if (extension.isReasonRequired && input.reason.trim() === '') {
    return {
      ok: false,
      refusal: 'reason_required',
      message: 'An extension needs a written reason.',
    };
  }
  if (
    !Number.isInteger(input.workingDays) ||
    input.workingDays < 1 ||
    input.workingDays > extension.maxAmount
  ) {
    return {
      ok: false,
      refusal: 'bad_amount',
      message: `An extension is 1 to ${extension.maxAmount} working days.`,
    };
  }
  const extended = extendedDue(calendar, input.legalDueAt, input.workingDays);
  const dueDay = toZoned(input.legalDueAt, calendar.timeZone).day;
  return {
    ok: true,
    dueAt: extended.dueAt,
    dueDate: extended.dueDate,
    skippedDays: nonWorkingDaysBetween(calendar, dueDay + 1, extended.lastDay),
    warnings: missingYearWarnings(calendar, dueDay, extended.lastDay),
  };
}
