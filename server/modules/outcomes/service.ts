import { randomUUID } from 'node:crypto';
import type { CommandPayload } from '../../../shared/protocol/events';
import { OutcomeRecordSchema, type OutcomeRecord } from '../../../shared/schemas/outcome';
import { rooms } from '../../realtime/rooms';
import { leadRoomsOfTeam, loadTeamDirectory, loadTeamsOfUsers } from '../team-lead/directory';
import { publishAgentsChanged } from '../agents/publish';
import { bumpAgentVersion, loadAgentState, updatePresence } from '../agents/repository';
import { afterContactClosed, type Presence } from '../../domain/presence';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { publishContactsUpdated } from '../conversations/publish';
import type { QueueStateService } from '../queue-state/service';
import { recordContactEvent } from '../routing/repository';
import type { RoutingService } from '../routing/service';
import { runOnce } from '../command-results';
import type { CaseService } from '../cases/service';
import { recordPolicyFeedback } from '../policy-feedback/service';
import { publishPolicyActivity } from '../reports/activity';
import { insertOutcomeSources, resolveProvenance, scriptColumns } from './provenance';
import { loadOutcomeRecords } from './repository';
import { outcomeReviewStatusFor } from '../coaching/repository';

type LogOutcome = CommandPayload<'outcome:log'>;

/**
 * Wrap-up: the outcome with its provenance (answer and script versions), the optional follow-up
 * task and the closing of the contact are one transaction, keyed by the client's command id so a resend after a lost ack acts once.
 */
export class OutcomeService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly routing: RoutingService,
    private readonly queueState: QueueStateService,
    private readonly cases: CaseService,
  ) {}

  async log(agentId: string, input: LogOutcome): Promise<OutcomeRecord> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result: record, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agentId,
        name: 'outcome:log',
        result: OutcomeRecordSchema,
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
        if (contact.status !== 'active') {
          throw new AppError('conflict', 'This conversation is already closed.');
        }
        const code = await trx
          .selectFrom('wrapup_codes')
          .selectAll()
          .where('code', '=', input.wrapupCode)
          .executeTakeFirst();
        if (!code) {
          throw new AppError('invalid_payload', 'Unknown wrap-up code.', [
            { path: 'wrapupCode', message: `unknown wrap-up code "${input.wrapupCode}"` },
          ]);
        }
        if (code.needs_follow_up === 1 && !input.followUp) {
          throw new AppError('invalid_payload', 'This wrap-up code needs a follow-up task.', [
            { path: 'followUp', message: 'required for this wrap-up code' },
          ]);
        }
        if (input.followUp) {
          const owner = await trx
            .selectFrom('users')
            .select('id')
            .where('id', '=', input.followUp.ownerId)
            .executeTakeFirst();
          if (!owner) {
            throw new AppError('invalid_payload', 'Unknown follow-up owner.', [
              { path: 'followUp.ownerId', message: 'no such user' },
            ]);
          }
          if (input.followUp.dueAt <= now) {
            throw new AppError('invalid_payload', 'The follow-up due date must be in the future.', [
              { path: 'followUp.dueAt', message: 'must be in the future' },
            ]);
          }
        }
        // What the outcome rests on is recorded with it: answer versions checked here, the
        // script version read from the conversation.
        const provenance = await resolveProvenance(trx, contact.id, input.usedAnswers ?? []);
        const outcomeId = randomUUID();
        await trx
          .insertInto('outcomes')
          .values({
            id: outcomeId,
            contact_id: contact.id,
            agent_id: agentId,
            wrapup_code: input.wrapupCode,
            notes: input.notes,
            created_at: now,
            ...scriptColumns(provenance),
            // A trainee's outcome may have to be reviewed before it counts (docs/training.md).
            review_status: await outcomeReviewStatusFor(trx, agentId),
          })
          .execute();
        await insertOutcomeSources(trx, outcomeId, provenance.answers);
        // How well the citizen understood the policies discussed, with the outcome (policies.md).
        await recordPolicyFeedback(trx, {
          outcomeId,
          contact,
          agentId,
          feedback: input.policyFeedback ?? [],
          now,
        });
        if (input.followUp) {
          await trx
            .insertInto('follow_ups')
            .values({
              id: randomUUID(),
              contact_id: contact.id,
              outcome_id: outcomeId,
              title: input.followUp.title,
              due_at: input.followUp.dueAt,
              owner_id: input.followUp.ownerId,
              status: 'open',
              created_by: agentId,
              created_at: now,
            })
            .execute();
        }
        const closed = await trx
          .updateTable('contacts')
          .set((eb) => ({ status: 'closed', closed_at: now, version: eb('version', '+', 1) }))
          .where('id', '=', contact.id)
          .where('status', '=', 'active')
          .where('assigned_agent_id', '=', agentId)
          .executeTakeFirst();
        if (closed.numUpdatedRows === 0n)
          throw new AppError('conflict', 'This conversation changed meanwhile.');
        const [state, queue] = await Promise.all([
          loadAgentState(trx, agentId),
          trx
            .selectFrom('queues')
            .select('after_contact_work_ms')
            .where('id', '=', contact.queue_id)
            .executeTakeFirst(),
        ]);
        const wrapUp = state
          ? afterContactClosed(state.presence as Presence, queue?.after_contact_work_ms ?? 0, now)
          : undefined;
        if (wrapUp) {
          await updatePresence(trx, agentId, {
            presence: wrapUp.presence,
            at: now,
            until: wrapUp.until,
            idleSince: now,
          });
        } else {
          await bumpAgentVersion(trx, agentId, { idleSince: now });
        }
        await recordContactEvent(trx, {
          contactId: contact.id,
          kind: 'closed',
          at: now,
          actorId: agentId,
        });
        // A request that needs more than an answer becomes a case with the outcome, atomically.
        if (input.case) {
          await this.cases.openInTx(
            trx,
            { id: agentId, role: 'agent' },
            input.case,
            now,
            contact.id,
          );
        }
        const [saved] = await loadOutcomeRecords(trx, { contactIds: [contact.id], limit: 1 });
        if (!saved) throw new AppError('internal', 'The outcome could not be read back.');
        return saved;
      },
    );
    if (!isFirst) return record;
    const leads = leadRoomsOfTeam(
      (await loadTeamsOfUsers(this.ctx.db, [agentId])).get(agentId) ?? null,
      await loadTeamDirectory(this.ctx.db),
    );
    this.ctx.publisher.publish(
      [rooms.user(agentId), ...leads, rooms.monitor(agentId)],
      'outcome:logged',
      record,
    );
    await publishContactsUpdated(this.ctx, [record.contact.id]);
    if (record.cases && record.cases.length > 0) {
      await this.cases.publishChanged(record.cases.map((linked) => linked.id));
    }
    await publishAgentsChanged(this.ctx, [agentId]);
    await publishPolicyActivity(
      this.ctx,
      (input.policyFeedback ?? []).map((feedback) => feedback.policyId),
    );
    void this.queueState.changed();
    void this.routing.requestPass();
    return record;
  }
}
