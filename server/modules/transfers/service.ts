import type { CommandPayload } from '../../../shared/protocol/events';
import { ContactSummarySchema, type ContactSummary } from '../../../shared/schemas/contact';
import { workClassOf } from '../../../shared/domain/capacity';
import type { Channel } from '../../../shared/schemas/common';
import { rooms } from '../../realtime/rooms';
import { publishAgentsChanged } from '../agents/publish';
import { bumpAgentVersion, lockAgent } from '../agents/repository';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import { publishContactsUpdated } from '../conversations/publish';
import { loadContactSummary } from '../conversations/repository';
import type { QueueStateService } from '../queue-state/service';
import {
  insertOffer,
  canTakeOffer,
  loadOffersView,
  recordContactEvent,
} from '../routing/repository';
import type { RoutingService } from '../routing/service';

type Transfer = CommandPayload<'conversation:transfer'>;

/** What a transfer's transaction hands to the announcements made after the commit. */
interface Moved {
  contactId: string;
  reference: string;
  offerId: string | null;
  receiverId: string | null;
}

/**
 * An agent passes a conversation on. Cold: they let go at once; the contact waits in the target
 * queue (keeping its place by arrival) or is offered to the named agent. Warm: they keep it until
 * the named agent accepts (the offer machinery moves it then), and get it back if declined.
 */
export class TransferService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
  ) {}

  async transfer(agentId: string, input: Transfer): Promise<ContactSummary> {
    const { db, clock, config } = this.ctx;
    const now = clock.now();
    const note = input.note && input.note !== '' ? input.note : null;
    // What the first run hands to the announcements after commit; a resend announces nothing.
    let moved = null as Moved | null;
    const { result: summary, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agentId,
        name: 'conversation:transfer',
        result: ContactSummarySchema,
        now,
      },
      async (trx) => {
        const contact = await trx
          .selectFrom('contacts')
          .selectAll()
          .where('id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact) throw new AppError('not_found', 'No such contact.');
        if (contact.assigned_agent_id !== agentId)
          throw new AppError('forbidden', 'This conversation is not assigned to you.');
        if (contact.status !== 'active')
          throw new AppError('conflict', 'This conversation is closed.');
        const pending = await trx
          .selectFrom('offers')
          .select('id')
          .where('contact_id', '=', contact.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (pending)
          throw new AppError(
            'conflict',
            'A transfer of this conversation is already waiting for an answer.',
          );

        let offerId: string | null = null;
        let receiverId: string | null = null;
        if (input.to.kind === 'queue') {
          const queue = await trx
            .selectFrom('queues')
            .select(['id', 'topic', 'name'])
            .where('id', '=', input.to.queueId)
            .executeTakeFirst();
          if (!queue) {
            throw new AppError('invalid_payload', 'No such queue.', [
              { path: 'to.queueId', message: 'no such queue' },
            ]);
          }
          await trx
            .updateTable('contacts')
            .set((eb) => ({
              status: 'waiting',
              queue_id: queue.id,
              topic: queue.topic,
              assigned_agent_id: null,
              accepted_at: null,
              transfer_note: note,
              transferred_by: agentId,
              version: eb('version', '+', 1),
            }))
            .where('id', '=', contact.id)
            .where('status', '=', 'active')
            .where('assigned_agent_id', '=', agentId)
            .execute();
        } else {
          const target = await trx
            .selectFrom('users')
            .select(['id', 'role', 'display_name'])
            .where('id', '=', input.to.agentId)
            .executeTakeFirst();
          if (!target || target.role !== 'agent' || target.id === agentId) {
            throw new AppError('invalid_payload', 'Transfer to another agent.', [
              { path: 'to.agentId', message: 'not another agent' },
            ]);
          }
          await lockAgent(trx, target.id);
          if (!(await canTakeOffer(trx, target.id, workClassOf(contact.channel as Channel)))) {
            throw new AppError(
              'conflict',
              `${target.display_name} is not available to take it now.`,
            );
          }
          if (input.mode === 'cold') {
            await trx
              .updateTable('contacts')
              .set((eb) => ({
                status: 'offered',
                assigned_agent_id: null,
                accepted_at: null,
                transfer_note: note,
                transferred_by: agentId,
                version: eb('version', '+', 1),
              }))
              .where('id', '=', contact.id)
              .where('status', '=', 'active')
              .execute();
          } else {
            await trx
              .updateTable('contacts')
              .set((eb) => ({
                transfer_note: note,
                transferred_by: agentId,
                version: eb('version', '+', 1),
              }))
              .where('id', '=', contact.id)
              .execute();
          }
          offerId = await insertOffer(trx, {
            contactId: contact.id,
            agentId: target.id,
            createdAt: now,
            expiresAt: now + config.offerTimeoutMs,
            transfer: { fromAgentId: agentId, mode: input.mode, note },
          });
          receiverId = target.id;
        }
        if (input.mode === 'cold') await bumpAgentVersion(trx, agentId, { idleSince: now });
        await recordContactEvent(trx, {
          contactId: contact.id,
          kind: `transfer_${input.mode}`,
          at: now,
          actorId: agentId,
          fromAgentId: agentId,
          toAgentId: receiverId,
          note,
        });
        moved = { contactId: contact.id, reference: contact.reference, offerId, receiverId };
        const after = await loadContactSummary(trx, contact.id);
        if (!after)
          throw new AppError('internal', 'The transferred contact could not be read back.');
        return after;
      },
    );
    if (!isFirst || moved === null) return summary;
    const result = moved;

    if (result.offerId) {
      const [offer] = await loadOffersView(db, [result.offerId]);
      if (offer) this.ctx.publisher.publish(rooms.user(offer.agentId), 'offer:created', offer);
    }
    if (input.mode === 'cold') {
      // The sender's desk (every tab) lets go of it, as when a lead moves it.
      const sender = await db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', agentId)
        .executeTakeFirst();
      const toName =
        input.to.kind === 'queue'
          ? ((
              await db
                .selectFrom('queues')
                .select('name')
                .where('id', '=', input.to.queueId)
                .executeTakeFirst()
            )?.name ?? '')
          : ((
              await db
                .selectFrom('users')
                .select('display_name')
                .where('id', '=', input.to.agentId)
                .executeTakeFirst()
            )?.display_name ?? '');
      this.ctx.publisher.publish(
        [rooms.user(agentId), rooms.monitor(agentId)],
        'conversation:revoked',
        {
          agentId,
          contactId: result.contactId,
          reference: result.reference,
          byName: sender?.display_name ?? '',
          toAgentName: toName,
          reason: note ?? '',
        },
      );
    }
    await publishContactsUpdated(this.ctx, [result.contactId]);
    await publishAgentsChanged(this.ctx, [
      agentId,
      ...(result.receiverId ? [result.receiverId] : []),
    ]);
    void this.queueState.changed();
    void this.routing.requestPass();
    return summary;
  }
}
