import {
  answerStep,
  currentStepId,
  stepBack,
  type ScriptProgress,
} from '../../../shared/domain/guided-script';
import type { CommandPayload } from '../../../shared/protocol/events';
import type { ScriptState } from '../../../shared/schemas/contact';
import { rooms } from '../../realtime/rooms';
import { AppError } from '../app-error';
import type { ServiceContext } from '../context';
import { loadPinnedScript, scriptStateOf, type PinnedScript } from './repository';

const REFUSALS = {
  finished: 'The script is finished; go back a step to change an answer.',
  'answer-required': "This step needs the citizen's answer.",
  'unknown-answer': 'That is not one of the answers of this step.',
  'no-answers': 'This step has no answers to choose.',
} as const;

/**
 * The holder of a conversation moves through its script; their other tabs and anyone monitoring
 * them follow live. Each move names the step it was made at, so a double click or a stale tab
 * cannot move twice: it gets `conflict` and the current state.
 */
export class ScriptService {
  constructor(private readonly ctx: ServiceContext) {}

  answer(agentId: string, input: CommandPayload<'script:answer'>): Promise<ScriptState> {
    return this.move(agentId, input.contactId, input.atStepId, (pin) => {
      const moved = answerStep(pin.definition, pin.progress, input.optionId);
      if (!moved.ok) {
        throw new AppError('invalid_payload', REFUSALS[moved.reason], [
          { path: 'optionId', message: REFUSALS[moved.reason] },
        ]);
      }
      return moved.progress;
    });
  }

  back(agentId: string, input: CommandPayload<'script:back'>): Promise<ScriptState> {
    return this.move(agentId, input.contactId, input.atStepId, (pin) => stepBack(pin.progress));
  }

  private async move(
    agentId: string,
    contactId: string,
    atStepId: string,
    next: (pin: PinnedScript) => ScriptProgress,
  ): Promise<ScriptState> {
    const { db, clock } = this.ctx;
    const state = await db.transaction().execute(async (trx) => {
      const contact = await trx
        .selectFrom('contacts')
        .select(['assigned_agent_id', 'status'])
        .where('id', '=', contactId)
        .executeTakeFirst();
      if (!contact) throw new AppError('not_found', 'No such contact.');
      if (contact.assigned_agent_id !== agentId || contact.status !== 'active') {
        throw new AppError('forbidden', 'This conversation is not assigned to you.');
      }
      const pin = await loadPinnedScript(trx, contactId);
      if (!pin) throw new AppError('not_found', 'This conversation has no script.');
      if (currentStepId(pin.progress) !== atStepId) {
        throw new AppError('conflict', 'The script moved on meanwhile; it shows where it is now.');
      }
      const progress = next(pin);
      const saved = await trx
        .updateTable('conversation_scripts')
        .set({
          progress: JSON.stringify(progress),
          revision: pin.revision + 1,
          updated_at: clock.now(),
        })
        .where('contact_id', '=', contactId)
        .where('revision', '=', pin.revision)
        .executeTakeFirst();
      if (saved.numUpdatedRows === 0n) {
        throw new AppError('conflict', 'The script moved on meanwhile; it shows where it is now.');
      }
      return scriptStateOf({ ...pin, progress, revision: pin.revision + 1 });
    });
    this.ctx.publisher.publish(
      [rooms.user(agentId), rooms.monitor(agentId)],
      'script:progress-changed',
      state,
    );
    return state;
  }
}
