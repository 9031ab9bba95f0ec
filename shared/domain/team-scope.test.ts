import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas/common';
import {
  CALLBACK_ROLES,
  announcementReaches,
  leadTeamsOfQueue,
  mayAnnounceTo,
  mayLead,
  mayWorkCallback,
  overseesAgent,
  overseesCase,
  overseesConversation,
  overseesQueue,
  overseesTeam,
  reassignRefusal,
  teamOverseeingCase,
  type TeamDirectory,
} from './team-scope';

const ROLES: Role[] = ['agent', 'lead', 'trainer', 'admin', 'unit'];

/** Team A and B have leads; team C has none. Queue qa is A's, qb B's, qab both, qc C's, qx nobody's. */
const directory: TeamDirectory = {
  teamsWithLeads: new Set(['A', 'B']),
  queueTeams: new Map([
    ['qa', ['A']],
    ['qb', ['B']],
    ['qab', ['A', 'B']],
    ['qc', ['C']],
  ]),
};
const leadA = { role: 'lead' as const, teamId: 'A' };
const leadB = { role: 'lead' as const, teamId: 'B' };
const admin = { role: 'admin' as const, teamId: null };

describe('who leads at all', () => {
  it.each(ROLES)('%s', (role) => {
    expect(mayLead(role)).toBe(role === 'lead' || role === 'admin');
  });
});

describe('agents and teams', () => {
  it('given a lead of A, when asked about agents, then A and the unwatched are theirs, B is not', () => {
    expect(overseesAgent(leadA, { teamId: 'A' }, directory)).toBe(true);
    expect(overseesAgent(leadA, { teamId: 'B' }, directory)).toBe(false);
    // No team, or a team without a lead: every lead's, so nobody is left unwatched.
    expect(overseesAgent(leadA, { teamId: null }, directory)).toBe(true);
    expect(overseesAgent(leadA, { teamId: 'C' }, directory)).toBe(true);
  });

  it('given an administrator, then every team is theirs', () => {
    for (const teamId of ['A', 'B', 'C', null]) {
      expect(overseesTeam(admin, teamId, directory)).toBe(true);
    }
  });

  it('given an agent, trainer or unit, then no team is theirs to lead', () => {
    for (const role of ['agent', 'trainer', 'unit'] as const) {
      for (const teamId of ['A', 'B', 'C', null]) {
        expect(overseesTeam({ role, teamId: 'A' }, teamId, directory)).toBe(false);
      }
    }
  });
});

describe('queues', () => {
  it('only teams with a lead count as serving a queue', () => {
    expect(leadTeamsOfQueue('qab', directory)).toEqual(['A', 'B']);
    expect(leadTeamsOfQueue('qc', directory)).toEqual([]);
    expect(leadTeamsOfQueue('qx', directory)).toEqual([]);
  });

  it.each([
    ['qa', true, false],
    ['qb', false, true],
    ['qab', true, true],
    ['qc', true, true],
    ['qx', true, true],
  ])('queue %s: lead A %s, lead B %s', (queueId, forA, forB) => {
    expect(overseesQueue(leadA, queueId, directory)).toBe(forA);
    expect(overseesQueue(leadB, queueId, directory)).toBe(forB);
    expect(overseesQueue(admin, queueId, directory)).toBe(true);
    expect(overseesQueue({ role: 'agent', teamId: 'A' }, queueId, directory)).toBe(false);
  });
});

describe('conversations', () => {
  it('a held conversation belongs to the holder team, whatever its queue', () => {
    const heldByB = { queueId: 'qa', holder: { teamId: 'B' } };
    expect(overseesConversation(leadA, heldByB, directory)).toBe(false);
    expect(overseesConversation(leadB, heldByB, directory)).toBe(true);
  });

  it('a waiting conversation belongs to the teams of its queue', () => {
    expect(overseesConversation(leadA, { queueId: 'qb', holder: null }, directory)).toBe(false);
    expect(overseesConversation(leadB, { queueId: 'qb', holder: null }, directory)).toBe(true);
  });
});

