import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditScripts } from '../../../../shared/domain/script-versions';
import type { SegmentCode } from '../../../../shared/schemas/common';
import type { ScriptVersionView } from '../../../../shared/schemas/script';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../../../lib/format';
import { useLabels } from '../../../lib/reference-data';
import { useRetireVersion, useScriptVersion, useStartDraft } from '../api/script-queries';
import { DraftEditor } from './draft-editor';
import { ScriptOutline } from './script-outline';
import { StatusBadge } from './script-list';
import { ScriptPreview } from './script-preview';

/** Who wrote the version, who published and who retired it, and when. */
function AuditLine({ view }: { view: ScriptVersionView }) {
  const { t, i18n } = useTranslation();
  const v = view.version;
  const when = (at: number) => formatDateTime(at, i18n.language);
  const parts = [
    v.authorName === null
      ? t('scripts.audit.writtenBySystem', { when: when(v.createdAt) })
      : t('scripts.audit.written', { name: v.authorName, when: when(v.createdAt) }),
    ...(v.status === 'draft' && v.updatedAt !== v.createdAt
      ? [t('scripts.audit.changed', { when: when(v.updatedAt) })]
      : []),
    ...(v.publishedAt !== null
      ? [
          t('scripts.audit.published', {
            name: v.publishedByName ?? t('scripts.audit.system'),
            when: when(v.publishedAt),
          }),
        ]
      : []),
    ...(v.retiredAt !== null
      ? [
          t('scripts.audit.retired', {
            name: v.retiredByName ?? t('scripts.audit.system'),
            when: when(v.retiredAt),
          }),
        ]
      : []),
  ];
  return (
    <Text size="xs" c="dimmed" data-testid="version-audit">
      {parts.join(' · ')}
    </Text>
  );
}

/**
 * One version of a script: a draft opens in the editor for trainers and administrators; any other
 * version (and every version, for leads) reads as an outline beside the preview.
 */
export function ScriptWorkspace({
  scriptId,
  version,
  user,
  segments,
  onOpenVersion,
}: {
  scriptId: string;
  version: number;
  user: User;
  segments: readonly SegmentCode[];
  onOpenVersion: (version: number) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const query = useScriptVersion(scriptId, version);
  const startDraft = useStartDraft();
  const retire = useRetireVersion();
  const [isConfirmingRetire, setIsConfirmingRetire] = useState(false);
  const canEdit = mayEditScripts(user.role);

  if (query.isPending) {
    return (
      <Center mih={160}>
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {t('scripts.loadFailed', { message: errorText(query.error, t) })}
      </Alert>
    );
  }
  const view = query.data;
  const { status } = view.version;
  const openDraft = view.script.versions.find((v) => v.status === 'draft');
  const failure = startDraft.error ?? retire.error;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Group justify="space-between" align="flex-start" gap="xs" mb="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Title order={2} size="h4" lineClamp={1} data-testid="version-title">
              {view.version.title}
            </Title>
            <Text size="sm" fw={600} c="dimmed">
              {t('scripts.versionLabel', { version: view.version.version })}
            </Text>
            <StatusBadge version={view.version} />
          </Group>
          <Text size="xs" c="dimmed">
            {labels.topic(view.script.topic)}
          </Text>
          <AuditLine view={view} />
        </Stack>
        {canEdit ? (
          <Group gap="xs" wrap="nowrap">
            {status !== 'draft' &&
              (openDraft !== undefined ? (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onOpenVersion(openDraft.version)}
                  data-testid="draft-open"
                >
                  {t('scripts.openDraft', { version: openDraft.version })}
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  title={t('scripts.startDraftHint')}
                  loading={startDraft.isPending}
                  onClick={() =>
                    startDraft.mutate(scriptId, {
                      onSuccess: (draft) => onOpenVersion(draft.version.version),
                    })
                  }
                  data-testid="draft-start"
                >
                  {t('scripts.startDraft')}
                </Button>
              ))}
            {status === 'published' && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => setIsConfirmingRetire(true)}
                data-testid="version-retire"
              >
                {t('scripts.retire')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="xs" c="dimmed" maw={260} ta="right">
            {t('scripts.readOnly')}
          </Text>
        )}
      </Group>
      {failure !== null && (
        <Alert color="red" role="alert" p="xs" mb="xs">
          {startDraft.error !== null
            ? t('scripts.startDraftFailed', { message: errorText(failure, t) })
            : t('scripts.retireFailed', { message: errorText(failure, t) })}
        </Alert>
      )}
      <Box style={{ flex: 1, minHeight: 0 }}>
        {status === 'draft' && canEdit ? (
          <DraftEditor
            key={`${scriptId}-${version}`}
            view={view}
            segments={segments}
            agentName={user.displayName}
          />
        ) : (
          <Box
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(0, 1fr) 380px',
              gap: 'var(--mantine-spacing-sm)',
              height: '100%',
              minHeight: 0,
            }}
          >
            <Box style={{ overflowY: 'auto', minHeight: 0 }}>
              <ScriptOutline definition={view.version.definition} />
            </Box>
            <Box style={{ overflowY: 'auto', minHeight: 0 }}>
              <ScriptPreview
                key={`${scriptId}-${version}`}
                definition={view.version.definition}
                title={view.version.title}
                version={view.version.version}
                topic={view.script.topic}
                agentName={user.displayName}
              />
            </Box>
          </Box>
        )}
      </Box>
      <Modal
        opened={isConfirmingRetire}
        onClose={() => setIsConfirmingRetire(false)}
        title={t('scripts.retire')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('scripts.retireConfirm', { version })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setIsConfirmingRetire(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={retire.isPending}
              onClick={() =>
                retire.mutate(
                  { scriptId, version },
                  {
                    onSuccess: () =>
                      notifications.show({ message: t('scripts.retired', { version }) }),
                    onSettled: () => setIsConfirmingRetire(false),
                  },
                )
              }
              data-testid="retire-confirm"
            >
              {t('scripts.retire')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Box>
  );
}
