import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterHoursAnswer, isOpen, nextOpening } from '../../../shared/domain/business-hours';
import { formatReference, localDateKey } from '../../../shared/domain/reference';
import type { AfterHoursAnswer } from '../../../shared/schemas/business-hours';
import type { InboundContactBody, InboundContactResult } from '../../../shared/schemas/inbound';
import { addressKind, normalizeAddress } from '../../domain/address';
import { findCitizenByAddress, indexCitizenName } from '../citizens/repository';
import { startCall } from '../../domain/call';
import { GENERAL_TOPIC } from '../../seed/base-data';
import { prepareQuery } from '../../store/compiled-query';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import {
  businessHoursFor,
  defaultHoursZone,
  loadQueueHoursSettings,
  parseAfterHoursAnswer,
  requestCallback,
} from '../business-hours/repository';
import type { ServiceContext } from '../context';
import { publishContactsUpdated } from '../conversations/publish';
import {
  externalKey,
  insertAutoReply,
  insertInboundMessage,
  type MessagingService,
} from '../messaging/service';
import type { QueueStateService } from '../queue-state/service';
import { recordContactEvent } from '../routing/repository';
import type { RoutingService } from '../routing/service';
import { insertCall } from '../voice/repository';

const PREVIEW_LENGTH = 160;

/**
 * A contact arriving from a channel webhook. Idempotent on channel + external id: the channel
 * may retry, and a retry must return the first result and create nothing.
 */
