import type { Holiday } from '../../shared/schemas/calendar';

/**
 * The 2026 national holidays (17) and cuti bersama (8), from the joint decree of three ministers
 * (SKB 3 Menteri no. 1497/2025, 2/2025, 5/2025), as listed in ../shared/domain/indonesia.md W4
 * and W5 (confidence S: two secondary sources agree). Islamic dates may move after isbat; an
 * administrator replaces the list with PUT /api/calendar/holidays/2026 when the decree changes.
 */
export const CALENDAR_2026: { year: number; source: string; holidays: Holiday[] } = {
  year: 2026,
  source:
    'SKB 3 Menteri no. 1497/2025, 2/2025, 5/2025 (libur nasional dan cuti bersama 2026); indonesia.md W4, W5',
  holidays: [
    { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'holiday' },
    { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'holiday' },
    {
      date: '2026-02-16',
      name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili',
      kind: 'collective_leave',
    },
    { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'holiday' },
    {
      date: '2026-03-18',
      name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
      kind: 'collective_leave',
    },
    { date: '2026-03-19', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)', kind: 'holiday' },
    { date: '2026-03-20', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'collective_leave' },
    { date: '2026-03-21', name: 'Idulfitri 1447 Hijriah', kind: 'holiday' },
    { date: '2026-03-22', name: 'Idulfitri 1447 Hijriah', kind: 'holiday' },
    { date: '2026-03-23', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'collective_leave' },
    { date: '2026-03-24', name: 'Cuti Bersama Idulfitri 1447 Hijriah', kind: 'collective_leave' },
    { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'holiday' },
    { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'holiday' },
    { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'holiday' },
    { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'holiday' },
    { date: '2026-05-15', name: 'Cuti Bersama Kenaikan Yesus Kristus', kind: 'collective_leave' },
    { date: '2026-05-27', name: 'Iduladha 1447 Hijriah', kind: 'holiday' },
    { date: '2026-05-28', name: 'Cuti Bersama Iduladha 1447 Hijriah', kind: 'collective_leave' },
    { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'holiday' },
    { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'holiday' },
    { date: '2026-06-16', name: '1 Muharam Tahun Baru Islam 1448 Hijriah', kind: 'holiday' },
    {
      date: '2026-08-17',
      name: 'Hari Proklamasi Kemerdekaan Republik Indonesia',
      kind: 'holiday',
    },
    { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'holiday' },
    {
      date: '2026-12-24',
      name: 'Cuti Bersama Kelahiran Yesus Kristus',
      kind: 'collective_leave',
    },
    { date: '2026-12-25', name: 'Kelahiran Yesus Kristus', kind: 'holiday' },
  ],
};
