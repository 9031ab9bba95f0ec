/**
 * Guided scripts: steps that branch on the citizen's answers, with required steps and a
 * plain-language variant per caller segment. Pure: the server stores the definition and each
 * conversation's progress; the desk renders them (docs/scripts.md).
 */
import type { SegmentCode } from '../schemas/common';
import type { ScriptStep } from '../schemas/contact';
import { fillTemplate } from './template';

export interface ScriptOptionDef {
  id: string;
  /** The citizen's answer as the agent hears it, e.g. "Sudah terdaftar". */
  label: string;
  /** The step this answer leads to; null ends the script. */
  next: string | null;
}

export interface ScriptStepDef {
  id: string;
  title: string;
  /** What the agent says, with `{caller.name}`-style variables. */
  text: string;
  /** Plainer words for a segment (e.g. the general public), used instead of `text` for it. */
  plainText?: Partial<Record<SegmentCode, string>>;
  /** The agent must get past this step whenever the conversation's route passes it. */
  isRequired?: boolean;
  /** The citizen's possible answers; without options the step goes on to `next`. */
  options?: ScriptOptionDef[];
  next?: string | null;
}

export interface ScriptDefinition {
  startStepId: string;
  steps: ScriptStepDef[];
}

/** One step taken: the step, and the answer given there (null for a step without options). */
export interface ScriptMove {
  stepId: string;
  optionId: string | null;
}

/** Where a conversation is: the steps taken so far; the last one is the current step. */
export interface ScriptProgress {
  path: ScriptMove[];
  isFinished: boolean;
}

/**
 * The variables a step's text may use, filled from the caller and the conversation when the desk
 * renders the step (`{caller.name}`); any other `{name}` is a typo the editor refuses.
 */
export const SCRIPT_VARIABLES = ['caller.name', 'reference', 'agent.name'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export type ScriptProblem =
  | { kind: 'duplicate-step'; stepId: string }
  | { kind: 'missing-start'; stepId: string }
  | { kind: 'unknown-next'; stepId: string; next: string }
  | { kind: 'options-and-next'; stepId: string }
  | { kind: 'duplicate-option'; stepId: string; optionId: string }
  | { kind: 'unreachable'; stepId: string }
  | { kind: 'cycle'; stepId: string }
  /** `segment` is null for the step's own text, else the plain-language variant's segment. */
  | { kind: 'unknown-variable'; stepId: string; variable: string; segment: SegmentCode | null };

function nextsOf(step: ScriptStepDef): (string | null)[] {
  return step.options && step.options.length > 0
    ? step.options.map((option) => option.next)
    : [step.next ?? null];
}

/**
 * Everything wrong with a definition, or nothing. A script is a tree or a DAG of steps from its
 * start: every link leads to a step that exists, every step can be reached, and no route loops
 * (an agent who needs to repeat goes back).
 */
export function checkScript(definition: ScriptDefinition): ScriptProblem[] {
  const structural = checkStructure(definition);
  const variables = definition.steps.flatMap(unknownVariables);
  if (structural.length > 0) return [...structural, ...variables];
  return [...checkRoutes(definition), ...variables];
}

function unknownVariables(step: ScriptStepDef): ScriptProblem[] {
  const texts: [SegmentCode | null, string][] = [
    [null, step.text],
    ...(Object.entries(step.plainText ?? {}) as [SegmentCode, string][]),
  ];
  return texts.flatMap(([segment, text]) =>
    // With nothing to fill in, every variable the text uses comes back as missing.
    fillTemplate(text, {})
      .missing.filter((name) => !(SCRIPT_VARIABLES as readonly string[]).includes(name))
      .map((variable) => ({
        kind: 'unknown-variable' as const,
        stepId: step.id,
        variable,
        segment,
      })),
  );
}

/** Ids and links: every problem that makes the graph of steps meaningless to walk. */
function checkStructure(definition: ScriptDefinition): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const byId = new Map<string, ScriptStepDef>();
  for (const step of definition.steps) {
    if (byId.has(step.id)) problems.push({ kind: 'duplicate-step', stepId: step.id });
    byId.set(step.id, step);
  }
  if (!byId.has(definition.startStepId)) {
    problems.push({ kind: 'missing-start', stepId: definition.startStepId });
  }
  for (const step of definition.steps) {
    if (step.options && step.options.length > 0 && step.next !== undefined) {
      problems.push({ kind: 'options-and-next', stepId: step.id });
    }
    const optionIds = new Set<string>();
    for (const option of step.options ?? []) {
      if (optionIds.has(option.id)) {
        problems.push({ kind: 'duplicate-option', stepId: step.id, optionId: option.id });
      }
      optionIds.add(option.id);
    }
    for (const next of nextsOf(step)) {
      if (next !== null && !byId.has(next))
        problems.push({ kind: 'unknown-next', stepId: step.id, next });
    }
  }
  return problems;
}

