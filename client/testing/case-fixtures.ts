/** Case builders for client tests and the msw handlers. Never imported by product code. */
import type { CaseClock, CaseDetail, CaseSummary } from '../../shared/schemas/case';
import { T0 } from './fixtures';

const DAY = 86_400_000;

export function aCaseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: 'case-1',
    reference: 'TGP-PIP-20260312-00001',
    type: 'information_request',
    status: 'received',
    subject: 'Data penerima PKH',
    requesterName: 'Budi Santoso',
    channel: 'voice',
    receivedAt: T0,
    unitId: 'pusat-kontak',
    timeZone: 'Asia/Jakarta',
    ownerId: 'u-agent1',
    ownerName: 'Sari Agen',
    withUnitId: null,
    withUnitName: null,
    isBreached: false,
    isClosed: false,
    nextDueAt: T0 + 14 * DAY,
    nextInternalDueAt: T0 + 12 * DAY,
    serviceClass: null,
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...overrides,
  };
}

export function aCaseClock(overrides: Partial<CaseClock> = {}): CaseClock {
  return {
    id: 'clock-1',
    clock: 'notice',
    status: 'running',
    startsAt: T0,
    legalDueAt: T0 + 14 * DAY,
    internalDueAt: T0 + 12 * DAY,
    originalLegalDueAt: T0 + 14 * DAY,
    extensionsUsed: 0,
    extensionReason: null,
    isExtendable: true,
    pausedAt: null,
    pauseReason: null,
    pausedTotalMs: 0,
    metAt: null,
    breachedAt: null,
    warnedLevel: 0,
    source: 'UU 14/2008 Ps 22(7)',
    ...overrides,
  };
}

export function aCaseDetail(
  overrides: { case?: Partial<CaseSummary>; clocks?: CaseClock[] } & Partial<
    Omit<CaseDetail, 'case' | 'clocks'>
  > = {},
): CaseDetail {
  const { case: summary, clocks, ...rest } = overrides;
  return {
    case: aCaseSummary(summary),
    requester: { name: 'Budi Santoso' },
    confidentiality: 'normal',
    details: {},
    outcome: {},
    clocks: clocks ?? [aCaseClock()],
    handOffs: [],
    contactIds: ['c-1'],
    nextStatuses: ['registered', 'incomplete', 'withdrawn'],
    warnings: [],
    filingWindow: null,
    ...rest,
  };
}

/** The board a lead sees in tests: breached, past 80 %, and fresh, in the server's order. */
export function aCaseBoard(): CaseSummary[] {
  return [
    aCaseSummary({
      id: 'late',
      reference: 'TGP-PGD-20260301-00001',
      type: 'complaint',
      receivedAt: T0 - 10 * DAY,
      nextDueAt: T0 + 3 * DAY,
      isBreached: true,
    }),
    aCaseSummary({
      id: 'amber',
      reference: 'TGP-PIP-20260305-00002',
      receivedAt: T0 - 4 * DAY,
      nextDueAt: T0 + 7 * DAY,
    }),
    aCaseSummary(),
  ];
}

export function aPendingHandOffCase(): CaseDetail {
  return aCaseDetail({
    case: {
      id: 'case-pending-handoff',
      reference: 'TGP-PIP-20260312-00009',
      withUnitId: 'kanwil-sulsel',
      withUnitName: 'Kanwil Sulsel',
    },
    handOffs: [
      {
        id: 'h-1',
        caseId: 'case-pending-handoff',
        unitId: 'kanwil-sulsel',
        unitName: 'Kanwil Sulsel',
        status: 'pending',
        note: 'Mohon data',
        agreedDueAt: T0 + 12 * DAY,
        acknowledgeBy: T0 + DAY,
        sentById: 'u-agent1',
        sentAt: T0,
        respondedById: null,
        respondedAt: null,
        reason: null,
      },
    ],
  });
}
