import { DEFAULT_DEADLINE_RULES } from '../../../shared/domain/deadline-defaults';
import { minuteOfClockTime } from '../../../shared/domain/working-calendar';
import type { Unit } from '../../../shared/schemas/calendar';
import type {
  DeadlineRulesView,
  UnitCalendarBody,
} from '../../../shared/schemas/calendar-settings';
import type { RequestType, RequestTypeRules } from '../../../shared/schemas/deadlines';
import type { User } from '../../../shared/schemas/user';
import { AppError } from '../app-error';
import { loadUnit } from '../calendar/repository';
import type { ServiceContext } from '../context';
import { loadRuleOverride } from '../deadlines/repository';

/**
 * The deadline configuration administrators change: a unit's own calendar, and a request type's
 * rules over the shipped defaults (`shared/domain/deadline-defaults.ts`). Each change is logged
 * with who made it; clocks already running keep the dues they were given (docs/deadlines.md).
 */
export class CalendarSettingsService {
  constructor(private readonly ctx: ServiceContext) {}

  async replaceUnitCalendar(unitId: string, body: UnitCalendarBody, by: User): Promise<Unit> {
    const updated = await this.ctx.db
      .updateTable('units')
      .set({
        time_zone: body.timeZone,
        working_weekdays: JSON.stringify([...body.workingWeekdays].sort((a, b) => a - b)),
        opens_at_minute: minuteOfClockTime(body.officeHours.opensAt),
        closes_at_minute: minuteOfClockTime(body.officeHours.closesAt),
        is_closed_on_collective_leave: body.isClosedOnCollectiveLeave ? 1 : 0,
      })
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new AppError('not_found', `No unit ${unitId}.`);
    this.ctx.log.info({ unitId, by: by.id, calendar: body }, 'unit calendar replaced');
    const unit = await loadUnit(this.ctx.db, unitId);
    if (!unit) throw new AppError('not_found', `No unit ${unitId}.`);
    return unit;
  }

  async rules(type: RequestType): Promise<DeadlineRulesView> {
    const override = await loadRuleOverride(this.ctx.db, type);
    return {
      type,
      rules: override ?? DEFAULT_DEADLINE_RULES[type],
      isOverride: override !== undefined,
      defaults: DEFAULT_DEADLINE_RULES[type],
    };
  }

  async replaceRules(
    type: RequestType,
    rules: RequestTypeRules | null,
    by: User,
  ): Promise<DeadlineRulesView> {
    const { db, clock } = this.ctx;
    if (rules === null) {
      await db.deleteFrom('deadline_rules').where('request_type', '=', type).execute();
    } else {
      const row = { rules: JSON.stringify(rules), updated_by: by.id, updated_at: clock.now() };
      await db
        .insertInto('deadline_rules')
        .values({ request_type: type, ...row })
        .onConflict((oc) => oc.column('request_type').doUpdateSet(row))
        .execute();
    }
    this.ctx.log.info({ type, by: by.id, isOverride: rules !== null }, 'deadline rules replaced');
    return this.rules(type);
  }
}
