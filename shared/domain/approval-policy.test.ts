import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RoleSchema, SEGMENT_CODES, type SegmentCode } from '../schemas/common';
import { approvalNeed, mayDecideApproval } from './approval-policy';

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
