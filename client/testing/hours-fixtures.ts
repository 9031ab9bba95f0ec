/** Business hours and callback requests for client tests. */
import type { CallbackRequest, QueueHours } from '../../shared/schemas/business-hours';
import { T0 } from './fixtures';

const OFFICE_DAY = [{ from: '08:00', to: '16:00' }];

/** Monday to Friday 08:00–16:00 WIB, closed on national holidays, callback after hours. */
export function aQueueHours(overrides: Partial<QueueHours> = {}): QueueHours {
  return {
    queueId: 'q-bansos',
    timeZone: 'Asia/Jakarta',
    isAlwaysOpen: false,
    weekly: {
      mon: OFFICE_DAY,
      tue: OFFICE_DAY,
      wed: OFFICE_DAY,
      thu: OFFICE_DAY,
      fri: OFFICE_DAY,
      sat: [{ from: '08:00', to: '12:00' }],
      sun: [],
    },
    isClosedOnHolidays: true,
    isClosedOnCollectiveLeave: false,
    afterHours: { action: 'callback', message: 'Kami akan menelepon Anda {opensAt}.' },
    updatedAt: T0,
    updatedBy: 'Admin',
    ...overrides,
  };
}

export function aCallbackRequest(overrides: Partial<CallbackRequest> = {}): CallbackRequest {
  return {
    id: 'cb-1',
    contactId: 'c-9',
    reference: 'TGP-20260314-0007',
    queueId: 'q-bansos',
    channel: 'voice',
    citizenName: 'Siti Rahayu',
    address: '6281234567890',
    dueAt: T0 + 2 * 86_400_000,
    status: 'open',
    createdAt: T0,
    doneAt: null,
    doneByName: null,
    ...overrides,
  };
}
