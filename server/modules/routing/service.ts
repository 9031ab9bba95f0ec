import type { Kysely } from 'kysely';
import { workClassOf } from '../../../shared/domain/capacity';
import type { Channel } from '../../../shared/schemas/common';
import type { ConversationDetail } from '../../../shared/schemas/contact';
import {
  afterMissedOffer,
  decideOffer,
  isRepeatedAnswer,
  type OfferAction,
  type OfferFacts,
  type OfferStatus,
} from '../../domain/reservation';
import {
  isShortlistEnough,
  planOffers,
  shortlistSize,
  topicsInReach,
  type AvailableAgent,
  type RecentDecline,
  type WaitingContact,
} from '../../domain/routing';
import { rooms } from '../../realtime/rooms';
import { prepareQuery } from '../../store/compiled-query';
import type { Database } from '../../store/schema';
import { publishAgentsChanged } from '../agents/publish';
import { bumpAgentVersion, loadAgentState, lockAgent, updatePresence } from '../agents/repository';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { publishContactsUpdated } from '../conversations/publish';
import { hasRoomForWork } from '../capacity/repository';
import {
  loadConversationDetailsSeenBy,
  publishConversationAssigned,
} from '../conversations/caller-panel';
import type { QueueStateService } from '../queue-state/service';
import {
  insertOffer,
  canTakeOffer,
  loadOffer,
  loadOffersView,
  loadPendingOffers,
  loadRecentDeclines,
  loadAgentShortlists,
  loadAvailableAgents,
  loadWaitingContacts,
  recordContactEvent,
  resolveOfferAndRequeue,
} from './repository';

/**
 * Rows per topic a routing pass reads beyond what the plan needs at least (contacts waiting plus
 * declines), so agents without room for the work still leave enough; past the maximum (a backlog)
 * the pass reads every available agent at once.
 */
const SHORTLIST_MARGIN = 8;
const SHORTLIST_MAX_ROWS = 64;

export interface WithdrawnOffer {
  offerId: string;
  contactId: string;
  agentId: string;
  /** The sender of a warm transfer, who keeps the contact and is told it was declined. */
  warmTransferFrom?: string | null;
}

/**
 * Offers, accepts, rejects and expiries. Every change is a conditional update inside a
 * transaction, so a decision made on stale facts (another node, a late timer) changes nothing.
 */
export class RoutingService {
  private running: Promise<void> | undefined;
  private isRerunRequested = false;
  /** Passes that planned on shortlists, and passes that had to read every available agent. */
  readonly stats = { shortlisted: 0, everyAgentRead: 0 };

  constructor(
    private readonly ctx: ServiceContext,
    private readonly queueState: QueueStateService,
  ) {}

