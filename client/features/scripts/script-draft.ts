/**
 * Changes the editor makes to a draft's definition, free of React: each returns a new definition.
 * Steps get stable ids (`langkah-3`) that links refer to; answers get ids from their labels
 * (only the version that carries them uses them, so renaming an answer in a draft is harmless).
 */
import {
  answerStep,
  checkScript,
  currentStepId,
  scriptProblemPath,
  startProgress,
  type ScriptDefinition,
  type ScriptOptionDef,
  type ScriptProblem,
  type ScriptProgress,
  type ScriptStepDef,
} from '../../../shared/domain/guided-script';
import type { SegmentCode } from '../../../shared/schemas/common';
import { ScriptDraftBodySchema } from '../../../shared/schemas/script';

function uniqueId(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
  }
}

/** `Sudah terdaftar` → `sudah-terdaftar`: lowercase letters, digits and dashes. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

function mapStep(
  definition: ScriptDefinition,
  stepId: string,
  change: (step: ScriptStepDef) => ScriptStepDef,
): ScriptDefinition {
  return {
    ...definition,
    steps: definition.steps.map((step) => (step.id === stepId ? change(step) : step)),
  };
}

/**
 * A new empty step at the end, leading nowhere and reached from nowhere yet: the editor flags it
 * until a step or an answer leads to it (linking it silently would change a route unasked).
 */
export function addStep(definition: ScriptDefinition): {
  definition: ScriptDefinition;
  stepId: string;
} {
  const taken = definition.steps.map((step) => step.id);
  const stepId = uniqueId(`langkah-${definition.steps.length + 1}`, taken);
  return {
    definition: {
      startStepId: definition.steps.length === 0 ? stepId : definition.startStepId,
      steps: [...definition.steps, { id: stepId, title: '', text: '', next: null }],
    },
    stepId,
  };
}

/** Removes a step; links that led to it now end the script. */
export function removeStep(definition: ScriptDefinition, stepId: string): ScriptDefinition {
  const unlink = (next: string | null | undefined) => (next === stepId ? null : next);
  const steps = definition.steps
    .filter((step) => step.id !== stepId)
    .map((step) =>
      step.options !== undefined
        ? { ...step, options: step.options.map((o) => ({ ...o, next: unlink(o.next) ?? null })) }
        : { ...step, next: unlink(step.next) },
    );
  return {
    startStepId: definition.startStepId === stepId ? (steps[0]?.id ?? '') : definition.startStepId,
    steps,
  };
}

/** Moves a step up (-1) or down (+1) in the list; the route does not change. */
export function moveStep(
  definition: ScriptDefinition,
  stepId: string,
  delta: -1 | 1,
): ScriptDefinition {
  const from = definition.steps.findIndex((step) => step.id === stepId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= definition.steps.length) return definition;
  const steps = [...definition.steps];
  [steps[from], steps[to]] = [steps[to]!, steps[from]!];
  return { ...definition, steps };
}

export type StepPatch = Partial<Pick<ScriptStepDef, 'title' | 'text' | 'isRequired' | 'next'>>;

export function updateStep(
  definition: ScriptDefinition,
  stepId: string,
  patch: StepPatch,
): ScriptDefinition {
  return mapStep(definition, stepId, (step) => {
    const changed = { ...step, ...patch };
    if (changed.isRequired === false) delete changed.isRequired;
    return changed;
  });
}

/** The segment's plainer words; empty text removes the variant. */
export function setPlainText(
  definition: ScriptDefinition,
  stepId: string,
  segment: SegmentCode,
  text: string | undefined,
): ScriptDefinition {
  return mapStep(definition, stepId, (step) => {
    const plainText = { ...step.plainText };
    if (text === undefined) delete plainText[segment];
    else plainText[segment] = text;
    const { plainText: _old, ...rest } = step;
    return Object.keys(plainText).length > 0 ? { ...rest, plainText } : rest;
  });
}

/**
 * A step either asks the citizen (answers, each with its own next step) or goes on by itself.
 * Turning one into the other keeps where it led: the first answer takes over the next step.
 */
export function setAsksCitizen(
  definition: ScriptDefinition,
  stepId: string,
  asks: boolean,
): ScriptDefinition {
  return mapStep(definition, stepId, (step) => {
    const { options, next, ...rest } = step;
    if (asks) {
      if (options !== undefined) return step;
      return { ...rest, options: [{ id: 'jawaban-1', label: '', next: next ?? null }] };
    }
    if (options === undefined) return step;
    return { ...rest, next: options[0]?.next ?? null };
  });
}

