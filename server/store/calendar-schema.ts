/**
 * Row types of the calendar and deadline tables (migration 0002-calendar), same conventions as
 * schema.ts: times are epoch ms, booleans 0/1, lists JSON text. Kept apart from schema.ts while
 * other work edits it; repositories use `db.withTables<CalendarTables>()` (type aliases, not
 * interfaces: `withTables` needs their implicit index signature). Fold into `Database`
 * when convenient.
 */
export type UnitTable = {
  id: string;
  name: string;
  /** IANA zone: Asia/Jakarta, Asia/Makassar or Asia/Jayapura. */
  time_zone: string;
  /** JSON array of ISO weekdays (1 = Monday). */
  working_weekdays: string;
  /** Local minutes after midnight. */
  opens_at_minute: number;
  closes_at_minute: number;
  is_closed_on_collective_leave: number;
  created_at: number;
};

/** A year whose holiday list has been loaded; its absence means "no data", never "no holidays". */
export type HolidayYearTable = {
  year: number;
  source: string | null;
  loaded_by: string | null;
  loaded_at: number;
};

export type HolidayTable = {
  /** `YYYY-MM-DD`; one entry per date. */
  date: string;
  year: number;
  name: string;
  /** `holiday` or `collective_leave`. */
  kind: string;
};

/** Per-type overrides of the shipped deadline rules (JSON of RequestTypeRules). */
export type DeadlineRuleTable = {
  request_type: string;
  rules: string;
  updated_by: string | null;
  updated_at: number;
};

export type CalendarTables = {
  units: UnitTable;
  holiday_years: HolidayYearTable;
  holidays: HolidayTable;
  deadline_rules: DeadlineRuleTable;
};
