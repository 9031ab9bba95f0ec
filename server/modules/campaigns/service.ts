import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  campaignMatches,
  matchCampaigns,
  mayManagePolicies,
  shareRefusal,
  type ShareRefusal,
} from '../../../shared/domain/campaigns';
import type { CommandPayload } from '../../../shared/protocol/events';
import type { Channel, SegmentCode } from '../../../shared/schemas/common';
import {
  PolicyPromptSchema,
  type Campaign,
  type CampaignBody,
  type CampaignList,
  type PolicyPrompt,
  type PolicyPromptList,
} from '../../../shared/schemas/policy';
import type { User } from '../../../shared/schemas/user';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import { publishPolicyActivity } from '../reports/activity';
import { invalidPayload } from '../validation';
import { loadCampaigns, type CampaignRow } from './repository';

type Db = Kysely<Database>;
type MarkShared = CommandPayload<'policy:mark-shared'>;

const REFUSALS: Record<Exclude<ShareRefusal, null>, AppError> = {
  not_holder: new AppError('forbidden', 'This conversation is not assigned to you.'),
  closed: new AppError('conflict', 'This conversation is already closed.'),
  not_prompted: new AppError('conflict', 'This campaign does not apply to this conversation.'),
  append_on_voice: new AppError('invalid_payload', 'A call has no reply to append to.', [
    { path: 'mark.method', message: 'use "told" on a call' },
  ]),
};

/**
 * Campaigns publish policies proactively: in every interaction they match (segment, topic,
 * channel, time window) the desk prompts the agent with the policy, who marks it shared or not.
 */
export class CampaignService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(viewer: User): Promise<CampaignList> {
    if (viewer.role !== 'admin' && viewer.role !== 'lead') {
      throw new AppError('forbidden', 'Your role may not do this.');
    }
    return { campaigns: await loadCampaigns(this.ctx.db) };
  }

  async create(author: User, body: CampaignBody): Promise<Campaign> {
    if (!mayManagePolicies(author.role)) {
      throw new AppError('forbidden', 'Only administrators run campaigns.');
    }
    const { db, clock } = this.ctx;
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const policy = await trx
        .selectFrom('policies')
        .select('status')
        .where('id', '=', body.policyId)
        .executeTakeFirst();
      const topics =
        body.topics.length === 0
          ? []
          : await trx
              .selectFrom('topics')
              .select('code')
              .where('code', 'in', body.topics)
              .execute();
      const known = new Set(topics.map((t) => t.code));
      const fields = [
        ...(policy ? [] : [{ path: 'body.policyId', message: 'unknown policy' }]),
        ...(policy?.status === 'retired'
          ? [{ path: 'body.policyId', message: 'the policy is retired' }]
          : []),
        ...body.topics.flatMap((topic, index) =>
          known.has(topic) ? [] : [{ path: `body.topics.${index}`, message: 'unknown topic' }],
        ),
      ];
      if (fields.length > 0) throw invalidPayload(fields);
      await trx
        .insertInto('policy_campaigns')
        .values({
          id,
          policy_id: body.policyId,
          message: body.message,
          segments: JSON.stringify(body.segments),
          topics: JSON.stringify(body.topics),
          channels: JSON.stringify(body.channels),
          starts_at: body.startsAt,
          ends_at: body.endsAt,
          stopped_at: null,
          created_by: author.id,
          created_at: clock.now(),
        })
        .execute();
    });
    const [campaign] = await loadCampaigns(db, { ids: [id] });
    return campaign!;
  }

  /** Ends a campaign now; stopping twice keeps the first moment. */
  async stop(actor: User, id: string): Promise<Campaign> {
    if (!mayManagePolicies(actor.role)) {
      throw new AppError('forbidden', 'Only administrators run campaigns.');
    }
    const { db, clock } = this.ctx;
    await db
      .updateTable('policy_campaigns')
      .set({ stopped_at: clock.now() })
      .where('id', '=', id)
      .where('stopped_at', 'is', null)
      .execute();
    const [campaign] = await loadCampaigns(db, { ids: [id] });
    if (!campaign) throw new AppError('not_found', 'No such campaign.');
    return campaign;
  }

  /**
   * The policies to publish in this conversation: every running campaign that matches it (one per
   * published policy), plus any policy already marked in it, with the mark.
   */
  async prompts(viewer: User, contactId: string): Promise<PolicyPromptList> {
    const { db, clock } = this.ctx;
    const contact = await loadContact(db, contactId);
    if (viewer.role === 'agent' && contact.assigned_agent_id !== viewer.id) {
      throw new AppError('forbidden', 'This conversation is not assigned to you.');
    }
    if (viewer.role !== 'agent' && viewer.role !== 'lead' && viewer.role !== 'admin') {
      throw new AppError('forbidden', 'Your role may not do this.');
    }
    return { prompts: await promptsFor(db, contact, clock.now()) };
  }

  async markShared(agentId: string, input: MarkShared): Promise<PolicyPrompt> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agentId,
        name: 'policy:mark-shared',
        result: PolicyPromptSchema,
        now,
      },
      async (trx) => {
        const contact = await loadContact(trx, input.contactId);
        const [campaign] = await loadCampaigns(trx, { ids: [input.campaignId] });
        if (!campaign) {
          throw invalidPayload([{ path: 'campaignId', message: 'unknown campaign' }]);
        }
        const prompted = await promptsFor(trx, contact, now);
        const isPrompted = prompted.some((p) => p.campaignId === campaign.id);
        const mark = input.mark as Parameters<typeof shareRefusal>[0]['mark'];
        const refusal = shareRefusal({
          isHolder: contact.assigned_agent_id === agentId,
          isActive: contact.status === 'active',
          isPrompted,
          channel: contact.channel as Channel,
          mark,
        });
        if (refusal !== null) throw REFUSALS[refusal];
        const values = {
          campaign_id: campaign.id,
          agent_id: agentId,
          is_shared: mark.isShared ? 1 : 0,
          method: mark.isShared ? mark.method : null,
          reason: mark.isShared ? null : mark.reason,
          note: mark.isShared ? null : mark.note,
          segment: contact.segment,
          channel: contact.channel,
          at: now,
        };
        await trx
          .insertInto('policy_shares')
          .values({ contact_id: contact.id, policy_id: campaign.policyId, ...values })
          .onConflict((oc) => oc.columns(['contact_id', 'policy_id']).doUpdateSet(values))
          .execute();
        const after = await promptsFor(trx, contact, now);
        const prompt = after.find((p) => p.policyId === campaign.policyId);
        if (!prompt) throw new AppError('internal', 'The mark could not be read back.');
        return prompt;
      },
    );
    if (isFirst) await publishPolicyActivity(this.ctx, [result.policyId]);
    return result;
  }
}

