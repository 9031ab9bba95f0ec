import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoleSchema, SEGMENT_CODES, type SegmentCode } from '../schemas/common';
import { approvalNeed, mayCoachAgent, mayDecideApproval } from './approval-policy';

const facts = (overrides: Partial<Parameters<typeof approvalNeed>[0]> = {}) => ({
  isTrainee: false,
  traineeRequiresApproval: null,
  segment: 'public' as SegmentCode,
  approvalSegments: [] as SegmentCode[],
  ...overrides,
});

describe('approvalNeed', () => {
  it('holds a trainee without a plan yet (the safe default)', () => {
    expect(approvalNeed(facts({ isTrainee: true }))).toEqual({
      isNeeded: true,
      because: 'trainee',
    });
  });

  it('holds a trainee whose plan asks for it, and lets one go whose plan no longer does', () => {
    expect(approvalNeed(facts({ isTrainee: true, traineeRequiresApproval: true }))).toEqual({
      isNeeded: true,
      because: 'trainee',
    });
    expect(approvalNeed(facts({ isTrainee: true, traineeRequiresApproval: false }))).toEqual({
      isNeeded: false,
    });
  });

  it('holds anyone answering a segment the administrators listed', () => {
    expect(
      approvalNeed(facts({ segment: 'media', approvalSegments: ['media', 'official'] })),
    ).toEqual({ isNeeded: true, because: 'segment' });
    expect(
      approvalNeed(
        facts({
          isTrainee: true,
          traineeRequiresApproval: false,
          segment: 'official',
          approvalSegments: ['official'],
        }),
      ),
    ).toEqual({ isNeeded: true, because: 'segment' });
  });

  it('lets a fully fledged agent answer other segments at once', () => {
    expect(approvalNeed(facts({ segment: 'public', approvalSegments: ['media'] }))).toEqual({
      isNeeded: false,
    });
  });

  it('never lets a trainee under approval through, whatever the segment settings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SEGMENT_CODES),
        fc.subarray([...SEGMENT_CODES]),
        fc.constantFrom(true, null),
        (segment, approvalSegments, traineeRequiresApproval) =>
          approvalNeed({ isTrainee: true, traineeRequiresApproval, segment, approvalSegments })
            .isNeeded,
      ),
    );
  });

  it('holds exactly when the agent is a trainee under approval or the segment is listed', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom(true, false, null),
        fc.constantFrom(...SEGMENT_CODES),
        fc.subarray([...SEGMENT_CODES]),
        (isTrainee, traineeRequiresApproval, segment, approvalSegments) => {
          const need = approvalNeed({
            isTrainee,
            traineeRequiresApproval,
            segment,
            approvalSegments,
          });
          const expected =
            (isTrainee && traineeRequiresApproval !== false) || approvalSegments.includes(segment);
          expect(need.isNeeded).toBe(expected);
        },
      ),
    );
  });
});

describe('mayDecideApproval', () => {
  it('lets leads and administrators decide on any reply, trainers on trainees’ only, agents and units never', () => {
    const table = RoleSchema.options.flatMap((role) =>
      [true, false].map((isTrainee) => [role, isTrainee, mayDecideApproval(role, isTrainee)]),
    );
    expect(table).toEqual([
      ['agent', true, false],
      ['agent', false, false],
      ['lead', true, true],
      ['lead', false, true],
      ['trainer', true, true],
      ['trainer', false, false],
      ['admin', true, true],
      ['admin', false, true],
      ['unit', true, false],
      ['unit', false, false],
    ]);
  });
});

describe('mayCoachAgent', () => {
  const directory = {
    teamsWithLeads: new Set(['team-a', 'team-b']),
    queueTeams: new Map<string, readonly string[]>(),
  };
  const traineeOfA = { isTrainee: true, teamId: 'team-a' };
  const agentOfA = { isTrainee: false, teamId: 'team-a' };

  it('lets a lead coach the agents of their own team only', () => {
    expect(mayCoachAgent({ role: 'lead', teamId: 'team-a' }, agentOfA, directory)).toBe(true);
    expect(mayCoachAgent({ role: 'lead', teamId: 'team-b' }, agentOfA, directory)).toBe(false);
    expect(mayCoachAgent({ role: 'lead', teamId: 'team-b' }, traineeOfA, directory)).toBe(false);
  });

  it("gives every lead an agent whose team has no lead, so nobody's replies wait unseen", () => {
    const unled = { isTrainee: false, teamId: 'team-c' };
    expect(mayCoachAgent({ role: 'lead', teamId: 'team-b' }, unled, directory)).toBe(true);
  });

  it('lets administrators coach anyone, trainers trainees only, agents and unit staff no one', () => {
    expect(mayCoachAgent({ role: 'admin', teamId: null }, agentOfA, directory)).toBe(true);
    expect(mayCoachAgent({ role: 'trainer', teamId: null }, traineeOfA, directory)).toBe(true);
    expect(mayCoachAgent({ role: 'trainer', teamId: null }, agentOfA, directory)).toBe(false);
    expect(mayCoachAgent({ role: 'agent', teamId: 'team-a' }, traineeOfA, directory)).toBe(false);
    expect(mayCoachAgent({ role: 'unit', teamId: null }, traineeOfA, directory)).toBe(false);
  });
});
