import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alertConditions,
  isNearBreach,
  isQueueOverThreshold,
  reconcileAlerts,
  type AlertFacts,
} from './lead-alerts';

const NOW = 1_800_000_000_000;
const MINUTE = 60_000;

function facts(overrides: Partial<AlertFacts> = {}): AlertFacts {
  return {
    queues: [],
    thresholds: new Map(),
    queueLeadTeams: new Map(),
    teamsWithLeads: new Set(['A', 'B']),
    agents: [],
    clocks: [],
    ...overrides,
  };
}

describe('queue over its threshold', () => {
  const threshold = { maxWaiting: 5, maxWaitMs: 3 * MINUTE };
  it.each<[number, number | null, boolean, string]>([
    [5, null, false, 'at the limit is not over'],
    [6, null, true, 'more waiting than allowed'],
    [1, NOW - 3 * MINUTE, false, 'waited exactly the limit'],
    [1, NOW - 3 * MINUTE - 1, true, 'waited longer than the limit'],
  ])('waiting %s since %s: %s (%s)', (waiting, oldestArrivedAt, over) => {
    expect(isQueueOverThreshold({ waiting, oldestArrivedAt }, threshold, NOW)).toBe(over);
  });

  it('no threshold, or both limits off: never over', () => {
    expect(isQueueOverThreshold({ waiting: 99, oldestArrivedAt: 0 }, undefined, NOW)).toBe(false);
    expect(
      isQueueOverThreshold(
        { waiting: 99, oldestArrivedAt: 0 },
        { maxWaiting: null, maxWaitMs: null },
        NOW,
      ),
    ).toBe(false);
  });
});

describe('alert conditions', () => {
  it('given a queue over its threshold served by two teams, then one condition per team', () => {
    const conditions = alertConditions(
      facts({
        queues: [{ queueId: 'q1', queueName: 'Bansos', waiting: 3, oldestArrivedAt: NOW - MINUTE }],
        thresholds: new Map([['q1', { maxWaiting: 2, maxWaitMs: null }]]),
        queueLeadTeams: new Map([['q1', ['A', 'B']]]),
      }),
      NOW,
    );
    expect(conditions.map((c) => [c.key, c.teamId])).toEqual([
      ['queue:q1:A', 'A'],
      ['queue:q1:B', 'B'],
    ]);
    expect(conditions[0]!.detail).toEqual({
      waiting: 3,
      longestWaitMs: MINUTE,
      maxWaiting: 2,
      maxWaitMs: null,
    });
  });

  it('given a queue no led team serves, then the condition is every lead’s', () => {
    const [condition] = alertConditions(
      facts({
        queues: [{ queueId: 'q1', queueName: 'Umum', waiting: 3, oldestArrivedAt: NOW }],
        thresholds: new Map([['q1', { maxWaiting: 0, maxWaitMs: null }]]),
      }),
      NOW,
    );
    expect(condition).toMatchObject({ key: 'queue:q1:*', teamId: null });
  });

  it('given an agent not responding, then a condition for their team', () => {
    const conditions = alertConditions(
      facts({
        agents: [
          { agentId: 'a1', agentName: 'Rina', teamId: 'A', presence: 'not_responding' },
          { agentId: 'a2', agentName: 'Budi', teamId: 'A', presence: 'available' },
          { agentId: 'a3', agentName: 'Dewi', teamId: 'C', presence: 'not_responding' },
        ],
      }),
      NOW,
    );
    expect(conditions.map((c) => [c.key, c.teamId])).toEqual([
      ['agent:a1', 'A'],
      // Team C has no lead: every lead is told.
      ['agent:a3', null],
    ]);
  });

  it('given clocks at 50, 80 and 100 %, then only the 80 % one is about to breach', () => {
    const clock = {
      caseId: 'c',
      reference: 'TGP-PIP-1',
      ownerTeamId: 'B',
      ownerName: 'Budi',
      dueAt: NOW + MINUTE,
    };
    const conditions = alertConditions(
      facts({
        clocks: [
          { ...clock, clockId: 'k50', warnedLevel: 50, isBreached: false },
          { ...clock, clockId: 'k80', warnedLevel: 80, isBreached: false },
          { ...clock, clockId: 'k100', warnedLevel: 100, isBreached: true },
        ],
      }),
      NOW,
    );
    expect(conditions.map((c) => c.key)).toEqual(['deadline:k80']);
    expect(conditions[0]).toMatchObject({ teamId: 'B', detail: { reference: 'TGP-PIP-1' } });
    expect(isNearBreach({ warnedLevel: 100, isBreached: false })).toBe(true);
  });
});

describe('reconciling conditions with open alerts', () => {
  const condition = (key: string) => ({
    key,
    kind: 'agent_not_responding' as const,
    teamId: null,
    subjectId: key,
    subjectName: key,
    detail: {},
  });

  it('raises new conditions, keeps open ones, clears ended ones', () => {
    const { raise, clear } = reconcileAlerts(
      [condition('held'), condition('new')],
      [
        { id: '1', key: 'held' },
        { id: '2', key: 'ended' },
      ],
    );
    expect(raise.map((c) => c.key)).toEqual(['new']);
    expect(clear).toEqual(['2']);
  });

  it('never raises a key twice nor raises a key already open, and clears exactly the ended', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(key), fc.uniqueArray(key), (holding, openKeys) => {
        const open = openKeys.map((k, i) => ({ id: `id-${i}`, key: k }));
        const { raise, clear } = reconcileAlerts(holding.map(condition), open);
        const raised = raise.map((c) => c.key);
        expect(new Set(raised).size).toBe(raised.length);
        for (const k of raised) expect(openKeys).not.toContain(k);
        expect(new Set(raised)).toEqual(new Set(holding.filter((k) => !openKeys.includes(k))));
        expect(clear.sort()).toEqual(
          open
            .filter((a) => !holding.includes(a.key))
            .map((a) => a.id)
            .sort(),
        );
      }),
    );
  });
});
