import type { HolidayYear, ReplaceHolidaysBody } from '../../../shared/schemas/calendar';
import type { User } from '../../../shared/schemas/user';
import type { ServiceContext } from '../context';
import { invalidPayload } from '../validation';
import { loadHolidayYear, replaceHolidayYear } from './repository';

/** Holiday lists per year: read by everyone, replaced whole by administrators. */
export class CalendarService {
  constructor(private readonly ctx: ServiceContext) {}

  holidays(year: number): Promise<HolidayYear> {
    return loadHolidayYear(this.ctx.db, year);
  }

  /**
   * Replaces `year`'s list atomically. Dates must lie inside the year; duplicates are refused by
   * the body schema. The list may be empty (a year known to have no holidays is still loaded).
   */
  async replaceHolidays(year: number, body: ReplaceHolidaysBody, by: User): Promise<HolidayYear> {
    const outside = body.holidays.flatMap((holiday, index) =>
      holiday.date.startsWith(`${year}-`)
        ? []
        : [{ path: `body.holidays.${index}.date`, message: `${holiday.date} is not in ${year}` }],
    );
    if (outside.length > 0) throw invalidPayload(outside);
    const at = this.ctx.clock.now();
    await this.ctx.db.transaction().execute((trx) =>
      replaceHolidayYear(trx, {
        year,
        holidays: [...body.holidays].sort((a, b) => a.date.localeCompare(b.date)),
        source: body.source ?? null,
        loadedBy: by.id,
        at,
      }),
    );
    this.ctx.log.info({ year, count: body.holidays.length, by: by.id }, 'holiday list replaced');
    return loadHolidayYear(this.ctx.db, year);
  }
}
