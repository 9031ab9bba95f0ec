import { randomUUID } from 'node:crypto';
import { scoreEvaluation } from '../../../shared/domain/evaluation-scoring';
import type { CommandPayload } from '../../../shared/protocol/events';
import {
  EvaluationSchema,
  type Evaluation,
  type ConversationHandler,
  type EvaluationForm,
  type EvaluationFormBody,
  type EvaluationFormVersion,
  type HandledConversation,
} from '../../../shared/schemas/evaluation';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { appendAudit } from '../audit/repository';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import {
  loadEvaluationFormVersion,
  loadEvaluationForms,
  loadEvaluations,
  loadHandledConversations,
  loadHolderTrail,
} from './repository';
import { lockRow } from '../../store/row-lock';
import { conversationHandlers } from '../../../shared/domain/conversation-handlers';
import { decideFormSave } from '../../../shared/domain/evaluation-form-versions';
import { mayCoachAgent } from '../../../shared/domain/approval-policy';
import { asTeamMember, loadTeamDirectory } from '../team-lead/directory';

const EVALUATIONS_LISTED = 100;
const HANDLED_LISTED = 20;

/**
 * Evaluation forms and the evaluations made with them (docs/training.md). A trainer scores a
 * trainee's conversation (a lead or administrator anyone's), live or afterwards; the agent sees
 * the result and acknowledges it. Scoring one reviews the outcome it closed with, so a trainee's
 * outcome held for review counts from then on.
 */
export class EvaluationService {
  constructor(private readonly ctx: ServiceContext) {}

  forms(): Promise<EvaluationForm[]> {
    return loadEvaluationForms(this.ctx.db);
  }

  /** One version of a form as it was saved; an evaluation shows the questions it was scored on. */
  async formVersion(formId: string, version: number): Promise<EvaluationFormVersion> {
    const found = await loadEvaluationFormVersion(this.ctx.db, formId, version);
    if (!found) throw new AppError('not_found', 'No such form version.');
    return found;
  }

  /**
   * Creates the form or saves a change to it. A version an evaluation used stays as it was: the
   * change becomes a new version (shared/domain/evaluation-form-versions.ts).
   */
  async replaceForm(by: User, formId: string, body: EvaluationFormBody): Promise<EvaluationForm> {
    const now = this.ctx.clock.now();
    const saved = await this.ctx.db.transaction().execute(async (trx) => {
      // An evaluation being recorded with this form waits, so it cannot land on a version
      // that changes under it (and the other way round).
      await lockRow(trx, 'evaluation_forms', formId);
      const [current] = await loadEvaluationForms(trx, { id: formId });
      const decision = decideFormSave(
        current
          ? {
              version: current.version,
              body: {
                title: current.title,
                passPercent: current.passPercent,
                sections: current.sections,
              },
              evaluations: current.currentVersionEvaluations,
            }
          : null,
        body,
      );
      if (decision.kind === 'unchanged') return decision;
      const values = {
        title: body.title,
        pass_percent: body.passPercent,
        sections: JSON.stringify(body.sections),
      };
      if (decision.kind === 'create') {
        const inserted = await trx
          .insertInto('evaluation_forms')
          .values({ id: formId, ...values, version: 1, updated_by: by.id, updated_at: now })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (!inserted.numInsertedOrUpdatedRows) {
          throw new AppError('conflict', 'A form with this id was created meanwhile.');
        }
      } else {
        await trx
          .updateTable('evaluation_forms')
          .set({ ...values, version: decision.version, updated_by: by.id, updated_at: now })
          .where('id', '=', formId)
          .execute();
      }
      const versionRow = { ...values, saved_by: by.id, saved_at: now };
      if (decision.kind === 'replace') {
        await trx
          .updateTable('evaluation_form_versions')
          .set(versionRow)
          .where('form_id', '=', formId)
          .where('version', '=', decision.version)
          .execute();
      } else {
        await trx
          .insertInto('evaluation_form_versions')
          .values({ form_id: formId, version: decision.version, ...versionRow })
          .execute();
      }
      await appendAudit(trx, {
        at: now,
        actorId: by.id,
        caseId: null,
        action: 'evaluation_form.saved',
        data: { formId, version: decision.version, change: decision.kind },
      });
      return decision;
    });
    const [form] = await loadEvaluationForms(this.ctx.db, { id: formId });
    if (!form) throw new AppError('internal', 'The form could not be read back.');
    if (saved.kind !== 'unchanged') this.publishForm(form);
    return form;
  }

