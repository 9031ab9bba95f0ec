import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { citeAnswer, citeScript } from '../../shared/domain/provenance';
import type { OutcomeProvenance as Provenance } from '../../shared/schemas/provenance';

/**
 * What an outcome rested on, in one line: `Jawaban: Syarat PKH v3 (Permensos 1/2018 Pasal 5) ·
 * Skrip: Bansos v2`. The steps taken through the script follow on a second line when asked for
 * (a profile), or are only in the tooltip (a dense list). Nothing for an outcome without any.
 */
export function OutcomeProvenance({
  provenance,
  showSteps = false,
}: {
  provenance: Provenance | undefined;
  showSteps?: boolean;
}) {
  const { t } = useTranslation();
  if (provenance === undefined) return null;
  const { answers, script } = provenance;
  if (answers.length === 0 && script === null) return null;
  const parts = [
    ...(answers.length > 0
      ? [t('replyTools.provenance.answers', { answers: answers.map(citeAnswer).join('; ') })]
      : []),
    ...(script !== null ? [t('replyTools.provenance.script', { script: citeScript(script) })] : []),
  ];
  const steps =
    script !== null && script.steps.length > 0
      ? t('replyTools.provenance.steps', {
          steps: script.steps
            .map((step) => (step.answer === null ? step.title : `${step.title} (${step.answer})`))
            .join(' → '),
        })
      : null;
  return (
    <div data-testid="outcome-provenance">
      <Text size="xs" c="dimmed" mt={2} title={steps ?? undefined}>
        {parts.join(' · ')}
      </Text>
      {showSteps && steps !== null && (
        <Text size="xs" c="dimmed" data-testid="outcome-provenance-steps">
          {steps}
        </Text>
      )}
    </div>
  );
}
