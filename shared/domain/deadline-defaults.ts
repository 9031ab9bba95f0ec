/**
 * The shipped deadline rules. They are defaults, not law in code: an instance overrides any
 * request type's rules (stored per type, see server/modules/deadlines), and the sources below say
 * where each number comes from (rows of ../shared/domain/indonesia.md; confirm before release).
 */
import type { DeadlineRuleTable, Duration } from '../schemas/deadlines';

/** Internal service classes for requests without a statute (inquiry, aspiration). */
export const DEFAULT_SERVICE_CLASSES: {
  immediate: Duration;
  one_day: Duration;
  one_week: Duration;
} = {
  // Same working day: closing time on the (effective) receipt day.
  immediate: { amount: 0, unit: 'working_days' },
  one_day: { amount: 1, unit: 'working_days' },
  // A working week, not seven calendar days: a holiday week must not eat the time.
  one_week: { amount: 5, unit: 'working_days' },
};

export const DEFAULT_DEADLINE_RULES: DeadlineRuleTable = {
  information_request: {
    clocks: [
      {
        clock: 'notice',
        startsFrom: 'receipt',
        legal: { amount: 10, unit: 'working_days' },
        // Two working days before the legal date: the written notice still has to be signed by
        // the PPID and sent, and the one extension (K5) must be decided before the legal date,
        // so the desk needs to know a request is late while there is still time to extend it.
        internal: { kind: 'before_legal', workingDays: 2 },
        extension: { maxAmount: 7, unit: 'working_days', maxCount: 1, isReasonRequired: true },
        source: 'UU 14/2008 Ps 22(7) notice, Ps 22(8) one extension (indonesia.md K3, K5)',
      },
    ],
  },
  objection: {
    clocks: [
      {
        clock: 'response',
        startsFrom: 'receipt',
        legal: { amount: 30, unit: 'working_days' },
        // A working week before: an upheld decision needs written reasons from the Atasan PPID
        // (K10), and a lapse opens the way to the Komisi Informasi (K12).
        internal: { kind: 'before_legal', workingDays: 5 },
        source:
          'UU 14/2008 Ps 36(2) response within 30 HK of receipt (indonesia.md K10); the objector files within 30 HK (K9)',
      },
    ],
  },
  complaint: {
    clocks: [
      {
        clock: 'acknowledgement',
        startsFrom: 'receipt',
        // "Hari" read as calendar days: the conservative reading (indonesia.md §2, I).
        legal: { amount: 14, unit: 'calendar_days' },
        // Two working days before: the answer must say whether the file is complete, and an
        // incomplete file starts the complainant's own 30 days (P5), so it should go out early.
        internal: { kind: 'before_legal', workingDays: 2 },
        source: 'UU 25/2009; answer a written complaint within 14 days (indonesia.md P4)',
      },
      {
        clock: 'resolution',
        startsFrom: 'complete_file',
        legal: { amount: 60, unit: 'calendar_days' },
        // A working week before: resolution usually waits on an owning unit's answer.
        internal: { kind: 'before_legal', workingDays: 5 },
        source: 'Perpres 76/2013; resolve within 60 days of the complete file (indonesia.md P6)',
      },
    ],
  },
  personal_data_request: {
    clocks: [
      {
        clock: 'fulfilment',
        startsFrom: 'receipt',
        legal: { amount: 72, unit: 'hours' },
        // Same as legal: 3x24 hours run through nights and weekends and the due is already pulled
        // back to the last closing before the limit; a working-day margin would usually land on
        // the day of receipt. The 50/80 % warnings give the early alerts instead.
        internal: { kind: 'before_legal', workingDays: 0 },
        source: 'UU 27/2022 Ps 32, access within 3x24 hours (indonesia.md D2; D3-D5 alike)',
      },
    ],
  },
  inquiry: {
    clocks: [
      {
        clock: 'answer',
        startsFrom: 'receipt',
        legal: null,
        // A simple question is answered on the call or the same working day; an agent picks a
        // longer class when the answer needs a unit.
        internal: {
          kind: 'service_class',
          defaultClass: 'immediate',
          classes: DEFAULT_SERVICE_CLASSES,
        },
        source: 'Internal service standard; no statute (indonesia.md §2 INQUIRY)',
      },
    ],
  },
  aspiration: {
    clocks: [
      {
        clock: 'follow_up',
        startsFrom: 'receipt',
        legal: null,
        // An aspiration is passed to the unit concerned; a working week matches the follow-up
        // rhythm of SP4N-LAPOR! (L3: 5 HK).
        internal: {
          kind: 'service_class',
          defaultClass: 'one_week',
          classes: DEFAULT_SERVICE_CLASSES,
        },
        source: 'Internal service standard; no statute (indonesia.md L3 as a guide)',
      },
    ],
  },
};
