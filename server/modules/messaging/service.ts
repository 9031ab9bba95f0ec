import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CommandPayload } from '../../../shared/protocol/events';
import type { Channel, SegmentCode } from '../../../shared/schemas/common';
import { MessageSchema, type DeliveryStatus, type Message } from '../../../shared/schemas/contact';
import { rooms } from '../../realtime/rooms';
import type { Database } from '../../store/schema';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { runOnce } from '../command-results';
import { loadMessages } from '../conversations/repository';
import { approvalNeedFor, approverRooms, loadPendingApprovals } from '../coaching/repository';
import { loadTeamDirectory } from '../team-lead/directory';
import { retryDelayMs, type ChannelGateway } from './gateway';

const DELIVERIES_PER_SWEEP = 50;

export type GatewayResolver = (channel: Exclude<Channel, 'voice'>) => ChannelGateway | undefined;

/**
 * Two-way text messaging. A reply is committed as `queued` before it is acknowledged; delivery
 * runs afterwards from the database, so a crash or restart never loses a reply and every node
 * may run the sweep (each attempt is claimed with a conditional update).
 */
export class MessagingService {
  private sweep: Promise<number> | undefined;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly gatewayFor: GatewayResolver,
  ) {}

  async send(agentId: string, input: CommandPayload<'message:send'>): Promise<Message> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    let heldBecause = null as 'trainee' | 'segment' | null;
    const { result: message, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agentId,
        name: 'message:send',
        result: MessageSchema,
        now,
      },
      async (trx) => {
        const contact = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact) throw new AppError('not_found', 'No such contact.');
        if (contact.assigned_agent_id !== agentId) {
          throw new AppError('forbidden', 'This conversation is not assigned to you.');
        }
        if (contact.status !== 'active')
          throw new AppError('conflict', 'This conversation is closed.');
        if (contact.channel === 'voice') {
          throw new AppError('conflict', 'A voice call has no text replies.');
        }
        // A trainee's reply, or one to a segment that asks for it, waits for approval: stored
        // now (the ack still means "durable"), sent only once an approver lets it go.
        const need = await approvalNeedFor(trx, agentId, contact.segment as SegmentCode);
        heldBecause = need.isNeeded ? need.because : null;
        const id = randomUUID();
        await trx
          .insertInto('messages')
          .values({
            id,
            contact_id: contact.id,
            direction: 'outbound',
            text: input.text,
            at: now,
            author_id: agentId,
            delivery_status: need.isNeeded ? 'awaiting_approval' : 'queued',
            next_attempt_at: need.isNeeded ? null : now,
            approval_state: need.isNeeded ? 'pending' : null,
            approval_because: need.isNeeded ? need.because : null,
          })
          .execute();
        const [inserted] = await loadMessages(trx, { ids: [id] });
        if (!inserted) throw new AppError('internal', 'The message could not be read back.');
        return inserted;
      },
    );
    if (!isFirst) return message;
    this.publishAdded(agentId, input.contactId, message);
    if (heldBecause !== null) {
      const [[held], directory] = await Promise.all([
        loadPendingApprovals(db, { onlyTrainees: false, messageIds: [message.id] }),
        loadTeamDirectory(db),
      ]);
      if (held) {
        this.ctx.publisher.publish(
          approverRooms(heldBecause, held.authorTeamId, directory),
          'approval:requested',
          held.approval,
        );
      }
      return message;
    }
    void this.deliverDue();
    return message;
  }

  /** Tells the holder (and whoever follows them) that a message joined the conversation. */
  async announceAdded(contactId: string, messageId: string): Promise<void> {
    const contact = await this.ctx.db
      .selectFrom('contacts')
      .select(['assigned_agent_id', 'status'])
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (!contact?.assigned_agent_id || contact.status !== 'active') return;
    const [message] = await loadMessages(this.ctx.db, { ids: [messageId] });
    if (message) this.publishAdded(contact.assigned_agent_id, contactId, message);
  }

  /** Resolves once no delivery sweep is running (for an orderly shutdown). */
  async settled(): Promise<void> {
    while (this.sweep) await this.sweep.catch(() => undefined);
  }

  /** Attempts every reply whose delivery is due; safe to run on several nodes at once. */
  deliverDue(): Promise<number> {
    // One sweep at a time per node; what is queued meanwhile goes with the next one (the job
    // runs every half second).
    if (this.sweep) return Promise.resolve(0);
    const sweep = this.sweepDue().finally(() => {
      this.sweep = undefined;
    });
    this.sweep = sweep;
    return sweep;
  }

  private async sweepDue(): Promise<number> {
    const { db, clock } = this.ctx;
    const due = await db
      .selectFrom('messages')
      .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
      .innerJoin('citizens', 'citizens.id', 'contacts.citizen_id')
      .select([
        'messages.id',
        'messages.contact_id',
        'messages.text',
        'messages.at',
        'messages.attempts',
        'contacts.channel',
        'contacts.reference',
        'citizens.address',
      ])
      .where('messages.delivery_status', '=', 'queued')
      .where('messages.next_attempt_at', '<=', clock.now())
      .orderBy('messages.next_attempt_at')
      .limit(DELIVERIES_PER_SWEEP)
      .execute();
    let attempted = 0;
    for (const row of due) {
      const attempt = row.attempts + 1;
      const claimedAt = clock.now();
      // Claim this attempt: the next one is scheduled before we try, so a crash mid-attempt
      // still leads to a retry, and another node cannot take the same attempt.
      const claim = await db
        .updateTable('messages')
        .set({
          attempts: attempt,
          next_attempt_at: claimedAt + retryDelayMs(attempt, this.ctx.config.outboundRetryBaseMs),
        })
        .where('id', '=', row.id)
        .where('delivery_status', '=', 'queued')
        .where('attempts', '=', row.attempts)
        .executeTakeFirst();
      if (claim.numUpdatedRows === 0n) continue;
      attempted += 1;
      const channel = row.channel as Exclude<Channel, 'voice'>;
      const gateway = this.gatewayFor(channel);
      const result = gateway
        ? await gateway.deliver({
            messageId: row.id,
            contactId: row.contact_id,
            reference: row.reference,
            channel,
            to: row.address,
            text: row.text,
            at: row.at,
          })
        : {
            ok: false as const,
            isRetryable: false,
            reason: `no outbound webhook is configured for ${channel}`,
          };
      if (result.ok) {
        await this.setStatus(row.id, ['queued'], 'sent', null);
      } else if (result.isRetryable && attempt < this.ctx.config.outboundMaxAttempts) {
        await this.noteRetry(
          row.id,
          `attempt ${attempt} of ${this.ctx.config.outboundMaxAttempts} failed: ${result.reason}; retrying`,
        );
      } else {
        await this.setStatus(row.id, ['queued'], 'failed', result.reason);
      }
    }
    return attempted;
  }

  /** A delivery receipt from the channel. Delivered never goes back to sent. */
  async receipt(
    messageId: string,
    status: 'delivered' | 'failed',
    reason: string | undefined,
  ): Promise<Message> {
    const row = await this.ctx.db
      .selectFrom('messages')
      .select(['direction', 'delivery_status'])
      .where('id', '=', messageId)
      .executeTakeFirst();
    if (!row || row.direction !== 'outbound')
      throw new AppError('not_found', 'No outbound message with this id.');
    await this.setStatus(
      messageId,
      ['queued', 'sent'],
      status,
      status === 'failed' ? (reason ?? 'the channel reported a failure') : null,
    );
    const [message] = await loadMessages(this.ctx.db, { ids: [messageId] });
    return message!;
  }

  private async setStatus(
    messageId: string,
    from: DeliveryStatus[],
    to: DeliveryStatus,
    failureReason: string | null,
  ): Promise<void> {
    const updated = await this.ctx.db
      .updateTable('messages')
      .set({ delivery_status: to, failure_reason: failureReason, next_attempt_at: null })
      .where('id', '=', messageId)
      .where('delivery_status', 'in', from)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) await this.publishStatus(messageId);
  }

  private async noteRetry(messageId: string, reason: string): Promise<void> {
    await this.ctx.db
      .updateTable('messages')
      .set({ failure_reason: reason })
      .where('id', '=', messageId)
      .execute();
    await this.publishStatus(messageId);
  }

  private async publishStatus(messageId: string): Promise<void> {
    const row = await this.ctx.db
      .selectFrom('messages')
      .innerJoin('contacts', 'contacts.id', 'messages.contact_id')
      .select([
        'messages.contact_id',
        'messages.delivery_status',
        'messages.failure_reason',
        'contacts.assigned_agent_id',
      ])
      .where('messages.id', '=', messageId)
      .executeTakeFirst();
    if (!row?.assigned_agent_id || !row.delivery_status) return;
    this.ctx.publisher.publish(
      [rooms.user(row.assigned_agent_id), rooms.monitor(row.assigned_agent_id)],
      'message:status-changed',
      {
        contactId: row.contact_id,
        messageId,
        deliveryStatus: row.delivery_status as DeliveryStatus,
        failureReason: row.failure_reason,
      },
    );
  }

  private publishAdded(agentId: string, contactId: string, message: Message): void {
    this.ctx.publisher.publish(
      [rooms.user(agentId), rooms.monitor(agentId)],
      'conversation:message-added',
      { contactId, message },
    );
  }
}

/** Appends a citizen's message to a conversation; the caller's transaction makes it durable. */
export async function insertInboundMessage(
  trx: Kysely<Database>,
  message: { contactId: string; text: string; at: number; externalKey: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('messages')
    .values({
      id,
      contact_id: message.contactId,
      direction: 'inbound',
      text: message.text,
      at: message.at,
      external_key: message.externalKey,
    })
    .execute();
  return id;
}

/**
 * Queues an automatic reply (no author: the system wrote it) for delivery like an agent's reply;
 * the caller's transaction makes it durable and `deliverDue` sends it.
 */
export async function insertAutoReply(
  trx: Kysely<Database>,
  message: { contactId: string; text: string; at: number },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('messages')
    .values({
      id,
      contact_id: message.contactId,
      direction: 'outbound',
      text: message.text,
      at: message.at,
      author_id: null,
      delivery_status: 'queued',
      next_attempt_at: message.at,
    })
    .execute();
  return id;
}

export function externalKey(channel: Channel, externalId: string): string {
  return `${channel}:${externalId}`;
}
