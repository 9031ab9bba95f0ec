import type { Kysely } from 'kysely';
import { CALENDAR_2026 } from '../../seed/calendar-2026';
import { insertHolidayYearIfMissing, insertMissingUnits } from '../../seed/calendar-seed';
import { DEFAULT_UNIT } from '../../seed/units';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the types say now.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Units with their working calendars, holiday lists per year, and deadline-rule overrides; seeds
 * the contact center's own unit and the shipped 2026 list (idempotently: rows already there are
 * kept). Demo units are seeded at start with DEMO=on, not here.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('working_weekdays', 'text', (c) => c.notNull())
    .addColumn('opens_at_minute', 'integer', (c) => c.notNull())
    .addColumn('closes_at_minute', 'integer', (c) => c.notNull())
    .addColumn('is_closed_on_collective_leave', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('holiday_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text')
    .addColumn('loaded_by', 'text')
    .addColumn('loaded_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('holiday_years.year'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('holidays_year_idx').on('holidays').column('year').execute();

  await db.schema
    .createTable('deadline_rules')
    .addColumn('request_type', 'text', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  const now = Date.now();
  await insertMissingUnits(db, [DEFAULT_UNIT], now);
  await insertHolidayYearIfMissing(db, CALENDAR_2026, now);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['deadline_rules', 'holidays', 'holiday_years', 'units']) {
    await db.schema.dropTable(table).execute();
  }
}
