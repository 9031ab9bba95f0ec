import type { Unit } from '../../shared/schemas/calendar';

/**
 * The contact center's own unit: every instance has it, and a deadline preview without a unit
 * uses it. WIB, Monday–Friday 07:30–16:00 (W1), cuti bersama counted as working days (the
 * conservative default: it gives the earlier date, W8).
 */
export const DEFAULT_UNIT: Unit = {
  id: 'pusat-kontak',
  name: 'Pusat Kontak',
  timeZone: 'Asia/Jakarta',
  workingWeekdays: [1, 2, 3, 4, 5],
  officeHours: { opensAt: '07:30', closesAt: '16:00' },
  isClosedOnCollectiveLeave: false,
};

/**
 * Two demo owning units in the other zones, each showing one override: Makassar closes on cuti
 * bersama; Jayapura serves the public Monday–Saturday, 08:00–15:00 (W3).
 */
export const DEMO_UNITS: Unit[] = [
  {
    id: 'kanwil-sulsel',
    name: 'Kantor Wilayah Sulawesi Selatan',
    timeZone: 'Asia/Makassar',
    workingWeekdays: [1, 2, 3, 4, 5],
    officeHours: { opensAt: '07:30', closesAt: '16:00' },
    isClosedOnCollectiveLeave: true,
  },
  {
    id: 'kanwil-papua',
    name: 'Kantor Wilayah Papua',
    timeZone: 'Asia/Jayapura',
    workingWeekdays: [1, 2, 3, 4, 5, 6],
    officeHours: { opensAt: '08:00', closesAt: '15:00' },
    isClosedOnCollectiveLeave: false,
  },
];
