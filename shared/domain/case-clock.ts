/**
 * The clocks of one case over time: opened at receipt from the type's rules (reusing the deadline
 * arithmetic of deadlines.ts), started later when they count from an event, paused only while
 * waiting on the citizen, extended under the rule, and warned at 50, 80 and 100 % of their due.
 * Pure: every function takes `now` or the instant of the event.
 */
import type { ClockStatus, WarningLevel } from '../schemas/case';
import type { ClockRule, DurationUnit, RequestTypeRules } from '../schemas/deadlines';
import {
  computeDueAt,
  computeInternalTarget,
  extendDeadline,
  previewDeadlines,
  type ExtensionDecision,
  type ServiceClassChoice,
} from './deadlines';
import { dayNumberOf, localDateOf, type LocalDate } from './local-date';
import {
  addWorkingDayNumbers,
  closingOn,
  effectiveReceipt,
  isWorkingDayNumber,
  subtractWorkingDayNumbers,
  type WorkingCalendar,
} from './working-calendar';
import { toZoned } from './zoned-time';

export const WARNING_LEVELS: readonly WarningLevel[] = [50, 80, 100];

export interface ClockState {
  rule: ClockRule;
  status: ClockStatus;
  startsAt: number | null;
  legalDueAt: number | null;
  internalDueAt: number | null;
  pausedAt: number | null;
  pausedTotalMs: number;
  extensionsUsed: number;
}

/** The clocks a case opens with: receipt clocks running, event clocks pending. */
export function openClocks(
  rules: RequestTypeRules,
  receivedAt: number,
  calendar: WorkingCalendar,
  choice: ServiceClassChoice = {},
): ClockState[] {
  const preview = previewDeadlines({ rules, receivedAt, calendar, ...choice });
  return preview.clocks.map((clock): ClockState => {
    if (clock.rule.startsFrom !== 'receipt') {
      return {
        rule: clock.rule,
        status: 'pending',
        startsAt: null,
        legalDueAt: null,
        internalDueAt: null,
        pausedAt: null,
        pausedTotalMs: 0,
        extensionsUsed: 0,
      };
    }
    return {
      rule: clock.rule,
      status: 'running',
      startsAt: clock.startsAt,
      legalDueAt: clock.legal?.dueAt ?? null,
      internalDueAt: clock.internal.dueAt,
      pausedAt: null,
      pausedTotalMs: 0,
      extensionsUsed: 0,
    };
  });
}

/** Starts a pending clock at `at` (complaint resolution from the complete file). */
export function startClock(state: ClockState, at: number, calendar: WorkingCalendar): ClockState {
  if (state.status !== 'pending') return state;
  const legal = state.rule.legal ? computeDueAt(state.rule.legal, at, calendar) : null;
  const internal = computeInternalTarget(state.rule.internal, legal, at, calendar);
  return {
    ...state,
    status: 'running',
    startsAt: legal?.startsAt ?? internal.startsAt,
    legalDueAt: legal?.dueAt ?? null,
    internalDueAt: internal.dueAt,
  };
}

/** The due warnings count against: the legal one, or the internal target without a statute. */
export function governingDue(
  state: Pick<ClockState, 'legalDueAt' | 'internalDueAt'>,
): { dueAt: number; basis: 'legal' | 'internal' } | null {
  if (state.legalDueAt !== null) return { dueAt: state.legalDueAt, basis: 'legal' };
  if (state.internalDueAt !== null) return { dueAt: state.internalDueAt, basis: 'internal' };
  return null;
}

/**
 * When a clock reaches `level` % of its due. Paused time before `now` is not counted: the span
 * runs from the start plus the time spent paused (dues were moved by the pauses already).
 */
export function thresholdAt(
  state: Pick<ClockState, 'startsAt' | 'legalDueAt' | 'internalDueAt' | 'pausedTotalMs'>,
  level: WarningLevel,
): number | null {
  const due = governingDue(state);
  if (due === null || state.startsAt === null) return null;
  if (level === 100) return due.dueAt;
  const from = state.startsAt + state.pausedTotalMs;
  const span = Math.max(0, due.dueAt - from);
  return from + Math.floor((span * level) / 100);
}

/** Levels above `warnedLevel` a running clock has reached at `now`, lowest first. */
export function levelsReached(state: ClockState, warnedLevel: number, now: number): WarningLevel[] {
  if (state.status !== 'running') return [];
  return WARNING_LEVELS.filter((level) => {
    if (level <= warnedLevel) return false;
    const at = thresholdAt(state, level);
    return at !== null && at <= now;
  });
}

/** When the scanner should look at this clock again: its next unfired threshold, or never. */
export function nextWarningAt(state: ClockState, warnedLevel: number): number | null {
  if (state.status !== 'running') return null;
  for (const level of WARNING_LEVELS) {
    if (level > warnedLevel) return thresholdAt(state, level);
  }
  return null;
}

/**
 * The highest level already passed under a new due (after an extension or a resume), so that a
 * level fired against the old due is not fired again, and one not yet reached can fire later.
 */
export function levelPassed(state: ClockState, now: number): number {
  let passed = 0;
  for (const level of WARNING_LEVELS) {
    const at = thresholdAt(state, level);
    if (at !== null && at <= now) passed = level;
  }
  return passed;
}

export type PauseDecision =
  | { ok: true; state: ClockState }
  | { ok: false; refusal: 'not_running' | 'not_paused'; message: string };