interface ContactFacts {
  id: string;
  status: string;
  assigned_agent_id: string | null;
  segment: string;
  topic: string;
  channel: string;
}

async function loadContact(db: Db, contactId: string): Promise<ContactFacts> {
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'status', 'assigned_agent_id', 'segment', 'topic', 'channel'])
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) throw new AppError('not_found', 'No such contact.');
  return contact;
}

/** The prompts of one contact at `now`, with the marks already recorded in it. */
async function promptsFor(db: Db, contact: ContactFacts, now: number): Promise<PolicyPrompt[]> {
  const interaction = {
    segment: contact.segment as SegmentCode,
    topic: contact.topic,
    channel: contact.channel as Channel,
  };
  const [running, marks] = await Promise.all([
    loadCampaigns(db, { runningAt: now }),
    db.selectFrom('policy_shares').selectAll().where('contact_id', '=', contact.id).execute(),
  ]);
  const markedCampaigns = await loadCampaigns(db, { ids: marks.map((m) => m.campaign_id) });
  const policyIds = [...new Set([...running, ...markedCampaigns].map((c) => c.policyId))];
  const policies =
    policyIds.length === 0
      ? []
      : await db
          .selectFrom('policies')
          .select(['id', 'title', 'plain_summary', 'effective_from', 'status'])
          .where('id', 'in', policyIds)
          .execute();
  const policy = new Map(policies.map((p) => [p.id, p]));
  const matched = matchCampaigns(
    running.filter((c) => campaignMatches(c, interaction, now)),
    interaction,
    now,
    (id) => policy.get(id)?.status === 'published',
  );
  // A policy marked in this conversation stays on the desk (by the campaign it was marked
  // under) even if its campaign has ended since.
  const chosen: CampaignRow[] = [
    ...matched.map((m) => {
      const mark = marks.find((x) => x.policy_id === m.policyId);
      return (mark && markedCampaigns.find((c) => c.id === mark.campaign_id)) ?? m;
    }),
    ...markedCampaigns.filter((c) => !matched.some((m) => m.policyId === c.policyId)),
  ];
  return chosen.flatMap((campaign) => {
    const p = policy.get(campaign.policyId);
    if (!p) return [];
    const mark = marks.find((m) => m.policy_id === campaign.policyId);
    return [
      {
        contactId: contact.id,
        campaignId: campaign.id,
        policyId: campaign.policyId,
        title: p.title,
        plainSummary: p.plain_summary,
        message: campaign.message,
        effectiveFrom: Number(p.effective_from),
        mark: !mark
          ? null
          : mark.is_shared === 1
            ? {
                isShared: true as const,
                method: mark.method as 'told' | 'appended',
                at: Number(mark.at),
              }
            : {
                isShared: false as const,
                reason: mark.reason as 'no_time' | 'not_relevant' | 'caller_declined' | 'other',
                note: mark.note,
                at: Number(mark.at),
              },
      },
    ];
  });
}
