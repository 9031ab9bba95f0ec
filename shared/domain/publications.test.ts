import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas/common';
import {
  RECENT_NOTICE_MS,
  answersFor,
  isAwaitingAcknowledgement,
  isOnDesk,
  mayAcknowledge,
  mayMarkMustRead,
  mayViewReadership,
  orderReaders,
  withAcknowledgement,
  type Reader,
} from './publications';

const ROLES: Role[] = ['agent', 'lead', 'trainer', 'admin', 'unit'];
const HOUR = 60 * 60 * 1000;

describe('who may do what with notices', () => {
  it.each(ROLES)('%s', (role) => {
    expect(mayMarkMustRead(role)).toBe(role === 'admin');
    expect(mayAcknowledge(role)).toBe(role === 'agent');
    expect(mayViewReadership(role)).toBe(role === 'lead' || role === 'admin');
  });
});

describe('what stays on an agent desk', () => {
  const now = 1_000 * HOUR;

  it('keeps a must-read notice until acknowledged, whatever its age', () => {
    const old = { mustRead: true, publishedAt: now - 90 * 24 * HOUR };
    expect(isOnDesk(old, null, now)).toBe(true);
    expect(isAwaitingAcknowledgement(old, null)).toBe(true);
    expect(isOnDesk(old, now - 1, now)).toBe(false);
    expect(isAwaitingAcknowledgement(old, now - 1)).toBe(false);
  });

  it('keeps any other notice for twelve hours, and never waits for it', () => {
    const fresh = { mustRead: false, publishedAt: now - RECENT_NOTICE_MS + 1 };
    expect(isOnDesk(fresh, null, now)).toBe(true);
    expect(isAwaitingAcknowledgement(fresh, null)).toBe(false);
    expect(isOnDesk({ ...fresh, publishedAt: now - RECENT_NOTICE_MS }, null, now)).toBe(false);
  });
});

describe('which agents a lead answers for', () => {
  const withLeads = new Set(['t1', 't2']);

  it('a lead answers for their team, and for agents nobody else leads', () => {
    const lead = { role: 'lead' as const, teamId: 't1' };
    expect(answersFor(lead, { teamId: 't1' }, withLeads)).toBe(true);
    expect(answersFor(lead, { teamId: 't2' }, withLeads)).toBe(false);
    expect(answersFor(lead, { teamId: null }, withLeads)).toBe(true);
    expect(answersFor(lead, { teamId: 't3' }, withLeads)).toBe(true);
  });

  it('a lead without a team answers only for agents nobody else leads', () => {
    const lead = { role: 'lead' as const, teamId: null };
    expect(answersFor(lead, { teamId: 't1' }, withLeads)).toBe(false);
    expect(answersFor(lead, { teamId: null }, withLeads)).toBe(true);
  });

  it('administrators answer for everyone; other roles for nobody', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>(...ROLES),
        fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: null }),
        fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: null }),
        (role, viewerTeam, agentTeam) => {
          const answers = answersFor(
            { role, teamId: viewerTeam },
            { teamId: agentTeam },
            withLeads,
          );
          if (role === 'admin') expect(answers).toBe(true);
          if (role !== 'admin' && role !== 'lead') expect(answers).toBe(false);
        },
      ),
    );
  });

  it('every agent has at least one lead answering for them when any lead exists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom('t1', 't2', 't3'), { nil: null }), { minLength: 1 }),
        fc.option(fc.constantFrom('t1', 't2', 't3', 't4'), { nil: null }),
        (leadTeams, agentTeam) => {
          const teams = new Set(leadTeams.flatMap((t) => (t === null ? [] : [t])));
          const leads = leadTeams.map((teamId) => ({ role: 'lead' as const, teamId }));
          expect(leads.some((lead) => answersFor(lead, { teamId: agentTeam }, teams))).toBe(true);
        },
      ),
    );
  });
});

describe('readers', () => {
  const readers: Reader[] = [
    { agentId: 'a', displayName: 'Rina', acknowledgedAt: null },
    { agentId: 'b', displayName: 'Budi', acknowledgedAt: 20 },
    { agentId: 'c', displayName: 'Dewi', acknowledgedAt: null },
    { agentId: 'd', displayName: 'Agus', acknowledgedAt: 10 },
  ];

  it('lists who has read in the order they did, then who has not by name', () => {
    expect(orderReaders(readers).map((r) => r.agentId)).toEqual(['d', 'b', 'c', 'a']);
  });

  it('records the first acknowledgement only, and never adds an agent', () => {
    const once = withAcknowledgement(readers, 'a', 30);
    expect(once.map((r) => [r.agentId, r.acknowledgedAt])).toEqual([
      ['d', 10],
      ['b', 20],
      ['a', 30],
      ['c', null],
    ]);
    expect(withAcknowledgement(once, 'a', 40)).toEqual(once);
    expect(withAcknowledgement(readers, 'b', 5)).toEqual(readers);
    expect(withAcknowledgement(readers, 'x', 5)).toEqual(readers);
  });
});
