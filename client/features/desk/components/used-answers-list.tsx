import { ActionIcon, Badge, Group, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { removeUsedAnswer, useUsedAnswers } from '../used-answers';

/**
 * The knowledge answers used in this conversation, which the outcome will cite; one inserted by
 * mistake can be taken off before logging.
 */
export function UsedAnswersList({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const used = useUsedAnswers(contactId);
  const titleId = useId();
  return (
    <Stack gap={4} component="section" aria-labelledby={titleId} data-testid="used-answers">
      <Group gap={6} justify="space-between">
        <Text size="sm" fw={500} id={titleId}>
          {t('replyTools.used.title')} ({used.length})
        </Text>
        <Text size="xs" c="dimmed">
          {t('replyTools.used.hint')}
        </Text>
      </Group>
      {used.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('replyTools.used.empty')}
        </Text>
      ) : (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {used.map((answer) => (
            <Group
              component="li"
              key={`${answer.answerId}-${answer.version}`}
              gap={6}
              wrap="nowrap"
              justify="space-between"
              data-testid="used-answer"
            >
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} truncate>
                  {answer.title} v{answer.version}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Badge size="xs" variant="light" color="gray">
                    {answer.source}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t(`replyTools.used.${answer.via}`)}
                  </Text>
                </Group>
              </div>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                aria-label={t('replyTools.used.remove', { title: answer.title })}
                title={t('replyTools.used.remove', { title: answer.title })}
                onClick={() => removeUsedAnswer(contactId, answer)}
                data-testid="used-answer-remove"
              >
                <IconX size={14} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
