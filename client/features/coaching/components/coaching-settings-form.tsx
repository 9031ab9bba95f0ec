import { Button, Checkbox, Chip, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingSettings } from '../../../../shared/schemas/coaching';
import { SEGMENT_CODES, SegmentCodeSchema } from '../../../../shared/schemas/common';
import { errorText } from '../../../lib/error-text';
import { useCoachingSettings, useReplaceCoachingSettings } from '../api/coaching-queries';

function SettingsEditor({ initial }: { initial: CoachingSettings }) {
  const { t } = useTranslation();
  const save = useReplaceCoachingSettings();
  const [settings, setSettings] = useState(initial);
  return (
    <Stack gap="xs">
      <div>
        <Text size="xs" fw={500} mb={4}>
          {t('coaching.settings.segments')}
        </Text>
        <Chip.Group
          multiple
          value={settings.approvalSegments}
          onChange={(value) =>
            setSettings({
              ...settings,
              approvalSegments: value.flatMap((code) => {
                const parsed = SegmentCodeSchema.safeParse(code);
                return parsed.success ? [parsed.data] : [];
              }),
            })
          }
        >
          <Group gap={4}>
            {SEGMENT_CODES.map((code) => (
              <Chip key={code} value={code} size="xs">
                {t(`segment.${code}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </div>
      <Checkbox
        size="xs"
        label={t('coaching.settings.review')}
        checked={settings.traineeOutcomesNeedReview}
        onChange={(event) =>
          setSettings({ ...settings, traineeOutcomesNeedReview: event.currentTarget.checked })
        }
      />
      <Group justify="flex-end">
        <Button
          size="compact-sm"
          loading={save.isPending}
          onClick={() =>
            save.mutate(settings, {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('coaching.settings.saved') }),
              onError: (error) =>
                notifications.show({
                  color: 'red',
                  message: t('coaching.settings.failed', { message: errorText(error, t) }),
                }),
            })
          }
          data-testid="coaching-settings-save"
        >
          {t('coaching.settings.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Administrators: which segments' replies wait for a lead, and whether trainee outcomes are reviewed. */
export function CoachingSettingsForm() {
  const { t } = useTranslation();
  const settings = useCoachingSettings();
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="section"
      aria-label={t('coaching.settings.title')}
      data-testid="coaching-settings"
    >
      <Text fw={650} size="sm" mb={6}>
        {t('coaching.settings.title')}
      </Text>
      {settings.data === undefined ? (
        <Text size="sm" c={settings.isError ? 'red.8' : 'dimmed'}>
          {settings.isError ? errorText(settings.error, t) : t('app.loading')}
        </Text>
      ) : (
        <SettingsEditor initial={settings.data} />
      )}
    </Paper>
  );
}
