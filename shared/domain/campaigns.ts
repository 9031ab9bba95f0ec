/**
 * Proactive publication: which campaigns prompt the agent in an interaction, and the rules for
 * marking a policy shared or not. Pure: every function takes `now` and plain data.
 */
import type { Channel, Role, SegmentCode } from '../schemas/common';

/** What a campaign targets. An empty list means "every": no segment filter, no topic filter. */
export interface CampaignRule {
  id: string;
  policyId: string;
  segments: readonly SegmentCode[];
  topics: readonly string[];
  channels: readonly Channel[];
  /** Inclusive. */
  startsAt: number;
  /** Exclusive; null runs until stopped. */
  endsAt: number | null;
  /** Stopped by an administrator before its end. */
  stoppedAt: number | null;
}

/** The facts of one interaction a campaign is matched against. */
export interface InteractionFacts {
  segment: SegmentCode;
  topic: string;
  channel: Channel;
}

/** Running at `now`: started, not ended, not stopped. */
export function isCampaignRunning(campaign: CampaignRule, now: number): boolean {
  if (now < campaign.startsAt) return false;
  if (campaign.endsAt !== null && now >= campaign.endsAt) return false;
  if (campaign.stoppedAt !== null && now >= campaign.stoppedAt) return false;
  return true;
}

function admits<T>(list: readonly T[], value: T): boolean {
  return list.length === 0 || list.includes(value);
}

/** The campaign is running and targets this interaction's segment, topic and channel. */
export function campaignMatches(
  campaign: CampaignRule,
  interaction: InteractionFacts,
  now: number,
): boolean {
  return (
    isCampaignRunning(campaign, now) &&
    admits(campaign.segments, interaction.segment) &&
    admits(campaign.topics, interaction.topic) &&
    admits(campaign.channels, interaction.channel)
  );
}

/** How narrowly a campaign is aimed: one point per filtered dimension. */
export function specificity(campaign: CampaignRule): number {
  return [campaign.segments, campaign.topics, campaign.channels].filter((l) => l.length > 0).length;
}

/**
 * The campaigns that prompt in this interaction: running and matching, one per policy (the most
 * specific, then the earliest started, then the smallest id, so every node picks the same), most
 * specific first. Policies the caller cannot be told about (`isPolicyLive` false) are left out.
 */
export function matchCampaigns<C extends CampaignRule>(
  campaigns: readonly C[],
  interaction: InteractionFacts,
  now: number,
  isPolicyLive: (policyId: string) => boolean = () => true,
): C[] {
  const ordered = campaigns
    .filter((c) => campaignMatches(c, interaction, now) && isPolicyLive(c.policyId))
    .sort(
      (a, b) =>
        specificity(b) - specificity(a) ||
        a.startsAt - b.startsAt ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  const seen = new Set<string>();
  return ordered.filter((c) => {
    if (seen.has(c.policyId)) return false;
    seen.add(c.policyId);
    return true;
  });
}

/** Why a policy was not shared: the agent picks one, `other` needs words. */
export const NOT_SHARED_REASONS = ['no_time', 'not_relevant', 'caller_declined', 'other'] as const;
export type NotSharedReason = (typeof NOT_SHARED_REASONS)[number];

/** How the policy reached the caller: said on the call, or appended to a text reply. */
export const SHARE_METHODS = ['told', 'appended'] as const;
export type ShareMethod = (typeof SHARE_METHODS)[number];

export type ShareMark =
  | { isShared: true; method: ShareMethod }
  | { isShared: false; reason: NotSharedReason; note: string | null };

/** Why a share mark is refused, or null when it may be recorded. */
export type ShareRefusal = 'not_holder' | 'closed' | 'not_prompted' | 'append_on_voice' | null;

/**
 * A share mark is recorded only by the agent holding the active conversation, only for a policy
 * the desk prompted in it, and "appended to the reply" only on a text channel.
 */
export function shareRefusal(input: {
  isHolder: boolean;
  isActive: boolean;
  isPrompted: boolean;
  channel: Channel;
  mark: ShareMark;
}): ShareRefusal {
  if (!input.isHolder) return 'not_holder';
  if (!input.isActive) return 'closed';
  if (!input.isPrompted) return 'not_prompted';
  if (input.mark.isShared && input.mark.method === 'appended' && input.channel === 'voice') {
    return 'append_on_voice';
  }
  return null;
}

/** Who writes the catalog and the campaigns. */
export function mayManagePolicies(role: Role): boolean {
  return role === 'admin';
}

/**
 * Who reads the reports: administrators and leads see every policy; the staff of an owning unit
 * (role `unit`) see the policies their unit owns.
 */
export function mayReadPolicyReport(
  viewer: { role: Role; unitIds: readonly string[] },
  policyUnitId: string,
): boolean {
  if (viewer.role === 'admin' || viewer.role === 'lead') return true;
  return viewer.role === 'unit' && viewer.unitIds.includes(policyUnitId);
}
