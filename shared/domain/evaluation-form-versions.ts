/**
 * Evaluation forms and their versions (docs/training.md, "Evaluation forms"). Pure: the server
 * decides with it, the editor says beforehand what saving will do.
 *
 * An evaluation names the form version it was scored on, so a version an evaluation used never
 * changes: saving a changed form whose current version has evaluations makes a new version. A
 * version nobody used yet is still a draft of sorts and is changed in place, so a trainer fixing
 * a typo before the first evaluation does not leave a trail of versions nobody scored with.
 */
import type { Role } from '../schemas/common';
import type { EvaluationFormBody } from '../schemas/evaluation';

/** Trainers and administrators build and change forms; leads read them; agents see their results. */
export function mayEditEvaluationForms(role: Role): boolean {
  return role === 'trainer' || role === 'admin';
}

export function mayReadEvaluationForms(role: Role): boolean {
  return mayEditEvaluationForms(role) || role === 'lead';
}

export interface CurrentForm {
  version: number;
  body: EvaluationFormBody;
  /** Evaluations made with the current version. */
  evaluations: number;
}

export type FormSave =
  | { kind: 'create'; version: 1 }
  | { kind: 'unchanged'; version: number }
  | { kind: 'replace'; version: number }
  | { kind: 'new-version'; version: number };

/** What saving `next` over the form as it is does; `current` null: no form with this id yet. */
export function decideFormSave(current: CurrentForm | null, next: EvaluationFormBody): FormSave {
  if (current === null) return { kind: 'create', version: 1 };
  if (sameForm(current.body, next)) return { kind: 'unchanged', version: current.version };
  if (current.evaluations === 0) return { kind: 'replace', version: current.version };
  return { kind: 'new-version', version: current.version + 1 };
}

/** Equal in everything scoring or showing depends on, order included (reordering is a change). */
export function sameForm(a: EvaluationFormBody, b: EvaluationFormBody): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(form: EvaluationFormBody) {
  return {
    title: form.title,
    passPercent: form.passPercent,
    sections: form.sections.map((section) => ({
      id: section.id,
      title: section.title,
      questions: section.questions.map((question) => ({
        id: question.id,
        text: question.text,
        weight: question.weight,
        scaleMax: question.scaleMax,
        isCritical: question.isCritical,
        allowsNotApplicable: question.allowsNotApplicable,
      })),
    })),
  };
}

/** Moves the item at `from` to `to` (both clamped to the list); a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= result.length) return result;
  const target = Math.max(0, Math.min(result.length - 1, to));
  const [moved] = result.splice(from, 1);
  result.splice(target, 0, moved as T);
  return result;
}
