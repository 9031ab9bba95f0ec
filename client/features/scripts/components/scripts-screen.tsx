import { Box, Button, Center, Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditScripts } from '../../../../shared/domain/script-versions';
import { SEGMENT_CODES } from '../../../../shared/schemas/common';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { QueryState } from '../../../components/query-state';
import { useReferenceData } from '../../../lib/reference-data';
import { useScriptList } from '../api/script-queries';
import { NewScriptModal } from './new-script-modal';
import { ScriptList } from './script-list';
import { ScriptWorkspace } from './script-workspace';
import { addScreenStrings } from '../../../i18n';
import { scriptsScreenId } from '../../../i18n/scripts-screen-id';

addScreenStrings({ scripts: scriptsScreenId });

/**
 * Guided scripts per topic: trainers and administrators write drafts, walk them in the preview and
 * publish them; leads read what agents are given (docs/scripts.md).
 */
export function ScriptsScreen({ frame }: { frame: FrameProps }) {
  const { t } = useTranslation();
  const list = useScriptList();
  const reference = useReferenceData();
  const [selected, setSelected] = useState<{ scriptId: string; version: number } | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const canEdit = mayEditScripts(frame.user.role);
  const scripts = list.data?.scripts ?? [];
  const segments = reference.data?.segments.map((s) => s.code) ?? SEGMENT_CODES;
  const topicsWithoutScript = (reference.data?.topics ?? []).filter(
    (topic) => !scripts.some((script) => script.topic === topic.code),
  );

  const side = (
    <QueryState query={list} failure={(message) => t('scripts.listLoadFailed', { message })}>
      {(loaded) => (
        <ScriptList
          scripts={loaded.scripts}
          selected={selected}
          onSelect={(scriptId, version) => setSelected({ scriptId, version })}
        />
      )}
    </QueryState>
  );

  return (
    <AppFrame frame={frame}>
      <Box
        style={{ display: 'grid', gridTemplateColumns: '280px minmax(0, 1fr)', height: '100%' }}
        data-testid="scripts-screen"
      >
        <Box
          component="nav"
          aria-label={t('scripts.listTitle')}
          style={{
            overflowY: 'auto',
            minHeight: 0,
            borderRight: '1px solid var(--mantine-color-gray-3)',
          }}
          bg="gray.0"
          p="sm"
        >
          <Group justify="space-between" mb="xs" gap="xs">
            <Title order={2} size="sm">
              {t('scripts.listTitle')}
            </Title>
            {canEdit && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => setIsCreating(true)}
                data-testid="script-new"
              >
                {t('scripts.newScript')}
              </Button>
            )}
          </Group>
          {side}
        </Box>
        <Box p="sm" style={{ minHeight: 0, overflow: 'hidden' }}>
          {selected === null ? (
            <Center h="100%">
              <Text c="dimmed">{t('scripts.selectPrompt')}</Text>
            </Center>
          ) : (
            <ScriptWorkspace
              key={selected.scriptId}
              scriptId={selected.scriptId}
              version={selected.version}
              user={frame.user}
              segments={segments}
              onOpenVersion={(version) => setSelected({ scriptId: selected.scriptId, version })}
            />
          )}
        </Box>
      </Box>
      {canEdit && (
        <NewScriptModal
          opened={isCreating}
          topics={topicsWithoutScript}
          onClose={() => setIsCreating(false)}
          onCreated={(view) => {
            setIsCreating(false);
            setSelected({ scriptId: view.script.id, version: view.version.version });
          }}
        />
      )}
    </AppFrame>
  );
}