export function addOption(definition: ScriptDefinition, stepId: string): ScriptDefinition {
  return mapStep(definition, stepId, (step) => {
    const options = step.options ?? [];
    const id = uniqueId(
      `jawaban-${options.length + 1}`,
      options.map((o) => o.id),
    );
    return { ...step, options: [...options, { id, label: '', next: null }] };
  });
}

export function removeOption(
  definition: ScriptDefinition,
  stepId: string,
  index: number,
): ScriptDefinition {
  return mapStep(definition, stepId, (step) => ({
    ...step,
    options: (step.options ?? []).filter((_, i) => i !== index),
  }));
}

/** A new label also renames the answer's id after it (`Belum terdaftar` → `belum-terdaftar`). */
export function updateOption(
  definition: ScriptDefinition,
  stepId: string,
  index: number,
  patch: Partial<Pick<ScriptOptionDef, 'label' | 'next'>>,
): ScriptDefinition {
  return mapStep(definition, stepId, (step) => {
    const options = step.options ?? [];
    return {
      ...step,
      options: options.map((option, i) => {
        if (i !== index) return option;
        const changed = { ...option, ...patch };
        if (patch.label !== undefined) {
          const others = options.filter((_, j) => j !== index).map((o) => o.id);
          changed.id = uniqueId(slugOf(patch.label) || `jawaban-${index + 1}`, others);
        }
        return changed;
      }),
    };
  });
}

/** What the author writes; the save adds the version it started from. */
const DraftContentSchema = ScriptDraftBodySchema.pick({ title: true, definition: true });

/** Something wrong with the draft, where it lies, ready to be worded in the user's language. */
export type DraftProblem =
  | { source: 'route'; path: (string | number)[]; problem: ScriptProblem }
  | {
      source: 'field';
      path: (string | number)[];
      reason: 'required' | 'tooShort' | 'tooLong' | 'idFormat' | 'needsAnswer' | 'invalid';
    };

/**
 * Everything that keeps the draft from being saved: the same checks the server makes (the shared
 * schema's limits, and `checkScript`), each at the path of its field. The routes are checked even
 * while a field is still empty, so a broken link shows at once.
 */
export function draftProblems(title: string, definition: ScriptDefinition): DraftProblem[] {
  const parsed = DraftContentSchema.safeParse({ title, definition });
  const fields: DraftProblem[] = parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => issue.code !== 'custom')
        .map((issue) => ({
          source: 'field' as const,
          path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
          reason: reasonOf(issue),
        }));
  const routes: DraftProblem[] = checkScript(definition).map((problem) => ({
    source: 'route',
    path: ['definition', ...scriptProblemPath(definition, problem)],
    problem,
  }));
  return [...fields, ...routes];
}

function reasonOf(issue: {
  code: string;
  minimum?: unknown;
  path: readonly PropertyKey[];
}): Extract<DraftProblem, { source: 'field' }>['reason'] {
  if (issue.code === 'too_small') {
    if (issue.path[issue.path.length - 1] === 'options') return 'needsAnswer';
    return issue.minimum === 1 ? 'required' : 'tooShort';
  }
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.code === 'invalid_format') return 'idFormat';
  return 'invalid';
}

/** The index of the step a problem belongs to, or undefined for the draft as a whole. */
export function stepIndexOf(problem: DraftProblem): number | undefined {
  const [root, steps, index] = problem.path;
  return root === 'definition' && steps === 'steps' && typeof index === 'number'
    ? index
    : undefined;
}

/**
 * The preview's progress after the definition changed: the same answers again from the start,
 * as far as they still fit.
 */
export function replayProgress(
  definition: ScriptDefinition,
  progress: ScriptProgress,
): ScriptProgress {
  let replayed = startProgress(definition);
  const answered = progress.isFinished ? progress.path : progress.path.slice(0, -1);
  for (const move of answered) {
    if (replayed.isFinished || currentStepId(replayed) !== move.stepId) break;
    const moved = answerStep(definition, replayed, move.optionId);
    if (!moved.ok) break;
    replayed = moved.progress;
  }
  return replayed;
}

/** The preview can walk a definition whose routes hold, even with a variable misspelt. */
export function isWalkable(definition: ScriptDefinition): boolean {
  return checkScript(definition).every((problem) => problem.kind === 'unknown-variable');
}
