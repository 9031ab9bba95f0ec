import type { Kysely } from 'kysely';
import type { Holiday, Unit } from '../../shared/schemas/calendar';
import { minuteOfClockTime } from '../../shared/domain/working-calendar';
import type { Database, UnitTable } from '../store/schema';
import { DEMO_UNITS } from './units';

type CalendarDb = Kysely<Database>;

export function unitRow(unit: Unit, now: number): UnitTable {
  return {
    id: unit.id,
    name: unit.name,
    time_zone: unit.timeZone,
    working_weekdays: JSON.stringify([...unit.workingWeekdays].sort((a, b) => a - b)),
    opens_at_minute: minuteOfClockTime(unit.officeHours.opensAt),
    closes_at_minute: minuteOfClockTime(unit.officeHours.closesAt),
    is_closed_on_collective_leave: unit.isClosedOnCollectiveLeave ? 1 : 0,
    created_at: now,
  };
}

/** Inserts units that do not exist yet (by id); existing ones are left as configured. */
export async function insertMissingUnits(
  db: CalendarDb,
  units: Unit[],
  now: number,
): Promise<void> {
  if (units.length === 0) return;
  await db
    .insertInto('units')
    .values(units.map((unit) => unitRow(unit, now)))
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Loads a year's list unless that year is already loaded (an administrator's list wins). */
export async function insertHolidayYearIfMissing(
  db: CalendarDb,
  list: { year: number; source: string; holidays: Holiday[] },
  now: number,
): Promise<boolean> {
  const existing = await db
    .selectFrom('holiday_years')
    .select('year')
    .where('year', '=', list.year)
    .executeTakeFirst();
  if (existing) return false;
  await db
    .insertInto('holiday_years')
    .values({ year: list.year, source: list.source, loaded_by: null, loaded_at: now })
    .execute();
  if (list.holidays.length > 0) {
    await db
      .insertInto('holidays')
      .values(
        list.holidays.map((h) => ({ date: h.date, year: list.year, name: h.name, kind: h.kind })),
      )
      .execute();
  }
  return true;
}

const DEMO_UNITS_SEEDED = 'seed:demo-units';

/**
 * The demo units in WITA and WIT, once per database (DEMO=on only). Marked in `meta` like the
 * other demo data, so a unit an administrator removes does not come back on restart.
 */
export async function seedDemoUnits(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('meta')
      .select('key')
      .where('key', '=', DEMO_UNITS_SEEDED)
      .executeTakeFirst();
    if (done) return false;
    await insertMissingUnits(trx, DEMO_UNITS, now);
    await trx
      .insertInto('meta')
      .values({ key: DEMO_UNITS_SEEDED, value: String(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return true;
  });
}
