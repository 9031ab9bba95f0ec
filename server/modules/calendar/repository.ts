import type { Kysely } from 'kysely';
import { clockTimeOfMinute } from '../../../shared/domain/working-calendar';
import {
  CalendarDayKindSchema,
  TimeZoneSchema,
  WeekdaySchema,
  type Holiday,
  type HolidayYear,
  type Unit,
} from '../../../shared/schemas/calendar';
import type { Database, UnitTable } from '../../store/schema';

type Db = Kysely<Database>;

function unitFromRow(row: UnitTable): Unit {
  return {
    id: row.id,
    name: row.name,
    // Parsed, not cast: a hand-edited row with a bad zone fails loudly here, not in a due date.
    timeZone: TimeZoneSchema.parse(row.time_zone),
    workingWeekdays: WeekdaySchema.array().min(1).parse(JSON.parse(row.working_weekdays)),
    officeHours: {
      opensAt: clockTimeOfMinute(row.opens_at_minute),
      closesAt: clockTimeOfMinute(row.closes_at_minute),
    },
    isClosedOnCollectiveLeave: row.is_closed_on_collective_leave === 1,
  };
}

export async function loadUnit(db: Db, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? unitFromRow(row) : undefined;
}

/** Every loaded holiday and the years that have a list: a few dozen rows a year. */
export async function loadHolidayFacts(
  db: Db,
): Promise<{ holidays: Holiday[]; loadedYears: number[] }> {
  const cdb = db;
  const [rows, years] = await Promise.all([
    cdb.selectFrom('holidays').select(['date', 'name', 'kind']).orderBy('date').execute(),
    cdb.selectFrom('holiday_years').select('year').execute(),
  ]);
  return {
    holidays: rows.map((row) => ({
      date: row.date,
      name: row.name,
      kind: CalendarDayKindSchema.parse(row.kind),
    })),
    loadedYears: years.map((row) => Number(row.year)),
  };
}

export async function loadHolidayYear(db: Db, year: number): Promise<HolidayYear> {
  const cdb = db;
  const [loaded, rows] = await Promise.all([
    cdb.selectFrom('holiday_years').selectAll().where('year', '=', year).executeTakeFirst(),
    cdb
      .selectFrom('holidays')
      .select(['date', 'name', 'kind'])
      .where('year', '=', year)
      .orderBy('date')
      .execute(),
  ]);
  return {
    year,
    isLoaded: loaded !== undefined,
    source: loaded?.source ?? null,
    loadedAt: loaded ? Number(loaded.loaded_at) : null,
    holidays: rows.map((row) => ({
      date: row.date,
      name: row.name,
      kind: CalendarDayKindSchema.parse(row.kind),
    })),
  };
}

/** Replaces one year's list; call inside a transaction so readers see the old or the new list. */
export async function replaceHolidayYear(
  db: Db,
  change: {
    year: number;
    holidays: Holiday[];
    source: string | null;
    loadedBy: string;
    at: number;
  },
): Promise<void> {
  const cdb = db;
  await cdb.deleteFrom('holidays').where('year', '=', change.year).execute();
  await cdb
    .insertInto('holiday_years')
    .values({
      year: change.year,
      source: change.source,
      loaded_by: change.loadedBy,
      loaded_at: change.at,
    })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        source: change.source,
        loaded_by: change.loadedBy,
        loaded_at: change.at,
      }),
    )
    .execute();
  if (change.holidays.length > 0) {
    await cdb
      .insertInto('holidays')
      .values(
        change.holidays.map((holiday) => ({
          date: holiday.date,
          year: change.year,
          name: holiday.name,
          kind: holiday.kind,
        })),
      )
      .execute();
  }
}
