import {
  Alert,
  Badge,
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayAuthor, mayStartNewVersion } from '../../../../shared/domain/knowledge';
import type { AnswerDetail, AnswerVersion } from '../../../../shared/schemas/knowledge';
import type { User } from '../../../../shared/schemas/user';
import { errorText } from '../../../lib/error-text';
import { formatDateTime } from '../../../lib/format';
import { useLabels } from '../../../lib/reference-data';
import { useCreateAnswer, useSaveDraft, useStartVersion } from '../api/authoring-commands';
import { useAnswer, useUnits } from '../api/authoring-queries';
import { AnswerStatusBadge } from './status-badge';
import { VersionDiff } from './version-diff';
import { VersionForm, emptyValues, valuesOf } from './version-form';
import { VersionHistory } from './version-history';
import { WorkflowActions } from './workflow-actions';

/** A version as agents will read it. */
function VersionView({ version }: { version: AnswerVersion }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6} data-testid="version-view">
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('authoring.summary')}
        </Text>
        <Text size="sm">{version.summary}</Text>
      </div>
      <div>
        <Text size="xs" fw={600} c="dimmed">
          {t('authoring.body')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {version.body}
        </Text>
      </div>
      <Group gap="md">
        <Text size="xs">
          {t('authoring.source')}: {version.sourceDocument} {version.sourceArticle ?? ''}
        </Text>
        <Text size="xs">
          {t('authoring.period')}: {formatDateTime(version.effectiveFrom, i18n.language)} –{' '}
          {version.expiresAt === null
            ? t('authoring.noExpiry')
            : formatDateTime(version.expiresAt, i18n.language)}
        </Text>
      </Group>
    </Stack>
  );
}

/** Writing a new answer: its first version starts as a draft. */
export function NewAnswer({
  onCreated,
  onCancel,
}: {
  onCreated: (answerId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAnswer();
  const [initial] = useState(() => emptyValues(Date.now()));
  return (
    <Stack gap="sm" data-testid="new-answer">
      <Title order={2} size="h4">
        {t('authoring.newAnswer')}
      </Title>
      <VersionForm
        initial={initial}
        isNewAnswer
        submitLabel={t('authoring.createDraft')}
        isPending={create.isPending}
        error={create.error}
        onCancel={onCancel}
        onSubmit={(values, body) =>
          create.mutate(
            { ...body, topic: values.topic, unitId: values.unitId },
            { onSuccess: (detail) => onCreated(detail.id) },
          )
        }
      />
    </Stack>
  );
}

function AnswerBody({ answer, user }: { answer: AnswerDetail; user: User }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const units = useUnits();
  const [selectedNumber, setSelectedNumber] = useState<number | null>(null);
  const [isStartingVersion, setStartingVersion] = useState(false);
  const [isDraftDirty, setDraftDirty] = useState(false);
  const saveDraft = useSaveDraft(answer.id);
  const startVersion = useStartVersion(answer.id);
  const selected = answer.versions.find((v) => v.version === selectedNumber) ?? answer.versions[0];
  const isAuthor = mayAuthor(user.role);
  const unitName =
    units.data?.units.find((unit) => unit.id === answer.unitId)?.name ?? answer.unitId;

  if (selected === undefined) {
    return (
      <Text size="sm" c="dimmed">
        {t('authoring.noVersions')}
      </Text>
    );
  }
  const canStartVersion = isAuthor && mayStartNewVersion(answer.versions) && !isStartingVersion;

  return (
    <Stack gap="sm" data-testid="answer-detail">
      <div>
        <Group gap={6} mb={4}>
          <AnswerStatusBadge status={selected.status} version={selected.version} />
          <Badge size="xs" variant="outline" color="gray">
            {labels.topic(answer.topic)}
          </Badge>
          <Badge size="xs" variant="outline" color="gray" title={t('authoring.unit')}>
            {unitName}
          </Badge>
        </Group>
        <Title order={2} size="h4" data-testid="answer-title">
          {selected.title}
        </Title>
        <Text size="xs" c="dimmed">
          {t('authoring.writtenBy', { name: selected.authorName })}
        </Text>
      </div>
      {selected.note !== null && selected.status === 'draft' && (
        <Alert color="yellow" p="xs" title={t('authoring.lastNote')} data-testid="version-note">
          {selected.note}
        </Alert>
      )}
      {isStartingVersion ? (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('authoring.newVersion')}
          </Title>
          <VersionForm
            initial={valuesOf(selected, answer)}
            isNewAnswer={false}
            submitLabel={t('authoring.createDraft')}
            isPending={startVersion.isPending}
            error={startVersion.error}
            onCancel={() => setStartingVersion(false)}
            onSubmit={(_values, body) =>
              startVersion.mutate(body, {
                onSuccess: (detail) => {
                  setStartingVersion(false);
                  setSelectedNumber(detail.versions[0]?.version ?? null);
                },
              })
            }
          />
        </Stack>
      ) : selected.status === 'draft' && isAuthor ? (
        <VersionForm
          key={`${selected.version}-${selected.updatedAt}`}
          initial={valuesOf(selected, answer)}
          isNewAnswer={false}
          submitLabel={t('authoring.saveDraft')}
          isPending={saveDraft.isPending}
          error={saveDraft.error}
          onDirtyChange={setDraftDirty}
          onSubmit={(_values, body) =>
            saveDraft.mutate(
              { version: selected.version, body },
              { onSuccess: () => setDraftDirty(false) },
            )
          }
        />
      ) : (
        <VersionView version={selected} />
      )}
      {!isStartingVersion && (
        <WorkflowActions
          answerId={answer.id}
          version={selected}
          user={user}
          hasUnsavedChanges={isDraftDirty}
        />
      )}
      {canStartVersion && (
        <Group>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setStartingVersion(true)}
            data-testid="start-version"
          >
            {t('authoring.startVersion')}
          </Button>
        </Group>
      )}
      <Divider />
      <VersionDiff versions={answer.versions} version={selected} />
      <VersionHistory
        versions={answer.versions}
        selected={selected.version}
        onSelect={(version) => {
          setStartingVersion(false);
          setDraftDirty(false);
          setSelectedNumber(version);
        }}
      />
    </Stack>
  );
}

/** One answer: its selected version (editable while a draft), the workflow, diff and history. */
export function AnswerDetailPane({ answerId, user }: { answerId: string; user: User }) {
  const { t } = useTranslation();
  const answer = useAnswer(answerId);
  if (answer.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (answer.isError) {
    return (
      <Alert color="red" role="alert" title={t('app.loadFailed')}>
        {errorText(answer.error, t)}
        <div>
          <Button mt="sm" size="xs" onClick={() => void answer.refetch()}>
            {t('common.retry')}
          </Button>
        </div>
      </Alert>
    );
  }
  return <AnswerBody key={answer.data.id} answer={answer.data} user={user} />;
}
