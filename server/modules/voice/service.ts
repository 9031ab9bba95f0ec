import { sql, type Kysely } from 'kysely';
import {
  VoiceEventResultSchema,
  type VoiceEventBody,
  type VoiceEventResult,
} from '../../../shared/schemas/call';
import type { ContactStatus } from '../../../shared/schemas/contact';
import { decideCallEvent, startCall } from '../../domain/call';
import { rooms } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { publishContactsUpdated } from '../conversations/publish';
import type { QueueStateService } from '../queue-state/service';
import { recordContactEvent } from '../routing/repository';
import type { RoutingService, WithdrawnOffer } from '../routing/service';
import { insertCall, loadCallRow, toCall, toCallState, updateCall } from './repository';

/** How often an event is re-decided after losing a race with another event for the same call. */
const MAX_ATTEMPTS = 4;

interface Applied {
  result: VoiceEventResult;
  isChanged: boolean;
  holderId: string | null;
  withdrawn: { offerId: string; agentId: string }[];
  /** A warm transfer still waiting when the caller hung up: withdrawn, its sender told. */
  transferWithdrawn: WithdrawnOffer[];
}

/**
 * Call events from the telephony system (CTI). Each event is decided by the pure call machine on
 * the call as stored, written with a conditional update, and remembered by the CTI's event id in
 * the same transaction, so a retried webhook gets the first answer and changes nothing.
 */
export class VoiceService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
  ) {}

  async receive(body: VoiceEventBody): Promise<{ result: VoiceEventResult; isFirst: boolean }> {
    const earlier = await this.earlierResult(body);
    if (earlier) return { result: earlier, isFirst: false };
    let applied: Applied | undefined;
    for (let attempt = 1; applied === undefined; attempt += 1) {
      try {
        applied = await this.ctx.db
          .transaction()
          .execute((trx) => this.apply(trx, body, this.ctx.clock.now()));
      } catch (error) {
        // Two deliveries of the same event at once: the loser answers with the winner's result,
        // whether it lost on the event id, on the call's version, or decided on the call the
        // winner had already moved (a 409 of its own).
        const raced = await this.earlierResult(body);
        if (raced) return { result: raced, isFirst: false };
        // Another event for this call (or the contact's routing) changed it meanwhile: decide again.
        if (error instanceof StaleFacts && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
    await this.announce(applied);
    return { result: applied.result, isFirst: true };
  }

  private async earlierResult(body: VoiceEventBody): Promise<VoiceEventResult | undefined> {
    const row = await this.ctx.db
      .selectFrom('call_events')
      .select(['call_id', 'result'])
      .where('event_id', '=', body.eventId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.call_id !== body.callId) {
      throw new AppError('conflict', 'This eventId was already used for another call.');
    }
    return VoiceEventResultSchema.parse(JSON.parse(row.result));
  }

  private async apply(trx: Kysely<Database>, body: VoiceEventBody, now: number): Promise<Applied> {
    const contact = await trx
      .selectFrom('contacts')
      .select(['id', 'status', 'arrived_at', 'assigned_agent_id'])
      .where('channel', '=', 'voice')
      .where('external_id', '=', body.callId)
      .executeTakeFirst();
    if (!contact) {
      throw new AppError(
        'not_found',
        'No voice call with this callId. Announce the call first with POST /api/inbound (channel voice, externalId = callId).',
      );
    }
    let row = await loadCallRow(trx, contact.id);
    if (!row) {
      // A voice contact from before calls were tracked: its call has rung since it arrived.
      await insertCall(trx, contact.id, startCall(contact.arrived_at));
      row = await loadCallRow(trx, contact.id);
      if (!row) throw new StaleFacts();
    }
    const at = body.at ?? now;
    const decision = decideCallEvent(
      toCall(row),
      { kind: body.event, at },
      { contactStatus: contact.status as ContactStatus, now },
    );
    if (!decision.ok) throw new AppError(decision.code, decision.message);
    const { call } = decision;
    let version = row.version;
    if (decision.isChanged) {
      if (!(await updateCall(trx, contact.id, call, row.version))) throw new StaleFacts();
      version += 1;
    }
    const withdrawn: Applied['withdrawn'] = [];
    if (decision.isAbandoned) {
      const endedAt = call.endedAt ?? now;
      for (const offer of await trx
        .selectFrom('offers')
        .select(['id', 'agent_id'])
        .where('contact_id', '=', contact.id)
        .where('status', '=', 'pending')
        .execute()) {
        const rescinded = await trx
          .updateTable('offers')
          .set({ status: 'rescinded', reason: 'abandoned', resolved_at: now })
          .where('id', '=', offer.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (rescinded.numUpdatedRows > 0n) {
          withdrawn.push({ offerId: offer.id, agentId: offer.agent_id });
        }
      }
      const closed = await trx
        .updateTable('contacts')
        .set((eb) => ({
          status: 'closed',
          closed_at: endedAt,
          // Answered once already (then transferred back to a queue): the citizen was served, so
          // it stays counted as answered rather than also as abandoned.
          abandoned_at: sql<
            number | null
          >`case when answered_at is null then cast(${endedAt} as bigint) else null end`,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', contact.id)
        .where('status', 'in', ['waiting', 'offered'])
        .executeTakeFirst();
      // Accepted meanwhile: the call is then not abandoned; decide again on the new facts.
      if (closed.numUpdatedRows === 0n) throw new StaleFacts();
      await recordContactEvent(trx, { contactId: contact.id, kind: 'abandoned', at: endedAt });
    }
    const transferWithdrawn =
      call.state === 'ended' && contact.status === 'active'
        ? await this.routing.rescindContactOffer(trx, contact.id, now)
        : [];
    const result: VoiceEventResult = {
      eventId: body.eventId,
      contactId: contact.id,
      call: toCallState(contact.id, call, version),
      isAbandoned: decision.isAbandoned,
    };
    await trx
      .insertInto('call_events')
      .values({
        event_id: body.eventId,
        call_id: body.callId,
        contact_id: contact.id,
        kind: body.event,
        at,
        result: JSON.stringify(result),
        created_at: now,
      })
      .execute();
    return {
      result,
      isChanged: decision.isChanged,
      holderId: contact.assigned_agent_id,
      withdrawn,
      transferWithdrawn,
    };
  }

  /** After commit: the holder's desk and monitors see the call; an abandoned call leaves the queue. */
  private async announce(applied: Applied): Promise<void> {
    const { result, holderId } = applied;
    if (applied.isChanged && holderId !== null) {
      this.ctx.publisher.publish(
        [rooms.user(holderId), rooms.monitor(holderId)],
        'call:state-changed',
        result.call,
      );
    }
    if (applied.transferWithdrawn.length > 0) {
      await this.routing.announceWithdrawn(applied.transferWithdrawn, 'rescinded');
    }
    if (!result.isAbandoned) return;
    for (const offer of applied.withdrawn) {
      this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:withdrawn', {
        offerId: offer.offerId,
        contactId: result.contactId,
        reason: 'rescinded',
      });
    }
    await publishContactsUpdated(this.ctx, [result.contactId]);
    void this.queueState.changed();
    // The agent whose offer was withdrawn is free for the next contact.
    if (applied.withdrawn.length > 0) void this.routing.requestPass();
  }
}

class StaleFacts extends Error {}
