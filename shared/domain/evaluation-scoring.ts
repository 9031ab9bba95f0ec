/**
 * Scoring an evaluation form (docs/training.md, "Evaluations"). Pure: the server stores what it
 * computes, and the trainer's form shows the same figures while they fill it in.
 *
 * - A question earns `weight × value / scaleMax` points; "not applicable" (null) takes it out of
 *   the maximum (only where the question allows it).
 * - A critical question answered below its full mark fails the evaluation whatever the score.
 * - The evaluation passes when no critical question failed and the percentage reaches the form's
 *   pass mark. With nothing applicable asked the percentage is 100.
 */
import type { EvaluationAnswer, EvaluationFormBody, EvaluationScore } from '../schemas/evaluation';

export type ScoringProblem = { questionId: string; message: string };

export type ScoringResult =
  { ok: true; score: EvaluationScore } | { ok: false; problems: ScoringProblem[] };

type ScorableForm = Pick<EvaluationFormBody, 'passPercent' | 'sections'>;

/** Checks the answers against the form: every question answered once, each within its scale. */
export function checkAnswers(
  form: ScorableForm,
  answers: readonly EvaluationAnswer[],
): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const questions = new Map(
    form.sections.flatMap((section) => section.questions.map((q) => [q.id, q] as const)),
  );
  const answered = new Set<string>();
  for (const answer of answers) {
    const question = questions.get(answer.questionId);
    if (!question) {
      problems.push({ questionId: answer.questionId, message: 'no such question on this form' });
      continue;
    }
    if (answered.has(answer.questionId)) {
      problems.push({ questionId: answer.questionId, message: 'answered twice' });
      continue;
    }
    answered.add(answer.questionId);
    if (answer.value === null && !question.allowsNotApplicable) {
      problems.push({ questionId: answer.questionId, message: 'cannot be "not applicable"' });
    } else if (answer.value !== null && answer.value > question.scaleMax) {
      problems.push({
        questionId: answer.questionId,
        message: `the mark goes up to ${question.scaleMax}`,
      });
    }
  }
  for (const id of questions.keys()) {
    if (!answered.has(id)) problems.push({ questionId: id, message: 'not answered' });
  }
  return problems;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function scoreEvaluation(
  form: ScorableForm,
  answers: readonly EvaluationAnswer[],
): ScoringResult {
  const problems = checkAnswers(form, answers);
  if (problems.length > 0) return { ok: false, problems };
  const values = new Map(answers.map((answer) => [answer.questionId, answer.value]));
  const failedCriticalIds: string[] = [];
  let points = 0;
  let maxPoints = 0;
  const sections = form.sections.map((section) => {
    let sectionPoints = 0;
    let sectionMax = 0;
    for (const question of section.questions) {
      const value = values.get(question.id) ?? null;
      if (value === null) continue;
      sectionPoints += (question.weight * value) / question.scaleMax;
      sectionMax += question.weight;
      if (question.isCritical && value < question.scaleMax) failedCriticalIds.push(question.id);
    }
    points += sectionPoints;
    maxPoints += sectionMax;
    return { id: section.id, points: round1(sectionPoints), maxPoints: sectionMax };
  });
  const percent = maxPoints === 0 ? 100 : round1((points / maxPoints) * 100);
  return {
    ok: true,
    score: {
      points: round1(points),
      maxPoints,
      percent,
      failedCriticalIds,
      isPassed: failedCriticalIds.length === 0 && percent >= form.passPercent,
      sections,
    },
  };
}
