import { Center, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditScripts } from '../../../../shared/domain/script-versions';
import { SEGMENT_CODES } from '../../../../shared/schemas/common';
import { AppFrame, type FrameProps } from '../../../components/app-frame';
import { ListBesideDetail } from '../../../components/list-beside-detail';
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
      <ListBesideDetail
        testId="scripts-screen"
        listWidth={280}
        title={t('scripts.listTitle')}
        newItem={
          canEdit
            ? {
                label: t('scripts.newScript'),
                testId: 'script-new',
                onClick: () => setIsCreating(true),
              }
            : undefined
        }
        list={side}
        detailPadding="sm"
        detailOverflow="hidden"
      >
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
      </ListBesideDetail>
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
