import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadline-defaults';
import {
  hasServiceClasses,
  previewDeadlines,
  type ClockOutcome,
  type DeadlinePreviewOutcome,
} from '../../../shared/domain/deadlines';
import { localDateOf } from '../../../shared/domain/local-date';
import { calendarSettingsOf, createWorkingCalendar } from '../../../shared/domain/working-calendar';
import { formatIsoInZone, parseIsoInstant } from '../../../shared/domain/zoned-time';
import type { Unit } from '../../../shared/schemas/calendar';
import type {
  ClockPreview,
  DeadlinePreview,
  DeadlinePreviewQuery,
  RequestType,
  RequestTypeRules,
} from '../../../shared/schemas/deadlines';
import { DEFAULT_UNIT } from '../../seed/units';
import { loadHolidayFacts, loadUnit } from '../calendar/repository';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import { loadRuleOverride } from './repository';

/** Deadline previews: read the unit, the holiday lists and the rules, then the pure arithmetic. */
export class DeadlineService {
  constructor(private readonly ctx: ServiceContext) {}

  async preview(query: DeadlinePreviewQuery): Promise<DeadlinePreview> {
    const receivedAt = parseIsoInstant(query.receivedAt);
    if (receivedAt === undefined) {
      // The query schema already refuses this; kept so the service stands on its own.
      throw invalidPayload([
        { path: 'querystring.receivedAt', message: 'not an ISO 8601 instant' },
      ]);
    }
    const unitId = query.unit ?? DEFAULT_UNIT.id;
    // One transaction: the unit, the lists and the rules are read as of one moment.
    const facts = await this.ctx.db.transaction().execute(async (trx) => ({
      unit: await loadUnit(trx, unitId),
      calendar: await loadHolidayFacts(trx),
      rules: (await loadRuleOverride(trx, query.type)) ?? DEFAULT_DEADLINE_RULES[query.type],
    }));
    if (!facts.unit) {
      throw invalidPayload([{ path: 'querystring.unit', message: `No unit ${unitId}` }]);
    }
    checkServiceClass(query, facts.rules);
    const calendar = createWorkingCalendar(
      calendarSettingsOf(facts.unit),
      facts.calendar.holidays,
      facts.calendar.loadedYears,
    );
    const outcome = previewDeadlines({
      rules: facts.rules,
      receivedAt,
      calendar,
      serviceClass: query.serviceClass,
      customWorkingDays: query.customWorkingDays,
    });
    return toPreview(query.type, facts.unit, receivedAt, outcome);
  }
}

function checkServiceClass(query: DeadlinePreviewQuery, rules: RequestTypeRules): void {
  if (query.serviceClass && !hasServiceClasses(rules)) {
    throw invalidPayload([
      {
        path: 'querystring.serviceClass',
        message: `${query.type} has fixed clocks; service classes apply to inquiry and aspiration`,
      },
    ]);
  }
  if (query.serviceClass === 'custom' && query.customWorkingDays === undefined) {
    throw invalidPayload([
      { path: 'querystring.customWorkingDays', message: 'required with serviceClass=custom' },
    ]);
  }
  if (query.serviceClass !== 'custom' && query.customWorkingDays !== undefined) {
    throw invalidPayload([
      { path: 'querystring.customWorkingDays', message: 'only with serviceClass=custom' },
    ]);
  }
}

function toPreview(
  type: RequestType,
  unit: Unit,
  receivedAt: number,
  outcome: DeadlinePreviewOutcome,
): DeadlinePreview {
  const iso = (at: number) => formatIsoInZone(at, unit.timeZone);
  const clocks = outcome.clocks.map((clock) => toClockPreview(clock, iso));
  const first = clocks[0]!;
  return {
    type,
    serviceClass: outcome.serviceClass,
    unit,
    receivedAt: iso(receivedAt),
    countsFrom: {
      at: iso(outcome.receipt.at),
      date: localDateOf(outcome.receipt.day),
      shiftedBecause: outcome.receipt.shiftedBecause,
    },
    internalTarget: first.internalTarget,
    legalDue: first.legalDue,
    clocks,
    skippedDays: outcome.skippedDays,
    warnings: outcome.warnings,
  };
}

function toClockPreview(clock: ClockOutcome, iso: (at: number) => string): ClockPreview {
  const { legal, internal } = clock;
  return {
    clock: clock.rule.clock,
    startsFrom: clock.rule.startsFrom,
    startsAt: iso(clock.startsAt),
    internalTarget: {
      dueAt: iso(internal.dueAt),
      dueDate: internal.dueDate,
      basis: internal.basis,
      isClamped: internal.isClamped,
    },
    legalDue:
      legal && clock.rule.legal
        ? {
            dueAt: iso(legal.dueAt),
            dueDate: legal.dueDate,
            limitAt: iso(legal.limitAt),
            rule: clock.rule.legal,
            source: clock.rule.source,
            maxExtension: legal.maxExtension
              ? {
                  dueAt: iso(legal.maxExtension.dueAt),
                  dueDate: legal.maxExtension.dueDate,
                  amount: legal.maxExtension.amount,
                  unit: 'working_days',
                }
              : null,
          }
        : null,
  };
}
