import { Box, Button, Center, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayAuthor } from '../../../../shared/domain/knowledge';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { AnswerDetailPane, NewAnswer } from './answer-detail';
import { AnswerList } from './answer-list';
import { addScreenStrings } from '../../../i18n';
import { authoringScreenId } from '../../../i18n/authoring-screen-id';

addScreenStrings({ authoring: authoringScreenId });

type Selection = { kind: 'none' } | { kind: 'new' } | { kind: 'answer'; answerId: string };

/**
 * Where trainers write answers and leads and administrators verify them: the list on the left,
 * the chosen answer (or a new one) on the right with its workflow, diff and history.
 */
export function KnowledgeAuthoringScreen({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const [selection, setSelection] = useState<Selection>({ kind: 'none' });
  const isAuthor = mayAuthor(frame.user.role);

  let detail;
  if (selection.kind === 'new') {
    detail = (
      <NewAnswer
        onCreated={(answerId) => setSelection({ kind: 'answer', answerId })}
        onCancel={() => setSelection({ kind: 'none' })}
      />
    );
  } else if (selection.kind === 'answer') {
    detail = <AnswerDetailPane answerId={selection.answerId} user={frame.user} />;
  } else {
    detail = (
      <Center h="100%">
        <Text size="sm" c="dimmed">
          {t('authoring.pickOne')}
        </Text>
      </Center>
    );
  }

  return (
    <AppFrame frame={frame}>
      <Box
        style={{ display: 'grid', gridTemplateColumns: '380px minmax(0, 1fr)', height: '100%' }}
        data-testid="knowledge-authoring"
      >
        <Box
          component="section"
          aria-labelledby="authoring-list-title"
          p="sm"
          bg="gray.0"
          style={{
            borderRight: '1px solid var(--mantine-color-gray-3)',
            minHeight: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: 'var(--mantine-spacing-xs)',
          }}
        >
          <Group justify="space-between">
            <Title order={1} size="h5" id="authoring-list-title">
              {t('authoring.title')}
            </Title>
            {isAuthor && (
              <Button
                size="compact-xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setSelection({ kind: 'new' })}
                data-testid="new-answer-button"
              >
                {t('authoring.newAnswer')}
              </Button>
            )}
          </Group>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <AnswerList
              selectedId={selection.kind === 'answer' ? selection.answerId : null}
              onSelect={(answerId) => setSelection({ kind: 'answer', answerId })}
            />
          </Box>
        </Box>
        <Box
          component="section"
          aria-label={t('authoring.detailRegion')}
          p="md"
          style={{ overflowY: 'auto', minHeight: 0 }}
        >
          {detail}
        </Box>
      </Box>
    </AppFrame>
  );
}
