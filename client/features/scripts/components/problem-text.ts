import type { TFunction } from 'i18next';
import { SCRIPT_VARIABLES, type ScriptDefinition } from '../../../../shared/domain/guided-script';
import type { DraftProblem } from '../script-draft';

/** A problem in the user's language, naming the step by its title (its id while untitled). */
export function problemText(
  problem: DraftProblem,
  definition: ScriptDefinition,
  t: TFunction,
): string {
  if (problem.source === 'field') return t(`scripts.problem.${problem.reason}`);
  const { problem: found } = problem;
  const step = definition.steps.find((s) => s.id === found.stepId)?.title || found.stepId;
  switch (found.kind) {
    case 'unknown-next':
      return t('scripts.problem.unknown-next', { step, next: found.next });
    case 'duplicate-option':
      return t('scripts.problem.duplicate-option', { step, option: found.optionId });
    case 'unknown-variable':
      return t('scripts.problem.unknown-variable', {
        variable: `{${found.variable}}`,
        known: SCRIPT_VARIABLES.map((name) => `{${name}}`).join(', '),
      });
    default:
      return t(`scripts.problem.${found.kind}`, { step });
  }
}