  /** Archives a form (offered for no new evaluation; its evaluations stay) or brings it back. */
  async setArchived(by: User, formId: string, isArchived: boolean): Promise<EvaluationForm> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      const changed = await trx
        .updateTable('evaluation_forms')
        .set(
          isArchived
            ? { archived_at: now, archived_by: by.id }
            : { archived_at: null, archived_by: null },
        )
        .where('id', '=', formId)
        .where('archived_at', isArchived ? 'is' : 'is not', null)
        .executeTakeFirst();
      if (changed.numUpdatedRows === 0n) {
        const exists = await trx
          .selectFrom('evaluation_forms')
          .select('id')
          .where('id', '=', formId)
          .executeTakeFirst();
        if (!exists) throw new AppError('not_found', 'No such form.');
        return;
      }
      await appendAudit(trx, {
        at: now,
        actorId: by.id,
        caseId: null,
        action: isArchived ? 'evaluation_form.archived' : 'evaluation_form.restored',
        data: { formId },
      });
    });
    const [form] = await loadEvaluationForms(this.ctx.db, { id: formId });
    if (!form) throw new AppError('not_found', 'No such form.');
    this.publishForm(form);
    return form;
  }

  /** The conversations an agent took lately, for their coaches to evaluate afterwards. */
  async handledConversations(viewer: User, agentId: string): Promise<HandledConversation[]> {
    const { db } = this.ctx;
    const agent = await db
      .selectFrom('users')
      .select(['id', 'role', 'is_trainee', 'team_id'])
      .where('id', '=', agentId)
      .executeTakeFirst();
    if (agent?.role !== 'agent') throw new AppError('not_found', 'No such agent.');
    const evaluated = { isTrainee: agent.is_trainee === 1, teamId: agent.team_id };
    if (!mayCoachAgent(asTeamMember(viewer), evaluated, await loadTeamDirectory(db))) {
      throw new AppError(
        'forbidden',
        'Trainers evaluate trainees, leads the agents of their own team.',
      );
    }
    return loadHandledConversations(db, agentId, HANDLED_LISTED);
  }

  /**
   * The agents who handled a conversation, each marked whether the viewer may evaluate them.
   * A viewer who may evaluate none of them is not told who they were.
   */
  async handlers(viewer: User, contactId: string): Promise<ConversationHandler[]> {
    const { db } = this.ctx;
    const trail = await loadHolderTrail(db, contactId);
    if (!trail) throw new AppError('not_found', 'No such conversation.');
    const ids = conversationHandlers(trail.events, trail.currentHolderId);
    if (ids.length === 0) return [];
    const [users, directory] = await Promise.all([
      db
        .selectFrom('users')
        .select(['id', 'display_name', 'is_trainee', 'team_id', 'role'])
        .where('id', 'in', ids)
        .execute(),
      loadTeamDirectory(db),
    ]);
    const byId = new Map(users.map((user) => [user.id, user]));
    const viewerMember = asTeamMember(viewer);
    const handlers = ids.flatMap((id) => {
      const user = byId.get(id);
      if (user?.role !== 'agent') return [];
      const agent = { isTrainee: user.is_trainee === 1, teamId: user.team_id };
      return [
        {
          agentId: user.id,
          name: user.display_name,
          isTrainee: agent.isTrainee,
          mayEvaluate: mayCoachAgent(viewerMember, agent, directory),
        },
      ];
    });
    if (!handlers.some((handler) => handler.mayEvaluate)) {
      throw new AppError(
        'forbidden',
        'You coach none of the agents who handled this conversation.',
      );
    }
    return handlers;
  }

  /**
   * Agents see their own; the others those of the agents they coach (`mayCoachAgent`): trainers
   * trainees', leads their own team's, administrators everyone's.
   */
  async list(viewer: User, agentId: string | undefined): Promise<Evaluation[]> {
    const { db } = this.ctx;
    if (viewer.role === 'agent') {
      return loadEvaluations(db, { agentId: viewer.id, limit: EVALUATIONS_LISTED });
    }
    const directory = await loadTeamDirectory(db);
    if (agentId) {
      const agent = await db
        .selectFrom('users')
        .select(['is_trainee', 'team_id'])
        .where('id', '=', agentId)
        .where('role', '=', 'agent')
        .executeTakeFirst();
      if (!agent) throw new AppError('not_found', 'No such agent.');
      const coachable = { isTrainee: agent.is_trainee === 1, teamId: agent.team_id };
      if (!mayCoachAgent(asTeamMember(viewer), coachable, directory)) {
        throw new AppError('forbidden', 'You do not coach this agent.');
      }
      return loadEvaluations(db, { agentId, limit: EVALUATIONS_LISTED });
    }
    return loadEvaluations(db, {
      onlyTrainees: viewer.role === 'trainer',
      ...(viewer.role === 'lead'
        ? {
            agentsOverseenBy: {
              teamId: viewer.teamId,
              teamsWithLeads: [...directory.teamsWithLeads],
            },
          }
        : {}),
      limit: EVALUATIONS_LISTED,
    });
  }

  async submit(evaluator: User, input: CommandPayload<'evaluation:submit'>): Promise<Evaluation> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: evaluator.id,
        name: 'evaluation:submit',
        result: EvaluationSchema,
        now,
      },
      async (trx) => {
        const trail = await loadHolderTrail(trx, input.contactId);
        if (!trail) throw new AppError('not_found', 'No such conversation.');
        const handled = conversationHandlers(trail.events, trail.currentHolderId);
        const agent = await trx
          .selectFrom('users')
          .select(['id', 'is_trainee', 'team_id', 'role'])
          .where('id', '=', input.agentId)
          .executeTakeFirst();
        if (!agent || agent.role !== 'agent' || !handled.includes(agent.id)) {
          throw new AppError('invalid_payload', 'This agent did not handle this conversation.', [
            { path: 'agentId', message: 'did not handle this conversation' },
          ]);
        }
        const evaluated = { isTrainee: agent.is_trainee === 1, teamId: agent.team_id };
        if (!mayCoachAgent(asTeamMember(evaluator), evaluated, await loadTeamDirectory(trx))) {
          throw new AppError(
            'forbidden',
            'Trainers evaluate trainees, leads the agents of their own team.',
          );
        }
        await lockRow(trx, 'evaluation_forms', input.formId);
        const [form] = await loadEvaluationForms(trx, { id: input.formId });
        if (!form || form.isArchived) {
          throw new AppError('invalid_payload', 'No such form in use.', [
            { path: 'formId', message: form ? 'the form is archived' : 'no such form' },
          ]);
        }
        const scored = scoreEvaluation(form, input.answers);
        if (!scored.ok) {
          throw new AppError(
            'invalid_payload',
            'The answers do not fit the form.',
            scored.problems.map((problem) => ({
              path: `answers.${problem.questionId}`,
              message: problem.message,
            })),
          );
        }
        const id = randomUUID();
        await trx
          .insertInto('evaluations')
          .values({
            id,
            form_id: form.id,
            form_version: form.version,
            form_title: form.title,
            contact_id: input.contactId,
            agent_id: agent.id,
            evaluator_id: evaluator.id,
            answers: JSON.stringify(input.answers),
            score: JSON.stringify(scored.score),
            comment: input.comment,
            created_at: now,
          })
          .execute();
        // The review a trainee's outcome waited for: that trainee's, not another handler's.
        await trx
          .updateTable('outcomes')
          .set({ review_status: 'reviewed', reviewed_by: evaluator.id, reviewed_at: now })
          .where('contact_id', '=', input.contactId)
          .where('agent_id', '=', agent.id)
          .where('review_status', '=', 'pending_review')
          .execute();
        await appendAudit(trx, {
          at: now,
          actorId: evaluator.id,
          caseId: null,
          action: 'evaluation.recorded',
          data: {
            evaluationId: id,
            contactId: input.contactId,
            agentId: agent.id,
            formVersion: form.version,
            percent: scored.score.percent,
            isPassed: scored.score.isPassed,
          },
        });
        const [saved] = await loadEvaluations(trx, { ids: [id], limit: 1 });
        if (!saved) throw new AppError('internal', 'The evaluation could not be read back.');
        return saved;
      },
    );
    if (isFirst) this.publish(result);
    return result;
  }

  async acknowledge(
    agent: User,
    input: CommandPayload<'evaluation:acknowledge'>,
  ): Promise<Evaluation> {
    const { db, clock } = this.ctx;
    const now = clock.now();
    const { result, isFirst } = await runOnce(
      db,
      {
        commandId: input.commandId,
        userId: agent.id,
        name: 'evaluation:acknowledge',
        result: EvaluationSchema,
        now,
      },
      async (trx) => {
        const row = await trx
          .selectFrom('evaluations')
          .select(['id', 'agent_id', 'acknowledged_at'])
          .where('id', '=', input.evaluationId)
          .executeTakeFirst();
        if (!row || row.agent_id !== agent.id) {
          throw new AppError('not_found', 'No evaluation of yours with this id.');
        }
        if (row.acknowledged_at !== null) {
          throw new AppError('conflict', 'You acknowledged this evaluation already.');
        }
        await trx
          .updateTable('evaluations')
          .set({ acknowledged_at: now, acknowledgement_note: input.note ?? null })
          .where('id', '=', row.id)
          .where('acknowledged_at', 'is', null)
          .execute();
        const [saved] = await loadEvaluations(trx, { ids: [row.id], limit: 1 });
        if (!saved) throw new AppError('internal', 'The evaluation could not be read back.');
        return saved;
      },
    );
    if (isFirst) this.publish(result);
    return result;
  }

  /** Everyone who reads forms refreshes them: the editor, and the evaluation panel's choice. */
  private publishForm(form: EvaluationForm): void {
    this.ctx.publisher.publish(
      [rooms.trainers, rooms.admins, rooms.leads],
      'evaluation-form:changed',
      form,
    );
  }

  /** The evaluated agent (only them among agents), the evaluator, and whoever follows the agent. */
  private publish(evaluation: Evaluation): void {
    this.ctx.publisher.publish(
      [
        rooms.user(evaluation.agentId),
        rooms.user(evaluation.evaluatorId),
        rooms.monitor(evaluation.agentId),
      ],
      'evaluation:changed',
      evaluation,
    );
  }
}