export function pauseClock(state: ClockState, at: number): PauseDecision {
  if (state.status !== 'running') {
    return { ok: false, refusal: 'not_running', message: 'Only a running clock can be paused.' };
  }
  return { ok: true, state: { ...state, status: 'paused', pausedAt: at } };
}

/**
 * Resumes a paused clock: each due moves later by the time the pause took, in the due's own
 * unit — working days the pause covered (the pause day itself excluded, so a pause inside one
 * day moves nothing), calendar days, or elapsed hours.
 */
export function resumeClock(
  state: ClockState,
  at: number,
  calendar: WorkingCalendar,
): PauseDecision {
  if (state.status !== 'paused' || state.pausedAt === null) {
    return { ok: false, refusal: 'not_paused', message: 'This clock is not paused.' };
  }
  const pausedAt = state.pausedAt;
  const legalUnit: DurationUnit = state.rule.legal?.unit ?? 'working_days';
  const internalUnit: DurationUnit =
    state.rule.internal.kind === 'duration'
      ? state.rule.internal.duration.unit
      : state.rule.internal.kind === 'service_class'
        ? state.rule.internal.classes.one_day.unit
        : legalUnit;
  const shift = (due: number | null, unit: DurationUnit) =>
    due === null ? null : shiftDue(due, unit, pausedAt, at, calendar);
  return {
    ok: true,
    state: {
      ...state,
      status: 'running',
      pausedAt: null,
      pausedTotalMs: state.pausedTotalMs + Math.max(0, at - pausedAt),
      legalDueAt: shift(state.legalDueAt, legalUnit),
      internalDueAt: shift(state.internalDueAt, internalUnit),
    },
  };
}

/** Moves a due later by the pause [from, to], counted in `unit`. */
export function shiftDue(
  dueAt: number,
  unit: DurationUnit,
  from: number,
  to: number,
  calendar: WorkingCalendar,
): number {
  if (to <= from) return dueAt;
  if (unit === 'hours') return dueAt + (to - from);
  const zone = calendar.timeZone;
  const fromDay = toZoned(from, zone).day;
  const toDay = toZoned(to, zone).day;
  const dueDay = toZoned(dueAt, zone).day;
  if (unit === 'calendar_days') {
    const days = toDay - fromDay;
    if (days === 0) return dueAt;
    // From the due day, not the rule's limit day: when the due was pulled back from a weekend
    // this gives the earlier, safer date.
    return closingOn(calendar, lastWorkingDayAtOrBefore(calendar, dueDay + days));
  }
  let covered = 0;
  for (let day = fromDay + 1; day <= toDay; day += 1) {
    if (isWorkingDayNumber(calendar, day)) covered += 1;
  }
  if (covered === 0) return dueAt;
  return closingOn(calendar, addWorkingDayNumbers(calendar, dueDay, covered));
}

function lastWorkingDayAtOrBefore(calendar: WorkingCalendar, day: number): number {
  return isWorkingDayNumber(calendar, day) ? day : subtractWorkingDayNumbers(calendar, day, 1);
}

export type ExtendDecision =
  | { ok: true; state: ClockState; decision: Extract<ExtensionDecision, { ok: true }> }
  | Extract<ExtensionDecision, { ok: false }>
  | { ok: false; refusal: 'not_running'; message: string };

/**
 * The one extension of an information request's notice (K5), through `extendDeadline`; the
 * internal target moves with it, keeping its distance before the legal due.
 */
export function extendClock(
  state: ClockState,
  input: { workingDays: number; reason: string; at: number; calendar: WorkingCalendar },
): ExtendDecision {
  if (state.status !== 'running' && state.status !== 'paused') {
    return { ok: false, refusal: 'not_running', message: 'This clock is not running.' };
  }
  if (state.legalDueAt === null) {
    return { ok: false, refusal: 'not_extendable', message: 'This clock cannot be extended.' };
  }
  const decision = extendDeadline({
    rule: state.rule,
    legalDueAt: state.legalDueAt,
    extensionsUsed: state.extensionsUsed,
    workingDays: input.workingDays,
    reason: input.reason,
    at: input.at,
    calendar: input.calendar,
  });
  if (!decision.ok) return decision;
  const { calendar } = input;
  let internalDueAt = state.internalDueAt;
  if (state.rule.internal.kind === 'before_legal') {
    const day = subtractWorkingDayNumbers(
      calendar,
      toZoned(decision.dueAt, calendar.timeZone).day,
      state.rule.internal.workingDays,
    );
    internalDueAt = Math.max(state.internalDueAt ?? 0, closingOn(calendar, day));
  }
  return {
    ok: true,
    decision,
    state: {
      ...state,
      legalDueAt: decision.dueAt,
      internalDueAt,
      extensionsUsed: state.extensionsUsed + 1,
    },
  };
}

/** Working days an objector has to file after finding the grounds (UU 14/2008 Ps 36(1), K9). */
export const OBJECTION_FILING_WORKING_DAYS = 30;

/**
 * The objection filing window: the last day is the 30th working day after the day the grounds were
 * found; an objection counts as filed on its effective receipt day (after hours: the next day).
 */
export function objectionFilingWindow(
  calendar: WorkingCalendar,
  groundsFoundOn: LocalDate,
  receivedAt: number,
): { lastDay: LocalDate; isLate: boolean } {
  const lastDay = addWorkingDayNumbers(
    calendar,
    dayNumberOf(groundsFoundOn),
    OBJECTION_FILING_WORKING_DAYS,
  );
  return {
    lastDay: localDateOf(lastDay),
    isLate: effectiveReceipt(calendar, receivedAt).day > lastDay,
  };
}
