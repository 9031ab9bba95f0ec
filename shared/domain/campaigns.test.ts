import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, SEGMENT_CODES, type Channel, type SegmentCode } from '../schemas/common';
import {
  campaignMatches,
  isCampaignRunning,
  matchCampaigns,
  mayManagePolicies,
  mayReadPolicyReport,
  shareRefusal,
  specificity,
  type CampaignRule,
} from './campaigns';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;

function campaign(overrides: Partial<CampaignRule> = {}): CampaignRule {
  return {
    id: 'c1',
    policyId: 'pkh',
    segments: [],
    topics: [],
    channels: [],
    startsAt: NOW - DAY,
    endsAt: NOW + DAY,
    stoppedAt: null,
    ...overrides,
  };
}

const CALL = { segment: 'public', topic: 'bansos', channel: 'voice' } as const;

describe('a campaign runs from its start until its end or stop', () => {
  it.each([
    ['before the start', { startsAt: NOW + 1 }, false],
    ['at the start (inclusive)', { startsAt: NOW }, true],
    ['just before the end', { endsAt: NOW + 1 }, true],
    ['at the end (exclusive)', { endsAt: NOW }, false],
    ['without an end', { endsAt: null }, true],
    ['stopped earlier', { stoppedAt: NOW - 1 }, false],
    ['stopped at this moment', { stoppedAt: NOW }, false],
    ['to be stopped later', { stoppedAt: NOW + 1 }, true],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(isCampaignRunning(campaign(overrides), NOW)).toBe(expected);
  });
});

describe('a campaign matches the interaction it targets', () => {
  it.each([
    ['no filters: every interaction', {}, true],
    ['the segment listed', { segments: ['public', 'media'] as SegmentCode[] }, true],
    ['another segment only', { segments: ['media'] as SegmentCode[] }, false],
    ['the topic listed', { topics: ['bansos'] }, true],
    ['another topic only', { topics: ['pajak'] }, false],
    ['the channel listed', { channels: ['voice', 'sms'] as Channel[] }, true],
    ['text channels only', { channels: ['whatsapp', 'sms'] as Channel[] }, false],
    [
      'all three listed',
      {
        segments: ['public'] as SegmentCode[],
        topics: ['bansos'],
        channels: ['voice'] as Channel[],
      },
      true,
    ],
    [
      'two of three listed',
      {
        segments: ['public'] as SegmentCode[],
        topics: ['bansos'],
        channels: ['email'] as Channel[],
      },
      false,
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(campaignMatches(campaign(overrides), CALL, NOW)).toBe(expected);
  });

  it('never matches outside its window, whatever the targets', () => {
    expect(campaignMatches(campaign({ endsAt: NOW }), CALL, NOW)).toBe(false);
  });

  it('an empty list admits every value; a listed value is admitted exactly when listed', () => {
    fc.assert(
      fc.property(
        fc.subarray([...SEGMENT_CODES]),
        fc.subarray([...CHANNELS]),
        fc.constantFrom(...SEGMENT_CODES),
        fc.constantFrom(...CHANNELS),
        (segments, channels, segment, channel) => {
          const rule = campaign({ segments, channels });
          const expected =
            (segments.length === 0 || segments.includes(segment)) &&
            (channels.length === 0 || channels.includes(channel));
          expect(campaignMatches(rule, { segment, topic: 'x', channel }, NOW)).toBe(expected);
        },
      ),
    );
  });
});

describe('the prompts of an interaction', () => {
  it('given campaigns for three policies, when one is over and one targets media, then one prompts', () => {
    const prompts = matchCampaigns(
      [
        campaign({ id: 'a', policyId: 'pkh' }),
        campaign({ id: 'b', policyId: 'kip', endsAt: NOW - 1 }),
        campaign({ id: 'c', policyId: 'pbi', segments: ['media'] }),
      ],
      CALL,
      NOW,
    );
    expect(prompts.map((c) => c.id)).toEqual(['a']);
  });

  it('prompts each policy once, by its most specific campaign, then the earliest, then the id', () => {
    const prompts = matchCampaigns(
      [
        campaign({ id: 'broad', policyId: 'pkh', startsAt: NOW - 5 * DAY }),
        campaign({ id: 'narrow', policyId: 'pkh', topics: ['bansos'], startsAt: NOW - DAY }),
        campaign({ id: 'z-late', policyId: 'kip', startsAt: NOW - DAY }),
        campaign({ id: 'y-early', policyId: 'kip', startsAt: NOW - 2 * DAY }),
        campaign({ id: 'b', policyId: 'pbi' }),
        campaign({ id: 'a', policyId: 'pbi' }),
      ],
      CALL,
      NOW,
    );
    expect(prompts.map((c) => c.id)).toEqual(['narrow', 'y-early', 'a']);
  });

  it('leaves out policies that are not live', () => {
    const prompts = matchCampaigns(
      [campaign({ id: 'a', policyId: 'pkh' }), campaign({ id: 'b', policyId: 'draft' })],
      CALL,
      NOW,
      (policyId) => policyId !== 'draft',
    );
    expect(prompts.map((c) => c.id)).toEqual(['a']);
  });

  it('never prompts a policy twice and every prompt matches, in any order given', () => {
    const rule = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      policyId: fc.constantFrom('p1', 'p2', 'p3'),
      segments: fc.subarray([...SEGMENT_CODES]),
      topics: fc.subarray(['bansos', 'pajak']),
      channels: fc.subarray([...CHANNELS]),
      startsAt: fc.integer({ min: NOW - 3 * DAY, max: NOW + DAY }),
      endsAt: fc.option(fc.integer({ min: NOW - DAY, max: NOW + 3 * DAY }), { nil: null }),
      stoppedAt: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), (rules) => {
        const prompts = matchCampaigns(rules, CALL, NOW);
        const policies = prompts.map((c) => c.policyId);
        expect(new Set(policies).size).toBe(policies.length);
        for (const c of prompts) expect(campaignMatches(c, CALL, NOW)).toBe(true);
        const reversed = matchCampaigns([...rules].reverse(), CALL, NOW);
        expect(reversed.map((c) => [c.policyId, specificity(c)])).toEqual(
          prompts.map((c) => [c.policyId, specificity(c)]),
        );
      }),
    );
  });
});