  /** Resolves once no routing pass is running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Runs a routing pass soon. Requests made while a pass runs are folded into one more pass,
   * so bursts of events cost one pass, not one each.
   */
  requestPass(): Promise<void> {
    if (this.running) {
      this.isRerunRequested = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        // Requests made in the same turn of the event loop (inbound posts and "ready" commands
        // read in one go under load) share the pass that follows; an idle loop starts it at once.
        await new Promise<void>((resolve) => setImmediate(resolve));
        do {
          this.isRerunRequested = false;
          await this.runPass();
        } while (this.isRerunRequested);
      } catch (error) {
        this.ctx.log.error({ err: error }, 'routing pass failed');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /**
   * The agents routing must see to plan as it would with every available agent: a shortlist per
   * topic when it provably suffices (`isShortlistEnough`), otherwise all of them.
   */
  private async loadAgentsFor(
    now: number,
    contacts: readonly WaitingContact[],
    declines: readonly RecentDecline[],
  ): Promise<AvailableAgent[]> {
    const { db, config } = this.ctx;
    const topics = topicsInReach(now, contacts);
    const facts = { now, contacts, declines, declineCooldownMs: config.declineCooldownMs };
    const limit = shortlistSize(facts, SHORTLIST_MARGIN);
    if (limit <= SHORTLIST_MAX_ROWS) {
      const shortlists = await loadAgentShortlists(db, topics, limit);
      if (isShortlistEnough({ ...facts, shortlists })) {
        this.stats.shortlisted += 1;
        const agents = new Map<string, AvailableAgent>();
        for (const shortlist of shortlists) {
          for (const agent of shortlist.agents) agents.set(agent.id, agent);
        }
        return [...agents.values()];
      }
    }
    this.stats.everyAgentRead += 1;
    return loadAvailableAgents(db, topics);
  }

  private async runPass(): Promise<void> {
    const { db, clock, config } = this.ctx;
    const now = clock.now();
    // Most passes find nobody waiting: then the agents need not be read at all.
    const contacts = await loadWaitingContacts(db);
    if (contacts.length === 0) return;
    const declines = await loadRecentDeclines(db, now - config.declineCooldownMs);
    const agents = await this.loadAgentsFor(now, contacts, declines);
    if (agents.length === 0) return;
    const plan = planOffers({
      now,
      contacts,
      agents,
      declines,
      declineCooldownMs: config.declineCooldownMs,
    });
    const workClasses = new Map(contacts.map((contact) => [contact.id, contact.workClass]));
    // One transaction per offer, all started at once: each pair is a different contact and a
    // different agent, so they wait on nothing of each other's, and on SQLite they share one
    // group commit.
    const attempts = await Promise.all(
      plan.map(async (planned) => {
        const workClass = workClasses.get(planned.contactId);
        if (!workClass) return undefined;
        try {
          return await db.transaction().execute(async (trx) => {
            const claimed = await waitingContactClaim.execute(trx, { id: planned.contactId });
            if ((claimed.numAffectedRows ?? 0n) === 0n) throw new StaleFacts();
            await lockAgent(trx, planned.agentId);
            if (!(await canTakeOffer(trx, planned.agentId, workClass))) throw new StaleFacts();
            return insertOffer(trx, {
              contactId: planned.contactId,
              agentId: planned.agentId,
              createdAt: now,
              expiresAt: now + config.offerTimeoutMs,
            });
          });
        } catch (error) {
          // Lost a race (another pass or node took the contact or the agent): skip this pair.
          if (!(error instanceof StaleFacts))
            this.ctx.log.warn({ err: error }, 'offer not created');
          return undefined;
        }
      }),
    );
    const created = attempts.filter((offerId) => offerId !== undefined);
    if (created.length === 0) return;
    const offers = await loadOffersView(db, created);
    for (const offer of offers)
      this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:created', offer);
    await publishContactsUpdated(
      this.ctx,
      offers.map((offer) => offer.contact.id),
    );
    void this.queueState.changed();
  }

  /**
   * Takes the offered contact. A resend of an accept that already went through (the ack was lost)
   * answers the conversation as it stands while this agent still holds it, and publishes nothing.
   */
  async accept(agentId: string, offerId: string): Promise<ConversationDetail> {
    try {
      return await this.acceptOnce(agentId, offerId);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        const held = await this.heldAfterOwnAccept(agentId, offerId);
        if (held) return held;
      }
      throw error;
    }
  }

  private async heldAfterOwnAccept(
    agentId: string,
    offerId: string,
  ): Promise<ConversationDetail | undefined> {
    const offer = await loadOffer(this.ctx.db, offerId);
    if (!offer || !isRepeatedAnswer(toOfferFacts(offer), { kind: 'accept', agentId })) {
      return undefined;
    }
    const [detail] = await loadConversationDetailsSeenBy(this.ctx.db, {
      viewerId: agentId,
      contactIds: [offer.contact_id],
      purpose: 'serving',
      at: this.ctx.clock.now(),
    });
    const isHeld =
      detail?.contact.status === 'active' && detail.contact.assignedAgentId === agentId;
    return isHeld ? detail : undefined;
  }

  private async acceptOnce(agentId: string, offerId: string): Promise<ConversationDetail> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const accepted = await db.transaction().execute(async (trx) => {
      const offer = await loadOfferFor(trx, offerId, { kind: 'accept', agentId }, now);
      await lockAgent(trx, agentId);
      const channel = await loadContactChannel(trx, offer.contact_id);
      if (!channel || !(await hasRoomForWork(trx, agentId, workClassOf(channel)))) {
        throw new AppError(
          'conflict',
          'You are holding as many conversations of this kind as you may; close one first.',
        );
      }
      const resolved = await pendingOfferAcceptance.execute(trx, { id: offerId, at: now });
      if ((resolved.numAffectedRows ?? 0n) === 0n)
        throw new AppError('conflict', 'This offer is no longer open.');
      // A warm transfer is still held by its sender until this accept; anything else waits offered.
      const isWarm = offer.kind === 'transfer_warm';
      const assigned = await trx
        .updateTable('contacts')
        .set((eb) => ({
          status: 'active',
          assigned_agent_id: agentId,
          accepted_at: now,
          answered_at: eb.fn.coalesce('answered_at', eb.val(now)),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', offer.contact_id)
        .where('status', '=', isWarm ? 'active' : 'offered')
        .where('assigned_agent_id', isWarm ? '=' : 'is', isWarm ? offer.from_agent_id : null)
        .executeTakeFirst();
      if (assigned.numUpdatedRows === 0n)
        throw new AppError('conflict', 'This contact is no longer waiting.');
      await bumpAgentVersion(trx, agentId, { missedOffers: 0 });
      if (isWarm && offer.from_agent_id) {
        await bumpAgentVersion(trx, offer.from_agent_id, { idleSince: now });
      }
      await recordContactEvent(trx, {
        contactId: offer.contact_id,
        kind: offer.kind === 'route' ? 'accepted' : 'transfer_accepted',
        at: now,
        actorId: agentId,
        fromAgentId: offer.from_agent_id,
        toAgentId: agentId,
        note: offer.note,
      });
      return offer;
    });
    const contactId = accepted.contact_id;
    const [detail] = await loadConversationDetailsSeenBy(db, {
      viewerId: agentId,
      contactIds: [contactId],
      purpose: 'serving',
      at: now,
    });
    if (!detail) throw new AppError('internal', 'The accepted contact could not be read back.');
    const sender = accepted.from_agent_id
      ? await db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', accepted.from_agent_id)
          .executeTakeFirst()
      : undefined;
    publishConversationAssigned(this.ctx.publisher, {
      agentId,
      conversation: detail,
      reason: accepted.kind === 'route' ? 'accepted' : 'transferred',
      byName: sender?.display_name ?? null,
      note: accepted.note,
    });
    if (accepted.kind === 'transfer_warm' && accepted.from_agent_id) {
      this.ctx.publisher.publish(
        [rooms.user(accepted.from_agent_id), rooms.monitor(accepted.from_agent_id)],
        'conversation:revoked',
        {
          agentId: accepted.from_agent_id,
          contactId,
          reference: detail.contact.reference,
          byName: sender?.display_name ?? '',
          toAgentName: detail.contact.assignedAgentName ?? '',
          reason: accepted.note ?? '',
        },
      );
    }
    await publishContactsUpdated(this.ctx, [contactId]);
    await publishAgentsChanged(this.ctx, [
      agentId,
      ...(accepted.kind === 'transfer_warm' && accepted.from_agent_id
        ? [accepted.from_agent_id]
        : []),
    ]);
    void this.queueState.changed();
    return detail;
  }

  /** Declines an offer; a resend of this agent's reject answers the same and changes nothing. */
  async reject(
    agentId: string,
    offerId: string,
    reason: string | undefined,
  ): Promise<{ offerId: string }> {
    try {
      return await this.rejectOnce(agentId, offerId, reason);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        const offer = await loadOffer(this.ctx.db, offerId);
        if (offer && isRepeatedAnswer(toOfferFacts(offer), { kind: 'reject', agentId })) {
          return { offerId };
        }
      }
      throw error;
    }
  }

  private async rejectOnce(
    agentId: string,
    offerId: string,
    reason: string | undefined,
  ): Promise<{ offerId: string }> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const offer = await db.transaction().execute(async (trx) => {
      const found = await loadOfferFor(trx, offerId, { kind: 'reject', agentId }, now);
      const isResolved = await resolveOfferAndRequeue(
        trx,
        { id: found.id, contactId: found.contact_id },
        'rejected',
        now,
        reason ?? null,
      );
      if (!isResolved) throw new AppError('conflict', 'This offer is no longer open.');
      // A deliberate answer is a response: the missed-offer count starts again.
      await bumpAgentVersion(trx, agentId, { missedOffers: 0 });
      await recordContactEvent(trx, {
        contactId: found.contact_id,
        kind: 'rejected',
        at: now,
        actorId: agentId,
        note: reason ?? null,
      });
      return found;
    });
    this.ctx.publisher.publish(rooms.user(agentId), 'offer:withdrawn', {
      offerId,
      contactId: offer.contact_id,
      reason: 'rejected',
    });
    if (offer.kind === 'transfer_warm' && offer.from_agent_id) {
      await this.announceTransferDeclined(
        offer.contact_id,
        offer.from_agent_id,
        agentId,
        'rejected',
      );
    }
    await publishContactsUpdated(this.ctx, [offer.contact_id]);
    void this.queueState.changed();
    void this.requestPass();
    return { offerId };
  }

  /** Expires every pending offer past its deadline; safe to run on every node at once. */
  async expireDueOffers(): Promise<number> {
    const { db, clock, config } = this.ctx;
    const now = clock.now();
    const due = await loadPendingOffers(db, { expiredBy: now });
    const expired: WithdrawnOffer[] = [];
    for (const offer of due) {
      const isExpired = await db.transaction().execute(async (trx) => {
        const decision = decideOffer(
          { agentId: offer.agent_id, status: 'pending', expiresAt: offer.expires_at },
          { kind: 'expire' },
          now,
        );
        if (!decision.ok) return false;
        const won = await resolveOfferAndRequeue(
          trx,
          { id: offer.id, contactId: offer.contact_id },
          'expired',
          now,
        );
        if (!won) return false;
        const state = await loadAgentState(trx, offer.agent_id);
        const missed = afterMissedOffer(state?.missed_offers ?? 0, config.missedOffersLimit);
        if (missed.isNotResponding && state?.presence === 'available') {
          await updatePresence(trx, offer.agent_id, {
            presence: 'not_responding',
            at: now,
            missedOffers: missed.missedInARow,
          });
        } else {
          await bumpAgentVersion(trx, offer.agent_id, { missedOffers: missed.missedInARow });
        }
        await recordContactEvent(trx, {
          contactId: offer.contact_id,
          kind: 'offer_expired',
          at: now,
          toAgentId: offer.agent_id,
        });
        return true;
      });
      if (isExpired)
        expired.push({
          offerId: offer.id,
          contactId: offer.contact_id,
          agentId: offer.agent_id,
          warmTransferFrom: offer.kind === 'transfer_warm' ? offer.from_agent_id : null,
        });
    }
    if (expired.length > 0) await this.announceWithdrawn(expired, 'expired');
    return expired.length;
  }

  /** Withdraws an agent's pending offers (they went on break, offline, or got other work). */
  async rescindAgentOffers(
    trx: Kysely<Database>,
    agentId: string,
    now: number,
  ): Promise<WithdrawnOffer[]> {
    const withdrawn: WithdrawnOffer[] = [];
    for (const offer of await loadPendingOffers(trx, { agentId })) {
      if (
        await resolveOfferAndRequeue(
          trx,
          { id: offer.id, contactId: offer.contact_id },
          'rescinded',
          now,
        )
      ) {
        withdrawn.push({
          offerId: offer.id,
          contactId: offer.contact_id,
          agentId,
          warmTransferFrom: offer.kind === 'transfer_warm' ? offer.from_agent_id : null,
        });
      }
    }
    return withdrawn;
  }

  /** Withdraws the pending offer on one contact (a lead moved it). */
  async rescindContactOffer(
    trx: Kysely<Database>,
    contactId: string,
    now: number,
  ): Promise<WithdrawnOffer[]> {
    const withdrawn: WithdrawnOffer[] = [];
    for (const offer of await loadPendingOffers(trx, { contactId })) {
      if (await resolveOfferAndRequeue(trx, { id: offer.id, contactId }, 'rescinded', now)) {
        withdrawn.push({
          offerId: offer.id,
          contactId,
          agentId: offer.agent_id,
          warmTransferFrom: offer.kind === 'transfer_warm' ? offer.from_agent_id : null,
        });
      }
    }
    return withdrawn;
  }

  /** After commit: tells each agent their offer is gone, and everyone else what changed. */
  async announceWithdrawn(
    withdrawn: readonly WithdrawnOffer[],
    reason: 'expired' | 'rescinded',
  ): Promise<void> {
    for (const offer of withdrawn) {
      this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:withdrawn', {
        offerId: offer.offerId,
        contactId: offer.contactId,
        reason,
      });
      if (offer.warmTransferFrom) {
        await this.announceTransferDeclined(
          offer.contactId,
          offer.warmTransferFrom,
          offer.agentId,
          reason,
        );
      }
    }
    await publishContactsUpdated(
      this.ctx,
      withdrawn.map((offer) => offer.contactId),
    );
    await publishAgentsChanged(
      this.ctx,
      withdrawn.map((offer) => offer.agentId),
    );
    void this.queueState.changed();
    void this.requestPass();
  }

  /** The sender of a warm transfer keeps the contact; tell them the receiver did not take it. */
  private async announceTransferDeclined(
    contactId: string,
    senderId: string,
    receiverId: string,
    reason: 'rejected' | 'expired' | 'rescinded',
  ): Promise<void> {
    const [contact, receiver] = await Promise.all([
      this.ctx.db
        .selectFrom('contacts')
        .select('reference')
        .where('id', '=', contactId)
        .executeTakeFirst(),
      this.ctx.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', receiverId)
        .executeTakeFirst(),
    ]);
    this.ctx.publisher.publish(
      [rooms.user(senderId), rooms.monitor(senderId)],
      'transfer:declined',
      {
        contactId,
        reference: contact?.reference ?? '',
        toAgentName: receiver?.display_name ?? '',
        reason,
      },
    );
  }
}