describe('follow-ups (cases)', () => {
  const TEAMS = ['A', 'B', 'C', null] as const;
  const QUEUES = ['qa', 'qb', 'qab', 'qc', 'qx'] as const;

  it.each([
    ['A', 'A'],
    ['B', 'B'],
    ['C', null],
    [null, null],
  ] as const)("a case owned in team %s is overseen by team %s's leads", (ownerTeamId, team) => {
    expect(teamOverseeingCase({ ownerTeamId }, directory)).toBe(team);
  });

  it("given leads of A and B, then each sees their own team's cases and both the unwatched", () => {
    expect(overseesCase(leadA, { ownerTeamId: 'A' }, directory)).toBe(true);
    expect(overseesCase(leadA, { ownerTeamId: 'B' }, directory)).toBe(false);
    expect(overseesCase(leadB, { ownerTeamId: 'A' }, directory)).toBe(false);
    expect(overseesCase(leadB, { ownerTeamId: 'B' }, directory)).toBe(true);
    for (const ownerTeamId of ['C', null]) {
      expect(overseesCase(leadA, { ownerTeamId }, directory)).toBe(true);
      expect(overseesCase(leadB, { ownerTeamId }, directory)).toBe(true);
    }
  });

  it('a lead with no team oversees only the cases that are everyone’s', () => {
    const teamless = { role: 'lead' as const, teamId: null };
    expect(overseesCase(teamless, { ownerTeamId: 'A' }, directory)).toBe(false);
    expect(overseesCase(teamless, { ownerTeamId: 'C' }, directory)).toBe(true);
    expect(overseesCase(teamless, { ownerTeamId: null }, directory)).toBe(true);
  });

  it('every role and team: admins every case, leads their overseeing team’s, nobody else any', () => {
    for (const role of ROLES) {
      for (const viewerTeam of TEAMS) {
        for (const ownerTeamId of TEAMS) {
          const viewer = { role, teamId: viewerTeam };
          const team = teamOverseeingCase({ ownerTeamId }, directory);
          const expected =
            role === 'admin' || (role === 'lead' && (team === null || team === viewerTeam));
          expect(overseesCase(viewer, { ownerTeamId }, directory), `${role}/${viewerTeam}`).toBe(
            expected,
          );
        }
      }
    }
  });

  it('leads of two led teams never share a case of either: each case has one overseeing team', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 2, maxLength: 5 }),
        fc.constantFrom('A', 'B', 'C', 'D', 'E', null),
        (led, ownerTeamId) => {
          const withLeads: TeamDirectory = {
            teamsWithLeads: new Set(led),
            queueTeams: new Map(),
          };
          const [first, second] = led as [string, string];
          const ofFirst = overseesCase({ role: 'lead', teamId: first }, { ownerTeamId }, withLeads);
          const ofSecond = overseesCase(
            { role: 'lead', teamId: second },
            { ownerTeamId },
            withLeads,
          );
          // Both only when nobody leads the owner's team: then it is every lead's.
          expect(ofFirst && ofSecond).toBe(teamOverseeingCase({ ownerTeamId }, withLeads) === null);
          expect(overseesCase(admin, { ownerTeamId }, withLeads)).toBe(true);
        },
      ),
    );
  });

  describe('callbacks', () => {
    it.each([
      // queue, lead/agent of A, of B, of C or no team
      ['qa', true, false, false],
      ['qb', false, true, false],
      ['qab', true, true, false],
      ['qc', true, true, true],
      ['qx', true, true, true],
    ] as const)('queue %s: team A %s, team B %s, unled or no team %s', (queueId, a, b, other) => {
      for (const role of ['lead', 'agent'] as const) {
        expect(mayWorkCallback({ role, teamId: 'A' }, queueId, directory)).toBe(a);
        expect(mayWorkCallback({ role, teamId: 'B' }, queueId, directory)).toBe(b);
        expect(mayWorkCallback({ role, teamId: 'C' }, queueId, directory)).toBe(other);
        expect(mayWorkCallback({ role, teamId: null }, queueId, directory)).toBe(other);
      }
      expect(mayWorkCallback(admin, queueId, directory)).toBe(true);
    });

    it('every role, team and queue: trainers and unit staff none, a lead as their queues', () => {
      for (const role of ROLES) {
        for (const teamId of TEAMS) {
          for (const queueId of QUEUES) {
            const viewer = { role, teamId };
            const allowed = mayWorkCallback(viewer, queueId, directory);
            if (!CALLBACK_ROLES.includes(role)) expect(allowed).toBe(false);
            else if (role === 'admin') expect(allowed).toBe(true);
            else if (role === 'lead') {
              // A lead works the callbacks of exactly the queues they watch.
              expect(allowed).toBe(overseesQueue(viewer, queueId, directory));
            } else {
              expect(allowed).toBe(overseesQueue({ role: 'lead', teamId }, queueId, directory));
            }
          }
        }
      }
    });
  });
});