describe('marking a policy shared or not', () => {
  const base = {
    isHolder: true,
    isActive: true,
    isPrompted: true,
    channel: 'whatsapp' as Channel,
    mark: { isShared: true, method: 'appended' } as const,
  };
  it('is recorded by the holder of an active conversation the policy was prompted in', () => {
    expect(shareRefusal(base)).toBeNull();
  });
  it.each([
    ['someone else', { isHolder: false }, 'not_holder'],
    ['a closed conversation', { isActive: false }, 'closed'],
    ['a policy not prompted here', { isPrompted: false }, 'not_prompted'],
    ['appending on a call', { channel: 'voice' as Channel }, 'append_on_voice'],
  ] as const)('is refused for %s', (_name, overrides, refusal) => {
    expect(shareRefusal({ ...base, ...overrides })).toBe(refusal);
  });
  it('may be "told" on a call, and "not shared" anywhere', () => {
    expect(
      shareRefusal({ ...base, channel: 'voice', mark: { isShared: true, method: 'told' } }),
    ).toBeNull();
    expect(
      shareRefusal({
        ...base,
        channel: 'voice',
        mark: { isShared: false, reason: 'no_time', note: null },
      }),
    ).toBeNull();
  });
});

describe('who manages and who reads', () => {
  it('administrators manage the catalog and campaigns, nobody else', () => {
    expect(mayManagePolicies('admin')).toBe(true);
    for (const role of ['agent', 'lead', 'trainer', 'unit'] as const) {
      expect(mayManagePolicies(role)).toBe(false);
    }
  });
  it('leads and administrators read every report; unit staff their own unit’s; others none', () => {
    expect(mayReadPolicyReport({ role: 'admin', unitIds: [] }, 'u1')).toBe(true);
    expect(mayReadPolicyReport({ role: 'lead', unitIds: [] }, 'u1')).toBe(true);
    expect(mayReadPolicyReport({ role: 'unit', unitIds: ['u1'] }, 'u1')).toBe(true);
    expect(mayReadPolicyReport({ role: 'unit', unitIds: ['u2'] }, 'u1')).toBe(false);
    expect(mayReadPolicyReport({ role: 'agent', unitIds: ['u1'] }, 'u1')).toBe(false);
    expect(mayReadPolicyReport({ role: 'trainer', unitIds: [] }, 'u1')).toBe(false);
  });
});