/** Reachability and loops, on a definition whose links all lead somewhere. */
function checkRoutes(definition: ScriptDefinition): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  // Depth-first from the start: grey = on the current route, black = done.
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (id: string): void => {
    colour.set(id, 'grey');
    for (const next of nextsOf(byId.get(id)!)) {
      if (next === null) continue;
      const seen = colour.get(next);
      if (seen === 'grey') problems.push({ kind: 'cycle', stepId: next });
      else if (seen === undefined) visit(next);
    }
    colour.set(id, 'black');
  };
  visit(definition.startStepId);
  for (const step of definition.steps) {
    if (!colour.has(step.id)) problems.push({ kind: 'unreachable', stepId: step.id });
  }
  return problems;
}

/**
 * Where in the definition a problem lies, as a path (`['steps', 2, 'options', 0, 'next']`), so an
 * editor can show it beside the field and an HTTP 400 can name it. Among steps sharing an id, the
 * one that has the problem; a repeated id points at its last occurrence (the one that repeats).
 */
export function scriptProblemPath(
  definition: ScriptDefinition,
  problem: ScriptProblem,
): (string | number)[] {
  if (problem.kind === 'missing-start') return ['startStepId'];
  const stepWhere = (has: (step: ScriptStepDef) => boolean): [number, ScriptStepDef] => {
    const index = lastIndexWhere(definition.steps, (s) => s.id === problem.stepId && has(s));
    return [index, definition.steps[index]!];
  };
  switch (problem.kind) {
    case 'duplicate-step':
      return ['steps', stepWhere(() => true)[0], 'id'];
    case 'options-and-next': {
      const both = (s: ScriptStepDef) => (s.options ?? []).length > 0 && s.next !== undefined;
      return ['steps', stepWhere(both)[0], 'next'];
    }
    case 'duplicate-option': {
      const isIt = (o: ScriptOptionDef) => o.id === problem.optionId;
      const [index, step] = stepWhere((s) => (s.options ?? []).filter(isIt).length > 1);
      return ['steps', index, 'options', lastIndexWhere(step.options!, isIt), 'id'];
    }
    case 'unknown-next': {
      const leads = (s: ScriptStepDef) => nextsOf(s).includes(problem.next);
      const [index, step] = stepWhere(leads);
      const option = (step.options ?? []).findIndex((o) => o.next === problem.next);
      return option >= 0 ? ['steps', index, 'options', option, 'next'] : ['steps', index, 'next'];
    }
    case 'unknown-variable': {
      const { segment, variable } = problem;
      const textOf = (s: ScriptStepDef) => (segment === null ? s.text : s.plainText?.[segment]);
      const [index] = stepWhere((s) => (textOf(s) ?? '').includes(`{${variable}}`));
      return segment === null ? ['steps', index, 'text'] : ['steps', index, 'plainText', segment];
    }
    case 'unreachable':
    case 'cycle':
      return ['steps', stepWhere(() => true)[0]];
  }
}

function lastIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    if (predicate(items[index]!)) return index;
  }
  return -1;
}

/** A problem in plain English for an API error; the editor words it in the user's language. */
export function describeScriptProblem(problem: ScriptProblem): string {
  const step = `step "${problem.stepId}"`;
  switch (problem.kind) {
    case 'duplicate-step':
      return `${step} appears more than once`;
    case 'missing-start':
      return `the start step "${problem.stepId}" is not one of the steps`;
    case 'unknown-next':
      return `${step} leads to "${problem.next}", which is not a step`;
    case 'options-and-next':
      return `${step} has answers and a next step; the answers decide where to go`;
    case 'duplicate-option':
      return `${step} has the answer "${problem.optionId}" more than once`;
    case 'unreachable':
      return `${step} cannot be reached from the start`;
    case 'cycle':
      return `${step} is reached again on its own route (a loop); go back instead`;
    case 'unknown-variable':
      return `${step} uses {${problem.variable}}, which is not one of ${SCRIPT_VARIABLES.map((v) => `{${v}}`).join(', ')}`;
  }
}