export class InboundService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
    private readonly messaging: MessagingService,
  ) {}

  async receive(
    body: InboundContactBody,
  ): Promise<{ isNew: boolean; result: InboundContactResult }> {
    const existing = await this.findExisting(body);
    if (existing) return { isNew: false, result: existing };
    let outcome: { result: InboundContactResult; appendedMessageId?: string };
    try {
      outcome = await this.ctx.db.transaction().execute(async (trx) => {
        const appended = await this.appendToOpenConversation(trx, body);
        if (appended) return appended;
        const queue = await this.pickQueue(trx, body);
        // A queue closed now answers instead of queueing; a contact already waiting keeps waiting.
        const afterHours = await this.closedAnswer(trx, queue.id, body.channel);
        const received = (afterHours &&
          (await this.appendToAfterHoursContact(trx, body, queue.id, afterHours))) ?? {
          result: await this.create(trx, body, queue, afterHours),
        };
        // On SQLite the one connection already sees the new contact: a pass started now offers it
        // in the same commit and flush instead of after them. (On PostgreSQL it finds nothing yet;
        // the request after the commit below does the work.)
        if (!received.result.afterHours) void this.routing.requestPass();
        return received;
      });
    } catch (error) {
      // The same contact arriving twice at once: the loser of the unique constraint answers
      // with the winner's result.
      const raced = await this.findExisting(body);
      if (raced) return { isNew: false, result: raced };
      throw error;
    }
    if (outcome.appendedMessageId) {
      await this.messaging.announceAdded(outcome.result.contactId, outcome.appendedMessageId);
      return { isNew: true, result: outcome.result };
    }
    if (outcome.result.afterHours) {
      // Closed on arrival: nobody waits and no agent is offered it; only an auto-reply may be due.
      void this.messaging.deliverDue();
      return { isNew: true, result: outcome.result };
    }
    void this.routing.requestPass();
    await publishContactsUpdated(this.ctx, [outcome.result.contactId]);
    void this.queueState.changed();
    return { isNew: true, result: outcome.result };
  }

  /** The first result for this channel + external id, whether it opened a contact or joined one. */
  private async findExisting(body: InboundContactBody): Promise<InboundContactResult | undefined> {
    const row =
      (await this.ctx.db
        .selectFrom('contacts')
        .select(['id', 'reference', 'after_hours_answer'])
        .where('channel', '=', body.channel)
        .where('external_id', '=', body.externalId)
        .executeTakeFirst()) ??
      (await this.ctx.db
        .selectFrom('messages')
        .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
        .select(['contacts.id', 'contacts.reference', 'contacts.after_hours_answer'])
        .where('messages.external_key', '=', externalKey(body.channel, body.externalId))
        .executeTakeFirst());
    return row ? resultOf(row) : undefined;
  }

  /**
   * On a text channel, a citizen writing again while their conversation is still open continues
   * it rather than queueing a second contact, as a chat thread does.
   */
  private async appendToOpenConversation(
    trx: Kysely<Database>,
    body: InboundContactBody,
  ): Promise<{ result: InboundContactResult; appendedMessageId: string } | undefined> {
    const text = body.text?.trim();
    if (body.channel === 'voice' || !text) return undefined;
    const open = await trx
      .selectFrom('contacts')
      .innerJoin('citizen_addresses', 'citizen_addresses.citizen_id', 'contacts.citizen_id')
      .select(['contacts.id', 'contacts.reference'])
      .where('citizen_addresses.address', '=', normalizeAddress(body.channel, body.from))
      .where('contacts.channel', '=', body.channel)
      .where('contacts.status', 'in', ['waiting', 'offered', 'active'])
      .orderBy('contacts.arrived_at', 'desc')
      .executeTakeFirst();
    if (!open) return undefined;
    const appendedMessageId = await insertInboundMessage(trx, {
      contactId: open.id,
      text,
      at: this.ctx.clock.now(),
      externalKey: externalKey(body.channel, body.externalId),
    });
    return { result: { contactId: open.id, reference: open.reference }, appendedMessageId };
  }

  /**
   * On a text channel, a citizen writing again while the queue that answered them after hours is
   * still closed (the same closed spell: the same next opening) adds to that contact: one
   * auto-reply per spell, not one per message.
   */
  private async appendToAfterHoursContact(
    trx: Kysely<Database>,
    body: InboundContactBody,
    queueId: string,
    current: AfterHoursAnswer,
  ): Promise<{ result: InboundContactResult; appendedMessageId: string } | undefined> {
    const text = body.text?.trim();
    if (body.channel === 'voice' || !text) return undefined;
    const latest = await trx
      .selectFrom('contacts')
      .innerJoin('citizen_addresses', 'citizen_addresses.citizen_id', 'contacts.citizen_id')
      .select(['contacts.id', 'contacts.reference', 'contacts.after_hours_answer'])
      .where('citizen_addresses.address', '=', normalizeAddress(body.channel, body.from))
      .where('contacts.channel', '=', body.channel)
      .where('contacts.queue_id', '=', queueId)
      .where('contacts.closed_reason', '=', 'after_hours')
      .orderBy('contacts.arrived_at', 'desc')
      .executeTakeFirst();
    const answer = parseAfterHoursAnswer(latest?.after_hours_answer ?? null);
    if (!latest || answer?.opensAt !== current.opensAt) return undefined;
    const appendedMessageId = await insertInboundMessage(trx, {
      contactId: latest.id,
      text,
      at: this.ctx.clock.now(),
      externalKey: externalKey(body.channel, body.externalId),
    });
    return { result: resultOf(latest), appendedMessageId };
  }

  /** The after-hours answer for a contact arriving now, or undefined while the queue is open. */
  private async closedAnswer(
    trx: Kysely<Database>,
    queueId: string,
    channel: InboundContactBody['channel'],
  ): Promise<AfterHoursAnswer | undefined> {
    const settings = await loadQueueHoursSettings(
      trx,
      queueId,
      defaultHoursZone(this.ctx.config.timeZone),
    );
    if (settings.isAlwaysOpen) return undefined;
    const now = this.ctx.clock.now();
    const [hours] = await businessHoursFor(trx, [settings]);
    if (!hours || isOpen(hours, now)) return undefined;
    return afterHoursAnswer(settings, channel, nextOpening(hours, now));
  }

  private async create(
    trx: Kysely<Database>,
    body: InboundContactBody,
    queue: { id: string; topic: string },
    afterHours: AfterHoursAnswer | undefined,
  ): Promise<InboundContactResult> {
    const { config, clock } = this.ctx;
    const now = clock.now();
    const address = normalizeAddress(body.channel, body.from);
    let citizen = await findCitizenByAddress(trx, address);
    if (citizen) {
      if (
        (body.name && body.name !== citizen.name) ||
        (body.segment && body.segment !== citizen.segment)
      ) {
        await trx
          .updateTable('citizens')
          .set({ name: body.name ?? citizen.name, segment: body.segment ?? citizen.segment })
          .where('id', '=', citizen.id)
          .execute();
        if (body.name && body.name !== citizen.name) {
          await indexCitizenName(trx, citizen.id, body.name);
        }
      }
    } else {
      // Two first contacts from one new citizen may arrive at once: whoever inserts second
      // takes the row the first one made.
      const citizenId = randomUUID();
      await trx
        .insertInto('citizens')
        .values({
          id: citizenId,
          name: body.name ?? address,
          address,
          segment: body.segment ?? 'public',
          created_at: now,
        })
        .onConflict((oc) => oc.column('address').doNothing())
        .execute();
      await trx
        .insertInto('citizen_addresses')
        .values({ address, citizen_id: citizenId, kind: addressKind(address), created_at: now })
        .onConflict((oc) => oc.column('address').doNothing())
        .execute();
      citizen = await findCitizenByAddress(trx, address);
      if (!citizen) throw new Error(`no citizen for ${address} after insert`);
      if (citizen.id === citizenId) await indexCitizenName(trx, citizenId, citizen.name);
    }
    const sequence = await nextSequence(trx, `reference:${localDateKey(now, config.timeZone)}`);
    const reference = formatReference(config.orgCode, now, sequence, config.timeZone);
    const contactId = randomUUID();
    const text = body.text?.trim() ?? '';
    await trx
      .insertInto('contacts')
      .values({
        id: contactId,
        reference,
        channel: body.channel,
        external_id: body.externalId,
        citizen_id: citizen.id,
        queue_id: queue.id,
        topic: queue.topic,
        segment: body.segment ?? citizen.segment,
        preview: text.slice(0, PREVIEW_LENGTH),
        status: afterHours ? 'closed' : 'waiting',
        arrived_at: now,
        assigned_agent_id: null,
        accepted_at: null,
        closed_at: afterHours ? now : null,
        closed_reason: afterHours ? 'after_hours' : null,
        after_hours_answer: afterHours ? JSON.stringify(afterHours) : null,
        version: 1,
      })
      .execute();
    if (text) {
      await insertInboundMessage(trx, {
        contactId,
        text,
        at: now,
        externalKey: externalKey(body.channel, body.externalId),
      });
    }
    // A voice contact is a call ringing in the queue; CTI events move it on from there (after
    // hours too: the telephony plays the message, maybe records, and reports the call ended).
    if (body.channel === 'voice') await insertCall(trx, contactId, startCall(now));
    await recordContactEvent(trx, { contactId, kind: 'arrived', at: now });
    if (!afterHours) return { contactId, reference };

    await recordContactEvent(trx, {
      contactId,
      kind: 'closed_after_hours',
      at: now,
      note: afterHours.action,
    });
    if (body.channel !== 'voice') {
      // The auto-reply takes the one outbound path agents' replies take: queued, then delivered
      // (signed webhook, retries, receipts) by the delivery sweep.
      await insertAutoReply(trx, { contactId, text: afterHours.message, at: now });
    }
    if (afterHours.action === 'callback') {
      await requestCallback(trx, {
        contactId,
        queueId: queue.id,
        citizenId: citizen.id,
        dueAt: afterHours.opensAt,
        at: now,
      });
    }
    return { contactId, reference, afterHours };
  }

  /** The queue for the contact's topic that serves its channel; else the general queue. */
  private async pickQueue(trx: Kysely<Database>, body: InboundContactBody) {
    const queues = await trx.selectFrom('queues').selectAll().orderBy('sort').execute();
    const serves = (queue: (typeof queues)[number]) =>
      (JSON.parse(queue.channels) as string[]).includes(body.channel);
    const queue =
      queues.find((q) => q.topic === body.topic && serves(q)) ??
      queues.find((q) => q.topic === GENERAL_TOPIC.code && serves(q)) ??
      queues.find((q) => q.topic === GENERAL_TOPIC.code);
    if (!queue) throw new AppError('unavailable', 'No queue is configured for this contact.');
    return queue;
  }
}

function resultOf(row: {
  id: string;
  reference: string;
  after_hours_answer: string | null;
}): InboundContactResult {
  const afterHours = parseAfterHoursAnswer(row.after_hours_answer);
  return { contactId: row.id, reference: row.reference, ...(afterHours ? { afterHours } : {}) };
}

/** Atomically increments and returns a named counter (reference numbers per day). */
const counterIncrement = prepareQuery(['name'], (db, p: { name: string }) =>
  db
    .insertInto('counters')
    .values({ name: p.name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb(eb.ref('counters.value'), '+', 1) })),
    )
    .returning('value'),
);

async function nextSequence(trx: Kysely<Database>, name: string): Promise<number> {
  const row = await counterIncrement.first(trx, { name });
  if (!row) throw new Error(`counter ${name} returned no value`);
  return Number(row.value);
}