describe('reassigning', () => {
  const waitingInA = { queueId: 'qa', holder: null };
  it('given a lead of A, when moving A work to an A agent, then it is allowed', () => {
    expect(reassignRefusal(leadA, waitingInA, { teamId: 'A' }, directory)).toBeNull();
  });
  it('given a lead of A, when moving A work to a B agent, then the target is refused', () => {
    expect(reassignRefusal(leadA, waitingInA, { teamId: 'B' }, directory)).toBe(
      'target_outside_team',
    );
  });
  it('given a lead of B, when moving A work, then the conversation is refused', () => {
    expect(reassignRefusal(leadB, waitingInA, { teamId: 'B' }, directory)).toBe(
      'conversation_outside_team',
    );
  });
  it('given an agent, then nothing is allowed', () => {
    expect(
      reassignRefusal({ role: 'agent', teamId: 'A' }, waitingInA, { teamId: 'A' }, directory),
    ).toBe('not_a_lead');
  });
  it('given an administrator, then anything goes anywhere', () => {
    expect(reassignRefusal(admin, waitingInA, { teamId: 'B' }, directory)).toBeNull();
  });

  it('never lets a lead move work across to another led team', () => {
    const team = fc.constantFrom('A', 'B', 'C', null);
    fc.assert(
      fc.property(
        fc.constantFrom('A', 'B'),
        fc.constantFrom('qa', 'qb', 'qab', 'qc', 'qx'),
        fc.option(team, { nil: undefined }),
        team,
        (leadTeam, queueId, holderTeam, targetTeam) => {
          const lead = { role: 'lead' as const, teamId: leadTeam };
          const conversation = {
            queueId,
            holder: holderTeam === undefined ? null : { teamId: holderTeam },
          };
          const refusal = reassignRefusal(lead, conversation, { teamId: targetTeam }, directory);
          const otherLedTeam = leadTeam === 'A' ? 'B' : 'A';
          if (targetTeam === otherLedTeam) expect(refusal).not.toBeNull();
          if (holderTeam === otherLedTeam) expect(refusal).not.toBeNull();
          if (refusal === null) {
            expect(overseesConversation(lead, conversation, directory)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('announcements', () => {
  it('a lead writes to their own team only; an administrator anywhere', () => {
    expect(mayAnnounceTo(leadA, 'A')).toBe(true);
    expect(mayAnnounceTo(leadA, 'B')).toBe(false);
    expect(mayAnnounceTo(leadA, null)).toBe(false);
    expect(mayAnnounceTo({ role: 'lead', teamId: null }, null)).toBe(false);
    expect(mayAnnounceTo(admin, null)).toBe(true);
    expect(mayAnnounceTo(admin, 'B')).toBe(true);
    expect(mayAnnounceTo({ role: 'agent', teamId: 'A' }, 'A')).toBe(false);
  });

  it('reaches the team it was written to, or everyone', () => {
    expect(announcementReaches('A', 'A')).toBe(true);
    expect(announcementReaches('A', 'B')).toBe(false);
    expect(announcementReaches('A', null)).toBe(false);
    expect(announcementReaches(null, 'B')).toBe(true);
    expect(announcementReaches(null, null)).toBe(true);
  });
});
