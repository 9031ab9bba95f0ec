import type { Kysely } from 'kysely';
import type { CampaignRule } from '../../../shared/domain/campaigns';
import type { Channel, SegmentCode } from '../../../shared/schemas/common';
import type { Campaign } from '../../../shared/schemas/policy';
import type { Database } from '../../store/schema';

type Db = Kysely<Database>;

export type CampaignRow = CampaignRule & Campaign;

/** Campaigns not stopped before `since` (all when absent), newest first. */
export async function loadCampaigns(
  db: Db,
  filter: { ids?: readonly string[]; runningAt?: number } = {},
): Promise<CampaignRow[]> {
  if (filter.ids?.length === 0) return [];
  let query = db
    .selectFrom('policy_campaigns as c')
    .innerJoin('policies as p', 'p.id', 'c.policy_id')
    .innerJoin('users as u', 'u.id', 'c.created_by')
    .selectAll('c')
    .select(['p.title as policy_title', 'u.display_name as created_by_name'])
    .orderBy('c.starts_at', 'desc')
    .orderBy('c.id');
  if (filter.ids) query = query.where('c.id', 'in', filter.ids);
  if (filter.runningAt !== undefined) {
    const at = filter.runningAt;
    query = query
      .where('c.starts_at', '<=', at)
      .where((eb) => eb.or([eb('c.ends_at', 'is', null), eb('c.ends_at', '>', at)]))
      .where((eb) => eb.or([eb('c.stopped_at', 'is', null), eb('c.stopped_at', '>', at)]));
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    policyId: row.policy_id,
    policyTitle: row.policy_title,
    message: row.message,
    segments: JSON.parse(row.segments) as SegmentCode[],
    topics: JSON.parse(row.topics) as string[],
    channels: JSON.parse(row.channels) as Channel[],
    startsAt: Number(row.starts_at),
    endsAt: row.ends_at === null ? null : Number(row.ends_at),
    stoppedAt: row.stopped_at === null ? null : Number(row.stopped_at),
    createdByName: row.created_by_name,
    createdAt: Number(row.created_at),
  }));
}
