import { randomUUID } from 'node:crypto';
import { scoreEvaluation } from '../../../shared/domain/evaluation-scoring';
import type { CommandPayload } from '../../../shared/protocol/events';
import {
  EvaluationSchema,
  type Evaluation,
  type EvaluationForm,
  type EvaluationFormBody,
} from '../../../shared/schemas/evaluation';
import type { User } from '../../../shared/schemas/user';
import { rooms } from '../../realtime/rooms';
import { appendAudit } from '../audit/repository';
import { AppError } from '../app-error';
import { runOnce } from '../command-results';
import type { ServiceContext } from '../context';
import { loadEvaluationForms, loadEvaluations } from './repository';
import { mayCoachAgent } from '../../../shared/domain/approval-policy';
import { asTeamMember, loadTeamDirectory } from '../team-lead/directory';

const EVALUATIONS_LISTED = 100;

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

  async replaceForm(by: User, formId: string, body: EvaluationFormBody): Promise<EvaluationForm> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('evaluation_forms')
        .select('version')
        .where('id', '=', formId)
        .executeTakeFirst();
      const values = {
        title: body.title,
        pass_percent: body.passPercent,
        sections: JSON.stringify(body.sections),
        updated_by: by.id,
        updated_at: now,
      };
      if (existing) {
        await trx
          .updateTable('evaluation_forms')
          .set({ ...values, version: existing.version + 1 })
          .where('id', '=', formId)
          .execute();
      } else {
        await trx
          .insertInto('evaluation_forms')
          .values({ id: formId, ...values, version: 1 })
          .execute();
      }
    });
    const [form] = await loadEvaluationForms(this.ctx.db, { id: formId });
    return form!;
  }

  /** Agents see their own; trainers trainees'; leads and administrators everyone's. */
  list(viewer: User, agentId: string | undefined): Promise<Evaluation[]> {
    if (viewer.role === 'agent') {
      return loadEvaluations(this.ctx.db, { agentId: viewer.id, limit: EVALUATIONS_LISTED });
    }
    return loadEvaluations(this.ctx.db, {
      ...(agentId ? { agentId } : {}),
      onlyTrainees: viewer.role === 'trainer',
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
        const contact = await trx
          .selectFrom('contacts')
          .innerJoin('users', 'users.id', 'contacts.assigned_agent_id')
          .select([
            'contacts.id',
            'contacts.assigned_agent_id',
            'users.is_trainee',
            'users.role',
            'users.team_id',
          ])
          .where('contacts.id', '=', input.contactId)
          .executeTakeFirst();
        if (!contact?.assigned_agent_id || contact.role !== 'agent') {
          throw new AppError('not_found', 'No conversation an agent handled with this id.');
        }
        const agent = { isTrainee: contact.is_trainee === 1, teamId: contact.team_id };
        if (!mayCoachAgent(asTeamMember(evaluator), agent, await loadTeamDirectory(trx))) {
          throw new AppError(
            'forbidden',
            'Trainers evaluate trainees, leads the agents of their own team.',
          );
        }
        const [form] = await loadEvaluationForms(trx, { id: input.formId });
        if (!form) {
          throw new AppError('invalid_payload', 'No such form.', [
            { path: 'formId', message: 'no such form' },
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
            contact_id: contact.id,
            agent_id: contact.assigned_agent_id,
            evaluator_id: evaluator.id,
            answers: JSON.stringify(input.answers),
            score: JSON.stringify(scored.score),
            comment: input.comment,
            created_at: now,
          })
          .execute();
        // The review a trainee's outcome waited for.
        await trx
          .updateTable('outcomes')
          .set({ review_status: 'reviewed', reviewed_by: evaluator.id, reviewed_at: now })
          .where('contact_id', '=', contact.id)
          .where('review_status', '=', 'pending_review')
          .execute();
        await appendAudit(trx, {
          at: now,
          actorId: evaluator.id,
          caseId: null,
          action: 'evaluation.recorded',
          data: {
            evaluationId: id,
            contactId: contact.id,
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
