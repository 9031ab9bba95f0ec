import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptSummary, ScriptVersionSummary } from '../../../../shared/schemas/script';
import { formatWhen } from '../../../lib/format';
import { useLabels } from '../../../lib/reference-data';

export const STATUS_COLOR = { draft: 'yellow', published: 'teal', retired: 'gray' } as const;

/** The version a script opens at: the draft being written, else what agents use, else the latest. */
export function defaultVersion(script: ScriptSummary): number | undefined {
  const pick =
    script.versions.find((v) => v.status === 'draft') ??
    script.versions.find((v) => v.status === 'published') ??
    script.versions[0];
  return pick?.version;
}

export function StatusBadge({ version }: { version: ScriptVersionSummary }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color={STATUS_COLOR[version.status]}>
      {t(`scripts.status.${version.status}`)}
    </Badge>
  );
}

/**
 * Every script the user may see, by topic, with the queues that use it and its versions' statuses;
 * the chosen script lists its versions to open one.
 */
export function ScriptList({
  scripts,
  selected,
  onSelect,
}: {
  scripts: readonly ScriptSummary[];
  selected: { scriptId: string; version: number } | null;
  onSelect: (scriptId: string, version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  if (scripts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('scripts.none')}
      </Text>
    );
  }
  return (
    <Stack
      gap={4}
      component="ul"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      data-testid="script-list"
    >
      {scripts.map((script) => {
        const isSelected = selected?.scriptId === script.id;
        const latest = script.versions[0];
        const open = defaultVersion(script);
        return (
          <li key={script.id} data-testid="script-item" data-script-id={script.id}>
            <UnstyledButton
              w="100%"
              p={6}
              style={{
                borderRadius: 'var(--mantine-radius-sm)',
                background: isSelected ? 'var(--mantine-color-teal-0)' : undefined,
              }}
              aria-current={isSelected ? 'true' : undefined}
              onClick={() => open !== undefined && onSelect(script.id, open)}
              data-testid="script-open"
            >
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {labels.topic(script.topic)}
              </Text>
              <Text size="sm" fw={600} lineClamp={2}>
                {latest?.title}
              </Text>
              <Group gap={4} mt={2}>
                {script.versions.slice(0, 3).map((v) => (
                  <Badge key={v.version} size="xs" variant="light" color={STATUS_COLOR[v.status]}>
                    v{v.version} {t(`scripts.status.${v.status}`)}
                  </Badge>
                ))}
              </Group>
              <Text size="xs" c="dimmed" mt={2}>
                {script.queueIds.length > 0
                  ? t('scripts.queues', { queues: script.queueIds.map(labels.queue).join(', ') })
                  : t('scripts.noQueues')}
              </Text>
            </UnstyledButton>
            {isSelected && (
              <Stack
                gap={0}
                component="ol"
                m={0}
                pl="md"
                aria-label={t('scripts.versionsOf', { title: latest?.title ?? '' })}
                style={{ listStyle: 'none' }}
                data-testid="version-list"
              >
                {script.versions.map((v) => (
                  <li key={v.version}>
                    <UnstyledButton
                      w="100%"
                      px={6}
                      py={2}
                      aria-current={selected.version === v.version ? 'true' : undefined}
                      style={{
                        borderLeft: `3px solid ${
                          selected.version === v.version
                            ? 'var(--mantine-color-teal-6)'
                            : 'transparent'
                        }`,
                      }}
                      onClick={() => onSelect(script.id, v.version)}
                      data-testid="version-open"
                      data-version={v.version}
                      data-status={v.status}
                    >
                      <Group gap={4} wrap="nowrap">
                        <Text size="xs" fw={600}>
                          {t('scripts.versionLabel', { version: v.version })}
                        </Text>
                        <StatusBadge version={v} />
                        <Text size="xs" c="dimmed" truncate>
                          {formatWhen(v.publishedAt ?? v.updatedAt, i18n.language)}
                        </Text>
                      </Group>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