class StaleFacts extends Error {}

const waitingContactClaim = prepareQuery(['id'], (db, p: { id: string }) =>
  db
    .updateTable('contacts')
    .set((eb) => ({ status: 'offered', version: eb('version', '+', 1) }))
    .where('id', '=', p.id)
    .where('status', '=', 'waiting'),
);

const pendingOfferAcceptance = prepareQuery(['id', 'at'], (db, p: { id: string; at: number }) =>
  db
    .updateTable('offers')
    .set({ status: 'accepted', resolved_at: p.at })
    .where('id', '=', p.id)
    .where('status', '=', 'pending'),
);

const contactChannel = prepareQuery(['id'], (db, p: { id: string }) =>
  db.selectFrom('contacts').select('channel').where('id', '=', p.id),
);

async function loadContactChannel(
  db: Kysely<Database>,
  contactId: string,
): Promise<Channel | undefined> {
  const row = await contactChannel.first(db, { id: contactId });
  return row?.channel as Channel | undefined;
}

/** The offer, if the agent's accept or reject of it is allowed now; otherwise the reason why not. */
async function loadOfferFor(
  trx: Kysely<Database>,
  offerId: string,
  action: Extract<OfferAction, { agentId: string }>,
  now: number,
) {
  const offer = await loadOffer(trx, offerId);
  if (!offer) throw new AppError('not_found', 'No such offer.');
  const decision = decideOffer(toOfferFacts(offer), action, now);
  if (!decision.ok) throw new AppError(decision.code, decision.message);
  return offer;
}

function toOfferFacts(offer: { agent_id: string; status: string; expires_at: number }): OfferFacts {
  return {
    agentId: offer.agent_id,
    status: offer.status as OfferStatus,
    expiresAt: offer.expires_at,
  };
}