export function startProgress(definition: ScriptDefinition): ScriptProgress {
  return { path: [{ stepId: definition.startStepId, optionId: null }], isFinished: false };
}

export function currentStepId(progress: ScriptProgress): string {
  return progress.path[progress.path.length - 1]!.stepId;
}

export type ScriptMoveResult =
  | { ok: true; progress: ScriptProgress }
  | { ok: false; reason: 'finished' | 'answer-required' | 'unknown-answer' | 'no-answers' };

/**
 * The agent goes on from the current step: with the citizen's answer when the step has options,
 * without one when it has none. The answer's (or the step's) next step becomes current; none
 * ends the script.
 */
export function answerStep(
  definition: ScriptDefinition,
  progress: ScriptProgress,
  optionId: string | null,
): ScriptMoveResult {
  if (progress.isFinished) return { ok: false, reason: 'finished' };
  const step = definition.steps.find((s) => s.id === currentStepId(progress))!;
  const options = step.options ?? [];
  let next: string | null;
  if (options.length > 0) {
    if (optionId === null) return { ok: false, reason: 'answer-required' };
    const option = options.find((o) => o.id === optionId);
    if (!option) return { ok: false, reason: 'unknown-answer' };
    next = option.next;
  } else {
    if (optionId !== null) return { ok: false, reason: 'no-answers' };
    next = step.next ?? null;
  }
  const taken = progress.path.slice(0, -1).concat({ stepId: step.id, optionId });
  return next === null
    ? { ok: true, progress: { path: taken, isFinished: true } }
    : {
        ok: true,
        progress: { path: [...taken, { stepId: next, optionId: null }], isFinished: false },
      };
}

/** One step back: the previous step is current again and its answer is open again. */
export function stepBack(progress: ScriptProgress): ScriptProgress {
  if (progress.isFinished) {
    const last = progress.path[progress.path.length - 1]!;
    return {
      path: [...progress.path.slice(0, -1), { stepId: last.stepId, optionId: null }],
      isFinished: false,
    };
  }
  if (progress.path.length <= 1) return progress;
  const previous = progress.path[progress.path.length - 2]!;
  return {
    path: [...progress.path.slice(0, -2), { stepId: previous.stepId, optionId: null }],
    isFinished: false,
  };
}

/**
 * Required steps the conversation has not got past yet and can still reach: the current step if
 * it is required, and every required step on some route ahead (the answers decide which route).
 * Empty once finished. The wrap-up shows them; it does not block on them.
 */
export function pendingRequiredSteps(
  definition: ScriptDefinition,
  progress: ScriptProgress,
): string[] {
  if (progress.isFinished) return [];
  const byId = new Map(definition.steps.map((step) => [step.id, step]));
  const ahead = new Set<string>();
  const stack = [currentStepId(progress)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (ahead.has(id)) continue;
    ahead.add(id);
    for (const next of nextsOf(byId.get(id)!)) if (next !== null) stack.push(next);
  }
  return definition.steps.filter((step) => step.isRequired && ahead.has(step.id)).map((s) => s.id);
}

/** What the agent reads: the segment's plain words where there are some, variables filled. */
export function renderStepText(
  step: ScriptStepDef,
  segment: SegmentCode,
  variables: Readonly<Record<string, string | null | undefined>>,
): { text: string; isPlain: boolean; missing: string[] } {
  const plain = step.plainText?.[segment];
  const { text, missing } = fillTemplate(plain ?? step.text, variables);
  return { text, isPlain: plain !== undefined, missing };
}

/** Every step as the agent reads it for one caller (the desk, and the editor's preview). */
export function renderScriptSteps(
  definition: ScriptDefinition,
  segment: SegmentCode,
  variables: Readonly<Record<string, string | null | undefined>>,
): ScriptStep[] {
  return definition.steps.map((step) => {
    const rendered = renderStepText(step, segment, variables);
    return {
      id: step.id,
      title: step.title,
      text: rendered.text,
      isPlain: rendered.isPlain,
      isRequired: step.isRequired === true,
      options: (step.options ?? []).map((option) => ({ id: option.id, label: option.label })),
    };
  });
}

/** A straight list of steps (the scripts from before branching) as a definition. */
export function linearScript(
  steps: { id: string; title: string; text: string }[],
): ScriptDefinition {
  return {
    startStepId: steps[0]?.id ?? '',
    steps: steps.map((step, index) => ({ ...step, next: steps[index + 1]?.id ?? null })),
  };
}
