import { SegmentedControl } from '@mantine/core';
import type { EvaluationAnswer, EvaluationQuestion } from '../../shared/schemas/evaluation';

/** The mark chosen for "does not apply" in a question's control. */
const NOT_APPLICABLE = 'na';

/**
 * The answers a set of chosen marks stands for: a mark above the question's scale (lowered since it
 * was chosen) or "does not apply" where the question no longer allows it is no answer.
 */
export function answersFromMarks(
  questions: readonly EvaluationQuestion[],
  marks: Readonly<Record<string, string>>,
): EvaluationAnswer[] {
  return questions.flatMap((question): EvaluationAnswer[] => {
    const mark = marks[question.id];
    if (mark === undefined) return [];
    if (mark === NOT_APPLICABLE) {
      return question.allowsNotApplicable ? [{ questionId: question.id, value: null }] : [];
    }
    return Number(mark) <= question.scaleMax
      ? [{ questionId: question.id, value: Number(mark) }]
      : [];
  });
}

/** One question's marks, 0 to its scale, plus "does not apply" where the question allows it. */
export function EvaluationQuestionInput({
  question,
  mark,
  onChange,
  notApplicableLabel,
  ariaLabel,
  testId,
}: {
  question: EvaluationQuestion;
  mark: string | undefined;
  onChange: (mark: string) => void;
  notApplicableLabel: string;
  ariaLabel?: string;
  testId: string;
}) {
  return (
    <SegmentedControl
      size="xs"
      value={mark ?? ''}
      onChange={onChange}
      data={[
        ...Array.from({ length: question.scaleMax + 1 }, (_, value) => ({
          value: String(value),
          label: String(value),
        })),
        ...(question.allowsNotApplicable
          ? [{ value: NOT_APPLICABLE, label: notApplicableLabel }]
          : []),
      ]}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      data-testid={testId}
    />
  );
}
